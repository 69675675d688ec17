using System.Text.Json.Nodes;
using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;

namespace Platform.Inference.Tests.Support;

/// <summary>
/// A copy of a random image checkpoint whose EOS is the third token its greedy caption of
/// <paramref name="pixels"/>' first image generates, so that hypotheses finish at different lengths:
/// the ground for min_length, one-beam and length_penalty tests.
/// </summary>
internal sealed record EosCheckpoint(string Directory, int Eos)
{
    public static EosCheckpoint Write(TempDirectory directory, string source, PixelBatch pixels)
    {
        int eos;
        using (var original = Checkpoint.Load(source))
        {
            eos = original.GenerateFromPixels(pixels, [null], new GenerationOptions { NumBeams = 1 }, CancellationToken.None)[0][0].TokenIds[3];
        }
        var target = directory.CopyOf(source, "eos");
        var path = Path.Combine(target, "generation_config.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        config["eos_token_id"] = eos;
        config.Remove("forced_eos_token_id");
        File.WriteAllText(path, config.ToJsonString());
        return new EosCheckpoint(target, eos);
    }
}
