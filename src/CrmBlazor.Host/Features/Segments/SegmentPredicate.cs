using System.Globalization;
using System.Linq.Expressions;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>
/// Turns a segment's rules into one predicate over customers that EF Core translates to SQL, so that a
/// segment is counted and refreshed set-based in the database, on SQLite and PostgreSQL alike.
/// </summary>
public static class SegmentPredicate
{
    /// <summary>Builds the predicate of a definition, or the messages explaining why it cannot be built.</summary>
    /// <param name="db">The context the predicate will run in (figures and interactions are subqueries).</param>
    /// <param name="definition">The rules.</param>
    /// <param name="fields">The fields available now (<see cref="SegmentFields.All"/>).</param>
    /// <param name="now">The time relative dates count from.</param>
    public static (Expression<Func<Customer, bool>>? Predicate, Dictionary<string, string[]> Errors) Build(
        CrmDbContext db, SegmentDefinition definition, IReadOnlyList<SegmentField> fields, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>();
        var parts = new List<Expression<Func<Customer, bool>>>();
        for (var i = 0; i < definition.Rules.Count; i++)
        {
            var rule = definition.Rules[i];
            var field = fields.FirstOrDefault(f => f.Id == rule.Field);
            if (field is null)
            {
                errors[$"Rules[{i}].Field"] = ["This field is no longer available (its plugin may be disabled)."];
                continue;
            }

            if (!field.Operators.Contains(rule.Operator))
            {
                errors[$"Rules[{i}].Operator"] = ["Choose a comparison that fits this field."];
                continue;
            }

            try
            {
                parts.Add(RuleFor(db, field, rule, now));
            }
            catch (FormatException e)
            {
                errors[$"Rules[{i}].Value"] = [e.Message];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        Expression<Func<Customer, bool>> active = c => !c.IsArchived;
        if (parts.Count == 0)
        {
            return (active, errors);
        }

        var combined = parts.Aggregate((left, right) => Combine(left, right, definition.Match == SegmentMatch.All));
        return (Combine(active, combined, and: true), errors);
    }

    private static Expression<Func<Customer, bool>> RuleFor(CrmDbContext db, SegmentField field, SegmentRule rule, DateTimeOffset now)
    {
        var value = rule.Value?.Trim() ?? string.Empty;
        switch (field.Id)
        {
            case SegmentFields.Name: return Text(c => c.Name, rule.Operator, value);
            case SegmentFields.Industry: return Text(c => c.Industry, rule.Operator, value);
            case SegmentFields.Email: return Text(c => c.Email, rule.Operator, value);
            case SegmentFields.Currency: return Text(c => c.Currency, rule.Operator, value);
            case SegmentFields.Country: return AddressText(a => a.Country, rule.Operator, value);
            case SegmentFields.City: return AddressText(a => a.City, rule.Operator, value);
            case SegmentFields.Kind:
                var kind = Enum.TryParse<CustomerKind>(value, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : throw new FormatException("Choose Company or Person.");
                return rule.Operator == SegmentOperator.Is ? c => c.Kind == kind : c => c.Kind != kind;
            case SegmentFields.Owner:
                return Owner(rule.Operator, value);
            case SegmentFields.Tag:
                var tag = value.Length == 0 ? throw new FormatException("Enter a tag.") : CustomerService.TagKey(value);
                return rule.Operator == SegmentOperator.HasTag
                    ? c => c.Tags.Any(t => t.NormalizedName == tag)
                    : c => !c.Tags.Any(t => t.NormalizedName == tag);
            case SegmentFields.Created: return Date(c => c.CreatedAt, rule.Operator, value, now);
            case SegmentFields.LastInteraction: return Date(c => c.LastInteractionAt, rule.Operator, value, now);
            case SegmentFields.InteractionCount:
                return Number(c => db.Interactions.Count(i => i.CustomerId == c.Id), rule.Operator, value);
            case SegmentFields.OpenComplaints:
                return Number(c => db.Interactions.Count(i => i.CustomerId == c.Id && i.Channel == InteractionChannel.Complaint && i.Status == InteractionStatus.Open), rule.Operator, value);
        }

        var figureId = field.Id[SegmentFields.FigurePrefix.Length..];
        if (field.Type == SegmentFieldType.Date)
        {
            return Date(c => db.CustomerFigures.Where(f => f.CustomerId == c.Id && f.FigureId == figureId).Select(f => f.DateValue).FirstOrDefault(), rule.Operator, value, now);
        }

        return rule.Operator switch
        {
            SegmentOperator.IsEmpty => c => !db.CustomerFigures.Any(f => f.CustomerId == c.Id && f.FigureId == figureId && f.NumberValue != null),
            SegmentOperator.IsNotEmpty => c => db.CustomerFigures.Any(f => f.CustomerId == c.Id && f.FigureId == figureId && f.NumberValue != null),
            _ => Compose<double?>(c => db.CustomerFigures.Where(f => f.CustomerId == c.Id && f.FigureId == figureId).Select(f => f.NumberValue).FirstOrDefault(), NumberTest(rule.Operator, value)),
        };
    }

    // An empty value stands for "nobody": "is nobody" finds customers without an account manager,
    // "is not nobody" those with one; "is not <user>" includes customers without one.
    private static Expression<Func<Customer, bool>> Owner(SegmentOperator op, string value)
    {
        if (value.Length == 0)
        {
            return op == SegmentOperator.Is ? c => c.OwnerUserId == null : c => c.OwnerUserId != null;
        }

        return op == SegmentOperator.Is ? c => c.OwnerUserId == value : c => c.OwnerUserId == null || c.OwnerUserId != value;
    }

    private static Expression<Func<Customer, bool>> Text(Expression<Func<Customer, string?>> field, SegmentOperator op, string value) =>
        Compose(field, TextTest(op, value));

    private static Expression<Func<Customer, bool>> AddressText(Expression<Func<CustomerAddress, string?>> field, SegmentOperator op, string value)
    {
        // "Is not" and "is empty" hold when no address matches; the others when some address does.
        var negate = op is SegmentOperator.IsNot or SegmentOperator.IsEmpty;
        var test = TextTest(negate ? (op == SegmentOperator.IsNot ? SegmentOperator.Is : SegmentOperator.IsNotEmpty) : op, value);
        var inner = Compose(field, test);
        Expression<Func<Customer, bool>> any = c => c.Addresses.AsQueryable().Any(inner);
        return negate ? Not(any) : any;
    }

    private static Expression<Func<string?, bool>> TextTest(SegmentOperator op, string value)
    {
        var v = value.ToLowerInvariant();
        if (v.Length == 0 && op is not (SegmentOperator.IsEmpty or SegmentOperator.IsNotEmpty))
        {
            throw new FormatException("Enter a value.");
        }

        // ToLower() here is SQL's lower(), translated by EF Core (the StringComparison overloads CA1862
        // suggests have none). Both providers fold case beyond ASCII: PostgreSQL by its locale, SQLite
        // through the Unicode lower() CrmBlazor.Data registers on every connection (SqliteUnicodeCase).
#pragma warning disable CA1862
        return op switch
        {
            SegmentOperator.Contains => s => s != null && s.ToLower().Contains(v),
            SegmentOperator.StartsWith => s => s != null && s.ToLower().StartsWith(v),
            SegmentOperator.Is => s => s != null && s.ToLower() == v,
            SegmentOperator.IsNot => s => s == null || s.ToLower() != v,
            SegmentOperator.IsEmpty => s => s == null || s == string.Empty,
            _ => s => s != null && s != string.Empty,
        };
#pragma warning restore CA1862
    }

    private static Expression<Func<Customer, bool>> Number(Expression<Func<Customer, int>> field, SegmentOperator op, string value)
    {
        if (op is SegmentOperator.IsEmpty)
        {
            return Compose(field, n => n == 0);
        }

        if (op is SegmentOperator.IsNotEmpty)
        {
            return Compose(field, n => n != 0);
        }

        var number = ParseNumber(value);
        return op switch
        {
            SegmentOperator.GreaterThan => Compose(field, n => n > number),
            SegmentOperator.AtLeast => Compose(field, n => n >= number),
            SegmentOperator.LessThan => Compose(field, n => n < number),
            SegmentOperator.AtMost => Compose(field, n => n <= number),
            SegmentOperator.Is => Compose(field, n => n == number),
            _ => Compose(field, n => n != number),
        };
    }

    private static Expression<Func<double?, bool>> NumberTest(SegmentOperator op, string value)
    {
        var number = ParseNumber(value);
        return op switch
        {
            SegmentOperator.GreaterThan => n => n != null && n > number,
            SegmentOperator.AtLeast => n => n != null && n >= number,
            SegmentOperator.LessThan => n => n != null && n < number,
            SegmentOperator.AtMost => n => n != null && n <= number,
            SegmentOperator.Is => n => n != null && n == number,
            _ => n => n == null || n != number,
        };
    }

    private static Expression<Func<Customer, bool>> Date(Expression<Func<Customer, DateTimeOffset?>> field, SegmentOperator op, string value, DateTimeOffset now)
    {
        switch (op)
        {
            case SegmentOperator.IsEmpty: return Compose(field, d => d == null);
            case SegmentOperator.IsNotEmpty: return Compose(field, d => d != null);
            case SegmentOperator.WithinLastDays:
                var since = now.AddDays(-ParseDays(value));
                return Compose(field, d => d != null && d >= since);
            case SegmentOperator.NotWithinLastDays:
                var cutoff = now.AddDays(-ParseDays(value));
                return Compose(field, d => d == null || d < cutoff);
            case SegmentOperator.Before:
                var before = ParseDate(value);
                return Compose(field, d => d != null && d < before);
            default:
                var onOrAfter = ParseDate(value);
                return Compose(field, d => d != null && d >= onOrAfter);
        }
    }

    private static Expression<Func<Customer, bool>> Date(Expression<Func<Customer, DateTimeOffset>> field, SegmentOperator op, string value, DateTimeOffset now)
    {
        var nullable = Expression.Lambda<Func<Customer, DateTimeOffset?>>(Expression.Convert(field.Body, typeof(DateTimeOffset?)), field.Parameters);
        return Date(nullable, op, value, now);
    }

    private static double ParseNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.TryParse(value, NumberStyles.Float, CultureInfo.CurrentCulture, out number)
            ? number
            : throw new FormatException("Enter a number, e.g. 1000 or 12.5.");

    private static int ParseDays(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days is >= 0 and <= 36500
            ? days
            : throw new FormatException("Enter a number of days between 0 and 36500.");

    // A date is a UTC calendar day: "before 2025-03-01" ends at 2025-03-01T00:00Z, "on or after" starts there.
    private static DateTimeOffset ParseDate(string value) =>
        value.Length == 0 ? throw new FormatException("Choose a date.")
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : throw new FormatException("Enter a date as YYYY-MM-DD.");

    private static Expression<Func<TEntity, bool>> Compose<TEntity, TValue>(Expression<Func<TEntity, TValue>> field, Expression<Func<TValue, bool>> test) =>
        Expression.Lambda<Func<TEntity, bool>>(new Replace(test.Parameters[0], field.Body).Visit(test.Body)!, field.Parameters);

    private static Expression<Func<Customer, bool>> Compose<TValue>(Expression<Func<Customer, TValue>> field, Expression<Func<TValue, bool>> test) =>
        Compose<Customer, TValue>(field, test);

    private static Expression<Func<Customer, bool>> Combine(Expression<Func<Customer, bool>> left, Expression<Func<Customer, bool>> right, bool and)
    {
        var body = new Replace(right.Parameters[0], left.Parameters[0]).Visit(right.Body)!;
        return Expression.Lambda<Func<Customer, bool>>(and ? Expression.AndAlso(left.Body, body) : Expression.OrElse(left.Body, body), left.Parameters);
    }

    private static Expression<Func<Customer, bool>> Not(Expression<Func<Customer, bool>> predicate) =>
        Expression.Lambda<Func<Customer, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}
