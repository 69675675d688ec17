using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Inference.Tokenization;

/// <summary>
/// A Hugging Face fast tokenizer (<c>tokenizer.json</c>) rebuilt on Microsoft.ML.Tokenizers: model BPE with a
/// ByteLevel pre-tokenizer (GPT-2 style) or Unigram (SentencePiece converted by transformers); added tokens
/// marked special are matched whole and skipped when decoding; the post-processor's special tokens
/// (TemplateProcessing, RobertaProcessing, BertProcessing) wrap the encoded text.
/// </summary>
internal static partial class TokenizerJsonLoader
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
            var languageCodes = specials.Where(p => LanguageCode().IsMatch(p.Key)).ToDictionary();
            return prefix.Length + suffix.Length == 0 ? tokenizer : new AffixedTokenizer(tokenizer, prefix, suffix, languageCodes);
        });
    }

    private static ByteLevelBpeTokenizer ByteLevelBpe(JsonNode json, JsonObject model, Dictionary<string, int> specials, string path)
    {
        var byteLevel = FindType(json["pre_tokenizer"], "ByteLevel");
        if (byteLevel is null)
        {
            throw new InvalidDataException($"{path}: BPE without a ByteLevel pre-tokenizer is not supported; only GPT-2 style byte-level BPE is.");
        }

        var vocabulary = (model["vocab"] as JsonObject ?? throw new InvalidDataException($"{path}: BPE model has no vocab."))
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
        // Merges are "a b" strings, or ["a", "b"] pairs since tokenizers 0.20.
        var merges = (model["merges"] as JsonArray ?? []).Select(merge => merge is JsonArray pair
            ? $"{pair[0]!.GetValue<string>()} {pair[1]!.GetValue<string>()}"
            : merge!.GetValue<string>());
        return new ByteLevelBpeTokenizer(vocabulary, merges.ToList(), specials, byteLevel["add_prefix_space"]?.GetValue<bool>() ?? false);
    }

    /// <summary>The pipeline step, or the first step of a Sequence, that has the given type.</summary>
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

    // mBART-style language codes: en_XX, fr_XX, de_DE.
    [GeneratedRegex("^[a-z]{2}_[A-Z]{2}$")]
    private static partial Regex LanguageCode();
}
