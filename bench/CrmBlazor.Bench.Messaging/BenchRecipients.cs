using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Bench.Messaging;

/// <summary>Someone the benchmark writes to: a person customer with an address and a language.</summary>
internal sealed record BenchRecipient(long CustomerId, string Name, string Email, string Language);

/// <summary>Seeds the people written to, spread over the product's languages, with names in their scripts.</summary>
internal static class BenchRecipients
{
    /// <summary>A name that must arrive escaped in every HTML body it is merged into.</summary>
    public const string ScriptName = "<script>alert(1)</script> Rao";

    private static readonly (string Language, string[] Names)[] People =
    [
        ("en", ["Meena Iyer", "John Carter", "Asha Patel"]),
        ("ta", ["மீனா ஐயர்", "கார்த்திக் ராஜா", "லட்சுமி சுந்தரம்"]),
        ("kn", ["ಮೀನಾ ರಾವ್", "ಸುರೇಶ್ ಗೌಡ", "ಅನಿತಾ ಹೆಗ್ಡೆ"]),
        ("gu", ["મીના પટેલ", "રાજેશ શાહ", "હેતલ દેસાઈ"]),
        ("ur", ["مینا خان", "عمران احمد", "فاطمہ علی"]),
        ("ka", ["ნინო ბერიძე", "გიორგი მაისურაძე", "თამარ კაპანაძე"]),
    ];

    public static async Task<IReadOnlyList<BenchRecipient>> SeedAsync(CrmHostFactory host, int count)
    {
        var recipients = new List<BenchRecipient>(count);
        for (var start = 0; start < count; start += 1000)
        {
            var batch = await host.InScopeAsync(async services =>
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
                var accountManager = await db.Users.Where(u => u.Email == CrmHostFactory.Administrator.Email).Select(u => u.Id).SingleAsync();
                var customers = new List<Customer>();
                for (var i = start; i < Math.Min(start + 1000, count); i++)
                {
                    var (language, names) = People[i % People.Length];
                    var name = i == 0 ? ScriptName : $"{names[i / People.Length % names.Length]} {i}";
                    customers.Add(new Customer
                    {
                        Kind = CustomerKind.Person,
                        Name = name,
                        Email = $"person{i}@customer.example",
                        Language = language,
                        OwnerUserId = accountManager,
                        CreatedAt = DateTimeOffset.UtcNow,
                        UpdatedAt = DateTimeOffset.UtcNow,
                    });
                }

                db.Customers.AddRange(customers);
                await db.SaveChangesAsync();
                return customers.Select(c => new BenchRecipient(c.Id, c.Name, c.Email!, c.Language!)).ToList();
            });
            recipients.AddRange(batch);
        }

        return recipients;
    }
}
