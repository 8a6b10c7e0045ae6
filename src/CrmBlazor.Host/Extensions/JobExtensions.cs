using CrmBlazor.Data;
using CrmBlazor.Host.Events;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Host.Features.Webhooks;
using CrmBlazor.Host.Jobs;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Jobs;
using Hangfire;
using Hangfire.PostgreSql;

namespace CrmBlazor.Host.Extensions;

internal static class JobExtensions
{
    /// <summary>
    /// Hangfire with in-memory storage on SQLite (one instance) and PostgreSQL storage otherwise
    /// (several instances share the queue), the host-owned job and event dispatchers, and the
    /// services plugins use to queue jobs and publish events.
    /// </summary>
    public static IHostApplicationBuilder AddCrmJobs(this IHostApplicationBuilder builder, DatabaseSettings database)
    {
        var configuration = builder.Configuration;

        // The mail outbox's server and sender, checked now so that a wrong value stops the start with its name.
        builder.Services.AddSingleton(MailSettings.FromConfiguration(configuration));
        var pollInterval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Jobs:PollIntervalSeconds", 5)));

        // How long a job taken by an instance that died (kill -9, power cut) stays invisible before
        // another instance takes it again. Live workers renew their claim every fifth of it.
        var invisibilityTimeout = TimeSpan.FromSeconds(Math.Max(10, configuration.GetValue("Jobs:InvisibilityTimeoutSeconds", 300)));
        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                config.UsePostgreSqlStorage(
                    options => options.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = pollInterval,
                        EnableLongPolling = true,
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = invisibilityTimeout,
                    });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        builder.Services.AddHangfireServer(options =>
        {
            options.WorkerCount = Math.Max(1, configuration.GetValue("Jobs:WorkerCount", 2));
            options.SchedulePollingInterval = pollInterval;
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });

        builder.Services.AddSingleton<DomainEventQueue>();
        builder.Services.AddSingleton<MailQueue>();
        builder.Services.AddScoped<OutboxDelivery>();
        builder.Services.AddSingleton<WebhookQueue>();
        builder.Services.AddScoped<WebhookSender>();
        builder.Services.AddScoped<JobDispatcher>();
        builder.Services.AddScoped<DomainEventDispatcher>();
        builder.Services.AddScoped<IJobScheduler, JobScheduler>();
        builder.Services.AddScoped<IDomainEventPublisher, DomainEventPublisher>();
        return builder;
    }
}
