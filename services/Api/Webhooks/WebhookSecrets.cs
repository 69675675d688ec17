using Microsoft.AspNetCore.DataProtection;
using Platform.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>
/// Signing secrets must be readable again to sign, so they are stored encrypted (not hashed) with the Api's Data
/// Protection key ring, which lives in PostgreSQL and is shared by every Api instance.
/// </summary>
internal sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Platform.Webhooks.SigningSecrets.v1");

    /// <returns>The new secret, to show once, and its encrypted form, to store.</returns>
    public (string Secret, string Protected) Generate()
    {
        var secret = WebhookSecret.Generate();
        return (secret, protector.Protect(secret));
    }

    public string Reveal(string protectedSecret) => protector.Unprotect(protectedSecret);
}
