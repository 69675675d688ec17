using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

public sealed record DatasetResponse(Guid Id, string Name, DatasetSource Source, string? SourceUri, long ItemCount, IReadOnlyList<string> CaptionLanguages, DateTimeOffset CreatedAt)
{
    public static DatasetResponse From(Dataset dataset) =>
        new(dataset.Id, dataset.Name, dataset.Source, dataset.SourceUri, dataset.ItemCount, dataset.CaptionLanguages, dataset.CreatedAt);
}

public sealed record BlobPrefixDatasetRequest(string? Name, string? BlobPrefix);
