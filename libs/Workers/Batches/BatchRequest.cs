using Platform.Contracts;

namespace Platform.Workers.Batches;

/// <summary>What <see cref="BatchProtocol"/> needs of a batch message.</summary>
/// <param name="Kind">The <c>kind</c> tag of this worker's metrics (caption, translate).</param>
/// <param name="Languages">The languages every item gets a result in.</param>
public sealed record BatchRequest(string Kind, Guid JobId, int BatchIndex, IReadOnlyList<WorkItem> Items, IReadOnlyList<string> Languages);
