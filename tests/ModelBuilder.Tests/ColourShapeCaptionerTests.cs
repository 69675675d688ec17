using System.Text.Json.Nodes;
using Platform.ModelBuilder.Tests.Support;

namespace Platform.ModelBuilder.Tests;

public sealed class ColourShapeCaptionerTests(CaptionerFixture fixture) : IClassFixture<CaptionerFixture>
{
    private static readonly string[] Codes = ["en_XX", "fr_XX", "de_DE", "es_XX"];
    private readonly CaptionerHarness captioner = fixture.Harness;

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
    [InlineData("png", 300)]
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

    [Theory]
    [InlineData("png", 32)]
    [InlineData("jpeg", 32)]
    [InlineData("jpeg", 100)]
    [InlineData("png", 256)]
    public void Encoder_is_confident_by_a_wide_margin(string format, int size)
    {
        for (var seed = 0; seed < 4; seed++)
        {
            for (var c = 0; c < SyntheticImages.Colours.Count; c++)
            {
                for (var s = 0; s < SyntheticImages.Shapes.Count; s++)
                {
                    var features = captioner.Encode(SyntheticImages.Draw(SyntheticImages.Colours[c], SyntheticImages.Shapes[s], size, format, seed));
                    Assert.True(features[0, 0, c] > 0.99f, $"colour {c} of shape {s}: {features[0, 0, c]}");
                    Assert.True(features[0, 0, 4 + s] > 0.99f, $"shape {s} of colour {c}: {features[0, 0, 4 + s]}");
                }
            }
        }
    }

    [Fact]
    public void Writes_a_vision_encoder_decoder_checkpoint_with_an_mbart50_tokenizer()
    {
        string[] files =
        [
            "config.json", "decoder_model.onnx", "decoder_model_merged.onnx", "decoder_with_past_model.onnx",
            "encoder_model.onnx", "generation_config.json", "preprocessor_config.json", "sentencepiece.bpe.model",
        ];
        var present = Directory.GetFiles(fixture.Path).Select(Path.GetFileName).ToHashSet();
        Assert.All(files, name => Assert.Contains(name, present));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Path, "config.json")))!;
        Assert.Equal(2, (int)config["decoder_start_token_id"]!);
        Assert.Equal("mbart", (string)config["decoder"]!["model_type"]!);
    }
}
