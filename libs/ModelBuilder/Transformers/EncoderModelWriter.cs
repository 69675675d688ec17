using Platform.ModelBuilder.Graphs;
using Platform.ModelBuilder.Onnx;

namespace Platform.ModelBuilder.Transformers;

/// <summary>Writes <c>encoder_model.onnx</c> for a random ViT-like (patches) or Marian-like (tokens) encoder.</summary>
public static class EncoderModelWriter
{
    private const TensorProto.Types.DataType Float = TensorProto.Types.DataType.Float;

    public static void WriteImage(string path, WeightBank weights, RandomModelSpec spec)
    {
        var g = new GraphBuilder("encoder_model");
        var pixels = g.Input("pixel_values", Float, "batch_size", 3, "height", "width");
        var patch = spec.PatchSize;
        var kernel = weights.Random(g, "encoder.patch_embeddings.weight", 1f / MathF.Sqrt(3 * patch * patch), 0f, spec.HiddenSize, 3, patch, patch);
        var bias = weights.Random(g, "encoder.patch_embeddings.bias", 0.1f, 0f, spec.HiddenSize);
        var patches = g.Node("Conv", [pixels, kernel, bias], Attr.Ints("kernel_shape", patch, patch), Attr.Ints("strides", patch, patch));
        var sequence = g.Transpose(g.Reshape(patches, 0, spec.HiddenSize, -1), 0, 2, 1);
        var count = (spec.ImageSize / patch) * (spec.ImageSize / patch);
        var hidden = g.Add(sequence, weights.Random(g, "encoder.position_embeddings", 1f, 0f, count, spec.HiddenSize));
        Finish(g, weights, spec, hidden, bias: null, path);
    }

    public static void WriteText(string path, WeightBank weights, RandomModelSpec spec)
    {
        var g = new GraphBuilder("encoder_model");
        var ids = g.Input("input_ids", TensorProto.Types.DataType.Int64, "batch_size", "encoder_sequence_length");
        var mask = g.Input("attention_mask", TensorProto.Types.DataType.Int64, "batch_size", "encoder_sequence_length");
        var tokens = weights.Random(g, "encoder.embed_tokens", 1f, 0f, spec.VocabularySize, spec.HiddenSize);
        var positions = weights.Random(g, "encoder.embed_positions", 1f, 0f, spec.MaxPositions, spec.HiddenSize);
        var indices = g.Range(g.Int64Scalar(0), g.DimSize(ids, 1));
        var hidden = g.Add(g.Gather(tokens, ids), g.Gather(positions, indices));
        Finish(g, weights, spec, hidden, TransformerLayers.PaddingBias(g, mask), path);
    }

    private static void Finish(GraphBuilder g, WeightBank weights, RandomModelSpec spec, string hidden, string? bias, string path)
    {
        var layers = new TransformerLayers(g, weights, spec.HiddenSize, spec.Heads);
        for (var i = 0; i < spec.Layers; i++)
        {
            var name = $"encoder.layers.{i}";
            hidden = g.Add(hidden, layers.SelfAttention(layers.LayerNorm(hidden, name + ".self_attn_layer_norm"), name + ".self_attn", past: null, bias).Output);
            hidden = g.Add(hidden, layers.Mlp(layers.LayerNorm(hidden, name + ".final_layer_norm"), name + ".mlp"));
        }

        g.Output(layers.LayerNorm(hidden, "encoder.layer_norm"), "last_hidden_state", Float, ["batch_size", "encoder_sequence_length", spec.HiddenSize]);
        OnnxModelFile.Write(g, path);
    }
}
