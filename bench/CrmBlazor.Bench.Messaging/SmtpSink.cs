using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CrmBlazor.Bench.Messaging;

/// <summary>
/// A local SMTP server that accepts every message and counts it, without parsing: what is measured is
/// the sender's side. The count of each message's Message-ID tells whether any arrived twice.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly HashSet<string> _messageIds = new(StringComparer.Ordinal);
    private int _received;

    public SmtpSink()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CountingStore(this));
        services.Add(new CrmBlazor.Testing.Mail.TestSmtpServer.NoDelayListenerFactory());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
    }

    public int Port { get; }

    public int Received => Volatile.Read(ref _received);

    /// <summary>Messages whose Message-ID arrived more than once.</summary>
    public int Duplicates { get; private set; }

    /// <summary>Forgets what arrived (between the two phases).</summary>
    public void Reset()
    {
        lock (_messageIds)
        {
            _messageIds.Clear();
            Duplicates = 0;
            Volatile.Write(ref _received, 0);
        }
    }

    public async Task WaitForAsync(int count, TimeSpan timeout, Action<int>? progress = null)
    {
        var until = DateTime.UtcNow + timeout;
        var reported = 0;
        while (Received < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Only {Received} of {count} messages arrived within {timeout}.");
            }

            if (progress is not null && Received - reported >= 1000)
            {
                reported = Received - (Received % 1000);
                progress(reported);
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private void Count(ReadOnlySequence<byte> message)
    {
        var id = MessageIdOf(message);
        lock (_messageIds)
        {
            if (id is not null && !_messageIds.Add(id))
            {
                Duplicates++;
            }

            _received++;
        }
    }

    // The Message-ID header from the raw headers; enough for counting, no MIME parsing.
    private static string? MessageIdOf(ReadOnlySequence<byte> message)
    {
        var head = System.Text.Encoding.ASCII.GetString(message.Slice(0, Math.Min(message.Length, 8192)).ToArray());
        var start = head.IndexOf("\nMessage-Id:", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        var end = head.IndexOf('\n', start + 1);
        return head[(start + 12)..(end < 0 ? head.Length : end)].Trim();
    }

    private sealed class CountingStore(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            sink.Count(buffer);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
