using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Data.Entities;

namespace Platform.Data.EntityConfigurations;

internal sealed class JobExportConfiguration : IEntityTypeConfiguration<JobExport>
{
    public void Configure(EntityTypeBuilder<JobExport> builder)
    {
        builder.ToTable("job_exports");
        builder.HasKey(e => new { e.JobId, e.Format });
        builder.Property(e => e.Format).HasMaxLength(16);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.HasOne<Job>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
