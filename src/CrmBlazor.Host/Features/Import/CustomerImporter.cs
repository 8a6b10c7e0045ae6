using System.Globalization;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Search;
using CrmBlazor.Host.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Import;

/// <summary>What the user chose for an import besides the file and its mapping.</summary>
/// <param name="TagImported">Whether every imported customer gets the tag "Import &lt;date&gt;", to find them again.</param>
public sealed record CustomerImportOptions(bool TagImported = true);

/// <summary>How far an import is.</summary>
/// <param name="Done">Customers saved so far.</param>
/// <param name="Total">Customers to save.</param>
public sealed record CustomerImportProgress(int Done, int Total);

/// <summary>What an import saved.</summary>
/// <param name="Customers">Customers created.</param>
/// <param name="Contacts">Contacts created.</param>
/// <param name="TagId">The tag every imported customer got, or null.</param>
/// <param name="TagName">Its name.</param>
public sealed record CustomerImportSummary(int Customers, int Contacts, long? TagId, string? TagName);

/// <summary>How an import ended.</summary>
/// <param name="Change">Saved, or why nothing was saved.</param>
/// <param name="Plan">The plan as checked on the server just before saving, with its errors.</param>
/// <param name="Summary">What was saved, when it was.</param>
public sealed record CustomerImportResult(ChangeResult Change, CustomerImportPlan Plan, CustomerImportSummary? Summary);

