namespace Platform.Inference.Generation;

internal static class LogSoftmax
{
    /// <summary>log(sum(exp(x))), stable; -inf when every value is -inf.</summary>
    public static float LogSumExp(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var value in values)
        {
            max = MathF.Max(max, value);
        }
        if (float.IsNegativeInfinity(max))
        {
            return max;
        }
        var sum = 0.0f;
        foreach (var value in values)
        {
            sum += MathF.Exp(value - max);
        }
        return max + MathF.Log(sum);
    }

    public static void InPlace(Span<float> values)
    {
        var total = LogSumExp(values);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] -= total;
        }
    }

    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }
}
