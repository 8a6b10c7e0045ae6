using CrmBlazor.Host.Jobs;
using CrmBlazor.Sdk.Jobs;
using Hangfire;
using Hangfire.InMemory;

namespace CrmBlazor.Host.Tests.Jobs;

/// <summary>
/// A schedule a plugin registers is checked while it configures; the check must say what Hangfire will
/// say when the job is registered at start-up, or a schedule it lets through crashes the start.
/// </summary>
public sealed class RecurringScheduleTests
{
    [Theory]
    [InlineData("0 3 * * *")]
    [InlineData("*/5 * * * *")]
    [InlineData("30 7 * * 1-5")]
    [InlineData("0 3 1 * *")]
    [InlineData("0 3 L * *")]
    [InlineData("0 9 * * MON#1")]
    [InlineData("15 0 3 * * *")]
    [InlineData("0  3 * *  *")]
    [InlineData("every tuesday")]
    [InlineData("0 3 * *")]
    [InlineData("0 0 3 * * * *")]
    [InlineData("61 * * * *")]
    [InlineData("0 25 * * *")]
    [InlineData("0 3 * * 8")]
    [InlineData("0 0 30 2 *")]
    [InlineData("@daily")]
    [InlineData("")]
    public void Problem_ForAnyExpression_AgreesWithHangfire(string cron)
    {
        var hangfireAccepts = HangfireAccepts(cron);

        var problem = RecurringSchedule.Problem(cron);

        Assert.True(hangfireAccepts == problem is null, $"Hangfire {(hangfireAccepts ? "accepts" : "refuses")} '{cron}'; the check says: {problem ?? "fine"}");
    }

    private static bool HangfireAccepts(string cron)
    {
        using var storage = new InMemoryStorage();
        try
        {
            new RecurringJobManager(storage).AddOrUpdate("check", () => Console.WriteLine(), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
