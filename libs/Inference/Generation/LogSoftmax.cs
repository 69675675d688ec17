using System.Buffers;
using System.Numerics.Tensors;

namespace Platform.Inference.Generation;

/// <summary>Vectorised: a row is a whole vocabulary (250k for mBART-50), once per beam per step.</summary>
internal static class LogSoftmax
{
    /// <summary>log(sum(exp(x))), stable; -inf when every value is -inf.</summary>
    public static float LogSumExp(ReadOnlySpan<float> values)
    {
        var max = TensorPrimitives.Max(values);
        if (float.IsNegativeInfinity(max))
        {
            return max;
        }
        var buffer = ArrayPool<float>.Shared.Rent(values.Length);
        try
        {
            var shifted = buffer.AsSpan(0, values.Length);
            TensorPrimitives.Subtract(values, max, shifted);
            TensorPrimitives.Exp(shifted, shifted);
            return max + MathF.Log(TensorPrimitives.Sum<float>(shifted));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public static void InPlace(Span<float> values) => TensorPrimitives.Subtract(values, LogSumExp(values), values);

    /// <summary>Index of the first maximum, as torch.argmax.</summary>
    public static int ArgMax(ReadOnlySpan<float> values) => TensorPrimitives.IndexOfMax(values);
}
