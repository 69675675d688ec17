using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.IntegrationTests.Infrastructure;

namespace Platform.Api.IntegrationTests;

/// <summary>An evaluation job over several checkpoints: one child job per checkpoint, settled and scored as a whole.</summary>
[Collection(StackCollection.Name)]
public sealed class MultiCheckpointEvaluationTests(StackFixture stack)
{
    private async Task<Guid> ReferenceDatasetAsync(int items) => await stack.CreateDatasetAsync(
        "id,image,en\n" + string.Concat(Enumerable.Range(0, items).Select(i =>
            $"item-{i},https://images.example/{i}.jpg,{FakeGenerationWorker.CaptionFor($"item-{i}", "en")}\n")));

    [Fact]
    public async Task Two_checkpoints_run_as_two_children_each_scored_once_and_both_on_the_leaderboard()
    {
        var dataset = await ReferenceDatasetAsync(3);
        Guid[] checkpoints = [await stack.RegisterCheckpointAsync(), await stack.RegisterCheckpointAsync()];

        var parentId = await stack.PostJobAsync("/v1/jobs/evaluations", new { datasetId = dataset, checkpointIds = checkpoints, languages = new[] { "en" }, batchSize = 2 });
        var parent = await stack.WaitForStatusAsync(parentId, "Succeeded", "CompletedWithErrors", "Failed", "Cancelled");

        Assert.Equal("Succeeded", parent.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, parent.GetProperty("checkpointId").ValueKind);
        Assert.Equal(checkpoints, parent.GetProperty("parameters").GetProperty("checkpointIds").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal(6, parent.GetProperty("items").GetProperty("succeeded").GetInt64());
        Assert.Equal(4, parent.GetProperty("batches").GetProperty("total").GetInt32());

        var children = (await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/jobs?parentJobId={parentId}", StackFixture.Json))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(checkpoints.Order(), children.Select(child => child.GetProperty("checkpointId").GetGuid()).Order());
        Assert.All(children, child =>
        {
            Assert.Equal(parentId, child.GetProperty("parentJobId").GetGuid());
            Assert.Equal("Succeeded", child.GetProperty("status").GetString());
        });
        // Exactly once per (job, checkpoint, item, language): each child holds one checkpoint's three results.
        Assert.Equal(6, await stack.Database.CountAsync(
            "SELECT count(DISTINCT (r.job_id, j.checkpoint_id, r.ordinal, r.language)) FROM results r JOIN jobs j ON j.id = r.job_id WHERE j.parent_job_id = @parent",
            ("parent", parentId)));
        Assert.Equal(6, await stack.Database.CountAsync(
            "SELECT count(*) FROM results r JOIN jobs j ON j.id = r.job_id WHERE j.parent_job_id = @parent", ("parent", parentId)));

        var metrics = await stack.MetricsAsync(parentId);
        Assert.Equal(2 * 7, metrics.Count);
        Assert.All(checkpoints, checkpoint => Assert.Equal(100.0, metrics[(checkpoint, "en", "bleu")].GetProperty("score").GetDouble(), 9));

        var board = await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/evaluations/leaderboard?dataset={dataset}", StackFixture.Json);
        var rows = board.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(checkpoints.Order(), rows.Select(row => row.GetProperty("checkpointId").GetGuid()).Order());
        Assert.Equal(children.Select(child => child.GetProperty("id").GetGuid()).Order(), rows.Select(row => row.GetProperty("jobId").GetGuid()).Order());
    }

    [Fact]
    public async Task Cancelling_the_parent_cancels_every_child()
    {
        var dataset = await ReferenceDatasetAsync(40);
        Guid[] checkpoints = [await stack.RegisterCheckpointAsync(), await stack.RegisterCheckpointAsync()];
        using var gate = new SemaphoreSlim(0);
        stack.Worker.Gate = gate;
        try
        {
            var parentId = await stack.PostJobAsync("/v1/jobs/evaluations", new { datasetId = dataset, checkpointIds = checkpoints, languages = new[] { "en" }, batchSize = 10 });
            var cancel = await stack.Client.PostAsync($"/v1/jobs/{parentId}/cancel", null);
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            gate.Release(1000);

            Assert.Equal("Cancelled", (await stack.GetJobAsync(parentId)).GetProperty("status").GetString());
            Assert.Equal(2, await stack.Database.CountAsync("SELECT count(*) FROM jobs WHERE parent_job_id = @parent AND status = 'Cancelled'", ("parent", parentId)));
            Assert.Equal(0, await stack.Database.CountAsync(
                "SELECT count(*) FROM batches b JOIN jobs j ON j.id = b.job_id WHERE j.parent_job_id = @parent AND b.state NOT IN ('Completed', 'Cancelled')",
                ("parent", parentId)));
        }
        finally
        {
            stack.Worker.Gate = null;
            gate.Release(1000);
        }
    }

    [Fact]
    public async Task A_parent_with_one_child_cancelled_and_one_scored_settles_as_completed_with_errors()
    {
        var dataset = await ReferenceDatasetAsync(4);
        Guid[] checkpoints = [await stack.RegisterCheckpointAsync(), await stack.RegisterCheckpointAsync()];
        using var gate = new SemaphoreSlim(0);
        stack.Worker.Gate = gate;
        Guid parentId;
        try
        {
            parentId = await stack.PostJobAsync("/v1/jobs/evaluations", new { datasetId = dataset, checkpointIds = checkpoints, languages = new[] { "en" }, batchSize = 2 });
            var running = await Poll.UntilAsync(
                () => stack.GetJobAsync(parentId), job => job.GetProperty("status").GetString() == "Running", TimeSpan.FromSeconds(30), "the parent to run");
            Assert.Equal(JsonValueKind.Null, running.GetProperty("completedAt").ValueKind);
            var cancelled = (await stack.Database.QueryAsync(
                "SELECT id FROM jobs WHERE parent_job_id = @parent AND checkpoint_id = @checkpoint", row => row.GetGuid(0),
                ("parent", parentId), ("checkpoint", checkpoints[0]))).Single();
            Assert.Equal(HttpStatusCode.OK, (await stack.Client.PostAsync($"/v1/jobs/{cancelled}/cancel", null)).StatusCode);
            Assert.Equal("Running", (await stack.GetJobAsync(parentId)).GetProperty("status").GetString());
        }
        finally
        {
            stack.Worker.Gate = null;
            gate.Release(1000);
        }

        var parent = await stack.WaitForStatusAsync(parentId, "Succeeded", "CompletedWithErrors", "Failed", "Cancelled");
        Assert.Equal("CompletedWithErrors", parent.GetProperty("status").GetString());
        var metrics = await stack.MetricsAsync(parentId);
        Assert.Equal(7, metrics.Count);
        Assert.All(metrics.Keys, key => Assert.Equal(checkpoints[1], key.Checkpoint));
    }

    [Fact]
    public async Task Duplicate_unknown_or_mixed_task_checkpoints_are_refused_and_nothing_is_created()
    {
        var dataset = await ReferenceDatasetAsync(1);
        var captioner = await stack.RegisterCheckpointAsync();
        var translator = await stack.RegisterCheckpointAsync("TextToText");

        async Task ExpectAsync(HttpStatusCode status, string detail, object body, string kind = "evaluations")
        {
            var response = await stack.Client.PostAsJsonAsync($"/v1/jobs/{kind}", body);
            Assert.Equal(status, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await ExpectAsync(HttpStatusCode.BadRequest, "twice", new { datasetId = dataset, checkpointIds = new[] { captioner, captioner }, languages = new[] { "en" } });
        await ExpectAsync(HttpStatusCode.BadRequest, "not both", new { datasetId = dataset, checkpointId = captioner, checkpointIds = new[] { captioner }, languages = new[] { "en" } });
        await ExpectAsync(HttpStatusCode.BadRequest, "only an evaluation job compares several",
            new { datasetId = dataset, checkpointIds = new[] { captioner, Guid.NewGuid() }, languages = new[] { "en" } }, "captions");
        var unknown = Guid.NewGuid();
        await ExpectAsync(HttpStatusCode.UnprocessableEntity, $"Checkpoint {unknown} does not exist",
            new { datasetId = dataset, checkpointIds = new[] { captioner, unknown }, languages = new[] { "en" } });
        await ExpectAsync(HttpStatusCode.UnprocessableEntity, "different tasks",
            new { datasetId = dataset, checkpointIds = new[] { captioner, translator }, languages = new[] { "en" }, sourceLanguage = "en" });

        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM jobs WHERE dataset_id = @dataset", ("dataset", dataset)));
    }
}
