namespace CrmBlazor.Sdk.Projects;

/// <summary>Where a project stands. Stored and serialised as these numbers, which never change.</summary>
public enum ProjectStatus
{
    /// <summary>Agreed but not started; time may already be logged (preparation).</summary>
    Planned = 0,

    /// <summary>Work is under way.</summary>
    Active = 1,

    /// <summary>Paused; time may still be logged.</summary>
    OnHold = 2,

    /// <summary>Finished: no more time can be logged or changed.</summary>
    Completed = 3,

    /// <summary>Stopped before it was finished: no more time can be logged or changed.</summary>
    Cancelled = 4,
}

/// <summary>How a project is billed. Stored and serialised as these numbers, which never change.</summary>
public enum BillingMode
{
    /// <summary>Time and materials: billable time is invoiced at the hourly rate that applies.</summary>
    TimeAndMaterials = 0,

    /// <summary>
    /// A fixed fee (the project's budget amount) is invoiced, not the hours; time is logged to follow
    /// the effort against the fee and is not billable by default.
    /// </summary>
    FixedFee = 1,

    /// <summary>
    /// Prepaid hours (a retainer): the customer buys the budget hours in advance; billable time draws
    /// them down, and time beyond them is overage.
    /// </summary>
    PrepaidHours = 2,
}

/// <summary>What a project budget measures. Stored and serialised as these numbers, which never change.</summary>
public enum BudgetMeasure
{
    /// <summary>Hours logged against the budget hours.</summary>
    Hours = 0,

    /// <summary>
    /// Money used against the budget amount, in the project's currency: the value of billable time at
    /// the rate that applies, and for fixed-fee projects the value of all time (the effort the fee pays for).
    /// </summary>
    Amount = 1,
}

/// <summary>Which rate applies to a person's time on a project.</summary>
public enum RateSource
{
    /// <summary>No rate is set: neither the project nor the person has one.</summary>
    None = 0,

    /// <summary>The project's hourly rate.</summary>
    Project = 1,

    /// <summary>The person's own rate on the project, which beats the project's rate.</summary>
    Person = 2,
}
