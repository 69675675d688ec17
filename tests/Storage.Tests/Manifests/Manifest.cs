using System.Text;

using Platform.Storage.Manifests;

namespace Platform.Storage.Tests.Manifests;

internal static class Manifest
{
    public static Task<List<ManifestItem>> ReadAsync(string text, ManifestFormat format, ManifestLimits? limits = null) =>
        ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), format, limits);

    public static async Task<List<ManifestItem>> ReadAsync(Stream stream, ManifestFormat format, ManifestLimits? limits = null)
    {
        var items = new List<ManifestItem>();
        await foreach (var item in ManifestReader.ReadAsync(stream, format, limits ?? new ManifestLimits(), CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    public static Task<IReadOnlyList<ManifestError>> ErrorsAsync(string text, ManifestFormat format, ManifestLimits? limits = null) =>
        ErrorsAsync(Encoding.UTF8.GetBytes(text), format, limits);

    public static async Task<IReadOnlyList<ManifestError>> ErrorsAsync(byte[] bytes, ManifestFormat format, ManifestLimits? limits = null)
    {
        var exception = await Assert.ThrowsAsync<ManifestFormatException>(() => ReadAsync(new MemoryStream(bytes), format, limits));
        Assert.NotEmpty(exception.Errors);
        return exception.Errors;
    }

    /// <summary>What was yielded before the read ended in errors, and those errors.</summary>
    public static async Task<(List<ManifestItem> Items, IReadOnlyList<ManifestError> Errors)> ReadRejectedAsync(string text, ManifestFormat format)
    {
        var items = new List<ManifestItem>();
        var exception = await Assert.ThrowsAsync<ManifestFormatException>(async () =>
        {
            await foreach (var item in ManifestReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), format, new ManifestLimits(), CancellationToken.None))
            {
                items.Add(item);
            }
        });
        return (items, exception.Errors);
    }

    public static void AssertErrors(IReadOnlyList<ManifestError> errors, params (long Line, string MessagePart)[] expected)
    {
        Assert.True(errors.Count == expected.Length, $"Expected {expected.Length} errors, got: {string.Join(" | ", errors)}");
        foreach (var (error, (line, messagePart)) in errors.Zip(expected))
        {
            Assert.Equal(line, error.LineNumber);
            Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        }
    }
}
