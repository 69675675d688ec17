using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Api.Options;
using Platform.Api.Services;
using Platform.ModelBuilder;

namespace Platform.Api.IntegrationTests;

/// <summary>
/// The checkpoint watcher over Azurite: hand-set captioner exports are written as <c>ckpt-N/</c> folders under the
/// watched prefix (the fixture's Api scans it every second), registered once complete, and evaluated.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class CheckpointWatchTests(StackFixture stack) : IDisposable
{
    private readonly DirectoryInfo export = Directory.CreateTempSubdirectory("watched-export-");

    private sealed record Watched(string Folder, string State, string? Detail, int FailedAttempts, Guid? CheckpointId, Guid? JobId);

    private Task<List<Watched>> WatchedAsync(string watch) => stack.Database.QueryAsync(
        "SELECT folder, state, detail, failed_attempts, checkpoint_id, job_id FROM watched_checkpoints WHERE watch = @watch ORDER BY step",
        row => new Watched(row.GetString(0), row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetInt32(3),
            row.IsDBNull(4) ? null : row.GetGuid(4), row.IsDBNull(5) ? null : row.GetGuid(5)),
        ("watch", watch));

    private async Task<BlobContainerClient> ContainerAsync()
    {
        var container = new BlobServiceClient(StackEnvironment.Blobs).GetBlobContainerClient(stack.Container);
        await container.CreateIfNotExistsAsync();
        return container;
    }

    private async Task WriteCheckpointAsync(BlobContainerClient container, string folder, params string[] leaveOut)
    {
        foreach (var file in export.EnumerateFiles().Where(f => !leaveOut.Contains(f.Name)))
        {
            await container.GetBlobClient($"{folder}/{file.Name}").UploadAsync(file.FullName, overwrite: true);
        }
    }

    private async Task<Guid> WatchedDatasetAsync() => await stack.CreateDatasetAsync(
        "id,image,en\n" + string.Concat(Enumerable.Range(0, 3).Select(i => $"item-{i},https://images.example/{i}.jpg,{FakeGenerationWorker.CaptionFor($"item-{i}", "en")}\n")),
        StackFixture.WatchedDataset);

    [Fact]
    public async Task Complete_folders_are_registered_with_their_step_and_evaluated_once_and_an_incomplete_one_waits()
    {
        TestCheckpoints.WriteColourShapeCaptioner(export.FullName);
        var dataset = await WatchedDatasetAsync();
        var container = await ContainerAsync();
        await WriteCheckpointAsync(container, $"{StackFixture.WatchedRun}/ckpt-100");
        await WriteCheckpointAsync(container, $"{StackFixture.WatchedRun}/ckpt-200");
        await WriteCheckpointAsync(container, $"{StackFixture.WatchedRun}/ckpt-300", "encoder_model.onnx");

        var watched = await Poll.UntilAsync(
            () => WatchedAsync("run-1"), rows => rows.Count(r => r.State == "Registered") == 2, TimeSpan.FromSeconds(60), "ckpt-100 and ckpt-200 to be registered");
        Assert.Equal(["Registered", "Registered", "Waiting"], watched.Select(w => w.State));
        Assert.Contains("encoder_model.onnx", watched[2].Detail, StringComparison.Ordinal);
        foreach (var (row, step) in watched.Take(2).Zip([100L, 200L]))
        {
            var checkpoint = await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/checkpoints/{row.CheckpointId}", StackFixture.Json);
            Assert.Equal((step, $"run-1/ckpt-{step}", $"{stack.Container}/{StackFixture.WatchedRun}/ckpt-{step}"),
                (checkpoint.GetProperty("step").GetInt64(), checkpoint.GetProperty("name").GetString(), checkpoint.GetProperty("blobPath").GetString()));
            var job = await stack.WaitForStatusAsync(row.JobId!.Value, "Succeeded", "CompletedWithErrors", "Failed");
            Assert.Equal(("Succeeded", dataset), (job.GetProperty("status").GetString(), job.GetProperty("datasetId").GetGuid()));
        }
        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM checkpoints WHERE step = 300"));
        var watches = await stack.Client.GetFromJsonAsync<JsonElement>("/v1/checkpoints/watches", StackFixture.Json);
        var folders = Assert.Single(watches.EnumerateArray().ToList()).GetProperty("folders").EnumerateArray().ToList();
        Assert.Equal(["Registered", "Registered", "Waiting"], folders.Select(f => f.GetProperty("state").GetString()));
        Assert.Equal([100L, 200L, 300L], folders.Select(f => f.GetProperty("step").GetInt64()));

        await WriteCheckpointAsync(container, $"{StackFixture.WatchedRun}/ckpt-300");
        watched = await Poll.UntilAsync(
            () => WatchedAsync("run-1"), rows => rows.All(r => r.State == "Registered"), TimeSpan.FromSeconds(60), "ckpt-300 to be registered once complete");
        await stack.WaitForStatusAsync(watched[2].JobId!.Value, "Succeeded");

        // Scans kept running all along: still one checkpoint per folder and one evaluation per checkpoint.
        Assert.Equal(3, await stack.Database.CountAsync("SELECT count(*) FROM checkpoints WHERE name LIKE 'run-1/%'"));
        Assert.Equal(3, await stack.Database.CountAsync(
            "SELECT count(*) FROM jobs j JOIN checkpoints c ON c.id = j.checkpoint_id WHERE c.name LIKE 'run-1/%'"));
        var board = await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/evaluations/leaderboard?dataset={dataset}&order=step", StackFixture.Json);
        var rows = board.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([100L, 200L, 300L], rows.Select(row => row.GetProperty("step").GetInt64()));
        Assert.All(rows, row => Assert.Equal(100.0, row.GetProperty("scores").GetProperty("sacreBLEU").GetDouble(), 9));
        var csv = await stack.Client.GetStringAsync($"/v1/evaluations/leaderboard?dataset={dataset}&order=step&format=csv");
        Assert.Equal(["100", "200", "300"], csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[2]));
    }

    [Fact]
    public async Task Racing_scans_register_a_folder_once_and_a_refused_evaluation_is_not_retried_until_the_folder_changes()
    {
        TestCheckpoints.WriteColourShapeCaptioner(export.FullName);
        await WatchedDatasetAsync();
        var container = await ContainerAsync();
        var watcher = stack.Services.GetRequiredService<CheckpointWatcher>();
        var race = new CheckpointWatch { Name = "race", BlobPrefix = $"{stack.Container}/runs/race", Dataset = StackFixture.WatchedDataset, Languages = ["en"], Metrics = ["bleu"] };
        await WriteCheckpointAsync(container, "runs/race/ckpt-7");

        await watcher.ScanAsync(race, CancellationToken.None);
        Assert.Equal("Waiting", Assert.Single(await WatchedAsync("race")).State);
        // Both scans find the folder unchanged since the first: both register it.
        await Task.WhenAll(watcher.ScanAsync(race, CancellationToken.None), watcher.ScanAsync(race, CancellationToken.None));
        var registered = Assert.Single(await WatchedAsync("race"));
        Assert.Equal("Registered", registered.State);
        Assert.Equal(1, await stack.Database.CountAsync("SELECT count(*) FROM checkpoints WHERE name = 'race/ckpt-7' AND step = 7"));
        Assert.Equal(1, await stack.Database.CountAsync("SELECT count(*) FROM jobs WHERE checkpoint_id = @checkpoint", ("checkpoint", registered.CheckpointId!.Value)));

        // A marker makes a folder complete at once; an evaluation in a language without references is refused.
        var refused = new CheckpointWatch
        {
            Name = "refused", BlobPrefix = $"{stack.Container}/runs/refused", Dataset = StackFixture.WatchedDataset, Languages = ["de"], Marker = "_COMPLETE",
        };
        await WriteCheckpointAsync(container, "runs/refused/ckpt-1");
        await watcher.ScanAsync(refused, CancellationToken.None);
        Assert.Contains("_COMPLETE", Assert.Single(await WatchedAsync("refused")).Detail, StringComparison.Ordinal);
        await container.GetBlobClient("runs/refused/ckpt-1/_COMPLETE").UploadAsync(BinaryData.FromString(""), overwrite: true);
        await watcher.ScanAsync(refused, CancellationToken.None);
        await watcher.ScanAsync(refused, CancellationToken.None);
        var rejected = Assert.Single(await WatchedAsync("refused"));
        Assert.Equal(("Rejected", 1), (rejected.State, rejected.FailedAttempts));
        Assert.Contains("'de'", rejected.Detail, StringComparison.Ordinal);
        Assert.Null(rejected.JobId);

        await container.GetBlobClient("runs/refused/ckpt-1/config.json").UploadAsync(BinaryData.FromString("{}"), overwrite: true);
        await watcher.ScanAsync(refused, CancellationToken.None);
        Assert.Equal(("Rejected", 2), ((await WatchedAsync("refused")).Select(r => (r.State, r.FailedAttempts)).Single()));
    }

    [Fact]
    public async Task An_evaluation_in_a_language_the_watched_checkpoint_cannot_produce_is_recorded_as_refused()
    {
        TestCheckpoints.WriteColourShapeCaptioner(export.FullName);
        await stack.CreateDatasetAsync("id,image,el\nitem-0,https://images.example/0.jpg,ένας κόκκινος κύκλος\n", "greek-references");
        var container = await ContainerAsync();
        var watcher = stack.Services.GetRequiredService<CheckpointWatcher>();
        var greek = new CheckpointWatch
        {
            Name = "greek", BlobPrefix = $"{stack.Container}/runs/greek", Dataset = "greek-references", Languages = ["el"], Marker = "_COMPLETE",
        };
        await WriteCheckpointAsync(container, "runs/greek/ckpt-3");
        await container.GetBlobClient("runs/greek/ckpt-3/_COMPLETE").UploadAsync(BinaryData.FromString(""), overwrite: true);

        await watcher.ScanAsync(greek, CancellationToken.None);

        var rejected = Assert.Single(await WatchedAsync("greek"));
        Assert.Equal(("Rejected", 1), (rejected.State, rejected.FailedAttempts));
        Assert.StartsWith($"Evaluation refused: Checkpoint {rejected.CheckpointId} ('greek/ckpt-3') cannot produce 'el': it has language tokens for ar_AR,", rejected.Detail, StringComparison.Ordinal);
        Assert.Null(rejected.JobId);
        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM jobs WHERE checkpoint_id = @checkpoint", ("checkpoint", rejected.CheckpointId!.Value)));
    }

    public void Dispose() => export.Delete(recursive: true);
}
