namespace Platform.Storage.Blobs;

/// <summary>A listed blob: its name in the container, its size and its ETag.</summary>
public sealed record BlobEntry(string Name, long Length, string ETag);
