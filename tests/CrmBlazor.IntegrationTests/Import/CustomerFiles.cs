using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Import;
using CrmBlazor.Host.Identity;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Import;

/// <summary>Imports and exports customer files on the real host, as a given user, and reads back what was stored.</summary>
internal static class CustomerFiles
{
    /// <summary>Imports a file with its headers mapped automatically, as the user would after uploading it.</summary>
    public static Task<CustomerImportResult> ImportAsync(this CrmHostFactory host, TestUser user, byte[] file, bool tagImported = true) =>
        host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<CrmUser>>();
            var principal = await services.GetRequiredService<SignInManager<CrmUser>>().CreateUserPrincipalAsync((await users.FindByEmailAsync(user.Email))!);
            using var actor = CrmActor.Use(new CrmActor(principal, user.Email));
            var document = CustomerCsvReader.Read(file).Document ?? throw new InvalidOperationException("The file cannot be read.");
            var mapping = CustomerColumnMapping.Guess(document.Headers);
            return await services.GetRequiredService<CustomerImporter>().ImportAsync(document, mapping, new CustomerImportOptions(tagImported));
        });

    /// <summary>Downloads an export as a signed-in user.</summary>
    public static async Task<byte[]> ExportAsync(this HttpClient client, string pathAndQuery)
    {
        using var response = await client.GetAsync(pathAndQuery);
        Assert.True(response.IsSuccessStatusCode, $"GET {pathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The customers with a tag, with contacts, addresses and tags, by name.</summary>
    public static Task<List<Customer>> CustomersTaggedAsync(this CrmHostFactory host, string tag) =>
        host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var key = CustomerService.TagKey(tag);
            return await db.Customers.AsNoTracking().AsSplitQuery()
                .Include(c => c.Contacts).Include(c => c.Addresses).Include(c => c.Tags)
                .Where(c => c.Tags.Any(t => t.NormalizedName == key))
                .OrderBy(c => c.Id)
                .ToListAsync();
        });

    /// <summary>The names of the customers a list search finds.</summary>
    public static Task<List<string>> SearchAsync(this CrmHostFactory host, string search) =>
        host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var (items, _) = await CustomerQueries.PageAsync(db, new CustomerListQuery(Search: search, PageSize: 200));
            return items.Select(i => i.Name).ToList();
        });

    /// <summary>The id of a tag.</summary>
    public static Task<long> TagIdAsync(this CrmHostFactory host, string tag) =>
        host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var key = CustomerService.TagKey(tag);
            return await db.Tags.Where(t => t.NormalizedName == key).Select(t => t.Id).SingleAsync();
        });

    /// <summary>The rows of a CSV export as header-to-value maps.</summary>
    public static List<Dictionary<string, string>> Rows(byte[] csv)
    {
        var document = CustomerCsvReader.Read(csv).Document ?? throw new InvalidOperationException("The export cannot be read.");
        return [.. document.Rows.Select(r => document.Headers.Select((h, i) => (h, r.Cell(i))).ToDictionary(p => p.h, p => p.Item2))];
    }
}
