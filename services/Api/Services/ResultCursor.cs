using System.Globalization;

namespace Platform.Api.Services;

/// <summary>Keyset position in a job's results: <c>ordinal:language</c> of the last result returned.</summary>
internal sealed record ResultCursor(long Ordinal, string Language)
{
    public static string Encode(long ordinal, string language) => $"{ordinal.ToString(CultureInfo.InvariantCulture)}:{language}";

    public static bool TryDecode(string? value, out ResultCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        var separator = value.IndexOf(':', StringComparison.Ordinal);
        if (separator < 1 || !long.TryParse(value.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
        {
            return false;
        }
        cursor = new ResultCursor(ordinal, value[(separator + 1)..]);
        return true;
    }
}
