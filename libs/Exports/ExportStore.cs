using System.IO.Pipelines;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Data;
using Platform.Data.Entities;
using Platform.Storage.Blobs;

namespace Platform.Exports;

/// <summary>
/// Writes a job's export to blob storage and records it in <c>job_exports</c>. The rows are formatted into a pipe that
/// the blob upload reads from as staged 4 MiB blocks, so memory stays bounded; concurrent writers of the same export
/// (the settling job and a download) both succeed, the last commit winning with the same content. Each settlement of a
/// job has its own blob (a retried job settles again), and the record is only written while the job is still settled
/// as it was: an export that raced a retry is never recorded as current.
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
        return await RecordAsync(export, settledAt, cancellationToken);
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
            INSERT INTO job_exports (job_id, format, blob_path, size_bytes, row_count, sha256, created_at)
            SELECT id, @format, @path, @size, @rows, @sha256, now() FROM jobs
            WHERE id = @job AND completed_at = @settled AND status IN ('Succeeded', 'CompletedWithErrors', 'Failed', 'Cancelled')
            FOR SHARE
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
