using Platform.Data.Entities;
using Platform.Storage.Blobs;

namespace Platform.Api.Services;

/// <summary>
/// The files an optimum ONNX export cannot run without, each present and non-empty: <c>config.json</c>,
/// <c>encoder_model.onnx</c>, a decoder (<c>decoder_model.onnx</c> or <c>decoder_model_merged.onnx</c>), a tokenizer
/// (<c>tokenizer.json</c>, <c>vocab.json</c>, <c>sentencepiece.bpe.model</c>, <c>source.spm</c> or <c>spiece.model</c>),
/// <c>preprocessor_config.json</c> for image→text, and the watch's marker file when it has one. Training frameworks
/// write files one by one, so these alone do not make a folder complete: see <see cref="Options.CheckpointWatch.Marker"/>.
/// </summary>
internal static class CheckpointCompleteness
{
    private static readonly string[][] Common =
    [
        ["config.json"],
        ["encoder_model.onnx"],
        ["decoder_model.onnx", "decoder_model_merged.onnx"],
        ["tokenizer.json", "vocab.json", "sentencepiece.bpe.model", "source.spm", "spiece.model"],
    ];

    /// <returns>What is missing (one entry per requirement, alternatives joined by " or "); empty when nothing is.</returns>
    public static IReadOnlyList<string> Missing(CheckpointTask task, string? marker, IReadOnlyList<BlobEntry> files)
    {
        var present = files.Where(f => f.Length > 0).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        IEnumerable<string[]> required = task == CheckpointTask.ImageToText ? [.. Common, ["preprocessor_config.json"]] : Common;
        if (marker is not null)
        {
            // A marker may be empty: its presence is the signal.
            required = required.Append([marker]);
            present.UnionWith(files.Where(f => f.Name == marker).Select(f => f.Name));
        }
        return [.. required.Where(any => !any.Any(present.Contains)).Select(any => string.Join(" or ", any))];
    }
}
