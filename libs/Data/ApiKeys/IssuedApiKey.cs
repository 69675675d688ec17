using Platform.Data.Entities;

namespace Platform.Data.ApiKeys;

/// <summary>A key just created: the stored row and the key's text, which exists nowhere else and is shown once.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Token);
