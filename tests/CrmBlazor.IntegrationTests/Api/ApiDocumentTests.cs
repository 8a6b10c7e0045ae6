using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrmBlazor.Host.Features.Api;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Api;

/// <summary>
/// Every endpoint under <c>/api/v1</c> that the host maps is in the OpenAPI document, with a response
/// schema: an endpoint added without its description (or excluded from it) fails here. The document is
/// for signed-in users only.
/// </summary>
public abstract partial class ApiDocumentTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Document_DescribesEveryApiEndpointWithItsResponseSchema()
    {
        var document = await ReadDocumentAsync();
        var endpoints = ApiEndpointsOf(fixture.Host.Services);

        Assert.Contains(("GET", "/api/v1/customers"), endpoints);
        Assert.Contains(("PUT", "/api/v1/customers/{id}"), endpoints);
        Assert.Empty(Undocumented(endpoints, document));
        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]![ApiDocument.BearerScheme]!["scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task Guard_ReportsAnEndpointMissingFromTheDocument()
    {
        var document = await ReadDocumentAsync();
        var endpoints = ApiEndpointsOf(fixture.Host.Services);
        document["paths"]!.AsObject().Remove("/api/v1/customers/{id}");

        var missing = Undocumented(endpoints, document);

        Assert.Contains("GET /api/v1/customers/{id}", missing);
        Assert.Contains("PUT /api/v1/customers/{id}", missing);
    }

    [Fact]
    public async Task Guard_ReportsAnEndpointWithoutAResponseSchema()
    {
        var document = await ReadDocumentAsync();
        var endpoints = ApiEndpointsOf(fixture.Host.Services);
        document["paths"]!["/api/v1/customers"]!["get"]!["responses"]!.AsObject().Remove("200");

        Assert.Contains("GET /api/v1/customers", Undocumented(endpoints, document));
    }

    [Fact]
    public async Task Document_IsNotServedToAnonymousVisitors()
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync(ApiDocument.DocumentPath);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Responses.AssertRedirectTo(response, Responses.SignInPath);
    }

    private async Task<JsonNode> ReadDocumentAsync()
    {
        using var client = await fixture.Host.SignInAsAdministratorAsync();
        using var response = await client.GetAsync(ApiDocument.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Every method and route the host maps under <c>/api/v1</c>, route constraints left out as OpenAPI writes paths.</summary>
    internal static List<(string Method, string Path)> ApiEndpointsOf(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiEndpoints.Version1 + "/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (m, Constraint().Replace(e.RoutePattern.RawText!, "{$1}").TrimEnd('/'))))
            .Distinct(),
    ];

    /// <summary>The endpoints that the document lacks, or describes without a success response with a schema.</summary>
    internal static List<string> Undocumented(IEnumerable<(string Method, string Path)> endpoints, JsonNode document)
    {
        var missing = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            var operation = document["paths"]?[path]?[method.ToLowerInvariant()];
            var success = operation?["responses"]?.AsObject().FirstOrDefault(r => r.Key.StartsWith('2')).Value;
            var schema = success?["content"]?.AsObject().FirstOrDefault().Value?["schema"];
            if (schema is null || operation!["summary"] is null || operation["tags"] is null)
            {
                missing.Add($"{method} {path}");
            }
        }

        return missing;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Constraint();

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : ApiDocumentTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : ApiDocumentTests(fixture);
}
