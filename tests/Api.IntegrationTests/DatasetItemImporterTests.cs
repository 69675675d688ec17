using Npgsql;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Data;
using Platform.Data.Bulk;
using Platform.Data.Entities;

namespace Platform.Api.IntegrationTests;

/// <summary>The importer itself, on the real schema: repeated keys neither abort the COPY nor can be committed.</summary>
[Collection(StackCollection.Name)]
public sealed class DatasetItemImporterTests(StackFixture stack)
{
    private static readonly Dictionary<string, IReadOnlyList<string>> NoCaptions = [];

    private static async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction, Guid DatasetId)> BeginDatasetAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        var datasetId = Guid.CreateVersion7();
        await connection.ExecuteAsync(
            "INSERT INTO datasets (id, tenant_id, name, source, item_count, caption_languages, created_at) VALUES (@id, @tenant, 'importer', 'Manifest', 0, '{}', now())",
            CancellationToken.None, ("id", datasetId), ("tenant", Tenant.DefaultId));
        return (connection, transaction, datasetId);
    }

    private static async Task<IReadOnlyList<DuplicateKey>> ImportAsync(NpgsqlConnection connection, Guid datasetId, int maxReported, params (string Key, long? Line)[] items)
    {
        await using var importer = await DatasetItemImporter.BeginAsync(connection, datasetId, CancellationToken.None);
        foreach (var (key, line) in items)
        {
            await importer.AddAsync(key, line, null, NoCaptions, CancellationToken.None);
        }
        return await importer.CompleteAsync(maxReported, CancellationToken.None);
    }

    [Fact]
    public async Task Every_later_occurrence_of_a_repeated_key_is_named_with_the_first_in_arrival_order_up_to_the_limit()
    {
        var (connection, transaction, datasetId) = await BeginDatasetAsync(stack.Database.ConnectionString);
        await using (connection)
        await using (transaction)
        {
            (string, long?)[] items = [("a", 10), ("b", 11), ("a", 12), ("c", null), ("b", 14), ("a", 15), ("c", 16)];

            var duplicates = await ImportAsync(connection, datasetId, 3, items);

            Assert.Equal([new DuplicateKey("a", 12, 2, 10, 0), new DuplicateKey("b", 14, 4, 11, 1), new DuplicateKey("a", 15, 5, 10, 0)], duplicates);
            // The rows stay and the transaction is usable; committing it is what the constraint refuses.
            await using var count = connection.CreateCommand("SELECT count(*) FROM dataset_items WHERE dataset_id = @id", ("id", datasetId));
            Assert.Equal(7L, await count.ExecuteScalarAsync());
            var commit = await Assert.ThrowsAsync<PostgresException>(() => transaction.CommitAsync());
            Assert.Equal(PostgresErrorCodes.UniqueViolation, commit.SqlState);
        }
        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM datasets WHERE id = @id", ("id", datasetId)));
    }

    [Fact]
    public async Task Unique_keys_report_nothing_and_commit_with_their_lines()
    {
        var (connection, transaction, datasetId) = await BeginDatasetAsync(stack.Database.ConnectionString);
        await using (connection)
        await using (transaction)
        {
            Assert.Empty(await ImportAsync(connection, datasetId, 10, ("a", 2), ("b", null)));
            await transaction.CommitAsync();
        }

        var lines = await stack.Database.QueryAsync(
            "SELECT key, line FROM dataset_items WHERE dataset_id = @id ORDER BY ordinal",
            r => (r.GetString(0), r.IsDBNull(1) ? (long?)null : r.GetInt64(1)), ("id", datasetId));
        Assert.Equal([("a", 2L), ("b", (long?)null)], lines);
    }
}
