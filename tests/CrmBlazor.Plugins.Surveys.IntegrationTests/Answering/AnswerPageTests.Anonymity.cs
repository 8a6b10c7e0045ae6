using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Answering;

/// <summary>
/// The anonymity proof of issue 17: after an anonymous survey is answered through the public page, no
/// column of any table the plugin owns, nor of the core's timeline and audit tables, holds a value that
/// links the answer to the person (docs/decisions/0023).
/// </summary>
public abstract partial class AnswerPageTests
{
    [Fact]
    public async Task AnAnonymousAnswerThroughThePage_LeavesNoValueAnywhere_ThatLinksItToThePerson()
    {
        // Ids no other column can hold by chance, so that any equal value is a link.
        var contactId = Random.Shared.NextInt64(7_000_000_000, 8_000_000_000);
        var customerId = Random.Shared.NextInt64(5_000_000_000, 6_000_000_000);
        // The core's rows from before the invitation (the customer's creation among them) are not about the answer.
        var before = new HashSet<string>(StringComparer.Ordinal);
        var link = await InvitedAsync(anonymous: true, contactId: contactId, customerId: customerId, beforeInvite: async () => before = await CoreRowsAsync());
        var customer = (await fixture.Database.QueryAsync("""SELECT "Name", "Email" FROM crm_customers WHERE "Id" = @p0""", customerId)).Single();
        using var client = fixture.Host.CreateBrowserClient();
        var draft = await FormAsync(client, link.Path, ("action", "save"), ($"q{link.Nps}", "2"));
        using (var saved = await PostAsync(client, link.Path, draft))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var fields = await FormAsync(client, link.Path, ("action", "submit"), ($"q{link.Nps}", "2"), ($"q{link.Why}", "Too slow"));
        using var submitted = await PostAsync(client, link.Path, fields);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var responseId = Convert.ToString(await fixture.Database.ScalarAsync<object>("""SELECT "Id" FROM surveys_responses WHERE "SurveyId" = @p0""", link.SurveyId), CultureInfo.InvariantCulture)!;
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(link.Token));
        var person = new Respondent(contactId, customerId, (string)customer["Name"]!, (string)customer["Email"]!, link.Token, hash, responseId);

        var links = await LinksAsync(person, before);

        Assert.Empty(links);
        var invitation = (await fixture.Database.QueryAsync("""SELECT * FROM surveys_invitations WHERE "SurveyId" = @p0""", link.SurveyId)).Single();
        Assert.Equal([null, null, null, null], new[] { invitation["ContactId"], invitation["CustomerId"], invitation["TokenHash"], invitation["Draft"] });

