namespace Platform.Inference.Tokenization;

internal static class TokenIds
{
    public static void CheckRange(int id, int vocabularySize)
    {
        if (id < 0 || id >= vocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id {id} is outside the vocabulary of {vocabularySize} ids.");
        }
    }
}
