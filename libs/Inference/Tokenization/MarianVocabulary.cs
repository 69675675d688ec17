namespace Platform.Inference.Tokenization;

/// <summary>A Marian vocab.json (or target_vocab.json): token ↔ id, with its &lt;/s&gt; and &lt;unk&gt;.</summary>
internal sealed class MarianVocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly string?[] _tokens;

    private MarianVocabulary(Dictionary<string, int> ids)
    {
        _ids = ids;
        _tokens = new string?[ids.Values.Max() + 1];
        foreach (var (token, id) in ids)
        {
            _tokens[id] = token;
        }

        EndOfSentenceId = ids["</s>"];
        UnknownId = ids["<unk>"];
    }

    public int Count => _tokens.Length;

    public int EndOfSentenceId { get; }

    public int UnknownId { get; }

    public static MarianVocabulary Read(string directory, string name)
    {
        var ids = TokenizerFile.ReadVocabulary(directory, name);
        var missing = new[] { "</s>", "<unk>" }.Where(token => !ids.ContainsKey(token)).ToList();
        return missing.Count == 0 && ids.Values.All(id => id >= 0)
            ? new MarianVocabulary(ids)
            : throw new InvalidDataException($"{Path.Combine(directory, name)}: lacks {string.Join(", ", missing.DefaultIfEmpty("non-negative ids"))}.");
    }

    public int? Id(string token) => _ids.TryGetValue(token, out var id) ? id : null;

    public int IdOrUnknown(string token) => _ids.GetValueOrDefault(token, UnknownId);

    public string? Token(int id) => _tokens[id];
}
