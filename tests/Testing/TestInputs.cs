using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>Datasets and checkpoints created through an Api's own endpoints.</summary>
public static class TestInputs
{
    public static async Task<Guid> CreateManifestDatasetAsync(HttpClient client, int items, string languagesHeader = "")
    {
        var csv = new StringBuilder("id,image").Append(languagesHeader.Length > 0 ? "," + languagesHeader : "").Append('\n');
        for (var i = 0; i < items; i++)
        {
            csv.Append("item-").Append(i).Append(",https://images.example/").Append(i).Append(".jpg");
            if (languagesHeader.Length > 0)
            {
                csv.Append(",a reference caption");
            }
            csv.Append('\n');
        }
        return await CreateDatasetAsync(client, csv.ToString());
    }

    public static async Task<Guid> CreateDatasetAsync(HttpClient client, string csvManifest, string name = "test")
    {
        var response = await client.PostAsync($"/v1/datasets?name={Uri.EscapeDataString(name)}", new StringContent(csvManifest, Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestJson.Options)).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> RegisterCheckpointAsync(HttpClient client, string task = "ImageToText")
    {
        var content = new ByteArrayContent(CheckpointArchives.For(task));
        content.Headers.ContentType = new("application/zip");
        var response = await client.PostAsync($"/v1/checkpoints?name=test-model&task={task}", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestJson.Options)).GetProperty("id").GetGuid();
    }
}
