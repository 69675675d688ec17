using System.Runtime.CompilerServices;
using System.Text;

namespace Platform.Metrics.Text;

/// <summary>
/// Reads text one segment per line as sacreBLEU's command line does: strict UTF-8 with a byte-order mark kept as
/// text, lines ended by "\n" only, each line right-stripped of whitespace. The stream is left open.
/// </summary>
public static class SegmentLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="DecoderFallbackException">The text is not UTF-8.</exception>
    public static async IAsyncEnumerable<string> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var line = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\n')
                {
                    yield return PythonText.TrimEnd(line.ToString());
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
            yield return PythonText.TrimEnd(line.ToString());
        }
    }
}
