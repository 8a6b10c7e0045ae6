using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// <c>crm:session-sweep</c>: deletes expired sessions of browsers that never came back (an expired
/// session that is used again is refused and deleted on the spot).
/// </summary>
internal sealed class UserSessionSweepJob(UserSessions sessions) : IPluginJob
{
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        var removed = await sessions.RemoveExpiredAsync(cancellationToken);
        await context.ReportProgressAsync(100, $"{removed} expired session(s) removed", cancellationToken);
    }
}
