using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;

/// <summary>A cell of the week grid as a test types it.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Date">The day.</param>
/// <param name="Minutes">The minutes typed (0 empties the cell).</param>
/// <param name="TaskId">The task, or null.</param>
/// <param name="Billable">Whether the row is billable.</param>
public sealed record Cell(long ProjectId, DateOnly Date, int Minutes, long? TaskId = null, bool Billable = true);

/// <summary>What saving a week gave: the status, how many cells were saved, and each refused cell's message.</summary>
public sealed record WeekOutcome(string Status, int Saved, IReadOnlyList<(long ProjectId, DateOnly Date, string Message)> Rejected);

/// <summary>A time entry as stored.</summary>
public sealed record StoredEntry(long Id, long ProjectId, string UserId, DateOnly Date, int Minutes, bool IsBillable, long? BilledInvoiceId, Guid RowVersion);

/// <summary>
/// Drives the projects plugin inside a running host as its pages do: its services are taken from the
/// assembly the host loaded (the tests never reference the plugin, or the host would share the test's
/// copy) and called as a signed-in user. Inputs are the plugin's own types, filled by name.
/// </summary>
public sealed class ProjectsPlugin : PluginDriver
{
    public const string Id = "projects";
    public const string Root = "CrmBlazor.Plugins.Projects.";

    private ProjectsPlugin(CrmHostFactory host)
        : base(host, Id, Root)
    {
    }

    /// <summary>The plugin as loaded by a host.</summary>
    /// <param name="host">The host.</param>
    /// <exception cref="InvalidOperationException">The plugin is not loaded.</exception>
    public static ProjectsPlugin In(CrmHostFactory host) => new(host);

    /// <summary>Creates a project as a manager and returns its id; fails the test if it is refused.</summary>
    /// <param name="manager">Who creates it.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="configure">Sets more of the input (a <c>ProjectInput</c>): budget, rate, billing mode...</param>
    public async Task<long> CreateProjectAsync(Person manager, long customerId, Action<dynamic>? configure = null)
    {
        var outcome = await TryCreateProjectAsync(manager, customerId, configure);
        return outcome.Saved ? outcome.Id!.Value : throw new InvalidOperationException("The project was refused: " + string.Join(" ", outcome.Messages));
    }

