namespace Platform.Metrics.Text;

/// <summary>
/// Counts of n-grams of one order, enumerated in first-occurrence order as Python's dict and
/// Counter do: the reference tools sum floating-point terms in that order.
/// </summary>
public sealed class NgramCounter
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly List<string> keys = [];

    public int Distinct => keys.Count;

    public long Total { get; private set; }

    public int this[string ngram] => counts.GetValueOrDefault(ngram);

    public IEnumerable<KeyValuePair<string, int>> Entries => keys.Select(key => KeyValuePair.Create(key, counts[key]));

    public IEnumerable<string> Keys => keys;

    public void Add(string ngram)
    {
        if (counts.TryGetValue(ngram, out var count))
        {
            counts[ngram] = count + 1;
        }
        else
        {
            counts[ngram] = 1;
            keys.Add(ngram);
        }

        Total++;
    }

    /// <summary>Keeps, for each n-gram, the larger of the two counts (sacreBLEU's multi-reference merge).</summary>
    public void MaxWith(NgramCounter other)
    {
        foreach (var (ngram, count) in other.Entries)
        {
            if (!counts.TryGetValue(ngram, out var existing))
            {
                keys.Add(ngram);
                counts[ngram] = count;
                Total += count;
            }
            else if (count > existing)
            {
                counts[ngram] = count;
                Total += count - existing;
            }
        }
    }

    /// <summary>The clipped match count: sum over this counter's n-grams of min(count, reference count).</summary>
    public long Matches(NgramCounter reference)
    {
        long matches = 0;
        foreach (var (ngram, count) in Entries)
        {
            matches += Math.Min(count, reference[ngram]);
        }

        return matches;
    }

    /// <summary>Word n-grams of orders 1..<paramref name="maxOrder"/>, one counter per order, keyed by the tokens joined with a space.</summary>
    public static NgramCounter[] OfWords(string[] tokens, int maxOrder)
    {
        var counters = new NgramCounter[maxOrder];
        for (var n = 1; n <= maxOrder; n++)
        {
            var counter = counters[n - 1] = new NgramCounter();
            for (var i = 0; i + n <= tokens.Length; i++)
            {
                counter.Add(n == 1 ? tokens[i] : string.Join(' ', tokens, i, n));
            }
        }

        return counters;
    }

    /// <summary>Character n-grams of orders 1..<paramref name="maxOrder"/> over code points.</summary>
    public static NgramCounter[] OfCharacters(string text, int maxOrder)
    {
        var starts = PythonText.CodePointStarts(text);
        var length = starts.Length - 1;
        var counters = new NgramCounter[maxOrder];
        for (var n = 1; n <= maxOrder; n++)
        {
            var counter = counters[n - 1] = new NgramCounter();
            for (var i = 0; i + n <= length; i++)
            {
                counter.Add(text[starts[i]..starts[i + n]]);
            }
        }

        return counters;
    }
}
