using System.Reflection;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;

/// <summary>A line of a stored invoice.</summary>
public sealed record StoredLine(long Id, string Kind, string Description, decimal Quantity, decimal UnitPrice, decimal Amount, string TaxProfile);

/// <summary>A tax total of a stored invoice.</summary>
public sealed record StoredTax(string Component, decimal Rate, decimal Base, decimal Tax);

/// <summary>An invoice or credit note as stored.</summary>
public sealed record StoredInvoice(
    long Id,
    string Kind,
    string Status,
    string? Number,
    long? SequenceNumber,
    string Currency,
    decimal Net,
    decimal Tax,
    decimal Gross,
    decimal Paid,
    decimal Credited,
    decimal Outstanding,
    decimal Overpaid,
    Guid RowVersion,
    IReadOnlyList<StoredLine> Lines,
    IReadOnlyList<StoredTax> Taxes,
    IReadOnlyList<long> TimeEntryIds);

/// <summary>
/// Drives the invoicing plugin (and sets up projects and time in the projects plugin) inside a running
/// host as its pages would: services are taken from the assemblies the host loaded and called as a
/// signed-in user. Inputs are the plugins' own types, filled by name.
/// </summary>
public sealed class InvoicingPlugin : PluginDriver
{
    public const string Root = "CrmBlazor.Plugins.Invoicing.";
    private const string ProjectsRoot = "CrmBlazor.Plugins.Projects.";

    private readonly Assembly _projects;

    private InvoicingPlugin(CrmHostFactory host)
        : base(host, "invoicing", Root)
    {
        _projects = LoadedAssembly(host, "projects");
    }

    /// <summary>The plugins as loaded by a host.</summary>
    /// <param name="host">The host.</param>
    public static InvoicingPlugin In(CrmHostFactory host) => new(host);

    // ---- projects and time (the projects plugin) ----

    /// <summary>Creates an active time-and-materials project with an hourly rate, as a manager.</summary>
    public Task<long> CreateProjectAsync(Person manager, long customerId, decimal hourlyRate = 100m, string? name = null) => AsAsync(manager, async services =>
    {
        dynamic input = Activator.CreateInstance(_projects.GetType(ProjectsRoot + "Features.Projects.ProjectInput", true)!)!;
        input.CustomerId = customerId;
        input.Name = name ?? "Project " + Guid.NewGuid().ToString("N")[..8];
        input.Status = ProjectStatus.Active;
        input.HourlyRate = hourlyRate;
        dynamic projects = services.GetRequiredService(_projects.GetType(ProjectsRoot + "Features.Projects.ProjectService", true)!);
        Outcome outcome = Read(await projects.CreateAsync(input, CancellationToken.None));
        return outcome.SavedId;
    });

    /// <summary>Stores billable (or not) time straight in the projects plugin's table.</summary>
    public Task<long> AddTimeAsync(long projectId, string userId, DateOnly date, int minutes, bool billable = true, string? note = null) => Host.InScopeAsync(async services =>
    {
        var db = ProjectsContext(services);
        dynamic entry = Activator.CreateInstance(_projects.GetType(ProjectsRoot + "Data.TimeEntry", true)!)!;
        entry.ProjectId = projectId;
        entry.UserId = userId;
        entry.Date = date;
        entry.Minutes = minutes;
        entry.IsBillable = billable;
        entry.Note = note;
        entry.CreatedAt = DateTimeOffset.UtcNow;
        entry.UpdatedAt = DateTimeOffset.UtcNow;
        db.Add((object)entry);
        await db.SaveChangesAsync();
        return (long)entry.Id;
    });

