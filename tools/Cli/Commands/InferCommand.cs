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
        caption.SetAction((result, cancellationToken) => Task.FromResult(Guarded(result, () =>
            Caption(captionOptions, result, result.GetValue(images)!, cancellationToken))));

        var translateOptions = new InferOptions();
        var translate = new Command("translate", "Translate stdin, one sentence per line");
        translateOptions.AddTo(translate);
        translate.SetAction((result, cancellationToken) => Task.FromResult(Guarded(result, () =>
            Translate(translateOptions, result, cancellationToken))));

        return new Command("infer", "Run a checkpoint locally") { caption, translate };
    }

    private static void Caption(InferOptions options, ParseResult result, string[] files, CancellationToken cancellationToken)
    {
        using var checkpoint = Checkpoint.Load(options.Checkpoint(result), options.CheckpointOptions(result));
        var preprocessor = checkpoint.ImagePreprocessor
            ?? throw new InvalidCheckpointException(checkpoint.Directory, "it is a text-to-text checkpoint; use 'platform infer translate'");
        var generator = new TextGenerator(checkpoint);
        for (var offset = 0; offset < files.Length; offset += MicroBatch)
        {
            var chunk = files[offset..Math.Min(files.Length, offset + MicroBatch)];
            var pixels = PixelBatch.For(preprocessor, chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                try
                {
                    pixels.Fill(i, preprocessor, File.ReadAllBytes(chunk[i]));
                }
                catch (ImageRejectedException e)
                {
                    throw new IOException($"{chunk[i]}: {e.Message}", e);
                }
            }
            var results = generator.Caption(pixels, options.Languages(result), options.Generation(result), cancellationToken);
            InferOutputLine.WriteAll(files, offset, results, result.InvocationConfiguration.Output);
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
        for (var offset = 0; offset < sentences.Count; offset += MicroBatch)
        {
            var chunk = sentences[offset..Math.Min(sentences.Count, offset + MicroBatch)];
            var results = generator.Translate(chunk, options.Languages(result), options.Generation(result), cancellationToken);
            InferOutputLine.WriteAll(sentences, offset, results, result.InvocationConfiguration.Output);
        }
    }

    /// <summary>A bad checkpoint, input or option ends the command with exit code 1 and a one-line reason.</summary>
    private static int Guarded(ParseResult result, Action run)
    {
        try
        {
            run();
            return 0;
        }
        catch (Exception e) when (e is InvalidCheckpointException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            result.InvocationConfiguration.Error.WriteLine($"platform infer: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }
}
