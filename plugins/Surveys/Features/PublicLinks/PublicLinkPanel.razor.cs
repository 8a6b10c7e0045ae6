using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Sdk.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CrmBlazor.Plugins.Surveys.Features.PublicLinks;

/// <summary>
/// The public link of an anonymous survey, in its builder. The link is known only in the moment it is made
/// (the survey keeps its hash), so the panel shows it then, with a copy button, and afterwards says that a
/// new link must be made to share it again.
/// </summary>
public sealed partial class PublicLinkPanel
{
    private static readonly string[] Fields = [nameof(PublicLinkInput.ValidDays)];
    private readonly PublicLinkInput _input = new();
    private ChangeResult? _result;
    private string? _saved;
    private string? _link;
    private bool _copied;

    [Inject]
    private PublicLinkService PublicLinks { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    /// <summary>The survey as the builder loaded it (anonymous).</summary>
    [Parameter, EditorRequired]
    public Survey Survey { get; set; } = default!;

    /// <summary>Whether the user builds surveys and so may change the link; the service checks again.</summary>
    [Parameter]
    public bool CanManage { get; set; }

    /// <summary>Called after the link changed, so the builder loads the survey's new version.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    private async Task MakeAsync()
    {
        if (Survey.PublicTokenHash is not null
            && !await Dialogs.ConfirmAsync(L["Make a new link"], L["The current public link stops working at once; answer pages visitors have opened keep working. Make a new link?"], L["Make a new link"], L["Cancel"], destructive: true))
        {
            return;
        }

        _input.RowVersion = Survey.RowVersion;
        var made = await PublicLinks.MakeAsync(Survey.Id, _input);
        Report(made.Result, L["The public link is on. Copy it now."]);
        if (made.Link is { } link)
        {
            _link = link;
            await Changed.InvokeAsync();
        }
    }

    private async Task SwitchOffAsync()
    {
        if (!await Dialogs.ConfirmAsync(L["Switch the public link off"], L["The public link stops working at once; answer pages visitors have opened keep working until they expire. Switch it off?"], L["Switch off"], L["Cancel"], destructive: true))
        {
            return;
        }

        var result = await PublicLinks.SwitchOffAsync(Survey.Id, Survey.RowVersion);
        Report(result, L["The public link is off."]);
        if (result.Succeeded)
        {
            _link = null;
            await Changed.InvokeAsync();
        }
    }

    private void Report(ChangeResult result, string saved)
    {
        _result = result;
        _saved = saved;
        _copied = false;
    }

    private async Task CopyAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", _link);
            _copied = true;
        }
        catch (JSException)
        {
            // The browser refused the clipboard (no permission, not a secure page): the link stays selectable.
            _copied = false;
        }
    }
}
