using System.Globalization;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Features.Segments;

namespace CrmBlazor.Bench.Seeding;

/// <summary>A user of the firm (an account manager).</summary>
internal sealed record BenchUser(string Id, string DisplayName, string Email);

/// <summary>An interaction as seeded (a value, so that a million of them stay small).</summary>
internal readonly record struct BenchInteraction(
    long Id,
    long CustomerId,
    InteractionChannel Channel,
    InteractionDirection Direction,
    InteractionStatus Status,
    DateTimeOffset OccurredAt,
    string Subject,
    string? Body,
    string? OwnerUserId);

/// <summary>A plugin's timeline entry as seeded (an issued invoice).</summary>
internal readonly record struct BenchTimelineEntry(long CustomerId, string Key, DateTimeOffset OccurredAt, string Title, string Link);

/// <summary>A segment and its members.</summary>
internal sealed record BenchSegment(long Id, string Name, string Definition, IReadOnlyList<long> Members);

/// <summary>A customer figure kept by a plugin.</summary>
internal readonly record struct BenchFigure(string FigureId, long CustomerId, double? Number, DateTimeOffset? Date);

/// <summary>Everything the benchmark seeds, generated in memory from a fixed random seed.</summary>
internal sealed class SyntheticFirm
{
    public required IReadOnlyList<BenchUser> Users { get; init; }

    public required IReadOnlyList<Tag> Tags { get; init; }

    /// <summary>Customers with ids, contacts (with ids), addresses and tags, as the host's entities.</summary>
    public required IReadOnlyList<Customer> Customers { get; init; }

    /// <summary>The script each customer's name is written in, by customer index.</summary>
    public required IReadOnlyList<Script> ScriptOf { get; init; }

    /// <summary>Interactions in time order (ids ascending with time).</summary>
    public required BenchInteraction[] Interactions { get; init; }

    public required IReadOnlyList<BenchTimelineEntry> TimelineEntries { get; init; }

    public required IReadOnlyList<BenchSegment> Segments { get; init; }

    public required IReadOnlyList<BenchFigure> Figures { get; init; }

    /// <summary>The moment the data is generated around ("now").</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Generates a firm.</summary>
    /// <param name="customerCount">Number of customers.</param>
    /// <param name="interactionCount">Number of interactions, spread unevenly over customers.</param>
    /// <param name="seed">The random seed (the same seed gives the same firm).</param>
    public static SyntheticFirm Generate(int customerCount, int interactionCount, int seed = 2026)
    {
        var random = new Random(seed);
        var now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        var users = Enumerable.Range(1, 20)
            .Select(i => new BenchUser(RandomGuid(random).ToString(), $"Account manager {i:00}", $"manager{i:00}@bench.local"))
            .ToList();
        var tags = Vocabulary.Tags.Select((t, i) => new Tag { Id = i + 1, Name = t.Name, NormalizedName = CustomerService.TagKey(t.Name) }).ToList();

        var customers = new List<Customer>(customerCount);
        var scripts = new List<Script>(customerCount);
        long contactId = 0;
        for (var id = 1; id <= customerCount; id++)
        {
            var script = Pick(random, Vocabulary.Scripts);
            var customer = MakeCustomer(random, script, id, now, users, tags, ref contactId);
            customers.Add(customer);
            scripts.Add(script);
        }

        var interactions = MakeInteractions(random, customers, interactionCount, now, users);
        var timeline = MakeTimelineEntries(random, customers, now);
        var segments = MakeSegments(customers, interactions);
        var figures = MakeFigures(random, customers, now);
        return new SyntheticFirm
        {
            Users = users,
            Tags = tags,
            Customers = customers,
            ScriptOf = scripts,
            Interactions = interactions,
            TimelineEntries = timeline,
            Segments = segments,
            Figures = figures,
            Now = now,
        };
    }

