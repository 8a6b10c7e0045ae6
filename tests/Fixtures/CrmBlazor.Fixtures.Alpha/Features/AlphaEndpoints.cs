using CrmBlazor.Fixtures.Alpha.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Fixtures.Alpha.Features;

/// <summary>
/// <c>GET /fixture-alpha/notes.txt?customer=42</c>: a customer's notes as plain text, one a line, for
/// users with <see cref="AlphaPlugin.ViewPermission"/>. The customer is bound by the framework as a
/// <c>long</c>: a value that is not one is answered by the host with 400 and a problem-details body.
/// </summary>
public static class AlphaEndpoints
{
    /// <summary>Maps the endpoint on the plugin's route group (<c>/fixture-alpha</c>).</summary>
    /// <param name="endpoints">The plugin's route group.</param>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/notes.txt", async ([FromQuery] long customer, IDbContextFactory<AlphaDbContext> contexts, CancellationToken cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var notes = await db.Notes.Where(n => n.CustomerId == customer).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync(cancellationToken);
            return Results.Text(string.Join('\n', notes), "text/plain; charset=utf-8");
        })
        .RequireAuthorization(AlphaPlugin.ViewPermission)
        .DisableCookieRedirect();
}
