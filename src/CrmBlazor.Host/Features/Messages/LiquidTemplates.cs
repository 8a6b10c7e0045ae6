using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Results;
using Fluid;
using Fluid.Ast;

namespace CrmBlazor.Host.Features.Messages;

/// <summary>Which text of a template version a problem is in.</summary>
public enum TemplatePart
{
    /// <summary>The subject.</summary>
    Subject,

    /// <summary>The HTML body.</summary>
    HtmlBody,

    /// <summary>The text body.</summary>
    TextBody,
}

/// <summary>A mistake in a template text, with where it is.</summary>
/// <param name="Part">The text it is in.</param>
/// <param name="Problem">What and where (line and column), for the user.</param>
public sealed record TemplateProblem(TemplatePart Part, Problem Problem)
{
    /// <summary>The message in English with the part, for logs and start-up errors.</summary>
    /// <param name="culture">The culture for numbers.</param>
    public string Format(IFormatProvider culture) => string.Create(culture, $"{Part}: {Problem}");
}

/// <summary>
/// The Liquid engine (Fluid) as the message templates use it: one parser and one set of options for the
/// process, parse checks that name the line and column, the fields a text uses, and rendering with every
/// value HTML-encoded in HTML and left as it is in subjects and plain text.
/// </summary>
public static partial class LiquidTemplates
{
    // Both are immutable once built and safe to share between threads, as Fluid documents.
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithMaxSteps(100_000)
        .WithMaxOutputSize(1_000_000)
        .WithMaxRecursion(20)
        .Build();

    // Encodes < > & " ' and nothing else: Tamil or Urdu text stays readable in the HTML source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // Names Liquid gives inside loops.
    private static readonly HashSet<string> LoopNames = new(StringComparer.Ordinal) { "forloop", "tablerowloop" };

    /// <summary>Parses a text, throwing <see cref="ParseException"/> (with the position) when it is not valid Liquid.</summary>
    /// <param name="text">The template text.</param>
    public static IFluidTemplate Parse(string text) => Parser.Parse(text);

    /// <summary>
    /// Checks one language version of a template: Liquid syntax, fields that are neither standard nor
    /// the template's own, and the <c>raw</c> filter (which would let a value through unencoded).
    /// </summary>
    /// <param name="template">The template, for its fields.</param>
    /// <param name="text">The version's texts.</param>
    /// <returns>The first problem, or null when the texts are valid.</returns>
    public static TemplateProblem? Check(MessageTemplateDefinition template, MessageTemplateText text) =>
        CheckAll(template.Fields, text).FirstOrDefault();

