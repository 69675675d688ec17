using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;
using Platform.ModelBuilder.Tests.Support;
using Platform.ModelBuilder.Tokenizers;

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

    [Fact]
    public void A_batch_of_images_and_languages_decodes_row_by_row_with_and_without_cache()
    {
        (string Colour, string Shape, string Code)[] rows = [("red", "square", "de_DE"), ("blue", "triangle", "fr_XX"), ("yellow", "circle", "es_XX")];
        var single = rows.Select(r => captioner.CaptionIds(SyntheticImages.Draw(r.Colour, r.Shape), r.Code)).ToList();
        var features = rows.Select(r => captioner.Encode(SyntheticImages.Draw(r.Colour, r.Shape))).ToList();
        var hidden = new DenseTensor<float>([rows.Length, 1, features[0].Dimensions[2]]);
        for (var b = 0; b < rows.Length; b++)
        {
            for (var f = 0; f < features[b].Dimensions[2]; f++)
            {
                hidden[b, 0, f] = features[b][0, 0, f];
            }
        }

        var encoded = new Dictionary<string, NamedOnnxValue> { ["encoder_hidden_states"] = Feeds.Floats("encoder_hidden_states", hidden) };
        var tokens = rows.Select((r, b) => (long[])[MbartVocabulary.EosId, captioner.LanguageId(r.Code), .. single[b]]).ToArray();
        using var runner = new DecoderRunner(fixture.Path, layers: 1, heads: 1, headSize: features[0].Dimensions[2]);

        var whole = runner.WholeSequence(encoded, tokens);

        for (var b = 0; b < rows.Length; b++)
        {
            var next = whole.Skip(1).Select(step => (long)Array.IndexOf(step[b], step[b].Max()));
            Assert.Equal([.. single[b], MbartVocabulary.EosId], next);
        }

        LogitAssert.Close(whole, runner.StepByStep(encoded, tokens, useMerged: false));
        LogitAssert.Close(whole, runner.StepByStep(encoded, tokens, useMerged: true));
    }

    [Fact]
    public void Generated_ids_are_what_sentencepiece_encodes_for_the_expected_caption()
    {
        using var stream = File.OpenRead(Path.Combine(fixture.Path, MbartVocabulary.ModelFileName));
        var tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        foreach (var code in Codes)
        {
            foreach (var shape in SyntheticImages.Shapes)
            {
                var expected = tokenizer.EncodeToIds(SyntheticImages.ExpectedCaption("yellow", shape, code)).Select(id => (long)MbartVocabulary.TokenId(id));
                Assert.Equal(expected, captioner.CaptionIds(SyntheticImages.Draw("yellow", shape), code));
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
