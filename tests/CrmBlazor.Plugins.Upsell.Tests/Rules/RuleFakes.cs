using System.Globalization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Upsell.Tests.Rules;

/// <summary>Crafted facts for the rules that read projects and survey scores, and the plugin's localizer.</summary>
internal static class RuleFakes
{
    /// <summary>The plugin's English texts and their translations, from the resource files.</summary>
    public static IStringLocalizer<UpsellResources> Localizer()
    {
        var localizers = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new StringLocalizer<UpsellResources>(localizers);
    }

    /// <summary>Services offering the facts given; a null leaves the contract out (its plugin is not loaded).</summary>
    public static IServiceProvider Services(IProjectFacts? projects, ISurveyScores? scores)
    {
        var services = new ServiceCollection();
        if (projects is not null)
        {
            services.AddSingleton(projects);
        }

        if (scores is not null)
        {
            services.AddSingleton(scores);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Runs <paramref name="read"/> in a culture.</summary>
    public static T InCulture<T>(string culture, Func<T> read)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>A clock whose local time zone is UTC.</summary>
    public sealed class UtcClock : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    /// <summary>Scores as given; counts the calls.</summary>
    public sealed class Scores(params CustomerSurveyScores[] scores) : ISurveyScores
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyDictionary<long, CustomerSurveyScores>> GetLatestAsync(IReadOnlyCollection<long>? customerIds = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult<IReadOnlyDictionary<long, CustomerSurveyScores>>(
                scores.Where(s => customerIds is null || customerIds.Contains(s.CustomerId)).ToDictionary(s => s.CustomerId));
        }
    }

    /// <summary>Projects and monthly hours as given; the monthly hours are narrowed to the months asked for, as the projects plugin does.</summary>
    public sealed class Projects(IReadOnlyList<ProjectFacts> projects, IReadOnlyList<MonthlyHours> months) : IProjectFacts
    {
        public List<MonthlyHoursQuery> MonthQueries { get; } = [];

        public Task<ProjectFacts?> GetAsync(long projectId, CancellationToken cancellationToken = default) => Task.FromResult(projects.FirstOrDefault(p => p.ProjectId == projectId));

        public Task<IReadOnlyList<ProjectFacts>> ListAsync(ProjectFactsQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ProjectFacts>>([.. projects.Where(p => query.Statuses is null || query.Statuses.Contains(p.Status))]);

        public Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<long, string>>(projects.Where(p => projectIds.Contains(p.ProjectId)).ToDictionary(p => p.ProjectId, p => p.Name));

        public Task<IReadOnlyList<LoggedTime>> GetLoggedTimeAsync(LoggedTimeQuery query, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<LoggedTime>>([]);

        public Task<IReadOnlyList<MonthlyHours>> GetMonthlyHoursAsync(MonthlyHoursQuery query, CancellationToken cancellationToken = default)
        {
            MonthQueries.Add(query);
            var (from, to) = (new DateOnly(query.FromMonth.Year, query.FromMonth.Month, 1), new DateOnly(query.ToMonth.Year, query.ToMonth.Month, 1));
            return Task.FromResult<IReadOnlyList<MonthlyHours>>([.. months.Where(m => m.Month >= from && m.Month <= to)]);
        }
    }
}
