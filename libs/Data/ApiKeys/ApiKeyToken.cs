using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Data.ApiKeys;

/// <summary>
/// The text of an API key, <c>pk_&lt;key id, 32 hex digits&gt;_&lt;secret&gt;</c>: the id finds the row, the secret proves
/// possession. The secret is 256 random bits, so a plain SHA-256 of it is safe to store: a slow password hash (PBKDF2,
/// Argon2) only helps against guessing low-entropy secrets, and would cost every request its time.
/// </summary>
public static class ApiKeyToken
{
    public const string Prefix = "pk_";
    private const int IdLength = 32;
    private const int SecretBytes = 32;

    /// <summary>A new key: its text (shown once) and the hash to store.</summary>
    public static (string Token, byte[] SecretHash) Create(Guid id)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Prefix}{id:N}_{secret}", Hash(secret));
    }

    /// <summary>Splits a presented key into its id and secret; false when it does not have the shape of one.</summary>
    public static bool TryParse(string? token, out Guid id, out string secret)
    {
        id = Guid.Empty;
        secret = "";
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length <= Prefix.Length + IdLength + 1
            || token[Prefix.Length + IdLength] != '_'
            || !Guid.TryParseExact(token.AsSpan(Prefix.Length, IdLength), "N", out id))
        {
            return false;
        }
        secret = token[(Prefix.Length + IdLength + 1)..];
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Compares in constant time, so the response time does not tell how much of a guess was right.</summary>
    public static bool Matches(string secret, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);
}
