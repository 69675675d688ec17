using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.Inference.Tests.Support;

namespace Platform.Inference.Tests.Checkpoints;

[Collection(RandomCheckpointsCollection.Name)]
public sealed class VariantTests(RandomCheckpoints checkpoints) : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly PixelBatch pixels = Inputs.Pixels(3, RandomCheckpoints.ImageSpec.ImageSize, seed: 9);

    [Fact]
    public void A_float16_variant_takes_converted_pixels_and_gives_converted_logits()
    {
        var folder = directory.CopyOf(checkpoints.ImageToText, "fp16");
        OnnxRewrite.WithFloat16Edges(Path.Combine(folder, "encoder_model.onnx"), Path.Combine(folder, "encoder_model_fp16.onnx"), ["pixel_values"], ["last_hidden_state"]);
        OnnxRewrite.WithFloat16Edges(Path.Combine(folder, "decoder_model.onnx"), Path.Combine(folder, "decoder_model_fp16.onnx"), ["encoder_hidden_states"], ["logits"]);

        var plain = Caption(folder, null);
        var half = Caption(folder, "fp16");

        Assert.Equal(SequenceAssert.Best(plain), SequenceAssert.Best(half));
        Assert.All(plain.Zip(half), pair => Assert.Equal(pair.First[0].Score, pair.Second[0].Score, 0.01));
    }

    [Fact]
    public void Weights_in_external_data_files_are_found_beside_the_model()
    {
        var folder = directory.CopyOf(checkpoints.ImageToText, "external");
        OnnxRewrite.WithExternalData(Path.Combine(folder, "encoder_model.onnx"));
        OnnxRewrite.WithExternalData(Path.Combine(folder, "decoder_model.onnx"));

        Assert.True(new FileInfo(Path.Combine(folder, "encoder_model.onnx_data")).Length > new FileInfo(Path.Combine(folder, "encoder_model.onnx")).Length);
        SequenceAssert.Same(Caption(checkpoints.ImageToText, null), Caption(folder, null));
    }

    public void Dispose() => directory.Dispose();

    private IReadOnlyList<GeneratedSequence[]> Caption(string folder, string? variant)
    {
        using var checkpoint = Checkpoint.Load(folder, new CheckpointOptions { Variant = variant, CacheMode = CacheMode.None });
        return checkpoint.GenerateFromPixels(pixels, [null], new GenerationOptions { NumBeams = 2 }, CancellationToken.None);
    }
}
