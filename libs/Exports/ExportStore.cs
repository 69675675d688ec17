using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Data;
using Platform.Data.Entities;
using Platform.Storage.Blobs;

namespace Platform.Exports;

/// <summary>
/// Writes a job's export to blob storage with a block-blob upload stream and records it in <c>job_exports</c>. Each
/// settlement of a job has its own blob (a retried job settles again), and the record is only written while the job
/// is still settled as it was: an export that raced a retry is never recorded as current.
/// </summary>
public sealed class ExportStore(ExportWriter writer, BlobStore blobs, NpgsqlDataSource dataSource, IOptions<ExportOptions> options)
{
    /// <returns>The export, or null when the job was retried (or settled again) while it was being written.</returns>
    public async Task<JobExport?> WriteAsync(ExportedJob job, ExportFormat format, DateTimeOffset settledAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(format);
        var container = options.Value.Container;
        var path = $"{job.JobId}/{settledAt.UtcTicks}/results.{format.Name}";
        long rows, size;
        string sha256;
        var blob = await blobs.OpenWriteAsync(container, path, format.ContentType, cancellationToken);
        await using (blob)
        {
            using var observed = new ObservedWriteStream(blob);
            rows = await writer.WriteAsync(job, format, observed, cancellationToken);
            (size, sha256) = (observed.BytesWritten, observed.Sha256Hex());
        }
        var export = new JobExport
        {
            JobId = job.JobId, Format = format.Name, BlobPath = $"{container}/{path}", SizeBytes = size, RowCount = rows, Sha256 = sha256,
        };
        return await RecordAsync(export, settledAt, cancellationToken);
    }

    private async Task<JobExport?> RecordAsync(JobExport export, DateTimeOffset settledAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            INSERT INTO job_exports (job_id, format, blob_path, size_bytes, row_count, sha256, created_at)
            SELECT id, @format, @path, @size, @rows, @sha256, now() FROM jobs
            WHERE id = @job AND completed_at = @settled AND status IN ('Succeeded', 'CompletedWithErrors', 'Failed', 'Cancelled')
            ON CONFLICT (job_id, format) DO UPDATE SET blob_path = excluded.blob_path, size_bytes = excluded.size_bytes,
                row_count = excluded.row_count, sha256 = excluded.sha256, created_at = excluded.created_at
            RETURNING created_at
            """,
            ("job", export.JobId), ("format", export.Format), ("path", export.BlobPath), ("size", export.SizeBytes),
            ("rows", export.RowCount), ("sha256", export.Sha256), ("settled", settledAt));
        if (await command.ExecuteScalarAsync(cancellationToken) is not DateTime createdAt)
        {
            return null;
        }
        export.CreatedAt = new DateTimeOffset(createdAt, TimeSpan.Zero);
        return export;
    }
}
