using Platform.ModelBuilder.Graphs;

namespace Platform.ModelBuilder.Transformers;

/// <summary>
/// Random weights keyed by name: each tensor's values depend only on the seed and its name, so
/// every decoder variant (and every run) gets byte-identical weights whatever order it asks in.
/// </summary>
public sealed class WeightBank(int seed)
{
    /// <summary>Uniform values with standard deviation <paramref name="std"/> around <paramref name="mean"/>.</summary>
    public string Random(GraphBuilder g, string name, float std, float mean, params long[] dims) =>
        g.Initializer(name, dims, () =>
        {
            var random = new Random(StableSeed(name));
            var count = dims.Aggregate(1L, (product, dim) => product * dim);
            var values = new float[count];
            var halfWidth = std * MathF.Sqrt(3f);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = mean + ((float)random.NextDouble() * 2f - 1f) * halfWidth;
            }

            return values;
        });

    /// <summary>A [in, out] matrix with variance 1/in, keeping activations of order one.</summary>
    public string Matrix(GraphBuilder g, string name, long inputs, long outputs) =>
        Random(g, name, 1f / MathF.Sqrt(inputs), 0f, inputs, outputs);

    private int StableSeed(string name)
    {
        // FNV-1a: string.GetHashCode is randomised per process.
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
