namespace Platform.Api.Apis.Models;

/// <summary>An export written to blob storage: <c>Links.Download</c> streams it, <c>Links.Link</c> gives a time-limited direct URL.</summary>
public sealed record ExportResponse(string Format, string ContentType, long Rows, long SizeBytes, string Sha256, DateTimeOffset CreatedAt, ExportLinks Links);

public sealed record ExportLinks(string Download, string Link);

public sealed record ExportLinkResponse(Uri Url, DateTimeOffset ExpiresAt);
