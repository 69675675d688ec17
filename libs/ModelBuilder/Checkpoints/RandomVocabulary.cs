namespace Platform.ModelBuilder.Checkpoints;

/// <summary>
/// Word lists for random checkpoints' tokenizers: a few English words, then filler words until the
/// tokenizer's vocabulary reaches the requested size (GPT-2's byte alphabet alone has 257 ids).
/// </summary>
public static class RandomVocabulary
{
    private static readonly string[] BaseWords =
        ["a", "the", "cat", "dog", "sat", "on", "mat", "red", "blue", "green", "big", "small", "house", "tree", "runs", "sleeps"];

    public static IReadOnlyList<string> Words(int minimumSize, Func<IReadOnlyList<string>, int> vocabularySize)
    {
        ArgumentNullException.ThrowIfNull(vocabularySize);
        var words = BaseWords.ToList();
        for (var i = 0; vocabularySize(words) < minimumSize; i++)
        {
            words.Add($"q{(char)('a' + (i / 26 % 26))}{(char)('a' + (i % 26))}");
        }

        return words;
    }
}
