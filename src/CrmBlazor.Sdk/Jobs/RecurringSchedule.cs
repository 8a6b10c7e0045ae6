using Cronos;

namespace CrmBlazor.Sdk.Jobs;

/// <summary>
/// Reads a recurring job's cron expression as Hangfire does when <c>RecurringJobRegistration</c> registers
/// it: five fields, six with seconds first, or a macro such as <c>@daily</c>. A plugin
/// registering a schedule Hangfire would refuse is refused while it configures, with this reason, instead
/// of failing the host's start after the plugin was reported loaded. Cronos is the parser Hangfire.Core
/// carries inside it, in the same version.
/// </summary>
internal static class RecurringSchedule
{
    private static readonly char[] FieldSeparators = [' ', '\t'];

    /// <summary>Why Hangfire would refuse the expression, or null if it accepts it.</summary>
    /// <param name="cron">The cron expression.</param>
    public static string? Problem(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            return "is empty: " + Expected;
        }

        var format = cron.Split(FieldSeparators, StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            CronExpression.Parse(cron, format);
            return null;
        }
        catch (CronFormatException e)
        {
            // Cronos says "The given cron expression has an invalid format." before the field at fault.
            var detail = e.Message.Replace("The given cron expression has an invalid format.", string.Empty, StringComparison.Ordinal).Trim().TrimEnd('.');
            return $"is not a cron expression ({detail}): {Expected}";
        }
    }

    private static string Expected =>
        "use five fields (minute hour day-of-month month day-of-week, in UTC) such as \"0 3 * * *\" for 03:00 every day, or six with seconds first.";
}
