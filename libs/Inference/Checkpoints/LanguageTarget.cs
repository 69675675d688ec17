namespace Platform.Inference.Checkpoints;

/// <summary>A requested language and the token forced as the decoder's first token (null: the checkpoint's own target).</summary>
public sealed record LanguageTarget(string Language, string? ForcedToken);
