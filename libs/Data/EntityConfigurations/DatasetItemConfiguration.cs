using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class DatasetItemConfiguration : IEntityTypeConfiguration<DatasetItem>
{
    /// <summary>
    /// Unique keys within a dataset. DEFERRABLE INITIALLY IMMEDIATE in the database (migration DatasetItemLines: EF
    /// cannot say it), so that <see cref="Bulk.DatasetItemImporter"/> can defer it while it copies items.
    /// </summary>
    public const string KeyConstraint = "ak_dataset_items_dataset_id_key";

    public void Configure(EntityTypeBuilder<DatasetItem> builder)
    {
        builder.ToTable("dataset_items");
        builder.HasKey(i => new { i.DatasetId, i.Ordinal });
        builder.HasAlternateKey(i => new { i.DatasetId, i.Key }).HasName(KeyConstraint);
        builder.Property(i => i.Captions).HasColumnType("jsonb");
        builder.HasOne<Dataset>().WithMany().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
