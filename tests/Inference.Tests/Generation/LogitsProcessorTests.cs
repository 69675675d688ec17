using Platform.Inference.Generation;

namespace Platform.Inference.Tests.Generation;

public sealed class LogitsProcessorTests
{
    private static readonly GenerationSettings Plain = new()
    {
        NumBeams = 1, LengthPenalty = 1, EarlyStopping = EarlyStopping.False, MaxLength = 10, MinLength = 0,
        NoRepeatNgramSize = 0, RepetitionPenalty = 1, NumReturnSequences = 1, DecoderStartTokenId = 0,
        EosTokenIds = [1], PadTokenId = 0, BadWordsIds = [],
    };

    [Fact]
    public void Repetition_penalty_divides_positive_and_multiplies_negative_scores_of_seen_tokens()
    {
        var scores = Process(Plain with { RepetitionPenalty = 2 }, [0, 2, 3, 2], [1f, 1f, 4f, -4f, 5f]);

        Assert.Equal([0.5f, 1f, 2f, -8f, 5f], scores);
    }

    [Fact]
    public void No_repeat_ngram_bans_the_tokens_that_would_repeat_an_ngram()
    {
        // Trigrams: the sequence ends in (2, 3); (2, 3) was followed by 4 before.
        var scores = Process(Plain with { NoRepeatNgramSize = 3 }, [0, 2, 3, 4, 2, 3], [1f, 1f, 1f, 1f, 1f]);

        Assert.Equal([1f, 1f, 1f, 1f, float.NegativeInfinity], scores);
    }

    [Fact]
    public void Bad_words_ban_single_tokens_always_and_sequences_after_their_prefix()
    {
        var settings = Plain with { BadWordsIds = [[4], [2, 3], [1]] };

        Assert.Equal([1f, 1f, 1f, float.NegativeInfinity, float.NegativeInfinity], Process(settings, [0, 2], [1f, 1f, 1f, 1f, 1f]));
        Assert.Equal([1f, 1f, 1f, 1f, float.NegativeInfinity], Process(settings, [0, 3], [1f, 1f, 1f, 1f, 1f]));
    }

    [Fact]
    public void Min_length_masks_eos_while_the_sequence_is_shorter()
    {
        var settings = Plain with { MinLength = 3 };

        Assert.Equal(float.NegativeInfinity, Process(settings, [0, 2], [1f, 1f, 1f])[1]);
        Assert.Equal(1f, Process(settings, [0, 2, 2], [1f, 1f, 1f])[1]);
    }

    [Fact]
    public void Forced_bos_and_eos_leave_only_their_token()
    {
        Assert.Equal([float.NegativeInfinity, float.NegativeInfinity, 0f], Process(Plain, [0], [1f, 2f, 3f], forcedBos: 2));
        Assert.Equal([1f, 2f, 3f], Process(Plain, [0, 2], [1f, 2f, 3f], forcedBos: 2));
        Assert.Equal([float.NegativeInfinity, 0f, float.NegativeInfinity], Process(Plain with { ForcedEosTokenId = 1 }, [0, 2, 2, 2, 2, 2, 2, 2, 2], [1f, 2f, 3f]));
    }

    [Fact]
    public void Renormalisation_makes_the_processed_scores_log_probabilities_again()
    {
        var scores = Process(Plain with { RenormalizeLogits = true, BadWordsIds = [[2]] }, [0], [0f, 0f, 5f, 0f]);

        Assert.Equal(float.NegativeInfinity, scores[2]);
        Assert.Equal(1.0, scores.Where(float.IsFinite).Sum(score => Math.Exp(score)), 1e-6);
    }

    private static float[] Process(GenerationSettings settings, int[] ids, float[] scores, int? forcedBos = null)
    {
        new LogitsProcessor(settings).Process(scores, ids, forcedBos);
        return scores;
    }
}
