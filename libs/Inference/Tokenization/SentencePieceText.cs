namespace Platform.Inference.Tokenization;

internal static class SentencePieceText
{
    public const char WordBoundary = '\u2581';

    /// <summary>Pieces back to text as SentencePiece's DecodePieces does: ▁ becomes a space, the leading one is dropped.</summary>
    public static string Join(IEnumerable<string> pieces)
    {
        var text = string.Concat(pieces).Replace(WordBoundary, ' ');
        return text.StartsWith(' ') ? text[1..] : text;
    }
}
