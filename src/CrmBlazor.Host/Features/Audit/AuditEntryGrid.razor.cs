using System.Globalization;
using CrmBlazor.Data.Audit;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Sdk.Formatting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Audit;

/// <summary>
/// Audit entries, newest first, paged on the server: who changed which record when, and each
/// property's value before and after, with user names and local times.
/// </summary>
public partial class AuditEntryGrid
{
    private MudDataGrid<AuditEntry>? _grid;
    private AuditChangeReader _reader = new(AuditNames.None, CultureInfo.CurrentCulture, TimeZoneInfo.Utc);

    [Inject]
    private AuditQueries Queries { get; set; } = default!;

    [Inject]
    private UserDisplay Show { get; set; } = default!;

    /// <summary>The entries to show (the grid orders and pages them).</summary>
    [Parameter, EditorRequired]
    public AuditFilter Filter { get; set; } = new();

    /// <summary>Whether to show who owns each record (<c>crm</c> or a plugin id).</summary>
    [Parameter]
    public bool ShowOwner { get; set; }

    /// <summary>Properties to leave out of the changes, besides keys and row versions.</summary>
    [Parameter]
    public IReadOnlySet<string>? HiddenProperties { get; set; }

    /// <summary>Entries per page.</summary>
    [Parameter]
    public int RowsPerPage { get; set; } = 25;

    /// <summary>Reloads the entries from the first page (after the filters changed).</summary>
    public Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task<GridData<AuditEntry>> LoadAsync(GridState<AuditEntry> state, CancellationToken cancellationToken)
    {
        var page = await Queries.PageAsync(Filter, state.Page, state.PageSize, cancellationToken);
        _reader = new AuditChangeReader(page.Names, CultureInfo.CurrentCulture, Show.TimeZone);
        return new GridData<AuditEntry> { Items = page.Items, TotalItems = page.Total };
    }

    private IReadOnlyList<AuditChange> Changes(AuditEntry entry) => _reader.Read(entry, HiddenProperties);

    private string When(AuditEntry entry) => Show.DateTime(entry.OccurredAt);

    private string Who(AuditEntry entry) => entry.ActorId is { } id
        ? _reader.Names.UserName(id) is var name && name != id ? name : entry.ActorName ?? id
        : entry.ActorName is null or "system" ? L["System"] : entry.ActorName;

    private string Record(AuditEntry entry) => entry.Entity switch
    {
        AuditLabels.UserEntity => $"{L[AuditLabels.Entity(entry.Entity)]} {_reader.Names.UserName(entry.EntityKey)}",

        // The changes name the tag; the key is the customer's and the tag's ids.
        AuditLabels.CustomerTagEntity => L[AuditLabels.Entity(entry.Entity)].Value,
        _ => $"{L[AuditLabels.Entity(entry.Entity)]} #{entry.EntityKey}",
    };

    private static string? RecordHref(AuditEntry entry) =>
        entry.Owner == CrmBlazor.Data.CrmDbContextOptions.CoreOwnerId && entry.Entity == nameof(Customer) && long.TryParse(entry.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? $"/customers/{id}"
            : null;
}
