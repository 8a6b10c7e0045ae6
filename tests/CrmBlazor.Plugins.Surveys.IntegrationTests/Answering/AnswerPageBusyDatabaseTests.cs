using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using Npgsql;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Answering;

/// <summary>
/// A submit whose database work times out (PostgreSQL: the link's row held by another transaction longer than
/// the instance's command timeout of two seconds) gets the busy page, 503 with what was posted kept, never a
/// 500; nothing is stored, and sent again once the database is free it is stored once.
/// </summary>
[Collection(PostgresHost.Name)]
public sealed partial class AnswerPageBusyDatabaseTests(PostgresSurveysHostFixture fixture)
{
    [Fact]
    public async Task ASubmitWhoseDatabaseWorkTimesOut_GetsTheBusyPage_AndSentAgainIsStoredOnce()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().Named("Busy Firm " + Guid.NewGuid().ToString("N")[..8])
            .WithContact("Busy Respondent", $"{Guid.NewGuid():N}@respondent.test").SaveAsync(fixture.Host);
        var design = await fixture.Surveys.CreatedAsync(manager, input => input.Languages = new List<string> { "en" });
        var nps = await fixture.Surveys.AddedQuestionAsync(manager, design.Id, "Nps", new Dictionary<string, string> { ["en"] = "How likely are you to recommend us?" }, input => input.IsRequired = true);
        Assert.True((await fixture.Surveys.OpenAsync(manager, design.Id)).Saved);
        var (invited, path) = await fixture.Surveys.InviteAsync(manager, design.Id, customer.Id, customer.Contacts[0].Id);
        Assert.True(invited.Saved, string.Join(" ", invited.Messages));

        var connectionString = ((PostgresTestDatabase)fixture.Database).ConnectionString;
        await using var slow = fixture.Setup.WithSettings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 2 }.ToString(),
        }).StartOn(fixture.Database);
        using var client = slow.CreateBrowserClient();
        var page = await client.GetStringAsync(path);
        var token = Hidden().Match(page);
        List<KeyValuePair<string, string>> fields = [new(token.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[2].Value)), new($"q{nps}", "8"), new("action", "submit")];

        HttpStatusCode status;
        string busy;
        await using (var holder = new NpgsqlConnection(connectionString))
        {
            await holder.OpenAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand("""SELECT 1 FROM surveys_invitations WHERE "SurveyId" = @survey FOR UPDATE""", holder, transaction))
            {
                hold.Parameters.AddWithValue("survey", design.Id);
                await hold.ExecuteScalarAsync();
            }

            using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
            (status, busy) = (response.StatusCode, await response.Content.ReadAsStringAsync());
            await transaction.RollbackAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Many people are answering right now, and nothing was saved yet.", busy, StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_responses WHERE "SurveyId" = @p0""", design.Id));

        var kept = Hidden().Matches(busy).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.Contains(new KeyValuePair<string, string>($"q{nps}", "8"), kept);
        using var again = await client.PostAsync(path, new FormUrlEncodedContent([.. kept, new("action", "submit")]));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([8], await fixture.Database.ColumnAsync<int>("""SELECT a."Number" FROM surveys_answers a JOIN surveys_responses r ON r."Id" = a."ResponseId" WHERE r."SurveyId" = @p0""", design.Id));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
