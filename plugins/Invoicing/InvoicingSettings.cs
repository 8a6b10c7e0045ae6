using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Invoicing.Features.Numbering;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;

namespace CrmBlazor.Plugins.Invoicing;

/// <summary>Settings from <c>Plugins:invoicing</c>; every one has a default.</summary>
public sealed class InvoicingSettings : IValidatableObject
{
    /// <summary>The invoice number format (<c>Plugins:invoicing:InvoiceNumberFormat</c>).</summary>
    public string InvoiceNumberFormat { get; set; } = "INV-{yyyy}-{seq:00000}";

    /// <summary>The credit note number format, a series of its own.</summary>
    public string CreditNoteNumberFormat { get; set; } = "CN-{yyyy}-{seq:00000}";

    /// <summary>Days from the issue date to the due date.</summary>
    [Range(0, 365, ErrorMessage = "PaymentTermDays must be from 0 to 365.")]
    public int PaymentTermDays { get; set; } = 30;

    /// <summary>The tax profile of new drafts (a key: <c>in-gst-intra</c>, <c>in-gst-inter</c>, <c>ge-vat</c>, <c>exempt</c> or a configured one).</summary>
    public string DefaultTaxProfile { get; set; } = "exempt";

    /// <summary>Whether new drafts take prices that include tax.</summary>
    public bool PricesIncludeTax { get; set; }

    /// <summary>How new drafts group their time.</summary>
    public Data.TimeGrouping DefaultGrouping { get; set; } = Data.TimeGrouping.Task;

    /// <summary>More tax profiles, or built-in ones replaced by key.</summary>
    public List<TaxProfileSetting> TaxProfiles { get; set; } = [];

    /// <summary>The day of the month (1 to 28) the monthly run drafts the previous month's invoices, at 03:00 UTC.</summary>
    [Range(1, 28, ErrorMessage = "MonthlyRunDay must be from 1 to 28.")]
    public int MonthlyRunDay { get; set; } = 1;

    /// <summary>Days after the due date at which reminders are recorded, comma-separated (<c>1,14,30</c>).</summary>
    public string ReminderDays { get; set; } = "1,14,30";

    /// <summary>The firm's name on invoices.</summary>
    public string FirmName { get; set; } = "CrmBlazor";

    /// <summary>The firm's address on invoices; lines separated by <c>\n</c> or <c>|</c>.</summary>
    public string? FirmAddress { get; set; }

    /// <summary>The firm's tax registration (GSTIN, VAT number), printed under its address.</summary>
    public string? FirmTaxId { get; set; }

    /// <summary>A PNG or JPEG logo for invoices (path absolute or relative to the host's folder), or none.</summary>
    public string? LogoPath { get; set; }

    /// <summary>
    /// Makes demo drafts on a database without invoices: the monthly run for the previous month, queued at
    /// start-up (the development profile sets it).
    /// </summary>
    public bool DemoData { get; set; }

    /// <summary>The paper size of invoices: <c>A4</c> or <c>Letter</c>.</summary>
    [RegularExpression("^(A4|Letter)$", ErrorMessage = "PageSize must be A4 or Letter.")]
    public string PageSize { get; set; } = "A4";

    /// <summary>The culture of dates and numbers on invoices and in the CSV export's dates (e.g. <c>en-IN</c> for 1,00,000.00).</summary>
    public string DocumentCulture { get; set; } = "en-US";

    /// <summary>The reminder levels' days after the due date, ascending.</summary>
    public IReadOnlyList<int> ReminderSchedule => ParseDays(ReminderDays) ?? [];

    /// <summary>The recurring schedule of the monthly run.</summary>
    public string MonthlyRunCron => $"0 3 {MonthlyRunDay} * *";

    /// <summary>The tax profiles: the built-in ones, then the configured ones (which replace built-ins of the same key).</summary>
    public TaxCatalog CreateTaxCatalog() =>
        new([.. TaxProfile.BuiltIn, .. TaxProfiles.Select(p => new TaxProfile(p.Key, p.Name, [.. p.Components.Select(c => new TaxComponent(c.Name, c.Percent / 100m))]))]);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Features.Numbering.InvoiceNumberFormat.TryParse(InvoiceNumberFormat, out var invoiceError) is null)
        {
            yield return new ValidationResult("InvoiceNumberFormat: " + invoiceError, [nameof(InvoiceNumberFormat)]);
        }

        if (Features.Numbering.InvoiceNumberFormat.TryParse(CreditNoteNumberFormat, out var creditError) is null)
        {
            yield return new ValidationResult("CreditNoteNumberFormat: " + creditError, [nameof(CreditNoteNumberFormat)]);
        }

        if (string.Equals(InvoiceNumberFormat, CreditNoteNumberFormat, StringComparison.Ordinal))
        {
            yield return new ValidationResult("InvoiceNumberFormat and CreditNoteNumberFormat must differ: each is a series of its own.", [nameof(CreditNoteNumberFormat)]);
        }

        foreach (var profile in TaxProfiles)
        {
            if (string.IsNullOrWhiteSpace(profile.Key) || string.IsNullOrWhiteSpace(profile.Name) || profile.Components.Count == 0
                || profile.Components.Any(c => string.IsNullOrWhiteSpace(c.Name) || c.Percent is < 0 or > 100))
            {
                yield return new ValidationResult(
                    $"TaxProfiles: '{profile.Key}' needs a key, a name and at least one component with a name and a percentage from 0 to 100.",
                    [nameof(TaxProfiles)]);
            }
        }

        if (!CreateTaxCatalog().Contains(DefaultTaxProfile))
        {
            yield return new ValidationResult($"DefaultTaxProfile: there is no tax profile '{DefaultTaxProfile}'.", [nameof(DefaultTaxProfile)]);
        }

        if (!IsCulture(DocumentCulture))
        {
            yield return new ValidationResult($"DocumentCulture: '{DocumentCulture}' is not a culture name such as en-US or en-IN.", [nameof(DocumentCulture)]);
        }

        if (ParseDays(ReminderDays) is null)
        {
            yield return new ValidationResult("ReminderDays must be whole numbers of days from 1 to 365 separated by commas, e.g. \"1,14,30\".", [nameof(ReminderDays)]);
        }
    }

    private static bool IsCulture(string? name)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(name) && System.Globalization.CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return false;
        }
    }

    private static int[]? ParseDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value is < 1 or > 365)
            {
                return null;
            }

            values.Add(value);
        }

        return [.. values.Distinct().Order()];
    }
}

/// <summary>A configured tax profile (<c>Plugins:invoicing:TaxProfiles:0:Key</c>…).</summary>
public sealed class TaxProfileSetting
{
    public string Key { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<TaxComponentSetting> Components { get; set; } = [];
}

/// <summary>A component of a configured tax profile.</summary>
public sealed class TaxComponentSetting
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The rate in percent (9 for 9%).</summary>
    public decimal Percent { get; set; }
}
