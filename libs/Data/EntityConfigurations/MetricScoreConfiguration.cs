using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class MetricScoreConfiguration : IEntityTypeConfiguration<MetricScore>
{
    public void Configure(EntityTypeBuilder<MetricScore> builder)
    {
        builder.ToTable("metrics");
        // Nulls not distinct: uploaded hypotheses without a checkpoint still get one row per (job, language, metric).
        builder.HasIndex(m => new { m.JobId, m.CheckpointId, m.Language, m.Metric }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(m => new { m.CheckpointId, m.Metric });
        builder.Property(m => m.Statistics).HasColumnType("jsonb");
        builder.HasOne<Job>().WithMany().HasForeignKey(m => m.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Checkpoint>().WithMany().HasForeignKey(m => m.CheckpointId).OnDelete(DeleteBehavior.Restrict);
    }
}
