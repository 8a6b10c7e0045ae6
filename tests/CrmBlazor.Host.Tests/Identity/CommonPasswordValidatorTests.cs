using System.Globalization;
using CrmBlazor.Host;
using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Tests.Identity;

/// <summary>The 10,000 most common passwords are refused, whatever their case (OWASP ASVS 5.0 6.2.4).</summary>
public sealed class CommonPasswordValidatorTests
{
    private static readonly CommonPasswordValidator Validator = new(new LocalizedIdentityErrors(new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance))));

    [Theory]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("PassWord")]
    [InlineData("12345678")]
    [InlineData("qwertyui")]
    [InlineData("iloveyou")]
    [InlineData("Trustno1")]
    public async Task Validate_CommonPasswordInAnyCase_IsRefusedWithAClearMessage(string password)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        var result = await Validator.ValidateAsync(null!, new CrmUser(), password);

        var error = Assert.Single(result.Errors);
        Assert.Equal("PasswordTooCommon", error.Code);
        Assert.Equal("This password is too common: choose another.", error.Description);
    }

    [Theory]
    [InlineData("correct horse battery staple and a quiet blue kettle")]
    [InlineData("Mango-Tamarind-Chutney-1987")]
    [InlineData("ಕನ್ನಡದ ಗುಪ್ತಪದ")]
    public async Task Validate_UnusualPassword_IsAccepted(string password)
    {
        var result = await Validator.ValidateAsync(null!, new CrmUser(), password);

        Assert.Equal(IdentityResult.Success, result);
    }

    [Fact]
    public void List_HoldsAtLeastTheTenThousandMostCommonPasswords()
    {
        Assert.True(CommonPasswordValidator.Passwords.Count >= 10_000, $"The list holds {CommonPasswordValidator.Passwords.Count} passwords.");
    }

    [Fact]
    public void List_DoesNotHoldTheDevelopmentPasswordShippedInAppsettings()
    {
        Assert.False(CommonPasswordValidator.IsCommon(AdminBootstrap.ShippedPassword));
    }
}
