using System.Text;

namespace Platform.Webhooks.Tests;

public sealed class WebhookSignatureTests
{
    // The example in the Standard Webhooks reference libraries' tests.
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static readonly DateTimeOffset SpecTimestamp = DateTimeOffset.FromUnixTimeSeconds(1614265330);
    private const string SpecBody = """{"test": 2432232314}""";

    [Fact]
    public void Signing_the_specification_example_gives_its_published_signature()
    {
        var signature = WebhookSignature.Sign(SpecId, SpecTimestamp, Encoding.UTF8.GetBytes(SpecBody), SpecSecret);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void A_secret_without_its_prefix_signs_the_same()
    {
        var body = Encoding.UTF8.GetBytes(SpecBody);

        Assert.Equal(
            WebhookSignature.Sign(SpecId, SpecTimestamp, body, SpecSecret),
            WebhookSignature.Sign(SpecId, SpecTimestamp, body, SpecSecret["whsec_".Length..]));
    }

    [Fact]
    public void Generated_secrets_are_prefixed_random_32_byte_keys()
    {
        var first = WebhookSecret.Generate();
        var second = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.Equal(32, WebhookSecret.KeyOf(first).Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Signing_with_several_secrets_gives_one_signature_each_separated_by_spaces()
    {
        var other = WebhookSecret.Generate();
        var body = Encoding.UTF8.GetBytes(SpecBody);

        var header = WebhookSignature.SignWithAll(SpecId, SpecTimestamp, body, [SpecSecret, other]);

        Assert.Equal(
            $"{WebhookSignature.Sign(SpecId, SpecTimestamp, body, SpecSecret)} {WebhookSignature.Sign(SpecId, SpecTimestamp, body, other)}",
            header);
    }

    [Fact]
    public void A_secret_that_is_not_base64_is_refused()
    {
        Assert.Throws<FormatException>(() => WebhookSecret.KeyOf("whsec_not base64!"));
    }
}
