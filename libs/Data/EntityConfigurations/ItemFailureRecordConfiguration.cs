using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class ItemFailureRecordConfiguration : IEntityTypeConfiguration<ItemFailureRecord>
{
    public void Configure(EntityTypeBuilder<ItemFailureRecord> builder)
    {
        builder.ToTable("item_failures");
        builder.HasKey(f => new { f.JobId, f.Ordinal, f.Language });
        builder.Property(f => f.Language).HasMaxLength(16);
        builder.Property(f => f.Reason).HasMaxLength(64);
        builder.HasIndex(f => new { f.JobId, f.Reason });
        builder.HasOne<Job>().WithMany().HasForeignKey(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
