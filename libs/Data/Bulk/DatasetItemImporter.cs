using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Data.Bulk;

/// <summary>
/// Streams dataset items into <c>dataset_items</c> with binary COPY inside the caller's transaction, numbering them
/// in arrival order, and remembers which caption languages it saw.
/// </summary>
public sealed class DatasetItemImporter : IAsyncDisposable
{
    private readonly NpgsqlBinaryImporter importer;
    private readonly Guid datasetId;
    private readonly SortedSet<string> languages = new(StringComparer.Ordinal);

    private DatasetItemImporter(NpgsqlBinaryImporter importer, Guid datasetId)
    {
        this.importer = importer;
        this.datasetId = datasetId;
    }

    public long Count { get; private set; }

    public IReadOnlyCollection<string> CaptionLanguages => languages;

    public static async Task<DatasetItemImporter> BeginAsync(NpgsqlConnection connection, Guid datasetId, CancellationToken cancellationToken)
    {
        var importer = await connection.BeginBinaryImportAsync(
            "COPY dataset_items (dataset_id, ordinal, key, image, captions) FROM STDIN (FORMAT BINARY)", cancellationToken);
        return new DatasetItemImporter(importer, datasetId);
    }

    public async Task AddAsync(string key, string? image, IReadOnlyDictionary<string, IReadOnlyList<string>> captions, CancellationToken cancellationToken)
    {
        foreach (var (language, references) in captions)
        {
            if (references.Count > 0)
            {
                languages.Add(language);
            }
        }
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(datasetId, NpgsqlDbType.Uuid, cancellationToken);
        await importer.WriteAsync(Count, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(key, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(image, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(JsonSerializer.Serialize(captions), NpgsqlDbType.Jsonb, cancellationToken);
        Count++;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken) => await importer.CompleteAsync(cancellationToken);

    public ValueTask DisposeAsync() => importer.DisposeAsync();
}
