namespace Platform.Webhooks.Tests;

public sealed class WebhookVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private const string Body = """{"type":"job.succeeded","timestamp":"2026-11-23T12:00:00+00:00","data":{"id":"j1","status":"Succeeded"}}""";
    private readonly string secret = WebhookSecret.Generate();

    [Fact]
    public void A_delivery_signed_with_the_secret_verifies()
    {
        SignedDelivery.Signed("msg_1", Now, Body, secret).Verify(secret, Now.AddSeconds(30));
    }

    [Fact]
    public void A_delivery_signed_with_another_secret_is_rejected()
    {
        var forged = SignedDelivery.Signed("msg_1", Now, Body, WebhookSecret.Generate());

        Assert.Throws<WebhookVerificationException>(() => forged.Verify(secret, Now));
    }

    [Fact]
    public void A_body_altered_after_signing_is_rejected()
    {
        var genuine = SignedDelivery.Signed("msg_1", Now, Body, secret);
        var altered = genuine with { Body = System.Text.Encoding.UTF8.GetBytes(Body.Replace("Succeeded", "Failed", StringComparison.Ordinal)) };

        Assert.Throws<WebhookVerificationException>(() => altered.Verify(secret, Now));
    }

    [Fact]
    public void The_same_json_with_its_properties_reordered_is_rejected()
    {
        var genuine = SignedDelivery.Signed("msg_1", Now, Body, secret);
        const string reordered = """{"timestamp":"2026-11-23T12:00:00+00:00","type":"job.succeeded","data":{"status":"Succeeded","id":"j1"}}""";
        var reserialised = genuine with { Body = System.Text.Encoding.UTF8.GetBytes(reordered) };

        Assert.Throws<WebhookVerificationException>(() => reserialised.Verify(secret, Now));
    }

    [Fact]
    public void A_signature_moved_to_another_message_id_is_rejected()
    {
        var genuine = SignedDelivery.Signed("msg_1", Now, Body, secret);
        genuine.Headers[WebhookHeaderNames.Id] = "msg_2";

        Assert.Throws<WebhookVerificationException>(() => genuine.Verify(secret, Now));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_outside_the_tolerance_is_rejected_as_a_replay(int secondsFromNow)
    {
        var replayed = SignedDelivery.Signed("msg_1", Now.AddSeconds(secondsFromNow), Body, secret);

        var rejection = Assert.Throws<WebhookVerificationException>(() => replayed.Verify(secret, Now));
        Assert.Contains("replayed", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timestamp_inside_the_tolerance_is_accepted()
    {
        SignedDelivery.Signed("msg_1", Now.AddSeconds(-299), Body, secret).Verify(secret, Now);
    }

    [Fact]
    public void Any_one_matching_signature_among_several_is_enough()
    {
        var rotated = SignedDelivery.Create("msg_1", Now, Body, WebhookSignature.SignWithAll(
            "msg_1", Now, System.Text.Encoding.UTF8.GetBytes(Body), [WebhookSecret.Generate(), secret]));

        rotated.Verify(secret, Now);
    }

    [Theory]
    [InlineData(WebhookHeaderNames.Id)]
    [InlineData(WebhookHeaderNames.Timestamp)]
    [InlineData(WebhookHeaderNames.Signature)]
    public void A_missing_header_is_rejected(string header)
    {
        var delivery = SignedDelivery.Signed("msg_1", Now, Body, secret);
        delivery.Headers.Remove(header);

        var rejection = Assert.Throws<WebhookVerificationException>(() => delivery.Verify(secret, Now));
        Assert.Contains(header, rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v2,AAAA")]
    [InlineData("v1,not-base64")]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Signatures_of_another_version_or_malformed_are_rejected(string signature)
    {
        var delivery = SignedDelivery.Create("msg_1", Now, Body, signature);

        Assert.Throws<WebhookVerificationException>(() => delivery.Verify(secret, Now));
    }

    [Fact]
    public void A_timestamp_that_is_not_a_number_is_rejected()
    {
        var delivery = SignedDelivery.Signed("msg_1", Now, Body, secret);
        delivery.Headers[WebhookHeaderNames.Timestamp] = "2026-11-23T12:00:00Z";

        Assert.Throws<WebhookVerificationException>(() => delivery.Verify(secret, Now));
    }
}
