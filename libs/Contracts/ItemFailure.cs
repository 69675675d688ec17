namespace Platform.Contracts;

/// <summary>An item that produced no result, with a machine-readable reason code and a human-readable detail.</summary>
public sealed record ItemFailure(long Ordinal, string Key, string? Language, string Reason, string Detail);
