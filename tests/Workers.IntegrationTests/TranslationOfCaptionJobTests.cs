using System.Net;
using System.Text.Json;
using Platform.ModelBuilder;
using Platform.ModelBuilder.Translation;
using Platform.Workers.IntegrationTests.Infrastructure;

namespace Platform.Workers.IntegrationTests;

/// <summary>A translation job that reads its source text from a finished caption job's results (<c>sourceJobId</c>).</summary>
[Collection(WorkersCollection.Name)]
public sealed class TranslationOfCaptionJobTests(WorkersFixture stack) : IDisposable
{
    private const int Pictures = 12;
    private readonly TempFolder temp = new();

    [Fact]
    public async Task The_english_captions_of_a_caption_job_are_translated_and_bad_source_jobs_are_refused()
    {
        var (dataset, captionJob) = await CaptionPicturesAsync();
        var translatorFolder = temp.Sub("word-translator-de");
        TestCheckpoints.WriteWordTranslator(translatorFolder, "de");
        var translator = await stack.Api.UploadCheckpointAsync(translatorFolder, "TextToText");

        var jobId = await stack.Api.CreateJobAsync("translations", new
        {
            datasetId = dataset, checkpointId = translator, sourceJobId = captionJob, sourceLanguage = "en_XX", languages = new[] { "de" },
            batchSize = 5,
        });
        var job = await stack.Api.WaitUntilSettledAsync(jobId, stack.Translator);

        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(captionJob, job.GetProperty("parameters").GetProperty("sourceJobId").GetGuid());
        var results = await stack.Api.GetResultsAsync(jobId);
        Assert.Equal(Pictures, results.Count);
        Assert.All(results, result =>
        {
            var name = Path.GetFileNameWithoutExtension(result.GetProperty("item").GetString()!).Split('-');
            var caption = SyntheticImages.ExpectedCaption(name[0], name[1], "en_XX");
            Assert.Equal(("de", WordTranslations.Translate(caption, "de")), (result.GetProperty("language").GetString(), result.GetProperty("text").GetString()));
            Assert.Empty(result.GetProperty("flags").EnumerateArray());
        });

        await RefusalsCreateNothingAsync(dataset, captionJob, translator);
    }

    private async Task RefusalsCreateNothingAsync(Guid dataset, Guid captionJob, Guid translator)
    {
        var otherDataset = await stack.Api.CreateManifestDatasetAsync("id,en\nfirst,a red circle\n");
        var running = await CopyJobAsync(captionJob, "'status', 'Running'");
        var otherTenants = await CopyJobAsync(
            captionJob, "'tenant_id', (SELECT id FROM other_tenant)",
            "WITH other_tenant AS (INSERT INTO tenants (id, name, created_at) VALUES (gen_random_uuid(), 'other', now()) RETURNING id) ");
        var unknown = Guid.NewGuid();
        var cases = new (object Request, string Detail)[]
        {
            (Request(dataset, unknown, "en_XX"), $"Job {unknown} does not exist."),
            (Request(dataset, otherTenants, "en_XX"), $"Job {otherTenants} does not exist."),
            (Request(dataset, running, "en_XX"), $"Job {running} is Running; only a finished job (Succeeded or CompletedWithErrors) has output to translate."),
            (Request(dataset, captionJob, "fr_XX"), $"Job {captionJob} produced no 'fr_XX' output (it produced en_XX, de_DE)."),
            (Request(otherDataset, captionJob, "en_XX"), $"Job {captionJob} ran on dataset {dataset}, not on dataset {otherDataset}."),
        };
        var jobsBefore = await stack.Database.CountAsync("SELECT count(*) FROM jobs");
        foreach (var (request, detail) in cases)
        {
            using var response = await stack.Api.PostJobAsync("translations", request);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(detail, problem.GetProperty("detail").GetString());
        }
        using (var captions = await stack.Api.PostJobAsync("captions", new { datasetId = dataset, checkpointId = translator, sourceJobId = captionJob, languages = new[] { "de" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, captions.StatusCode);
        }
        Assert.Equal(jobsBefore, await stack.Database.CountAsync("SELECT count(*) FROM jobs"));

        object Request(Guid datasetId, Guid sourceJobId, string sourceLanguage) =>
            new { datasetId, checkpointId = translator, sourceJobId, sourceLanguage, languages = new[] { "de" } };
    }

    private async Task<(Guid Dataset, Guid Job)> CaptionPicturesAsync()
    {
        var folder = temp.Sub("colour-shape-captioner");
        TestCheckpoints.WriteColourShapeCaptioner(folder);
        var captioner = await stack.Api.UploadCheckpointAsync(folder, "ImageToText");
        var files = Enumerable.Range(0, Pictures).ToDictionary(
            i => $"pictures/{SyntheticImages.Colours[i % 4]}-{SyntheticImages.Shapes[i % 3]}-{i}.png",
            i => SyntheticImages.Draw(SyntheticImages.Colours[i % 4], SyntheticImages.Shapes[i % 3], size: 48, format: "png", seed: i));
        var dataset = await stack.Api.CreateArchiveDatasetAsync(files);
        var job = await stack.Api.CreateJobAsync("captions", new { datasetId = dataset, checkpointId = captioner, languages = new[] { "en_XX", "de_DE" } });
        Assert.Equal("Succeeded", (await stack.Api.WaitUntilSettledAsync(job, stack.Captioner)).GetProperty("status").GetString());
        return (dataset, job);
    }

    /// <summary>A copy of a job row with some columns changed, for states a request cannot reach on its own.</summary>
    private async Task<Guid> CopyJobAsync(Guid jobId, string changes, string prefix = "")
    {
        var copies = await stack.Database.QueryAsync(
            prefix + $"""
            INSERT INTO jobs
            SELECT (jsonb_populate_record(j, jsonb_build_object('id', gen_random_uuid(), 'idempotency_key', null, {changes}))).*
            FROM jobs j WHERE j.id = @job
            RETURNING id
            """,
            row => row.GetGuid(0), ("job", jobId));
        return Assert.Single(copies);
    }

    public void Dispose() => temp.Dispose();
}
