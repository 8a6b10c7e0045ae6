using System.Data.Common;
using System.Globalization;
using CrmBlazor.Data;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.Bench.Planning;

/// <summary>What the seed made: the team one board shows, its people, and the counts.</summary>
/// <param name="BoardTeamId">The team the measured board is filtered to.</param>
/// <param name="BoardPeople">The team's people, as many as one board shows.</param>
/// <param name="People">People made.</param>
/// <param name="Projects">Projects made.</param>
/// <param name="Allocations">Allocations made.</param>
public sealed record SeededPlan(long BoardTeamId, IReadOnlyList<long> BoardPeople, int People, int Projects, int Allocations);

/// <summary>
/// Fills the projects and resources plugins' tables of a running host with multi-row inserts:
/// customers through the host, then projects, teams, people with skills, schedules (a third change
/// schedule inside the board's year), time off and allocations spread over four years around today,
/// in teams of <c>boardPeople</c> people each, so that one team fills one board;
/// so that the board's 52 weeks hold about a quarter of them. Deterministic (seed 42).
/// </summary>
public static class PlanningSeed
{
    private static readonly string[] Skills = ["Design", "Frontend", "Backend", "Data", "Project management", "Copywriting", "SEO", "Accounting", "Tax", "Support", "Mobile", "Testing"];
    private static readonly string[] FirstNames = ["Kavya", "Arun", "Meera", "Ravi", "Aisha", "Bilal", "Nino", "Giorgi", "Emma", "Oliver", "கவியா", "ಅರುಣ್", "મીરા", "عائشہ", "ნინო"];
    private static readonly string[] LastNames = ["Rao", "Kumar", "Shah", "Iyer", "Khan", "Beridze", "Smith", "Patel", "நாயர்", "ಹೆಗಡೆ", "પટેલ", "ملک", "ბერიძე"];

