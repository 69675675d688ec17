using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.IntegrationTests.Infrastructure;

namespace Platform.Api.IntegrationTests;

/// <summary>
/// Registration records what languages a checkpoint can produce; a job asking for one it cannot is refused at creation
/// with what it can produce, and nothing is created. Checkpoints registered before that record keep being accepted.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class CheckpointLanguageTests(StackFixture stack)
{
    private async Task<Guid> UploadAsync(byte[] archive, string task)
    {
        using var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new("application/zip");
        var response = await stack.Client.PostAsync($"/v1/checkpoints?name=languages-model&task={task}", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json)).GetProperty("id").GetGuid();
    }

    private async Task<string> RefusedAsync(string kind, object body)
    {
        var response = await stack.Client.PostAsJsonAsync($"/v1/jobs/{kind}", body, StackFixture.Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(StackFixture.Json)).GetProperty("detail").GetString()!;
    }

    private Task<long> JobsOfAsync(Guid dataset) => stack.Database.CountAsync("SELECT count(*) FROM jobs WHERE dataset_id = @dataset", ("dataset", dataset));

    [Fact]
    public async Task Registration_records_the_language_tokens_and_the_declared_pair_shown_by_the_checkpoint_list()
    {
        var captioner = await stack.RegisterCheckpointAsync();
        var translator = await stack.RegisterCheckpointAsync("TextToText");

        var listed = (await stack.Client.GetFromJsonAsync<JsonElement[]>("/v1/checkpoints?limit=1000", StackFixture.Json))!
            .ToDictionary(c => c.GetProperty("id").GetGuid(), c => c.GetProperty("languages"));
        var single = await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/checkpoints/{captioner}", StackFixture.Json);

        var mbart = listed[captioner];
        Assert.Equal(52, mbart.GetProperty("tokens").GetArrayLength());
        Assert.Contains("de_DE", mbart.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("de", mbart.GetProperty("plainCodes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Null, mbart.GetProperty("targetLanguage").ValueKind);
        Assert.Equal(mbart.GetRawText(), single.GetProperty("languages").GetRawText());
        var marian = listed[translator];
        Assert.Equal(0, marian.GetProperty("tokens").GetArrayLength());
        Assert.Equal(("en", "fr"), (marian.GetProperty("sourceLanguage").GetString(), marian.GetProperty("targetLanguage").GetString()));
        Assert.Equal(1, await stack.Database.CountAsync(
            "SELECT count(*) FROM checkpoints WHERE id = @id AND source_language = 'en' AND target_language = 'fr' AND language_tokens = '{}'", ("id", translator)));
    }

    [Fact]
    public async Task A_caption_job_in_a_language_the_captioner_has_no_token_for_is_refused_and_creates_nothing()
    {
        var dataset = await stack.CreateManifestDatasetAsync(3);
        var captioner = await stack.RegisterCheckpointAsync();

        var detail = await RefusedAsync("captions", new { datasetId = dataset, checkpointId = captioner, languages = new[] { "de", "el" } });

        Assert.StartsWith($"Checkpoint {captioner} ('test-model') cannot produce 'el': it has language tokens for ar_AR, cs_CZ, de_DE,", detail, StringComparison.Ordinal);
        Assert.Contains("(asked for as ar, cs, de,", detail, StringComparison.Ordinal);
        var alone = await RefusedAsync("captions", new { datasetId = dataset, checkpointId = captioner, languages = new[] { "el" } });
        Assert.StartsWith($"Checkpoint {captioner} ('test-model') cannot produce 'el':", alone, StringComparison.Ordinal);
        Assert.Equal(0, await JobsOfAsync(dataset));
        await stack.PostJobAsync("/v1/jobs/captions", new { datasetId = dataset, checkpointId = captioner, languages = new[] { "de", "ja" } });
        Assert.Equal(1, await JobsOfAsync(dataset));
    }

    [Fact]
    public async Task A_translation_with_a_pair_checkpoint_from_another_source_or_into_another_target_is_refused()
    {
        var dataset = await stack.CreateDatasetAsync("id,en,es\nfirst,a red circle,un círculo rojo\n");
        var translator = await stack.RegisterCheckpointAsync("TextToText");

        var wrongTarget = await RefusedAsync("translations", new { datasetId = dataset, checkpointId = translator, sourceLanguage = "en", languages = new[] { "fr", "de" } });
        var wrongSource = await RefusedAsync("translations", new { datasetId = dataset, checkpointId = translator, sourceLanguage = "es", languages = new[] { "fr" } });

        Assert.Equal($"Checkpoint {translator} ('test-model') translates en→fr only; it cannot translate into 'de'.", wrongTarget);
        Assert.Equal($"Checkpoint {translator} ('test-model') translates en→fr only; it cannot translate from 'es'.", wrongSource);
        Assert.Equal(0, await JobsOfAsync(dataset));
        await stack.PostJobAsync("/v1/jobs/translations", new { datasetId = dataset, checkpointId = translator, sourceLanguage = "en", languages = new[] { "fr_XX" } });
        Assert.Equal(1, await JobsOfAsync(dataset));
    }

    [Fact]
    public async Task An_evaluation_is_refused_when_one_of_its_checkpoints_cannot_produce_the_language()
    {
        var dataset = await stack.CreateDatasetAsync("id,en,fr\nfirst,a red circle,un cercle rouge\n");
        var french = await stack.RegisterCheckpointAsync("TextToText");
        var german = await UploadAsync(Testing.CheckpointArchives.Translator("de"), "TextToText");

        var detail = await RefusedAsync("evaluations", new { datasetId = dataset, checkpointIds = new[] { french, german }, sourceLanguage = "en", languages = new[] { "fr" } });

        Assert.Equal($"Checkpoint {german} ('languages-model') translates en→de only; it cannot translate into 'fr'.", detail);
        Assert.Equal(0, await JobsOfAsync(dataset));
    }

    [Fact]
    public async Task A_checkpoint_registered_before_languages_were_recorded_is_not_checked_at_creation()
    {
        var dataset = await stack.CreateManifestDatasetAsync(2);
        var captioner = await stack.RegisterCheckpointAsync();
        Assert.Equal(1, await stack.Database.CountAsync(
            "WITH legacy AS (UPDATE checkpoints SET language_tokens = NULL WHERE id = @id RETURNING 1) SELECT count(*) FROM legacy", ("id", captioner)));

        var shown = await stack.Client.GetFromJsonAsync<JsonElement>($"/v1/checkpoints/{captioner}", StackFixture.Json);
        await stack.PostJobAsync("/v1/jobs/captions", new { datasetId = dataset, checkpointId = captioner, languages = new[] { "el" } });

        Assert.Equal(JsonValueKind.Null, shown.GetProperty("languages").ValueKind);
        Assert.Equal(1, await JobsOfAsync(dataset));
    }
}
