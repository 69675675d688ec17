using System.CommandLine;
using System.Text.Json;
using Platform.Cli.Commands;
using Platform.Inference.Tests.Support;
using Platform.ModelBuilder;
using Platform.ModelBuilder.Translation;

namespace Platform.Inference.Tests.Cli;

public sealed class InferCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void Caption_prints_one_json_line_per_image_and_language_in_order()
    {
        var captioner = directory.File("captioner");
        TestCheckpoints.WriteColourShapeCaptioner(captioner);
        var red = Image("red", "circle");
        var blue = Image("blue", "triangle");

        var (code, output, _) = Invoke(["caption", "--checkpoint", captioner, "--lang", "de_DE", "--lang", "es_XX", "--num-beams", "2", red, blue]);

        Assert.Equal(0, code);
        var lines = output.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(
            [(red, "de_DE"), (red, "es_XX"), (blue, "de_DE"), (blue, "es_XX")],
            lines.Select(line => (line.GetProperty("input").GetString(), line.GetProperty("language").GetString())));
        Assert.Equal(SyntheticImages.ExpectedCaption("blue", "triangle", "es_XX"), lines[3].GetProperty("text").GetString());
        Assert.Equal(2, lines[0].GetProperty("token_ids")[0].GetInt32());
        Assert.True(lines[0].GetProperty("score").GetDouble() <= 0);
    }

    [Fact]
    public void Translate_reads_stdin_lines_and_uses_the_cache_or_not_alike()
    {
        var translator = directory.File("translator");
        TestCheckpoints.WriteWordTranslator(translator, "fr");

        var cached = Invoke(["translate", "--checkpoint", translator], "a big dog\nthe red cat\n");
        var recomputed = Invoke(["translate", "--checkpoint", translator, "--no-cache", "--max-length", "40"], "a big dog\nthe red cat\n");

        Assert.Equal(0, cached.Code);
        var lines = cached.Output.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["a big dog", "the red cat"], lines.Select(line => line.GetProperty("input").GetString()));
        Assert.Equal([WordTranslations.Translate("a big dog", "fr"), WordTranslations.Translate("the red cat", "fr")], lines.Select(line => line.GetProperty("text").GetString()));
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Null, line.GetProperty("language").ValueKind));
        Assert.Equal(cached.Output, recomputed.Output);
    }

    [Fact]
    public void A_bad_checkpoint_exits_non_zero_with_a_one_line_reason()
    {
        var (code, output, error) = Invoke(["caption", "--checkpoint", directory.File("missing"), Image("red", "square")]);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal($"platform infer: Invalid checkpoint '{directory.File("missing")}': the folder does not exist", Assert.Single(error));
    }

    [Fact]
    public void An_unreadable_image_exits_non_zero_naming_the_file()
    {
        var captioner = directory.File("captioner");
        TestCheckpoints.WriteColourShapeCaptioner(captioner);
        var broken = directory.File("broken.png");
        File.WriteAllBytes(broken, [0x89, 0x50, 0x4E, 0x47]);

        var (code, _, error) = Invoke(["caption", "--checkpoint", captioner, broken]);

        Assert.Equal(1, code);
        Assert.StartsWith($"platform infer: {broken}: ", Assert.Single(error), StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private string Image(string colour, string shape)
    {
        var path = directory.File($"{colour}-{shape}.png");
        File.WriteAllBytes(path, SyntheticImages.Draw(colour, shape));
        return path;
    }

    private static (int Code, string[] Output, string[] Error) Invoke(string[] args, string input = "")
    {
        var root = new RootCommand { InferCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var previousIn = Console.In;
        Console.SetIn(new StringReader(input));
        try
        {
            var code = root.Parse(["infer", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
            return (code, Lines(output), Lines(error));
        }
        finally
        {
            Console.SetIn(previousIn);
        }
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
