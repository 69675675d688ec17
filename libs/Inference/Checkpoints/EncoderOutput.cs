using Microsoft.ML.OnnxRuntime;

namespace Platform.Inference.Checkpoints;

/// <summary>The encoder's hidden states for a batch, and the source attention mask of text inputs.</summary>
internal sealed class EncoderOutput(IDisposable owner, OrtValue hiddenStates, long[]? mask, int sourceLength) : IDisposable
{
    public OrtValue HiddenStates { get; } = hiddenStates;

    /// <summary>[batch, source length] ones and zeros; null for images.</summary>
    public long[]? Mask { get; } = mask;

    public int SourceLength { get; } = sourceLength;

    public void Dispose() => owner.Dispose();
}
