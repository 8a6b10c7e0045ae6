using System.Data.Common;
using System.Globalization;
using System.Reflection;
using CrmBlazor.Data;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Bench.Upsell;

/// <summary>The sizes to seed.</summary>
/// <param name="Customers">Customers, two contacts each.</param>
/// <param name="Projects">Projects, spread over the customers.</param>
/// <param name="TimeEntries">Time entries, spread over the projects.</param>
/// <param name="Invoices">Issued invoices, one fee line each.</param>
/// <param name="Answers">Survey answers: an NPS and a CSAT answer per response.</param>
public sealed record UpsellSizes(int Customers, int Projects, int TimeEntries, int Invoices, int Answers);

/// <summary>What the seed made.</summary>
/// <param name="CustomerIds">Every customer, by id.</param>
/// <param name="Projects">Projects made.</param>
/// <param name="ActiveProjects">The active ones among them.</param>
/// <param name="TimeEntries">Time entries made.</param>
/// <param name="Invoices">Invoices made.</param>
/// <param name="Answers">Survey answers made.</param>
public sealed record SeededFirm(IReadOnlyList<long> CustomerIds, int Projects, int ActiveProjects, int TimeEntries, int Invoices, int Answers);

/// <summary>
/// Fills a running host's database the way the other benches do: customers and contacts, the catalogue's
/// services, projects in pairs per customer (with services and, for retainers, a monthly allowance),
/// time entries, invoices with their lines, survey responses, respondents and answers with multi-row
/// inserts (<see cref="BulkInsert"/>) in chunks with progress; the people who log time and the survey
/// with its NPS and CSAT questions through the host and the plugin's own entities. Values are stored
/// as the models store them on each provider (instants as ticks, ids as upper-case text on SQLite).
/// Deterministic (seed 42), except the people's and the survey's ids. Then <c>ANALYZE</c>.
/// </summary>
public static class UpsellSeed
{
    private const int Chunk = 20_000;
    private static readonly string[] Currencies = ["EUR", "INR", "USD", "GEL"];
    private static readonly string[] Services = ["Website care", "Support retainer", "SEO", "Hosting", "Accounting", "Design"];
    private static readonly string[] Names = ["Kavya Rao", "Arun Kumar", "Meera Shah", "Aisha Khan", "Nino Beridze", "Emma Smith", "கவியா நாயர்", "ಅರುಣ್ ಹೆಗಡೆ", "મીરા પટેલ", "عائشہ ملک", "ნინო ბერიძე"];

    /// <summary>Seeds the host's database.</summary>
    /// <param name="host">The running host.</param>
    /// <param name="sizes">How much.</param>
    /// <param name="output">Progress.</param>
    public static async Task<SeededFirm> SeedAsync(CrmHostFactory host, UpsellSizes sizes, TextWriter output)
    {
        var random = new Random(42);
        var postgres = host.Database.Provider == DatabaseProvider.Postgres;
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        object Stamp(DateTimeOffset at) => postgres ? at : at.UtcTicks;
        object Version() => postgres ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant();
        object Day(DateOnly day) => postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var people = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            people.Add((await Person.CreateAsync(host, CrmRoles.Staff)).Id);
        }

        await using var connection = await host.Database.OpenConnectionAsync();

        // Customers, and two contacts each.
        for (var start = 0; start < sizes.Customers; start += Chunk)
        {
            var end = Math.Min(sizes.Customers, start + Chunk);
            await BulkInsert.InsertAsync(connection, "crm_customers",
                ["Kind", "Name", "Email", "Currency", "Language", "IsArchived", "CreatedAt", "UpdatedAt", "RowVersion"],
                Enumerable.Range(start, end - start).Select(i => new object?[]
                {
                    "Company", $"Customer {i:D6}", $"office{i}@customer.example", Currencies[i % Currencies.Length], "en", false, Stamp(now.AddDays(-900)), Stamp(now), Version(),
                }));
            output.Write($"\rSeeding: {end:N0} of {sizes.Customers:N0} customers");
        }

