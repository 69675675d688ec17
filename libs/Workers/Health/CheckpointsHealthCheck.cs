using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Workers.Checkpoints;

namespace Platform.Workers.Health;

/// <summary>Readiness data: the execution provider sessions run on and the checkpoints warm in memory.</summary>
internal sealed class CheckpointsHealthCheck(CheckpointProvider checkpoints) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["executionProvider"] = checkpoints.ExecutionProvider.ToString(),
            ["loadedCheckpoints"] = checkpoints.Loaded.OrderBy(c => c.Id).ToList(),
        };
        return Task.FromResult(HealthCheckResult.Healthy($"ONNX Runtime on {data["executionProvider"]}", data));
    }
}
