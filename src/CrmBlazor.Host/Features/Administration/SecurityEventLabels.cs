using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>
/// What the security log page calls each kind of event, in the reader's language. The log stores the
/// kind as a fixed English name (<see cref="SecurityLog"/>'s constants and the features' own), which
/// searches and the log's text output keep; a kind without a label here (a plugin's) is shown as stored.
/// </summary>
internal static class SecurityEventLabels
{
    public static string Of(IStringLocalizer L, string kind) => kind switch
    {
        SecurityLog.SignedIn => L["Signed in"],
        SecurityLog.SignInFailed => L["Sign-in failed"],
        SecurityLog.LockedOut => L["Locked after failed attempts"],
        SecurityLog.SignInLocked => L["Sign-in refused while locked"],
        SecurityLog.SignedOut => L["Signed out"],
        SecurityLog.AccessDenied => L["Access denied"],
        SecurityLog.PermissionGranted => L["Permission granted"],
        SecurityLog.PermissionRevoked => L["Permission taken away"],
        SecurityLog.Unlocked => L["User unlocked"],
        SecurityLog.ReauthenticationFailed => L["Wrong current password"],
        SecurityLog.SignInCodeRequired => L["Password right, code asked for"],
        SecurityLog.RecoveryCodeUsed => L["Recovery code used"],
        SecurityLog.SignedOutEverywhere => L["Signed out everywhere"],
        SecurityLog.PasswordResetRequested => L["Password reset asked for"],
        SecurityLog.PasswordResetIssued => L["Password reset link issued"],
        SecurityLog.PasswordReset => L["Password reset with a link"],
        PasswordChange.Changed => L["Password changed"],
        TwoFactorSettings.Enabled => L["Two-factor sign-in turned on"],
        TwoFactorSettings.Disabled => L["Two-factor sign-in turned off"],
        TwoFactorSettings.RecoveryCodesRegenerated => L["New recovery codes"],
        TwoFactorRequirements.Changed => L["Roles requiring two-factor sign-in changed"],
        UserInvitations.Invited => L["User invited"],
        InvitationAcceptance.Accepted => L["Invitation accepted"],
        UserAdministration.RolesChanged => L["Roles changed"],
        UserAdministration.Deactivated => L["User deactivated"],
        UserAdministration.Reactivated => L["User reactivated"],
        UserAdministration.Erased => L["User's personal data erased"],
        "personal-data-export" => L["Personal data exported"],
        "personal-data-erasure" => L["Personal data erased"],
        "personal-data-erasure-refused" => L["Personal data erasure refused"],
        "plugin-installed" => L["Plugin installed"],
        "plugin-replaced" => L["Plugin replaced"],
        "plugin-removed" => L["Plugin removed"],
        "plugin-data-purged" => L["Plugin data deleted"],
        _ => kind,
    };
}
