using Platform.ModelBuilder.Graphs;

namespace Platform.ModelBuilder.Transformers;

/// <summary>
/// The computation of a random decoder: embeddings with learned positions offset by the past
/// length, per layer causal self-attention (cached), cross-attention, GELU MLP, then a final norm
/// and the LM head. Reads the graph inputs by their optimum names.
/// </summary>
public static class DecoderBody
{
    public static IReadOnlyList<DecoderOutput> Build(GraphBuilder g, WeightBank weights, DecoderSpec spec, bool withPast)
    {
        var layers = new TransformerLayers(g, weights, spec.Hidden, spec.Heads);
        var length = g.DimSize("input_ids", 1);
        var past = withPast ? g.DimSize(spec.SelfCache("past_key_values", 0, "key"), 2) : g.Int64Scalar(0);
        var total = g.Add(past, length);
        var positions = g.Range(past, total);
        var tokens = weights.Random(g, "decoder.embed_tokens", 1f, 0f, spec.Vocabulary, spec.Hidden);
        var learnedPositions = weights.Random(g, "decoder.embed_positions", 1f, 0f, spec.MaxPositions, spec.Hidden);
        var hidden = g.Add(g.Gather(tokens, "input_ids"), g.Gather(learnedPositions, positions));
        var causal = layers.CausalBias(positions, total);
        var encoderBias = spec.Seq2Seq ? TransformerLayers.PaddingBias(g, "encoder_attention_mask") : null;
        var outputs = new List<DecoderOutput>();
        var presents = new List<DecoderOutput>();
        for (var i = 0; i < spec.Layers; i++)
        {
            var name = $"decoder.layers.{i}";
            var selfPast = withPast
                ? (spec.SelfCache("past_key_values", i, "key"), spec.SelfCache("past_key_values", i, "value"))
                : ((string, string)?)null;
            var attention = layers.SelfAttention(layers.LayerNorm(hidden, name + ".self_attn_layer_norm"), name + ".self_attn", selfPast, causal);
            hidden = g.Add(hidden, attention.Output);
            presents.Add(new DecoderOutput(spec.SelfCache("present", i, "key"), attention.Key, false));
            presents.Add(new DecoderOutput(spec.SelfCache("present", i, "value"), attention.Value, false));

            var (crossKey, crossValue) = spec.Seq2Seq && withPast
                ? (DecoderSpec.CrossCache("past_key_values", i, "key"), DecoderSpec.CrossCache("past_key_values", i, "value"))
                : (layers.Heads("encoder_hidden_states", name + ".encoder_attn.k_proj"), layers.Heads("encoder_hidden_states", name + ".encoder_attn.v_proj"));
            if (spec.Seq2Seq)
            {
                presents.Add(new DecoderOutput(DecoderSpec.CrossCache("present", i, "key"), crossKey, true));
                presents.Add(new DecoderOutput(DecoderSpec.CrossCache("present", i, "value"), crossValue, true));
            }

            var normed = layers.LayerNorm(hidden, name + ".encoder_attn_layer_norm");
            hidden = g.Add(hidden, layers.Attend(normed, name + ".encoder_attn", crossKey, crossValue, encoderBias));
            hidden = g.Add(hidden, layers.Mlp(layers.LayerNorm(hidden, name + ".final_layer_norm"), name + ".mlp"));
        }

        var head = weights.Matrix(g, "lm_head", spec.Hidden, spec.Vocabulary);
        outputs.Add(new DecoderOutput("logits", g.MatMul(layers.LayerNorm(hidden, "decoder.layer_norm"), head), false));
        outputs.AddRange(presents);
        return outputs;
    }
}
