using System.Security.Cryptography;
using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// A hash of a random password nobody knows, made once with the host's own
/// <see cref="IPasswordHasher{TUser}"/> (so with its algorithm and iteration count), for sign-ins with
/// an address that has no account to verify against.
/// </summary>
internal sealed class DecoyPasswordHash
{
    private string? _hash;

    /// <summary>The user the decoy is hashed for (hashers may read it; the default one does not).</summary>
    public static CrmUser User { get; } = new() { UserName = "decoy" };

    /// <summary>The decoy hash, made by the first call.</summary>
    /// <param name="hasher">The host's password hasher.</param>
    public string HashWith(IPasswordHasher<CrmUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(User, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
}
