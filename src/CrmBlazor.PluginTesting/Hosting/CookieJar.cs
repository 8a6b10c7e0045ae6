using System.Collections.Concurrent;

namespace CrmBlazor.PluginTesting.Hosting;

/// <summary>
/// Keeps the cookies the host sets and sends them back, as a browser does on http://127.0.0.1. The host's
/// authentication cookie is always Secure, which browsers accept on a loopback address but .NET's
/// <see cref="System.Net.CookieContainer"/> never sends over plain HTTP.
/// </summary>
internal sealed class CookieJar : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public CookieJar()
        : base(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_cookies.IsEmpty)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                var pair = value.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    continue;
                }

                var name = pair[..equals].Trim();
                var content = pair[(equals + 1)..].Trim();
                if (content.Length == 0 || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.TryRemove(name, out _);
                }
                else
                {
                    _cookies[name] = content;
                }
            }
        }

        return response;
    }
}
