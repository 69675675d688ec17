using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class CheckpointConfiguration : IEntityTypeConfiguration<Checkpoint>
{
    public void Configure(EntityTypeBuilder<Checkpoint> builder)
    {
        builder.ToTable("checkpoints");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Task).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Sha256).HasMaxLength(64);
        builder.HasIndex(c => new { c.TenantId, c.CreatedAt, c.Id });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        // Registering the same export twice (a retried request, two watcher scans racing) finds the first checkpoint.
        builder.HasIndex(c => new { c.TenantId, c.BlobPath, c.Sha256 }).IsUnique();
    }
}
