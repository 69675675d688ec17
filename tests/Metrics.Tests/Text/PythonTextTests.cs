using Platform.Metrics.Text;

namespace Platform.Metrics.Tests.Text;

/// <summary>Python's str.lower(), split() and rstrip() behaviours the scores depend on (Python docs, "str.lower": full case mapping).</summary>
public sealed class PythonTextTests
{
    [Theory]
    // Python: "İ".lower() == "i\u0307" (SpecialCasing), not "i".
    [InlineData("İstanbul", "i\u0307stanbul")]
    // Python applies Final_Sigma: "ΟΔΟΣ ΣΟΦΟΣ".lower() == "οδος σοφος" with a final ς at each word end.
    [InlineData("ΟΔΟΣ ΣΟΦΟΣ", "οδο\u03c2 σοφο\u03c2")]
    [InlineData("Σ", "σ")]
    [InlineData("ÀÉÎ Deseret 𐐀", "àéî deseret 𐐨")]
    public void Lower_matches_python(string text, string expected) => Assert.Equal(expected, PythonText.Lower(text));

    [Fact]
    public void Split_and_trim_use_python_whitespace()
    {
        Assert.Equal(["a", "b"], PythonText.Split("\u001f a \u2028 b\u0085"));
        Assert.Equal("a \u200b", PythonText.TrimEnd("a \u200b \u001d\t"));
    }
}
