using Platform.Inference.Imaging;
using Platform.Inference.Tokenization;

namespace Platform.Inference.Checkpoints;

/// <summary>The non-ONNX parts of a checkpoint: tokenizer files and preprocessor_config.json.</summary>
internal static class CheckpointAssets
{
    public const string PreprocessorFile = "preprocessor_config.json";

    public static ITextTokenizer LoadTokenizer(string directory)
    {
        try
        {
            return CheckpointTokenizer.Load(directory);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidCheckpointException(directory, $"no tokenizer: {e.Message}");
        }
    }

    /// <param name="encoderDimensions">pixel_values' declared [channels, height, width]; 0 or less where dynamic.</param>
    /// <param name="imageSize">config.json's encoder image_size, which a ViT's position embeddings are built for.</param>
    public static ImagePreprocessor LoadPreprocessor(string directory, ImageLimits limits, int[] encoderDimensions, int? imageSize)
    {
        int[] expected = [encoderDimensions[0], Known(encoderDimensions[1], imageSize), Known(encoderDimensions[2], imageSize)];
        var path = Path.Combine(directory, PreprocessorFile);
        if (!File.Exists(path))
        {
            throw new InvalidCheckpointException(directory, $"missing {PreprocessorFile}");
        }
        ImagePreprocessor preprocessor;
        try
        {
            preprocessor = new ImagePreprocessor(PreprocessorConfig.Load(path), limits);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            throw new InvalidCheckpointException(directory, $"{PreprocessorFile}: {e.Message}");
        }
        int[] produced = [preprocessor.Channels, preprocessor.Height, preprocessor.Width];
        if (produced.Zip(expected).Any(pair => pair.Second > 0 && pair.First != pair.Second))
        {
            throw new InvalidCheckpointException(directory,
                $"{PreprocessorFile} produces {string.Join("x", produced)} images but the encoder takes {string.Join("x", expected)}");
        }
        return preprocessor;
    }

    private static int Known(int declared, int? configured) => declared > 0 ? declared : configured ?? 0;
}
