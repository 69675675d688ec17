using System.Text.RegularExpressions;

namespace Platform.Storage.Blobs;

/// <summary>Rules for "container/path/to/blob" strings taken from users (manifests, requests).</summary>
public static partial class BlobPath
{
    private const int MaxBlobNameLength = 1024;
    private const string UnsafeCharacter = "contains a backslash or a control character";

    /// <summary>Why <paramref name="blobPath"/> is not a safe blob path, or null when it is.</summary>
    public static string? Validate(string blobPath)
    {
        ArgumentNullException.ThrowIfNull(blobPath);
        if (HasUnsafeCharacter(blobPath))
        {
            return UnsafeCharacter;
        }

        var slash = blobPath.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return "is not of the form container/path";
        }

        if (!ContainerName().IsMatch(blobPath.AsSpan(0, slash)))
        {
            return $"container '{blobPath[..slash]}' is not a valid container name (3-63 lower-case letters, digits and single hyphens)";
        }

        return ValidateName(blobPath[(slash + 1)..]);
    }

    /// <summary>Why <paramref name="name"/> is not a safe blob name inside a container, or null when it is.</summary>
    public static string? ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxBlobNameLength)
        {
            return $"blob name must have 1 to {MaxBlobNameLength} characters";
        }

        if (HasUnsafeCharacter(name))
        {
            return UnsafeCharacter;
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return "has an empty, '.' or '..' path segment";
            }
        }

        return null;
    }

    public static (string Container, string Name) Split(string blobPath)
    {
        if (Validate(blobPath) is { } problem)
        {
            throw new ArgumentException($"Blob path '{blobPath}' {problem}.", nameof(blobPath));
        }

        var slash = blobPath.IndexOf('/', StringComparison.Ordinal);
        return (blobPath[..slash], blobPath[(slash + 1)..]);
    }

    internal static void EnsureValidContainer(string container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (!ContainerName().IsMatch(container))
        {
            throw new ArgumentException($"'{container}' is not a valid container name.", nameof(container));
        }
    }

    internal static void EnsureValidName(string name)
    {
        if (ValidateName(name) is { } problem)
        {
            throw new ArgumentException($"Blob name '{name}' {problem}.", nameof(name));
        }
    }

    private static bool HasUnsafeCharacter(string path) => path.Contains('\\', StringComparison.Ordinal) || path.Any(char.IsControl);

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();
}
