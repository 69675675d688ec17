using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Inference.Generation;

namespace Platform.Cli.Commands;

/// <summary>One JSON line of <c>platform infer</c> output.</summary>
internal sealed record InferOutputLine(
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("token_ids")] IReadOnlyList<int> TokenIds,
    [property: JsonPropertyName("score")] double Score)
{
    // Captions are shown to people: keep non-ASCII letters readable instead of \u escapes.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteAll(IReadOnlyList<string> inputs, int offset, IEnumerable<GenerationResult> results, TextWriter output)
    {
        // One line per input and language: the best sequence, even where a checkpoint asks for several.
        foreach (var result in results.Where(result => result.Rank == 0))
        {
            var line = new InferOutputLine(inputs[offset + result.InputIndex], result.Language, result.Text, result.TokenIds, result.Score);
            output.WriteLine(JsonSerializer.Serialize(line, Compact));
        }
    }
}
