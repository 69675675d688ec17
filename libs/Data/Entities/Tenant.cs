namespace Platform.Data.Entities;

/// <summary>An organisation using the platform: it owns datasets, checkpoints and jobs and sees only its own.</summary>
public sealed class Tenant
{
    /// <summary>The tenant that requests without an API key act for in Development, and that existing rows belong to.</summary>
    public static readonly Guid DefaultId = new("00000000-0000-0000-0000-000000000001");

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
