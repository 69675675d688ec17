using System.Buffers;
using System.IO.Pipelines;

namespace Platform.Storage.Tests;

internal static class NonSeekable
{
    /// <summary>A stream that cannot seek or tell its length, as a request body.</summary>
    public static Stream Over(MemoryStream content) => PipeReader.Create(new ReadOnlySequence<byte>(content.ToArray())).AsStream();
}
