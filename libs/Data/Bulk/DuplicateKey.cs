namespace Platform.Data.Bulk;

/// <summary>
/// A later occurrence of a dataset item key, with the first occurrence's position. Lines are as given to
/// <see cref="DatasetItemImporter.AddAsync"/> (null where the source has none); ordinals are 0-based arrival order.
/// </summary>
public sealed record DuplicateKey(string Key, long? Line, long Ordinal, long? FirstLine, long FirstOrdinal);
