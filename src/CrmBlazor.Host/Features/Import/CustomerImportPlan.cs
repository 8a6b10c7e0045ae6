using CrmBlazor.Host.Features.Customers;

namespace CrmBlazor.Host.Features.Import;

/// <summary>A contact as it will be imported.</summary>
/// <param name="Row">The row it comes from.</param>
/// <param name="Input">The values.</param>
public sealed record ImportedContact(int Row, ContactInput Input);

/// <summary>A customer as it will be imported, with the contacts of all its rows.</summary>
/// <param name="Row">The first row of the customer.</param>
/// <param name="Input">The values (account manager resolved to a user id, the address as the main address).</param>
/// <param name="Contacts">The contacts, in file order.</param>
public sealed record ImportedCustomer(int Row, CustomerInput Input, IReadOnlyList<ImportedContact> Contacts);

/// <summary>What a file would import, and every problem that stops it.</summary>
/// <param name="Customers">The customers, in file order.</param>
/// <param name="Errors">The problems, by row; the import is refused while there is any.</param>
/// <param name="RowCount">The number of data rows read.</param>
public sealed record CustomerImportPlan(IReadOnlyList<ImportedCustomer> Customers, IReadOnlyList<ImportError> Errors, int RowCount)
{
    /// <summary>Whether the file can be imported: no problem, and something to import.</summary>
    public bool CanImport => Errors.Count == 0 && Customers.Count > 0;

    /// <summary>The number of contacts.</summary>
    public int ContactCount => Customers.Sum(c => c.Contacts.Count);

    /// <summary>The number of rows with at least one problem.</summary>
    public int RowsWithErrors => Errors.Where(e => e.Row is not null).Select(e => e.Row).Distinct().Count();

    /// <summary>A plan that imports nothing because the file could not be read.</summary>
    /// <param name="error">Why.</param>
    public static CustomerImportPlan Unreadable(ImportMessage error) => new([], [new ImportError(null, null, error)], 0);
}
