using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Import;
using CrmBlazor.Host.Tests.Builders;

namespace CrmBlazor.Host.Tests.Features.Import;

public sealed class CustomerImportValidatorTests
{
    [Fact]
    public void Validate_CompleteRow_PlansACustomerWithEveryField()
    {
        var plan = new ImportRowsBuilder().Row(
            ("Name", "சென்னை மென்பொருள்"), ("Type", "company"), ("Industry", "Software"), ("E-mail", "office@chennai.example"),
            ("Phone", "+91 44 2345 6789"), ("Web site", "https://chennai.example"), ("Currency", "inr"), ("Tags", "retainer; priority"),
            ("Street", "12 Anna Salai"), ("Postal code", "600002"), ("City", "Chennai"), ("Region", "Tamil Nadu"), ("Country", "in"),
            ("Account manager", "Meera.Iyer@demo.local"), ("Notes", "Pays on time")).Validate();

        Assert.Empty(plan.Errors);
        var input = Assert.Single(plan.Customers).Input;
        Assert.Equal(("சென்னை மென்பொருள்", CustomerKind.Company, "Software", "office@chennai.example", "+91 44 2345 6789", "https://chennai.example", "INR", "user-meera", "Pays on time"),
            (input.Name, input.Kind, input.Industry, input.Email, input.Phone, input.Website, input.Currency, input.OwnerUserId, input.Notes));
        Assert.Equal(["retainer", "priority"], input.Tags);
        var address = Assert.Single(input.Addresses);
        Assert.Equal(("12 Anna Salai", "600002", "Chennai", "Tamil Nadu", "IN"), (address.Street, address.PostalCode, address.City, address.Region, address.Country));
    }

    [Fact]
    public void Validate_RowsWithTheSameName_AreOneCustomerWithSeveralContacts()
    {
        var plan = new ImportRowsBuilder()
            .Row(("Name", "Kaveri Traders"), ("Contact name", "Arjun"), ("Main contact", "yes"))
            .Row(("Name", "KAVERI traders"), ("Contact name", "Divya"))
            .Validate();

        var customer = Assert.Single(plan.Customers);
        Assert.Equal([("Arjun", true), ("Divya", false)], customer.Contacts.Select(c => (c.Input.Name, c.Input.IsPrimary)));
    }

    [Fact]
    public void Validate_SameNameButDifferentCustomerKeys_AreTwoCustomers()
    {
        var plan = new ImportRowsBuilder()
            .Row(("Customer key", "1"), ("Name", "Kaveri Traders"), ("City", "Mysuru"))
            .Row(("Customer key", "2"), ("Name", "Kaveri Traders"), ("City", "Chennai"))
            .Validate();

        Assert.Empty(plan.Errors);
        Assert.Equal(2, plan.Customers.Count);
    }

    [Fact]
    public void Validate_RowWithoutContactValues_GivesACustomerWithoutContacts()
    {
        var plan = new ImportRowsBuilder().Row(("Name", "Nino Tsereteli"), ("Type", "Person")).Validate();

        Assert.Empty(Assert.Single(plan.Customers).Contacts);
    }

    [Fact]
    public void Validate_EmptyCurrency_TakesTheFormsDefault()
    {
        var plan = new ImportRowsBuilder().Row(("Name", "Kavya")).Validate();

        Assert.Equal(new CustomerInput().Currency, plan.Customers[0].Input.Currency);
    }

    [Fact]
    public void Validate_CountryByEnglishName_BecomesItsCode()
    {
        var plan = new ImportRowsBuilder().Row(("Name", "Tbilisi Trade"), ("Country", "Georgia")).Validate();

        Assert.Equal("GE", plan.Customers[0].Input.Addresses[0].Country);
    }

    [Theory]
    [InlineData("E-mail", "not-an-address", "Enter a valid e-mail address.")]
    [InlineData("Phone", "call me", "Enter a phone number with digits, spaces and + ( ) - . / only.")]
    [InlineData("Web site", "chennai.example", "Enter a web address starting with http:// or https://.")]
    [InlineData("Currency", "Rupees", "Enter a three-letter ISO currency code, e.g. EUR or INR.")]
    [InlineData("Currency", "XYZ", "XYZ is not a currency code. Use an ISO 4217 code such as EUR, INR or GEL.")]
    [InlineData("Country", "India!", "Enter a two-letter ISO country code, e.g. IN or GE.")]
    [InlineData("Country", "QQ", "QQ is not a country code. Use a two-letter ISO code such as IN or GE, or the country's English name.")]
    [InlineData("Type", "Partner", "Write Company or Person as the type, not \"Partner\".")]
    [InlineData("Account manager", "nobody@demo.local", "No user has the e-mail address nobody@demo.local. Write the e-mail address of a user of the CRM, or leave the account manager empty.")]
    [InlineData("Contact e-mail", "arjun(at)example", "Enter a valid e-mail address.")]
    [InlineData("Main contact", "maybe", "Write yes or no for the main contact, not \"maybe\".")]
    public void Validate_BadValue_IsReportedWithRowColumnAndPlainWords(string column, string value, string message)
    {
        var plan = new ImportRowsBuilder()
            .Row(("Name", "Fine Customer"))
            .Row(("Name", "Kaveri Traders"), ("Contact name", "Arjun"), (column, value))
            .Validate();

        var error = Assert.Single(plan.Errors);
        Assert.Equal((3, column, message), (error.Row, error.Column, error.Message.ToString()));
        Assert.False(plan.CanImport);
    }

