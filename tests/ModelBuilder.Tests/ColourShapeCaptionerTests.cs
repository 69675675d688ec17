using Platform.ModelBuilder.Tests.Support;
using Platform.ModelBuilder.Tests.Tokenizers;

namespace Platform.ModelBuilder.Tests;

public sealed class ColourShapeCaptionerTests : IDisposable
{
    private static readonly string[] Codes = ["en_XX", "fr_XX", "de_DE", "es_XX"];
    private readonly TemporaryDirectory directory = new();
    private readonly CaptionerHarness captioner;

    public ColourShapeCaptionerTests()
    {
        TestCheckpoints.WriteColourShapeCaptioner(directory.Path);
        captioner = new CaptionerHarness(directory.Path);
    }

    [Theory]
    [InlineData("red", "circle", "en", "a red circle")]
    [InlineData("red", "circle", "fr_XX", "un cercle rouge")]
    [InlineData("red", "circle", "de", "ein roter Kreis")]
    [InlineData("red", "circle", "es_XX", "un círculo rojo")]
    [InlineData("blue", "square", "de_DE", "ein blaues Quadrat")]
    [InlineData("yellow", "triangle", "fr", "un triangle jaune")]
    [InlineData("green", "triangle", "es", "un triángulo verde")]
    public void Expected_captions_follow_each_languages_grammar(string colour, string shape, string language, string caption) =>
        Assert.Equal(caption, SyntheticImages.ExpectedCaption(colour, shape, language));

    [Fact]
    public void Names_every_colour_and_shape_in_every_language()
    {
        foreach (var colour in SyntheticImages.Colours)
        {
            foreach (var shape in SyntheticImages.Shapes)
            {
                foreach (var code in Codes)
                {
                    Assert.Equal(SyntheticImages.ExpectedCaption(colour, shape, code), captioner.Caption(SyntheticImages.Draw(colour, shape), code));
                }
            }
        }
    }

    [Theory]
    [InlineData("png", 64)]
    [InlineData("jpeg", 64)]
    [InlineData("jpeg", 224)]
    [InlineData("png", 500)]
    [InlineData("jpeg", 41)]
    public void Is_robust_to_position_size_resizing_and_jpeg(string format, int size)
    {
        for (var seed = 1; seed <= 4; seed++)
        {
            foreach (var colour in SyntheticImages.Colours)
            {
                foreach (var shape in SyntheticImages.Shapes)
                {
                    var image = SyntheticImages.Draw(colour, shape, size, format, seed);
                    Assert.Equal(SyntheticImages.ExpectedCaption(colour, shape, "de"), captioner.Caption(image, "de_DE"));
                }
            }
        }
    }

    [Fact]
    public void Cached_merged_decoding_gives_the_same_captions()
    {
        foreach (var code in Codes)
        {
            var image = SyntheticImages.Draw("green", "square", 96, "jpeg", seed: 3);
            Assert.Equal(SyntheticImages.ExpectedCaption("green", "square", code), captioner.Caption(image, code, useCache: true));
        }
    }

    [Fact]
    public void Drawing_is_deterministic_and_rejects_unknown_names()
    {
        Assert.Equal(SyntheticImages.Draw("red", "circle", seed: 5), SyntheticImages.Draw("red", "circle", seed: 5));
        Assert.NotEqual(SyntheticImages.Draw("red", "circle", seed: 5), SyntheticImages.Draw("red", "circle", seed: 6));
        Assert.Throws<ArgumentException>(() => SyntheticImages.Draw("purple", "circle"));
        Assert.Throws<ArgumentException>(() => SyntheticImages.Draw("red", "hexagon"));
        Assert.Throws<ArgumentException>(() => SyntheticImages.ExpectedCaption("red", "circle", "it"));
    }

    public void Dispose()
    {
        captioner.Dispose();
        directory.Dispose();
    }
}
