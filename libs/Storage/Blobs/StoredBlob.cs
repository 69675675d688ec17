namespace Platform.Storage.Blobs;

public sealed record StoredBlob(string Container, string Path, long Length, string Sha256Hex);
