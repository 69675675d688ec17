using Platform.Metrics.Coco;

namespace Platform.Metrics.Tests.Coco;

/// <summary>
/// The PTB-tokenize-then-strip-punctuation step of pycocoevalcap tokenizer/ptbtokenizer.py, on plain
/// captions (PUNCTUATIONS = '' ' `` ` -LRB- -RRB- -LCB- -RCB- . ? ! , : - -- ... ;).
/// </summary>
public sealed class CocoTokenizerTests
{
    [Theory]
    [InlineData("A man riding a wave on top of a surfboard.", "a man riding a wave on top of a surfboard")]
    [InlineData("A dog's toy, and the cats' bowl!", "a dog 's toy and the cats bowl")]
    [InlineData("Don't touch; it can't be.", "do n't touch it ca n't be")]
    [InlineData("The \"big\" dog (white) -- waiting...", "the big dog white waiting")]
    [InlineData("A black-and-white photo of 1,000 people at 5:30 in the U.S.", "a black-and-white photo of 1,000 people at 5:30 in the u.s.")]
    [InlineData("It costs $5, about 50% off: wow?", "it costs $ 5 about 50 % off wow")]
    [InlineData("  Two   dogs\nplaying  ", "two dogs playing")]
    [InlineData("", "")]
    public void Tokenizes_plain_captions_like_the_coco_evaluation(string caption, string expected) =>
        Assert.Equal(expected, CocoTokenizer.Tokenize(caption));
}
