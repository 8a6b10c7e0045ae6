using System.Globalization;
using System.Reflection;
using CrmBlazor.Host;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Tests.Features.Administration;

/// <summary>The security log page names every kind of event the core writes in the reader's language.</summary>
public sealed class SecurityEventLabelsTests
{
    private static readonly IStringLocalizer L = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    // The classes whose constants name the kinds of events they write.
    private static readonly Type[] Writers =
    [
        typeof(SecurityLog), typeof(PasswordChange), typeof(TwoFactorSettings), typeof(TwoFactorRequirements),
        typeof(UserInvitations), typeof(InvitationAcceptance), typeof(UserAdministration),
    ];

    public static TheoryData<string> Kinds()
    {
        var kinds = new TheoryData<string>();
        foreach (var field in Writers.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                     .Where(f => f.IsLiteral && f.FieldType == typeof(string) && !f.Name.EndsWith("Setting", StringComparison.Ordinal)
                                 && f.Name is not nameof(UserAdministration.ErasedDomain) and not nameof(TwoFactorSettings.Issuer)))
        {
            kinds.Add((string)field.GetRawConstantValue()!);
        }

        return kinds;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Of_AKindTheCoreWrites_IsATranslatedLabel(string kind)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ur-PK");

        var label = SecurityEventLabels.Of(L, kind);

        Assert.NotEqual(kind, label);
        Assert.Contains(label, c => c is >= '\u0600' and <= '\u06FF');
    }

    [Fact]
    public void Of_AKindWithoutALabel_IsShownAsStored()
    {
        Assert.Equal("invoicing-export", SecurityEventLabels.Of(L, "invoicing-export"));
    }
}
