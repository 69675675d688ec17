using Platform.Metrics.Text;

namespace Platform.Cli.Commands;

/// <summary>A text file one segment per line, read as sacreBLEU's command line reads it (<see cref="SegmentLines"/>).</summary>
internal static class SegmentFile
{
    public static IEnumerable<string> Read(string path)
    {
        using var stream = File.OpenRead(path);
        foreach (var line in SegmentLines.ReadAsync(stream, CancellationToken.None).ToBlockingEnumerable())
        {
            yield return line;
        }
    }
}
