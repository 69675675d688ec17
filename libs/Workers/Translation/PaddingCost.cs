namespace Platform.Workers.Translation;

/// <summary>Padding tokens the encoder processes when inputs run in micro-batches in the given order.</summary>
public static class PaddingCost
{
    public static long Of(IEnumerable<int> lengthsInRunOrder, int microBatchSize) =>
        lengthsInRunOrder.Chunk(microBatchSize).Sum(chunk => ((long)chunk.Max() * chunk.Length) - chunk.Sum());
}
