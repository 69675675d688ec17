using Platform.Inference.Generation;

namespace Platform.Inference.Tests.Support;

internal static class SequenceAssert
{
    /// <summary>Same tokens exactly; scores equal up to float rounding of different batch shapes.</summary>
    public static void Same(IReadOnlyList<GeneratedSequence[]> expected, IReadOnlyList<GeneratedSequence[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var item = 0; item < expected.Count; item++)
        {
            Assert.Equal(expected[item].Length, actual[item].Length);
            for (var rank = 0; rank < expected[item].Length; rank++)
            {
                Assert.Equal(expected[item][rank].TokenIds, actual[item][rank].TokenIds);
                Assert.Equal(expected[item][rank].Score, actual[item][rank].Score, 1e-4);
            }
        }
    }

    public static int[][] Best(IReadOnlyList<GeneratedSequence[]> results) =>
        [.. results.Select(result => result[0].TokenIds.ToArray())];
}
