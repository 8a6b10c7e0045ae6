using System.Data.Common;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Effects;

/// <summary>
/// The answer effects in the real host process, killed with SIGKILL while it performs them and started
/// again on the same database: every detractor's answer ends with exactly one complaint, one timeline
/// entry and one follow-up link, none lost and none twice, and no pending row left. On SQLite; the
/// job recovery of PostgreSQL is proven by the invoicing plugin's <c>MonthlyRunKillTests</c>.
/// </summary>
public sealed class AnswerEffectsKillTests(ITestOutputHelper output)
{
    private const int Answers = 300;

    [Fact]
    public async Task Effects_HostKilledWhilePerformingThem_EveryAnswerEndsWithOneComplaintOneTimelineEntryAndOneLink()
    {
        await using var database = SqliteTestDatabase.Create();
        await SeedAndQueueTheSweepAsync(database);

        var process = await StartProcessAsync(database);
        try
        {
            await Eventually.HoldsAsync("the effects of the first answers performed", async () => await CountAsync(database, "surveys_follow_ups") >= 20, TimeSpan.FromMinutes(2));
            await process.KillAsync();
            output.WriteLine($"Killed at {await CountAsync(database, "surveys_follow_ups")} of {Answers} follow-ups.");
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
            await Eventually.HoldsAsync("every answer's effects performed after the restart", async () => await CountAsync(database, "surveys_pending_effects") == 0, TimeSpan.FromMinutes(3));
        }

        Assert.Equal(Answers, await CountAsync(database, "surveys_follow_ups"));
        Assert.Equal(Answers, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM crm_interactions WHERE "FollowUpKey" LIKE 'surveys.follow-up:%'"""));
        Assert.Equal(Answers, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_follow_ups f JOIN crm_interactions i ON i."Id" = f."FollowUpId" """));
        Assert.Equal(Answers, await database.ScalarAsync<long>("""SELECT COUNT(*) FROM crm_timeline_entries WHERE "Kind" = 'surveys.survey-answered'"""));
    }

    // A closed-loop survey answered by detractors (NPS 2), committed as the submit commits, no effect
    // performed; the sweep is queued to start in a few seconds, so that this host stops before it could take it.
    private static async Task SeedAndQueueTheSweepAsync(SqliteTestDatabase database)
    {
        await using var host = new CrmHostFactory(database, SurveysHostFixture.PluginsPath).Start();
        var surveys = SurveysPlugin.In(host);
        var manager = await Person.CreateAsync(host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(host);
        var contactId = await host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            await db.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerUserId, manager.Id));
            var contact = new Contact { CustomerId = customer.Id, Name = "Kavya Rao" };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });
        var design = await surveys.CreatedAsync(manager, input => input.ClosedLoop = true);
        var nps = await surveys.AddedQuestionAsync(manager, design.Id, "Nps");
        Assert.True((await surveys.OpenAsync(manager, design.Id)).Saved);
        var start = DateTimeOffset.UtcNow;
        for (var n = 0; n < Answers; n++)
        {
            await surveys.CommittedAnswerAsync(design.Id, customer.Id, contactId, start.AddSeconds(n), (nps, 2));
        }

        await host.InScopeAsync(async services =>
        {
            var scheduler = services.GetRequiredService<IJobScheduler>();
            var enqueue = typeof(IJobScheduler).GetMethod(nameof(IJobScheduler.EnqueueAsync))!.MakeGenericMethod(surveys.Type("Jobs.AnswerEffectsJob"));
            await (Task<Guid>)enqueue.Invoke(scheduler, [null, TimeSpan.FromSeconds(5), CancellationToken.None])!;
        });
    }

    private static Task<CrmHostProcess> StartProcessAsync(SqliteTestDatabase database) =>
        CrmHostProcess.StartBesideTestsAsync(database, SurveysHostFixture.PluginsPath);

    /// <summary>The rows of a table, or 0 while it cannot be read (the host is starting).</summary>
    private static async Task<long> CountAsync(SqliteTestDatabase database, string table)
    {
        try
        {
            return await database.ScalarAsync<long>("SELECT COUNT(*) FROM " + table);
        }
        catch (DbException)
        {
            return 0;
        }
    }
}
