using System.Collections;

namespace Platform.Workers.Batches;

/// <summary>The logging scope of one batch: every line logged while working on it carries JobId, BatchIndex and BatchId.</summary>
internal sealed class BatchLogScope(Guid jobId, int batchIndex) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] values =
    [
        new("JobId", jobId),
        new("BatchIndex", batchIndex),
        new("BatchId", $"{jobId}/{batchIndex}"),
    ];

    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"Batch {batchIndex} of job {jobId}";
}
