using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class WatchedCheckpointConfiguration : IEntityTypeConfiguration<WatchedCheckpoint>
{
    public void Configure(EntityTypeBuilder<WatchedCheckpoint> builder)
    {
        builder.ToTable("watched_checkpoints");
        builder.HasKey(w => new { w.Watch, w.Folder });
        builder.Property(w => w.Watch).HasMaxLength(100);
        builder.Property(w => w.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Fingerprint).HasMaxLength(64);
        builder.HasOne<Checkpoint>().WithMany().HasForeignKey(w => w.CheckpointId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Job>().WithMany().HasForeignKey(w => w.JobId).OnDelete(DeleteBehavior.SetNull);
    }
}
