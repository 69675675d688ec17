using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.Property(e => e.Url).HasMaxLength(2048);
        builder.Property(e => e.Description).HasMaxLength(500);
        builder.Property(e => e.DisabledReason).HasMaxLength(200);
        builder.HasIndex(e => new { e.TenantId, e.CreatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
