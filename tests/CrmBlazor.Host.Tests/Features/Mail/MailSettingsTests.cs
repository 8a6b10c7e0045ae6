using CrmBlazor.Host.Features.Mail;
using Microsoft.Extensions.Configuration;

namespace CrmBlazor.Host.Tests.Features.Mail;

/// <summary>How <c>Mail:*</c> is read at start, and the messages that stop a start on a wrong value.</summary>
public sealed class MailSettingsTests
{
    [Fact]
    public void FromConfiguration_WithoutAHost_CannotSend()
    {
        var settings = Read(new() { ["Mail:Smtp:Host"] = "", ["Mail:From"] = "" });

        Assert.False(settings.CanSend);
        Assert.Equal("localhost", settings.MessageIdDomain);
    }

    [Fact]
    public void FromConfiguration_ACompleteServer_IsReadWithItsSender()
    {
        var settings = Read(new()
        {
            ["Mail:Smtp:Host"] = "smtp.firm.example",
            ["Mail:Smtp:Port"] = "465",
            ["Mail:Smtp:Security"] = "sslonconnect",
            ["Mail:Smtp:User"] = "crm",
            ["Mail:Smtp:Password"] = "secret",
            ["Mail:From"] = "crm@firm.example",
            ["Mail:FromName"] = "Patel & Sons",
        });

        Assert.Equal(new MailSettings("smtp.firm.example", 465, SmtpSecurity.SslOnConnect, "crm", "secret", "crm@firm.example", "Patel & Sons"), settings);
        Assert.Equal("firm.example", settings.MessageIdDomain);
        Assert.DoesNotContain("secret", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_WithoutAPort_TakesTheSecuritysPort()
    {
        Assert.Equal(587, Read(new() { ["Mail:Smtp:Host"] = "smtp", ["Mail:From"] = "a@b.example" }).Port);
        Assert.Equal(465, Read(new() { ["Mail:Smtp:Host"] = "smtp", ["Mail:Smtp:Security"] = "SslOnConnect", ["Mail:From"] = "a@b.example" }).Port);
    }

    [Fact]
    public void FromConfiguration_WithoutAClaim_ClaimsTenMinutesWithAMinuteForEachSmtpStep()
    {
        var settings = Read(new() { ["Mail:Smtp:Host"] = "smtp", ["Mail:From"] = "a@b.example" });

        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(60)), (settings.SendingClaim, settings.SmtpTimeout));
    }

    [Theory]
    [InlineData("30", 30, 3)]
    [InlineData("120", 120, 12)]
    [InlineData("3600", 3600, 60)]
    public void FromConfiguration_AClaim_GivesEachSmtpStepATenthOfItAtMostAMinute(string value, int claimSeconds, int stepSeconds)
    {
        var settings = Read(new() { ["Mail:Smtp:Host"] = "smtp", ["Mail:From"] = "a@b.example", ["Mail:SendingClaimSeconds"] = value });

        Assert.Equal((TimeSpan.FromSeconds(claimSeconds), TimeSpan.FromSeconds(stepSeconds)), (settings.SendingClaim, settings.SmtpTimeout));
    }

    [Theory]
    [InlineData("Mail:Smtp:Security", "Tls", "use 'None', 'StartTls' or 'SslOnConnect'")]
    [InlineData("Mail:Smtp:Security", "1", "use 'None', 'StartTls' or 'SslOnConnect'")]
    [InlineData("Mail:Smtp:Port", "70000", "Mail:Smtp:Port is '70000'")]
    [InlineData("Mail:Smtp:Port", "smtp", "Mail:Smtp:Port is 'smtp'")]
    [InlineData("Mail:From", "CRM <crm@firm.example>", "Mail:From is 'CRM <crm@firm.example>'")]
    [InlineData("Mail:From", "", "Mail:From is empty")]
    [InlineData("Mail:Smtp:User", "crm", "Mail:Smtp:Password is empty")]
    [InlineData("Mail:SendingClaimSeconds", "29", "Mail:SendingClaimSeconds is '29'; use a number of seconds from 30 to 86400")]
    [InlineData("Mail:SendingClaimSeconds", "86401", "Mail:SendingClaimSeconds is '86401'")]
    [InlineData("Mail:SendingClaimSeconds", "10m", "Mail:SendingClaimSeconds is '10m'")]
    public void FromConfiguration_AWrongValue_StopsTheStartNamingTheSetting(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?> { ["Mail:Smtp:Host"] = "smtp.firm.example", ["Mail:From"] = "crm@firm.example", [key] = value };

        var refusal = Assert.Throws<InvalidOperationException>(() => Read(values));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    private static MailSettings Read(Dictionary<string, string?> values) =>
        MailSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
