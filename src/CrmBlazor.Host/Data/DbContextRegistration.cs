using CrmBlazor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBlazor.Host.Data;

/// <summary>Registers the core's and the plugins' DbContexts the same way.</summary>
internal static class DbContextRegistration
{
    /// <summary>
    /// Registers a context with a factory (for components, which outlive a unit of work) and as a
    /// scoped service, configured for the database in use and with the CRM's save interceptors.
    /// </summary>
    /// <typeparam name="TContext">The context.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="pluginId">The owning plugin, or null for the core.</param>
    public static IServiceCollection AddCrmDbContext<TContext>(this IServiceCollection services, string? pluginId)
        where TContext : DbContext
    {
        services.AddDbContextFactory<TContext>((sp, options) => options
            .UseCrmDatabase(sp.GetRequiredService<DatabaseSettings>(), pluginId)
            .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        return services;
    }
}
