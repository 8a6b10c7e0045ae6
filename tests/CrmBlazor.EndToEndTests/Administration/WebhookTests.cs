using System.Net;
using System.Net.Sockets;
using CrmBlazor.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Administration;

/// <summary>
/// Webhooks (<c>/admin/webhooks</c>) in the browser: the administrator opens the page from the menu, subscribes
/// a receiver on loopback (the end-to-end host allows private targets) to "Customer created", sends a test
/// event and sees it delivered in the log with the receiver's answer. Every step passes axe's WCAG 2.2 AA rules.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class WebhookTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Administrator_SubscribesAReceiverAndSendsATestEvent_SeesItDeliveredInTheLog()
    {
        using var receiver = Receiver.Start();
        await using var browser = await app.OpenBrowserAsync(nameof(Administrator_SubscribesAReceiverAndSendsATestEvent_SeesItDeliveredInTheLog), output);
        var page = browser.Page;
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);

        await shell.OpenFromMenuAsync("Webhooks");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a webhook" })).ToBeVisibleAsync();
        await AxeCheck.AssertCleanAsync(page);

        await page.Locator("input[data-testid=webhook-url]").FillAsync(receiver.Url);
        await page.Locator("input[data-testid=webhook-description]").FillAsync("Accounting system");
        await page.GetByLabel("Customer created (customer.created)").CheckAsync();
        await page.GetByTestId("webhook-save").ClickAsync();
        await page.WaitForURLAsync("**/admin/webhooks/*");
        await Expect(page.GetByTestId("webhook-health")).ToHaveTextAsync("Healthy");

        await page.GetByTestId("webhook-test").ClickAsync();
        await Expect(page.GetByTestId("change-saved")).ToContainTextAsync("A test event is on its way.");
        var state = page.GetByTestId("webhook-delivery-state");
        for (var i = 0; i < 60 && !(await state.CountAsync() > 0 && await state.First.TextContentAsync() == "Delivered"); i++)
        {
            await Task.Delay(1000);
            await page.GetByTestId("webhook-refresh").ClickAsync();
        }

        await Expect(state.First).ToHaveTextAsync("Delivered");
        await Expect(page.GetByTestId("webhook-delivery-status").First).ToHaveTextAsync("200");
        await Expect(page.GetByTestId("webhook-delivery")).ToContainTextAsync("webhook.test");
        Assert.Contains(receiver.Bodies, b => b.Contains("\"type\":\"webhook.test\"", StringComparison.Ordinal));
        Assert.All(receiver.Signatures, s => Assert.StartsWith("v1,", s, StringComparison.Ordinal));

        await page.GetByTestId("webhook-reveal").ClickAsync();
        await Expect(page.GetByTestId("webhook-secret")).ToContainTextAsync("whsec_");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync("webhook-en");
    }

    /// <summary>A receiver on a free loopback port that answers 200 and keeps what it received.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        private Receiver(int port)
        {
            Url = $"http://127.0.0.1:{port}/hooks/";
            _listener.Prefixes.Add(Url);
        }

        public string Url { get; }

        public List<string> Bodies { get; } = [];

        public List<string> Signatures { get; } = [];

        public static Receiver Start()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var receiver = new Receiver(port);
            receiver._listener.Start();
            _ = receiver.ServeAsync();
            return receiver;
        }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    var body = await reader.ReadToEndAsync();
                    lock (Bodies)
                    {
                        Bodies.Add(body);
                        Signatures.Add(context.Request.Headers["webhook-signature"] ?? "");
                    }
                }

                context.Response.StatusCode = 200;
                await using (var writer = new StreamWriter(context.Response.OutputStream))
                {
                    await writer.WriteAsync("thanks");
                }

                context.Response.Close();
            }
        }
    }
}
