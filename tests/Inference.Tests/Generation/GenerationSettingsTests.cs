using System.Text.Json;
using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;

namespace Platform.Inference.Tests.Generation;

public sealed class GenerationSettingsTests
{
    private const string Config = """
        {"decoder_start_token_id": 2, "pad_token_id": 1, "eos_token_id": 2, "num_beams": 5, "max_length": 200,
         "decoder": {"bos_token_id": 0, "eos_token_id": 9, "n_head": 4}}
        """;

    [Fact]
    public void Generation_config_wins_over_config_json_and_job_options_win_over_both()
    {
        var defaults = Values("""{"num_beams": 4, "early_stopping": true, "max_new_tokens": 30, "bad_words_ids": [[1]]}""");

        var fromFiles = GenerationSettings.Resolve(defaults, GenerationOptions.Default, "dir");
        var overridden = GenerationSettings.Resolve(defaults, new GenerationOptions { NumBeams = 2, MaxLength = 12, DecoderStartTokenId = 7 }, "dir");

        Assert.Equal((4, EarlyStopping.True, 31, 2, 1), (fromFiles.NumBeams, fromFiles.EarlyStopping, fromFiles.MaxLength, fromFiles.DecoderStartTokenId, fromFiles.PadTokenId));
        Assert.Equal([2], fromFiles.EosTokenIds);
        Assert.Equal([[1]], fromFiles.BadWordsIds);
        Assert.Equal((2, 12, 7), (overridden.NumBeams, overridden.MaxLength, overridden.DecoderStartTokenId));
    }

    [Fact]
    public void Transformers_defaults_fill_what_no_file_gives()
    {
        var settings = GenerationSettings.Resolve(Values("""{"early_stopping": "never"}"""), GenerationOptions.Default, "dir");

        Assert.Equal((1f, EarlyStopping.Never, 0, 0, 1f, 1), (settings.LengthPenalty, settings.EarlyStopping, settings.MinLength, settings.NoRepeatNgramSize, settings.RepetitionPenalty, settings.NumReturnSequences));
        Assert.Equal(5, settings.NumBeams);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    public void Impossible_beam_settings_are_refused(int beams, int returned) =>
        Assert.Throws<ArgumentException>(() => GenerationSettings.Resolve(
            Values("{}"), new GenerationOptions { NumBeams = beams, NumReturnSequences = returned }, "dir"));

    private static ConfigValues Values(string generationConfig)
    {
        var config = JsonDocument.Parse(Config).RootElement;
        return new ConfigValues([JsonDocument.Parse(generationConfig).RootElement, config, config.GetProperty("decoder")]);
    }
}
