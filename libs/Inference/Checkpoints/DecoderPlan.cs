namespace Platform.Inference.Checkpoints;

/// <summary>
/// The decoder sessions one generation uses: <see cref="First"/> for the first step (and every step
/// without a cache), <see cref="Next"/> for the steps that feed the cache back (null without a cache).
/// </summary>
internal sealed class DecoderPlan
{
    private DecoderPlan(DecoderModel first, DecoderModel? next)
    {
        First = first;
        Next = next;
    }

    public DecoderModel First { get; }

    public DecoderModel? Next { get; }

    public bool UsesCache => Next is not null;

    public static DecoderPlan WithoutCache(DecoderModel decoder) => new(decoder, null);

    public static DecoderPlan WithCache(DecoderModel first, DecoderModel next, string directory)
    {
        if (next.Past.Count == 0)
        {
            throw new InvalidCheckpointException(directory, $"{next.FileName} has no past_key_values inputs");
        }
        foreach (var entry in next.Past)
        {
            if (!entry.IsCrossAttention && !next.HasPresent(entry))
            {
                throw new InvalidCheckpointException(
                    directory, $"{next.FileName} has past {entry.InputName} without present {entry.OutputName}");
            }
            if (!first.HasPresent(entry))
            {
                throw new InvalidCheckpointException(
                    directory, $"{first.FileName} does not output {entry.OutputName}, needed to start the cache");
            }
        }
        return new DecoderPlan(first, next);
    }
}
