using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.Property(d => d.WebhookId).HasMaxLength(64);
        builder.Property(d => d.EventType).HasMaxLength(64);
        builder.Property(d => d.Url).HasMaxLength(2048);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(d => d.WebhookId).IsUnique();
        builder.HasIndex(d => new { d.JobId, d.CreatedAt });
        builder.HasOne<Job>().WithMany().HasForeignKey(d => d.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Restrict);
    }
}
