namespace Platform.Inference.Generation;

/// <summary>
/// transformers' logits processors, in the order <c>_get_logits_processor</c> applies them: repetition
/// penalty, no-repeat n-gram, bad words, min length, forced BOS, forced EOS, renormalisation. <c>ids</c> is the row's
/// whole decoder sequence, decoder start token included.
/// </summary>
internal sealed class LogitsProcessor
{
    private readonly GenerationSettings settings;
    private readonly int[] singleBadTokens;
    private readonly int[][] badSequences;

    public LogitsProcessor(GenerationSettings settings)
    {
        this.settings = settings;
        // As NoBadWordsLogitsProcessor: a bad word that is exactly an EOS token is ignored.
        var badWords = settings.BadWordsIds
            .Where(word => word.Length > 0 && !(word.Length == 1 && settings.EosTokenIds.Contains(word[0])))
            .ToList();
        singleBadTokens = [.. badWords.Where(word => word.Length == 1).Select(word => word[0])];
        badSequences = [.. badWords.Where(word => word.Length > 1)];
    }

    public void Process(Span<float> scores, ReadOnlySpan<int> ids, int? forcedBosTokenId)
    {
        if (settings.RepetitionPenalty != 1f)
        {
            PenaliseRepetitions(scores, ids);
        }
        if (settings.NoRepeatNgramSize > 0)
        {
            BanRepeatedNgrams(scores, ids, settings.NoRepeatNgramSize);
        }
        BanBadWords(scores, ids);
        if (ids.Length < settings.MinLength)
        {
            foreach (var eos in settings.EosTokenIds)
            {
                scores[eos] = float.NegativeInfinity;
            }
        }
        if (ids.Length == 1 && forcedBosTokenId is { } bos)
        {
            Force(scores, [bos]);
        }
        if (ids.Length == settings.MaxLength - 1 && settings.ForcedEosTokenId is { } forcedEos)
        {
            Force(scores, [forcedEos]);
        }
        if (settings.RenormalizeLogits)
        {
            LogSoftmax.InPlace(scores);
        }
    }

    private void PenaliseRepetitions(Span<float> scores, ReadOnlySpan<int> ids)
    {
        var penalty = settings.RepetitionPenalty;
        foreach (var token in new HashSet<int>(ids.ToArray()))
        {
            var score = scores[token];
            scores[token] = score < 0 ? score * penalty : score / penalty;
        }
    }

    private static void BanRepeatedNgrams(Span<float> scores, ReadOnlySpan<int> ids, int size)
    {
        if (ids.Length + 1 < size)
        {
            return;
        }
        var prefix = ids[(ids.Length - size + 1)..];
        for (var start = 0; start + size <= ids.Length; start++)
        {
            if (ids.Slice(start, size - 1).SequenceEqual(prefix))
            {
                scores[ids[start + size - 1]] = float.NegativeInfinity;
            }
        }
    }

    private void BanBadWords(Span<float> scores, ReadOnlySpan<int> ids)
    {
        foreach (var token in singleBadTokens)
        {
            scores[token] = float.NegativeInfinity;
        }
        foreach (var word in badSequences)
        {
            if (ids.EndsWith(word.AsSpan(0, word.Length - 1)))
            {
                scores[word[^1]] = float.NegativeInfinity;
            }
        }
    }

    private static void Force(Span<float> scores, ReadOnlySpan<int> tokens)
    {
        scores.Fill(float.NegativeInfinity);
        foreach (var token in tokens)
        {
            scores[token] = 0;
        }
    }
}
