using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Localization;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// The signed-in user's own account: their name, language and time zone. Only ever the current user's
/// row; the save carries the version the page showed, as an administrator's changes do, so that a
/// change made meanwhile (by the user on another device or by an administrator) is a conflict.
/// Passwords and sessions: <see cref="PasswordChange"/> and <see cref="AccountEndpoints"/>.
/// </summary>
public sealed class OwnAccount(
    IDbContextFactory<CrmDbContext> contexts,
    CurrentUser currentUser,
    UserTimeZones timeZones)
{
    private static readonly Problem SignedOut = new("Sign in to change your account.");

    private static readonly Problem Conflict =
        new("Your account was changed meanwhile, on another device or by an administrator. Nothing was saved: reload the page and try again.");

    /// <summary>The current user's account, or null when nobody is signed in.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<OwnAccountView?> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var input = new AccountInput
        {
            DisplayName = user.DisplayName ?? string.Empty,
            Culture = CrmCultures.Find(user.Culture)?.Name ?? System.Globalization.CultureInfo.CurrentUICulture.Name,
            TimeZone = UserTimeZones.Find(user.TimeZone) is { } zone ? UserTimeZones.IanaIdOf(zone) ?? user.TimeZone! : UserTimeZones.IanaIdOf(timeZones.Firm) ?? "UTC",
        };
        return new OwnAccountView(user.Email ?? user.UserName ?? string.Empty, input, user.TwoFactorEnabled, user.ConcurrencyStamp ?? string.Empty);
    }

    /// <summary>Saves the current user's name, language and time zone.</summary>
    /// <param name="input">The values.</param>
    /// <param name="version">The version the page showed (<see cref="OwnAccountView.Version"/>).</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The outcome; on success the new version is the account's concurrency stamp (load again).</returns>
    public async Task<ChangeResult> SaveAsync(AccountInput input, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var userId = currentUser.UserId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await db.Change<CrmUser>()
            .Allow(_ => Task.FromResult(userId is not null), SignedOut)
            .Validate(input, errors =>
            {
                if (CrmCultures.Find(input.Culture) is null && !errors.ContainsKey(nameof(AccountInput.Culture)))
                {
                    errors[nameof(AccountInput.Culture)] = [new Problem("Choose a language.")];
                }

                if (UserTimeZones.Find(input.TimeZone) is null && !errors.ContainsKey(nameof(AccountInput.TimeZone)))
                {
                    errors[nameof(AccountInput.TimeZone)] = [new Problem("There is no time zone {0}.", input.TimeZone)];
                }
            })
            .Load(ct => db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct))
            .Check(user => user.ConcurrencyStamp == version ? null : ChangeResult.Conflict(Conflict))
            .Apply(user =>
            {
                // The save's WHERE clause compares the stamp too, so a change between the check and the save is a conflict.
                db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = version;
                user.DisplayName = input.DisplayName.Trim();
                user.Culture = CrmCultures.Find(input.Culture)!.Name;
                user.TimeZone = input.TimeZone;
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
            })
            .ResultId(_ => 0)
            .SaveAsync(Conflict, cancellationToken);
        if (result.Succeeded)
        {
            timeZones.Forget(userId!);
        }

        return result;
    }

    /// <summary>
    /// Remembers the language a signed-in user picked in the language picker, so that their next
    /// sign-in, in any browser, starts in it. Not a versioned change: the last choice wins.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="culture">A <c>CrmCultures</c> name.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    internal async Task RememberCultureAsync(string userId, string culture, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId && u.Culture != culture)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, culture), cancellationToken);
    }
}