    /// <summary>Every problem of a version's texts, at most one per text.</summary>
    /// <param name="fields">The template's own fields.</param>
    /// <param name="text">The version's texts.</param>
    public static IEnumerable<TemplateProblem> CheckAll(IEnumerable<MergeField> fields, MessageTemplateText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = MessageTemplateDefinition.StandardFields.Concat(fields).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (part, source) in new[] { (TemplatePart.Subject, text.Subject), (TemplatePart.HtmlBody, text.HtmlBody), (TemplatePart.TextBody, text.TextBody) })
        {
            if (source is not null && CheckText(source, known) is { } problem)
            {
                yield return new TemplateProblem(part, problem);
            }
        }
    }

    /// <summary>The field paths a text uses (such as <c>customer.name</c>), without its own variables.</summary>
    /// <param name="template">A parsed text.</param>
    public static IReadOnlyList<string> FieldsUsed(IFluidTemplate template)
    {
        var visitor = new FieldVisitor();
        visitor.VisitTemplate(template);
        return [.. visitor.Paths.Where(p => !visitor.Locals.Contains(p.Split('.')[0])).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Renders a parsed text with the given values.</summary>
    /// <param name="template">The parsed text.</param>
    /// <param name="values">The values by top-level name (<c>customer</c>, <c>invoice</c>), nested dictionaries for paths.</param>
    /// <param name="html">True to HTML-encode every value written (an HTML body).</param>
    /// <param name="culture">The culture numbers and dates are written in.</param>
    public static async Task<string> RenderAsync(IFluidTemplate template, IReadOnlyDictionary<string, object?> values, bool html, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var context = new TemplateContext(Options) { CultureInfo = culture };
        foreach (var (name, value) in values)
        {
            // A missing value renders as nothing, like an undefined one.
            if (value is not null)
            {
                context.SetValue(name, value);
            }
        }

        return await template.RenderAsync(context, html ? Html : NullEncoder.Default);
    }

    /// <summary>
    /// Nests values given by path (<c>invoice.number</c>, <c>invoice.date</c>) into dictionaries by their first
    /// part (<c>invoice</c> → <c>number</c>, <c>date</c>), as Liquid reads them.
    /// </summary>
    /// <param name="fields">The values by path.</param>
    public static Dictionary<string, object?> Nest(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (path, value) in fields)
        {
            var parts = path.Split('.');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (!node.TryGetValue(part, out var child) || child is not Dictionary<string, object?> dictionary)
                {
                    dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
                    node[part] = dictionary;
                }

                node = dictionary;
            }

            node[parts[^1]] = value;
        }

        return root;
    }

    /// <summary>A plain-text version of an HTML fragment: paragraphs and line breaks kept, tags removed, entities decoded.</summary>
    /// <param name="html">The HTML.</param>
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        // A block ends with a blank line, a <br> with a line break.
        var text = BlockEnd().Replace(html, "\n\n");
        text = LineBreak().Replace(text, "\n");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        text = string.Join('\n', text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()));
        return BlankLines().Replace(text, "\n\n").Trim('\n');
    }

    private static Problem? CheckText(string source, HashSet<string> known)
    {
        IFluidTemplate parsed;
        try
        {
            parsed = Parser.Parse(source);
        }
        catch (ParseException e)
        {
            var position = e.Position ?? default;
            return new Problem("Line {0}, column {1}: the Liquid syntax is not valid ({2}).", position.Line, position.Column, FirstLine(e.Message));
        }

        var visitor = new FieldVisitor();
        visitor.VisitTemplate(parsed);
        if (visitor.UsesRaw)
        {
            var (line, column) = PositionOf(source, "raw");
            return new Problem("Line {0}, column {1}: the filter raw is not allowed; values are always encoded.", line, column);
        }

        if (visitor.UsesFiles)
        {
            return new Problem("The tags include, render and from are not allowed in message templates.");
        }

        foreach (var path in visitor.Paths)
        {
            if (visitor.Locals.Contains(path.Split('.')[0]) || IsKnown(path, known))
            {
                continue;
            }

            var (line, column) = PositionOf(source, path);
            return new Problem("Line {0}, column {1}: {2} is not a merge field of this template.", line, column, path);
        }

        return null;
    }

    // A known field, a part of one ({% if invoice %}), or a known field's size, first or last letter.
    private static bool IsKnown(string path, HashSet<string> known) =>
        known.Contains(path)
        || known.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal))
        || (path.LastIndexOf('.') is > 0 and var dot && path[(dot + 1)..] is "size" or "first" or "last" && known.Contains(path[..dot]));

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        var line = end < 0 ? message : message[..end];

        // Fluid appends the position ("at (3:11)"), which the message gives already.
        var at = line.LastIndexOf(" at (", StringComparison.Ordinal);
        return (at > 0 ? line[..at] : line).Trim();
    }

    // The first place a path is used inside {{ }} or {% %}; its line and column count from 1.
    private static (int Line, int Column) PositionOf(string source, string path)
    {
        var pattern = new Regex(@"(?<![\w.])" + Regex.Escape(path) + @"(?![\w])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        foreach (Match tag in TagOrOutput().Matches(source))
        {
            var match = pattern.Match(tag.Value);
            if (match.Success)
            {
                return LineAndColumn(source, tag.Index + match.Index);
            }
        }

        return (1, 1);
    }

    private static (int Line, int Column) LineAndColumn(string source, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex TagOrOutput();

    [GeneratedRegex(@"</(p|div|h[1-6]|li|tr|table|ul|ol|blockquote)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    /// <summary>Collects the member paths a template reads and the variables it defines itself.</summary>
    private sealed class FieldVisitor : AstVisitor
    {
        public List<string> Paths { get; } = [];

        public HashSet<string> Locals { get; } = new(LoopNames, StringComparer.Ordinal);

        public bool UsesRaw { get; private set; }

        public bool UsesFiles { get; private set; }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            var names = new List<string>();
            foreach (var segment in memberExpression.Segments)
            {
                if (segment is not IdentifierSegment identifier)
                {
                    break;
                }

                names.Add(identifier.Identifier);
            }

            if (names.Count > 0)
            {
                Paths.Add(string.Join('.', names));
            }

            return base.VisitMemberExpression(memberExpression);
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            UsesRaw |= filterExpression.Name == "raw";
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            Locals.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            Locals.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            Locals.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }

        protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
        {
            Locals.Add(tableRowStatement.Identifier);
            return base.VisitTableRowStatement(tableRowStatement);
        }

        protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement)
        {
            Locals.Add(incrementStatement.Identifier);
            return base.VisitIncrementStatement(incrementStatement);
        }

        protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement)
        {
            Locals.Add(decrementStatement.Identifier);
            return base.VisitDecrementStatement(decrementStatement);
        }

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
        {
            UsesFiles = true;
            return base.VisitIncludeStatement(includeStatement);
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            UsesFiles = true;
            return base.VisitRenderStatement(renderStatement);
        }

        protected override Statement VisitFromStatement(FromStatement fromStatement)
        {
            UsesFiles = true;
            return base.VisitFromStatement(fromStatement);
        }
    }
}