    /// <summary>Seeds the host's database.</summary>
    public static async Task<SeededPlan> SeedAsync(CrmHostFactory host, int people, int projects, int allocations, int boardPeople, DateOnly today, TextWriter output)
    {
        var random = new Random(42);
        var database = host.Database;
        var postgres = database.Provider == DatabaseProvider.Postgres;
        var now = DateTimeOffset.UtcNow;
        object Stamp() => postgres ? now : now.UtcTicks;
        object Version() => postgres ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant();

        var customers = new List<long>();
        for (var i = 0; i < 100; i++)
        {
            customers.Add((await new CustomerBuilder().Named($"Customer {i:D3}").SaveAsync(host)).Id);
        }

        await using var connection = await database.OpenConnectionAsync();
        await BulkInsert.InsertAsync(connection, "projects_projects",
            ["CustomerId", "Name", "Status", "BillingMode", "Currency", "CreatedAt", "UpdatedAt", "RowVersion"],
            Enumerable.Range(0, projects).Select(i => new object?[] { customers[i % customers.Count], $"Project {i:D4}", 1, 0, "EUR", Stamp(), Stamp(), Version() }));
        var projectIds = await IdsAsync(connection, "projects_projects");

        await BulkInsert.InsertAsync(connection, "resources_teams", ["Name", "RowVersion"],
            Enumerable.Range(1, Math.Max(1, people / boardPeople)).Select(i => new object?[] { $"Team {i:D2}", Version() }));
        var teamIds = await IdsAsync(connection, "resources_teams");
        var calendarIds = await IdsAsync(connection, "resources_holiday_calendars");

        await BulkInsert.InsertAsync(connection, "resources_people",
            ["UserId", "Name", "TeamId", "ManagerUserId", "HolidayCalendarId", "CreatedAt", "RowVersion"],
            Enumerable.Range(0, people).Select(i => new object?[]
            {
                i % 10 == 9 ? null : $"bench-user-{i:D5}",
                i % 10 == 9 ? $"Designer, to be hired {i:D4}" : $"{FirstNames[i % FirstNames.Length]} {LastNames[i % LastNames.Length]} {i:D4}",
                teamIds[i % teamIds.Count],
                null,
                calendarIds.Count == 0 ? null : calendarIds[i % calendarIds.Count],
                Stamp(), Version(),
            }));
        var personIds = await IdsAsync(connection, "resources_people");

        await BulkInsert.InsertAsync(connection, "resources_person_skills", ["PersonId", "Skill", "Level"],
            personIds.SelectMany(id => Skills.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Select(skill => new object?[] { id, skill, 1 + random.Next(5) })).ToList());

        var start = today.AddDays(-2 * 364);
        var schedules = new List<object?[]>();
        foreach (var id in personIds)
        {
            var minutes = random.Next(10) == 0 ? 240 : random.Next(2) == 0 ? 450 : 480;
            schedules.Add(Schedule(id, start, minutes, Version()));
            if (random.Next(3) == 0)
            {
                schedules.Add(Schedule(id, today.AddDays(random.Next(-180, 300)), minutes == 240 ? 450 : 360, Version()));
            }
        }

        await BulkInsert.InsertAsync(connection, "resources_work_schedules",
            ["PersonId", "EffectiveFrom", "MondayMinutes", "TuesdayMinutes", "WednesdayMinutes", "ThursdayMinutes", "FridayMinutes", "SaturdayMinutes", "SundayMinutes", "RowVersion"],
            schedules);

        await BulkInsert.InsertAsync(connection, "resources_time_off", ["PersonId", "StartDate", "EndDate", "Portion", "Kind", "RowVersion"],
            personIds.SelectMany(id => Enumerable.Range(0, 16).Select(_ =>
            {
                var first = start.AddDays(random.Next(4 * 364));
                var half = random.Next(10) == 0;
                return new object?[] { id, first, half ? first : first.AddDays(random.Next(5)), half ? 1 + random.Next(2) : 0, random.Next(3), Version() };
            })).ToList());

        var perPerson = allocations / personIds.Count;
        var made = 0;
        foreach (var chunk in personIds.Chunk(50))
        {
            var rows = new List<object?[]>();
            foreach (var id in chunk)
            {
                for (var i = 0; i < perPerson; i++)
                {
                    var first = start.AddDays(random.Next(4 * 364));
                    var perDay = random.Next(7) == 0;
                    rows.Add([
                        id, projectIds[random.Next(projectIds.Count)], first, first.AddDays(6 + random.Next(6 * 7)),
                        perDay ? 1 : 0, perDay ? 60 * (1 + random.Next(2)) : 60 * (2 + random.Next(12)), random.Next(5) == 0,
                        Stamp(), Stamp(), Version(),
                    ]);
                }
            }

            await BulkInsert.InsertAsync(connection, "resources_allocations",
                ["PersonId", "ProjectId", "StartDate", "EndDate", "Unit", "Minutes", "IsTentative", "CreatedAt", "UpdatedAt", "RowVersion"], rows);
            made += rows.Count;
            if (made % 50_000 < rows.Count)
            {
                output.WriteLine($"  {made:N0} allocations");
            }
        }

        await AnalyzeAsync(connection);
        var board = await ColumnAsync(connection, $"""SELECT "Id" FROM resources_people WHERE "TeamId" = {teamIds[0]} ORDER BY "Id" """);
        return new SeededPlan(teamIds[0], board, personIds.Count, projectIds.Count, made);
    }

    private static object?[] Schedule(long personId, DateOnly from, int minutes, object version) =>
        [personId, from, minutes, minutes, minutes, minutes, minutes, 0, 0, version];

    // SQLite and PostgreSQL both gather the planner's statistics with a plain ANALYZE.
    private static async Task AnalyzeAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "ANALYZE";
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private static Task<List<long>> IdsAsync(DbConnection connection, string table) =>
        ColumnAsync(connection, $"""SELECT "Id" FROM {table} ORDER BY "Id" """);

    private static async Task<List<long>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }
}
