using CrmBlazor.Sdk.Events;

namespace CrmBlazor.Sdk.Resources;

/// <summary>
/// The daily over-allocation check found a person planned above capacity in a week, across all projects,
/// where no over-allocation of that week was on record. Published once per over-allocation: not again
/// while the week stays over, and again only after <see cref="AllocationResolved"/> when the week goes
/// over anew. Published by the resources plugin in the transaction that records it (and queues the mail
/// to the person's manager).
/// </summary>
/// <param name="PersonId">The person (their id in the resources plugin).</param>
/// <param name="UserId">The user the person is, or null for a placeholder.</param>
/// <param name="PersonName">The person's name as the board shows it.</param>
/// <param name="ManagerUserId">The person's manager (who plans them), or null when they have none.</param>
/// <param name="WeekStart">The week's Monday (ISO week).</param>
/// <param name="CapacityMinutes">What the person can work that week, when it was found.</param>
/// <param name="AllocatedMinutes">What is planned for them that week, when it was found.</param>
[DomainEvent("resources.allocation-overbooked")]
public sealed record AllocationOverbooked(
    long PersonId,
    string? UserId,
    string PersonName,
    string? ManagerUserId,
    DateOnly WeekStart,
    int CapacityMinutes,
    int AllocatedMinutes) : IDomainEvent;

/// <summary>
/// A week <see cref="AllocationOverbooked"/> reported is no longer over capacity (an allocation was
/// shortened, moved or removed, or the schedule changed). Published once per recorded over-allocation, by
/// the daily check that finds it resolved.
/// </summary>
/// <param name="PersonId">The person (their id in the resources plugin).</param>
/// <param name="UserId">The user the person is, or null for a placeholder.</param>
/// <param name="PersonName">The person's name as the board shows it.</param>
/// <param name="ManagerUserId">The person's manager now, or null.</param>
/// <param name="WeekStart">The week's Monday (ISO week).</param>
/// <param name="CapacityMinutes">What the person can work that week now.</param>
/// <param name="AllocatedMinutes">What is planned for them that week now (at most the capacity).</param>
[DomainEvent("resources.allocation-resolved")]
public sealed record AllocationResolved(
    long PersonId,
    string? UserId,
    string PersonName,
    string? ManagerUserId,
    DateOnly WeekStart,
    int CapacityMinutes,
    int AllocatedMinutes) : IDomainEvent;
