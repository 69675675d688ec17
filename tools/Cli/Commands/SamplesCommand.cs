using System.CommandLine;
using System.Text;
using Platform.ModelBuilder;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform samples images|models --out DIR</c>: writes the demo inputs (synthetic pictures and manifests with
/// reference captions) and the hand-set demo checkpoints, which the project builds itself since no weights can be downloaded.
/// </summary>
internal static class SamplesCommand
{
    private static readonly string[] Languages = ["en", "fr", "de", "es"];

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write into", Required = true };
        var images = new Command("images", "Synthetic pictures (every colour × shape, PNG and JPEG) and their manifests") { output };
        images.SetAction(parseResult => WriteImages(parseResult.GetRequiredValue(output).FullName));
        var models = new Command("models", "The hand-set captioner and the en→de|fr|es word translators") { output };
        models.SetAction(parseResult => WriteModels(parseResult.GetRequiredValue(output).FullName));
        return new Command("samples", "Write the demo inputs and models") { images, models };
    }

    private static int WriteImages(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "images"));
        var manifest = new StringBuilder("id,image," + string.Join(',', Languages) + "\n");
        var sentences = new StringBuilder("id,en\n");
        var index = 0;
        foreach (var colour in SyntheticImages.Colours)
        {
            foreach (var shape in SyntheticImages.Shapes)
            {
                var format = index % 2 == 0 ? "png" : "jpg";
                var name = $"{colour}-{shape}.{format}";
                File.WriteAllBytes(Path.Combine(directory, "images", name), SyntheticImages.Draw(colour, shape, 96, format == "jpg" ? "jpeg" : "png", seed: index));
                var references = Languages.Select(language => SyntheticImages.ExpectedCaption(colour, shape, language));
                manifest.Append(name).Append(",samples/images/").Append(name).Append(',').AppendJoin(',', references).Append('\n');
                sentences.Append($"sentence-{index}").Append(',').Append(SyntheticImages.ExpectedCaption(colour, shape, "en")).Append('\n');
                index++;
            }
        }
        File.WriteAllText(Path.Combine(directory, "captions.csv"), manifest.ToString());
        File.WriteAllText(Path.Combine(directory, "sentences.csv"), sentences.ToString());
        Console.WriteLine($"Wrote {index} images, captions.csv and sentences.csv to {directory}");
        return 0;
    }

    private static int WriteModels(string directory)
    {
        TestCheckpoints.WriteColourShapeCaptioner(Path.Combine(directory, "colour-shape-captioner"));
        foreach (var target in new[] { "de", "fr", "es" })
        {
            TestCheckpoints.WriteWordTranslator(Path.Combine(directory, $"word-translator-en-{target}"), target);
        }
        Console.WriteLine($"Wrote the captioner and three word translators to {directory}");
        return 0;
    }
}
