using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(j => j.Parameters)
            .HasColumnType("jsonb")
            .HasConversion(
                p => JsonSerializer.Serialize(p, JsonSerializerOptions.Web),
                s => JsonSerializer.Deserialize<JobParameters>(s, JsonSerializerOptions.Web)!);
        builder.Property(j => j.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(j => new { j.TenantId, j.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.HasIndex(j => new { j.TenantId, j.CreatedAt, j.Id });
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasIndex(j => new { j.DatasetId, j.CreatedAt });
        builder.HasIndex(j => new { j.CheckpointId, j.CreatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(j => j.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(j => j.DatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => j.ParentJobId).HasFilter("parent_job_id IS NOT NULL");
        builder.HasOne<Job>().WithMany().HasForeignKey(j => j.ParentJobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Checkpoint>().WithMany().HasForeignKey(j => j.CheckpointId).OnDelete(DeleteBehavior.Restrict);
    }
}
