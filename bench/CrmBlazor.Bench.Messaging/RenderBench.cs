using System.Diagnostics;
using System.Net;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Bench.Messaging;

/// <summary>What the rendering phase measured, and the messages it rendered (delivered next).</summary>
internal sealed record RenderReport(
    IReadOnlyList<RenderedMessage> Messages, double Seconds, double PerSecond, double BaselinePerSecond,
    IReadOnlyDictionary<string, int> Languages, bool Escaped);

/// <summary>
/// Renders one personalised campaign message per person through the host's <see cref="IMessageTemplates"/>
/// (the customer read from the database, the version picked by language, Fluid with HTML encoding), and,
/// as the baseline, the same texts filled by hand: one SQL query per person and string replacement.
/// </summary>
internal static class RenderBench
{
    /// <summary>The campaign's versions, with the fields a campaign uses.</summary>
    public static readonly IReadOnlyDictionary<string, MessageTemplateText> Versions = new Dictionary<string, MessageTemplateText>(StringComparer.Ordinal)
    {
        ["en"] = new("News from {{ firm.name }} for {{ recipient.name }}",
            "<p>Dear {{ recipient.name }},</p><p>Our year-end review sessions are open. {{ account_manager.name }} will be glad to book yours.</p><p><a href=\"{{ unsubscribe.link }}\">Unsubscribe</a></p>"),
        ["ta"] = new("{{ firm.name }} வழங்கும் செய்தி: {{ recipient.name }}",
            "<p>அன்புள்ள {{ recipient.name }},</p><p>எங்கள் ஆண்டு இறுதி மதிப்பாய்வு அமர்வுகள் தொடங்கியுள்ளன. {{ account_manager.name }} உங்களுக்கான நேரத்தை முன்பதிவு செய்வார்.</p><p><a href=\"{{ unsubscribe.link }}\">குழுவிலகு</a></p>"),
        ["kn"] = new("{{ firm.name }} ಅವರಿಂದ ಸುದ್ದಿ: {{ recipient.name }}",
            "<p>ಪ್ರಿಯ {{ recipient.name }},</p><p>ನಮ್ಮ ವರ್ಷಾಂತ್ಯದ ಪರಿಶೀಲನಾ ಸಭೆಗಳು ಆರಂಭವಾಗಿವೆ. {{ account_manager.name }} ನಿಮ್ಮದನ್ನು ಕಾಯ್ದಿರಿಸುತ್ತಾರೆ.</p><p><a href=\"{{ unsubscribe.link }}\">ಚಂದಾದಾರಿಕೆ ರದ್ದುಮಾಡಿ</a></p>"),
        ["gu"] = new("{{ firm.name }} તરફથી સમાચાર: {{ recipient.name }}",
            "<p>પ્રિય {{ recipient.name }},</p><p>અમારી વર્ષાંત સમીક્ષા બેઠકો શરૂ થઈ છે. {{ account_manager.name }} તમારી બેઠક નક્કી કરશે.</p><p><a href=\"{{ unsubscribe.link }}\">સભ્યપદ રદ કરો</a></p>"),
        ["ur"] = new("{{ firm.name }} کی طرف سے خبر: {{ recipient.name }}",
            "<p>محترم {{ recipient.name }}،</p><p>ہماری سال کے آخر کی جائزہ نشستیں شروع ہو گئی ہیں۔ {{ account_manager.name }} آپ کی نشست طے کریں گے۔</p><p><a href=\"{{ unsubscribe.link }}\">رکنیت ختم کریں</a></p>"),
        ["ka"] = new("სიახლე {{ firm.name }}-სგან: {{ recipient.name }}",
            "<p>ძვირფასო {{ recipient.name }},</p><p>ჩვენი წლის ბოლოს მიმოხილვის შეხვედრები დაიწყო. {{ account_manager.name }} სიამოვნებით დაგიჯავშნით დროს.</p><p><a href=\"{{ unsubscribe.link }}\">გამოწერის გაუქმება</a></p>"),
    };

