namespace Platform.ModelBuilder.Tests.Support;

internal static class LogitAssert
{
    public const float Tolerance = 2e-5f;

    /// <summary>Equal to <see cref="Tolerance"/>, and not trivially so (the logits vary).</summary>
    public static void Close(float[][][] expected, float[][][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var t = 0; t < expected.Length; t++)
        {
            for (var b = 0; b < expected[t].Length; b++)
            {
                Close(expected[t][b], actual[t][b]);
            }
        }
    }

    public static void Close(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.Max() - expected.Min() > 0.1f, "logits should not be flat");
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= Tolerance, $"max |difference| {worst} > {Tolerance}");
    }
}
