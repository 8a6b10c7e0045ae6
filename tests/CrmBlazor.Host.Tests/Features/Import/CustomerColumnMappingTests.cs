using CrmBlazor.Host.Features.Import;
using CrmBlazor.Host.Tests.Builders;

namespace CrmBlazor.Host.Tests.Features.Import;

public sealed class CustomerColumnMappingTests
{
    [Fact]
    public void Guess_TheFormatsOwnHeaders_MapsEveryColumn()
    {
        var mapping = CustomerColumnMapping.Guess([.. CustomerFileFormat.Columns.Select(c => c.Header)]);

        Assert.Equal(CustomerFileFormat.Columns.Select(c => (CustomerField?)c.Field), mapping.Fields);
    }

    [Theory]
    [InlineData("e-mail", CustomerField.Email)]
    [InlineData("EMAIL", CustomerField.Email)]
    [InlineData("  E Mail ", CustomerField.Email)]
    [InlineData("postal_code", CustomerField.PostalCode)]
    [InlineData("PostalCode", CustomerField.PostalCode)]
    [InlineData("ZIP", CustomerField.PostalCode)]
    [InlineData("Website", CustomerField.Website)]
    [InlineData("contact E-Mail", CustomerField.ContactEmail)]
    [InlineData("main-contact", CustomerField.MainContact)]
    public void Guess_HeaderWrittenDifferently_IsStillRecognised(string header, CustomerField field)
    {
        var mapping = CustomerColumnMapping.Guess(["Name", header]);

        Assert.Equal(field, mapping.Fields[1]);
    }

    [Fact]
    public void Guess_TranslatedHeader_IsRecognised()
    {
        var mapping = CustomerColumnMapping.Guess(["பெயர்", "நகரம்"], field => field switch
        {
            CustomerField.Name => ["பெயர்"],
            CustomerField.City => ["நகரம்"],
            _ => [],
        });

        Assert.Equal([CustomerField.Name, CustomerField.City], mapping.Fields);
    }

    [Fact]
    public void Guess_UnknownHeader_IsIgnored()
    {
        var mapping = CustomerColumnMapping.Guess(["Name", "Shoe size"]);

        Assert.Null(mapping.Fields[1]);
    }

    [Fact]
    public void Guess_SameFieldTwice_MapsOnlyTheFirstColumn()
    {
        var mapping = CustomerColumnMapping.Guess(["Name", "E-mail", "Email"]);

        Assert.Equal([CustomerField.Name, CustomerField.Email, null], mapping.Fields);
    }

    [Fact]
    public void Set_FieldOfAnotherColumn_MovesItHere()
    {
        var mapping = CustomerColumnMapping.Guess(["Name", "Company"]);

        mapping.Set(1, CustomerField.Name);

        Assert.Equal([null, CustomerField.Name], mapping.Fields);
    }

    [Fact]
    public void ValueOf_MappedField_IsTheTrimmedCell()
    {
        var document = CustomerCsvReader.Read(new ImportFileBuilder().WithHeaders("Name", "City").WithRow("  Kavya Rao ", "Chennai").Bytes()).Document!;
        var mapping = CustomerColumnMapping.Guess(document.Headers);

        Assert.Equal("Kavya Rao", mapping.ValueOf(document.Rows[0], CustomerField.Name));
        Assert.Equal(string.Empty, mapping.ValueOf(document.Rows[0], CustomerField.Email));
    }
}
