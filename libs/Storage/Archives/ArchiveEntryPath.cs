namespace Platform.Storage.Archives;

internal static class ArchiveEntryPath
{
    /// <summary>The entry's path without '.' and empty segments, or a rejection when it could escape the extraction root.</summary>
    public static string Normalize(string name)
    {
        if (name.Contains('\\', StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            throw Rejected(name, "contains a backslash or a control character");
        }

        if (name.StartsWith('/') || (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':'))
        {
            throw Rejected(name, "is absolute");
        }

        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != ".").ToArray();
        if (segments.Contains(".."))
        {
            throw Rejected(name, "has a '..' segment");
        }

        return string.Join('/', segments);
    }

    public static ArchiveRejectedException Rejected(string name, string reason) => new($"Archive entry '{name}' {reason}.");
}
