using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Invoicing.Tests;

public sealed class InvoicingSettingsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.Empty(Validate(new InvoicingSettings()));
    }

    [Fact]
    public void NumberFormatWithoutSequence_IsRefusedWithTheReason()
    {
        var errors = Validate(new InvoicingSettings { InvoiceNumberFormat = "INV-{yyyy}" });

        Assert.Contains(errors, e => e.Contains("InvoiceNumberFormat", StringComparison.Ordinal) && e.Contains("{seq}", StringComparison.Ordinal));
    }

    [Fact]
    public void SameFormatForInvoicesAndCreditNotes_IsRefused()
    {
        var errors = Validate(new InvoicingSettings { InvoiceNumberFormat = "D-{yyyy}-{seq}", CreditNoteNumberFormat = "D-{yyyy}-{seq}" });

        Assert.Contains(errors, e => e.Contains("must differ", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownDefaultTaxProfile_IsRefused()
    {
        Assert.NotEmpty(Validate(new InvoicingSettings { DefaultTaxProfile = "nowhere" }));
    }

    [Fact]
    public void ConfiguredTaxProfile_CanBeTheDefault()
    {
        var settings = new InvoicingSettings
        {
            DefaultTaxProfile = "ae-vat",
            TaxProfiles = [new TaxProfileSetting { Key = "ae-vat", Name = "VAT", Components = [new TaxComponentSetting { Name = "VAT", Percent = 5 }] }],
        };

        Assert.Empty(Validate(settings));
        Assert.Equal(0.05m, settings.CreateTaxCatalog().Find("ae-vat")!.TotalRate);
    }

    [Fact]
    public void ReminderDays_AreReadAscendingWithoutRepeats()
    {
        Assert.Equal([3, 10, 30], new InvoicingSettings { ReminderDays = "30, 3,10,3" }.ReminderSchedule);
    }

    private static List<string> Validate(InvoicingSettings settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? string.Empty)];
    }
}
