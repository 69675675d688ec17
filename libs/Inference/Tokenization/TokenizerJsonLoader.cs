using System.Text.Json.Nodes;

namespace Platform.Inference.Tokenization;

/// <summary>
/// A Hugging Face fast tokenizer (<c>tokenizer.json</c>) rebuilt on Microsoft.ML.Tokenizers: model BPE with a
/// ByteLevel pre-tokenizer (GPT-2 style) or Unigram (SentencePiece converted by transformers); added tokens
/// marked special are matched whole and skipped when decoding; the post-processor's special tokens
/// (TemplateProcessing, RobertaProcessing, BertProcessing) wrap the encoded text.
/// </summary>
internal static class TokenizerJsonLoader
{
    public static ITextTokenizer Load(string directory)
    {
        var path = Path.Combine(directory, CheckpointTokenizer.TokenizerJson);
        var json = TokenizerFile.ReadJson(directory, CheckpointTokenizer.TokenizerJson);
        return TokenizerFile.Parse(path, () =>
        {
            var specials = (json["added_tokens"] as JsonArray ?? [])
                .Where(token => token?["special"]?.GetValue<bool>() == true)
                .ToDictionary(token => token!["content"]!.GetValue<string>(), token => token!["id"]!.GetValue<int>());
            var model = json["model"] as JsonObject ?? throw new InvalidDataException($"{path}: has no \"model\" object.");
            var type = model["type"]?.GetValue<string>();
            ITextTokenizer tokenizer = type switch
            {
                "BPE" => ByteLevelBpe(json, model, specials, path),
                "Unigram" => UnigramTokenizerJson.Create(json, model, specials, path),
                _ => throw new InvalidDataException($"{path}: model type '{type}' is not supported; only BPE (byte-level) and Unigram are."),
            };
            var (prefix, suffix) = PostProcessorAffixes.Read(json["post_processor"], path);
            return prefix.Length + suffix.Length == 0 ? tokenizer : new AffixedTokenizer(tokenizer, prefix, suffix);
        });
    }

    private static ByteLevelBpeTokenizer ByteLevelBpe(JsonNode json, JsonObject model, Dictionary<string, int> specials, string path)
    {
        if (!ContainsType(json["pre_tokenizer"], "ByteLevel"))
        {
            throw new InvalidDataException($"{path}: BPE without a ByteLevel pre-tokenizer is not supported; only GPT-2 style byte-level BPE is.");
        }

        var vocabulary = (model["vocab"] as JsonObject ?? throw new InvalidDataException($"{path}: BPE model has no vocab."))
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
        // Merges are "a b" strings, or ["a", "b"] pairs since tokenizers 0.20.
        var merges = (model["merges"] as JsonArray ?? []).Select(merge => merge is JsonArray pair
            ? $"{pair[0]!.GetValue<string>()} {pair[1]!.GetValue<string>()}"
            : merge!.GetValue<string>());
        return new ByteLevelBpeTokenizer(vocabulary, merges.ToList(), specials);
    }

    /// <summary>Whether a pipeline step, or any step of a Sequence, has the given type.</summary>
    internal static bool ContainsType(JsonNode? step, string type) => FindType(step, type) is not null;

    internal static JsonObject? FindType(JsonNode? step, string type)
    {
        if (step is not JsonObject node)
        {
            return null;
        }

        if (node["type"]?.GetValue<string>() == type)
        {
            return node;
        }

        var children = node["pretokenizers"] ?? node["normalizers"] ?? node["processors"] ?? node["decoders"];
        return (children as JsonArray ?? []).Select(child => FindType(child, type)).FirstOrDefault(found => found is not null);
    }
}
