using System.Text.Json;

namespace Platform.Inference.Checkpoints;

/// <summary>
/// Looks a key up in a chain of JSON objects (e.g. generation_config.json, then config.json, then
/// config.json's nested decoder); the first object that has a non-null value wins.
/// </summary>
internal sealed class ConfigValues(IReadOnlyList<JsonElement> sources)
{
    public static readonly ConfigValues Empty = new([]);

    public JsonElement? Find(string key)
    {
        foreach (var source in sources)
        {
            if (source.ValueKind == JsonValueKind.Object && source.TryGetProperty(key, out var value)
                && value.ValueKind != JsonValueKind.Null)
            {
                return value;
            }
        }
        return null;
    }

    public int? Int(string key) => Find(key) is { ValueKind: JsonValueKind.Number } value ? value.GetInt32() : null;

    public float? Float(string key) => Find(key) is { ValueKind: JsonValueKind.Number } value ? value.GetSingle() : null;

    public string? String(string key) => Find(key) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>An int or a list of ints (as eos_token_id may be).</summary>
    public int[]? Ints(string key) => Find(key) switch
    {
        { ValueKind: JsonValueKind.Number } value => [value.GetInt32()],
        { ValueKind: JsonValueKind.Array } value => [.. value.EnumerateArray().Select(item => item.GetInt32())],
        _ => null,
    };

    public int[][]? IntLists(string key) => Find(key) is { ValueKind: JsonValueKind.Array } value
        ? [.. value.EnumerateArray().Select(list => list.EnumerateArray().Select(item => item.GetInt32()).ToArray())]
        : null;

    /// <summary>Parses a JSON object file; null when the file does not exist.</summary>
    public static JsonElement? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}
