using Microsoft.EntityFrameworkCore;
using Platform.Data.Entities;

namespace Platform.Data;

public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<DatasetItem> DatasetItems => Set<DatasetItem>();
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Batch> Batches => Set<Batch>();
    public DbSet<Result> Results => Set<Result>();
    public DbSet<ItemFailureRecord> ItemFailures => Set<ItemFailureRecord>();
    public DbSet<MetricScore> Metrics => Set<MetricScore>();
    public DbSet<WatchedCheckpoint> WatchedCheckpoints => Set<WatchedCheckpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
}
