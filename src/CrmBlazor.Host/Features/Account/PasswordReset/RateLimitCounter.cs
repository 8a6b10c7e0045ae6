using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Host.Features.Account.PasswordReset;

/// <summary>
/// How many attempts one key (a step and a client address, or a step and an e-mail address) made in
/// the current fixed window, shared by every instance on the database (<see cref="SharedRateLimits"/>).
/// </summary>
/// <remarks>Not audited: counters of anonymous attempts, replaced every window.</remarks>
[NotAudited]
public sealed class RateLimitCounter
{
    /// <summary>What is counted, such as <c>Request address ALICE@EXAMPLE.COM</c>.</summary>
    public required string Key { get; set; }

    /// <summary>The end of the window the count belongs to, in Unix seconds.</summary>
    public long Window { get; set; }

    /// <summary>The attempts in the window, the refused ones included.</summary>
    public int Count { get; set; }
}
