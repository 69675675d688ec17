using System.Text.Json.Nodes;

namespace Platform.Inference.Tokenization;

/// <summary>
/// The special tokens a checkpoint declares in tokenizer_config.json, special_tokens_map.json
/// (names, either strings or <c>{"content": …}</c> objects) and config.json (<c>*_token_id</c>),
/// and tokenizer_config.json's <c>add_prefix_space</c> and <c>clean_up_tokenization_spaces</c>.
/// </summary>
internal sealed record TokenizerConfig(IReadOnlySet<string> Names, IReadOnlySet<int> Ids, bool AddPrefixSpace, bool CleanUpSpaces)
{
    private static readonly string[] NameKeys = ["bos_token", "eos_token", "unk_token", "pad_token", "sep_token", "cls_token", "mask_token"];
    private static readonly string[] IdKeys = ["bos_token_id", "eos_token_id", "pad_token_id", "decoder_start_token_id"];

    public static TokenizerConfig Read(string directory)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var addPrefixSpace = false;
        var cleanUpSpaces = false;
        foreach (var file in new[] { "tokenizer_config.json", "special_tokens_map.json" })
        {
            if (TokenizerFile.ReadOptionalJson(directory, file) is JsonObject json)
            {
                names.UnionWith(NameKeys.Select(key => Content(json[key])).OfType<string>());
                names.UnionWith((json["additional_special_tokens"] as JsonArray ?? []).Select(Content).OfType<string>());
                names.UnionWith((json["added_tokens_decoder"] as JsonObject ?? [])
                    .Where(p => IsTrue(p.Value?["special"])).Select(p => Content(p.Value)).OfType<string>());
                addPrefixSpace |= IsTrue(json["add_prefix_space"]);
                cleanUpSpaces |= IsTrue(json["clean_up_tokenization_spaces"]);
            }
        }

        var ids = new HashSet<int>();
        if (TokenizerFile.ReadOptionalJson(directory, "config.json") is JsonObject config)
        {
            ids.UnionWith(IdKeys.Select(key => config[key]).OfType<JsonValue>()
                .Select(v => v.TryGetValue(out int id) ? id : -1).Where(id => id >= 0));
        }

        return new TokenizerConfig(names, ids, addPrefixSpace, cleanUpSpaces);
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool flag) && flag;

    /// <summary>A token name given as <c>"&lt;s&gt;"</c> or as <c>{"content": "&lt;s&gt;", …}</c>.</summary>
    private static string? Content(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonObject added => added["content"] is JsonValue content && content.TryGetValue(out string? text) ? text : null,
        _ => null,
    };
}
