using System.Text.Json.Nodes;

namespace Platform.ModelBuilder.Tests.Support;

internal static class CheckpointAssert
{
    /// <summary>The folder holds the files, and the logits width is config.json's and the tokenizer's vocabulary size.</summary>
    public static void Consistent(string directory, IEnumerable<string> files, Func<JsonNode, int> vocabularySize)
    {
        var present = Directory.GetFiles(directory).Select(Path.GetFileName).ToHashSet();
        Assert.All(files, name => Assert.Contains(name, present));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "config.json")))!;
        var tokenizer = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "vocab.json")))!.AsObject();
        using var decoder = new OnnxModel(Path.Combine(directory, "decoder_model.onnx"));
        Assert.Equal(vocabularySize(config), decoder.Outputs["logits"].Dimensions[2]);
        Assert.Equal(tokenizer.Count, vocabularySize(config));
        Assert.Equal(tokenizer.Count - 1, (int)config["pad_token_id"]!);
    }
}
