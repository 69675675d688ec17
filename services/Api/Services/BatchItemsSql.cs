namespace Platform.Api.Services;

/// <summary>
/// SQL for the dataset items of batch <c>b</c>, as <c>i</c>: a planned batch's ordinal range, or a retry batch's own
/// ordinals, looked up one by one (their range may span the whole dataset). Each branch is an index range or lookup.
/// </summary>
internal static class BatchItemsSql
{
    /// <param name="datasetId">The SQL expression of the batch's dataset id.</param>
    public static string Join(string datasetId) =>
        $"""
        CROSS JOIN LATERAL (
            SELECT d.* FROM dataset_items d
            WHERE b.ordinals IS NULL AND d.dataset_id = {datasetId} AND d.ordinal >= b.first_ordinal AND d.ordinal < b.end_ordinal
            UNION ALL
            SELECT d.* FROM dataset_items d
            WHERE b.ordinals IS NOT NULL AND d.dataset_id = {datasetId} AND d.ordinal = ANY (b.ordinals)) i
        """;
}
