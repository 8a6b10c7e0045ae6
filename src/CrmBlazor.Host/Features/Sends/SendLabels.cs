using System.Globalization;
using CrmBlazor.Host.Features.Customers;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>What the send pages call reasons and languages, in the user's language.</summary>
internal static class SendLabels
{
    public static string Reason(IStringLocalizer L, LeftOutReason reason) => reason switch
    {
        LeftOutReason.NoEmail => L["No e-mail address"],
        LeftOutReason.OptedOut => L["Opted out"],
        LeftOutReason.NoConsent => L["No consent recorded"],
        _ => L["No contact"],
    };

    /// <summary>Why one person cannot be sent a campaign message, for the send dialog.</summary>
    public static Problem Refusal(LeftOutReason reason) => reason switch
    {
        LeftOutReason.NoEmail => new Problem("This person has no e-mail address."),
        LeftOutReason.OptedOut => new Problem("This person opted out of campaign e-mails."),
        LeftOutReason.NoConsent => new Problem("No consent to campaign e-mails is recorded for this person. Record it in their details first."),
        _ => new Problem("This customer has no contact to send to."),
    };

    /// <summary>A language's own name, such as ગુજરાતી.</summary>
    public static string Language(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code).NativeName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
