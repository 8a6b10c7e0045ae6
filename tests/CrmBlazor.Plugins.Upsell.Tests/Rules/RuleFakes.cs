using System.Globalization;
using CrmBlazor.Sdk.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Upsell.Tests.Rules;

/// <summary>Crafted survey scores, the services a rule resolves its facts from, and the plugin's localizer (crafted projects: <see cref="FakeProjectFacts"/>).</summary>
internal static class RuleFakes
{
    /// <summary>The plugin's English texts and their translations, from the resource files.</summary>
    public static IStringLocalizer<UpsellResources> Localizer()
    {
        var localizers = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new StringLocalizer<UpsellResources>(localizers);
    }

    /// <summary>Services offering the facts given; a null leaves the contract out (its plugin is not loaded).</summary>
    public static IServiceProvider Services(CrmBlazor.Sdk.Projects.IProjectFacts? projects, ISurveyScores? scores = null)
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
}
