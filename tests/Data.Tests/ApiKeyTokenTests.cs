using System.Security.Cryptography;
using System.Text;
using Platform.Data.ApiKeys;

namespace Platform.Data.Tests;

public sealed class ApiKeyTokenTests
{
    [Fact]
    public void A_new_key_parses_back_to_its_id_and_matches_the_stored_hash()
    {
        var id = Guid.CreateVersion7();

        var (token, hash) = ApiKeyToken.Create(id);

        Assert.StartsWith($"pk_{id:N}_", token, StringComparison.Ordinal);
        Assert.True(ApiKeyToken.TryParse(token, out var parsedId, out var secret));
        Assert.Equal(id, parsedId);
        Assert.Equal(43, secret.Length);
        Assert.True(ApiKeyToken.Matches(secret, hash));
    }

    [Fact]
    public void Only_the_sha256_of_the_secret_is_stored_never_the_key()
    {
        var (token, hash) = ApiKeyToken.Create(Guid.CreateVersion7());
        ApiKeyToken.TryParse(token, out _, out var secret);

        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), hash);
        Assert.DoesNotContain(secret, Encoding.UTF8.GetString(hash), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_of_the_same_id_have_different_secrets()
    {
        var id = Guid.CreateVersion7();
        Assert.NotEqual(ApiKeyToken.Create(id).Token, ApiKeyToken.Create(id).Token);
    }

    [Fact]
    public void A_secret_differing_in_one_character_does_not_match()
    {
        var (token, hash) = ApiKeyToken.Create(Guid.CreateVersion7());
        ApiKeyToken.TryParse(token, out _, out var secret);
        var altered = (secret[0] == 'A' ? 'B' : 'A') + secret[1..];

        Assert.False(ApiKeyToken.Matches(altered, hash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pk_")]
    [InlineData("sk_0123456789abcdef0123456789abcdef_secret")]
    [InlineData("pk_0123456789abcdef0123456789abcdef")]
    [InlineData("pk_0123456789abcdef0123456789abcdef_")]
    [InlineData("pk_0123456789abcdef0123456789abcdefXsecret")]
    [InlineData("pk_0123456789abcdef0123456789abcdeg_secret")]
    [InlineData("pk_0123456789abcdef-0123456789abcde_secret")]
    public void Text_without_the_shape_of_a_key_does_not_parse(string? token)
    {
        Assert.False(ApiKeyToken.TryParse(token, out _, out _));
    }
}
