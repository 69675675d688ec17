namespace Platform.Exports.Formats;

/// <summary>The columns every format has, in this order; <c>source</c> only for translation jobs.</summary>
internal static class ExportColumns
{
    public const string Ordinal = "ordinal";
    public const string Key = "key";
    public const string Language = "language";
    public const string Text = "text";
    public const string Source = "source";
    public const string Score = "score";
    public const string Flags = "flags";

    /// <summary>Flags in one CSV or Parquet cell; flags are snake_case words, so the separator never occurs in one.</summary>
    public static string JoinFlags(IReadOnlyList<string> flags) => string.Join(';', flags);
}
