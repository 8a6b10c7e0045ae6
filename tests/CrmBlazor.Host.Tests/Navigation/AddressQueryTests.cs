using System.Globalization;
using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBlazor.Host.Tests.Navigation;

/// <summary>The SDK's reading of address values: usable values as given, the rest left out or moved into range, and noted.</summary>
public sealed class AddressQueryTests
{
    [Theory]
    [InlineData("42", 42L)]
    [InlineData(" 7 ", 7L)]
    [InlineData(null, null)]
    [InlineData("", null)]
    public void Id_UsableOrAbsent_IsReadWithoutANote(string? value, long? expected)
    {
        var address = new AddressQuery();

        Assert.Equal(expected, address.Id("tag", value));
        Assert.Empty(address.Notes);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    public void Id_NotARecordNumber_IsLeftOutAndNoted(string value)
    {
        var address = new AddressQuery();

        Assert.Null(address.Id("tag", value));
        var note = Assert.Single(address.Notes);
        Assert.Equal(("tag", value, (IFormattable?)null), (note.Name, note.Value, note.Instead));
    }

    [Theory]
    [InlineData("0001-01-01", "1900-01-01")]
    [InlineData("9999-12-31", "2999-12-31")]
    public void Day_OutsideTheCalendar_IsMovedIntoItAndNoted(string value, string expected)
    {
        var address = new AddressQuery();

        var day = address.Day("week", value);

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), day);
        Assert.Equal(day, Assert.Single(address.Notes).Instead);
    }

    [Fact]
    public void Day_OutsideTheCallersRange_IsMovedIntoIt()
    {
        var address = new AddressQuery();

        Assert.Equal(new DateOnly(2026, 12, 6), address.Day("to", "2027-01-01", latest: new DateOnly(2026, 12, 6)));
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("06/12/2026")]
    [InlineData("tomorrow")]
    public void Day_NotADay_IsLeftOutAndNoted(string value)
    {
        var address = new AddressQuery();

        Assert.Null(address.Day("date", value));
        Assert.Null(Assert.Single(address.Notes).Instead);
    }

    [Fact]
    public void Month_OutsideTheCallersMonths_IsMovedToTheNearestMonth()
    {
        var address = new AddressQuery();

        var month = address.Month("month", "9999-12", new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 1));

        Assert.Equal(new DateOnly(2100, 12, 1), month);
        Assert.Equal("December 2100", Assert.Single(address.Notes).Instead?.ToString(null, CultureInfo.GetCultureInfo("en-GB")));
    }

    [Theory]
    [InlineData("draft", "Draft")]
    [InlineData("Issued", "Issued")]
    public void Choice_AName_IsReadInAnyCase(string value, string expected)
    {
        var address = new AddressQuery();

        Assert.Equal(expected, address.Choice<Sample>("state", value).ToString());
        Assert.Empty(address.Notes);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("Draft,Issued")]
    [InlineData("Paid")]
    public void Choice_NotAName_IsLeftOutAndNoted(string value)
    {
        var address = new AddressQuery();

        Assert.Null(address.Choice<Sample>("state", value));
        Assert.Single(address.Notes);
    }

    [Theory]
    [InlineData("/customers?tag=1", "/customers?tag=1")]
    [InlineData("https://elsewhere.example/", null)]
    [InlineData("//elsewhere.example/", null)]
    [InlineData("/\\elsewhere.example/", null)]
    [InlineData("javascript:alert(1)", null)]
    public void LocalPath_OnlyAPathOfThisSite_IsKept(string value, string? expected)
    {
        var address = new AddressQuery();

        Assert.Equal(expected, address.LocalPath("returnUrl", value));
        Assert.Equal(expected is null ? 1 : 0, address.Notes.Count);
    }

    [Fact]
    public void ShownValue_WithDirectionAndControlCharacters_ReplacesThemAndShortensLongValues()
    {
        var note = new AddressValueNote("q", "Bidi \u202Egnp.exe\0" + new string('x', 60), "a text", null);

        Assert.Equal("Bidi \uFFFDgnp.exe\uFFFD" + new string('x', 26) + "…", note.ShownValue);
    }

    [Fact]
    public void Refusal_WithoutNotes_IsNull()
    {
        var address = new AddressQuery();
        address.Id("tag", "12");

        Assert.Null(address.Refusal());
    }

    [Fact]
    public void Refusal_WithNotes_IsABadRequestNamingEachValue()
    {
        var address = new AddressQuery();
        address.Id("tag", "abc");
        address.Refuse("to", null, "the period's last day, written yyyy-MM-dd");

        var refusal = Assert.IsType<ValidationProblem>(address.Refusal());

        Assert.Equal(StatusCodes.Status400BadRequest, refusal.StatusCode);
        Assert.Equal(["'abc' is not a record number (a whole number from 1)."], refusal.ProblemDetails.Errors["tag"]);
        Assert.Equal(["missing: give the period's last day, written yyyy-MM-dd."], refusal.ProblemDetails.Errors["to"]);
    }

    private enum Sample
    {
        Draft,
        Issued,
    }
}
