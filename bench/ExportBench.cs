using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Data;
using Platform.Data.Bulk;
using Platform.Data.Entities;
using Platform.Exports;
using Platform.Storage.Blobs;

namespace Platform.Bench;

/// <summary>
/// Exports a job of <c>rows</c> results (default 1 000 000, two languages) from PostgreSQL to Azurite in each format through
/// the production path (keyset pages, format writer, pipe, staged block upload), sampling the managed heap every 10 ms
/// to show that memory stays flat whatever the job size. Needs the stack's connection strings in the environment
/// (<c>source .local/dev/stack.env</c>); works in a database of its own, dropped afterwards. Writes bench/results/exports.json.
/// </summary>
internal static class ExportBench
{
    public static async Task<int> RunAsync(long rows)
    {
        var server = Required("ConnectionStrings__Postgres");
        var database = $"bench_exports_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var postgres = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(postgres);
            var job = await CreateJobAsync(postgres, dataSource, rows);
            var options = Options.Create(new ExportOptions { Container = "bench-exports" });
            var store = new ExportStore(new ExportWriter(new ResultRowReader(dataSource, options), options),
                new BlobStore(new BlobServiceClient(Required("ConnectionStrings__Blobs"))), dataSource, options);
            var runs = new List<ExportRun>();
            foreach (var format in ExportFormat.All)
            {
                runs.Add(await MeasureAsync(format, () => store.WriteAsync(job.Exported, format, job.SettledAt, CancellationToken.None)));
            }
            var path = Path.Combine(AppContext.BaseDirectory, "../../../results/exports.json");
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { rows, runs }, new JsonSerializerOptions { WriteIndented = true }) + "\n");
            Console.WriteLine(await File.ReadAllTextAsync(path));
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task<ExportRun> MeasureAsync(ExportFormat format, Func<Task<JobExport?>> export)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
            while (await timer.WaitForNextTickAsync(sampling.Token).ConfigureAwait(false))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        });
        var clock = Stopwatch.StartNew();
        var written = await export() ?? throw new InvalidOperationException("The export was not recorded.");
        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler.ContinueWith(_ => { }, TaskScheduler.Default);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new ExportRun(format.Name, written.RowCount, written.SizeBytes, Math.Round(seconds, 2), Math.Round(written.RowCount / seconds),
            Math.Round(peak / 1048576.0, 1), Math.Round(allocated / 1048576.0, 1));
    }

    private static async Task<(ExportedJob Exported, DateTimeOffset SettledAt)> CreateJobAsync(string postgres, NpgsqlDataSource dataSource, long rows)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        PlatformDbContextOptions.Configure(options, postgres);
        await using var db = new PlatformDbContext(options.Options);
        await db.Database.MigrateAsync();
        var settledAt = DateTimeOffset.UtcNow;
        var dataset = new Dataset { Id = Guid.CreateVersion7(), Name = "bench", ItemCount = rows / 2, CreatedAt = settledAt };
        var job = new Job
        {
            Id = Guid.CreateVersion7(), Kind = JobKind.Captions, Status = JobStatus.Succeeded, DatasetId = dataset.Id,
            Parameters = new JobParameters(["de", "en"]), ItemsTotal = rows / 2, CreatedAt = settledAt, CompletedAt = settledAt,
        };
        db.AddRange(dataset, job);
        await db.SaveChangesAsync();
        var writer = new ResultWriter(dataSource);
        foreach (var chunk in LongRange(rows / 2).Chunk(10_000))
        {
            var results = chunk.SelectMany(i => new[] { "de", "en" }.Select(language =>
                new ResultRow(i, language, $"images/{i:D8}.jpg", $"a caption of image {i} in {language}, with a comma and \"quotes\"", -0.25, [])));
            await writer.WriteAsync(job.Id, [.. results], [], CancellationToken.None);
        }
        // Read back, as PostgreSQL rounds the timestamp to microseconds.
        var stored = await db.Jobs.AsNoTracking().Where(j => j.Id == job.Id).Select(j => j.CompletedAt).SingleAsync();
        return (new ExportedJob(job.Id, dataset.Id, null), stored!.Value);
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (long i = 0; i < count; i++)
        {
            yield return i;
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set: source the stack's stack.env first.");
}
