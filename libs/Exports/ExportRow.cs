namespace Platform.Exports;

/// <summary>One result as exported: <paramref name="Source"/> is the translated text, for translation jobs.</summary>
public sealed record ExportRow(long Ordinal, string Key, string Language, string Text, string? Source, double? Score, IReadOnlyList<string> Flags);
