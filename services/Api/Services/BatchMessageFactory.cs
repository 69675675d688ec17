using Platform.Contracts;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>Builds the message a worker gets for one batch of a job.</summary>
internal static class BatchMessageFactory
{
    public static object Create(Job job, CheckpointTask task, int batchIndex, IReadOnlyList<string> languages, IReadOnlyList<WorkItem> items) => task switch
    {
        CheckpointTask.ImageToText => new CaptionBatch(
            job.Id, batchIndex, job.CheckpointId!.Value, languages, items, job.Parameters.Generation),
        CheckpointTask.TextToText => new TranslateBatch(
            job.Id, batchIndex, job.CheckpointId!.Value, job.Parameters.SourceLanguage!, languages, items, job.Parameters.Generation),
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown checkpoint task"),
    };
}
