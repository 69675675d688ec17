using System.Text.Json.Serialization;

namespace Platform.Bench;

/// <summary>One measured configuration of the inference suite.</summary>
internal sealed record InferenceRun(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("kv_cache")] bool KvCache,
    [property: JsonPropertyName("rounds")] int Rounds,
    [property: JsonPropertyName("fastest_call_seconds")] double Seconds,
    [property: JsonPropertyName("inputs_per_second")] double InputsPerSecond,
    [property: JsonPropertyName("generated_tokens_per_second")] double TokensPerSecond);
