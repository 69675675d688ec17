using Microsoft.ML.OnnxRuntime.Tensors;

namespace Platform.Inference.Checkpoints;

/// <summary>One past key or value input ([batch, heads, length, head_dim]) and the present output that feeds it.</summary>
internal sealed record PastEntry(
    string InputName, string OutputName, bool IsCrossAttention, TensorElementType Type, long Heads, long HeadDimension)
{
    public long[] EmptyShape(int rows) => [rows, Heads, 0, HeadDimension];
}
