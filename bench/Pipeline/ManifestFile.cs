using System.Globalization;

namespace Platform.Bench.Pipeline;

/// <summary>A CSV manifest of <c>count</c> image URLs, written to disk so the upload streams.</summary>
internal static class ManifestFile
{
    public static string Write(string directory, int count)
    {
        var path = Path.Combine(directory, $"manifest-{count}.csv");
        using var writer = new StreamWriter(path);
        writer.Write("id,image\n");
        for (var i = 0; i < count; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"item-{i:D7},http://127.0.0.1:9/images/{i:D7}.png\n"));
        }
        return path;
    }
}
