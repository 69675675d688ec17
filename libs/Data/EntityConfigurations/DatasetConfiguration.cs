using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.ToTable("datasets");
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(d => new { d.TenantId, d.CreatedAt, d.Id });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