    /// <summary>Creates a project as someone and returns the outcome.</summary>
    public Task<Outcome> TryCreateProjectAsync(Person actor, long customerId, Action<dynamic>? configure = null) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Projects.ProjectInput");
        input.CustomerId = customerId;
        input.Name = "Project " + Guid.NewGuid().ToString("N")[..8];
        input.Status = ProjectStatus.Active;
        input.HourlyRate = 100m;
        configure?.Invoke(input);
        dynamic projects = Service(services, "Features.Projects.ProjectService");
        return (Outcome)Read(await projects.CreateAsync(input, CancellationToken.None));
    });

    /// <summary>Changes a project's budget as someone, the way the edit page saves it (with the version it loaded).</summary>
    public Task<Outcome> ChangeBudgetAsync(Person actor, long projectId, decimal? hours, decimal? amount) => AsAsync(actor, async services =>
    {
        dynamic project = await LoadProjectAsync(projectId);
        dynamic input = New("Features.Projects.ProjectInput");
        input.CustomerId = project.CustomerId;
        input.Name = project.Name;
        input.BillingMode = project.BillingMode;
        input.HourlyRate = project.HourlyRate;
        input.OwnerUserId = project.OwnerUserId;
        input.BudgetHours = hours;
        input.BudgetAmount = amount;
        input.RowVersion = project.RowVersion;
        dynamic projects = Service(services, "Features.Projects.ProjectService");
        return (Outcome)Read(await projects.UpdateAsync(projectId, input, CancellationToken.None));
    });

    /// <summary>Edits a project as someone the way the edit page saves it: the stored values, changed by <paramref name="configure"/>.</summary>
    public Task<Outcome> EditProjectAsync(Person actor, long projectId, Action<dynamic> configure) => AsAsync(actor, async services =>
    {
        dynamic project = await LoadProjectAsync(projectId);
        dynamic input = New("Features.Projects.ProjectInput");
        input.CustomerId = project.CustomerId;
        input.Name = project.Name;
        input.BillingMode = project.BillingMode;
        input.HourlyRate = project.HourlyRate;
        input.OwnerUserId = project.OwnerUserId;
        input.BudgetHours = project.BudgetHours;
        input.BudgetAmount = project.BudgetAmount;
        input.ServiceId = project.ServiceId;
        input.MonthlyAllowanceHours = project.MonthlyAllowanceHours;
        input.RowVersion = project.RowVersion;
        configure(input);
        dynamic projects = Service(services, "Features.Projects.ProjectService");
        return (Outcome)Read(await projects.UpdateAsync(projectId, input, CancellationToken.None));
    });

    /// <summary>
    /// Two people open the edit page at the same time and each saves another budget: the first save
    /// wins, the second comes with the version both loaded.
    /// </summary>
    public async Task<(Outcome First, Outcome Second)> ChangeBudgetTwiceFromTheSameVersionAsync(Person actor, long projectId, decimal first, decimal second)
    {
        dynamic loaded = await LoadProjectAsync(projectId);
        var version = (Guid)loaded.RowVersion;
        return (await SaveBudgetAsync(actor, projectId, first, version), await SaveBudgetAsync(actor, projectId, second, version));
    }

    private Task<Outcome> SaveBudgetAsync(Person actor, long projectId, decimal hours, Guid version) => AsAsync(actor, async services =>
    {
        dynamic project = await LoadProjectAsync(projectId);
        dynamic input = New("Features.Projects.ProjectInput");
        input.CustomerId = project.CustomerId;
        input.Name = project.Name;
        input.HourlyRate = project.HourlyRate;
        input.BudgetHours = hours;
        input.RowVersion = version;
        dynamic projects = Service(services, "Features.Projects.ProjectService");
        return (Outcome)Read(await projects.UpdateAsync(projectId, input, CancellationToken.None));
    });

    /// <summary>Moves a project to a status as someone.</summary>
    public Task<Outcome> ChangeStatusAsync(Person actor, long projectId, ProjectStatus status) => AsAsync(actor, async services =>
    {
        dynamic project = await LoadProjectAsync(projectId);
        dynamic projects = Service(services, "Features.Projects.ProjectService");
        return (Outcome)Read(await projects.ChangeStatusAsync(projectId, status, (Guid)project.RowVersion, CancellationToken.None));
    });

    /// <summary>Adds a task to a project as a manager and returns its id.</summary>
    public Task<long> AddTaskAsync(Person manager, long projectId, string name, bool billable = true, bool closed = false) => AsAsync(manager, async services =>
    {
        dynamic input = New("Features.Projects.TaskInput");
        input.Name = name;
        input.IsBillable = billable;
        input.IsClosed = closed;
        dynamic projects = Service(services, "Features.Projects.ProjectService");
        Outcome outcome = Read(await projects.AddTaskAsync(projectId, input, CancellationToken.None));
        return outcome.Saved ? outcome.Id!.Value : throw new InvalidOperationException("The task was refused: " + string.Join(" ", outcome.Messages));
    });

    /// <summary>Gives a person an hourly rate of their own on a project, as a manager.</summary>
    public Task SetPersonRateAsync(Person manager, long projectId, string userId, decimal rate) => AsAsync(manager, async services =>
    {
        dynamic input = New("Features.Projects.PersonRateInput");
        input.UserId = userId;
        input.HourlyRate = rate;
        dynamic projects = Service(services, "Features.Projects.ProjectService");
        Outcome outcome = Read(await projects.SetPersonRateAsync(projectId, input, CancellationToken.None));
        return outcome.Saved ? true : throw new InvalidOperationException("The rate was refused: " + string.Join(" ", outcome.Messages));
    });

    /// <summary>
    /// Types cells into a person's week grid and saves it as <paramref name="actor"/>, as the week page
    /// does: the cells carry the entries the grid showed when the actor loaded it (none when the actor
    /// may not load it).
    /// </summary>
    public Task<WeekOutcome> SaveWeekAsync(Person actor, string ownerId, DateOnly weekStart, params Cell[] cells) => AsAsync(actor, async services =>
    {
        dynamic time = Service(services, "Features.Time.TimeEntryService");
        var shown = new Dictionary<(long, long?, bool, DateOnly), (long? EntryId, Guid? RowVersion)>();
        try
        {
            dynamic sheet = await time.LoadWeekAsync(ownerId, weekStart, CancellationToken.None);
            foreach (var row in sheet.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    shown[((long)row.Key.ProjectId, (long?)row.Key.TaskId, (bool)row.Key.IsBillable, (DateOnly)cell.Date)] = ((long?)cell.EntryId, (Guid?)cell.RowVersion);
                }
            }
        }
        catch (UnauthorizedAccessException)
        {
            // The actor may not see the week; the save is attempted with empty cells.
        }

        var changeType = Type("Features.Time.CellChange");
        var changes = Array.CreateInstance(changeType, cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            var key = Activator.CreateInstance(Type("Features.Time.TimeRowKey"), c.ProjectId, c.TaskId, c.Billable);
            var (entryId, rowVersion) = shown.GetValueOrDefault((c.ProjectId, c.TaskId, c.Billable, c.Date));
            changes.SetValue(Activator.CreateInstance(changeType, key, c.Date, c.Minutes, entryId, rowVersion), i);
        }

        dynamic result = await time.SaveWeekAsync(ownerId, weekStart, (dynamic)changes, CancellationToken.None);
        var rejected = new List<(long, DateOnly, string)>();
        foreach (var r in result.Rejected)
        {
            rejected.Add(((long)r.Row.ProjectId, (DateOnly)r.Date, (string)r.Problem.ToString()));
        }

        return new WeekOutcome(result.Status.ToString(), (int)result.Saved, rejected);
    });

    /// <summary>Logs or corrects one entry as <paramref name="actor"/>, as the day view does.</summary>
    public Task<Outcome> SaveEntryAsync(Person actor, string ownerId, long projectId, DateOnly date, int minutes, bool billable = true, StoredEntry? existing = null, string? note = null) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Time.TimeEntryInput");
        input.Id = existing?.Id;
        input.RowVersion = existing?.RowVersion ?? Guid.Empty;
        input.ProjectId = projectId;
        input.Date = date;
        input.Minutes = minutes;
        input.IsBillable = billable;
        input.Note = note;
        dynamic time = Service(services, "Features.Time.TimeEntryService");
        return (Outcome)Read(await time.SaveEntryAsync(ownerId, input, CancellationToken.None));
    });

    /// <summary>Removes an entry as <paramref name="actor"/>, as the day view does.</summary>
    public Task<Outcome> DeleteEntryAsync(Person actor, StoredEntry entry) => AsAsync(actor, async services =>
    {
        dynamic time = Service(services, "Features.Time.TimeEntryService");
        return (Outcome)Read(await time.DeleteEntryAsync(entry.Id, entry.RowVersion, CancellationToken.None));
    });

    /// <summary>
    /// Stores time straight in the plugin's table, without the services (time that reached the
    /// database by other means, which only the nightly budget check sees).
    /// </summary>
    public Task<long> AddTimeDirectlyAsync(long projectId, string userId, DateOnly date, int minutes, bool billable = true) => Host.InScopeAsync(async services =>
    {
        var db = Context(services);
        dynamic entry = New("Data.TimeEntry");
        entry.ProjectId = projectId;
        entry.UserId = userId;
        entry.Date = date;
        entry.Minutes = minutes;
        entry.IsBillable = billable;
        entry.CreatedAt = DateTimeOffset.UtcNow;
        entry.UpdatedAt = DateTimeOffset.UtcNow;
        db.Add((object)entry);
        await db.SaveChangesAsync();
        return (long)entry.Id;
    });

    /// <summary>A project's time entries as stored.</summary>
    public Task<List<StoredEntry>> EntriesAsync(long projectId) => Host.InScopeAsync(services =>
    {
        var db = Context(services);
        return Task.FromResult(Rows(db, "Data.TimeEntry")
            .Where(e => (long)e.ProjectId == projectId)
            .Select(e => new StoredEntry((long)e.Id, (long)e.ProjectId, (string)e.UserId, (DateOnly)e.Date, (int)e.Minutes, (bool)e.IsBillable, (long?)e.BilledInvoiceId, (Guid)e.RowVersion))
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .ToList());
    });

    /// <summary>Runs the budget check job through the host's job scheduler and waits until it succeeded.</summary>
    public Task RunBudgetCheckAsync() => RunJobAsync("Jobs.BudgetCheckJob");

    /// <summary>The plugin's DbContext from a scope (disposed with the scope).</summary>
    public DbContext Context(IServiceProvider services) => (DbContext)services.GetRequiredService(Type("Data.ProjectsDbContext"));

    private IReadOnlyList<dynamic> Rows(DbContext db, string entity) => Rows(db, Type(entity));

    private Task<object> LoadProjectAsync(long projectId) => Host.InScopeAsync(services =>
        Task.FromResult((object)Rows(Context(services), "Data.Project").Single(p => (long)p.Id == projectId)));
}
