using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasData(new Tenant { Id = Tenant.DefaultId, Name = "default", CreatedAt = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero) });
    }
}
