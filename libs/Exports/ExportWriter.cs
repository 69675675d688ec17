using Microsoft.Extensions.Options;
using Platform.Exports.Formats;

namespace Platform.Exports;

/// <summary>Streams a job's results from PostgreSQL into one format on any writable stream.</summary>
public sealed class ExportWriter(ResultRowReader rows, IOptions<ExportOptions> options)
{
    /// <returns>How many rows were written.</returns>
    public async Task<long> WriteAsync(ExportedJob job, ExportFormat format, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var writer = ExportRowWriters.Create(format, destination, job.HasSource, options.Value.RowGroupRows);
        long count = 0;
        await foreach (var row in rows.ReadAsync(job, cancellationToken))
        {
            await writer.WriteAsync(row, cancellationToken);
            count++;
        }
        await writer.CompleteAsync(cancellationToken);
        return count;
    }
}
