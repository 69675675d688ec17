using System.CommandLine;
using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;

namespace Platform.Cli.Commands;

/// <summary>The options <c>platform infer caption</c> and <c>platform infer translate</c> share.</summary>
internal sealed class InferOptions
{
    private static readonly string?[] DefaultLanguage = [null];

    private readonly Option<string> checkpoint = new("--checkpoint") { Description = "Checkpoint folder (optimum ONNX layout)", Required = true };
    private readonly Option<string[]> languages = new("--lang") { Description = "Target language code (e.g. es_XX); repeat for several" };
    private readonly Option<int?> numBeams = new("--num-beams") { Description = "Beam count (1: greedy)" };
    private readonly Option<float?> lengthPenalty = new("--length-penalty") { Description = "Exponent of the length normalisation of beam scores" };
    private readonly Option<int?> maxLength = new("--max-length") { Description = "Maximum decoder length, start token included" };
    private readonly Option<int?> minLength = new("--min-length") { Description = "Minimum decoder length before EOS is allowed" };
    private readonly Option<int?> noRepeatNgramSize = new("--no-repeat-ngram-size") { Description = "Ban repeating n-grams of this size" };
    private readonly Option<bool> noCache = new("--no-cache") { Description = "Recompute the whole prefix every step instead of using the KV cache" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { checkpoint, languages, numBeams, lengthPenalty, maxLength, minLength, noRepeatNgramSize, noCache })
        {
            command.Options.Add(option);
        }
    }

    public string Checkpoint(ParseResult result) => result.GetValue(checkpoint)!;

    public CheckpointOptions CheckpointOptions(ParseResult result) =>
        new() { CacheMode = result.GetValue(noCache) ? CacheMode.None : CacheMode.Auto };

    /// <summary>The requested languages, or the checkpoint's default (null) when none is given.</summary>
    public IReadOnlyList<string?> Languages(ParseResult result) =>
        result.GetValue(languages) is { Length: > 0 } codes ? codes : DefaultLanguage;

    public GenerationOptions Generation(ParseResult result) => new()
    {
        NumBeams = result.GetValue(numBeams),
        LengthPenalty = result.GetValue(lengthPenalty),
        MaxLength = result.GetValue(maxLength),
        MinLength = result.GetValue(minLength),
        NoRepeatNgramSize = result.GetValue(noRepeatNgramSize),
    };
}