    /// <summary>
    /// Stores, straight in the projects plugin's tables, an active time-and-materials project for each
    /// customer with the same billable time on each (for runs over hundreds of customers).
    /// </summary>
    /// <returns>Per customer, its project and time entries.</returns>
    public Task<IReadOnlyList<(long CustomerId, long ProjectId, IReadOnlyList<long> EntryIds)>> AddProjectsWithTimeAsync(
        IReadOnlyList<long> customerIds, string currency, decimal hourlyRate, string userId, IReadOnlyList<(DateOnly Date, int Minutes)> time) => Host.InScopeAsync(async services =>
    {
        var db = ProjectsContext(services);
        var now = DateTimeOffset.UtcNow;
        var projects = customerIds.Select(customerId =>
        {
            dynamic project = Activator.CreateInstance(_projects.GetType(ProjectsRoot + "Data.Project", true)!)!;
            project.CustomerId = customerId;
            project.Name = "Project of customer " + customerId;
            project.Status = ProjectStatus.Active;
            project.BillingMode = BillingMode.TimeAndMaterials;
            project.Currency = currency;
            project.HourlyRate = (decimal?)hourlyRate;
            project.OwnerUserId = userId;
            project.CreatedAt = now;
            project.UpdatedAt = now;
            db.Add((object)project);
            return project;
        }).ToList();
        await db.SaveChangesAsync();
        var entries = projects.Select(project => time.Select(t =>
        {
            dynamic entry = Activator.CreateInstance(_projects.GetType(ProjectsRoot + "Data.TimeEntry", true)!)!;
            entry.ProjectId = (long)project.Id;
            entry.UserId = userId;
            entry.Date = t.Date;
            entry.Minutes = t.Minutes;
            entry.IsBillable = true;
            entry.CreatedAt = now;
            entry.UpdatedAt = now;
            db.Add((object)entry);
            return entry;
        }).ToList()).ToList();
        await db.SaveChangesAsync();
        return (IReadOnlyList<(long, long, IReadOnlyList<long>)>)[.. projects.Select((project, n) =>
            ((long)project.CustomerId, (long)project.Id, (IReadOnlyList<long>)[.. entries[n].Select(e => (long)e.Id)]))];
    });

    /// <summary>The invoice that billed a time entry, as the projects plugin records it (null while unbilled).</summary>
    public Task<long?> BilledInvoiceOfAsync(long entryId) => Host.InScopeAsync(services =>
    {
        var db = ProjectsContext(services);
        var entry = Rows(db, _projects.GetType(ProjectsRoot + "Data.TimeEntry", true)!).Single(e => (long)e.Id == entryId);
        return Task.FromResult((long?)entry.BilledInvoiceId);
    });

    /// <summary>The invoice number the projects plugin shows next to a billed time entry (null while none is known).</summary>
    public Task<string?> BilledNumberOfAsync(long entryId) => Host.InScopeAsync(services =>
    {
        var db = ProjectsContext(services);
        var entry = Rows(db, _projects.GetType(ProjectsRoot + "Data.TimeEntry", true)!).Single(e => (long)e.Id == entryId);
        return Task.FromResult((string?)entry.BilledDocumentNumber);
    });

    /// <summary>A customer's unbilled time in a period through the SDK contract.</summary>
    public Task<IReadOnlyList<BillableTimeEntry>> UnbilledAsync(long customerId, DateOnly from, DateOnly to) => Host.InScopeAsync(services =>
        services.GetRequiredService<IBillableTimeSource>().GetUnbilledAsync(new UnbilledTimeQuery(customerId, from, to)));

    // ---- invoicing ----

    /// <summary>Makes a draft of a customer's unbilled time in a period, as someone.</summary>
    public Task<Outcome> DraftFromTimeAsync(Person actor, long customerId, DateOnly from, DateOnly to, string? grouping = null, string? taxProfile = null, IReadOnlyCollection<long>? entryIds = null) =>
        AsAsync(actor, async services =>
        {
            dynamic input = New("Features.Invoices.TimeDraftInput");
            input.CustomerId = customerId;
            input.From = from;
            input.To = to;
            input.TaxProfile = taxProfile;
            input.EntryIds = entryIds;
            if (grouping is not null)
            {
                SetEnum((object)input, "Grouping", grouping);
            }

            dynamic drafts = Service(services, "Features.Invoices.InvoiceDraftService");
            return (Outcome)Read(await drafts.CreateFromTimeAsync(input, CancellationToken.None));
        });