        // The proof would see a link: the contact recorded for the response.
        await fixture.Database.ExecuteAsync("""INSERT INTO surveys_respondents ("ResponseId", "SurveyId", "ContactId", "CustomerId", "SubmittedAt") SELECT "Id", "SurveyId", @p0, @p1, @p2 FROM surveys_responses WHERE "SurveyId" = @p3""",
            contactId, customerId, fixture.Provider == CrmBlazor.Data.DatabaseProvider.Sqlite ? (object)DateTimeOffset.UtcNow.UtcTicks : DateTimeOffset.UtcNow, link.SurveyId);
        try
        {
            var found = await LinksAsync(person, before);
            Assert.Contains(found, l => l.StartsWith("surveys_respondents.ContactId", StringComparison.Ordinal));
            Assert.Contains(found, l => l.StartsWith("surveys_respondents.SubmittedAt", StringComparison.Ordinal));
        }
        finally
        {
            await fixture.Database.ExecuteAsync("""DELETE FROM surveys_respondents WHERE "SurveyId" = @p0""", link.SurveyId);
        }
    }

    // Every value, in every table the plugin owns and the core's timeline and audit tables, that equals or
    // contains something of the person, or is a time of day kept with the response: "table.column = value".
    // The core's rows of an earlier moment (those of the customer's creation) are left out.
    private async Task<List<string>> LinksAsync(Respondent person, IReadOnlySet<string> coreRowsBefore)
    {
        var tables = await TablesAsync();
        Assert.Contains("surveys_answers", tables);
        Assert.Contains(tables, t => t.StartsWith("crm_", StringComparison.Ordinal) && t.Contains("timeline", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.StartsWith("crm_", StringComparison.Ordinal) && t.Contains("audit", StringComparison.Ordinal));
        var texts = new[]
        {
            person.ContactId.ToString(CultureInfo.InvariantCulture), person.CustomerId.ToString(CultureInfo.InvariantCulture), person.Name, person.Email, person.Token,
            Convert.ToHexString(person.Hash), Convert.ToBase64String(person.Hash), Convert.ToBase64String(person.Hash).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            System.Text.Json.JsonSerializer.Serialize(Convert.ToBase64String(person.Hash)).Trim('"'),
        };
        var links = new List<string>();
        foreach (var table in tables)
        {
            foreach (var row in await fixture.Database.QueryAsync($"SELECT * FROM \"{table}\""))
            {
                if (!table.StartsWith("surveys_", StringComparison.Ordinal) && coreRowsBefore.Contains(table + RowText(row)))
                {
                    continue;
                }

                var holdsTheResponse = row.Values.Any(v => v is not null && string.Equals(Convert.ToString(v, CultureInfo.InvariantCulture), person.ResponseId, StringComparison.OrdinalIgnoreCase));
                foreach (var (column, value) in row)
                {
                    var text = value switch
                    {
                        null => null,
                        byte[] bytes => Convert.ToHexString(bytes),
                        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
                        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
                        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
                    };
                    if (text is null)
                    {
                        continue;
                    }

                    var linked = texts.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase))
                        // The response's id anywhere but on the response and its answers.
                        || (table is not "surveys_responses" and not "surveys_answers" && text.Contains(person.ResponseId, StringComparison.OrdinalIgnoreCase))
                        // A time of day kept with the response (its day alone is allowed).
                        || (holdsTheResponse && IsTimeOfDay(value));
                    if (linked)
                    {
                        links.Add($"{table}.{column} = {text}");
                    }
                }
            }
        }

        return links;
    }

    // Every table the plugin owns (from the database's own list, not a hand list) and the core's timeline and audit tables.
    private async Task<List<string>> TablesAsync() =>
    [
        .. (await fixture.Database.TablesAsync())
            .Where(t => t.StartsWith("surveys_", StringComparison.Ordinal) || t.Contains("timeline", StringComparison.Ordinal) || t.Contains("audit", StringComparison.Ordinal)),
    ];

    private async Task<HashSet<string>> CoreRowsAsync()
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in (await TablesAsync()).Where(t => !t.StartsWith("surveys_", StringComparison.Ordinal)))
        {
            foreach (var row in await fixture.Database.QueryAsync($"SELECT * FROM \"{table}\""))
            {
                rows.Add(table + RowText(row));
            }
        }

        return rows;
    }

    private static string RowText(IReadOnlyDictionary<string, object?> row) =>
        string.Join("|", row.Select(c => c.Key + "=" + (c.Value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(c.Value, CultureInfo.InvariantCulture))));

    private static bool IsTimeOfDay(object? value) => value switch
    {
        DateTime time => time.TimeOfDay != TimeSpan.Zero,
        DateTimeOffset time => time.TimeOfDay != TimeSpan.Zero,
        // SQLite keeps times as ticks: a number in the range of this century's ticks is a time.
        long ticks => ticks is > 630_822_816_000_000_000 and < 662_380_416_000_000_000 && ticks % TimeSpan.TicksPerDay != 0,
        string text => text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && time.TimeOfDay != TimeSpan.Zero,
        _ => false,
    };

    private sealed record Respondent(long ContactId, long CustomerId, string Name, string Email, string Token, byte[] Hash, string ResponseId);
}
