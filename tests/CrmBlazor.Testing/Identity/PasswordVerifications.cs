using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Testing;

/// <summary>
/// Counts the password hashes the host verifies, through a decorator of its
/// <see cref="IPasswordHasher{TUser}"/>: a deterministic stand-in for "this path does the expensive
/// work", where timings on a shared machine would be noise.
/// </summary>
public sealed class PasswordVerifications
{
    private int _count;

    /// <summary>How many hashes were verified since the host started.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Registers the counter and wraps the host's password hasher with it.</summary>
    /// <param name="services">The host's services, after its own registrations.</param>
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var original = services.Last(d => d.ServiceType == typeof(IPasswordHasher<CrmUser>));
        services.AddSingleton<PasswordVerifications>();
        services.Add(ServiceDescriptor.Describe(
            typeof(IPasswordHasher<CrmUser>),
            provider => new Counting(Create(provider, original), provider.GetRequiredService<PasswordVerifications>()),
            original.Lifetime));
    }

    private static IPasswordHasher<CrmUser> Create(IServiceProvider provider, ServiceDescriptor original) =>
        (IPasswordHasher<CrmUser>)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!));

    private sealed class Counting(IPasswordHasher<CrmUser> inner, PasswordVerifications counter) : IPasswordHasher<CrmUser>
    {
        public string HashPassword(CrmUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(CrmUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counter._count);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
