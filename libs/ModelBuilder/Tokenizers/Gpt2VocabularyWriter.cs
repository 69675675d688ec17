using System.Text.RegularExpressions;

namespace Platform.ModelBuilder.Tokenizers;

/// <summary>
/// Writes a GPT-2 byte-level BPE vocabulary (<c>vocab.json</c>, <c>merges.txt</c>, <c>tokenizer_config.json</c>):
/// the 256 byte characters, then every word preceded by a space (<c>Ġword</c>) as one token, then
/// <c>&lt;|endoftext|&gt;</c> last. Words only become one token after a space, as in GPT-2 itself.
/// </summary>
public static partial class Gpt2VocabularyWriter
{
    public const string EndOfText = "<|endoftext|>";

    /// <summary>Writes the files and returns the vocabulary (token → id); its count is the model's vocabulary size.</summary>
    public static IReadOnlyDictionary<string, int> Write(string directory, IEnumerable<string> words)
    {
        var (vocabulary, merges) = Build(words);
        TokenizerJsonFile.Write(Path.Combine(directory, "vocab.json"), vocabulary);
        File.WriteAllLines(Path.Combine(directory, "merges.txt"), merges.Prepend("#version: 0.2"));
        TokenizerJsonFile.WriteConfig(directory, "GPT2Tokenizer",
            ("add_prefix_space", false), ("bos_token", EndOfText), ("eos_token", EndOfText), ("unk_token", EndOfText), ("model_max_length", 1024));
        return vocabulary;
    }

    public static (Dictionary<string, int> Vocabulary, List<string> Merges) Build(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var vocabulary = Gpt2ByteAlphabet.Ordered.Select((p, id) => (p.Char.ToString(), id)).ToDictionary();
        var merges = new List<string>();
        foreach (var word in words.Distinct(StringComparer.Ordinal))
        {
            if (!WordPattern().IsMatch(word))
            {
                throw new ArgumentException($"'{word}' must be only letters or only digits, so that GPT-2's pre-tokenizer keeps it whole.", nameof(words));
            }

            // Every merge grows the word from its leading Ġ, so no other merge can split it.
            var symbols = Gpt2ByteAlphabet.Encode(" " + word);
            for (var length = 2; length <= symbols.Length; length++)
            {
                var merged = symbols[..length];
                if (vocabulary.TryAdd(merged, vocabulary.Count))
                {
                    merges.Add($"{symbols[..(length - 1)]} {symbols[length - 1]}");
                }
            }
        }

        vocabulary.Add(EndOfText, vocabulary.Count);
        return (vocabulary, merges);
    }

    [GeneratedRegex(@"^(\p{L}+|\p{N}+)$")]
    private static partial Regex WordPattern();
}
