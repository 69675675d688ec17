using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.ModelBuilder.Tokenizers;

/// <summary>Writes JSON as transformers does (non-ASCII tokens unescaped, indented).</summary>
internal static class TokenizerJsonFile
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static void Write<T>(string path, T value) => File.WriteAllText(path, JsonSerializer.Serialize(value, Options));

    /// <summary>tokenizer_config.json naming the transformers tokenizer class, plus the given settings.</summary>
    public static void WriteConfig(string directory, string tokenizerClass, params (string Key, object Value)[] settings) =>
        Write(Path.Combine(directory, "tokenizer_config.json"),
            settings.Prepend((Key: "tokenizer_class", Value: (object)tokenizerClass)).ToDictionary(s => s.Key, s => s.Value));
}
