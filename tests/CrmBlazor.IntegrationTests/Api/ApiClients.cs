using System.Net.Http.Headers;
using CrmBlazor.Host.Features.Api;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Api;

/// <summary>Clients of <c>/api/v1</c> with a real personal access token, made the way the account page makes one.</summary>
public static class ApiClients
{
    /// <summary>Creates a token for a user with scopes and returns its secret.</summary>
    /// <param name="host">The host.</param>
    /// <param name="user">The token's user.</param>
    /// <param name="scopes">The permission names.</param>
    public static async Task<string> CreateTokenAsync(this CrmHostFactory host, TestUser user, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (result, token) = await host.AsUserAsync(user, s => s.GetRequiredService<ApiTokens>().CreateAsync(new ApiTokenInput
        {
            Name = "Integration " + Guid.NewGuid().ToString("N")[..6],
            Days = 30,
            Scopes = [.. scopes],
        }));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return token!;
    }

    /// <summary>A client that sends a user's new token with the scopes on every request.</summary>
    /// <param name="host">The host.</param>
    /// <param name="user">The token's user.</param>
    /// <param name="scopes">The permission names.</param>
    public static async Task<HttpClient> ApiClientAsync(this CrmHostFactory host, TestUser user, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(host);
        var token = await host.CreateTokenAsync(user, scopes);
        var client = host.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
