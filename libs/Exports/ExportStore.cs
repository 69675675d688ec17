using System.IO.Pipelines;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Data;
using Platform.Data.Entities;
using Platform.Storage.Blobs;

namespace Platform.Exports;

/// <summary>
/// Writes a job's export to blob storage and records it in <c>job_exports</c>. The rows are formatted into a pipe that
/// the blob upload reads from as staged 4 MiB blocks, so memory stays bounded. Every write goes to a blob of its own
/// (committing one blob's block list discards another writer's uncommitted blocks): when two write the same export at
/// once (the settling job and a download), the first recorded wins and the other's blob is deleted. The record is only
/// written while the job is still settled as it was: an export that raced a retry is never recorded as current.
/// </summary>
public sealed class ExportStore(ExportWriter writer, BlobStore blobs, NpgsqlDataSource dataSource, IOptions<ExportOptions> options)
{
    /// <returns>The export, or null when the job was retried (or settled again) while it was being written.</returns>
    public async Task<JobExport?> WriteAsync(ExportedJob job, ExportFormat format, DateTimeOffset settledAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(format);
        var container = options.Value.Container;
        var path = $"{job.JobId}/{Guid.CreateVersion7():N}/results.{format.Name}";
        var pipe = new Pipe();
        var upload = UploadAsync(container, path, format, pipe.Reader, cancellationToken);
        long rows;
        try
        {
            await using (var output = new PositionTrackingWriteStream(pipe.Writer.AsStream(leaveOpen: true)))
            {
                rows = await writer.WriteAsync(job, format, output, cancellationToken);
            }
            // Completed only now, so that a failed export fails its upload instead of committing a truncated blob.
            await pipe.Writer.CompleteAsync();
        }
        catch (Exception exception)
        {
            await pipe.Writer.CompleteAsync(exception);
            throw;
        }
        var stored = await upload;
        var export = new JobExport
        {
            JobId = job.JobId, Format = format.Name, BlobPath = $"{container}/{path}", SizeBytes = stored.Length, RowCount = rows, Sha256 = stored.Sha256Hex,
        };
        var recorded = await RecordAsync(export, settledAt, cancellationToken);
        if (recorded?.BlobPath != export.BlobPath)
        {
            await blobs.DeleteIfExistsAsync(container, path, cancellationToken);
        }
        return recorded;
    }

    private async Task<StoredBlob> UploadAsync(string container, string path, ExportFormat format, PipeReader content, CancellationToken cancellationToken)
    {
        await using var stream = content.AsStream();
        return await blobs.UploadAsync(container, path, stream, format.ContentType, cancellationToken);
    }

    // The job row is share-locked: a retry that holds it (and deletes the job's exports) makes this wait and then see the
    // job as changed, so a stale export is never recorded after the retry's delete.
    private async Task<JobExport?> RecordAsync(JobExport export, DateTimeOffset settledAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            """
            WITH settled AS (
                SELECT id FROM jobs
                WHERE id = @job AND completed_at = @settled AND status IN ('Succeeded', 'CompletedWithErrors', 'Failed', 'Cancelled')
                FOR SHARE
            ), inserted AS (
                INSERT INTO job_exports (job_id, format, blob_path, size_bytes, row_count, sha256, created_at)
                SELECT id, @format, @path, @size, @rows, @sha256, now() FROM settled
                ON CONFLICT (job_id, format) DO NOTHING
                RETURNING blob_path, size_bytes, row_count, sha256, created_at
            )
            SELECT blob_path, size_bytes, row_count, sha256, created_at FROM inserted
            UNION ALL
            SELECT e.blob_path, e.size_bytes, e.row_count, e.sha256, e.created_at
            FROM job_exports e JOIN settled s ON e.job_id = s.id
            WHERE e.format = @format AND NOT EXISTS (SELECT 1 FROM inserted)
            """,
            ("job", export.JobId), ("format", export.Format), ("path", export.BlobPath), ("size", export.SizeBytes),
            ("rows", export.RowCount), ("sha256", export.Sha256), ("settled", settledAt));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new JobExport
        {
            JobId = export.JobId,
            Format = export.Format,
            BlobPath = reader.GetString(0),
            SizeBytes = reader.GetInt64(1),
            RowCount = reader.GetInt64(2),
            Sha256 = reader.GetString(3),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(4),
        };
    }
}
