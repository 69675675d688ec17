using Platform.ModelBuilder.Graphs;
using Platform.ModelBuilder.Onnx;

namespace Platform.ModelBuilder.Transformers;

/// <summary>Writes optimum's three decoder files around a decoder body (random or hand-set).</summary>
public static class DecoderModelWriter
{
    private const TensorProto.Types.DataType Float = TensorProto.Types.DataType.Float;
    private const TensorProto.Types.DataType Int64 = TensorProto.Types.DataType.Int64;

    /// <summary>Writes decoder_model.onnx, decoder_with_past_model.onnx and decoder_model_merged.onnx.</summary>
    public static void WriteAll(string directory, DecoderSpec spec, DecoderBodyFactory body)
    {
        Write(Path.Combine(directory, "decoder_model.onnx"), spec, DecoderVariant.NoPast, body);
        Write(Path.Combine(directory, "decoder_with_past_model.onnx"), spec, DecoderVariant.WithPast, body);
        Write(Path.Combine(directory, "decoder_model_merged.onnx"), spec, DecoderVariant.Merged, body);
    }

    public static void Write(string path, DecoderSpec spec, DecoderVariant variant, DecoderBodyFactory body)
    {
        var g = new GraphBuilder(Path.GetFileNameWithoutExtension(path));
        g.Input("input_ids", Int64, "batch_size", variant == DecoderVariant.WithPast ? 1 : "decoder_sequence_length");
        if (!(spec.Seq2Seq && variant == DecoderVariant.WithPast))
        {
            g.Input("encoder_hidden_states", Float, "batch_size", "encoder_sequence_length", spec.Hidden);
        }

        if (spec.Seq2Seq)
        {
            g.Input("encoder_attention_mask", Int64, "batch_size", "encoder_sequence_length");
        }

        if (variant != DecoderVariant.NoPast)
        {
            DeclarePast(g, spec);
        }

        if (variant == DecoderVariant.Merged)
        {
            g.Input("use_cache_branch", TensorProto.Types.DataType.Bool, 1);
        }

        var selfLength = variant switch
        {
            DecoderVariant.NoPast => "decoder_sequence_length",
            DecoderVariant.WithPast => "past_decoder_sequence_length + 1",
            _ => "past_decoder_sequence_length + decoder_sequence_length",
        };
        var outputs = variant == DecoderVariant.Merged
            ? MergedOutputs(g, body)
            : body(g, variant == DecoderVariant.WithPast)
                .Where(output => !(variant == DecoderVariant.WithPast && output.IsEncoderCache))
                .ToList();
        foreach (var output in outputs)
        {
            Dim[] dims = output.Name == "logits"
                ? ["batch_size", "decoder_sequence_length", spec.Vocabulary]
                : ["batch_size", spec.Heads, output.IsEncoderCache ? "encoder_sequence_length_out" : selfLength, spec.HeadSize];
            g.Output(output.Value, output.Name, Float, dims);
        }

        OnnxModelFile.Write(g, path);
    }

    private static void DeclarePast(GraphBuilder g, DecoderSpec spec)
    {
        for (var i = 0; i < spec.Layers; i++)
        {
            foreach (var kind in new[] { "key", "value" })
            {
                g.Input(spec.SelfCache("past_key_values", i, kind), Float, "batch_size", spec.Heads, "past_decoder_sequence_length", spec.HeadSize);
            }

            if (spec.Seq2Seq)
            {
                foreach (var kind in new[] { "key", "value" })
                {
                    g.Input(DecoderSpec.CrossCache("past_key_values", i, kind), Float, "batch_size", spec.Heads, "encoder_sequence_length_out", spec.HeadSize);
                }
            }
        }
    }

    /// <summary>
    /// An <c>If</c> on <c>use_cache_branch</c>; in the cached branch the encoder presents are the
    /// encoder caches passed through (the caller keeps its own).
    /// </summary>
    private static List<DecoderOutput> MergedOutputs(GraphBuilder g, DecoderBodyFactory body)
    {
        var withPast = Branch(g, "with_past", body, withPast: true);
        var noPast = Branch(g, "no_past", body, withPast: false);
        var results = g.Nodes("If", ["use_cache_branch"], noPast.Outputs.Count, Attr.Graph("then_branch", withPast.Graph), Attr.Graph("else_branch", noPast.Graph));
        return noPast.Outputs.Select((output, index) => output with { Value = results[index] }).ToList();
    }

    private static (GraphProto Graph, IReadOnlyList<DecoderOutput> Outputs) Branch(GraphBuilder g, string name, DecoderBodyFactory body, bool withPast)
    {
        var branch = g.Subgraph(name);
        var outputs = body(branch, withPast);
        foreach (var output in outputs)
        {
            branch.Output(output.Value, $"{name}/{output.Name}", Float, dims: null);
        }

        return (branch.Build(), outputs);
    }
}
