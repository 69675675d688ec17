namespace Platform.Data.Entities;

public sealed class Checkpoint : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public CheckpointTask Task { get; set; }
    /// <summary>Blob path of the export: a folder prefix, or an uploaded zip/tar.</summary>
    public required string BlobPath { get; set; }
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>Training step, for checkpoints found by the watcher (<c>ckpt-N/</c>).</summary>
    public long? Step { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// The language codes the tokenizer has as whole tokens, recorded at registration: empty when it has none; null for
    /// checkpoints registered before languages were recorded (nothing is checked for those at job creation).
    /// </summary>
    public List<string>? LanguageTokens { get; set; }
    /// <summary>The source language a pair checkpoint declares (tokenizer_config.json's source_lang).</summary>
    public string? SourceLanguage { get; set; }
    /// <summary>The target language a pair checkpoint declares (tokenizer_config.json's target_lang).</summary>
    public string? TargetLanguage { get; set; }
}
