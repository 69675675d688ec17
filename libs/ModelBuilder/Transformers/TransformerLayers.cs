using Platform.ModelBuilder.Graphs;
using Platform.ModelBuilder.Onnx;

namespace Platform.ModelBuilder.Transformers;

/// <summary>Pre-norm transformer building blocks over named random weights.</summary>
public sealed class TransformerLayers(GraphBuilder g, WeightBank weights, int hidden, int heads)
{
    private const float MaskedScore = -1e9f;

    private int HeadSize => hidden / heads;

    public string LayerNorm(string x, string name) =>
        g.LayerNorm(
            x,
            weights.Random(g, name + ".weight", 0.1f, 1f, hidden),
            weights.Random(g, name + ".bias", 0.1f, 0f, hidden));

    public string Linear(string x, string name, long inputs, long outputs) =>
        g.Add(g.MatMul(x, weights.Matrix(g, name + ".weight", inputs, outputs)), weights.Random(g, name + ".bias", 0.1f, 0f, outputs));

    public string Mlp(string x, string name) =>
        Linear(g.Gelu(Linear(x, name + ".fc1", hidden, 4 * hidden)), name + ".fc2", 4 * hidden, hidden);

    /// <summary>[batch, seq, hidden] → [batch, heads, seq, head_size].</summary>
    public string Heads(string x, string name) =>
        g.Transpose(g.Reshape(Linear(x, name, hidden, hidden), 0, 0, heads, HeadSize), 0, 2, 1, 3);

    /// <summary>Self-attention; the returned key/value include <paramref name="past"/> (the present cache).</summary>
    public (string Output, string Key, string Value) SelfAttention(string x, string name, (string Key, string Value)? past, string? bias)
    {
        var key = Heads(x, name + ".k_proj");
        var value = Heads(x, name + ".v_proj");
        if (past is { } cache)
        {
            key = g.Concat(2, cache.Key, key);
            value = g.Concat(2, cache.Value, value);
        }

        return (Attend(x, name, key, value, bias), key, value);
    }

    /// <summary>Attention of <paramref name="x"/> over precomputed key/value heads.</summary>
    public string Attend(string x, string name, string key, string value, string? bias)
    {
        var query = Heads(x, name + ".q_proj");
        var scores = g.Mul(g.MatMul(query, g.Transpose(key, 0, 1, 3, 2)), g.FloatScalar(1f / MathF.Sqrt(HeadSize)));
        if (bias is not null)
        {
            scores = g.Add(scores, bias);
        }

        var context = g.MatMul(g.Softmax(scores), value);
        return Linear(g.Reshape(g.Transpose(context, 0, 2, 1, 3), 0, 0, hidden), name + ".out_proj", hidden, hidden);
    }

    /// <summary>An int64 [batch, seq] attention mask as an additive [batch, 1, 1, seq] score bias.</summary>
    public static string PaddingBias(GraphBuilder g, string mask)
    {
        var masked = g.Sub(g.FloatScalar(1f), g.Cast(mask, TensorProto.Types.DataType.Float));
        return g.Unsqueeze(g.Mul(masked, g.FloatScalar(MaskedScore)), 1, 2);
    }

    /// <summary>A [seq, past + seq] bias that hides later positions from the queries at <paramref name="positions"/>.</summary>
    public string CausalBias(string positions, string total)
    {
        var keys = g.Unsqueeze(g.Range(g.Int64Scalar(0), total), 0);
        var later = g.Greater(keys, g.Unsqueeze(positions, 1));
        return g.Where(later, g.FloatScalar(MaskedScore), g.FloatScalar(0f));
    }
}
