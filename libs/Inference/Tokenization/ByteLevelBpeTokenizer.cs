using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Platform.Inference.Tokenization;

/// <summary>
/// GPT-2 byte-level BPE. Built on <see cref="BpeTokenizer"/> with <c>ByteLevel</c> and GPT-2's pre-tokenizer
/// pattern rather than <see cref="CodeGenTokenizer"/>: <c>CodeGenTokenizer.Create</c> (2.0.1) hard-codes
/// CodeGen's added tokens, so two spaces encode as id 50286 and <c>&lt;|endoftext|&gt;</c> as 50256 whatever the
/// vocabulary says; GPT-2 itself has neither whitespace token, and a smaller vocabulary has no such ids.
/// </summary>
internal sealed partial class ByteLevelBpeTokenizer : ITextTokenizer
{
    public const string VocabularyFile = "vocab.json";
    public const string MergesFile = "merges.txt";
    private const string EndOfText = "<|endoftext|>";

    private readonly BpeTokenizer _tokenizer;
    private readonly IReadOnlyDictionary<string, int> _vocabulary;
    private readonly HashSet<int> _specialIds;
    private readonly bool _addPrefixSpace;

    /// <param name="specialTokens">Added tokens: matched whole in the text and skipped by <see cref="Decode"/>.</param>
    /// <param name="addPrefixSpace">Encode a text not starting with whitespace as if it did (RoBERTa style; GPT-2 does not).</param>
    public ByteLevelBpeTokenizer(
        IReadOnlyDictionary<string, int> vocabulary, IEnumerable<string> merges, IReadOnlyDictionary<string, int> specialTokens, bool addPrefixSpace)
    {
        var all = new Dictionary<string, int>(vocabulary, StringComparer.Ordinal);
        foreach (var (token, id) in specialTokens)
        {
            all[token] = id;
        }

        var specials = specialTokens.Count > 0 ? specialTokens : null;
        _tokenizer = BpeTokenizer.Create(new BpeOptions(all)
        {
            Merges = merges,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(Gpt2Pattern(), specials),
            SpecialTokens = specials,
        });
        _vocabulary = all;
        _specialIds = [.. specialTokens.Values];
        _addPrefixSpace = addPrefixSpace;
        VocabularySize = all.Values.Max() + 1;
    }

    public int VocabularySize { get; }

    /// <summary>GPT-2's files: vocab.json, merges.txt; specials from the config files, plus &lt;|endoftext|&gt;.</summary>
    public static ByteLevelBpeTokenizer Load(string directory)
    {
        var vocabulary = TokenizerFile.ReadVocabulary(directory, VocabularyFile);
        var merges = File.ReadAllLines(Path.Combine(directory, MergesFile))
            .Where(line => line.Length > 0 && !line.StartsWith("#version", StringComparison.Ordinal)).ToList();
        var config = TokenizerConfig.Read(directory);
        var specials = config.Names.Append(EndOfText).Where(vocabulary.ContainsKey).Distinct()
            .Concat(vocabulary.Where(p => config.Ids.Contains(p.Value)).Select(p => p.Key))
            .Distinct().ToDictionary(token => token, token => vocabulary[token]);
        return TokenizerFile.Parse(Path.Combine(directory, MergesFile), () => new ByteLevelBpeTokenizer(vocabulary, merges, specials, config.AddPrefixSpace));
    }

    public int[] Encode(string text, string? sourceLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prefixed = _addPrefixSpace && text.Length > 0 && !char.IsWhiteSpace(text[0]) ? " " + text : text;
        return [.. _tokenizer.EncodeToIds(prefixed)];
    }

    public string Decode(ReadOnlySpan<int> ids)
    {
        var kept = new List<int>(ids.Length);
        foreach (var id in ids)
        {
            TokenIds.CheckRange(id, VocabularySize);
            if (!_specialIds.Contains(id))
            {
                kept.Add(id);
            }
        }

        return _tokenizer.Decode(kept, considerSpecialTokens: false);
    }

    public int? TokenToId(string token) => _vocabulary.TryGetValue(token, out var id) ? id : null;

    // GPT-2's pre-tokenizer (openai/gpt-2 encoder.py), also tokenizers' ByteLevel pre-tokenizer with use_regex.
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+")]
    private static partial Regex Gpt2Pattern();
}
