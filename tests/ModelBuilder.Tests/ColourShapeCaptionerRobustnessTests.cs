using Platform.ModelBuilder.Tests.Support;

namespace Platform.ModelBuilder.Tests;

/// <summary>The captioner under the variations real inputs bring: position, size, resampling, JPEG.</summary>
public sealed class ColourShapeCaptionerRobustnessTests(CaptionerFixture fixture) : IClassFixture<CaptionerFixture>
{
    private readonly CaptionerHarness captioner = fixture.Harness;

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
}
