using Microsoft.ML.OnnxRuntime;
using Platform.Inference.Execution;

namespace Platform.Inference.Checkpoints;

/// <summary>Opens the sessions of a checkpoint folder and checks that they fit together.</summary>
internal sealed class CheckpointLoader(string directory, CheckpointOptions options, SessionFactory sessions) : IDisposable
{
    private readonly List<OnnxModel> opened = [];

    public CheckpointFiles Files { get; } = CheckpointFiles.Find(directory, options.Variant);

    public EncoderModel LoadEncoder() => EncoderModel.Inspect(Open(Files.Encoder), directory);

    public DecoderPlan LoadDecoders(ConfigValues shapes)
    {
        DecoderModel Load(string path) => DecoderModel.Inspect(Open(path), directory, shapes);
        var mode = options.CacheMode;
        if (mode == CacheMode.Auto)
        {
            mode = Files.DecoderMerged is not null ? CacheMode.Merged
                : Files.DecoderWithPast is not null && Files.Decoder is not null ? CacheMode.WithPast
                : CacheMode.None;
        }
        switch (mode)
        {
            case CacheMode.Merged:
                var merged = Load(Require(Files.DecoderMerged, "decoder_model_merged"));
                if (!merged.IsMerged)
                {
                    throw new InvalidCheckpointException(directory, $"{merged.FileName} has no use_cache_branch input");
                }
                return DecoderPlan.WithCache(merged, merged, directory);
            case CacheMode.WithPast:
                var first = Load(Require(Files.Decoder, "decoder_model"));
                return DecoderPlan.WithCache(first, Load(Require(Files.DecoderWithPast, "decoder_with_past_model")), directory);
            default:
                return DecoderPlan.WithoutCache(Load(Files.Decoder ?? Files.DecoderMerged!));
        }
    }

    /// <summary>Hands the sessions over: they are no longer disposed with the loader.</summary>
    public IReadOnlyList<OnnxModel> Detach()
    {
        var models = opened.ToList();
        opened.Clear();
        return models;
    }

    public void Dispose()
    {
        foreach (var model in opened)
        {
            model.Dispose();
        }
    }

    private string Require(string? path, string stem) => path
        ?? throw new InvalidCheckpointException(directory, $"cache mode {options.CacheMode} needs {stem}{(options.Variant is null ? "" : "_" + options.Variant)}.onnx");

    private OnnxModel Open(string path)
    {
        try
        {
            var model = new OnnxModel(sessions.Create(path), path);
            opened.Add(model);
            return model;
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidCheckpointException(directory, $"cannot load {Path.GetFileName(path)}: {e.Message}");
        }
    }
}
