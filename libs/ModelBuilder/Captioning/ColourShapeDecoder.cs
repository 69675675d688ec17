using Platform.ModelBuilder.Graphs;
using Platform.ModelBuilder.Onnx;
using Platform.ModelBuilder.Transformers;

namespace Platform.ModelBuilder.Captioning;

/// <summary>
/// Hand-set decoder: the cache holds each token's language one-hot, so every position knows the
/// forced language token; the next token is a table lookup by language, position and the
/// encoder's colour × shape probabilities: at position 0 the language code (English by default),
/// then the caption's three words, then <c>&lt;/s&gt;</c>.
/// </summary>
public sealed class ColourShapeDecoder(int vocabulary, IReadOnlyList<int> languageIds, Func<int, int, int, int, int> target)
{
    public const int Steps = 6;
    private const float Margin = 20f;
    private static readonly int Pairs = SyntheticImages.Colours.Count * SyntheticImages.Shapes.Count;

    public DecoderSpec Spec => new(1, 1, ColourShapeEncoder.Hidden, vocabulary, 1024, Seq2Seq: false);

    public IReadOnlyList<DecoderOutput> Build(GraphBuilder g, bool withPast)
    {
        var features = g.Unsqueeze(g.Gather(g.Initializer("decoder.language_embedding", [vocabulary, ColourShapeEncoder.Hidden], LanguageEmbedding), "input_ids"), 1);
        var key = withPast ? g.Concat(2, "past_key_values.0.key", features) : features;
        var value = withPast ? g.Concat(2, "past_key_values.0.value", features) : features;
        var past = withPast ? g.DimSize("past_key_values.0.key", 2) : g.Int64Scalar(0);
        var total = g.Add(past, g.DimSize("input_ids", 1));
        var positions = g.Range(past, total);
        var later = g.Greater(g.Unsqueeze(g.Range(g.Int64Scalar(0), total), 0), g.Unsqueeze(positions, 1));
        var seen = g.Cast(g.Node("Not", [later]), TensorProto.Types.DataType.Float);
        var language = g.SliceLast(g.Squeeze(g.MatMul(seen, key), 1), 0, languageIds.Count);

        // Before any language token (position 0) the table's English row applies.
        var unset = g.Sub(g.FloatScalar(1f), g.Unsqueeze(g.ReduceSum(language, 2), 2));
        float[] english = [1f, 0f, 0f, 0f];
        language = g.Add(language, g.Mul(unset, g.Floats([languageIds.Count], english)));
        var table = g.Gather(g.Initializer("decoder.next_token_table", [languageIds.Count, Steps, Pairs, vocabulary], NextTokenTable), g.Min(positions, g.Int64Scalar(Steps - 1)), 1);
        var encoded = g.ReduceMean("encoder_hidden_states", 1);
        var colours = SyntheticImages.Colours.Count;
        var pairs = g.Reshape(g.Einsum("bc,bs->bcs", g.SliceLast(encoded, 0, colours), g.SliceLast(encoded, colours, ColourShapeEncoder.Hidden)), 0, Pairs);
        return
        [
            new DecoderOutput("logits", g.Einsum("btl,ltkv,bk->btv", language, table, pairs), false),
            new DecoderOutput("present.0.key", key, false),
            new DecoderOutput("present.0.value", value, false),
        ];
    }

    private float[] LanguageEmbedding()
    {
        var values = new float[vocabulary * ColourShapeEncoder.Hidden];
        for (var l = 0; l < languageIds.Count; l++)
        {
            values[(languageIds[l] * ColourShapeEncoder.Hidden) + l] = 1f;
        }

        return values;
    }

    private float[] NextTokenTable()
    {
        var values = new float[languageIds.Count * Steps * Pairs * vocabulary];
        var shapes = SyntheticImages.Shapes.Count;
        for (var l = 0; l < languageIds.Count; l++)
        {
            for (var step = 0; step < Steps; step++)
            {
                for (var pair = 0; pair < Pairs; pair++)
                {
                    var id = target(l, step, pair / shapes, pair % shapes);
                    values[(((((l * Steps) + step) * Pairs) + pair) * vocabulary) + id] = Margin;
                }
            }
        }

        return values;
    }
}
