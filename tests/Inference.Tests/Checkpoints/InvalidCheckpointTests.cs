using Platform.Inference.Checkpoints;
using Platform.Inference.Tests.Support;

namespace Platform.Inference.Tests.Checkpoints;

[Collection(RandomCheckpointsCollection.Name)]
public sealed class InvalidCheckpointTests(RandomCheckpoints checkpoints) : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void A_missing_folder_is_rejected() =>
        Reject(directory.File("nowhere"), "the folder does not exist");

    [Fact]
    public void A_missing_encoder_is_rejected()
    {
        var folder = directory.CopyOf(checkpoints.ImageToText, "no-encoder");
        File.Delete(Path.Combine(folder, "encoder_model.onnx"));

        Reject(folder, "missing encoder_model.onnx (variants present: none)");
    }

    [Fact]
    public void A_missing_variant_names_the_variants_present() =>
        Reject(checkpoints.ImageToText, "missing encoder_model_fp16.onnx (variants present: default)", new CheckpointOptions { Variant = "fp16" });

    [Fact]
    public void A_missing_config_is_rejected()
    {
        var folder = directory.CopyOf(checkpoints.TextToText, "no-config");
        File.Delete(Path.Combine(folder, "config.json"));

        Reject(folder, "missing config.json");
    }

    [Fact]
    public void A_decoder_without_input_ids_is_rejected()
    {
        var folder = directory.CopyOf(checkpoints.ImageToText, "bad-decoder");
        File.Copy(Path.Combine(folder, "encoder_model.onnx"), Path.Combine(folder, "decoder_model.onnx"), overwrite: true);

        Reject(folder, "decoder_model.onnx inputs lack input_ids (inputs: pixel_values)", new CheckpointOptions { CacheMode = CacheMode.None });
    }

    [Fact]
    public void A_first_decoder_without_the_presents_the_cache_needs_is_rejected()
    {
        var folder = directory.CopyOf(checkpoints.TextToText, "no-presents");
        File.Copy(Path.Combine(folder, "decoder_with_past_model.onnx"), Path.Combine(folder, "decoder_model.onnx"), overwrite: true);

        Reject(folder, "decoder_model.onnx does not output present.0.encoder.key, needed to start the cache", new CheckpointOptions { CacheMode = CacheMode.WithPast });
    }

    [Fact]
    public void A_decoder_without_past_inputs_cannot_serve_as_the_cached_decoder()
    {
        var folder = directory.CopyOf(checkpoints.TextToText, "no-past");
        File.Copy(Path.Combine(folder, "decoder_model.onnx"), Path.Combine(folder, "decoder_with_past_model.onnx"), overwrite: true);

        Reject(folder, "decoder_with_past_model.onnx has no past_key_values inputs", new CheckpointOptions { CacheMode = CacheMode.WithPast });
    }

    [Fact]
    public void A_corrupt_model_file_is_rejected()
    {
        var folder = directory.CopyOf(checkpoints.TextToText, "corrupt");
        File.WriteAllBytes(Path.Combine(folder, "decoder_model_merged.onnx"), [1, 2, 3, 4]);

        Reject(folder, "cannot load decoder_model_merged.onnx");
    }

    [Fact]
    public void A_folder_without_tokenizer_files_is_rejected()
    {
        var folder = directory.CopyOf(checkpoints.TextToText, "no-tokenizer");
        foreach (var file in new[] { "source.spm", "target.spm", "vocab.json" })
        {
            File.Delete(Path.Combine(folder, file));
        }

        Reject(folder, "no tokenizer: ");
    }

    [Fact]
    public void An_image_checkpoint_without_preprocessor_config_is_rejected()
    {
        var folder = directory.CopyOf(checkpoints.ImageToText, "no-preprocessor");
        File.Delete(Path.Combine(folder, "preprocessor_config.json"));

        Reject(folder, "missing preprocessor_config.json");
    }

    [Fact]
    public void A_preprocessor_size_that_the_encoder_does_not_take_is_rejected()
    {
        var folder = directory.CopyOf(checkpoints.ImageToText, "wrong-size");
        File.WriteAllText(Path.Combine(folder, "preprocessor_config.json"), """{"size": {"height": 48, "width": 48}}""");

        Reject(folder, "preprocessor_config.json produces 3x48x48 images but the encoder takes 3x32x32");
    }

    public void Dispose() => directory.Dispose();

    private static void Reject(string folder, string reason, CheckpointOptions? options = null)
    {
        var error = Assert.Throws<InvalidCheckpointException>(() => Checkpoint.Load(folder, options));
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
