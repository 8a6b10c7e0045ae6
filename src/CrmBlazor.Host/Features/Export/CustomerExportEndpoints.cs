using System.Globalization;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Exports;
using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Export;

/// <summary>
/// <c>GET /customers/export.csv</c> and <c>/customers/export.xlsx</c>: the customer list as filtered
/// on the list page (<c>q</c>, <c>tag</c>, <c>segment</c>, <c>owner</c>, <c>kind</c>, <c>archived</c>),
/// in the customer file format. A segment's members are the export with <c>?segment=</c>.
/// </summary>
internal static class CustomerExportEndpoints
{
    public static IEndpointRouteBuilder MapCustomerExports(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/customers")
            .RequireAuthorization(CorePermissions.ViewCustomers)
            .WithMetadata(new RefusedWithStatusCode("You do not have permission to export customers."));
        exports.MapGet("/export.csv", ExportCsvAsync);
        exports.MapGet("/export.xlsx", ExportExcelAsync);
        return endpoints;
    }

    private static async Task ExportCsvAsync(HttpContext context, IDbContextFactory<CrmDbContext> contexts, [AsParameters] ExportFilter filter, TimeProvider clock)
    {
        var (query, refusal) = filter.Read();
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        var cancellationToken = context.RequestAborted;
        Downloads.Attachment(context.Response, CsvWriter.ContentType, FileName(clock, "csv"));
        await using var csv = new CsvWriter(context.Response.Body);
        await csv.WriteRowAsync(CustomerExportRows.Headers, cancellationToken);
        await foreach (var page in CustomerExportRows.PagesAsync(contexts, query, cancellationToken))
        {
            foreach (var row in page)
            {
                await csv.WriteRowAsync(row, cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }
    }

    private static async Task ExportExcelAsync(HttpContext context, IDbContextFactory<CrmDbContext> contexts, [AsParameters] ExportFilter filter, TimeProvider clock)
    {
        var (query, refusal) = filter.Read();
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        var cancellationToken = context.RequestAborted;
        await Downloads.ExcelAsync(context.Response, FileName(clock, "xlsx"), "Customers", CustomerExportRows.Headers,
            CustomerExportRows.PagesAsync(contexts, query, cancellationToken), cancellationToken);
    }

    private static string FileName(TimeProvider clock, string extension) =>
        $"customers-{clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";

    /// <summary>
    /// The list filters as the list page puts them in the export links (see <c>CustomerListFilter.ToQueryParameters</c>),
    /// bound as given and read by <see cref="AddressQuery"/>, so that a value that is not a number, a type or a
    /// yes/no is refused with 400 and a problem naming it rather than by the framework's binding.
    /// </summary>
    internal sealed record ExportFilter(
        [FromQuery(Name = "q")] string? Search,
        [FromQuery(Name = "tag")] string? Tag,
        [FromQuery(Name = "segment")] string? Segment,
        [FromQuery(Name = "owner")] string? Owner,
        [FromQuery(Name = "kind")] string? Kind,
        [FromQuery(Name = "archived")] string? Archived)
    {
        /// <summary>The list query, and the refusal when a value cannot be used.</summary>
        public (CustomerListQuery Query, IResult? Refusal) Read()
        {
            var address = new AddressQuery();
            var query = new CustomerListQuery(
                Search: address.Text("q", Search),
                OwnerUserId: address.Text("owner", Owner),
                TagId: address.Id("tag", Tag),
                SegmentId: address.Id("segment", Segment),
                Kind: address.Choice<CustomerKind>("kind", Kind),
                IncludeArchived: address.Flag("archived", Archived) == true,
                Sort: CustomerSort.Name);
            return (query, address.Refusal());
        }
    }
}
