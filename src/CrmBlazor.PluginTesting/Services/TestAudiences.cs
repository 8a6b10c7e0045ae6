using CrmBlazor.Sdk.Audiences;

namespace CrmBlazor.PluginTesting.Services;

/// <summary>
/// The <see cref="IAudienceDirectory"/> of a <see cref="Components.PluginTestContext"/>: the audiences
/// (segments) a test adds, with their recipients.
/// </summary>
public sealed class TestAudiences : IAudienceDirectory
{
    private readonly Lock _lock = new();
    private readonly List<(AudienceInfo Info, IReadOnlyList<AudienceRecipient> Recipients)> _audiences = [];

    /// <summary>Adds an audience with the next id (1, 2, ...).</summary>
    /// <param name="name">The audience's name.</param>
    /// <param name="recipients">Its members: one per contact to reach (or per customer, without a contact).</param>
    /// <returns>The audience as plugins see it.</returns>
    public AudienceInfo Add(string name, params AudienceRecipient[] recipients)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(recipients);
        lock (_lock)
        {
            var info = new AudienceInfo(_audiences.Count + 1, name, recipients.Select(r => r.CustomerId).Distinct().Count(), DateTimeOffset.UtcNow);
            _audiences.Add((info, [.. recipients]));
            return info;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AudienceInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<AudienceInfo> list = [.. _audiences.Select(a => a.Info).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> GetCustomerIdsAsync(long audienceId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<long> ids = [.. Recipients(audienceId).Select(r => r.CustomerId).Distinct().Order()];
        return Task.FromResult(ids);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AudienceRecipient>> GetRecipientsAsync(long audienceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Recipients(audienceId));

    private IReadOnlyList<AudienceRecipient> Recipients(long audienceId)
    {
        lock (_lock)
        {
            return _audiences.FirstOrDefault(a => a.Info.Id == audienceId).Recipients ?? [];
        }
    }
}
