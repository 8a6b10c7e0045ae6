using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace CrmBlazor.IntegrationTests.Webhooks;

/// <summary>
/// A real HTTP receiver on a free loopback port (Kestrel), which verifies every request with the
/// independent Standard Webhooks implementation (the <c>StandardWebhooks</c> package) and answers 503
/// while it is <see cref="Down"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The secret requests are verified with; set it before the first request.</summary>
    public string? Secret { get; set; }

    /// <summary>How long the receiver takes to answer.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Whether the receiver answers 503.</summary>
    public bool Down { get; set; }

    /// <summary>Every request received, in order of arrival.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The address to subscribe.</summary>
    public string Url => _app.Urls.First() + "/hooks";

    /// <summary>Starts a receiver.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            string? verificationError = null;
            try
            {
                new StandardWebhook(receiver.Secret!).Verify(body, http.Request.Headers);
            }
            catch (Exception e)
            {
                verificationError = e.Message;
            }

            if (receiver.Delay > TimeSpan.Zero)
            {
                await Task.Delay(receiver.Delay);
            }

            var status = receiver.Down ? 503 : 200;
            using var json = JsonDocument.Parse(body);
            receiver.Requests.Enqueue(new Received(http.Request.Headers["webhook-id"].ToString(), json.RootElement.GetProperty("type").GetString()!, body, verificationError, status));
            return Results.Text(receiver.Down ? "down for maintenance" : "ok", statusCode: status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A request as received.</summary>
    /// <param name="WebhookId">Its <c>webhook-id</c>.</param>
    /// <param name="Type">The payload's type.</param>
    /// <param name="Body">The body.</param>
    /// <param name="VerificationError">Why verification failed, or null.</param>
    /// <param name="Status">The status answered.</param>
    public sealed record Received(string WebhookId, string Type, string Body, string? VerificationError, int Status)
    {
        /// <summary>The payload's data.</summary>
        public JsonElement Data => JsonDocument.Parse(Body).RootElement.GetProperty("data");
    }
}
