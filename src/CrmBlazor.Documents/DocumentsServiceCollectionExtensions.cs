using CrmBlazor.Sdk.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBlazor.Documents;

/// <summary>Registers the document engine.</summary>
public static class DocumentsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IPdfRenderer"/> (a singleton <see cref="PdfRenderer"/>) for the host and its plugins.</summary>
    /// <param name="services">The host's services.</param>
    public static IServiceCollection AddCrmDocuments(this IServiceCollection services)
    {
        services.TryAddSingleton<IPdfRenderer, PdfRenderer>();
        return services;
    }
}
