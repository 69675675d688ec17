using System.Text.Json;
using Platform.Data.Entities;
using Platform.Inference;
using Platform.Inference.Checkpoints;
using Platform.Storage.Archives;
using Platform.Storage.Checkpoints;

namespace Platform.Api.Services;

/// <summary>
/// Opens a stored export the way a worker will (download, sha256 check, ONNX sessions, tokenizer, preprocessor)
/// and checks its inputs and outputs fit the task, so a broken checkpoint is refused at registration rather than
/// failing every batch of a job later. What languages it can produce is read from the same tokenizer the worker uses.
/// </summary>
internal sealed class CheckpointValidator(CheckpointDownloader downloader, ILogger<CheckpointValidator> logger)
{
    // Loading sessions takes memory in proportion to the model: one validation at a time per Api process.
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <returns>The languages the checkpoint can produce.</returns>
    /// <exception cref="CheckpointRejectedException">The export cannot serve <paramref name="task"/>; the message says why.</exception>
    public async Task<LanguageCapabilities> ValidateAsync(CheckpointTask task, string blobPath, string sha256, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "platform-checkpoint-validation", Guid.NewGuid().ToString("N"));
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await downloader.DownloadAsync(blobPath, sha256, folder, cancellationToken);
            using var checkpoint = Inference.Checkpoints.Checkpoint.Load(CheckpointDownloader.ExportRoot(folder));
            var expected = task == CheckpointTask.ImageToText ? CheckpointKind.ImageToText : CheckpointKind.TextToText;
            if (checkpoint.Kind != expected)
            {
                throw new CheckpointRejectedException($"The export is a {checkpoint.Kind} model (its encoder's inputs say so), not {task}.");
            }
            logger.LogInformation("Checkpoint at {BlobPath} validated as {Task} on {Provider}", blobPath, task, checkpoint.Provider);
            return checkpoint.Capabilities;
        }
        catch (InvalidCheckpointException exception)
        {
            throw new CheckpointRejectedException(exception.Reason, exception);
        }
        catch (Exception exception) when (exception is InvalidDataException or ArchiveRejectedException or JsonException)
        {
            throw new CheckpointRejectedException(exception.Message, exception);
        }
        finally
        {
            oneAtATime.Release();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
