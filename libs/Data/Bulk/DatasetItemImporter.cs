using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Data.EntityConfigurations;

namespace Platform.Data.Bulk;

/// <summary>
/// Streams dataset items into <c>dataset_items</c> with binary COPY inside the caller's transaction, numbering them
/// in arrival order, and remembers which caption languages it saw. Keys are checked by PostgreSQL, not in memory: the
/// unique constraint is deferred during the COPY, so a repeated key does not abort it, and checked at the end.
/// </summary>
public sealed class DatasetItemImporter : IAsyncDisposable
{
    private const string KeyConstraint = DatasetItemConfiguration.KeyConstraint;

    // Every later occurrence of a repeated key with the first one; runs only once the check has failed. One pass in key
    // order (the constraint's index) whatever the planner believes of a table just filled: a lateral lookup of each
    // key's first row was planned as a scan of the whole dataset per row (estimates of one row), minutes at 1M items.
    private const string DuplicatesSql =
        """
        SELECT key, line, ordinal, first_line, first_ordinal
        FROM (
            SELECT key, line, ordinal, first_value(line) OVER by_key AS first_line, first_value(ordinal) OVER by_key AS first_ordinal
            FROM dataset_items
            WHERE dataset_id = @dataset
            WINDOW by_key AS (PARTITION BY key ORDER BY ordinal)) occurrences
        WHERE ordinal > first_ordinal
        ORDER BY ordinal
        LIMIT @limit
        """;

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlBinaryImporter importer;
    private readonly Guid datasetId;
    private readonly SortedSet<string> languages = new(StringComparer.Ordinal);

    private DatasetItemImporter(NpgsqlConnection connection, NpgsqlBinaryImporter importer, Guid datasetId)
    {
        this.connection = connection;
        this.importer = importer;
        this.datasetId = datasetId;
    }

    public long Count { get; private set; }

    public IReadOnlyCollection<string> CaptionLanguages => languages;

    public static async Task<DatasetItemImporter> BeginAsync(NpgsqlConnection connection, Guid datasetId, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync($"SET CONSTRAINTS {KeyConstraint} DEFERRED", cancellationToken);
        var importer = await connection.BeginBinaryImportAsync(
            "COPY dataset_items (dataset_id, ordinal, line, key, image, captions) FROM STDIN (FORMAT BINARY)", cancellationToken);
        return new DatasetItemImporter(connection, importer, datasetId);
    }

    /// <param name="line">Where the item came from (a manifest line, an archive entry's number), for <see cref="DuplicateKey"/>.</param>
    public async Task AddAsync(
        string key, long? line, string? image, IReadOnlyDictionary<string, IReadOnlyList<string>> captions, CancellationToken cancellationToken)
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
        await importer.WriteAsync(line, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(key, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(image, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(JsonSerializer.Serialize(captions), NpgsqlDbType.Jsonb, cancellationToken);
        Count++;
    }

    /// <summary>
    /// Ends the COPY and checks that every key is unique: empty when it is, else the first
    /// <paramref name="maxReported"/> later occurrences of repeated keys, in arrival order. The transaction stays
    /// usable either way, but with duplicates it must not be committed (the constraint would refuse the commit).
    /// </summary>
    public async Task<IReadOnlyList<DuplicateKey>> CompleteAsync(int maxReported, CancellationToken cancellationToken)
    {
        await importer.CompleteAsync(cancellationToken);
        // Only closing the importer hands the connection back for other commands.
        await importer.CloseAsync(cancellationToken);
        try
        {
            // One round trip: when the check fails the batch stops there, and the savepoint is left to roll back to.
            await connection.ExecuteAsync(
                $"SAVEPOINT dataset_item_keys; SET CONSTRAINTS {KeyConstraint} IMMEDIATE; RELEASE SAVEPOINT dataset_item_keys",
                cancellationToken);
            return [];
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await connection.ExecuteAsync("ROLLBACK TO SAVEPOINT dataset_item_keys", cancellationToken);
            return await DuplicatesAsync(maxReported, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => importer.DisposeAsync();

    private async Task<IReadOnlyList<DuplicateKey>> DuplicatesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(DuplicatesSql, ("dataset", datasetId), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var duplicates = new List<DuplicateKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            duplicates.Add(new DuplicateKey(
                reader.GetString(0), reader.GetFieldValue<long?>(1), reader.GetInt64(2), reader.GetFieldValue<long?>(3), reader.GetInt64(4)));
        }
        return duplicates;
    }
}
