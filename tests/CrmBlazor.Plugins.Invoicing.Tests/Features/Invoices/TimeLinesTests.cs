using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Invoicing.Tests.Features.Invoices;

public sealed class TimeLinesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Fact]
    public void ByTask_OneLinePerTaskAndRate()
    {
        var lines = Group(TimeGrouping.Task,
            Entry(1, "meera", Monday, 60, task: (10, "Design"), rate: 100m),
            Entry(2, "ravi", Monday, 30, task: (10, "Design"), rate: 100m),
            Entry(3, "nino", Monday, 60, task: (10, "Design"), rate: 150m),
            Entry(4, "meera", Monday.AddDays(1), 120, task: (11, "Build"), rate: 100m));

        Assert.Equal(
            [("Website · Design", 90, 150.00m), ("Website · Design", 60, 150.00m), ("Website · Build", 120, 200.00m)],
            lines.Select(l => (l.Description, l.Minutes!.Value, l.Amount)));
    }

    [Fact]
    public void ByPerson_OneLinePerPersonAndProject()
    {
        var lines = Group(TimeGrouping.Person,
            Entry(1, "meera", Monday, 60),
            Entry(2, "ravi", Monday, 30),
            Entry(3, "meera", Monday.AddDays(1), 60));

        Assert.Equal([("Meera · Website", 120), ("Ravi · Website", 30)], lines.Select(l => (l.Description, l.Minutes!.Value)));
    }

    [Fact]
    public void ByDay_OneLinePerDayAndProject()
    {
        var lines = Group(TimeGrouping.Day,
            Entry(1, "meera", Monday, 60),
            Entry(2, "ravi", Monday, 30),
            Entry(3, "meera", Monday.AddDays(1), 45));

        Assert.Equal([("2026-11-02 · Website", 90), ("2026-11-03 · Website", 45)], lines.Select(l => (l.Description, l.Minutes!.Value)));
    }

    [Fact]
    public void LineAmount_IsRoundedOnceForTheLine_NotSummedFromRoundedEntries()
    {
        // Three entries of 20 minutes at 100/h are worth 33.33 each when rounded alone (99.99); the line is one hour: 100.00.
        var lines = Group(TimeGrouping.Task, Entry(1, "meera", Monday, 20), Entry(2, "meera", Monday, 20), Entry(3, "meera", Monday, 20));

        Assert.Equal((1.0000m, 100.00m), (lines.Single().Quantity, lines.Single().Amount));
    }

    private static List<InvoiceLine> Group(TimeGrouping grouping, params BillableTimeEntry[] entries) =>
        TimeLines.Lines([.. entries.Select(e => TimeLines.ToAnnex(e, grouping))], grouping, "INR", "exempt");

    private static BillableTimeEntry Entry(long id, string person, DateOnly date, int minutes, (long Id, string Name)? task = null, decimal rate = 100m) =>
        new(id, 1, "Website", BillingMode.TimeAndMaterials, task?.Id, task?.Name, person, char.ToUpperInvariant(person[0]) + person[1..], date, minutes, null,
            rate, RateSource.Project, "INR", Math.Round(minutes * rate / 60m, 2, MidpointRounding.AwayFromZero), null);
}
