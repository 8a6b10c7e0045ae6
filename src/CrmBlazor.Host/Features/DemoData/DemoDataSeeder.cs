using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Catalogue;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Features.Search;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.DemoData;

/// <summary>
/// Fills an empty database with a demo firm (<c>Crm:DemoData=true</c>, set by the development launch
/// profile): staff in every role, multilingual customers with contacts, a year of interactions and a
/// few segments. It never touches a database that already has customers.
/// </summary>
internal static class DemoDataSeeder
{
    public static async Task SeedAsync(IServiceProvider services, DatabaseSettings database, ILogger logger, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<CrmDbContext>().UseCrmDatabase(database, pluginId: null).Options;
        await using var db = new CrmDbContext(options);
        if (await db.Customers.AnyAsync(cancellationToken))
        {
            return;
        }

        var staffIds = await CreateStaffAsync(services);

        // One transaction for everything below: a start killed half-way leaves no customers, so the
        // next start seeds again (it only ever seeds a database without customers).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var random = new Random(2026);
        var now = DateTimeOffset.UtcNow;
        var tags = new Dictionary<string, Tag>(StringComparer.Ordinal);
        var customers = new List<Customer>();
        foreach (var demo in DemoFirm.Customers)
        {
            var created = now.AddDays(-random.Next(380, 900));
            var customer = new Customer
            {
                Kind = demo.Kind,
                Name = demo.Name,
                Industry = demo.Industry,
                Email = demo.Kind == CustomerKind.Person ? $"{demo.Contacts.FirstOrDefault().EmailName ?? "client" + customers.Count}@{demo.Domain}" : $"office@{demo.Domain}",
                Phone = PhoneFor(demo.Country, random),
                Website = demo.Kind == CustomerKind.Company ? $"https://{demo.Domain}" : null,
                Currency = demo.Currency,
                OwnerUserId = staffIds[random.Next(staffIds.Count)],
                CreatedAt = created,
                UpdatedAt = created,
            };
            customer.Addresses.Add(new CustomerAddress { Kind = AddressKind.Main, City = demo.City, Region = demo.Region, Country = demo.Country, PostalCode = random.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            foreach (var (name, role, emailName) in demo.Contacts)
            {
                customer.Contacts.Add(new Contact
                {
                    Name = name,
                    Role = role,
                    Email = $"{emailName}@{demo.Domain}",
                    Phone = PhoneFor(demo.Country, random),
                    IsPrimary = customer.Contacts.Count == 0,
                    CreatedAt = created,
                });
            }

            foreach (var tagName in demo.Tags)
            {
                var key = CustomerService.TagKey(tagName);
                if (!tags.TryGetValue(key, out var tag))
                {
                    tag = new Tag { Name = tagName, NormalizedName = key };
                    tags[key] = tag;
                }

                customer.Tags.Add(tag);
            }

            customers.Add(customer);
        }

        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(cancellationToken);
        db.SearchTerms.AddRange(customers.SelectMany(SearchIndex.TermsOf));
        db.Interactions.AddRange(customers.SelectMany(c => InteractionsFor(c, staffIds, random, now)));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var customer in customers)
        {
            var last = await db.Interactions.Where(i => i.CustomerId == customer.Id).MaxAsync(i => (DateTimeOffset?)i.OccurredAt, cancellationToken);
            customer.LastInteractionAt = last;
        }

        // The first at-risk customers have gone quiet: nothing in the last four months.
        foreach (var quiet in customers.Where(c => c.Tags.Any(t => t.Name == "at risk")).Take(2))
        {
            await db.Interactions.Where(i => i.CustomerId == quiet.Id && i.OccurredAt > now.AddDays(-120)).ExecuteDeleteAsync(cancellationToken);
            quiet.LastInteractionAt = await db.Interactions.Where(i => i.CustomerId == quiet.Id).MaxAsync(i => (DateTimeOffset?)i.OccurredAt, cancellationToken);
        }

        db.Segments.AddRange(DemoSegments(now));
        db.FirmServices.AddRange(DemoServices(now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Membership is derived data that the hourly refresh recomputes anyway.
        await using var scope = services.CreateAsyncScope();
        var segments = scope.ServiceProvider.GetRequiredService<SegmentService>();
        foreach (var id in await db.Segments.Select(s => s.Id).ToListAsync(cancellationToken))
        {
            await segments.RefreshAsync(id, cancellationToken);
        }

        logger.LogInformation("Demo data: {Customers} customers, {Interactions} interactions, {Segments} segments",
            customers.Count, await db.Interactions.CountAsync(cancellationToken), await db.Segments.CountAsync(cancellationToken));
    }

    private static async Task<List<string>> CreateStaffAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var ids = new List<string>();
        foreach (var (name, email, role) in DemoFirm.Staff)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new CrmUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
                var created = await users.CreateAsync(user, DemoFirm.StaffPassword);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Could not create demo user: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                }

                await users.AddToRoleAsync(user, role);
            }

            if (role is "Manager" or "Staff")
            {
                ids.Add(user.Id);
            }
        }

