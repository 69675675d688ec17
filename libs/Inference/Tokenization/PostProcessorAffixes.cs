using System.Text.Json.Nodes;

namespace Platform.Inference.Tokenization;

/// <summary>The special-token ids a tokenizer.json post-processor puts before and after a single sequence.</summary>
internal static class PostProcessorAffixes
{
    public static (int[] Prefix, int[] Suffix) Read(JsonNode? processor, string path)
    {
        if (processor is not JsonObject node)
        {
            return ([], []);
        }

        var type = node["type"]?.GetValue<string>();
        switch (type)
        {
            case "ByteLevel":
                return ([], []);
            case "RobertaProcessing" or "BertProcessing":
                return ([node["cls"]![1]!.GetValue<int>()], [node["sep"]![1]!.GetValue<int>()]);
            case "TemplateProcessing":
                return Template(node, path);
            case "Sequence":
                var parts = (node["processors"] as JsonArray ?? []).Select(p => Read(p, path)).ToList();
                return ([.. parts.SelectMany(p => p.Prefix)], [.. parts.SelectMany(p => p.Suffix)]);
            default:
                throw new InvalidDataException($"{path}: post-processor '{type}' is not supported.");
        }
    }

    private static (int[] Prefix, int[] Suffix) Template(JsonObject node, string path)
    {
        var prefix = new List<int>();
        var suffix = new List<int>();
        var afterSequence = false;
        foreach (var item in node["single"] as JsonArray ?? [])
        {
            if (item?["Sequence"] is not null)
            {
                afterSequence = true;
                continue;
            }

            var name = item?["SpecialToken"]?["id"]?.GetValue<string>()
                ?? throw new InvalidDataException($"{path}: template item {item?.ToJsonString()} is neither a SpecialToken nor a Sequence.");
            var ids = node["special_tokens"]?[name]?["ids"] as JsonArray
                ?? throw new InvalidDataException($"{path}: template token '{name}' has no entry in special_tokens.");
            (afterSequence ? suffix : prefix).AddRange(ids.Select(id => id!.GetValue<int>()));
        }

        return ([.. prefix], [.. suffix]);
    }
}
