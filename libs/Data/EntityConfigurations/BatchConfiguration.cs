using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> builder)
    {
        builder.ToTable("batches");
        builder.HasKey(b => new { b.JobId, b.Index });
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(20);
        // The lease sweeper scans only running batches.
        builder.HasIndex(b => b.LeasedUntil).HasFilter("state = 'Running'");
        builder.HasOne<Job>().WithMany().HasForeignKey(b => b.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
