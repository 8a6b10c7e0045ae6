using System.Data.Common;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Sending;

/// <summary>
/// A send of a survey to a segment of a couple of hundred contacts in the real host process, killed with
/// SIGKILL while it invites them and started again on the same database: the host's job recovery runs the
/// send again, and every contact ends with exactly one invitation and one mail for the send, none lost and
/// none twice, and the send's count matches. On SQLite, the embedded default (the job recovery of
/// PostgreSQL is proven by the invoicing plugin's <c>MonthlyRunKillTests</c>).
/// </summary>
public sealed class SegmentSendKillTests(ITestOutputHelper output)
{
    private const int ContactCount = 200;

    [Fact]
    public async Task SegmentSend_HostKilledWhileInviting_EveryContactEndsWithOneInvitationAndOneMail()
    {
        await using var database = SqliteTestDatabase.Create();
        var (surveyId, contacts, sendId, runId) = await SeedAndQueueTheSendAsync(database);

        var process = await StartProcessAsync(database);
        try
        {
            await Eventually.HoldsAsync("the send invited its first contacts", async () => await CountAsync(database, surveyId) >= 20, TimeSpan.FromMinutes(2));
            await process.KillAsync();
            output.WriteLine($"Killed at {await CountAsync(database, surveyId)} of {ContactCount} contacts invited.");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + process.RecentOutput, e);
        }
        finally
        {
            await process.DisposeAsync();
        }

        await using (var restarted = await StartProcessAsync(database))
        {
            await Eventually.HoldsAsync("the send recovered and finished after the restart", () => database.JobRunSucceededAsync(runId), TimeSpan.FromMinutes(3));
        }

        await using var host = new CrmHostFactory(database, SurveysHostFixture.PluginsPath).Start();
        var run = await host.InScopeAsync(services => services.GetRequiredService<IJobScheduler>().GetRunAsync(runId));
        Assert.Equal(JobRunState.Succeeded, run?.State);
        Assert.Equal(ContactCount, await CountAsync(database, surveyId));
        var prefix = $"surveys:send:{sendId:N}:";
        var mails = await SendingRecords.MailsAsync(host, prefix);
        Assert.Equal(contacts.Select(c => $"{prefix}{c.CustomerId}:{c.ContactId}").Order(StringComparer.Ordinal), mails.Select(m => m.Key).Order(StringComparer.Ordinal));
        var hashes = await database.ColumnAsync<byte[]>("""SELECT "TokenHash" FROM surveys_invitations WHERE "SurveyId" = @p0""", surveyId);
        Assert.Equal(mails.Select(m => Convert.ToHexString(m.TokenHash)).Order(StringComparer.Ordinal), hashes.Select(Convert.ToHexString).Order(StringComparer.Ordinal));
        Assert.Equal((ContactCount, ContactCount, 0, 0, (string?)null), await SurveysPlugin.In(host).FinishedSendAsync(sendId, database));
    }

    // Customers with one contact each in a segment, an open survey, and its send queued to run in a few
    // seconds, so that this host stops before it could take it.
    private static async Task<(long SurveyId, List<(long CustomerId, long ContactId)> Contacts, Guid SendId, Guid RunId)> SeedAndQueueTheSendAsync(SqliteTestDatabase database)
    {
        await using var host = new CrmHostFactory(database, SurveysHostFixture.PluginsPath).Start();
        var surveys = SurveysPlugin.In(host);
        var manager = await Person.CreateAsync(host, CrmRoles.Manager);
        var contacts = new List<(long, long)>();
        for (var n = 0; n < ContactCount; n++)
        {
            var customer = await new CustomerBuilder().WithContact($"Contact {n}", $"contact{n}@example.in", primary: true).SaveAsync(host);
            contacts.Add((customer.Id, customer.Contacts[0].Id));
        }

        var surveyId = await surveys.OpenSurveyAsync(manager);
        var segmentId = await SendingRecords.SegmentOfAsync(host, [.. contacts.Select(c => c.Item1)]);
        var sendId = await surveys.RecordSendAsync(surveyId, segmentId);
        var runId = await surveys.QueueJobAsync("Jobs.SegmentSendJob", surveys.SendArguments(sendId), TimeSpan.FromSeconds(5));
        return (surveyId, contacts, sendId, runId);
    }

    private static Task<CrmHostProcess> StartProcessAsync(SqliteTestDatabase database) =>
        CrmHostProcess.StartBesideTestsAsync(database, SurveysHostFixture.PluginsPath, new Dictionary<string, string?> { ["Crm:PublicUrl"] = SurveysHostFixture.PublicUrl });

    /// <summary>The survey's invitations so far, or 0 while the table cannot be read (the host is starting).</summary>
    private static async Task<long> CountAsync(SqliteTestDatabase database, long surveyId)
    {
        try
        {
            return await database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_invitations WHERE "SurveyId" = @p0""", surveyId);
        }
        catch (DbException)
        {
            return 0;
        }
    }
}