        return ids;
    }

    private static IEnumerable<Interaction> InteractionsFor(Customer customer, List<string> staffIds, Random random, DateTimeOffset now)
    {
        var count = random.Next(12, 48);
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            var channel = roll switch
            {
                < 30 => InteractionChannel.Email,
                < 52 => InteractionChannel.Call,
                < 66 => InteractionChannel.Meeting,
                < 76 => InteractionChannel.Note,
                < 83 => InteractionChannel.Inquiry,
                < 88 => InteractionChannel.Complaint,
                < 95 => InteractionChannel.WebForm,
                _ => InteractionChannel.InStoreVisit,
            };
            var occurred = now.AddDays(-random.NextDouble() * 365).AddMinutes(-random.Next(0, 600));
            var (subject, outcome) = channel switch
            {
                InteractionChannel.Call => DemoFirm.Calls[random.Next(DemoFirm.Calls.Length)],
                InteractionChannel.Email => (DemoFirm.Emails[random.Next(DemoFirm.Emails.Length)], null),
                InteractionChannel.Meeting => (DemoFirm.Meetings[random.Next(DemoFirm.Meetings.Length)], "Minutes shared with the team"),
                InteractionChannel.Note => (DemoFirm.Notes[random.Next(DemoFirm.Notes.Length)], null),
                InteractionChannel.Complaint => (DemoFirm.Complaints[random.Next(DemoFirm.Complaints.Length)], null),
                InteractionChannel.Inquiry => (DemoFirm.Inquiries[random.Next(DemoFirm.Inquiries.Length)], null),
                InteractionChannel.WebForm => ("Contact form: request for a call back", null),
                _ => ("Visited our office", "Signed the renewal"),
            };
            var tracked = Interaction.IsTracked(channel);
            var resolved = tracked && (occurred < now.AddDays(-30) || random.Next(3) == 0);
            var owner = staffIds[random.Next(staffIds.Count)];
            var interaction = new Interaction
            {
                CustomerId = customer.Id,
                Channel = channel,
                Direction = channel switch
                {
                    InteractionChannel.Note => InteractionDirection.Internal,
                    InteractionChannel.Complaint or InteractionChannel.Inquiry or InteractionChannel.WebForm or InteractionChannel.InStoreVisit => InteractionDirection.Inbound,
                    _ => random.Next(2) == 0 ? InteractionDirection.Inbound : InteractionDirection.Outbound,
                },
                OccurredAt = occurred,
                Subject = subject,
                Outcome = tracked ? (resolved ? "Resolved with the customer" : null) : outcome,
                Status = tracked ? (resolved ? InteractionStatus.Resolved : InteractionStatus.Open) : InteractionStatus.None,
                ResolvedAt = resolved ? occurred.AddDays(random.Next(1, 10)) : null,
                OwnerUserId = tracked ? owner : null,
                CreatedByUserId = owner,
                CreatedAt = occurred,
            };
            if (customer.Contacts.Count > 0 && channel != InteractionChannel.Note)
            {
                interaction.Contacts.Add(new InteractionContact { ContactId = customer.Contacts[random.Next(customer.Contacts.Count)].Id });
            }

            interaction.Users.Add(new InteractionUser { UserId = owner });
            yield return interaction;
        }
    }

    // The catalogue of a business-services firm, with India's SAC codes and the 18 % GST rate services
    // usually carry; the brochure design the firm no longer sells stays, retired, for old projects.
    private static IEnumerable<FirmService> DemoServices(DateTimeOffset now)
    {
        FirmService Make(string name, string code, string sac, bool retired = false) =>
            new() { Name = name, Code = code, SacCode = sac, DefaultTaxRate = 18m, IsRetired = retired, CreatedAt = now.AddDays(-400) };

        yield return Make("Website design and build", "WEB", "998314");
        yield return Make("Monthly support retainer", "SUP-M", "998313");
        yield return Make("Search engine optimisation", "SEO", "998361");
        yield return Make("Bookkeeping", "BOOK", "998222");
        yield return Make("Payroll", "PAY", "998223");
        yield return Make("IT support", "ITS", "998313");
        yield return Make("Cloud hosting", "CLOUD", "998315");
        yield return Make("Security audit", "SEC", "998319");
        yield return Make("GST and tax filing", "TAX", "998231");
        yield return Make("Translation and localisation", "L10N", "998395");
        yield return Make("Print brochure design", "PRINT", "998391", retired: true);
    }

    private static IEnumerable<Segment> DemoSegments(DateTimeOffset now)
    {
        Segment Make(string name, string description, SegmentMatch match, params SegmentRule[] rules) => new()
        {
            Name = name,
            Description = description,
            Definition = new SegmentDefinition { Match = match, Rules = [.. rules] }.ToJson(),
            CreatedAt = now,
        };

        yield return Make("Key accounts", "Customers tagged priority or on a retainer", SegmentMatch.Any,
            new SegmentRule { Field = SegmentFields.Tag, Operator = SegmentOperator.HasTag, Value = "priority" },
            new SegmentRule { Field = SegmentFields.Tag, Operator = SegmentOperator.HasTag, Value = "retainer" });
        yield return Make("Customers in India", "Every customer with an address in India", SegmentMatch.All,
            new SegmentRule { Field = SegmentFields.Country, Operator = SegmentOperator.Is, Value = "IN" });
        yield return Make("No contact in 90 days", "Companies nobody has talked to for three months", SegmentMatch.All,
            new SegmentRule { Field = SegmentFields.Kind, Operator = SegmentOperator.Is, Value = "Company" },
            new SegmentRule { Field = SegmentFields.LastInteraction, Operator = SegmentOperator.NotWithinLastDays, Value = "90" });
        yield return Make("Open complaints", "Customers with at least one open complaint", SegmentMatch.All,
            new SegmentRule { Field = SegmentFields.OpenComplaints, Operator = SegmentOperator.AtLeast, Value = "1" });
    }

    private static string PhoneFor(string country, Random random) => country switch
    {
        "IN" => $"+91 {random.Next(70000, 99999)} {random.Next(10000, 99999)}",
        "PK" => $"+92 3{random.Next(10, 49)} {random.Next(1000000, 9999999)}",
        "GE" => $"+995 5{random.Next(10, 99)} {random.Next(100, 999)} {random.Next(100, 999)}",
        "DE" => $"+49 89 {random.Next(1000000, 9999999)}",
        _ => $"+44 20 {random.Next(1000, 9999)} {random.Next(1000, 9999)}",
    };
}
