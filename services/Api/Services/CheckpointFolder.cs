using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Storage.Blobs;

namespace Platform.Api.Services;

/// <summary>
/// A <c>ckpt-N/</c> (or Hugging Face Trainer's <c>checkpoint-N/</c>) folder under a watched prefix: its blob path,
/// training step, files (paths below the folder) and a fingerprint of its listing that changes with any write.
/// </summary>
internal sealed partial record CheckpointFolder(string Path, string Name, long Step, IReadOnlyList<BlobEntry> Files)
{
    [GeneratedRegex(@"^(?:ckpt|checkpoint)-(\d{1,18})$")]
    private static partial Regex FolderName();

    public string Fingerprint { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Concat(Files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name}\t{f.Length}\t{f.ETag}\n")))));

    /// <summary>Every checkpoint folder under <c>container/prefix</c>, by step; other blobs are ignored.</summary>
    public static async Task<IReadOnlyList<CheckpointFolder>> ListAsync(BlobStore blobs, string blobPrefix, CancellationToken cancellationToken)
    {
        var (container, folder) = BlobStore.SplitBlobPath(blobPrefix.TrimEnd('/'));
        var prefix = folder + "/";
        var files = new Dictionary<string, List<BlobEntry>>(StringComparer.Ordinal);
        await foreach (var blob in blobs.ListEntriesAsync(container, prefix, cancellationToken))
        {
            var relative = blob.Name[prefix.Length..];
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && FolderName().IsMatch(relative[..slash]))
            {
                var name = relative[..slash];
                if (!files.TryGetValue(name, out var list))
                {
                    files[name] = list = [];
                }
                list.Add(blob with { Name = relative[(slash + 1)..] });
            }
        }
        return [.. files
            .Select(entry => new CheckpointFolder(
                $"{container}/{prefix}{entry.Key}", entry.Key, long.Parse(FolderName().Match(entry.Key).Groups[1].ValueSpan, CultureInfo.InvariantCulture), entry.Value))
            .OrderBy(f => f.Step)];
    }
}
