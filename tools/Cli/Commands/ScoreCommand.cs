using System.CommandLine;
using System.Text.Json;

using Platform.Metrics;
using Platform.Metrics.Evaluation;
using Platform.Metrics.Tokenizers;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform score --hyp FILE --ref FILE [--ref FILE]... [--metrics ...] [--tokenize ...] [--lowercase]</c>:
/// scores line-aligned files as sacreBLEU and the COCO caption evaluation would and prints one JSON object.
/// </summary>
public static class ScoreCommand
{
    // Relaxed escaping keeps "chrf++" and non-ASCII signatures readable; the output is not embedded in HTML.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var hypothesis = new Option<FileInfo>("--hyp") { Required = true, Description = "Hypotheses, one segment per line." };
        var references = new Option<FileInfo[]>("--ref")
        {
            Required = true,
            Description = "References, line-aligned with --hyp; repeat for several reference sets.",
        };
        var metrics = new Option<string>("--metrics")
        {
            DefaultValueFactory = _ => MetricNames.Default,
            Description = $"Comma-separated, of: {string.Join(",", MetricNames.All)}.",
        };
        var tokenize = new Option<string>("--tokenize") { DefaultValueFactory = _ => BleuTokenizers.Default, Description = "BLEU's tokenizer." };
        tokenize.AcceptOnlyFromAmong([.. BleuTokenizers.Names]);
        hypothesis.AcceptExistingOnly();
        references.AcceptExistingOnly();
        var lowercase = new Option<bool>("--lowercase") { Description = "Case-insensitive BLEU and chrF." };

        var command = new Command("score", "Score hypotheses against references (BLEU, chrF, chrF++, COCO BLEU, CIDEr-D, ROUGE-L).")
        {
            hypothesis, references, metrics, tokenize, lowercase,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.GetRequiredValue(hypothesis).FullName,
            [.. parseResult.GetRequiredValue(references).Select(file => file.FullName)],
            parseResult.GetRequiredValue(metrics),
            parseResult.GetRequiredValue(tokenize),
            parseResult.GetValue(lowercase),
            parseResult.InvocationConfiguration,
            cancellationToken)));
        return command;
    }

    private static int Run(
        string hypothesisPath,
        string[] referencePaths,
        string metrics,
        string tokenize,
        bool lowercase,
        InvocationConfiguration console,
        CancellationToken cancellationToken)
    {
        try
        {
            var evaluator = new CorpusEvaluator(new EvaluationOptions(MetricNames.Parse(metrics), tokenize, lowercase));
            CheckLineCounts(hypothesisPath, referencePaths);
            Feed(evaluator, hypothesisPath, referencePaths, cancellationToken);
            var result = evaluator.Result();
            if (result.Counts.EmptyHypotheses > 0)
            {
                console.Error.WriteLine(
                    $"note: {result.Counts.EmptyHypotheses} of {result.Counts.Segments} hypotheses are empty; they are scored, not dropped.");
            }

            console.Output.WriteLine(ScoreJson.From(result).ToJsonString(JsonOptions));
            return 0;
        }
        catch (Exception exception) when (exception is MetricInputException or ArgumentException or IOException
            or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {exception.Message}");
            return 1;
        }
    }

    private static void Feed(
        CorpusEvaluator evaluator, string hypothesisPath, string[] referencePaths, CancellationToken cancellationToken)
    {
        var referenceLines = referencePaths.Select(path => SegmentFile.Read(path).GetEnumerator()).ToArray();
        try
        {
            foreach (var hypothesis in SegmentFile.Read(hypothesisPath))
            {
                cancellationToken.ThrowIfCancellationRequested();
                evaluator.Add(hypothesis, [.. referenceLines.Select(lines => lines.MoveNext() ? lines.Current : null)]);
            }
        }
        finally
        {
            foreach (var lines in referenceLines)
            {
                lines.Dispose();
            }
        }
    }

    private static void CheckLineCounts(string hypothesisPath, string[] referencePaths)
    {
        var hypothesisLines = SegmentFile.Read(hypothesisPath).LongCount();
        foreach (var path in referencePaths)
        {
            var referenceLines = SegmentFile.Read(path).LongCount();
            if (referenceLines != hypothesisLines)
            {
                throw new MetricInputException(
                    $"{hypothesisPath} has {hypothesisLines} lines but {path} has {referenceLines}; the files must be line-aligned.");
            }
        }
    }
}
