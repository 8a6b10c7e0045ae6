using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Features.Import;

/// <summary>The fields of the customer file format as the import pages name them, in the user's language.</summary>
public static class ImportFieldNames
{
    /// <summary>A field's name.</summary>
    /// <param name="field">The field.</param>
    /// <param name="L">The localizer.</param>
#pragma warning disable CA1707, IDE1006 // "L" like everywhere else in the components, so tools/sync-resources.py finds the keys.
    public static string Of(CustomerField field, IStringLocalizer L) => field switch
#pragma warning restore CA1707, IDE1006
    {
        CustomerField.CustomerKey => L["Customer key"],
        CustomerField.Name => L["Name"],
        CustomerField.Type => L["Type"],
        CustomerField.Industry => L["Industry"],
        CustomerField.Email => L["E-mail"],
        CustomerField.Phone => L["Phone"],
        CustomerField.Website => L["Web site"],
        CustomerField.Currency => L["Currency"],
        CustomerField.Tags => L["Tags"],
        CustomerField.Street => L["Street"],
        CustomerField.PostalCode => L["Postal code"],
        CustomerField.City => L["City"],
        CustomerField.Region => L["Region"],
        CustomerField.Country => L["Country"],
        CustomerField.AccountManager => L["Account manager"],
        CustomerField.Notes => L["Notes"],
        CustomerField.ContactName => L["Contact name"],
        CustomerField.ContactRole => L["Contact role"],
        CustomerField.ContactEmail => L["Contact e-mail"],
        CustomerField.ContactPhone => L["Contact phone"],
        CustomerField.MainContact => L["Main contact"],
        _ => field.ToString(),
    };
}
