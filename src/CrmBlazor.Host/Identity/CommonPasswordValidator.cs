using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Refuses the passwords people choose most often, which attackers try first (OWASP ASVS 5.0 6.2.4:
/// the top 3,000 at least). The list is the 10,000 most common passwords of breached accounts,
/// <c>common-passwords.txt</c> beside this file (SecLists' <c>10k-most-common.txt</c>, MIT licence,
/// see THIRD-PARTY-NOTICES.md), compared without regard to case. It is read once per process into a
/// set of about 10,000 strings (well under a megabyte).
/// </summary>
internal sealed class CommonPasswordValidator(LocalizedIdentityErrors errors) : IPasswordValidator<CrmUser>
{
    private static readonly Lazy<IReadOnlySet<string>> List = new(Load);

    /// <summary>The common passwords, compared without regard to case.</summary>
    public static IReadOnlySet<string> Passwords => List.Value;

    /// <summary>Whether a password is one of the common ones.</summary>
    /// <param name="password">The password.</param>
    public static bool IsCommon(string? password) => password is not null && Passwords.Contains(password);

    public Task<IdentityResult> ValidateAsync(UserManager<CrmUser> manager, CrmUser user, string? password) =>
        Task.FromResult(IsCommon(password)
            ? IdentityResult.Failed(errors.PasswordTooCommon())
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CrmBlazor.Host.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded in the host's assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        passwords.TrimExcess();
        return passwords;
    }
}
