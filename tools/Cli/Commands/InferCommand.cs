using System.CommandLine;
using Platform.Inference;
using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.Inference.Imaging;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform infer caption|translate</c>: runs a checkpoint on images or on stdin lines and prints one
/// JSON object per input and language, in input order, then language order.
/// </summary>
internal static class InferCommand
{
    private const int MicroBatch = 16;

    public static Command Create()
    {
        var captionOptions = new InferOptions();
        var images = new Argument<string[]>("IMAGE") { Description = "Image files", Arity = ArgumentArity.OneOrMore };
        var caption = new Command("caption", "Caption images") { images };
        captionOptions.AddTo(caption);
        caption.SetAction((result, cancellationToken) => Task.FromResult(Guarded(() =>
            Caption(captionOptions, result, result.GetValue(images)!, cancellationToken))));

        var translateOptions = new InferOptions();
        var translate = new Command("translate", "Translate stdin, one sentence per line");
        translateOptions.AddTo(translate);
        translate.SetAction((result, cancellationToken) => Task.FromResult(Guarded(() =>
            Translate(translateOptions, result, cancellationToken))));

        return new Command("infer", "Run a checkpoint locally") { caption, translate };
    }

    private static void Caption(InferOptions options, ParseResult result, string[] files, CancellationToken cancellationToken)
    {
        using var checkpoint = Checkpoint.Load(options.Checkpoint(result), options.CheckpointOptions(result));
        var preprocessor = checkpoint.ImagePreprocessor
            ?? throw new InvalidCheckpointException(checkpoint.Directory, "it is a text-to-text checkpoint; use 'platform infer translate'");
        var generator = new TextGenerator(checkpoint);
        foreach (var chunk in files.Chunk(MicroBatch).Select((chunk, index) => (chunk, offset: index * MicroBatch)))
        {
            var pixels = new PixelBatch(new float[chunk.chunk.Length * 3 * preprocessor.Height * preprocessor.Width],
                chunk.chunk.Length, preprocessor.Channels, preprocessor.Height, preprocessor.Width);
            for (var i = 0; i < chunk.chunk.Length; i++)
            {
                var file = chunk.chunk[i];
                try
                {
                    preprocessor.Preprocess(File.ReadAllBytes(file), pixels.Values.AsSpan(i * pixels.ImageLength, pixels.ImageLength));
                }
                catch (ImageRejectedException e)
                {
                    throw new IOException($"{file}: {e.Message}", e);
                }
            }
            var results = generator.Caption(pixels, options.Languages(result), options.Generation(result), cancellationToken);
            InferOutputLine.WriteAll(files, chunk.offset, results, Console.Out);
        }
    }

    private static void Translate(InferOptions options, ParseResult result, CancellationToken cancellationToken)
    {
        using var checkpoint = Checkpoint.Load(options.Checkpoint(result), options.CheckpointOptions(result));
        if (checkpoint.Kind != CheckpointKind.TextToText)
        {
            throw new InvalidCheckpointException(checkpoint.Directory, "it is an image-to-text checkpoint; use 'platform infer caption'");
        }
        var generator = new TextGenerator(checkpoint);
        var sentences = new List<string>();
        while (Console.In.ReadLine() is { } line)
        {
            sentences.Add(line);
        }
        foreach (var (chunk, index) in sentences.Chunk(MicroBatch).Select((chunk, index) => (chunk, index)))
        {
            var results = generator.Translate(chunk, options.Languages(result), options.Generation(result), cancellationToken);
            InferOutputLine.WriteAll(sentences, index * MicroBatch, results, Console.Out);
        }
    }

    /// <summary>A bad checkpoint, input or option ends the command with exit code 1 and a one-line reason.</summary>
    private static int Guarded(Action run)
    {
        try
        {
            run();
            return 0;
        }
        catch (Exception e) when (e is InvalidCheckpointException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"platform infer: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }
}
