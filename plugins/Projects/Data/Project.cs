using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Data;

/// <summary>A piece of work for a customer, with a budget, rates, tasks and milestones.</summary>
public sealed class Project : IVersionedEntity
{
    public long Id { get; set; }

    /// <summary>The core customer (read through <c>ICustomerDirectory</c>).</summary>
    public long CustomerId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public ProjectStatus Status { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>The project lead's user id.</summary>
    public string? OwnerUserId { get; set; }

    public BillingMode BillingMode { get; set; }

    /// <summary>ISO 4217 code, taken from the customer when the project is created.</summary>
    public required string Currency { get; set; }

    /// <summary>The rate for everyone without a rate of their own on this project.</summary>
    public decimal? HourlyRate { get; set; }

    public decimal? BudgetHours { get; set; }

    public decimal? BudgetAmount { get; set; }

    /// <summary>The service of the firm's catalogue it delivers (read through <c>IServiceCatalogue</c>), or null.</summary>
    public long? ServiceId { get; set; }

    /// <summary>Hours included per calendar month (a retainer), or null.</summary>
    public decimal? MonthlyAllowanceHours { get; set; }

    /// <summary>The day the project first became active; set once.</summary>
    public DateOnly? StartedOn { get; set; }

    /// <summary>The day the project was last completed, while it is completed.</summary>
    public DateOnly? CompletedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid RowVersion { get; set; }

    public List<ProjectTask> Tasks { get; } = [];

    public List<Milestone> Milestones { get; } = [];

    public List<PersonRate> PersonRates { get; } = [];

    /// <summary>Whether time can be logged or changed on the project.</summary>
    public bool AcceptsTime => Status is not (ProjectStatus.Completed or ProjectStatus.Cancelled);

    /// <summary>Whether the project counts as open (planned, active or on hold).</summary>
    public static bool IsOpen(ProjectStatus status) => status is ProjectStatus.Planned or ProjectStatus.Active or ProjectStatus.OnHold;
}

/// <summary>A task of a project that time can be logged on.</summary>
public sealed class ProjectTask : IVersionedEntity
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public required string Name { get; set; }

    /// <summary>Whether new time on the task is billable unless the person says otherwise.</summary>
    public bool IsBillable { get; set; } = true;

    /// <summary>Closed tasks are not offered for new time; their time stays.</summary>
    public bool IsClosed { get; set; }

    public Guid RowVersion { get; set; }
}

/// <summary>A milestone of a project.</summary>
public sealed class Milestone : IVersionedEntity
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public required string Name { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public Guid RowVersion { get; set; }
}

/// <summary>A person's own hourly rate on a project, which beats the project's rate.</summary>
public sealed class PersonRate : IVersionedEntity
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public required string UserId { get; set; }

    public decimal HourlyRate { get; set; }

    public Guid RowVersion { get; set; }
}