    private static Customer MakeCustomer(Random random, Script script, long id, DateTimeOffset now, List<BenchUser> users, List<Tag> tags, ref long contactId)
    {
        var isCompany = random.Next(100) < 75;
        var place = Any(random, script.Places);
        var created = now.AddDays(-random.Next(30, 6 * 365)).AddMinutes(-random.Next(24 * 60));
        string name;
        string email;
        if (isCompany)
        {
            var trade = Any(random, script.Trades);
            var second = random.Next(100) < 40 ? Any(random, script.Trades) : default;
            var useFamily = random.Next(100) < 35;
            var first = useFamily ? Any(random, script.FamilyNames) : place;
            name = string.Join(' ', new[] { first.Native, trade.Native, second.Native }.Where(w => w is not null));
            if (script.CompanySuffixes.Length > 0 && random.Next(100) < 60)
            {
                name += " " + script.CompanySuffixes[random.Next(script.CompanySuffixes.Length)];
            }

            var domain = $"{first.Latin}-{trade.Latin}-{id.ToString(CultureInfo.InvariantCulture)}.example";
            email = $"{Any(random, ["info", "office", "hello", "contact", "accounts"])}@{domain}";
        }
        else
        {
            var given = Any(random, script.GivenNames);
            var family = Any(random, script.FamilyNames);
            name = $"{given.Native} {family.Native}";
            email = $"{given.Latin}.{family.Latin}{random.Next(1, 999).ToString(CultureInfo.InvariantCulture)}@{Any(random, ["mail.example", "post.example", "inbox.example"])}";
        }

        var customer = new Customer
        {
            Id = id,
            Kind = isCompany ? CustomerKind.Company : CustomerKind.Person,
            Name = name,
            Industry = isCompany ? Vocabulary.Industries[random.Next(Vocabulary.Industries.Length - 1)] : "Private client",
            Email = email,
            Phone = Phone(random, script.Country),
            Website = isCompany ? "https://" + email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..] : null,
            Currency = script.Currency,
            OwnerUserId = random.Next(100) < 92 ? users[random.Next(users.Count)].Id : null,
            Notes = random.Next(100) < 20 ? "Prefers to be contacted by e-mail." : null,
            IsArchived = random.Next(100) < 3,
            CreatedAt = created,
            UpdatedAt = created.AddDays(random.Next(0, 30)),
            RowVersion = Guid.NewGuid(),
        };
        customer.Addresses.Add(new CustomerAddress
        {
            Kind = AddressKind.Main,
            Street = $"{random.Next(1, 300).ToString(CultureInfo.InvariantCulture)} {place.Native}",
            City = place.Native,
            PostalCode = random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture),
            Region = script.Regions[random.Next(script.Regions.Length)],
            Country = script.Country,
        });
        if (random.Next(100) < 20)
        {
            customer.Addresses.Add(new CustomerAddress { Kind = AddressKind.Billing, City = place.Native, Country = script.Country });
        }

        if (isCompany)
        {
            var contacts = Pick(random, [(0, 10), (1, 35), (2, 30), (3, 15), (4, 10)]);
            for (var i = 0; i < contacts; i++)
            {
                var people = random.Next(100) < 90 ? script : Vocabulary.LatinScript;
                var given = Any(random, people.GivenNames);
                var family = Any(random, people.FamilyNames);
                customer.Contacts.Add(new Contact
                {
                    Id = ++contactId,
                    CustomerId = id,
                    Name = $"{given.Native} {family.Native}",
                    Role = Any(random, ["Managing director", "Finance manager", "Owner", "Procurement", "IT lead", "Office manager"]),
                    Email = $"{given.Latin}.{family.Latin}@{email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..]}",
                    Phone = random.Next(100) < 80 ? Phone(random, script.Country) : null,
                    IsPrimary = i == 0,
                    IsArchived = random.Next(100) < 5,
                    CreatedAt = created,
                    RowVersion = Guid.NewGuid(),
                });
            }
        }

        foreach (var (tag, perMille) in tags.Zip(Vocabulary.Tags.Select(t => t.PerMille)))
        {
            if (random.Next(1000) < perMille)
            {
                customer.Tags.Add(tag);
            }
        }

        return customer;
    }

    private static BenchInteraction[] MakeInteractions(Random random, List<Customer> customers, int count, DateTimeOffset now, List<BenchUser> users)
    {
        // Activity is uneven: most customers have a handful of interactions, a few have hundreds.
        var cumulative = new double[customers.Count];
        var total = 0.0;
        for (var i = 0; i < customers.Count; i++)
        {
            var bucket = random.Next(100);
            total += bucket < 10 ? 0 : bucket < 70 ? random.NextDouble() * 10 : bucket < 95 ? 10 + random.NextDouble() * 20 : 30 + random.NextDouble() * 270;
            cumulative[i] = total;
        }

        var span = TimeSpan.FromDays(3 * 365).Ticks;
        var draft = new (long CustomerIndex, long Ticks)[count];
        for (var i = 0; i < count; i++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            draft[i] = (index < 0 ? ~index : index, now.UtcTicks - (long)(random.NextDouble() * span));
        }

        Array.Sort(draft, (a, b) => a.Ticks.CompareTo(b.Ticks));
        var interactions = new BenchInteraction[count];
        for (var i = 0; i < count; i++)
        {
            var customer = customers[(int)Math.Min(draft[i].CustomerIndex, customers.Count - 1)];
            var at = new DateTimeOffset(draft[i].Ticks, TimeSpan.Zero);
            var channel = Pick(random, [
                (InteractionChannel.Call, 25), (InteractionChannel.Email, 30), (InteractionChannel.Meeting, 10), (InteractionChannel.Note, 15),
                (InteractionChannel.Complaint, 5), (InteractionChannel.Inquiry, 7), (InteractionChannel.WebForm, 5), (InteractionChannel.InStoreVisit, 3)]);
            var tracked = Interaction.IsTracked(channel);
            var status = !tracked ? InteractionStatus.None
                : at < now.AddDays(-60) || random.Next(100) < 60 ? InteractionStatus.Resolved : InteractionStatus.Open;
            var direction = channel switch
            {
                InteractionChannel.Note => InteractionDirection.Internal,
                InteractionChannel.Complaint or InteractionChannel.Inquiry or InteractionChannel.WebForm or InteractionChannel.InStoreVisit => InteractionDirection.Inbound,
                _ => random.Next(2) == 0 ? InteractionDirection.Inbound : InteractionDirection.Outbound,
            };
            var subject = channel switch
            {
                InteractionChannel.Call => Any(random, Vocabulary.CallSubjects),
                InteractionChannel.Email or InteractionChannel.WebForm => Any(random, Vocabulary.EmailSubjects),
                InteractionChannel.Meeting or InteractionChannel.InStoreVisit => Any(random, Vocabulary.MeetingSubjects),
                InteractionChannel.Complaint => Any(random, Vocabulary.ComplaintSubjects),
                InteractionChannel.Inquiry => Any(random, Vocabulary.InquirySubjects),
                _ => Any(random, Vocabulary.NoteSubjects),
            };
            interactions[i] = new BenchInteraction(
                i + 1, customer.Id, channel, direction, status, at, subject,
                random.Next(100) < 40 ? Any(random, Vocabulary.Bodies) : null,
                tracked ? customer.OwnerUserId ?? users[0].Id : null);
            if (customer.LastInteractionAt is not { } last || last < at)
            {
                customer.LastInteractionAt = at;
            }
        }

        return interactions;
    }

    private static List<BenchTimelineEntry> MakeTimelineEntries(Random random, List<Customer> customers, DateTimeOffset now)
    {
        var entries = new List<BenchTimelineEntry>(customers.Count);
        for (var i = 1; i <= customers.Count; i++)
        {
            var customer = customers[random.Next(customers.Count)];
            var at = now.AddDays(-random.Next(0, 3 * 365)).AddMinutes(-random.Next(24 * 60));
            var number = $"INV-{at.Year.ToString(CultureInfo.InvariantCulture)}-{i.ToString("00000", CultureInfo.InvariantCulture)}";
            entries.Add(new BenchTimelineEntry(customer.Id, "bench:invoice:" + number, at, $"Invoice {number} issued", "/invoices/" + i.ToString(CultureInfo.InvariantCulture)));
        }

        return entries;
    }

    private static List<BenchSegment> MakeSegments(List<Customer> customers, BenchInteraction[] interactions)
    {
        var openComplaints = interactions.Where(i => i.Channel == InteractionChannel.Complaint && i.Status == InteractionStatus.Open)
            .Select(i => i.CustomerId).ToHashSet();
        var active = customers.Where(c => !c.IsArchived).ToList();
        return
        [
            new(1, "Key accounts", Definition(SegmentMatch.Any,
                    new SegmentRule { Field = SegmentFields.Tag, Operator = SegmentOperator.HasTag, Value = "priority" },
                    new SegmentRule { Field = SegmentFields.Tag, Operator = SegmentOperator.HasTag, Value = "retainer" }),
                [.. active.Where(c => c.Tags.Any(t => t.Name is "priority" or "retainer")).Select(c => c.Id)]),
            new(2, "Customers in India", Definition(SegmentMatch.All,
                    new SegmentRule { Field = SegmentFields.Country, Operator = SegmentOperator.Is, Value = "IN" }),
                [.. active.Where(c => c.Addresses.Any(a => a.Country == "IN")).Select(c => c.Id)]),
            new(3, "Open complaints", Definition(SegmentMatch.All,
                    new SegmentRule { Field = SegmentFields.OpenComplaints, Operator = SegmentOperator.AtLeast, Value = "1" }),
                [.. active.Where(c => openComplaints.Contains(c.Id)).Select(c => c.Id)]),
        ];
    }

    private static string Definition(SegmentMatch match, params SegmentRule[] rules) =>
        new SegmentDefinition { Match = match, Rules = [.. rules] }.ToJson();

    private static List<BenchFigure> MakeFigures(Random random, List<Customer> customers, DateTimeOffset now)
    {
        var figures = new List<BenchFigure>();
        foreach (var customer in customers.Where(_ => random.Next(100) < 60))
        {
            figures.Add(new BenchFigure("invoicing.lifetime-revenue", customer.Id, Math.Round(random.NextDouble() * 250_000, 2), null));
            figures.Add(new BenchFigure("invoicing.last-invoice", customer.Id, null, now.AddDays(-random.Next(0, 700))));
        }

        return figures;
    }

    private static string Phone(Random random, string country) => country switch
    {
        "IN" => $"+91 {random.Next(70000, 99999)} {random.Next(10000, 99999)}",
        "PK" => $"+92 3{random.Next(10, 49)} {random.Next(1000000, 9999999)}",
        "GE" => $"+995 5{random.Next(10, 99)} {random.Next(100, 999)} {random.Next(100, 999)}",
        _ => $"+44 20 {random.Next(1000, 9999)} {random.Next(1000, 9999)}",
    };

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static T Any<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static T Pick<T>(Random random, (T Item, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (item, weight) in weighted)
        {
            if (roll < weight)
            {
                return item;
            }

            roll -= weight;
        }

        return weighted[^1].Item;
    }
}
