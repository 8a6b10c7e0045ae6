using CrmBlazor.Sdk.Events;

namespace CrmBlazor.Sdk.Projects;

/// <summary>A project became active (work started).</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="ProjectName">The project's name when it started.</param>
/// <param name="StartedOn">The project's start date.</param>
[DomainEvent("projects.project-started")]
public sealed record ProjectStarted(long ProjectId, long CustomerId, string ProjectName, DateOnly StartedOn) : IDomainEvent;

/// <summary>
/// A project was completed. Published once per completion (a project reopened and completed again
/// publishes again), e.g. for a satisfaction survey to the customer.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="ProjectName">The project's name.</param>
/// <param name="CompletedOn">The day it was completed.</param>
/// <param name="OwnerUserId">The project lead's user id, or null.</param>
[DomainEvent("projects.project-completed")]
public sealed record ProjectCompleted(long ProjectId, long CustomerId, string ProjectName, DateOnly CompletedOn, string? OwnerUserId) : IDomainEvent;

/// <summary>
/// A project's use of its budget reached a threshold (by default 80% and 100%; setting
/// <c>Plugins:projects:BudgetThresholds</c>). Published exactly once per crossing: not again while
/// the use stays above the threshold, and again only after the budget was raised (or the use fell)
/// below it and the threshold is crossed anew.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="ProjectName">The project's name.</param>
/// <param name="Measure">Hours or money.</param>
/// <param name="ThresholdPercent">The threshold crossed, in percent of the budget (80, 100...).</param>
/// <param name="Budget">The budget when it was crossed: hours, or an amount in <paramref name="Currency"/>.</param>
/// <param name="Used">What was used when it was crossed, in the same unit.</param>
/// <param name="Currency">The project's ISO 4217 currency code (for <see cref="BudgetMeasure.Amount"/>).</param>
[DomainEvent("projects.budget-threshold-crossed")]
public sealed record BudgetThresholdCrossed(
    long ProjectId,
    long CustomerId,
    string ProjectName,
    BudgetMeasure Measure,
    int ThresholdPercent,
    decimal Budget,
    decimal Used,
    string Currency) : IDomainEvent;

/// <summary>
/// A person's time on a project for a day changed (logged, corrected or removed). Carries the totals
/// after the change, so that a subscriber can apply it more than once without counting twice.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="UserId">The person whose time it is.</param>
/// <param name="Date">The day.</param>
/// <param name="Minutes">The person's minutes on the project that day, after the change (0 when all was removed).</param>
/// <param name="BillableMinutes">The billable part of <paramref name="Minutes"/>.</param>
[DomainEvent("projects.time-logged")]
public sealed record TimeLogged(long ProjectId, long CustomerId, string UserId, DateOnly Date, int Minutes, int BillableMinutes) : IDomainEvent;
