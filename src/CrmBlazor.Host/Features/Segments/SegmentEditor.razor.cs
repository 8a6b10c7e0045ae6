using System.Globalization;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>
/// Creates or edits a segment: its name, description and rules, with a live count of the customers
/// the rules match while they are edited. Users without <see cref="CorePermissions.ManageSegments"/>
/// see the rules as sentences.
/// </summary>
public partial class SegmentEditor
{
    private SegmentInput _input = new();
    private Segment? _segment;
    private SegmentRuleChoices _choices = SegmentRuleChoices.Empty;
    private IReadOnlyDictionary<string, string[]> _countErrors = new Dictionary<string, string[]>();
    private IReadOnlyDictionary<string, string[]>? _ruleErrors;
    private ChangeResult? _result;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private string _title = string.Empty;
    private int _version;
    private bool _loading = true;
    private bool _missing;
    private bool _canManage;
    private bool _saving;

    [Inject]
    private SegmentService Segments { get; set; } = default!;

    [Inject]
    private CustomerQueries Customers { get; set; } = default!;

    [Inject]
    private IUserDirectory Users { get; set; } = default!;

    [Inject]
    private PluginCatalog Catalog { get; set; } = default!;

    [Inject]
    private IStringLocalizerFactory Localizers { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The segment from the address, or null for a new one.</summary>
    [Parameter]
    public long? Id { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _result = null;
        var user = (await AuthenticationState).User;
        _canManage = (await Authorization.AuthorizeAsync(user, CorePermissions.ManageSegments)).Succeeded;
        var fields = Segments.Fields.Select(f => new SegmentFieldOption(f, Localize(f.OwnerId, f.Title))).ToList();
        var users = await Users.ListAsync();
        var tags = await Customers.TagsAsync();
        _choices = new SegmentRuleChoices(fields, [.. users.Select(u => (u.Id, u.Name))], [.. tags.Select(t => t.Name)]);

        _segment = Id is { } id ? await Segments.GetAsync(id) : null;
        _missing = Id is not null && _segment is null;
        _input = _segment is { } segment
            ? new SegmentInput { Name = segment.Name, Description = segment.Description, Definition = SegmentDefinition.FromJson(segment.Definition), RowVersion = segment.RowVersion }
            : new SegmentInput();
        _title = _segment?.Name ?? (Id is null ? L["New segment"] : L["Segment"]);
        _breadcrumbs = [new BreadcrumbItem(L["Segments"], "/segments"), new BreadcrumbItem(_title, href: null, disabled: true)];
        _countErrors = new Dictionary<string, string[]>();
        _ruleErrors = null;
        _version++;
        _loading = false;
    }

    private string Localize(string ownerId, string title) => Catalog.LocalizerFor(ownerId, Localizers)?[title].Value ?? title;

    private string? FieldError(string key) =>
        _result?.Errors.TryGetValue(key, out var messages) == true ? string.Join(" ", messages.Select(L.Show)) : null;

    private void RulesChanged()
    {
        // Messages are keyed by rule position: after an edit they wait for the next count.
        _ruleErrors = null;
        _version++;
    }

    private void CountErrorsChanged(IReadOnlyDictionary<string, string[]> errors)
    {
        _countErrors = errors;
        _ruleErrors = errors;
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            _result = Id is { } id ? await Segments.UpdateAsync(id, _input) : await Segments.CreateAsync(_input);
            if (_result.Succeeded)
            {
                var saved = await Segments.GetAsync(_result.Id!.Value);
                Snackbar.Add(string.Format(CultureInfo.CurrentCulture, L["Segment saved. Members now: {0}."].Value, saved?.MemberCount.ToString("N0", CultureInfo.CurrentCulture)), Severity.Success);
                if (Id is null)
                {
                    Navigation.NavigateTo($"/segments/{_result.Id}");
                }
                else
                {
                    await OnParametersSetAsync();
                }

                return;
            }

            // Rule messages of a refused save are keyed "Definition.Rules[0].Value"; show them next to the rules.
            // The rule builder translates texts; a message with values (a character's position) comes translated already.
            _ruleErrors = _result.Errors
                .Where(e => e.Key.StartsWith("Definition.", StringComparison.Ordinal))
                .ToDictionary(e => e.Key["Definition.".Length..], e => e.Value.Select(p => p.Arguments.Length == 0 ? p.Text : L.Show(p)).ToArray());
            if (_ruleErrors.Count == 0)
            {
                _ruleErrors = _countErrors;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ConfirmAsync(
            L["Delete segment"],
            string.Format(CultureInfo.CurrentCulture, L["Delete the segment \"{0}\"? Its customers stay; only the grouping goes. Plugins that use it as an audience lose it."].Value, _segment?.Name),
            L["Delete"], L["Cancel"], destructive: true);
        if (!confirmed)
        {
            return;
        }

        _result = await Segments.DeleteAsync(Id!.Value);
        if (_result.Succeeded)
        {
            Snackbar.Add(L["Segment deleted."], Severity.Success);
            Navigation.NavigateTo("/segments");
        }
    }
}
