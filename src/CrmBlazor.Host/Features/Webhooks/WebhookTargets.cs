using System.Net;
using System.Net.Sockets;

namespace CrmBlazor.Host.Features.Webhooks;

/// <summary>
/// Which addresses webhooks may reach: not loopback, private, link-local, CGNAT, unique-local IPv6 or
/// other special-purpose networks (nor such an IPv4 address mapped into IPv6) unless
/// <c>Webhooks:AllowPrivateTargets</c> is set. Checked when a subscription is saved and again on every
/// connection, on the address actually connected to, so that a name re-pointed later (DNS rebinding)
/// does not reach the firm's own network.
/// </summary>
public static class WebhookTargets
{
    /// <summary>Whether the address is on the public internet.</summary>
    /// <param name="address">The address.</param>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0                                      // "this" network
                || b[0] == 10                                       // private
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)       // CGNAT
                || b[0] == 127                                      // loopback
                || (b[0] == 169 && b[1] == 254)                     // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)        // private
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)          // IETF protocol assignments
                || (b[0] == 192 && b[1] == 168)                     // private
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))      // benchmarking
                || b[0] >= 224);                                    // multicast, reserved
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc                            // unique local fc00::/7
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) // NAT64 64:ff9b::/96 may reach IPv4 inside
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) // documentation
                || b.Take(15).All(x => x == 0));                    // :: and ::1
        }

        return false;
    }

    /// <summary>
    /// Why the URL cannot be a webhook target, or null: not an absolute http(s) URL, credentials in it,
    /// or (unless private targets are allowed) a host that is or resolves to a non-public address.
    /// </summary>
    /// <param name="url">The URL.</param>
    /// <param name="allowPrivate">Whether private targets are allowed.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public static async Task<string?> ProblemAsync(string? url, bool allowPrivate, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Enter an address starting with https:// (or http://).";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "The address must not contain a user name or password.";
        }

        if (allowPrivate)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return "This host name cannot be found.";
        }

        return addresses.Length == 0 || addresses.Any(a => !IsPublic(a))
            ? "This address is on a private or local network; webhooks are only sent to public addresses."
            : null;
    }

    /// <summary>A handler that connects only to public addresses unless private targets are allowed, and never follows redirects.</summary>
    /// <param name="allowPrivate">Whether private targets are allowed.</param>
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = WebhookSettings.RequestTimeout,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = allowPrivate ? addresses : [.. addresses.Where(IsPublic)];
            if (allowed.Length == 0)
            {
                throw new WebhookTargetRefusedException(host);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

/// <summary>A webhook's host resolved only to addresses webhooks may not reach.</summary>
/// <param name="host">The host.</param>
public sealed class WebhookTargetRefusedException(string host)
    : IOException($"{host} is on a private or local network; webhooks are only sent to public addresses.");
