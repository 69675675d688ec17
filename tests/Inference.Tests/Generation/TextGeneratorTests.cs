using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.Inference.Tests.Support;
using Platform.ModelBuilder;
using Platform.ModelBuilder.Translation;

namespace Platform.Inference.Tests.Generation;

[Collection(RandomCheckpointsCollection.Name)]
public sealed class TextGeneratorTests(RandomCheckpoints checkpoints) : IDisposable
{
    private static readonly string[] Codes = ["en_XX", "fr_XX", "de_DE", "es_XX"];
    private readonly TempDirectory directory = new();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void The_hand_set_captioner_names_colour_and_shape_in_all_four_languages(int beams)
    {
        var folder = directory.File("captioner");
        TestCheckpoints.WriteColourShapeCaptioner(folder);
        using var checkpoint = Checkpoint.Load(folder);
        var pictures = SyntheticImages.Colours
            .SelectMany(colour => SyntheticImages.Shapes.Select(shape => (colour, shape)))
            .ToList();
        var images = pictures.Select((picture, i) => (ReadOnlyMemory<byte>)SyntheticImages.Draw(
            picture.colour, picture.shape, size: 48 + (8 * (i % 3)), format: i % 2 == 0 ? "png" : "jpeg", seed: i)).ToList();

        var results = new TextGenerator(checkpoint).Caption(images, Codes, new GenerationOptions { NumBeams = beams }, CancellationToken.None);

        Assert.Equal(pictures.Count * Codes.Length, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var (colour, shape) = pictures[i / Codes.Length];
            var language = Codes[i % Codes.Length];
            Assert.Equal((i / Codes.Length, language), (results[i].InputIndex, results[i].Language));
            Assert.Equal(SyntheticImages.ExpectedCaption(colour, shape, language), results[i].Text);
            Assert.Equal(checkpoint.Tokenizer.TokenToId(language), results[i].TokenIds[1]);
        }
    }

    [Theory]
    [InlineData("de", 1)]
    [InlineData("fr", 4)]
    [InlineData("es", 2)]
    public void The_word_translator_translates_a_padded_batch(string language, int beams)
    {
        var folder = directory.File("translator-" + language);
        TestCheckpoints.WriteWordTranslator(folder, language);
        using var checkpoint = Checkpoint.Load(folder);
        string[] sentences = ["the red cat", "a big dog and a small bird", "white horse", "the yellow triangle and the blue circle"];

        var results = new TextGenerator(checkpoint).Translate(sentences, null, new GenerationOptions { NumBeams = beams }, CancellationToken.None);

        Assert.Equal(sentences.Select(sentence => WordTranslations.Translate(sentence, language)), results.Select(result => result.Text));
    }

    [Fact]
    public void Translation_decodes_generated_ids_with_the_checkpoint_tokenizer()
    {
        using var checkpoint = Checkpoint.Load(checkpoints.TextToText);
        string[] sentences = ["a b c", "d"];

        var results = new TextGenerator(checkpoint).Translate(sentences, null, null, CancellationToken.None);
        var direct = checkpoint.GenerateFromTokens([.. sentences.Select(sentence => checkpoint.Tokenizer.Encode(sentence))], [null], null, CancellationToken.None);

        Assert.Equal(2, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Null(results[i].Language);
            Assert.Equal(direct[i][0].TokenIds, results[i].TokenIds);
            Assert.Equal(checkpoint.Tokenizer.Decode(direct[i][0].TokenIds.ToArray()), results[i].Text);
            Assert.NotEmpty(results[i].Text);
        }
    }

    [Fact]
    public void An_unknown_language_is_refused()
    {
        using var checkpoint = Checkpoint.Load(checkpoints.TextToText);

        var error = Assert.Throws<ArgumentException>(() => new TextGenerator(checkpoint).Translate(["a"], ["xx_YY"], null, CancellationToken.None));

        Assert.Contains("has no language token 'xx_YY'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();
}
