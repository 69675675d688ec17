using System.Text.Json.Nodes;

namespace Platform.Inference.Tests.Support;

/// <summary>
/// A copy of the random image checkpoint whose EOS is a token its greedy output emits early (23), so that
/// hypotheses finish at different lengths: the ground for min_length and length_penalty tests.
/// </summary>
internal static class EosCheckpoint
{
    public const int Eos = 23;

    public static string Write(TempDirectory directory, string source)
    {
        var target = directory.CopyOf(source, "eos");
        var config = new JsonObject
        {
            ["decoder_start_token_id"] = 63,
            ["bos_token_id"] = 63,
            ["eos_token_id"] = Eos,
            ["pad_token_id"] = 63,
            ["max_length"] = 16,
        };
        File.WriteAllText(Path.Combine(target, "generation_config.json"), config.ToJsonString());
        return target;
    }
}
