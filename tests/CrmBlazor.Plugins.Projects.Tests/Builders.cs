using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Time;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Tests;

/// <summary>Named situations for the unit tests.</summary>
internal static class A
{
    public static readonly DateOnly Monday = new(2026, 3, 2);

    public static Project Project(ProjectStatus status = ProjectStatus.Active, string name = "Website relaunch") =>
        new() { Id = 7, CustomerId = 3, Name = name, Currency = "INR", Status = status };

    public static TimeEntry BilledEntry(string? invoiceNumber) =>
        new() { Id = 11, UserId = "u", ProjectId = 7, Date = Monday, Minutes = 60, IsBillable = true, BilledInvoiceId = 42, BilledDocumentNumber = invoiceNumber };

    public static WeekSheet Week(params WeekRow[] rows) => new("u", "Ravi Shankar", Monday, rows);

    /// <summary>A row with time on some days: minutes per day from Monday (0 for none).</summary>
    public static WeekRow Row(long projectId, params int[] minutes) =>
        new(new TimeRowKey(projectId, null, true), "Project " + projectId, "Customer", null, true,
            [.. Enumerable.Range(0, 7).Select(i =>
            {
                var m = i < minutes.Length ? minutes[i] : 0;
                return new WeekCell(Monday.AddDays(i), m, m == 0 ? 0 : 1, m == 0 ? null : 100 + i, m == 0 ? null : Guid.NewGuid(), null);
            })]);
}
