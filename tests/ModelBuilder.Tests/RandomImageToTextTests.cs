using Microsoft.ML.OnnxRuntime;
using Platform.ModelBuilder.Tests.Support;
using Platform.ModelBuilder.Tests.Tokenizers;

namespace Platform.ModelBuilder.Tests;

public sealed class RandomImageToTextTests : IDisposable
{
    private static readonly RandomModelSpec Spec = new();
    private readonly TemporaryDirectory directory = new();

    public RandomImageToTextTests() => TestCheckpoints.WriteRandomImageToText(directory.Path, Spec);

    [Fact]
    public void Writes_the_optimum_file_layout_with_a_gpt2_tokenizer()
    {
        string[] files =
        [
            "config.json", "decoder_model.onnx", "decoder_model_merged.onnx", "decoder_with_past_model.onnx",
            "encoder_model.onnx", "generation_config.json", "preprocessor_config.json", "vocab.json", "merges.txt",
        ];
        CheckpointAssert.Consistent(directory.Path, files, config => (int)config["decoder"]!["vocab_size"]!);
    }

    [Fact]
    public void Models_declare_the_optimum_inputs_and_outputs()
    {
        using var encoder = new OnnxModel(directory.File("encoder_model.onnx"));
        Assert.Equal(["pixel_values"], encoder.Inputs.Keys);
        Assert.Equal(["last_hidden_state"], encoder.Outputs.Keys);
        using var withPast = new OnnxModel(directory.File("decoder_with_past_model.onnx"));
        Assert.Equal(
            ["input_ids", "encoder_hidden_states", "past_key_values.0.key", "past_key_values.0.value", "past_key_values.1.key", "past_key_values.1.value"],
            withPast.Inputs.Keys);
        Assert.Equal(["logits", "present.0.key", "present.0.value", "present.1.key", "present.1.value"], withPast.Outputs.Keys);
        Assert.Equal([-1, 2, -1, 16], withPast.Inputs["past_key_values.1.value"].Dimensions);
        Assert.Equal("past_decoder_sequence_length", withPast.Inputs["past_key_values.1.value"].SymbolicDimensions[2]);
        using var merged = new OnnxModel(directory.File("decoder_model_merged.onnx"));
        Assert.Equal("use_cache_branch", merged.Inputs.Keys.Last());
        Assert.Equal(withPast.Outputs.Keys, merged.Outputs.Keys);
    }

    [Fact]
    public void Cached_and_merged_decoding_match_whole_sequence_decoding() => AssertCachedDecodingMatches(directory.Path, Spec);

    [Fact]
    public void A_larger_spec_also_decodes_identically_with_a_cache()
    {
        using var larger = new TemporaryDirectory();
        var spec = new RandomModelSpec(Seed: 4, Layers: 3, Heads: 4, HiddenSize: 64, ImageSize: 48, PatchSize: 16);
        TestCheckpoints.WriteRandomImageToText(larger.Path, spec);
        AssertCachedDecodingMatches(larger.Path, spec);
    }

    private static void AssertCachedDecodingMatches(string path, RandomModelSpec spec)
    {
        using var encoder = new OnnxModel(Path.Combine(path, "encoder_model.onnx"));
        var pixels = Feeds.Random(7, 2, 3, spec.ImageSize, spec.ImageSize);
        var hidden = encoder.Run(new Dictionary<string, NamedOnnxValue> { ["pixel_values"] = Feeds.Floats("pixel_values", pixels) })["last_hidden_state"];
        var patches = spec.ImageSize / spec.PatchSize;
        Assert.Equal([2, patches * patches, spec.HiddenSize], hidden.Dimensions.ToArray());
        var encoded = new Dictionary<string, NamedOnnxValue> { ["encoder_hidden_states"] = Feeds.Floats("encoder_hidden_states", hidden) };
        long[][] tokens = [[63, 5, 17, 42, 8, 8], [63, 30, 2, 2, 61, 0]];
        using var runner = new DecoderRunner(path, spec.Layers, spec.Heads, spec.HiddenSize / spec.Heads);

        var whole = runner.WholeSequence(encoded, tokens);

        LogitAssert.Close(whole, runner.StepByStep(encoded, tokens, useMerged: false));
        LogitAssert.Close(whole, runner.StepByStep(encoded, tokens, useMerged: true));
    }

    [Fact]
    public void The_same_seed_writes_identical_files_and_another_seed_does_not()
    {
        using var again = new TemporaryDirectory();
        using var other = new TemporaryDirectory();
        TestCheckpoints.WriteRandomImageToText(again.Path, Spec);
        TestCheckpoints.WriteRandomImageToText(other.Path, Spec with { Seed = 2 });
        foreach (var file in Directory.GetFiles(directory.Path).Select(Path.GetFileName))
        {
            Assert.Equal(File.ReadAllBytes(directory.File(file!)), File.ReadAllBytes(again.File(file!)));
        }

        Assert.NotEqual(File.ReadAllBytes(directory.File("decoder_model.onnx")), File.ReadAllBytes(other.File("decoder_model.onnx")));
    }

    public void Dispose() => directory.Dispose();
}
