using Platform.Inference.Checkpoints;
using Platform.Inference.Generation;
using Platform.Inference.Tests.Support;

namespace Platform.Inference.Tests.Generation;

[Collection(RandomCheckpointsCollection.Name)]
public sealed class DecodingOptionsTests(RandomCheckpoints checkpoints) : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly PixelBatch pixels = Inputs.Pixels(2, RandomCheckpoints.ImageSpec.ImageSize);

    [Fact]
    public void Min_length_masks_eos_until_it_is_reached()
    {
        var eos = EosCheckpoint.Write(directory, checkpoints.ImageToText, pixels);
        using var checkpoint = Checkpoint.Load(eos.Directory);

        var free = Best(checkpoint, new GenerationOptions());
        var held = Best(checkpoint, new GenerationOptions { MinLength = 12 });

        Assert.Equal(4, free[0].Length);
        Assert.Equal(eos.Eos, free[0][^1]);
        Assert.All(held, ids => Assert.True(Array.IndexOf(ids, eos.Eos) is -1 or >= 11, string.Join(",", ids)));
    }

    [Fact]
    public void One_beam_search_equals_greedy_search()
    {
        var eos = EosCheckpoint.Write(directory, checkpoints.ImageToText, pixels);
        using var checkpoint = Checkpoint.Load(eos.Directory);
        var options = new GenerationOptions { NumBeams = 1 };

        var greedy = checkpoint.GenerateFromPixels(pixels, [null, 5], options, CancellationToken.None);
        checkpoint.BeamSearchForOneBeam = true;
        var beam = checkpoint.GenerateFromPixels(pixels, [null, 5], options, CancellationToken.None);

        Assert.Contains(greedy, result => result[0].TokenIds[^1] == eos.Eos);
        SequenceAssert.Same(greedy, beam);
    }

    [Fact]
    public void Length_penalty_changes_which_finished_beam_wins()
    {
        var eos = EosCheckpoint.Write(directory, checkpoints.ImageToText, pixels);
        using var checkpoint = Checkpoint.Load(eos.Directory);

        var shortFavoured = Best(checkpoint, new GenerationOptions { NumBeams = 4, LengthPenalty = -2f });
        var longFavoured = Best(checkpoint, new GenerationOptions { NumBeams = 4, LengthPenalty = 2f });

        Assert.True(shortFavoured[0].Length < longFavoured[0].Length,
            $"{string.Join(",", shortFavoured[0])} vs {string.Join(",", longFavoured[0])}");
    }

    [Fact]
    public void No_repeat_ngram_size_leaves_no_bigram_twice()
    {
        using var checkpoint = Checkpoint.Load(checkpoints.TextToText);
        int[][] Run(GenerationOptions options) =>
            SequenceAssert.Best(checkpoint.GenerateFromTokens(Inputs.Sources(), [null], options, CancellationToken.None));

        var free = Run(new GenerationOptions { NumBeams = 1 });
        var constrained = Run(new GenerationOptions { NumBeams = 2, NoRepeatNgramSize = 2 });

        Assert.Contains(free, ids => HasRepeatedBigram(ids));
        Assert.All(constrained, ids => Assert.False(HasRepeatedBigram(ids), string.Join(",", ids)));
    }

    [Fact]
    public void A_forced_first_token_is_the_first_generated_token_of_every_sequence()
    {
        using var checkpoint = Checkpoint.Load(checkpoints.TextToText);

        var results = checkpoint.GenerateFromTokens(Inputs.Sources(), [null, 17, 42], new GenerationOptions(), CancellationToken.None);

        Assert.Equal(Inputs.Sources().Length * 3, results.Count);
        for (var input = 0; input < Inputs.Sources().Length; input++)
        {
            Assert.NotEqual(17, results[input * 3][0].TokenIds[1]);
            Assert.Equal(17, results[(input * 3) + 1][0].TokenIds[1]);
            Assert.Equal(42, results[(input * 3) + 2][0].TokenIds[1]);
            Assert.All(results.Skip(input * 3).Take(3), result => Assert.Equal(63, result[0].TokenIds[0]));
        }
    }

    [Fact]
    public void Marian_bad_words_never_generate_the_pad_token_and_beams_return_distinct_sequences()
    {
        using var checkpoint = Checkpoint.Load(checkpoints.TextToText);

        var results = checkpoint.GenerateFromTokens(Inputs.Sources(), [null], new GenerationOptions { NumBeams = 4, NumReturnSequences = 3 }, CancellationToken.None);

        Assert.All(results, result =>
        {
            Assert.Equal(3, result.Length);
            Assert.Equal(3, result.Select(sequence => string.Join(",", sequence.TokenIds)).Distinct().Count());
            Assert.True(result[0].Score >= result[1].Score && result[1].Score >= result[2].Score);
            Assert.All(result, sequence => Assert.DoesNotContain(63, sequence.TokenIds.Skip(1)));
        });
    }

    public void Dispose() => directory.Dispose();

    private static bool HasRepeatedBigram(int[] ids) =>
        ids.Zip(ids.Skip(1)).GroupBy(pair => pair).Any(group => group.Count() > 1);

    private int[][] Best(Checkpoint checkpoint, GenerationOptions options) =>
        SequenceAssert.Best(checkpoint.GenerateFromPixels(pixels, [null], options, CancellationToken.None));
}