/// <summary>
/// Checks import files against the current database and saves them: all rows or none, in one
/// transaction, through the normal save path (audited, search terms written alongside).
/// </summary>
/// <remarks>
/// The server checks everything again right before saving, whatever the page showed: users may have
/// been removed since the preview, and a page's state is not evidence. Customers are saved in
/// batches of <see cref="BatchSize"/> inside the one transaction, and the change tracker is cleared
/// after each batch, so memory stays flat on large files and progress can be shown.
/// </remarks>
public sealed class CustomerImporter(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Customers saved per batch.</summary>
    public const int BatchSize = 250;

    /// <summary>Checks a file against the current users and plans its import, without saving anything.</summary>
    /// <param name="document">The file.</param>
    /// <param name="mapping">Which column holds which field.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<CustomerImportPlan> PlanAsync(CsvDocument document, CustomerColumnMapping mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mapping);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        var userIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            userIds.TryAdd(user.Email!, user.Id);
        }

        return new CustomerImportValidator(userIds).Validate(document, mapping);
    }

    /// <summary>Checks a file again and, if every row is valid, saves all of it; otherwise saves nothing.</summary>
    /// <param name="document">The file.</param>
    /// <param name="mapping">Which column holds which field.</param>
    /// <param name="options">The user's choices.</param>
    /// <param name="progress">Told after each batch.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is saved then.</param>
    public async Task<CustomerImportResult> ImportAsync(
        CsvDocument document,
        CustomerColumnMapping mapping,
        CustomerImportOptions options,
        IProgress<CustomerImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!await currentUser.HasPermissionAsync(CorePermissions.ImportCustomers, cancellationToken))
        {
            return new CustomerImportResult(ChangeResult.Forbidden(), new CustomerImportPlan([], [], 0), null);
        }

        var plan = await PlanAsync(document, mapping, cancellationToken);
        if (!plan.CanImport)
        {
            return new CustomerImportResult(
                ChangeResult.Invalid("", new Problem("Nothing was imported, because some rows have errors. Correct them in the file and upload it again.")), plan, null);
        }

        var now = clock.GetUtcNow();
        var baseTag = options.TagImported ? "Import " + now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : null;

        // The import's tag names this import's customers only: when a tag of that name exists (another
        // import in the same second), it gets a number. Two imports choosing the same new name at the
        // same moment both try to create it; the one that loses is rolled back whole and tried again.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var importTag = baseTag is null ? null : await FreeTagNameAsync(db, baseTag, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            long? importTagId;
            try
            {
                importTagId = await SaveAsync(db, plan, importTag, now, progress, cancellationToken);
            }
            catch (DbUpdateException) when (importTag is not null && attempt < MaximumAttempts)
            {
                continue;
            }
            catch (DbUpdateException)
            {
                // E.g. a tag created by someone else at the same moment; the transaction is rolled back.
                return new CustomerImportResult(
                    ChangeResult.Conflict(new Problem("Nothing was imported, because the data changed while the file was being saved. Import the file again.")), plan, null);
            }

            await transaction.CommitAsync(cancellationToken);
            return new CustomerImportResult(ChangeResult.Saved(importTagId ?? 0), plan,
                new CustomerImportSummary(plan.Customers.Count, plan.ContactCount, importTagId, importTag));
        }
    }

    private const int MaximumAttempts = 3;

    // The name, or the name with the first free number: "Import … UTC (2)".
    private static async Task<string> FreeTagNameAsync(CrmDbContext db, string name, CancellationToken cancellationToken)
    {
        var key = CustomerService.TagKey(name);
        var taken = await db.Tags.AsNoTracking()
            .Where(t => t.NormalizedName.StartsWith(key))
            .Select(t => t.NormalizedName)
            .ToListAsync(cancellationToken);
        if (!taken.Contains(key))
        {
            return name;
        }

        for (var number = 2; ; number++)
        {
            var candidate = $"{name} ({number})";
            if (!taken.Contains(CustomerService.TagKey(candidate)))
            {
                return candidate;
            }
        }
    }

    private static async Task<long?> SaveAsync(
        CrmDbContext db, CustomerImportPlan plan, string? importTag, DateTimeOffset now, IProgress<CustomerImportProgress>? progress, CancellationToken cancellationToken)
    {
        long? importTagId = null;
        var done = 0;
        progress?.Report(new CustomerImportProgress(0, plan.Customers.Count));
        foreach (var batch in plan.Customers.Chunk(BatchSize))
        {
            var tags = await TagsAsync(db, batch.SelectMany(c => c.Input.Tags).Append(importTag).OfType<string>(), cancellationToken);
            var customers = batch.Select(imported => ToCustomer(imported, tags, importTag, now)).ToList();
            db.Customers.AddRange(customers);
            await db.SaveChangesAsync(cancellationToken);
            db.SearchTerms.AddRange(customers.SelectMany(SearchIndex.TermsOf));
            await db.SaveChangesAsync(cancellationToken);
            importTagId ??= importTag is null ? null : tags[CustomerService.TagKey(importTag)].Id;
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Report(new CustomerImportProgress(done, plan.Customers.Count));
        }

        return importTagId;
    }

    // The batch's tags by folded name: those that exist, and new ones for the rest.
    private static async Task<Dictionary<string, Tag>> TagsAsync(CrmDbContext db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.DistinctBy(CustomerService.TagKey, StringComparer.Ordinal).ToDictionary(CustomerService.TagKey, StringComparer.Ordinal);
        var keys = wanted.Keys.ToList();
        var tags = await db.Tags.Where(t => keys.Contains(t.NormalizedName)).ToDictionaryAsync(t => t.NormalizedName, StringComparer.Ordinal, cancellationToken);
        foreach (var (key, name) in wanted)
        {
            tags.TryAdd(key, new Tag { Name = name, NormalizedName = key });
        }

        return tags;
    }

    private static Customer ToCustomer(ImportedCustomer imported, Dictionary<string, Tag> tags, string? importTag, DateTimeOffset now)
    {
        var customer = new Customer { Name = string.Empty, CreatedAt = now };
        CustomerService.Apply(imported.Input, customer, now);
        foreach (var name in imported.Input.Tags.Append(importTag).OfType<string>())
        {
            var tag = tags[CustomerService.TagKey(name)];
            if (!customer.Tags.Contains(tag))
            {
                customer.Tags.Add(tag);
            }
        }

        foreach (var contact in imported.Contacts)
        {
            customer.Contacts.Add(new Contact
            {
                Name = contact.Input.Name.Trim(),
                Role = Clean(contact.Input.Role),
                Email = Clean(contact.Input.Email),
                Phone = Clean(contact.Input.Phone),
                IsPrimary = contact.Input.IsPrimary,
                CreatedAt = now,
            });
        }

        return customer;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
