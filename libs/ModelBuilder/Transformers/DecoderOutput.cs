namespace Platform.ModelBuilder.Transformers;

/// <summary>One decoder graph output: its public name, the value computing it, and whether it is an encoder (cross-attention) cache.</summary>
public sealed record DecoderOutput(string Name, string Value, bool IsEncoderCache);