    [Fact]
    public void Validate_RowWithoutName_IsReported()
    {
        var plan = new ImportRowsBuilder().Row(("City", "Chennai")).Validate();

        Assert.Equal((2, "Name", "Enter the customer's name."), plan.Errors.Select(e => (e.Row, e.Column, e.Message.ToString())).Single());
    }

    [Fact]
    public void Validate_ContactValuesWithoutContactName_AreReported()
    {
        var plan = new ImportRowsBuilder().Row(("Name", "Kaveri Traders"), ("Contact e-mail", "arjun@kaveri.example")).Validate();

        Assert.Equal((2, "Contact name", "Enter the contact's name."), plan.Errors.Select(e => (e.Row, e.Column, e.Message.ToString())).Single());
    }

    [Fact]
    public void Validate_TagLongerThanSixtyCharacters_IsReported()
    {
        var plan = new ImportRowsBuilder().Row(("Name", "Kavya"), ("Tags", "ok; " + new string('x', 61))).Validate();

        Assert.Equal("Tags", Assert.Single(plan.Errors).Column);
    }

    [Fact]
    public void Validate_DuplicateContactEmailWithinACustomer_IsReportedOnTheLaterRow()
    {
        var plan = new ImportRowsBuilder()
            .Row(("Name", "Kaveri Traders"), ("Contact name", "Arjun"), ("Contact e-mail", "office@kaveri.example"))
            .Row(("Name", "Kaveri Traders"), ("Contact name", "Divya"), ("Contact e-mail", "Office@Kaveri.example"))
            .Validate();

        var error = Assert.Single(plan.Errors);
        Assert.Equal((3, "Contact e-mail", "The contact of row 2 of the same customer has this e-mail address already."), (error.Row, error.Column, error.Message.ToString()));
    }

    [Fact]
    public void Validate_SameContactEmailAtTwoCustomers_IsFine()
    {
        var plan = new ImportRowsBuilder()
            .Row(("Name", "Kaveri Traders"), ("Contact name", "Arjun"), ("Contact e-mail", "arjun@example.test"))
            .Row(("Name", "Godavari Foods"), ("Contact name", "Arjun"), ("Contact e-mail", "arjun@example.test"))
            .Validate();

        Assert.Empty(plan.Errors);
    }

    [Fact]
    public void Validate_TwoMainContacts_AreReported()
    {
        var plan = new ImportRowsBuilder()
            .Row(("Name", "Kaveri Traders"), ("Contact name", "Arjun"), ("Main contact", "yes"))
            .Row(("Name", "Kaveri Traders"), ("Contact name", "Divya"), ("Main contact", "yes"))
            .Validate();

        Assert.Equal((3, "Main contact"), plan.Errors.Select(e => (e.Row, e.Column)).Single());
    }

    [Fact]
    public void Validate_CustomerRowsThatContradictEachOther_AreReported()
    {
        var plan = new ImportRowsBuilder()
            .Row(("Name", "Kaveri Traders"), ("City", "Mysuru"), ("Contact name", "Arjun"))
            .Row(("Name", "Kaveri Traders"), ("City", "Chennai"), ("Contact name", "Divya"))
            .Validate();

        var error = Assert.Single(plan.Errors);
        Assert.Equal((3, "City"), (error.Row, error.Column));
        Assert.StartsWith("This row belongs to the customer of row 2", error.Message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManyBadRows_ReportsEveryRow()
    {
        var rows = new ImportRowsBuilder();
        for (var i = 0; i < 50; i++)
        {
            rows.Row(("Name", "Customer " + i), ("E-mail", i % 2 == 0 ? "wrong" : $"c{i}@example.test"));
        }

        var plan = rows.Validate();

        Assert.Equal(Enumerable.Range(0, 25).Select(i => 2 + (2 * i)), plan.Errors.Select(e => e.Row!.Value));
    }

    [Fact]
    public void Validate_MoreValuesThanHeaders_IsReported()
    {
        var document = CustomerCsvReader.Read("Name,City\nKavya,Chennai,extra\n"u8).Document!;

        var plan = new CustomerImportValidator(new Dictionary<string, string>()).Validate(document, CustomerColumnMapping.Guess(document.Headers));

        Assert.Equal((2, null), plan.Errors.Select(e => (e.Row, e.Column)).Single());
    }

    [Fact]
    public void Validate_NoNameColumn_RefusesTheFile()
    {
        var document = CustomerCsvReader.Read("Company title,City\nKavya,Chennai\n"u8).Document!;

        var plan = new CustomerImportValidator(new Dictionary<string, string>()).Validate(document, CustomerColumnMapping.Guess(document.Headers));

        var error = Assert.Single(plan.Errors);
        Assert.Null(error.Row);
        Assert.False(plan.CanImport);
    }

    [Fact]
    public void Validate_ColumnMappedByTheUser_IsUsed()
    {
        var document = CustomerCsvReader.Read("Company title,City\nKavya,Chennai\n"u8).Document!;
        var mapping = CustomerColumnMapping.Guess(document.Headers);
        mapping.Set(0, CustomerField.Name);

        var plan = new CustomerImportValidator(new Dictionary<string, string>()).Validate(document, mapping);

        Assert.Equal("Kavya", Assert.Single(plan.Customers).Input.Name);
    }

    [Fact]
    public void Validate_IgnoredColumn_IsNotImported()
    {
        var document = CustomerCsvReader.Read("Name,E-mail\nKavya,not-an-address\n"u8).Document!;
        var mapping = CustomerColumnMapping.Guess(document.Headers);
        mapping.Set(1, null);

        var plan = new CustomerImportValidator(new Dictionary<string, string>()).Validate(document, mapping);

        Assert.True(plan.CanImport);
        Assert.Null(plan.Customers[0].Input.Email);
    }
}
