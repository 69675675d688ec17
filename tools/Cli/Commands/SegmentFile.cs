using System.Text;

namespace Platform.Cli.Commands;

/// <summary>
/// Reads a text file one segment per line as sacreBLEU's command line does: strict UTF-8 with a
/// byte-order mark kept as text, lines ended by "\n" only, each line right-stripped of whitespace.
/// </summary>
internal static class SegmentFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<string> Read(string path)
    {
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false);
        var line = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\n')
                {
                    yield return Metrics.Text.PythonText.TrimEnd(line.ToString());
                    line.Clear();
                }
                else
                {
                    line.Append(buffer[i]);
                }
            }
        }

        if (line.Length > 0)
        {
            yield return Metrics.Text.PythonText.TrimEnd(line.ToString());
        }
    }
}
