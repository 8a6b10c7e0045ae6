using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CrmBlazor.Bench.Messaging;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

// bench/run.sh messaging: see bench/README.md for what is measured and why.
var count = 10_000;
var workers = 2;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--messages" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
            count = n;
            i++;
            break;
        case "--workers" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var w) && w > 0:
            workers = w;
            i++;
            break;
        default:
            Console.Error.WriteLine("usage: bench/run.sh messaging [--messages N] [--workers N]");
            return 2;
    }
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var output = Console.Out;
var loadBefore = LoadAverage();
output.WriteLine($"CrmBlazor messaging benchmark: {count:N0} personalised messages, {workers} delivery workers; {Environment.ProcessorCount} cores; load average {loadBefore}");

// bench/run.sh runs from the repository's root: the host's content root (wwwroot, resources) is there.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CRMBLAZOR_HOST", Path.GetFullPath("src/CrmBlazor.Host"));
await using var sink = new SmtpSink();
var pluginsFolder = Directory.CreateTempSubdirectory("crm-bench-plugins-").FullName;
await using var database = SqliteTestDatabase.Create();
await using var host = new CrmHostFactory(database, pluginsFolder, new Dictionary<string, string?>
{
    ["Mail:Smtp:Host"] = "127.0.0.1",
    ["Mail:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
    ["Mail:Smtp:Security"] = "None",
    ["Mail:From"] = "office@firm.example",
    ["Mail:FromName"] = "Firm",
    ["Crm:Firm:Name"] = "Firm",
    ["Jobs:WorkerCount"] = workers.ToString(CultureInfo.InvariantCulture),
}).Start();

// The people written to: person customers with an address, in each of the product's languages.
var seeding = Stopwatch.StartNew();
var recipients = await BenchRecipients.SeedAsync(host, count);
output.WriteLine($"Seeded {count:N0} customers in {seeding.Elapsed.TotalSeconds:F1} s");

// Rendering: the host's templates against the hand-written baseline, for the same people.
var templateKey = await BenchTemplate.CreateAsync(host);
var render = await RenderBench.RunAsync(host, database, templateKey, recipients, output);

// Delivery: queued through the outbox in batches, as a campaign queues them, until the sink has
// them all; the baseline hands the same messages to the same sink over one MailKit connection.
var messages = render.Messages;
var delivery = Stopwatch.StartNew();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var runKey = Guid.NewGuid().ToString("N")[..8];
for (var start = 0; start < messages.Count; start += 500)
{
    await host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        foreach (var (recipient, message) in recipients.Skip(start).Take(500).Zip(messages.Skip(start).Take(500)))
        {
            db.Send(new OutgoingMessage
            {
                To = [new MessageAddress(recipient.Email, recipient.Name)],
                Subject = message.Subject,
                HtmlBody = message.HtmlBody,
                TextBody = message.TextBody,
                CustomerId = recipient.CustomerId,
                IdempotencyKey = $"bench:{runKey}:{recipient.CustomerId}",
                Kind = MessageKind.Campaign,
            });
        }

        await db.SaveChangesAsync();
    });
}

var queued = delivery.Elapsed;
output.WriteLine($"Queued {messages.Count:N0} messages in {queued.TotalSeconds:F1} s");
await sink.WaitForAsync(messages.Count, TimeSpan.FromHours(1), n => output.WriteLine($"  delivered {n:N0} after {delivery.Elapsed.TotalSeconds:F1} s"));
delivery.Stop();
var deliveryCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
var duplicates = sink.Duplicates;
// The server's acceptance comes just before the outbox records it: the last few are given a moment.
var notSent = -1;
for (var wait = Stopwatch.StartNew(); notSent != 0 && wait.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(200))
{
    notSent = await host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.CountAsync(m => m.IdempotencyKey.StartsWith("bench:" + runKey) && m.State != OutboxMessageState.Sent);
    });
}

var deliverPerSecond = messages.Count / delivery.Elapsed.TotalSeconds;
output.WriteLine($"Outbox delivery: {deliverPerSecond:F1} messages/s ({delivery.Elapsed.TotalSeconds:F1} s, {deliveryCpu / messages.Count:F2} ms CPU per message in this process); " +
    $"{duplicates} arrived twice; {notSent} not recorded as sent");

sink.Reset();
var baseline = Stopwatch.StartNew();
using (var smtp = new SmtpClient())
{
    var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
    await socket.ConnectAsync(IPAddress.Loopback, sink.Port);
    await smtp.ConnectAsync(socket, "127.0.0.1", sink.Port, SecureSocketOptions.None);
    foreach (var (recipient, message) in recipients.Zip(messages))
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(new MailboxAddress("Firm", "office@firm.example"));
        mime.To.Add(new MailboxAddress(recipient.Name, recipient.Email));
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        await smtp.SendAsync(mime);
    }

    await smtp.DisconnectAsync(true);
}

baseline.Stop();
var baselinePerSecond = messages.Count / baseline.Elapsed.TotalSeconds;
output.WriteLine($"Baseline, one MailKit connection: {baselinePerSecond:F1} messages/s ({baseline.Elapsed.TotalSeconds:F1} s)");

var loadAfter = LoadAverage();
var result = new
{
    messages = messages.Count,
    render_per_second = Math.Round(render.PerSecond, 1),
    deliver_per_second = Math.Round(deliverPerSecond, 1),
    cores = Environment.ProcessorCount,
    workers,
    load_average = new { before = loadBefore, after = loadAfter },
    render = new
    {
        seconds = Math.Round(render.Seconds, 2),
        baseline_per_second = Math.Round(render.BaselinePerSecond, 1),
        ratio_to_baseline = Math.Round(render.BaselinePerSecond / render.PerSecond, 2),
        languages = render.Languages,
        escaped = render.Escaped,
    },
    delivery = new
    {
        seconds = Math.Round(delivery.Elapsed.TotalSeconds, 2),
        queue_seconds = Math.Round(queued.TotalSeconds, 2),
        cpu_ms_per_message = Math.Round(deliveryCpu / messages.Count, 2),
        baseline_per_second = Math.Round(baselinePerSecond, 1),
        ratio_to_baseline = Math.Round(baselinePerSecond / deliverPerSecond, 2),
        duplicates,
        not_sent = notSent,
    },
};
output.WriteLine("RESULT " + JsonSerializer.Serialize(result));
Directory.Delete(pluginsFolder, recursive: true);
return duplicates == 0 && notSent == 0 && render.Escaped ? 0 : 1;

static double LoadAverage() =>
    double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
