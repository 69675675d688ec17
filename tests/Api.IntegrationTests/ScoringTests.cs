using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Api.IntegrationTests.Infrastructure;

namespace Platform.Api.IntegrationTests;

/// <summary>
/// Scoring beyond evaluation jobs: translations over references, a finished job's results scored again, and
/// uploaded hypotheses; the real EvalWorker computes every score.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ScoringTests(StackFixture stack)
{
    private static readonly string[] Sentences = ["a red circle", "the big dog", "water and sun"];

    private Task<JsonElement> WaitUntilSettledAsync(Guid jobId) => stack.WaitForStatusAsync(jobId, "Succeeded", "CompletedWithErrors", "Failed", "Cancelled");

    private Task<HttpResponseMessage> UploadAsync(string query, string text, string contentType = "text/plain") =>
        stack.Client.PostAsync($"/v1/scores?{query}", new StringContent(text, Encoding.UTF8, contentType));

    private async Task<HttpResponseMessage> ScoreWithKeyAsync(object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/scores") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await stack.Client.SendAsync(request);
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    [Fact]
    public async Task A_translation_over_references_is_scored_in_the_languages_that_have_them_and_joins_the_leaderboard()
    {
        var dataset = await stack.CreateDatasetAsync("id,en,de\n" + string.Concat(Sentences.Select((text, i) =>
            $"item-{i},{text},{FakeGenerationWorker.TranslationFor(text, "de")}\n")));
        var translator = await stack.RegisterCheckpointAsync("TextToText");
        // An en→fr checkpoint registered before languages were recorded: asked for de and fr, it is not checked at creation.
        Assert.Equal(1, await stack.Database.CountAsync(
            "WITH legacy AS (UPDATE checkpoints SET language_tokens = NULL WHERE id = @id RETURNING 1) SELECT count(*) FROM legacy", ("id", translator)));

        var jobId = await stack.PostJobAsync("/v1/jobs/translations",
            new { datasetId = dataset, checkpointId = translator, sourceLanguage = "en", languages = new[] { "de", "fr" }, batchSize = 2 });
        var job = await WaitUntilSettledAsync(jobId);

        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(["de"], job.GetProperty("parameters").GetProperty("scoring").GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(2 * 3, await stack.Database.CountAsync("SELECT count(*) FROM results WHERE job_id = @job", ("job", jobId)));
        var metrics = await stack.MetricsAsync(jobId);
        Assert.Equal(new (Guid?, string, string)[] { (translator, "de", "bleu"), (translator, "de", "chrf") }, metrics.Keys.Order());
        Assert.Equal(100.0, metrics[(translator, "de", "bleu")].GetProperty("score").GetDouble(), 9);
        Assert.Equal(100.0, metrics[(translator, "de", "chrf")].GetProperty("score").GetDouble(), 9);

        var board = await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/evaluations/leaderboard?dataset={dataset}", StackFixture.Json);
        var row = Assert.Single(board.GetProperty("rows").EnumerateArray().ToList());
        Assert.Equal((translator, jobId, "de"), (row.GetProperty("checkpointId").GetGuid(), row.GetProperty("jobId").GetGuid(), row.GetProperty("language").GetString()));
        Assert.Equal(100.0, row.GetProperty("scores").GetProperty("sacreBLEU").GetDouble(), 9);
    }

    [Fact]
    public async Task A_translation_without_references_has_no_scoring_step()
    {
        var dataset = await stack.CreateDatasetAsync("id,en\nitem-0,a red circle\n");
        var translator = await stack.RegisterCheckpointAsync("TextToText");

        var jobId = await stack.PostJobAsync("/v1/jobs/translations", new { datasetId = dataset, checkpointId = translator, sourceLanguage = "en", languages = new[] { "fr" } });
        var job = await WaitUntilSettledAsync(jobId);

        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("parameters").GetProperty("scoring").ValueKind);
        Assert.Empty(await stack.MetricsAsync(jobId));
        var withMetrics = await stack.Client.PostAsJsonAsync("/v1/jobs/translations",
            new { datasetId = dataset, checkpointId = translator, sourceLanguage = "en", languages = new[] { "fr" }, metrics = new[] { "bleu" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withMetrics.StatusCode);
    }

    [Fact]
    public async Task Uploaded_hypotheses_get_the_BLEU_computed_by_hand_and_a_wrong_line_count_creates_nothing()
    {
        var dataset = await stack.CreateDatasetAsync(
            "id,image,en\nitem-0,https://images.example/0.jpg,caption of item-0 at en\nitem-1,https://images.example/1.jpg,caption of item-1 in en\n");
        var query = $"datasetId={dataset}&language=en&metrics=bleu,chrf";

        var tooMany = await UploadAsync(query, "caption of item-0 in en\ncaption of item-1 in en\none more\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("has 3 lines", await ProblemAsync(tooMany), StringComparison.Ordinal);
        var tooFew = await UploadAsync(query, "caption of item-0 in en\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFew.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await UploadAsync($"datasetId={Guid.NewGuid()}&language=en", "a\nb\n")).StatusCode);
        Assert.Contains("'de'", await ProblemAsync(await UploadAsync($"datasetId={dataset}&language=de", "a\nb\n")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync($"{query}&tokenize=moses", "a\nb\n")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync($"language=en", "a\nb\n")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await UploadAsync(query, "a\nb\n", "application/octet-stream")).StatusCode);
        using var latin1 = new ByteArrayContent([0x63, 0x61, 0x66, 0xE9, 0x0A, 0x62, 0x0A]);
        latin1.Headers.ContentType = new("text/plain");
        var notUtf8 = await stack.Client.PostAsync($"/v1/scores?{query}", latin1);
        Assert.Equal(HttpStatusCode.BadRequest, notUtf8.StatusCode);
        Assert.Contains("UTF-8", await ProblemAsync(notUtf8), StringComparison.Ordinal);
        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM jobs WHERE dataset_id = @dataset", ("dataset", dataset)));
        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM results r JOIN jobs j ON j.id = r.job_id WHERE j.dataset_id = @dataset", ("dataset", dataset)));

        var accepted = await UploadAsync(query, "caption of item-0 in en\ncaption of item-1 in en\n");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var jobId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var job = await WaitUntilSettledAsync(jobId);

        Assert.Equal(("Succeeded", "Scoring"), (job.GetProperty("status").GetString(), job.GetProperty("kind").GetString()));
        // As in One_wrong_word_gives_the_BLEU_computed_by_hand: precisions 9/10, 6/8, 4/6, 2/4, no brevity penalty.
        var expected = 100 * Math.Pow(9.0 / 10 * (6.0 / 8) * (4.0 / 6) * (2.0 / 4), 1.0 / 4);
        var metrics = await stack.MetricsAsync(jobId);
        Assert.Equal(2, metrics.Count);
        Assert.Equal(expected, metrics[(null, "en", "bleu")].GetProperty("score").GetDouble(), 9);
        Assert.Equal("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.0", metrics[(null, "en", "bleu")].GetProperty("signature").GetString());
        Assert.Equal(2, await stack.Database.CountAsync("SELECT count(*) FROM results WHERE job_id = @job", ("job", jobId)));
    }

    [Fact]
    public async Task A_finished_jobs_results_are_scored_again_with_other_settings_and_an_unfinished_job_is_refused()
    {
        var dataset = await stack.CreateDatasetAsync("id,image,en\n" + string.Concat(Enumerable.Range(0, 2).Select(i =>
            $"item-{i},https://images.example/{i}.jpg,{FakeGenerationWorker.CaptionFor($"item-{i}", "en").ToUpperInvariant()}\n")));
        var checkpoint = await stack.RegisterCheckpointAsync();
        var captions = await stack.PostJobAsync("/v1/jobs/captions", new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en" } });
        await WaitUntilSettledAsync(captions);

        var body = new { jobId = captions, metrics = new[] { "bleu" }, tokenize = "char", lowercase = true };
        var first = await ScoreWithKeyAsync(body, $"score-{captions}");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var scoringId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var retried = await ScoreWithKeyAsync(body, $"score-{captions}");
        Assert.Equal(scoringId, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ScoreWithKeyAsync(body with { lowercase = false }, $"score-{captions}")).StatusCode);
        var scoring = await WaitUntilSettledAsync(scoringId);

        Assert.Equal("Succeeded", scoring.GetProperty("status").GetString());
        var bleu = Assert.Single(await stack.MetricsAsync(scoringId));
        Assert.Equal((checkpoint, "en", "bleu"), bleu.Key);
        // Upper-cased references match the captions only once lowercased.
        Assert.Equal(100.0, bleu.Value.GetProperty("score").GetDouble(), 9);
        Assert.Equal("nrefs:1|case:lc|eff:no|tok:char|smooth:exp|version:2.4.0", bleu.Value.GetProperty("signature").GetString());

        using var gate = new SemaphoreSlim(0);
        stack.Worker.Gate = gate;
        try
        {
            var running = await stack.PostJobAsync("/v1/jobs/captions", new { datasetId = dataset, checkpointId = checkpoint, languages = new[] { "en" } });
            var refused = await stack.Client.PostAsJsonAsync("/v1/scores", new { jobId = running });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("only a finished job", await ProblemAsync(refused), StringComparison.Ordinal);
        }
        finally
        {
            stack.Worker.Gate = null;
            gate.Release(1000);
        }
        var unknown = await stack.Client.PostAsJsonAsync("/v1/scores", new { jobId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var otherDataset = await stack.Client.PostAsJsonAsync("/v1/scores", new { jobId = captions, datasetId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherDataset.StatusCode);
        Assert.Equal(1, await stack.Database.CountAsync("SELECT count(*) FROM jobs WHERE dataset_id = @dataset AND kind = 'Scoring'", ("dataset", dataset)));
    }
}
