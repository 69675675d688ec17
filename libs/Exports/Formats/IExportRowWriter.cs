namespace Platform.Exports.Formats;

/// <summary>Writes rows in one format as they come; <see cref="CompleteAsync"/> ends the file.</summary>
public interface IExportRowWriter : IAsyncDisposable
{
    ValueTask WriteAsync(ExportRow row, CancellationToken cancellationToken);

    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
