using System.ComponentModel.DataAnnotations;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Features.Projects;

/// <summary>A project as the edit page sends it; validated by <c>InputValidation</c> on the server.</summary>
public sealed class ProjectInput : IValidatableObject
{
    /// <summary>The customer (chosen when the project is created; fixed afterwards).</summary>
    [Required(ErrorMessage = "Choose the customer.")]
    public long? CustomerId { get; set; }

    [Required(ErrorMessage = "Enter the project's name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters long.")]
    public string? Name { get; set; }

    [StringLength(4000, ErrorMessage = "The description can be at most 4000 characters long.")]
    [MultilineText]
    public string? Description { get; set; }

    /// <summary>The status a new project starts in: planned or active. Later changes go through the status actions.</summary>
    public ProjectStatus Status { get; set; } = ProjectStatus.Planned;

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? OwnerUserId { get; set; }

    public BillingMode BillingMode { get; set; } = BillingMode.TimeAndMaterials;

    [Range(0, 1_000_000, ErrorMessage = "The hourly rate must be between 0 and 1,000,000.")]
    public decimal? HourlyRate { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Budget hours must be between 0 and 1,000,000.")]
    public decimal? BudgetHours { get; set; }

    [Range(0, 1_000_000_000_000, ErrorMessage = "The budget amount must be between 0 and 1,000,000,000,000.")]
    public decimal? BudgetAmount { get; set; }

    /// <summary>The service of the firm's catalogue the project delivers, optional.</summary>
    public long? ServiceId { get; set; }

    /// <summary>Hours included per month (a retainer), optional; at most a month of round-the-clock work for a team.</summary>
    [Range(0.25, MaxMonthlyAllowanceHours, ErrorMessage = "The monthly allowance must be between 0.25 and 2,000 hours.")]
    public decimal? MonthlyAllowanceHours { get; set; }

    /// <summary>The version the form was loaded with (updates only).</summary>
    public Guid RowVersion { get; set; }

    /// <summary>The largest monthly allowance accepted: a dozen people full time.</summary>
    public const double MaxMonthlyAllowanceHours = 2_000;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            yield return new ValidationResult("The end date cannot be before the start date.", [nameof(EndDate)]);
        }

        if (BillingMode == BillingMode.FixedFee && BudgetAmount is null)
        {
            yield return new ValidationResult("A fixed-fee project needs its fee as the budget amount.", [nameof(BudgetAmount)]);
        }

        if (BillingMode == BillingMode.PrepaidHours && BudgetHours is null)
        {
            yield return new ValidationResult("A prepaid-hours project needs the hours bought as its budget hours.", [nameof(BudgetHours)]);
        }
    }
}

/// <summary>A task as its dialog sends it.</summary>
public sealed class TaskInput
{
    [Required(ErrorMessage = "Enter the task's name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters long.")]
    public string? Name { get; set; }

    /// <summary>Whether new time on the task is billable by default.</summary>
    public bool IsBillable { get; set; } = true;

    /// <summary>Closed tasks take no new time.</summary>
    public bool IsClosed { get; set; }

    /// <summary>The version the dialog was opened with (updates only).</summary>
    public Guid RowVersion { get; set; }
}

/// <summary>A milestone as its dialog sends it.</summary>
public sealed class MilestoneInput
{
    [Required(ErrorMessage = "Enter the milestone's name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters long.")]
    public string? Name { get; set; }

    public DateOnly? DueOn { get; set; }

    /// <summary>Whether the milestone is reached.</summary>
    public bool IsDone { get; set; }

    /// <summary>The version the dialog was opened with (updates only).</summary>
    public Guid RowVersion { get; set; }
}

/// <summary>A person's own rate on a project as its dialog sends it.</summary>
public sealed class PersonRateInput
{
    [Required(ErrorMessage = "Choose the person.")]
    public string? UserId { get; set; }

    [Required(ErrorMessage = "Enter the hourly rate.")]
    [Range(0, 1_000_000, ErrorMessage = "The hourly rate must be between 0 and 1,000,000.")]
    public decimal? HourlyRate { get; set; }
}
