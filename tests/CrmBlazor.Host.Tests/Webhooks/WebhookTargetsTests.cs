using System.Net;
using CrmBlazor.Host.Features.Webhooks;

namespace CrmBlazor.Host.Tests.Webhooks;

public sealed class WebhookTargetsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    public void IsPublic_OfALocalOrPrivateAddress_IsFalse(string address) =>
        Assert.False(WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsPublic_OfAPublicAddress_IsTrue(string address) =>
        Assert.True(WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("not a url")]
    [InlineData("")]
    [InlineData("https://user:pass@example.com/hook")]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://192.168.0.10/hook")]
    [InlineData("http://localhost/hook")]
    public async Task Problem_OfABadOrPrivateTarget_IsGiven(string url) =>
        Assert.NotNull(await WebhookTargets.ProblemAsync(url, allowPrivate: false));

    [Fact]
    public async Task Problem_OfALoopbackTargetWhenPrivateTargetsAreAllowed_IsNone() =>
        Assert.Null(await WebhookTargets.ProblemAsync("http://127.0.0.1:8080/hook", allowPrivate: true));

    [Fact]
    public async Task Problem_OfAPublicAddressLiteral_IsNone() =>
        Assert.Null(await WebhookTargets.ProblemAsync("https://8.8.8.8/hook", allowPrivate: false));
}