    public static async Task<RenderReport> RunAsync(CrmHostFactory host, SqliteTestDatabase database, string templateKey,
        IReadOnlyList<BenchRecipient> recipients, TextWriter output)
    {
        // Warm-up: the parsed texts are cached after the first use of each language, as in the host.
        await RenderAllAsync(host, templateKey, recipients.Take(60).ToList());
        var clock = Stopwatch.StartNew();
        var messages = await RenderAllAsync(host, templateKey, recipients);
        clock.Stop();
        var perSecond = recipients.Count / clock.Elapsed.TotalSeconds;
        output.WriteLine($"Rendering with the host's templates: {perSecond:F1} messages/s ({clock.Elapsed.TotalSeconds:F1} s)");

        var baseline = Stopwatch.StartNew();
        var byHand = await RenderByHandAsync(database, recipients);
        baseline.Stop();
        var baselinePerSecond = recipients.Count / baseline.Elapsed.TotalSeconds;
        output.WriteLine($"Baseline, filled by hand: {baselinePerSecond:F1} messages/s ({baseline.Elapsed.TotalSeconds:F1} s); " +
            $"the host is {baselinePerSecond / perSecond:F2} times slower");

        // The escaping check: the person named <script> gets it as text in both.
        var scripted = recipients.Select((r, i) => (r, i)).First(p => p.r.Name == BenchRecipients.ScriptName).i;
        var escaped = !messages[scripted].HtmlBody.Contains("<script>", StringComparison.Ordinal)
            && messages[scripted].HtmlBody.Contains("&lt;script&gt;", StringComparison.Ordinal)
            && !byHand[scripted].Contains("<script>", StringComparison.Ordinal);
        var languages = messages.GroupBy(m => m.Language).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        output.WriteLine($"Languages rendered: {string.Join(", ", languages.Select(l => $"{l.Key} {l.Value:N0}"))}; the <script> name escaped: {escaped}");
        return new RenderReport(messages, clock.Elapsed.TotalSeconds, perSecond, baselinePerSecond, languages, escaped);
    }

    private static async Task<List<RenderedMessage>> RenderAllAsync(CrmHostFactory host, string templateKey, IReadOnlyList<BenchRecipient> recipients)
    {
        var messages = new List<RenderedMessage>(recipients.Count);
        await host.InScopeAsync(async services =>
        {
            var templates = services.GetRequiredService<IMessageTemplates>();
            foreach (var recipient in recipients)
            {
                messages.Add(await templates.RenderAsync(templateKey, new TemplateRecipient(recipient.CustomerId),
                    new Dictionary<string, object?> { ["unsubscribe.link"] = $"https://crm.example/unsubscribe/{recipient.CustomerId:x8}" }));
            }
        });
        return messages;
    }

    private static async Task<List<string>> RenderByHandAsync(SqliteTestDatabase database, IReadOnlyList<BenchRecipient> recipients)
    {
        var bodies = new List<string>(recipients.Count);
        await using var connection = new SqliteConnection($"Data Source={database.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."Name", c."Email", c."Language", u."DisplayName"
            FROM crm_customers c LEFT JOIN crm_users u ON u."Id" = c."OwnerUserId"
            WHERE c."Id" = $id
            """;
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        foreach (var recipient in recipients)
        {
            id.Value = recipient.CustomerId;
            await using var row = await command.ExecuteReaderAsync();
            await row.ReadAsync();
            var name = row.GetString(0);
            var language = row.IsDBNull(2) ? "en" : row.GetString(2);
            var manager = row.IsDBNull(3) ? string.Empty : row.GetString(3);
            var text = Versions.GetValueOrDefault(language) ?? Versions["en"];
            var subject = text.Subject.Replace("{{ firm.name }}", "Firm", StringComparison.Ordinal).Replace("{{ recipient.name }}", name, StringComparison.Ordinal);
            var body = text.HtmlBody
                .Replace("{{ recipient.name }}", WebUtility.HtmlEncode(name), StringComparison.Ordinal)
                .Replace("{{ account_manager.name }}", WebUtility.HtmlEncode(manager), StringComparison.Ordinal)
                .Replace("{{ unsubscribe.link }}", $"https://crm.example/unsubscribe/{recipient.CustomerId:x8}", StringComparison.Ordinal);
            _ = subject;
            bodies.Add(body);
        }

        return bodies;
    }
}
