using Platform.Metrics.Tokenizers;

namespace Platform.Metrics.Tests.Text;

/// <summary>
/// Tokenizer outputs derived by hand from sacreBLEU's rules (tokenizer_13a.py/tokenizer_re.py,
/// tokenizer_intl.py, tokenizer_char.py); the rule that fires is named in each case.
/// </summary>
public sealed class TokenizerTests
{
    [Theory]
    // Symbols [{-~[-` -&(-+:-@/] are spaced; "." and "," split unless next to digits.
    [InlineData("Hello, world.", "Hello , world .")]
    [InlineData("It costs $1,000.50 (approx.)", "It costs $ 1,000.50 ( approx . )")]
    // A dash is split after a digit only; "&amp;" is unescaped first.
    [InlineData("1990-2000 well-known A&amp;B", "1990 - 2000 well-known A & B")]
    [InlineData("<skipped>end-\nline", "endline")]
    // Non-ASCII letters are untouched; the final period is split off (" {line} " padding).
    [InlineData("Straße, Ωμέγα.", "Straße , Ωμέγα .")]
    // U+00A0 and U+3000 are whitespace to Python's split(), and to ours.
    [InlineData("a\u00a0b\u3000c", "a b c")]
    // U+001C..U+001F are whitespace in Python but not in .NET's char.IsWhiteSpace.
    [InlineData("a\u001cb", "a b")]
    public void Tokenizer_13a(string line, string expected) => Assert.Equal(expected, Tokenizer13a.Instance.Tokenize(line));

    [Theory]
    // (\P{N})(\p{P}) and (\p{P})(\P{N}): punctuation split unless between digits.
    [InlineData("Hello, world!", "Hello , world !")]
    [InlineData("1,000.5 and 3.", "1,000.5 and 3.")]
    // \p{S}: symbols always split, including astral ones (U+1F600, one code point, category So).
    [InlineData("I ❤ you😀!", "I ❤ you 😀 !")]
    [InlineData("5€ «quoted»", "5 € « quoted »")]
    // "¿" (Po) before a letter; CJK full stop (Po) after a letter.
    [InlineData("¿Qué? 你好。", "¿ Qué ? 你好 。")]
    public void Tokenizer_intl(string line, string expected) => Assert.Equal(expected, TokenizerIntl.Instance.Tokenize(line));

    [Fact]
    public void Tokenizer_char_spaces_code_points_not_utf16_units()
    {
        Assert.Equal("a b 😀 c", string.Join(' ', Platform.Metrics.Text.PythonText.Split(TokenizerChar.Instance.Tokenize("ab😀c"))));
    }

    [Fact]
    public void Tokenizer_none_keeps_the_line()
    {
        Assert.Equal("a,b .", TokenizerNone.Instance.Tokenize("a,b ."));
    }
}
