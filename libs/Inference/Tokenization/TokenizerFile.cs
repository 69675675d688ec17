using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Inference.Tokenization;

/// <summary>Reads a checkpoint's tokenizer files, turning every failure into an error that names the file.</summary>
internal static class TokenizerFile
{
    public static bool Exists(string directory, string name) => File.Exists(Path.Combine(directory, name));

    public static JsonNode ReadJson(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: is JSON null.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: is not valid JSON ({error.Message}).", error);
        }
    }

    public static JsonNode? ReadOptionalJson(string directory, string name) =>
        Exists(directory, name) ? ReadJson(directory, name) : null;

    public static Dictionary<string, int> ReadVocabulary(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        try
        {
            var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path));
            return vocabulary is { Count: > 0 } ? vocabulary : throw new InvalidDataException($"{path}: holds no tokens.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: is not a JSON object of token → id ({error.Message}).", error);
        }
    }

    /// <summary>
    /// Wraps a complaint about a file's content (from a tokenizer library, protobuf, or a JSON member that is
    /// missing (null) or of the wrong type) in an error naming the file.
    /// </summary>
    public static T Parse<T>(string path, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception error) when (error is ArgumentException or FormatException or IOException or IndexOutOfRangeException
            or InvalidOperationException or Google.Protobuf.InvalidProtocolBufferException or KeyNotFoundException or NullReferenceException)
        {
            throw new InvalidDataException($"{path}: {error.Message}", error);
        }
    }
}
