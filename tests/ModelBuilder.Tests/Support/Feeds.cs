using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Platform.ModelBuilder.Tests.Support;

/// <summary>Builds named input tensors.</summary>
internal static class Feeds
{
    public static NamedOnnxValue Ids(string name, long[][] rows) =>
        NamedOnnxValue.CreateFromTensor(name, new DenseTensor<long>(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]));

    public static NamedOnnxValue Floats(string name, DenseTensor<float> tensor) => NamedOnnxValue.CreateFromTensor(name, tensor);

    public static NamedOnnxValue Flag(string name, bool value) =>
        NamedOnnxValue.CreateFromTensor(name, new DenseTensor<bool>(new[] { value }, [1]));

    public static DenseTensor<float> Empty(int batch, int heads, int headSize) =>
        new(Array.Empty<float>(), [batch, heads, 0, headSize]);

    public static DenseTensor<float> Random(int seed, params int[] dims)
    {
        var random = new Random(seed);
        var values = new float[dims.Aggregate(1, (a, b) => a * b)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return new DenseTensor<float>(values, dims);
    }

    /// <summary>Logits of one position: [batch, seq, vocab] → row <paramref name="batch"/>, step <paramref name="position"/>.</summary>
    public static float[] Row(DenseTensor<float> logits, int batch, int position)
    {
        var vocabulary = logits.Dimensions[2];
        var row = new float[vocabulary];
        for (var v = 0; v < vocabulary; v++)
        {
            row[v] = logits[batch, position, v];
        }

        return row;
    }
}
