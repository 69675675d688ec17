using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Platform.ModelBuilder.Tests.Support;
using Platform.ModelBuilder.Tests.Tokenizers;

namespace Platform.ModelBuilder.Tests;

public sealed class RandomTextToTextTests : IDisposable
{
    private static readonly RandomModelSpec Spec = new(Seed: 3);
    private readonly TemporaryDirectory directory = new();

    public RandomTextToTextTests() => TestCheckpoints.WriteRandomTextToText(directory.Path, Spec);

    [Fact]
    public void Writes_the_optimum_file_layout_with_a_marian_tokenizer()
    {
        string[] files =
        [
            "config.json", "decoder_model.onnx", "decoder_model_merged.onnx", "decoder_with_past_model.onnx",
            "encoder_model.onnx", "generation_config.json", "source.spm", "target.spm", "vocab.json",
        ];
        CheckpointAssert.Consistent(directory.Path, files, config => (int)config["vocab_size"]!);
    }

    [Fact]
    public void Models_declare_the_optimum_seq2seq_inputs_and_outputs()
    {
        using var encoder = new OnnxModel(directory.File("encoder_model.onnx"));
        Assert.Equal(["input_ids", "attention_mask"], encoder.Inputs.Keys);
        using var decoder = new OnnxModel(directory.File("decoder_model.onnx"));
        Assert.Equal(["input_ids", "encoder_hidden_states", "encoder_attention_mask"], decoder.Inputs.Keys);
        Assert.Equal(["logits", .. Presents("decoder", "encoder")], decoder.Outputs.Keys);
        using var withPast = new OnnxModel(directory.File("decoder_with_past_model.onnx"));
        Assert.Equal(["input_ids", "encoder_attention_mask", .. Pasts()], withPast.Inputs.Keys);
        Assert.Equal(["logits", .. Presents("decoder")], withPast.Outputs.Keys);
        Assert.Equal("encoder_sequence_length_out", withPast.Inputs["past_key_values.0.encoder.key"].SymbolicDimensions[2]);
        using var merged = new OnnxModel(directory.File("decoder_model_merged.onnx"));
        Assert.Equal(["input_ids", "encoder_hidden_states", "encoder_attention_mask", .. Pasts(), "use_cache_branch"], merged.Inputs.Keys);
        Assert.Equal(decoder.Outputs.Keys, merged.Outputs.Keys);
    }

    [Fact]
    public void Cached_and_merged_decoding_match_whole_sequence_decoding()
    {
        var encoded = Encode([[5, 9, 13, 0], [7, 7, 0, 63]], [[1, 1, 1, 1], [1, 1, 1, 0]]);
        long[][] tokens = [[63, 4, 4, 20, 11], [63, 50, 1, 2, 3]];
        using var runner = new DecoderRunner(directory.Path, Spec.Layers, Spec.Heads, Spec.HiddenSize / Spec.Heads);

        var whole = runner.WholeSequence(encoded, tokens);

        LogitAssert.Close(whole, runner.StepByStep(encoded, tokens, useMerged: false));
        LogitAssert.Close(whole, runner.StepByStep(encoded, tokens, useMerged: true));
    }

    [Fact]
    public void Padded_rows_decode_as_they_do_alone()
    {
        long[][] tokens = [[63, 4, 9], [63, 4, 9]];
        using var runner = new DecoderRunner(directory.Path, Spec.Layers, Spec.Heads, Spec.HiddenSize / Spec.Heads);
        var batch = runner.WholeSequence(Encode([[5, 9, 13, 21, 0], [7, 8, 0, 63, 63]], [[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]]), tokens);
        var alone = runner.WholeSequence(Encode([[7, 8, 0]], [[1, 1, 1]]), [tokens[1]]);
        var garbagePadding = runner.WholeSequence(Encode([[7, 8, 0, 40, 41]], [[1, 1, 1, 0, 0]]), [tokens[1]]);

        LogitAssert.Close(alone, batch.Select(step => new[] { step[1] }).ToArray());
        LogitAssert.Close(alone, garbagePadding);
    }

    public void Dispose() => directory.Dispose();

    private Dictionary<string, NamedOnnxValue> Encode(long[][] ids, long[][] mask)
    {
        using var encoder = new OnnxModel(directory.File("encoder_model.onnx"));
        var hidden = encoder.Run(new Dictionary<string, NamedOnnxValue>
        {
            ["input_ids"] = Feeds.Ids("input_ids", ids),
            ["attention_mask"] = Feeds.Ids("attention_mask", mask),
        })["last_hidden_state"];
        Assert.Equal([ids.Length, ids[0].Length, Spec.HiddenSize], hidden.Dimensions.ToArray());
        return new Dictionary<string, NamedOnnxValue>
        {
            ["encoder_hidden_states"] = NamedOnnxValue.CreateFromTensor("encoder_hidden_states", (Tensor<float>)hidden),
            ["encoder_attention_mask"] = Feeds.Ids("encoder_attention_mask", mask),
        };
    }

    private static IEnumerable<string> Pasts() =>
        Enumerable.Range(0, Spec.Layers).SelectMany(i => new[] { "decoder", "encoder" }
            .SelectMany(part => new[] { $"past_key_values.{i}.{part}.key", $"past_key_values.{i}.{part}.value" }));

    private static IEnumerable<string> Presents(params string[] parts) =>
        Enumerable.Range(0, Spec.Layers).SelectMany(i => parts
            .SelectMany(part => new[] { $"present.{i}.{part}.key", $"present.{i}.{part}.value" }));
}
