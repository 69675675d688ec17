using System.CommandLine;
using System.Text.Json;

using Platform.Cli.Commands;

namespace Platform.Metrics.Tests.Cli;

/// <summary>Runs <c>platform score</c> in-process through the real command-line parser, on temporary files.</summary>
public sealed class ScoreCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("score-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Readme_corpus_prints_sacrebleu_numbers_as_json()
    {
        var hyp = Write("hyp.txt", "The dog bit the man.\nIt wasn't surprising.\nThe man had just bitten him.\n");
        var ref1 = Write("ref1.txt", "The dog bit the man.\nIt was not unexpected.\nThe man bit him first.\n");
        // No final newline and CRLF line ends: lines are split on "\n" and right-stripped, as sacreBLEU does.
        var ref2 = Write("ref2.txt", "The dog had bit the man.\r\nNo one was surprised.\r\nThe man had bitten the dog.");

        var (exitCode, output, _) = Run("score", "--hyp", hyp, "--ref", ref1, "--ref", ref2);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["bleu", "chrf"], root.EnumerateObject().Select(property => property.Name));
        var bleu = root.GetProperty("bleu");
        Assert.Equal("48.53", bleu.GetProperty("score").GetDouble().ToString("F2", Invariant));
        Assert.Equal([14, 7, 5, 3], bleu.GetProperty("counts").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([17, 14, 11, 8], bleu.GetProperty("totals").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(4, bleu.GetProperty("precisions").GetArrayLength());
        Assert.Equal("0.943", bleu.GetProperty("bp").GetDouble().ToString("F3", Invariant));
        Assert.Equal(17, bleu.GetProperty("sys_len").GetInt32());
        Assert.Equal(18, bleu.GetProperty("ref_len").GetInt32());
        Assert.Equal("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.0", bleu.GetProperty("signature").GetString());
        Assert.Equal("59.73", root.GetProperty("chrf").GetProperty("score").GetDouble().ToString("F2", Invariant));
    }

    [Fact]
    public void Requested_metrics_only_with_tokenizer_and_lowercase()
    {
        var hyp = Write("hyp.txt", "A Man Rides a horse.\n\n");
        var reference = Write("ref.txt", "a man riding a horse\nTwo dogs.\n");

        var (exitCode, output, error) = Run(
            "score", "--hyp", hyp, "--ref", reference, "--metrics", "bleu,chrf++,coco-bleu,cider,rouge-l", "--tokenize", "intl", "--lowercase");

        Assert.Equal(0, exitCode);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["bleu", "chrf++", "coco_bleu", "cider", "rouge_l"], root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("nrefs:1|case:lc|eff:no|tok:intl|smooth:exp|version:2.4.0", root.GetProperty("bleu").GetProperty("signature").GetString());
        Assert.Equal(["bleu1", "bleu2", "bleu3", "bleu4"], root.GetProperty("coco_bleu").EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("cider").GetProperty("score").GetDouble() > 0);
        // The empty second hypothesis is scored, and reported.
        Assert.Contains("1 of 2 hypotheses are empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_line_counts_fail_with_one_line_on_stderr()
    {
        var hyp = Write("hyp.txt", "a\nb\nc\n");
        var reference = Write("ref.txt", "a\nb\n");

        var (exitCode, output, error) = Run("score", "--hyp", hyp, "--ref", reference);

        Assert.NotEqual(0, exitCode);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains("has 3 lines but", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_text_as_in_sacrebleu()
    {
        // sacreBLEU opens files as "utf-8", which keeps U+FEFF: it sticks to the first token, which then no longer matches.
        var hyp = Write("hyp.txt", "\ufeffhello world\n");
        var reference = Write("ref.txt", "hello world\n");

        var (_, output, _) = Run("score", "--hyp", hyp, "--ref", reference, "--metrics", "bleu");

        var counts = JsonDocument.Parse(output).RootElement.GetProperty("bleu").GetProperty("counts");
        Assert.Equal([1, 0, 0, 0], counts.EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void A_missing_file_fails_cleanly()
    {
        var (exitCode, _, error) = Run("score", "--hyp", Path.Combine(directory, "absent.txt"), "--ref", Write("ref.txt", "a\n"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("absent.txt", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--metrics", "bleu,meteor", "Unknown metric 'meteor'")]
    [InlineData("--tokenize", "zh", "zh")]
    public void Bad_options_fail(string option, string value, string message)
    {
        var hyp = Write("hyp.txt", "a\n");

        var (exitCode, _, error) = Run("score", "--hyp", hyp, "--ref", hyp, option, value);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { ScoreCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private static readonly IFormatProvider Invariant = System.Globalization.CultureInfo.InvariantCulture;
}
