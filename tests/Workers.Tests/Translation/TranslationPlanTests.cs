using Platform.Workers.Translation;

namespace Platform.Workers.Tests.Translation;

public sealed class TranslationPlanTests
{
    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static IReadOnlyList<string> Sentences(string text) => SentenceSplitter.Split(text);

    [Fact]
    public void Segments_run_shortest_first_and_outputs_go_back_to_their_items_in_order()
    {
        string[] texts = ["one two three four five. six.", "seven", "eight nine ten. eleven twelve.", "thirteen fourteen"];
        var plan = TranslationPlan.Create(texts, Sentences, Words);

        Assert.Equal([1, 1, 2, 2, 3, 5], plan.BySize.Select(segment => segment.Tokens));
        var translations = new SegmentTranslations(targets: 2, plan.SegmentCount);
        // Micro-batches of two, as a model would fill them: target 0 upper-cases, target 1 reverses the words.
        foreach (var slice in plan.BySize.Chunk(2))
        {
            foreach (var segment in slice)
            {
                translations.Set(0, segment, segment.Text.ToUpperInvariant(), segment.Tokens);
                translations.Set(1, segment, string.Join(' ', segment.Text.Split(' ').Reverse()), -segment.Tokens);
            }
        }

        Assert.Equal(
            ["ONE TWO THREE FOUR FIVE. SIX.", "SEVEN", "EIGHT NINE TEN. ELEVEN TWELVE.", "THIRTEEN FOURTEEN"],
            Enumerable.Range(0, texts.Length).Select(item => translations.Of(plan, item, 0, " ").Text));
        Assert.Equal(
            ["five. four three two one six.", "seven", "ten. nine eight twelve. eleven", "fourteen thirteen"],
            Enumerable.Range(0, texts.Length).Select(item => translations.Of(plan, item, 1, " ").Text));
        Assert.Equal([3.0, 1.0, 2.5, 2.0], Enumerable.Range(0, texts.Length).Select(item => translations.Of(plan, item, 0, " ").Score));
    }

    [Fact]
    public void Sorting_a_mixed_length_batch_by_length_cuts_most_of_the_padding()
    {
        // 64 texts as a caption column mixes them: mostly short captions, some paragraphs (lengths in tokens).
        var random = new Random(7);
        var lengths = Enumerable.Range(0, 64).Select(i => i % 4 == 3 ? random.Next(60, 200) : random.Next(6, 20)).ToList();
        var plan = TranslationPlan.Create([.. lengths.Select(n => string.Join(' ', Enumerable.Repeat("w", n)))], text => [text], Words);

        var unsorted = PaddingCost.Of(lengths, microBatchSize: 8);
        var sorted = PaddingCost.Of(plan.BySize.Select(segment => segment.Tokens), microBatchSize: 8);

        // 2549 real tokens: the encoder runs 9824 positions in dataset order, 3080 sorted (padding 7275 → 531, −93%).
        Assert.Equal(2549, lengths.Sum());
        Assert.Equal(7275, unsorted);
        Assert.Equal(531, sorted);
        Assert.Equal(lengths.Order(), plan.BySize.Select(segment => segment.Tokens));
    }

    [Fact]
    public void Padding_counts_the_gap_to_the_longest_input_of_each_micro_batch() =>
        Assert.Equal((5 - 1) + (5 - 3) + (4 - 2), PaddingCost.Of([1, 5, 3, 2, 4], microBatchSize: 3));
}
