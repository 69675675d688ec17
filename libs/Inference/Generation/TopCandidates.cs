namespace Platform.Inference.Generation;

internal static class TopCandidates
{
    /// <summary>The <paramref name="count"/> highest scores, best first; equal scores by lower index first.</summary>
    public static (int Index, float Score)[] Find(ReadOnlySpan<float> scores, int count)
    {
        var top = new List<(int Index, float Score)>(count + 1);
        for (var index = 0; index < scores.Length; index++)
        {
            var score = scores[index];
            if (top.Count == count && !(score > top[^1].Score))
            {
                continue;
            }
            var position = top.Count;
            while (position > 0 && score > top[position - 1].Score)
            {
                position--;
            }
            top.Insert(position, (index, score));
            if (top.Count > count)
            {
                top.RemoveAt(count);
            }
        }
        return [.. top];
    }
}
