namespace Platform.Inference.Generation;

/// <summary>One sequence to generate: which encoder row it attends to and its forced first token (language).</summary>
internal sealed record SearchItem(int EncoderRow, int? ForcedBosTokenId);
