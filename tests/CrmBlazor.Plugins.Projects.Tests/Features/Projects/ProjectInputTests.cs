using CrmBlazor.Plugins.Projects.Features.Projects;
using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Tests.Features.Projects;

public sealed class ProjectInputTests
{
    private static ProjectInput Valid() => new() { CustomerId = 3, Name = "Website relaunch", HourlyRate = 95m };

    [Fact]
    public void Validate_CompleteProject_HasNoMessages()
    {
        Assert.Empty(InputValidation.Validate(Valid()));
    }

    [Fact]
    public void Validate_NoNameAndNoCustomer_SaysWhatIsMissingPerField()
    {
        var errors = InputValidation.Validate(new ProjectInput());

        Assert.Equal("Enter the project's name.", Assert.Single(errors[nameof(ProjectInput.Name)]).ToString());
        Assert.Equal("Choose the customer.", Assert.Single(errors[nameof(ProjectInput.CustomerId)]).ToString());
    }

    [Fact]
    public void Validate_EndBeforeStart_IsRefusedOnTheEndDate()
    {
        var input = Valid();
        input.StartDate = new DateOnly(2026, 3, 10);
        input.EndDate = new DateOnly(2026, 3, 9);

        Assert.Equal("The end date cannot be before the start date.", Assert.Single(InputValidation.Validate(input)[nameof(ProjectInput.EndDate)]).ToString());
    }

    [Fact]
    public void Validate_NegativeRateAndBudget_AreRefused()
    {
        var input = Valid();
        input.HourlyRate = -1m;
        input.BudgetHours = -5m;

        var errors = InputValidation.Validate(input);

        Assert.Equal("The hourly rate must be between 0 and 1,000,000.", Assert.Single(errors[nameof(ProjectInput.HourlyRate)]).ToString());
        Assert.Equal("Budget hours must be between 0 and 1,000,000.", Assert.Single(errors[nameof(ProjectInput.BudgetHours)]).ToString());
    }

    [Fact]
    public void Validate_FixedFeeWithoutFee_AsksForTheBudgetAmount()
    {
        var input = Valid();
        input.BillingMode = BillingMode.FixedFee;

        Assert.Equal("A fixed-fee project needs its fee as the budget amount.", Assert.Single(InputValidation.Validate(input)[nameof(ProjectInput.BudgetAmount)]).ToString());
    }

    [Fact]
    public void Validate_PrepaidHoursWithoutHours_AsksForTheBudgetHours()
    {
        var input = Valid();
        input.BillingMode = BillingMode.PrepaidHours;

        Assert.Equal("A prepaid-hours project needs the hours bought as its budget hours.", Assert.Single(InputValidation.Validate(input)[nameof(ProjectInput.BudgetHours)]).ToString());
    }
}
