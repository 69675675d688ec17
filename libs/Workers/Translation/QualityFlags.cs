using System.Globalization;
using Microsoft.Extensions.Options;

namespace Platform.Workers.Translation;

/// <summary>Judges one translation against its source; the flags are stored with the result for people to filter on.</summary>
public sealed class QualityFlags(IOptions<TranslationQualityOptions> options)
{
    public IReadOnlyList<string> Of(string source, string translation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(translation);
        if (string.IsNullOrWhiteSpace(translation))
        {
            return [QualityFlag.Empty];
        }
        var bounds = options.Value;
        var flags = new List<string>();
        if (string.Equals(Normalized(source), Normalized(translation), StringComparison.OrdinalIgnoreCase))
        {
            flags.Add(QualityFlag.IdenticalToSource);
        }
        var sourceLength = new StringInfo(source.Trim()).LengthInTextElements;
        var ratio = (double)new StringInfo(translation.Trim()).LengthInTextElements / sourceLength;
        if (sourceLength >= bounds.MinSourceCharactersForRatio && (ratio < bounds.MinLengthRatio || ratio > bounds.MaxLengthRatio))
        {
            flags.Add(QualityFlag.LengthRatio);
        }
        var run = RepeatedNgrams.LongestRun(translation, bounds.LoopMaxNgram);
        if (run >= bounds.LoopMinRepeats && run > RepeatedNgrams.LongestRun(source, bounds.LoopMaxNgram))
        {
            flags.Add(QualityFlag.RepeatedNgramLoop);
        }
        return flags;
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
