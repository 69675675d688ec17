using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Api.Apis.Models;
using Platform.Api.Options;
using Platform.Data;
using Platform.Data.Entities;
using Platform.Storage.Blobs;

namespace Platform.Api.Services;

/// <summary>
/// One scan of a watched training run: each checkpoint folder found complete (<see cref="CheckpointCompleteness"/>
/// plus the marker, or an unchanged listing since the previous scan) is registered through the
/// <see cref="CheckpointRegistry"/> with its step and gets an evaluation job through the <see cref="JobCreator"/>.
/// Idempotent: the registry returns the checkpoint an export already is, and the job's Idempotency-Key is derived
/// from the checkpoint, so two scans racing still make one checkpoint and one job. A refused registration is
/// recorded, and tried again only when the folder changes, at most the configured number of times.
/// </summary>
internal sealed class CheckpointWatcher(
    IDbContextFactory<PlatformDbContext> contexts,
    BlobStore blobs,
    CheckpointRegistry registry,
    JobCreator jobs,
    IOptions<CheckpointWatchOptions> options,
    TimeProvider clock,
    ILogger<CheckpointWatcher> logger)
{
    public async Task ScanAsync(CheckpointWatch watch, CancellationToken cancellationToken)
    {
        var folders = await CheckpointFolder.ListAsync(blobs, watch.BlobPrefix, cancellationToken);
        if (folders.Count == 0)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var seen = await db.WatchedCheckpoints.Where(w => w.Watch == watch.Name).ToDictionaryAsync(w => w.Folder, cancellationToken);
        foreach (var folder in folders)
        {
            var record = seen.GetValueOrDefault(folder.Path);
            if (IsSettled(record, folder))
            {
                continue;
            }
            record ??= db.WatchedCheckpoints.Add(new WatchedCheckpoint
            {
                Watch = watch.Name, Folder = folder.Path, Step = folder.Step, Fingerprint = folder.Fingerprint, FirstSeenAt = clock.GetUtcNow(),
            }).Entity;
            var stable = record.State == WatchedCheckpointState.Waiting && record.Fingerprint == folder.Fingerprint && db.Entry(record).State != EntityState.Added;
            var missing = CheckpointCompleteness.Missing(watch.Task, watch.Marker, folder.Files);
            (record.State, record.Fingerprint, record.UpdatedAt) = (WatchedCheckpointState.Waiting, folder.Fingerprint, clock.GetUtcNow());
            if (missing.Count > 0)
            {
                record.Detail = $"Missing: {string.Join(", ", missing)}.";
            }
            else if (watch.Marker is null && !stable)
            {
                record.Detail = "Complete; registered once it is unchanged at the next scan.";
            }
            else
            {
                await RegisterAsync(watch, folder, record, cancellationToken);
            }
            await SaveAsync(db, cancellationToken);
        }
    }

    /// <summary>Registered, or refused for this very content (or too often): nothing to do until the folder changes.</summary>
    private bool IsSettled(WatchedCheckpoint? record, CheckpointFolder folder) => record switch
    {
        { State: WatchedCheckpointState.Registered } => true,
        { State: WatchedCheckpointState.Rejected } => record.Fingerprint == folder.Fingerprint || record.FailedAttempts >= options.Value.MaxFailedAttempts,
        _ => false,
    };

    private async Task RegisterAsync(CheckpointWatch watch, CheckpointFolder folder, WatchedCheckpoint record, CancellationToken cancellationToken)
    {
        if (await ResolveDatasetAsync(watch.TenantId, watch.Dataset, cancellationToken) is not { } dataset)
        {
            // The configuration's fault, not the folder's: wait for the dataset without counting an attempt.
            record.Detail = $"Complete; waiting for dataset '{watch.Dataset}' to exist.";
            logger.LogWarning("Watch {Watch}: dataset {Dataset} does not exist", watch.Name, watch.Dataset);
            return;
        }
        try
        {
            var checkpoint = await registry.RegisterAsync(watch.TenantId, $"{watch.Name}/{folder.Name}", watch.Task, folder.Path, folder.Step, cancellationToken);
            record.CheckpointId = checkpoint.Id;
            var request = new CreateJobRequest(
                dataset, checkpoint.Id, null, watch.Languages, watch.SourceLanguage, watch.Metrics, null, watch.BatchSize, null);
            var created = await jobs.CreateAsync(watch.TenantId, JobKind.Evaluations, request, $"checkpoint-watch:{watch.Name}:{checkpoint.Id}", cancellationToken);
            if (created.Job is null)
            {
                Reject(record, $"Evaluation refused: {created.ProblemDetail}");
                return;
            }
            (record.State, record.JobId, record.Detail) = (WatchedCheckpointState.Registered, created.Job.Id, null);
            logger.LogInformation(
                "Watch {Watch}: {Folder} registered as checkpoint {CheckpointId} (step {Step}); evaluation job {JobId}",
                watch.Name, folder.Path, checkpoint.Id, folder.Step, created.Job.Id);
        }
        catch (Exception exception) when (exception is FileNotFoundException or ArgumentException or CheckpointRejectedException)
        {
            Reject(record, $"Registration refused: {exception.Message}");
        }
    }

    private void Reject(WatchedCheckpoint record, string detail)
    {
        (record.State, record.Detail) = (WatchedCheckpointState.Rejected, detail);
        record.FailedAttempts++;
        logger.LogWarning("Watch {Watch}: {Folder} rejected ({Attempts} attempts): {Detail}", record.Watch, record.Folder, record.FailedAttempts, detail);
    }

    /// <summary>The dataset of that id, or the newest of that name; null when there is none.</summary>
    private async Task<Guid?> ResolveDatasetAsync(Guid tenantId, string dataset, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owned = db.Datasets.OwnedBy(tenantId);
        var matches = Guid.TryParse(dataset, out var id) ? owned.Where(d => d.Id == id) : owned.Where(d => d.Name == dataset);
        return await matches.OrderByDescending(d => d.CreatedAt).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task SaveAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another scan recorded the folder first; the next scan reads its record.
            db.ChangeTracker.Clear();
        }
    }
}
