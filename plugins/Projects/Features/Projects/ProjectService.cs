using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Budgets;
using CrmBlazor.Plugins.Projects.Features.Customers;
using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Catalogue;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Plugins.Projects.Features.Projects;

/// <summary>
/// Creates and changes projects, their status, tasks, milestones and rates. Every method checks
/// <see cref="ProjectsPermissions.Manage"/> on the server, validates the input, and detects concurrent
/// edits through the row version the form was loaded with.
/// </summary>
public sealed class ProjectService(
    IDbContextFactory<ProjectsDbContext> contexts,
    ProjectAccess access,
    ICustomerDirectory customers,
    IUserDirectory users,
    IServiceCatalogue services,
    BudgetThresholdWatch budgets,
    ProjectCustomerFigures figures,
    TimeProvider clock,
    ILogger<ProjectService> logger)
{
    internal static readonly Problem ProjectConflict =
        new Problem("Someone else changed this project since you opened it. Reload the page to see their changes, then make yours again.");

    private static readonly Problem ItemConflict =
        new Problem("Someone else changed this item since you opened it. Close the dialog and open it again to see their changes.");

    /// <summary>Creates a project for a customer, in the customer's currency.</summary>
    /// <param name="input">The project.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> CreateAsync(ProjectInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        CustomerSummary? customer = null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Change<Project>()
            .Allow(access.CanManageAsync)
            .Validate(input, async (errors, ct) =>
            {
                if (input.Status is not (ProjectStatus.Planned or ProjectStatus.Active))
                {
                    errors[nameof(input.Status)] = [new Problem("A new project is either planned or active.")];
                }

                if (input.CustomerId is { } customerId)
                {
                    customer = await customers.GetAsync(customerId, ct);
                    if (customer is null || customer.IsArchived)
                    {
                        errors[nameof(input.CustomerId)] = [new Problem("Choose a customer that exists and is not archived.")];
                    }
                }

                await ValidateOwnerAsync(input, errors, ct);
                await ValidateServiceAsync(input, null, errors, ct);
            })
            .Create(() => new Project { Name = string.Empty, Currency = string.Empty, Status = input.Status, CreatedAt = now, UpdatedAt = now })
            .Apply(project =>
            {
                project.CustomerId = customer!.Id;
                project.Name = input.Name!.Trim();
                project.Currency = customer.Currency;
                Apply(project, input);
            })
            .AlsoSave(async (project, ct) =>
            {
                // Started once it has its id, which the event carries.
                if (project.Status == ProjectStatus.Active)
                {
                    Start(db, project);
                    await db.SaveChangesAsync(ct);
                }
            })
            .Then(AfterChangeAsync)
            .SaveAsync(ProjectConflict, cancellationToken);
    }

    /// <summary>Changes a project's details and budget (not its customer or status).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="input">The project as edited, with the row version it was loaded with.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> UpdateAsync(long projectId, ProjectInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Project>()
            .Allow(access.CanManageAsync)
            .Validate(input, async (errors, ct) =>
            {
                await ValidateOwnerAsync(input, errors, ct);
                var current = await db.Projects.Where(p => p.Id == projectId).Select(p => p.ServiceId).FirstOrDefaultAsync(ct);
                await ValidateServiceAsync(input, current, errors, ct);
            })
            .Load(ct => db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct))
            .Expect(input.RowVersion)
            .Apply(project =>
            {
                // The customer is fixed once the project exists: input.CustomerId is not applied.
                project.Name = input.Name!.Trim();
                Apply(project, input);
                project.UpdatedAt = clock.GetUtcNow();
            })
            .Then(AfterChangeAsync)
            .SaveAsync(ProjectConflict, cancellationToken);
    }

    /// <summary>
    /// Moves a project to another status. Becoming active for the first time publishes
    /// <see cref="ProjectStarted"/>; completing publishes <see cref="ProjectCompleted"/>.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="status">The new status.</param>
    /// <param name="rowVersion">The version the page shows.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> ChangeStatusAsync(long projectId, ProjectStatus status, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Project>()
            .Allow(access.CanManageAsync)
            .Load(ct => db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct))
            .Check(project => ProjectStatuses.CanMove(project.Status, status)
                ? null
                : new Problem("A project cannot go from {0} to {1}.", new Problem(ProjectStatuses.Title(project.Status)), new Problem(ProjectStatuses.Title(status))))
            .Expect(rowVersion)
            .Apply(project =>
            {
                project.Status = status;
                project.UpdatedAt = clock.GetUtcNow();
                var today = Today();
                switch (status)
                {
                    case ProjectStatus.Active when project.StartedOn is null:
                        Start(db, project);
                        break;
                    case ProjectStatus.Completed:
                        project.CompletedOn = today;
                        project.EndDate ??= today;
                        db.Publish(new ProjectCompleted(project.Id, project.CustomerId, project.Name, today, project.OwnerUserId));
                        break;
                    default:
                        project.CompletedOn = null;
                        break;
                }
            })
            .Then(AfterChangeAsync)
            .SaveAsync(ProjectConflict, cancellationToken);
    }

    /// <summary>Adds a task to a project.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="input">The task.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<ChangeResult> AddTaskAsync(long projectId, TaskInput input, CancellationToken cancellationToken = default) =>
        SaveTaskAsync(projectId, null, input, cancellationToken);

    /// <summary>Changes a task (its name, whether its time is billable by default, whether it is closed).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="input">The task as edited, with its row version.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<ChangeResult> UpdateTaskAsync(long projectId, long taskId, TaskInput input, CancellationToken cancellationToken = default) =>
        SaveTaskAsync(projectId, taskId, input, cancellationToken);

    /// <summary>Adds a milestone to a project.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="input">The milestone.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<ChangeResult> AddMilestoneAsync(long projectId, MilestoneInput input, CancellationToken cancellationToken = default) =>
        SaveMilestoneAsync(projectId, null, input, cancellationToken);

    /// <summary>Changes a milestone.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="milestoneId">The milestone.</param>
    /// <param name="input">The milestone as edited, with its row version.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<ChangeResult> UpdateMilestoneAsync(long projectId, long milestoneId, MilestoneInput input, CancellationToken cancellationToken = default) =>
        SaveMilestoneAsync(projectId, milestoneId, input, cancellationToken);

    /// <summary>Removes a milestone.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="milestoneId">The milestone.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> RemoveMilestoneAsync(long projectId, long milestoneId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Milestone>()
            .Allow(access.CanManageAsync)
            .Load(ct => db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.ProjectId == projectId, ct))
            .Remove()
            .SaveAsync(ItemConflict, cancellationToken);
    }

    /// <summary>Sets a person's own rate on a project (it beats the project's rate).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="input">The person and the rate.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> SetPersonRateAsync(long projectId, PersonRateInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        PersonRate? rate = null;
        try
        {
            return await db.Change<Project>()
                .Allow(access.CanManageAsync)
                .Validate(input, async (errors, ct) =>
                {
                    if (input.UserId is { } userId && !(await users.GetManyAsync([userId], ct)).ContainsKey(userId))
                    {
                        errors[nameof(input.UserId)] = [new Problem("Choose a person who can sign in to the CRM.")];
                    }
                })
                .Load(ct => db.Projects.Include(p => p.PersonRates).FirstOrDefaultAsync(p => p.Id == projectId, ct))
                .Apply(project =>
                {
                    rate = project.PersonRates.FirstOrDefault(r => r.UserId == input.UserId);
                    if (rate is null)
                    {
                        rate = new PersonRate { UserId = input.UserId!, ProjectId = projectId };
                        project.PersonRates.Add(rate);
                    }

                    rate.HourlyRate = input.HourlyRate!.Value;
                })
                .Then((project, ct) => CheckBudgetsAsync(project.Id, ct))
                .ResultId(_ => rate!.Id)
                .SaveAsync(ItemConflict, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another person's rate added at the same moment (the unique key of project and person).
            return ChangeResult.Conflict(ItemConflict);
        }
    }

    /// <summary>Removes a person's own rate: the project's rate applies to them again.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="userId">The person.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> RemovePersonRateAsync(long projectId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<List<PersonRate>>()
            .Allow(access.CanManageAsync)
            .Load(async ct => await db.PersonRates.Where(r => r.ProjectId == projectId && r.UserId == userId).ToListAsync(ct))
            .Apply(rates => db.PersonRates.RemoveRange(rates))
            .Then((_, ct) => CheckBudgetsAsync(projectId, ct))
            .ResultId(_ => projectId)
            .SaveAsync(ItemConflict, cancellationToken);
    }

    private async Task<ChangeResult> SaveTaskAsync(long projectId, long? taskId, TaskInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var change = db.Change<ProjectTask>()
            .Allow(access.CanManageAsync)
            .Validate(input)
            .Check((_, ct) => ProjectExistsAsync(db, projectId, ct))
            .Check(async (_, ct) => await db.Tasks.AnyAsync(t => t.ProjectId == projectId && t.Id != taskId && t.Name == input.Name!.Trim(), ct)
                ? ChangeResult.Invalid(nameof(input.Name), new Problem("This project already has a task with this name."))
                : null);
        if (taskId is null)
        {
            change.Create(() => new ProjectTask { ProjectId = projectId, Name = string.Empty });
        }
        else
        {
            change.Load(ct => db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.ProjectId == projectId, ct)).Expect(input.RowVersion);
        }

        return await change
            .Apply(task =>
            {
                task.Name = input.Name!.Trim();
                task.IsBillable = input.IsBillable;
                task.IsClosed = input.IsClosed;
            })
            .SaveAsync(ItemConflict, cancellationToken);
    }

    private async Task<ChangeResult> SaveMilestoneAsync(long projectId, long? milestoneId, MilestoneInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var change = db.Change<Milestone>()
            .Allow(access.CanManageAsync)
            .Validate(input)
            .Check((_, ct) => ProjectExistsAsync(db, projectId, ct));
        if (milestoneId is null)
        {
            change.Create(() => new Milestone { ProjectId = projectId, Name = string.Empty });
        }
        else
        {
            change.Load(ct => db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.ProjectId == projectId, ct)).Expect(input.RowVersion);
        }

        return await change
            .Apply(milestone =>
            {
                milestone.Name = input.Name!.Trim();
                milestone.DueOn = input.DueOn;
                milestone.CompletedOn = input.IsDone ? milestone.CompletedOn ?? Today() : null;
            })
            .SaveAsync(ItemConflict, cancellationToken);
    }

    private static async Task<ChangeResult?> ProjectExistsAsync(ProjectsDbContext db, long projectId, CancellationToken cancellationToken) =>
        await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken) ? null : ChangeResult.NotFound();

    private static void Apply(Project project, ProjectInput input)
    {
        project.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        project.StartDate = input.StartDate;
        project.EndDate = input.EndDate;
        project.OwnerUserId = string.IsNullOrWhiteSpace(input.OwnerUserId) ? null : input.OwnerUserId;
        project.BillingMode = input.BillingMode;
        project.HourlyRate = input.HourlyRate;
        project.BudgetHours = input.BudgetHours;
        project.BudgetAmount = input.BudgetAmount;
        project.ServiceId = input.ServiceId;
        project.MonthlyAllowanceHours = input.MonthlyAllowanceHours;
    }

    private void Start(ProjectsDbContext db, Project project)
    {
        var today = Today();
        project.StartedOn = today;
        project.StartDate ??= today;
        db.Publish(new ProjectStarted(project.Id, project.CustomerId, project.Name, project.StartDate.Value));
    }

    // A retired service is no longer offered, but a project that already delivers it keeps it.
    private async Task ValidateServiceAsync(ProjectInput input, long? currentServiceId, Dictionary<string, Problem[]> errors, CancellationToken cancellationToken)
    {
        if (input.ServiceId is not { } serviceId || serviceId == currentServiceId)
        {
            return;
        }

        if (await services.GetAsync(serviceId, cancellationToken) is not { IsRetired: false })
        {
            errors[nameof(input.ServiceId)] = [new Problem("Choose a service the firm still offers.")];
        }
    }

    private async Task ValidateOwnerAsync(ProjectInput input, Dictionary<string, Problem[]> errors, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(input.OwnerUserId) && !(await users.GetManyAsync([input.OwnerUserId], cancellationToken)).ContainsKey(input.OwnerUserId))
        {
            errors[nameof(input.OwnerUserId)] = [new Problem("Choose a project lead who can sign in to the CRM.")];
        }
    }

    // What follows a change is recomputed elsewhere too (the nightly jobs), so a failure here is logged, not shown.
    private async Task AfterChangeAsync(Project project, CancellationToken cancellationToken)
    {
        await CheckBudgetsAsync(project.Id, cancellationToken);
        try
        {
            await figures.RefreshAsync(project.CustomerId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Customer figures of customer {CustomerId} were not refreshed after a change of project {ProjectId}.", project.CustomerId, project.Id);
        }
    }

    private async Task CheckBudgetsAsync(long projectId, CancellationToken cancellationToken)
    {
        try
        {
            await budgets.CheckAsync([projectId], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Budget thresholds of project {ProjectId} were not checked after a change; the nightly check will.", projectId);
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
