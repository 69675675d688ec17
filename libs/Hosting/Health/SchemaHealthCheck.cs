using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Data;

namespace Platform.Hosting.Health;

/// <summary>Only the Api migrates; workers are ready once the schema they expect is there.</summary>
internal sealed class SchemaHealthCheck(IDbContextFactory<PlatformDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Waiting for migrations: {string.Join(", ", pending)}");
    }
}
