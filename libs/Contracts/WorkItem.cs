namespace Platform.Contracts;

/// <summary>One dataset item inside a batch: its position in the dataset, its id and where its input is.</summary>
public sealed record WorkItem(long Ordinal, string Key, string? Source, string? Text);