        output.WriteLine();
        var customers = await ColumnAsync(connection, """SELECT "Id" FROM crm_customers ORDER BY "Id" """);
        for (var start = 0; start < customers.Count; start += Chunk / 2)
        {
            var chunk = customers.Skip(start).Take(Chunk / 2).ToList();
            await BulkInsert.InsertAsync(connection, "crm_contacts",
                ["CustomerId", "Name", "Email", "Language", "IsPrimary", "IsArchived", "CreatedAt", "RowVersion"],
                chunk.SelectMany(id => Enumerable.Range(0, 2).Select(c => new object?[]
                {
                    id, Names[(int)((id + c) % Names.Length)], $"person{c}.{id}@customer.example", "en", c == 0, false, Stamp(now.AddDays(-900)), Version(),
                })).ToList());
            output.Write($"\rSeeding: {Math.Min(customers.Count, start + (Chunk / 2)) * 2:N0} contacts");
        }

        output.WriteLine();

        // The firm's catalogue: three pairs of services that usually go together (website care with hosting,
        // support retainers with accounting, SEO with design), for the companion-service rule.
        await BulkInsert.InsertAsync(connection, "crm_services", ["Name", "IsRetired", "CreatedAt", "RowVersion"],
            Services.Select(name => new object?[] { name, false, Stamp(now.AddDays(-900)), Version() }).ToList());
        var serviceIds = new List<long>();
        foreach (var name in Services)
        {
            await using var find = connection.CreateCommand();
            find.CommandText = """SELECT "Id" FROM crm_services WHERE "Name" = @name""";
            var parameter = find.CreateParameter();
            parameter.ParameterName = "name";
            parameter.Value = name;
            find.Parameters.Add(parameter);
            serviceIds.Add(Convert.ToInt64(await find.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }

        // Projects in pairs per customer (so customers buy two services): most active; prepaid hours, fixed fees
        // and time and materials with an hours budget. The first of a pair has the customer's service, the second
        // usually its companion; support retainers include a few hours a month.
        var projectRows = new List<object?[]>(sizes.Projects);
        var active = 0;
        var pairs = Math.Max(1, (sizes.Projects + 1) / 2);
        var first = 0;
        for (var i = 0; i < sizes.Projects; i++)
        {
            var customer = customers[(int)((long)(i / 2) * customers.Count / pairs)];
            var service = i % 2 == 0 ? (int)(customer % Services.Length) : random.Next(10) < 7 ? (first + 3) % Services.Length : random.Next(Services.Length);
            first = i % 2 == 0 ? service : first;
            var status = random.NextDouble() switch { < 0.7 => ProjectStatus.Active, < 0.85 => ProjectStatus.Completed, < 0.95 => ProjectStatus.Planned, _ => ProjectStatus.OnHold };
            active += status == ProjectStatus.Active ? 1 : 0;
            var mode = random.Next(10) switch { < 4 => BillingMode.PrepaidHours, < 7 => BillingMode.FixedFee, _ => BillingMode.TimeAndMaterials };
            var rate = 50m + (5 * random.Next(21));
            var hours = (decimal?)(mode == BillingMode.FixedFee ? null : 20 + (10 * random.Next(40)));
            var amount = (decimal?)(mode == BillingMode.FixedFee ? 1000m * (2 + random.Next(30)) : null);
            var startDate = today.AddDays(-random.Next(700));
            var allowance = Services[service] == "Support retainer" ? (decimal?)(4 + random.Next(8)) : null;
            projectRows.Add([
                customer, $"{Services[service]} {i:D6}", (int)status, (int)mode, Currencies[(int)(customer % Currencies.Length)], rate, hours, amount,
                Day(startDate), Day(startDate.AddDays(90 + random.Next(540))), serviceIds[service], allowance, Stamp(now.AddDays(-700)), Stamp(now), Version(),
            ]);
        }

        await BulkInsert.InsertAsync(connection, "projects_projects",
            ["CustomerId", "Name", "Status", "BillingMode", "Currency", "HourlyRate", "BudgetHours", "BudgetAmount", "StartDate", "EndDate", "ServiceId", "MonthlyAllowanceHours",
                "CreatedAt", "UpdatedAt", "RowVersion"],
            projectRows);
        var projects = await ColumnAsync(connection, """SELECT "Id" FROM projects_projects ORDER BY "Id" """);
        output.WriteLine($"Seeding: {projects.Count:N0} projects, {active:N0} active");

        // Time: the last year, mostly billable, on the projects at random.
        var entries = 0;
        for (var start = 0; start < sizes.TimeEntries; start += Chunk)
        {
            var end = Math.Min(sizes.TimeEntries, start + Chunk);
            var rows = new List<object?[]>(end - start);
            for (var i = start; i < end; i++)
            {
                rows.Add([projects[random.Next(projects.Count)], people[random.Next(people.Count)], Day(today.AddDays(-random.Next(365))), 15 * (1 + random.Next(32)),
                    random.Next(100) < 85, Stamp(now), Stamp(now), Version()]);
            }

            entries += await BulkInsert.InsertAsync(connection, "projects_time_entries",
                ["ProjectId", "UserId", "Date", "Minutes", "IsBillable", "CreatedAt", "UpdatedAt", "RowVersion"], rows);
            output.Write($"\rSeeding: {entries:N0} of {sizes.TimeEntries:N0} time entries");
        }

        output.WriteLine();

        // Issued invoices over the last two years, one fee line each: most paid, some open, some overdue.
        var invoices = 0;
        var sequence = new Dictionary<int, long>();
        for (var start = 0; start < sizes.Invoices; start += Chunk)
        {
            var end = Math.Min(sizes.Invoices, start + Chunk);
            var rows = new List<object?[]>(end - start);
            var nets = new List<(decimal Net, string Service)>(end - start);
            for (var i = start; i < end; i++)
            {
                var index = random.Next(customers.Count);
                var customer = customers[index];
                var issued = today.AddDays(-random.Next(730));
                var due = issued.AddDays(30);
                var net = decimal.Round((decimal)(200 + (random.NextDouble() * 19_800)), 2);
                var status = due < today
                    ? random.Next(10) < 9 ? InvoiceStatus.Paid : InvoiceStatus.Overdue
                    : random.Next(10) < 3 ? InvoiceStatus.Paid : InvoiceStatus.Issued;
                var number = sequence[issued.Year] = sequence.GetValueOrDefault(issued.Year) + 1;
                var at = new DateTimeOffset(issued.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
                rows.Add([
                    (int)InvoiceKind.Invoice, (int)status, $"INV-{issued.Year}-{number:D6}", issued.Year, number, customer, $"Customer {index:D6}",
                    Currencies[(int)(customer % Currencies.Length)], Day(issued), Day(issued), Day(due), 0, "exempt", false,
                    net, 0m, net, status == InvoiceStatus.Paid ? net : 0m, 0m, Stamp(at), Stamp(at), Stamp(at), Version(),
                ]);
                nets.Add((net, Services[random.Next(Services.Length)]));
            }

            await BulkInsert.InsertAsync(connection, "invoicing_invoices",
                ["Kind", "Status", "Number", "SequenceYear", "SequenceNumber", "CustomerId", "CustomerName", "Currency", "Date", "IssueDate", "DueDate", "Grouping", "TaxProfile",
                    "PricesIncludeTax", "NetTotal", "TaxTotal", "GrossTotal", "PaidTotal", "CreditedTotal", "CreatedAt", "UpdatedAt", "IssuedAt", "RowVersion"],
                rows);
            var ids = await ColumnAsync(connection, $"""SELECT "Id" FROM invoicing_invoices ORDER BY "Id" DESC LIMIT {end - start}""");
            ids.Reverse();
            invoices += await BulkInsert.InsertAsync(connection, "invoicing_lines",
                ["InvoiceId", "Kind", "Position", "Description", "Quantity", "UnitPrice", "Amount", "TaxProfile"],
                ids.Select((id, i) => new object?[] { id, 1, 1, nets[i].Service, 1m, nets[i].Net, nets[i].Net, "exempt" }).ToList());
            output.Write($"\rSeeding: {invoices:N0} of {sizes.Invoices:N0} invoices");
        }

        output.WriteLine();
        var answers = await SeedSurveyAsync(host, connection, customers, sizes.Answers / 2, random, output);
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync();
        }

        return new SeededFirm(customers, projects.Count, active, entries, invoices, answers);
    }

    /// <summary>A named NPS survey with an NPS and a CSAT question, made through the plugin's entities; then its responses, respondents (customers) and answers.</summary>
    private static async Task<int> SeedSurveyAsync(CrmHostFactory host, DbConnection connection, IReadOnlyList<long> customers, int responses, Random random, TextWriter output)
    {
        const string Root = "CrmBlazor.Plugins.Surveys.";
        var assembly = host.Services.GetRequiredService<PluginCatalog>().Find("surveys")?.Assembly
            ?? throw new InvalidOperationException("The surveys plugin is not loaded.");
        Type T(string name) => assembly.GetType(Root + name, throwOnError: true)!;
        var (survey, nps, csat) = await host.InScopeAsync(async services =>
        {
            var db = (DbContext)services.GetRequiredService(T("Data.SurveysDbContext"));
            var now = DateTimeOffset.UtcNow;
            var s = New(T("Data.Survey"), ("Name", "Customer experience"), ("Kind", "Nps"), ("Languages", "en"), ("State", "Open"),
                ("CreatedAt", now), ("UpdatedAt", now), ("RowVersion", Guid.NewGuid()));
            db.Add(s);
            await db.SaveChangesAsync();
            var surveyId = (long)Get(s, "Id");
            var section = New(T("Data.SurveySection"), ("SurveyId", surveyId), ("Position", 0), ("Titles", new Dictionary<string, string> { ["en"] = "Your experience" }));
            db.Add(section);
            await db.SaveChangesAsync();
            var sectionId = (long)Get(section, "Id");
            var questions = new[]
            {
                New(T("Data.SurveyQuestion"), ("SurveyId", surveyId), ("SectionId", sectionId), ("Position", 0), ("Type", "Nps"), ("IsRequired", true), ("ScaleMin", 0), ("ScaleMax", 10),
                    ("Texts", new Dictionary<string, string> { ["en"] = "How likely are you to recommend us to a friend or colleague?" })),
                New(T("Data.SurveyQuestion"), ("SurveyId", surveyId), ("SectionId", sectionId), ("Position", 1), ("Type", "Csat"), ("IsRequired", true), ("ScaleMin", 1), ("ScaleMax", 5),
                    ("Texts", new Dictionary<string, string> { ["en"] = "How satisfied are you with our work?" })),
            };
            db.AddRange(questions);
            await db.SaveChangesAsync();
            return (surveyId, (long)Get(questions[0], "Id"), (long)Get(questions[1], "Id"));
        });

        var postgres = host.Database.Provider == DatabaseProvider.Postgres;
        object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();
        object Day(DateOnly day) => postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        object Stamp(DateTimeOffset at) => postgres ? at : at.UtcTicks;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var written = 0;
        for (var start = 0; start < responses; start += Chunk)
        {
            var end = Math.Min(responses, start + Chunk);
            var batch = Enumerable.Range(start, end - start).Select(_ =>
            {
                var day = today.AddDays(-random.Next(730));
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddSeconds(random.Next(36_000));
                var id = new Guid(BitConverter.GetBytes(random.NextInt64()).Concat(BitConverter.GetBytes(random.NextInt64())).ToArray());
                var score = random.NextDouble() switch { < 0.2 => random.Next(0, 7), < 0.5 => random.Next(7, 9), _ => random.Next(9, 11) };
                return (Id: id, Day: day, At: at, Customer: customers[random.Next(customers.Count)], Nps: score, Csat: random.Next(1, 6));
            }).ToList();
            await BulkInsert.InsertAsync(connection, "surveys_responses", ["Id", "SurveyId", "AnsweredOn"], batch.Select(r => new object?[] { Id(r.Id), survey, Day(r.Day) }));
            await BulkInsert.InsertAsync(connection, "surveys_respondents", ["ResponseId", "SurveyId", "CustomerId", "SubmittedAt"],
                batch.Select(r => new object?[] { Id(r.Id), survey, r.Customer, Stamp(r.At) }));
            written += await BulkInsert.InsertAsync(connection, "surveys_answers", ["Key", "ResponseId", "SurveyId", "AnsweredOn", "QuestionId", "Number"],
                batch.SelectMany(r => new[]
                {
                    new object?[] { Id(Guid.NewGuid()), Id(r.Id), survey, Day(r.Day), nps, r.Nps },
                    new object?[] { Id(Guid.NewGuid()), Id(r.Id), survey, Day(r.Day), csat, r.Csat },
                }).ToList());
            output.Write($"\rSeeding: {end:N0} of {responses:N0} survey responses, {written:N0} answers");
        }

        output.WriteLine();
        return written;
    }

    private static async Task<List<long>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    // The plugin's types are set by reflection: enums by name, since the dynamic binder sees them as object.
    private static object New(Type type, params (string Name, object? Value)[] values)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var (name, value) in values)
        {
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!;
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            property.SetValue(instance, target.IsEnum && value is string text ? Enum.Parse(target, text) : value);
        }

        return instance;
    }

    private static object Get(object instance, string name) => instance.GetType().GetProperty(name)!.GetValue(instance)!;
}
