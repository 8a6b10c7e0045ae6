using CrmBlazor.Host.Features.Webhooks;

namespace CrmBlazor.Host.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The example of the Standard Webhooks specification's reference implementations.
    [Fact]
    public void Sign_TheSpecificationsExample_GivesItsSignature() =>
        Assert.Equal(
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));

    [Fact]
    public void NewSecret_IsPrefixedBase64OfThirtyTwoBytes()
    {
        var secret = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }
}
