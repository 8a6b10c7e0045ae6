using Acme.Tickets.Features;

namespace Acme.Tickets.Tests;

/// <summary>Unit tests: the rules of the form and of the settings, without a host.</summary>
public sealed class SettingsAndInputTests
{
    [Fact]
    public void EntryInput_WithATitle_IsValid() =>
        Assert.Empty(InputValidation.Validate(new EntryInput { Title = "Printer on the second floor", CustomerId = 42 }));

    [Fact]
    public void EntryInput_WithoutATitle_NamesTheTitle()
    {
        var errors = InputValidation.Validate(new EntryInput { Title = " " });

        Assert.Equal("Enter a title.", Assert.Single(errors[nameof(EntryInput.Title)]).Text);
    }

    [Fact]
    public void EntryInput_WithADirectionOverride_IsRefused() =>
        Assert.Contains(nameof(EntryInput.Title), InputValidation.Validate(new EntryInput { Title = "abc\u202Edef" }).Keys);

    [Fact]
    public void Settings_ByDefault_AreValid() => Assert.Empty(InputValidation.Validate(new TicketsSettings()));

    [Fact]
    public void Settings_WithoutASchedule_AreInvalid() =>
        Assert.Contains(nameof(TicketsSettings.SummarySchedule), InputValidation.Validate(new TicketsSettings { SummarySchedule = "" }).Keys);
}
