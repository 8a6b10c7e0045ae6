using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CrmBlazor.Testing.Mail;

/// <summary>
/// A real SMTP server on a local port that keeps every message it accepts, parsed with MimeKit. It
/// refuses (554) messages to any mailbox starting with <see cref="RefusedMailbox"/>, and can be stopped
/// and started again on the same port to play a mail server that is down for a while.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    /// <summary>Messages to a mailbox starting with this are refused for good.</summary>
    public const string RefusedMailbox = "refused";

    /// <summary>The answer of a refusal.</summary>
    public const string RefusalText = "5.7.1 Refused by the test server";

    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    /// <summary>Picks a free port; the server is not started.</summary>
    public TestSmtpServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    /// <summary>The port it listens on when started.</summary>
    public int Port { get; }

    /// <summary>
    /// Called with each message before the server answers that it accepted it (a test holds the answer
    /// back to act while the sender waits for it), or null.
    /// </summary>
    public Func<MimeMessage, Task>? Accepting { get; set; }

    /// <summary>Every message accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. _received];

    /// <summary>Starts listening (again).</summary>
    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new CollectingStore(this));
        services.Add(new NoDelayListenerFactory());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops listening; a client then cannot connect at all.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        _server.Shutdown();
        await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        await _running!.WaitAsync(TimeSpan.FromSeconds(10));
        _server = null;
    }

    /// <summary>The messages received with a recipient.</summary>
    /// <param name="address">The recipient's address.</param>
    public IReadOnlyList<MimeMessage> ReceivedBy(string address) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(a => a.Address == address))];

    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    private sealed class CollectingStore(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (transaction.To.Any(to => to.User.StartsWith(RefusedMailbox, StringComparison.OrdinalIgnoreCase)))
            {
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, RefusalText);
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (server.Accepting is { } accepting)
            {
                await accepting(message);
            }

            server._received.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }

    /// <summary>
    /// SmtpServer writes its replies with Nagle's algorithm on, so each reply waits for the client's
    /// delayed ACK (40 ms on Linux) and no sender gets past about 22 messages a second. Accepted sockets
    /// inherit TCP_NODELAY from the listening one, which the library keeps private: hence the reflection.
    /// Also used by the messaging benchmark's sink.
    /// </summary>
    public sealed class NoDelayListenerFactory : SmtpServer.Net.EndpointListenerFactory
    {
        /// <inheritdoc />
        public override SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = base.CreateListener(endpointDefinition);
            if (listener.GetType().GetField("_tcpListener", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)?.GetValue(listener) is TcpListener tcp)
            {
                tcp.Server.NoDelay = true;
            }

            return listener;
        }
    }
}
