namespace Platform.Exports;

/// <summary>What an export needs to know of its job; a source language means a translation job, whose rows carry their source text.</summary>
public sealed record ExportedJob(Guid JobId, Guid DatasetId, string? SourceLanguage)
{
    public bool HasSource => SourceLanguage is not null;
}
