using CrmBlazor.Sdk.Catalogue;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Upsell.Tests.Rules;

/// <summary>Projects and their monthly hours as a rule reads them, with the queries it made.</summary>
internal sealed class FakeProjectFacts(IReadOnlyList<ProjectFacts> projects, IReadOnlyList<MonthlyHours>? months = null) : IProjectFacts
{
    /// <summary>The monthly-hours queries made, in order.</summary>
    public List<MonthlyHoursQuery> MonthlyQueries { get; } = [];

    /// <summary>The list queries made, in order.</summary>
    public List<ProjectFactsQuery> ListQueries { get; } = [];

    public Task<ProjectFacts?> GetAsync(long projectId, CancellationToken cancellationToken = default) => Task.FromResult(projects.FirstOrDefault(p => p.ProjectId == projectId));

    public Task<IReadOnlyList<ProjectFacts>> ListAsync(ProjectFactsQuery query, CancellationToken cancellationToken = default)
    {
        ListQueries.Add(query);
        return Task.FromResult<IReadOnlyList<ProjectFacts>>([.. projects.Where(p => query.Statuses is null || query.Statuses.Contains(p.Status))]);
    }

    public Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<long, string>>(projects.Where(p => projectIds.Contains(p.ProjectId)).ToDictionary(p => p.ProjectId, p => p.Name));

    public Task<IReadOnlyList<LoggedTime>> GetLoggedTimeAsync(LoggedTimeQuery query, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<LoggedTime>>([]);

    public Task<IReadOnlyList<MonthlyHours>> GetMonthlyHoursAsync(MonthlyHoursQuery query, CancellationToken cancellationToken = default)
    {
        MonthlyQueries.Add(query);
        var first = new DateOnly(query.FromMonth.Year, query.FromMonth.Month, 1);
        var last = new DateOnly(query.ToMonth.Year, query.ToMonth.Month, 1);
        return Task.FromResult<IReadOnlyList<MonthlyHours>>([.. (months ?? []).Where(m => m.Month >= first && m.Month <= last)]);
    }
}

/// <summary>A catalogue of crafted services.</summary>
internal sealed class FakeCatalogue(params CatalogueService[] services) : IServiceCatalogue
{
    public Task<IReadOnlyList<CatalogueService>> ListAsync(bool includeRetired = false, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CatalogueService>>([.. services.Where(s => includeRetired || !s.IsRetired)]);

    public Task<CatalogueService?> GetAsync(long serviceId, CancellationToken cancellationToken = default) => Task.FromResult(services.FirstOrDefault(s => s.Id == serviceId));
}