    /// <summary>Makes an empty draft for fees, as someone.</summary>
    public Task<Outcome> DraftAsync(Person actor, long customerId, string? taxProfile = null) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Invoices.DraftInput");
        input.CustomerId = customerId;
        input.TaxProfile = taxProfile;
        dynamic drafts = Service(services, "Features.Invoices.InvoiceDraftService");
        return (Outcome)Read(await drafts.CreateAsync(input, CancellationToken.None));
    });

    /// <summary>Adds a fee (or a discount) to a draft, as someone, with the version they loaded.</summary>
    public async Task<Outcome> AddLineAsync(Person actor, long invoiceId, string description, decimal quantity, decimal unitPrice, string kind = "Fee", string? taxProfile = null, Guid? version = null)
    {
        var loaded = version ?? (await GetAsync(invoiceId)).RowVersion;
        return await AsAsync(actor, async services =>
        {
            dynamic input = New("Features.Invoices.LineInput");
            SetEnum((object)input, "Kind", kind);
            input.Description = description;
            input.Quantity = quantity;
            input.UnitPrice = unitPrice;
            input.TaxProfile = taxProfile;
            dynamic drafts = Service(services, "Features.Invoices.InvoiceDraftService");
            return (Outcome)Read(await drafts.AddLineAsync(invoiceId, loaded, input, CancellationToken.None));
        });
    }

    /// <summary>Puts time entries on a draft, as someone.</summary>
    public async Task<Outcome> AddTimeToDraftAsync(Person actor, long invoiceId, IReadOnlyCollection<long> entryIds)
    {
        var loaded = (await GetAsync(invoiceId)).RowVersion;
        return await AsAsync(actor, async services =>
        {
            dynamic drafts = Service(services, "Features.Invoices.InvoiceDraftService");
            return (Outcome)Read(await drafts.AddTimeAsync(invoiceId, loaded, entryIds, CancellationToken.None));
        });
    }

    /// <summary>Sets a draft's header (tax profile, inclusive prices, grouping), as someone.</summary>
    public async Task<Outcome> UpdateHeaderAsync(Person actor, long invoiceId, string taxProfile, bool pricesIncludeTax, string grouping = "Task")
    {
        var loaded = (await GetAsync(invoiceId)).RowVersion;
        return await AsAsync(actor, async services =>
        {
            dynamic input = New("Features.Invoices.DraftHeaderInput");
            input.TaxProfile = taxProfile;
            input.PricesIncludeTax = pricesIncludeTax;
            SetEnum((object)input, "Grouping", grouping);
            dynamic drafts = Service(services, "Features.Invoices.InvoiceDraftService");
            return (Outcome)Read(await drafts.UpdateHeaderAsync(invoiceId, loaded, input, CancellationToken.None));
        });
    }

    /// <summary>Changes a line of a draft, as someone (a time line takes only the description and tax profile).</summary>
    public async Task<Outcome> UpdateLineAsync(Person actor, long invoiceId, long lineId, string description, decimal quantity, decimal unitPrice, string? taxProfile = null)
    {
        var loaded = (await GetAsync(invoiceId)).RowVersion;
        return await AsAsync(actor, async services =>
        {
            dynamic input = New("Features.Invoices.LineInput");
            input.Description = description;
            input.Quantity = quantity;
            input.UnitPrice = unitPrice;
            input.TaxProfile = taxProfile;
            dynamic drafts = Service(services, "Features.Invoices.InvoiceDraftService");
            return (Outcome)Read(await drafts.UpdateLineAsync(invoiceId, loaded, lineId, input, CancellationToken.None));
        });
    }

    /// <summary>Removes a line of a draft, as someone.</summary>
    public async Task<Outcome> RemoveLineAsync(Person actor, long invoiceId, long lineId)
    {
        var loaded = (await GetAsync(invoiceId)).RowVersion;
        return await AsAsync(actor, async services =>
        {
            dynamic drafts = Service(services, "Features.Invoices.InvoiceDraftService");
            return (Outcome)Read(await drafts.RemoveLineAsync(invoiceId, loaded, lineId, CancellationToken.None));
        });
    }

    /// <summary>Deletes a draft, as someone.</summary>
    public async Task<Outcome> DeleteAsync(Person actor, long invoiceId)
    {
        var loaded = (await GetAsync(invoiceId)).RowVersion;
        return await AsAsync(actor, async services =>
        {
            dynamic drafts = Service(services, "Features.Invoices.InvoiceDraftService");
            return (Outcome)Read(await drafts.DeleteAsync(invoiceId, loaded, CancellationToken.None));
        });
    }

    /// <summary>Issues a draft as someone, with the version they loaded (the current one unless given).</summary>
    public async Task<Outcome> IssueAsync(Person actor, long invoiceId, Guid? version = null)
    {
        var loaded = version ?? (await GetAsync(invoiceId)).RowVersion;
        return await AsAsync(actor, async services =>
        {
            dynamic issuing = Service(services, "Features.Invoices.InvoiceIssueService");
            return (Outcome)Read(await issuing.IssueAsync(invoiceId, loaded, CancellationToken.None));
        });
    }

    /// <summary>Makes a credit note draft for all (or some) lines of an invoice, as someone.</summary>
    public Task<Outcome> CreditAsync(Person actor, long invoiceId, IReadOnlyCollection<long>? lineIds = null) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Invoices.CreditNoteInput");
        input.LineIds = lineIds;
        dynamic issuing = Service(services, "Features.Invoices.InvoiceIssueService");
        return (Outcome)Read(await issuing.CreateCreditNoteAsync(invoiceId, input, CancellationToken.None));
    });

    /// <summary>Records a payment, as someone.</summary>
    public Task<Outcome> PayAsync(Person actor, long invoiceId, decimal amount, DateOnly? date = null) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Payments.PaymentInput");
        input.Date = date ?? DateOnly.FromDateTime(DateTime.UtcNow);
        input.Amount = amount;
        dynamic payments = Service(services, "Features.Payments.PaymentService");
        return (Outcome)Read(await payments.RecordAsync(invoiceId, input, CancellationToken.None));
    });

    /// <summary>Sends an issued document by e-mail as someone, saying how many times they saw it sent.</summary>
    public Task<Outcome> SendAsync(Person actor, long invoiceId, int sentBefore = 0) => AsAsync(actor, async services =>
    {
        dynamic sender = Service(services, "Features.Sending.InvoiceSendService");
        return (Outcome)Read(await sender.SendAsync(invoiceId, sentBefore, CancellationToken.None));
    });

    /// <summary>A document's sendings as stored: position, address, name, contact, who sent it, file name.</summary>
    public Task<List<(int Position, string Email, string Name, long? ContactId, string? SentBy, string FileName)>> SendingsAsync(long invoiceId) => Host.InScopeAsync(services =>
        Task.FromResult(Rows(Context(services), Type("Data.InvoiceSending"))
            .Where(s => (long)s.InvoiceId == invoiceId)
            .Select(s => ((int)s.Position, (string)s.RecipientEmail, (string)s.RecipientName, (long?)s.ContactId, (string?)s.SentBy, (string)s.FileName))
            .OrderBy(s => s.Item1)
            .ToList()));

    /// <summary>Reads a document as an administrator would see it.</summary>
    public Task<StoredInvoice> GetAsync(long invoiceId) => Host.AsUserAsync(CrmHostFactory.Administrator, async services =>
    {
        dynamic queries = Service(services, "Features.Invoices.InvoiceQueries");
        dynamic invoice = await queries.GetAsync(invoiceId, CancellationToken.None) ?? throw new InvalidOperationException($"There is no invoice {invoiceId}.");
        var lines = new List<StoredLine>();
        foreach (var l in invoice.Lines)
        {
            lines.Add(new StoredLine((long)l.Id, l.Kind.ToString(), (string)l.Description, (decimal)l.Quantity, (decimal)l.UnitPrice, (decimal)l.Amount, (string)l.TaxProfile));
        }

        var taxes = new List<StoredTax>();
        foreach (var t in invoice.TaxTotals)
        {
            taxes.Add(new StoredTax((string)t.Component, (decimal)t.Rate, (decimal)t.Base, (decimal)t.Tax));
        }

        var entries = new List<long>();
        foreach (var t in invoice.TimeEntries)
        {
            entries.Add((long)t.EntryId);
        }

        return new StoredInvoice((long)invoice.Id, invoice.Kind.ToString(), invoice.Status.ToString(), (string?)invoice.Number, (long?)invoice.SequenceNumber, (string)invoice.Currency,
            (decimal)invoice.NetTotal, (decimal)invoice.TaxTotal, (decimal)invoice.GrossTotal, (decimal)invoice.PaidTotal, (decimal)invoice.CreditedTotal,
            (decimal)invoice.Outstanding, (decimal)invoice.Overpaid, (Guid)invoice.RowVersion,
            lines, taxes, entries);
    });

    /// <summary>The invoicing plugin's DbContext from a scope.</summary>
    public DbContext Context(IServiceProvider services) => (DbContext)services.GetRequiredService(Type("Data.InvoicingDbContext"));

    /// <summary>
    /// Runs the monthly run of a month in this process as its job does (no user), without the job's
    /// bookkeeping and retries: an exception thrown inside (a simulated crash) reaches the caller.
    /// </summary>
    /// <param name="month">The month.</param>
    /// <param name="sendOnIssue">Whether its drafts are e-mailed when issued, or null to keep the month's choice (as a scheduled run does).</param>
    public Task RunMonthAsync(DateOnly month, bool? sendOnIssue = null) => Host.InScopeAsync(async services =>
    {
        var runs = Service(services, "Features.Runs.InvoiceRunService");
        var run = runs.GetType().GetMethod("RunAsync", BindingFlags.Instance | BindingFlags.NonPublic)!;
        await (Task)run.Invoke(runs, [month, sendOnIssue, null, CancellationToken.None])!;
    });

    /// <summary>A month's run as the runs page shows it: status, customers in all and done, drafts of the month, customers skipped.</summary>
    public Task<(string Status, int Total, int Done, int Drafted, int Skipped, string? Message)> RunProgressAsync(DateOnly month) => Host.InScopeAsync(services =>
    {
        var run = Rows(Context(services), Type("Data.InvoiceRun")).Single(r => (DateOnly)r.PeriodStart == month);
        return Task.FromResult(((string)run.Status.ToString(), (int)run.Total, (int)run.Done, (int)run.Drafted, (int)run.Skipped, (string?)run.Message));
    });

    /// <summary>The documents a month's runs made: id, customer and status.</summary>
    public Task<List<(long Id, long CustomerId, string Status)>> RunDraftsAsync(DateOnly month) => Host.InScopeAsync(services =>
        Task.FromResult(Rows(Context(services), Type("Data.Invoice"))
            .Where(i => (DateOnly?)i.RunPeriod == month)
            .Select(i => ((long)i.Id, (long)i.CustomerId, (string)i.Status.ToString()))
            .ToList()));

    // Enum values of the plugin's types are set by reflection: the dynamic binder sees them as object.
    private static void SetEnum(object target, string property, string value)
    {
        var info = target.GetType().GetProperty(property)!;
        var type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
        info.SetValue(target, Enum.Parse(type, value));
    }

    private DbContext ProjectsContext(IServiceProvider services) =>
        (DbContext)services.GetRequiredService(_projects.GetType(ProjectsRoot + "Data.ProjectsDbContext", true)!);
}
