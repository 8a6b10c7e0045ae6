using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Budgets;
using CrmBlazor.Plugins.Projects.Features.Customers;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Catalogue;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Projects.Features.DemoData;

/// <summary>
/// Demo projects for the demo firm's customers: every status and billing mode, tasks, milestones,
/// person rates, six weeks of time by the staff (some of it billed), one budget past 100% and one past
/// 80%; each project delivers a service of the catalogue, and four retainers with a monthly allowance
/// have three months of time, two of them over their allowance. Does nothing when projects exist or the host has no customers or staff yet.
/// </summary>
public sealed class ProjectsDemoSeeder(
    IDbContextFactory<ProjectsDbContext> contexts,
    ICustomerDirectory customers,
    IUserDirectory users,
    IServiceCatalogue services,
    BudgetThresholdWatch budgets,
    ProjectCustomerFigures figures,
    TimeProvider clock)
{
    private static readonly (string Name, BillingMode Mode, ProjectStatus Status, decimal Rate, decimal? Hours, decimal? Amount, string[] Tasks, string Service, decimal? Allowance)[] Plans =
    [
        ("Website relaunch", BillingMode.TimeAndMaterials, ProjectStatus.Active, 95m, 120m, 12_000m, ["Design", "Development", "Content migration"], "WEB", null),
        ("இணையதள மறுவடிவமைப்பு", BillingMode.TimeAndMaterials, ProjectStatus.Active, 2_500m, 60m, null, ["வடிவமைப்பு", "உருவாக்கம்"], "WEB", null),
        ("GST compliance review", BillingMode.FixedFee, ProjectStatus.Active, 3_000m, 40m, 150_000m, ["Review", "Report"], "TAX", null),
        ("Support retainer", BillingMode.PrepaidHours, ProjectStatus.Active, 80m, 50m, null, ["Support"], "SUP-M", 20m),
        ("ERP rollout", BillingMode.TimeAndMaterials, ProjectStatus.OnHold, 110m, 300m, 33_000m, ["Analysis", "Configuration", "Training"], "ITS", null),
        ("Annual audit support", BillingMode.TimeAndMaterials, ProjectStatus.Completed, 90m, 30m, null, ["Audit preparation"], "BOOK", null),
        ("ಮೊಬೈಲ್ ಆ್ಯಪ್ ಪ್ರಾಯೋಗಿಕ ಯೋಜನೆ", BillingMode.TimeAndMaterials, ProjectStatus.Planned, 2_200m, 80m, null, ["Discovery"], "WEB", null),
        ("Data platform migration", BillingMode.TimeAndMaterials, ProjectStatus.Cancelled, 100m, 200m, null, ["Assessment"], "CLOUD", null),
        ("Monthly bookkeeping", BillingMode.TimeAndMaterials, ProjectStatus.Active, 1_800m, null, null, ["Bookkeeping"], "BOOK", 10m),
        ("Managed IT support", BillingMode.TimeAndMaterials, ProjectStatus.Active, 85m, null, null, ["Support"], "ITS", 15m),
        ("SEO retainer", BillingMode.TimeAndMaterials, ProjectStatus.Active, 75m, null, null, ["SEO"], "SEO", 12m),
    ];

    // How much of its monthly allowance each retainer used in the last three full months: the
    // support retainer and the bookkeeping run over, the others stay within.
    private static readonly Dictionary<string, decimal[]> RetainerUse = new(StringComparer.Ordinal)
    {
        ["Support retainer"] = [1.3m, 1.15m, 1.4m],
        ["Monthly bookkeeping"] = [0.9m, 1.2m, 1.25m],
        ["Managed IT support"] = [0.8m, 0.7m, 0.95m],
        ["SEO retainer"] = [0.6m, 0.75m, 0.5m],
    };

    /// <summary>Seeds the demo projects if there are none.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many projects were created.</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Projects.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var clients = await customers.SearchAsync(null, 40, cancellationToken);
        var staff = (await users.ListAsync(cancellationToken)).Where(u => u.Roles.Contains(CrmRoles.Staff) || u.Roles.Contains(CrmRoles.Manager)).ToList();
        if (clients.Count == 0 || staff.Count == 0)
        {
            return 0;
        }

        var catalogue = (await services.ListAsync(cancellationToken: cancellationToken)).Where(x => x.Code != null).ToDictionary(x => x.Code!, x => x.Id, StringComparer.Ordinal);
        var random = new Random(2026);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var projects = new List<Project>();
        for (var i = 0; i < Plans.Length; i++)
        {
            var plan = Plans[i];
            var customer = clients[(i * 3) % clients.Count];
            var project = new Project
            {
                CustomerId = customer.Id,
                Name = plan.Name,
                Description = "Demo project.",
                Status = plan.Status,
                Currency = customer.Currency,
                BillingMode = plan.Mode,
                HourlyRate = plan.Rate,
                BudgetHours = plan.Hours,
                BudgetAmount = plan.Amount,
                ServiceId = catalogue.TryGetValue(plan.Service, out var serviceId) ? serviceId : null,
                MonthlyAllowanceHours = plan.Allowance,
                OwnerUserId = staff[i % staff.Count].Id,
                StartDate = plan.Allowance is null ? today.AddDays(-60 + (i * 3)) : today.AddMonths(-6),
                EndDate = today.AddDays(60 + (i * 10)),
                StartedOn = plan.Status is ProjectStatus.Planned ? null : plan.Allowance is null ? today.AddDays(-60 + (i * 3)) : today.AddMonths(-6),
                CompletedOn = plan.Status is ProjectStatus.Completed ? today.AddDays(-3) : null,
                CreatedAt = now,
                UpdatedAt = now,
            };
            project.Tasks.AddRange(plan.Tasks.Select(t => new ProjectTask { Name = t, IsBillable = plan.Mode != BillingMode.FixedFee }));
            project.Milestones.Add(new Milestone { Name = "Kick-off", DueOn = project.StartDate, CompletedOn = project.StartDate });
            project.Milestones.Add(new Milestone { Name = "Delivery", DueOn = project.EndDate });
            if (i == 0 && staff.Count > 1)
            {
                project.PersonRates.Add(new PersonRate { UserId = staff[1].Id, HourlyRate = 120m });
            }

            projects.Add(project);
        }

        // Projects and their time in one transaction: the job is run again after a crash, and it seeds
        // only while there are no projects, so projects without their time would stay so.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Projects.AddRange(projects);
        await db.SaveChangesAsync(cancellationToken);

        // Six weeks of weekdays: each person works on two of the projects that took time then.
        var entries = new List<TimeEntry>();
        foreach (var (person, index) in staff.Select((p, i) => (p, i)))
        {
            var mine = projects.Where((p, i) => p.Status != ProjectStatus.Planned && (i + index) % 3 != 0).Take(2).ToList();
            for (var day = today.AddDays(-42); day <= today; day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || mine.Count == 0)
                {
                    continue;
                }

                foreach (var project in mine)
                {
                    if ((project.Status is ProjectStatus.Completed or ProjectStatus.Cancelled && day > today.AddDays(-14)) || random.Next(4) == 0)
                    {
                        continue;
                    }

                    var task = project.Tasks[random.Next(project.Tasks.Count)];
                    var billable = task.IsBillable && random.Next(6) != 0;
                    var billed = billable && day < today.AddDays(-28);
                    entries.Add(new TimeEntry
                    {
                        UserId = person.Id,
                        ProjectId = project.Id,
                        TaskId = task.Id,
                        Date = day,
                        Minutes = 30 * random.Next(2, 9),
                        IsBillable = billable,
                        Note = random.Next(3) == 0 ? "Review and follow-up" : null,
                        BilledInvoiceId = billed ? 1000 + project.Id : null,
                        BilledDocumentNumber = billed ? $"DEMO-{1000 + project.Id}" : null,
                        BilledAt = billed ? now : null,
                        CreatedAt = now,
                        UpdatedAt = now,
                    });
                }
            }
        }

        entries.AddRange(RetainerTime(projects, staff[0].Id, today, now));
        db.TimeEntries.AddRange(entries);
        foreach (var project in projects.Where(p => p.StartedOn is not null))
        {
            db.Publish(new ProjectStarted(project.Id, project.CustomerId, project.Name, project.StartedOn!.Value));
        }

        foreach (var project in projects.Where(p => p.CompletedOn is not null))
        {
            db.Publish(new ProjectCompleted(project.Id, project.CustomerId, project.Name, project.CompletedOn!.Value, project.OwnerUserId));
        }

        foreach (var day in entries.GroupBy(e => (e.ProjectId, e.UserId, e.Date)))
        {
            var project = projects.First(p => p.Id == day.Key.ProjectId);
            db.Publish(new TimeLogged(project.Id, project.CustomerId, day.Key.UserId, day.Key.Date, day.Sum(e => e.Minutes), day.Where(e => e.IsBillable).Sum(e => e.Minutes)));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await budgets.CheckAsync(null, cancellationToken);
        await figures.RefreshAllAsync(cancellationToken);
        return projects.Count;
    }

    // The retainers' time in the last three full months and this month so far, in two-hour entries on
    // weekdays, so that the overage of a month is plain on the project page and for upsell rules.
    private static IEnumerable<TimeEntry> RetainerTime(List<Project> projects, string userId, DateOnly today, DateTimeOffset now)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        foreach (var project in projects.Where(p => p.MonthlyAllowanceHours is not null && RetainerUse.ContainsKey(p.Name)))
        {
            var task = project.Tasks[0];
            var shares = RetainerUse[project.Name];
            for (var back = 3; back >= 0; back--)
            {
                var month = thisMonth.AddMonths(-back);
                var share = back == 0 ? 0.4m : shares[3 - back];
                var minutes = (int)(project.MonthlyAllowanceHours!.Value * share * 60m);
                for (var day = month; minutes > 0 && day < month.AddMonths(1) && day <= today; day = day.AddDays(1))
                {
                    if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    {
                        continue;
                    }

                    var length = Math.Min(120, minutes);
                    minutes -= length;
                    yield return new TimeEntry
                    {
                        UserId = userId,
                        ProjectId = project.Id,
                        TaskId = task.Id,
                        Date = day,
                        Minutes = length,
                        IsBillable = true,
                        Note = "Retainer work",
                        CreatedAt = now,
                        UpdatedAt = now,
                    };
                }
            }
        }
    }
}
