using Npgsql;

namespace Platform.Data.Ledger;

/// <summary>Worker side of the batch protocol: a worker leases a batch before working on it.</summary>
public sealed class BatchClaims(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Leases the batch for <paramref name="lease"/>. False when there is nothing to do:
    /// the batch is already settled or its job was cancelled.
    /// </summary>
    public async Task<bool> TryClaimAsync(Guid jobId, int batchIndex, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(
            """
            UPDATE batches SET state = 'Running', attempts = attempts + 1, leased_until = now() + @lease
            WHERE job_id = @job AND index = @index AND state IN ('Pending', 'Dispatched', 'Running')
            """,
            cancellationToken, ("job", jobId), ("index", batchIndex), ("lease", lease));
        return updated == 1;
    }
}
