namespace Platform.Data.Bulk;

public sealed record ResultRow(long Ordinal, string Language, string ItemKey, string Text, double? Score, IReadOnlyList<string> Flags);
