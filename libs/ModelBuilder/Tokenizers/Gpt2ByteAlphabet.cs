namespace Platform.ModelBuilder.Tokenizers;

/// <summary>GPT-2's reversible byte → printable character map (bytes_to_unicode in openai/gpt-2's encoder.py).</summary>
public static class Gpt2ByteAlphabet
{
    /// <summary>The 256 byte characters in GPT-2's vocabulary order: printable bytes first, then the rest shifted past U+00FF.</summary>
    public static IReadOnlyList<(byte Byte, char Char)> Ordered { get; } = Build();

    private static readonly char[] ByteToChar = Ordered.OrderBy(p => p.Byte).Select(p => p.Char).ToArray();

    public static string Encode(string text) =>
        string.Concat(System.Text.Encoding.UTF8.GetBytes(text).Select(b => ByteToChar[b]));

    private static (byte, char)[] Build()
    {
        static bool Printable(int b) => b is >= '!' and <= '~' or >= '¡' and <= '¬' or >= '®' and <= 'ÿ';
        var printable = Enumerable.Range(0, 256).Where(Printable).Select(b => ((byte)b, (char)b));
        var shifted = Enumerable.Range(0, 256).Where(b => !Printable(b)).Select((b, n) => ((byte)b, (char)(256 + n)));
        return [.. printable, .. shifted];
    }
}
