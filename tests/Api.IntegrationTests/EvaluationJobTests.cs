using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Contracts;

namespace Platform.Api.IntegrationTests;

/// <summary>
/// Evaluation jobs end to end: the stand-in caption worker writes "caption of {key} in {language}", the real
/// EvalWorker scores it against the dataset's references, and the Api settles the job and serves the scores.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class EvaluationJobTests(StackFixture stack)
{
    private const string BleuSignature = "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.0";

    private async Task<HttpResponseMessage> PostEvaluationAsync(Guid dataset, Guid checkpoint, string[] languages, string[]? metrics = null) =>
        await stack.Client.PostAsJsonAsync("/v1/jobs/evaluations", new { datasetId = dataset, checkpointId = checkpoint, languages, metrics, batchSize = 2 });

    private async Task<Guid> EvaluateAsync(Guid dataset, Guid checkpoint, string[] languages)
    {
        var response = await PostEvaluationAsync(dataset, checkpoint, languages);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json)).GetProperty("id").GetGuid();
        var job = await stack.WaitForStatusAsync(jobId, "Succeeded", "CompletedWithErrors", "Failed");
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        return jobId;
    }

    private async Task<Dictionary<(string Language, string Metric), JsonElement>> MetricsAsync(Guid jobId)
    {
        var rows = await stack.Client.GetFromJsonAsync<JsonElement[]>($"/v1/jobs/{jobId}/metrics", StackFixture.Json);
        return rows!.ToDictionary(row => (row.GetProperty("language").GetString()!, row.GetProperty("metric").GetString()!));
    }

    [Fact]
    public async Task Captions_equal_to_the_references_score_100_in_every_language_and_top_the_leaderboard()
    {
        var items = Enumerable.Range(0, 3).Select(i => $"item-{i}").ToList();
        var manifest = "id,image,en,fr\n" + string.Concat(items.Select(key =>
            $"{key},https://images.example/{key}.jpg,{FakeGenerationWorker.CaptionFor(key, "en")},{FakeGenerationWorker.CaptionFor(key, "fr")}\n"));
        var dataset = await stack.CreateDatasetAsync(manifest);
        var checkpoint = await stack.RegisterCheckpointAsync();

        var jobId = await EvaluateAsync(dataset, checkpoint, ["en", "fr"]);

        var metrics = await MetricsAsync(jobId);
        // Default metrics: sacreBLEU, chrF, COCO BLEU-1..4, CIDEr-D; one row each per language.
        Assert.Equal(2 * 7, metrics.Count);
        foreach (var language in new[] { "en", "fr" })
        {
            Assert.Equal(100.0, metrics[(language, "bleu")].GetProperty("score").GetDouble(), 9);
            Assert.Equal(BleuSignature, metrics[(language, "bleu")].GetProperty("signature").GetString());
            Assert.Equal(100.0, metrics[(language, "chrf")].GetProperty("score").GetDouble(), 9);
            for (var n = 1; n <= 4; n++)
            {
                Assert.Equal(1.0, metrics[(language, $"bleu-{n}")].GetProperty("score").GetDouble(), 6);
            }
            // Each item's tf-idf vectors are identical (cosine 1 at every order), times CIDEr-D's 10.
            Assert.Equal(10.0, metrics[(language, "cider")].GetProperty("score").GetDouble(), 9);
        }
        Assert.Equal(1, await stack.Database.CountAsync(
            "SELECT count(*) FROM metrics WHERE job_id = @job AND metric = 'bleu' AND language = 'en' AND (statistics -> 'Correct' ->> 3)::int = 6 AND (statistics ->> 'SysLen')::int = 15", ("job", jobId)));

        var board = await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/evaluations/leaderboard?dataset={dataset}", StackFixture.Json);
        var rows = board.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["en", "fr"], rows.Select(row => row.GetProperty("language").GetString()).Order());
        Assert.All(rows, row =>
        {
            Assert.Equal(checkpoint, row.GetProperty("checkpointId").GetGuid());
            Assert.Equal(jobId, row.GetProperty("jobId").GetGuid());
            var scores = row.GetProperty("scores");
            Assert.Equal(100.0, scores.GetProperty("sacreBLEU").GetDouble(), 9);
            Assert.Equal(100.0, scores.GetProperty("chrF").GetDouble(), 9);
            Assert.Equal(100.0, scores.GetProperty("BLEU-4").GetDouble(), 5);
            Assert.Equal(1000.0, scores.GetProperty("CIDEr").GetDouble(), 6);
        });
        var best = board.GetProperty("best").EnumerateArray().ToList();
        Assert.Equal(2 * 7, best.Count);
        Assert.All(best, entry => Assert.Equal(checkpoint, entry.GetProperty("checkpointId").GetGuid()));

        var csv = (await stack.Client.GetStringAsync($"/v1/evaluations/leaderboard?dataset={dataset}&format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("checkpoint_id,checkpoint,step,job_id,language,BLEU-1,BLEU-2,BLEU-3,BLEU-4,sacreBLEU,chrF,CIDEr", csv[0]);
        Assert.Equal(3, csv.Length);
        var en = csv.Single(line => line.Split(',')[4] == "en").Split(',');
        Assert.Equal([checkpoint.ToString(), "test-model", "", jobId.ToString()], en[..4]);
        Assert.Equal(100.0, double.Parse(en[9], CultureInfo.InvariantCulture), 9);
        Assert.Equal(100.0, double.Parse(en[10], CultureInfo.InvariantCulture), 9);

        var markdown = await stack.Client.GetStringAsync($"/v1/evaluations/leaderboard?dataset={dataset}&format=markdown");
        Assert.StartsWith("| Checkpoint | Step | Language | BLEU-1 | BLEU-2 | BLEU-3 | BLEU-4 | sacreBLEU | chrF | CIDEr |\n| --- | ---: | --- | ---: |", markdown);
        Assert.Contains("| test-model | – | en | **100.00** | **100.00** | **100.00** | **100.00** | **100.00** | **100.00** | **1000.00** |\n", markdown);
        Assert.Contains("| test-model | – | fr | **100.00** |", markdown);
    }

    [Fact]
    public async Task A_repeated_scoring_request_rewrites_the_same_rows_and_counts_an_item_without_text_as_missing()
    {
        var manifest = "id,image,en\n" + string.Concat(Enumerable.Range(0, 3).Select(i =>
            $"item-{i},https://images.example/{i}.jpg,{FakeGenerationWorker.CaptionFor($"item-{i}", "en")}\n"));
        var dataset = await stack.CreateDatasetAsync(manifest);
        var checkpoint = await stack.RegisterCheckpointAsync();
        var jobId = await EvaluateAsync(dataset, checkpoint, ["en"]);
        Assert.Equal(0, (await MetricsAsync(jobId))[("en", "bleu")].GetProperty("missingHypotheses").GetInt64());

        await stack.Database.CountAsync("WITH gone AS (DELETE FROM results WHERE job_id = @job AND ordinal = 2 RETURNING 1) SELECT count(*) FROM gone", ("job", jobId));
        await stack.Services.GetRequiredService<IBus>().Publish(new ScoreJob(jobId, checkpoint, dataset, ["en"], ["bleu", "chrf", "coco-bleu", "cider"]));

        // item-2 is scored as empty: all 10 remaining hypothesis tokens match (precisions 1), but the hypotheses are
        // 10 tokens against 15 reference tokens: BLEU = 100 · exp(1 − 15/10) ≈ 60.65.
        var expected = 100 * Math.Exp(1 - (15.0 / 10));
        var metrics = await Poll.UntilAsync(
            () => MetricsAsync(jobId), rows => rows[("en", "bleu")].GetProperty("score").GetDouble() < 100, TimeSpan.FromSeconds(60), "the job to be scored again");
        var bleu = metrics[("en", "bleu")];
        Assert.Equal(expected, bleu.GetProperty("score").GetDouble(), 9);
        Assert.Equal(3, bleu.GetProperty("segments").GetInt64());
        Assert.Equal(1, bleu.GetProperty("missingHypotheses").GetInt64());
        Assert.Equal(7, metrics.Count);
        Assert.Equal(7, await stack.Database.CountAsync("SELECT count(*) FROM metrics WHERE job_id = @job", ("job", jobId)));
        Assert.Equal("Succeeded", (await stack.GetJobAsync(jobId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task One_wrong_word_gives_the_BLEU_computed_by_hand()
    {
        // Hypotheses: "caption of item-0 in en", "caption of item-1 in en" (13a keeps "item-0" one token).
        var dataset = await stack.CreateDatasetAsync(
            "id,image,en\nitem-0,https://images.example/0.jpg,caption of item-0 at en\nitem-1,https://images.example/1.jpg,caption of item-1 in en\n");
        var checkpoint = await stack.RegisterCheckpointAsync();

        var jobId = await EvaluateAsync(dataset, checkpoint, ["en"]);

        // item-0 ("in" vs "at") matches 4/5 unigrams, 2/4 bigrams, 1/3 trigrams, 0/2 4-grams; item-1 matches all (5, 4, 3, 2).
        // Corpus precisions 9/10, 6/8, 4/6, 2/4; 10 hypothesis tokens = 10 reference tokens, so no brevity penalty:
        // BLEU = 100 · (0.9 · 0.75 · 0.6667 · 0.5)^(1/4) = 100 · 0.225^(1/4) ≈ 68.87
        var expected = 100 * Math.Pow(9.0 / 10 * (6.0 / 8) * (4.0 / 6) * (2.0 / 4), 1.0 / 4);
        var metrics = await MetricsAsync(jobId);
        Assert.Equal(expected, metrics[("en", "bleu")].GetProperty("score").GetDouble(), 9);
        Assert.InRange(metrics[("en", "chrf")].GetProperty("score").GetDouble(), 1, 99.9);

        var board = await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/evaluations/leaderboard?dataset={dataset}", StackFixture.Json);
        var row = Assert.Single(board.GetProperty("rows").EnumerateArray().ToList());
        Assert.Equal(expected, row.GetProperty("scores").GetProperty("sacreBLEU").GetDouble(), 9);
        var markdown = await stack.Client.GetStringAsync($"/v1/evaluations/leaderboard?dataset={dataset}&format=markdown");
        Assert.Contains($" **{expected.ToString("F2", CultureInfo.InvariantCulture)}** |", markdown);
        Assert.Equal("68.87", expected.ToString("F2", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_language_without_references_or_an_unknown_metric_is_refused_at_create()
    {
        var dataset = await stack.CreateDatasetAsync("id,image,en\nitem-0,https://images.example/0.jpg,a caption\n");
        var checkpoint = await stack.RegisterCheckpointAsync();

        var noReferences = await PostEvaluationAsync(dataset, checkpoint, ["en", "de"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReferences.StatusCode);
        Assert.Contains("'de'", await noReferences.Content.ReadAsStringAsync());

        var unknownMetric = await PostEvaluationAsync(dataset, checkpoint, ["en"], ["bleu", "meteor"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownMetric.StatusCode);
        Assert.Contains("'meteor'", await unknownMetric.Content.ReadAsStringAsync());

        Assert.Equal(0, await stack.Database.CountAsync("SELECT count(*) FROM jobs WHERE dataset_id = @dataset", ("dataset", dataset)));
        var unknownDataset = await stack.Client.GetAsync($"/v1/evaluations/leaderboard?dataset={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknownDataset.StatusCode);
    }
}
