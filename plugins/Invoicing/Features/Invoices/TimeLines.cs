using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>Turns billed time entries into an invoice's annex rows and its time lines, grouped as the invoice says.</summary>
public static class TimeLines
{
    /// <summary>The annex row of an entry, with the key of the line it belongs to.</summary>
    /// <param name="entry">The entry as the projects plugin describes it.</param>
    /// <param name="grouping">How the invoice groups its time.</param>
    public static InvoiceTimeEntry ToAnnex(BillableTimeEntry entry, TimeGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return InvoiceTimeEntry.Of(entry, KeyOf(entry.ProjectId, entry.TaskId, entry.UserId, entry.Date, entry.HourlyRate, grouping));
    }

    /// <summary>Regroups annex rows (a changed grouping) by setting their line keys; only their invoice does this.</summary>
    /// <param name="annex">The rows.</param>
    /// <param name="grouping">The grouping.</param>
    internal static void Regroup(IEnumerable<InvoiceTimeEntry> annex, TimeGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(annex);
        foreach (var row in annex)
        {
            row.MoveToGroup(KeyOf(row.ProjectId, row.TaskId, row.UserId, row.Date, row.HourlyRate, grouping));
        }
    }

    /// <summary>
    /// The time lines of annex rows: one per group key (the grouping and the rate, so that people with
    /// their own rates get lines of their own), in the order of their first entry. A line's amount is
    /// its minutes × rate ÷ 60 rounded once (<see cref="InvoiceCalculator.TimeAmount"/>).
    /// </summary>
    /// <param name="annex">The rows.</param>
    /// <param name="grouping">The grouping.</param>
    /// <param name="currency">The invoice's currency.</param>
    /// <param name="taxProfile">The tax profile of the lines.</param>
    public static List<InvoiceLine> Lines(IReadOnlyCollection<InvoiceTimeEntry> annex, TimeGrouping grouping, string currency, string taxProfile)
    {
        ArgumentNullException.ThrowIfNull(annex);
        return [.. annex
            .OrderBy(r => r.Date).ThenBy(r => r.EntryId)
            .GroupBy(r => r.GroupKey, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                return InvoiceLine.Time(Describe(first, grouping), g.Sum(r => r.Minutes), first.HourlyRate ?? 0m, currency, taxProfile, g.Key);
            })];
    }

    private static string KeyOf(long projectId, long? taskId, string userId, DateOnly date, decimal? rate, TimeGrouping grouping)
    {
        var rateKey = rate?.ToString("0.####", CultureInfo.InvariantCulture) ?? "none";
        return grouping switch
        {
            TimeGrouping.Person => FormattableString.Invariant($"person:{projectId}:{userId}:{rateKey}"),
            TimeGrouping.Day => FormattableString.Invariant($"day:{date:yyyy-MM-dd}:{projectId}:{rateKey}"),
            _ => FormattableString.Invariant($"task:{projectId}:{taskId?.ToString(CultureInfo.InvariantCulture) ?? "-"}:{rateKey}"),
        };
    }

    private static string Describe(InvoiceTimeEntry row, TimeGrouping grouping) => grouping switch
    {
        TimeGrouping.Person => $"{row.PersonName} · {row.ProjectName}",
        TimeGrouping.Day => $"{row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} · {row.ProjectName}",
        _ => row.TaskName is null ? row.ProjectName : $"{row.ProjectName} · {row.TaskName}",
    };
}
