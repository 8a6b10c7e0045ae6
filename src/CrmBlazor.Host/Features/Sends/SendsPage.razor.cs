using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Audiences;
using CrmBlazor.Sdk.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>
/// Campaigns: choose a campaign template and a segment, see who receives it, who is left out and why, and
/// the message in each language used, then send; below, the latest sends with how far they got.
/// </summary>
public sealed partial class SendsPage
{
    private IReadOnlyList<SendTemplate> _templates = [];
    private IReadOnlyList<AudienceInfo> _segments = [];
    private IReadOnlyList<SendSummary>? _sends;
    private string? _templateKey;
    private long? _segmentId;
    private SendPreview? _preview;
    private ChangeResult? _result;
    private bool _loadingPreview;
    private bool _starting;

    [Inject]
    private SendService Sends { get; set; } = default!;

    [Inject]
    private SendTemplates Templates { get; set; } = default!;

    [Inject]
    private SendQueries Queries { get; set; } = default!;

    [Inject]
    private IAudienceDirectory Audiences { get; set; } = default!;

    [Inject]
    private PluginCatalog Catalog { get; set; } = default!;

    [Inject]
    private IStringLocalizerFactory Localizers { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The campaign template chosen on arrival (<c>?template=</c>, from the template editor), or null.</summary>
    [SupplyParameterFromQuery(Name = "template")]
    public string? Template { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _templates = await Templates.CampaignsAsync();
        _templateKey = _templates.FirstOrDefault(t => t.Key == Template)?.Key;
        _segments = await Audiences.ListAsync();
        _sends = await Queries.LatestAsync(20);
    }

    private string TitleOf(SendTemplate template) =>
        Catalog.LocalizerFor(template.OwnerId, Localizers, L)?[template.Title] ?? template.Title;

    private async Task TemplateChangedAsync(string? key)
    {
        _templateKey = key;
        await PreviewAsync();
    }

    private async Task SegmentChangedAsync(long? id)
    {
        _segmentId = id;
        await PreviewAsync();
    }

    private async Task PreviewAsync()
    {
        _preview = null;
        _result = null;
        if (_templateKey is not { } key || _segmentId is not { } segmentId)
        {
            return;
        }

        _loadingPreview = true;
        try
        {
            _preview = await Sends.PreviewCampaignAsync(key, segmentId, Navigation.BaseUri);
        }
        finally
        {
            _loadingPreview = false;
        }
    }

    private async Task StartAsync()
    {
        if (_templateKey is not { } key || _segmentId is not { } segmentId || _preview is not { } preview)
        {
            return;
        }

        var template = _templates.First(t => t.Key == key);
        var segment = _segments.First(s => s.Id == segmentId);
        if (!await Dialogs.ConfirmAsync(
            L["Send the campaign?"],
            string.Format(System.Globalization.CultureInfo.CurrentCulture, L["\"{0}\" goes to {1} people in \"{2}\". This cannot be undone."].Value, TitleOf(template), preview.Receiving.ToString("N0"), segment.Name),
            L["Send"],
            L["Cancel"]))
        {
            return;
        }

        _starting = true;
        try
        {
            _result = await Sends.StartCampaignAsync(key, segmentId, Navigation.BaseUri);
            if (_result is { Succeeded: true, Id: { } id })
            {
                Navigation.NavigateTo($"/messages/sends/{id}");
            }
        }
        finally
        {
            _starting = false;
        }
    }
}
