using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.Inference.Tests.Support;

namespace Platform.Inference.Tests.Generation;

/// <summary>
/// Outputs recorded once from a reviewed run (engine branch, ModelBuilder random checkpoints with seeds
/// 7 and 11) and checked since: any change to search, processors or tensor plumbing shows up here.
/// </summary>
[Collection(RandomCheckpointsCollection.Name)]
public sealed class GoldenOutputTests(RandomCheckpoints checkpoints)
{
    [Fact]
    public void Greedy_image_captions_match_the_recorded_ones()
    {
        using var checkpoint = Checkpoint.Load(checkpoints.ImageToText);

        var results = checkpoint.GenerateFromPixels(
            Inputs.Pixels(2, RandomCheckpoints.ImageSpec.ImageSize), [null], GenerationOptions.Default, CancellationToken.None);

        Assert.Equal([308, 269, 183, 178, 2, 2, 2, 2, 177, 299, 2, 269, 159, 2, 189, 308], results[0][0].TokenIds);
        Assert.Equal(-3.2345199584960938, results[0][0].Score, 1e-5);
        Assert.Equal([308, 135, 192, 269, 2, 2, 2, 2, 177, 177, 13, 178, 148, 106, 212, 308], results[1][0].TokenIds);
        Assert.Equal(-3.2590985616048176, results[1][0].Score, 1e-5);
    }

    [Fact]
    public void Beam_search_translations_match_the_recorded_ones()
    {
        using var checkpoint = Checkpoint.Load(checkpoints.TextToText);

        var results = checkpoint.GenerateFromTokens(Inputs.Sources(), [null], GenerationOptions.Default, CancellationToken.None);

        Assert.Equal(4, checkpoint.Defaults.NumBeams);
        int[][] expected =
        [
            [63, 36, 5, 41, 41, 7, 6, 62, 59, 6, 62, 62, 59, 24, 23, 41, 56, 61, 39, 41, 56, 30, 11, 15, 41, 56, 8, 23, 22, 38, 22, 0],
            [63, 6, 11, 58, 46, 11, 6, 11, 6, 11, 15, 32, 58, 58, 29, 58, 23, 13, 58, 58, 23, 30, 11, 58, 29, 29, 58, 23, 58, 32, 11, 0],
            [63, 46, 11, 58, 46, 20, 5, 19, 1, 11, 15, 41, 58, 29, 27, 58, 29, 29, 24, 58, 29, 27, 59, 6, 35, 20, 24, 22, 3, 14, 50, 0],
            [63, 46, 55, 58, 55, 11, 58, 22, 1, 13, 55, 10, 58, 1, 23, 58, 23, 30, 23, 58, 23, 30, 51, 58, 29, 57, 51, 23, 18, 38, 23, 0],
        ];
        double[] scores = [-2.210415747857863, -2.119477302797379, -2.1614817957724295, -2.1283352759576615];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], results[i][0].TokenIds);
            Assert.Equal(scores[i], results[i][0].Score, 1e-5);
        }
    }
}
