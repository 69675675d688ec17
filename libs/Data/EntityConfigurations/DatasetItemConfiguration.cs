using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class DatasetItemConfiguration : IEntityTypeConfiguration<DatasetItem>
{
    public void Configure(EntityTypeBuilder<DatasetItem> builder)
    {
        builder.ToTable("dataset_items");
        builder.HasKey(i => new { i.DatasetId, i.Ordinal });
        builder.HasIndex(i => new { i.DatasetId, i.Key }).IsUnique();
        builder.Property(i => i.Captions).HasColumnType("jsonb");
        builder.HasOne<Dataset>().WithMany().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
