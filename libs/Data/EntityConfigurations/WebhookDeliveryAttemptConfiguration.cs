using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class WebhookDeliveryAttemptConfiguration : IEntityTypeConfiguration<WebhookDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryAttempt> builder)
    {
        builder.ToTable("webhook_delivery_attempts");
        builder.Property(a => a.ResponseExcerpt).HasMaxLength(1024);
        // One row per attempt number: a delivery job run twice by Hangfire records its attempt once.
        builder.HasIndex(a => new { a.DeliveryId, a.Attempt }).IsUnique();
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
