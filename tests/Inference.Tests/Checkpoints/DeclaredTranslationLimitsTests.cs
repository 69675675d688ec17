using System.Text.Json.Nodes;
using Platform.Inference.Checkpoints;
using Platform.Inference.Tests.Support;
using Platform.ModelBuilder;

namespace Platform.Inference.Tests.Checkpoints;

public sealed class DeclaredTranslationLimitsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void A_marian_export_declares_its_language_pair_and_its_encoder_positions()
    {
        var folder = directory.File("translator");
        TestCheckpoints.WriteWordTranslator(folder, "fr", maxPositions: 16);

        using var checkpoint = Checkpoint.Load(folder);

        Assert.Equal(new LanguagePair("en", "fr"), checkpoint.Languages);
        Assert.Equal(16, checkpoint.MaxSourcePositions);
    }

    [Fact]
    public void Without_declarations_the_pair_and_the_positions_are_unknown()
    {
        var folder = directory.File("translator");
        TestCheckpoints.WriteWordTranslator(folder, "de");
        File.Delete(Path.Combine(folder, "tokenizer_config.json"));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "config.json")))!.AsObject();
        config.Remove("max_position_embeddings");
        File.WriteAllText(Path.Combine(folder, "config.json"), config.ToJsonString());

        using var checkpoint = Checkpoint.Load(folder);

        Assert.Null(checkpoint.Languages);
        Assert.Null(checkpoint.MaxSourcePositions);
    }

    public void Dispose() => directory.Dispose();
}
