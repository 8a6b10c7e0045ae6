using System.Data.Common;
using System.Globalization;
using CrmBlazor.Data;

namespace CrmBlazor.Bench.Planning;

/// <summary>One person-week of the board, in minutes.</summary>
public readonly record struct Cell(long PersonId, int Week, decimal Capacity, decimal Allocated, decimal Tentative);

/// <summary>
/// The board's numbers by hand: one SQL statement per provider that builds the person-days of the
/// weeks, takes each day's schedule in effect, public holiday and time off, and shares each allocation
/// out over the weeks as the plugin does (per day: its minutes on each working day in range; per week:
/// its minutes in proportion of the week's working days in range, or of calendar days in a week without
/// any); plus the board's rows (name, team) and the allocations it lists. The baseline of the benchmark.
/// </summary>
public static class BoardSql
{
    /// <summary>The cells and the number of allocation rows read, for the people over the 52 weeks from <paramref name="monday"/>.</summary>
    public static async Task<(List<Cell> Cells, int Rows)> LoadAsync(DbConnection connection, DatabaseProvider provider, IReadOnlyList<long> people, DateOnly monday, int weeks)
    {
        var postgres = provider == DatabaseProvider.Postgres;
        var ids = string.Join(",", people.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var last = monday.AddDays(weeks * 7 - 1);
        var cells = new List<Cell>(people.Count * weeks);
        var rows = 0;

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = CellsSql(postgres, ids);
            Add(command, "first", postgres ? monday : monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(command, "last", postgres ? last : last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var scheduled = Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture);
                var away = Convert.ToDecimal(reader.GetValue(3), CultureInfo.InvariantCulture);
                cells.Add(new Cell(reader.GetInt64(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), scheduled - away,
                    Convert.ToDecimal(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToDecimal(reader.GetValue(5), CultureInfo.InvariantCulture)));
            }
        }

        // What the board lists besides the numbers: its rows and the allocations behind the cells.
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT p."Id", p."Name", t."Name" FROM resources_people p LEFT JOIN resources_teams t ON t."Id" = p."TeamId" WHERE p."Id" IN ({ids});
                SELECT a."Id", a."PersonId", a."ProjectId", pr."Name", a."StartDate", a."EndDate", a."Unit", a."Minutes", a."IsTentative", a."RowVersion"
                FROM resources_allocations a JOIN projects_projects pr ON pr."Id" = a."ProjectId"
                WHERE a."PersonId" IN ({ids}) AND a."StartDate" <= @last AND a."EndDate" >= @first
                """;
            Add(command, "first", postgres ? monday : monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(command, "last", postgres ? last : last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }
            while (await reader.NextResultAsync());
        }

        return (cells, rows);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string CellsSql(bool postgres, string ids)
    {
        var days = postgres
            ? "days AS (SELECT d::date AS day FROM generate_series(@first::timestamp, @last::timestamp, interval '1 day') d)"
            : "days(day) AS (SELECT @first UNION ALL SELECT date(day, '+1 day') FROM days WHERE day < @last)";
        var week = postgres ? "((d.day - @first::date) / 7)" : "CAST((julianday(d.day) - julianday(@first)) / 7 AS INTEGER)";
        var weekday = postgres ? "CAST(EXTRACT(DOW FROM d.day) AS integer)" : "CAST(strftime('%w', d.day) AS INTEGER)";
        var least = postgres ? "LEAST" : "MIN";
        var holiday = postgres ? "hol" : "hol <> 0";
        var tentative = postgres ? "tentative" : "tentative <> 0";
        return $"""
            WITH RECURSIVE {days},
            people AS (SELECT "Id" AS pid, "HolidayCalendarId" AS cal FROM resources_people WHERE "Id" IN ({ids})),
            ranges AS (
              SELECT s.*, LEAD(s."EffectiveFrom") OVER (PARTITION BY s."PersonId" ORDER BY s."EffectiveFrom") AS until
              FROM resources_work_schedules s WHERE s."PersonId" IN ({ids}) AND s."EffectiveFrom" <= @last),
            off AS (
              SELECT t."PersonId" AS pid, d.day, SUM(CASE t."Portion" WHEN 0 THEN 2 ELSE 1 END) AS halves
              FROM resources_time_off t JOIN days d ON d.day >= t."StartDate" AND d.day <= t."EndDate"
              WHERE t."PersonId" IN ({ids}) AND t."StartDate" <= @last AND t."EndDate" >= @first
              GROUP BY t."PersonId", d.day),
            pd AS (
              SELECT p.pid, d.day, {week} AS wk,
                COALESCE(CASE {weekday} WHEN 0 THEN s."SundayMinutes" WHEN 1 THEN s."MondayMinutes" WHEN 2 THEN s."TuesdayMinutes"
                                   WHEN 3 THEN s."WednesdayMinutes" WHEN 4 THEN s."ThursdayMinutes" WHEN 5 THEN s."FridayMinutes" ELSE s."SaturdayMinutes" END, 0) AS sched,
                h."Date" IS NOT NULL AS hol,
                COALESCE(o.halves, 0) AS halves
              FROM people p CROSS JOIN days d
              LEFT JOIN ranges s ON s."PersonId" = p.pid AND s."EffectiveFrom" <= d.day AND (s.until IS NULL OR d.day < s.until)
              LEFT JOIN resources_public_holidays h ON h."CalendarId" = p.cal AND h."Date" = d.day
              LEFT JOIN off o ON o.pid = p.pid AND o.day = d.day),
            pday AS (
              SELECT pid, day, wk, sched,
                CASE WHEN sched = 0 THEN 0.0 WHEN {holiday} THEN sched * 1.0 ELSE {least}(sched * 1.0, sched * halves / 2.0) END AS away
              FROM pd),
            pweek AS (
              SELECT pid, wk, SUM(sched) AS scheduled, SUM(away) AS away, SUM(CASE WHEN sched > 0 THEN 1 ELSE 0 END) AS workdays
              FROM pday GROUP BY pid, wk),
            aweek AS (
              SELECT a."PersonId" AS pid, pday.wk, a."Unit" AS unit, a."Minutes" AS minutes, a."IsTentative" AS tentative,
                SUM(CASE WHEN pday.sched > 0 THEN 1 ELSE 0 END) AS wd_in, COUNT(*) AS days_in
              FROM resources_allocations a
              JOIN pday ON pday.pid = a."PersonId" AND pday.day >= a."StartDate" AND pday.day <= a."EndDate"
              WHERE a."PersonId" IN ({ids}) AND a."StartDate" <= @last AND a."EndDate" >= @first
              GROUP BY a."Id", pday.wk),
            shares AS (
              SELECT aw.pid, aw.wk, aw.tentative,
                CASE WHEN aw.unit = 1 THEN aw.minutes * aw.wd_in * 1.0
                     WHEN w.workdays = 0 THEN aw.minutes * aw.days_in / 7.0
                     ELSE aw.minutes * aw.wd_in * 1.0 / w.workdays END AS minutes
              FROM aweek aw JOIN pweek w ON w.pid = aw.pid AND w.wk = aw.wk),
            allocated AS (
              SELECT pid, wk, SUM(minutes) AS allocated, SUM(CASE WHEN {tentative} THEN minutes ELSE 0 END) AS tentative
              FROM shares GROUP BY pid, wk)
            SELECT w.pid, w.wk, w.scheduled, w.away, COALESCE(al.allocated, 0), COALESCE(al.tentative, 0)
            FROM pweek w LEFT JOIN allocated al ON al.pid = w.pid AND al.wk = w.wk
            ORDER BY w.pid, w.wk
            """;
    }
}
