using Platform.Inference.Execution;
using Platform.Inference.Generation;
using Platform.Inference.Imaging;
using Platform.Inference.Tokenization;

namespace Platform.Inference.Checkpoints;

/// <summary>
/// A loaded optimum-layout checkpoint: its sessions (created once, safe to use concurrently), configs and
/// generation defaults. Generation runs every input once per target (forced first token, i.e. language).
/// </summary>
public sealed class Checkpoint : IDisposable
{
    private readonly IReadOnlyList<OnnxModel> models;
    private readonly EncoderModel encoder;
    private readonly DecoderPlan decoders;
    private readonly ConfigValues generationDefaults;

    private Checkpoint(string directory, CheckpointOptions options, ExecutionProvider provider, CheckpointLoader loader)
    {
        Directory = directory;
        Options = options;
        Provider = provider;
        var config = CheckpointConfig.Read(directory);
        generationDefaults = config.Generation;
        encoder = loader.LoadEncoder();
        decoders = loader.LoadDecoders(config.DecoderShapes);
        Defaults = GenerationSettings.Resolve(generationDefaults, GenerationOptions.Default, directory);
        Tokenizer = CheckpointAssets.LoadTokenizer(directory);
        Languages = LanguagePair.Read(directory);
        Capabilities = LanguageCapabilities.Of(Tokenizer, Languages);
        MaxSourcePositions = config.MaxPositions ?? encoder.FixedSourceLength;
        ImagePreprocessor = Kind == CheckpointKind.ImageToText
            ? CheckpointAssets.LoadPreprocessor(directory, options.ImageLimits, encoder.ImageDimensions, config.ImageSize)
            : null;
        models = loader.Detach();
    }

    public string Directory { get; }

    public CheckpointOptions Options { get; }

    public ExecutionProvider Provider { get; }

    public CheckpointKind Kind => encoder.Kind;

    public bool UsesCache => decoders.UsesCache;

    public GenerationSettings Defaults { get; }

    public ITextTokenizer Tokenizer { get; }

    /// <summary>The direction a single-pair (Marian) checkpoint declares; null when it declares none.</summary>
    public LanguagePair? Languages { get; }

    /// <summary>Which requested languages it serves (read once from the tokenizer and the declared pair).</summary>
    public LanguageCapabilities Capabilities { get; }

    /// <summary>
    /// Most source tokens (special tokens included) the encoder has positions for: config.json's
    /// max_position_embeddings, else a fixed input_ids length; null when neither bounds it.
    /// </summary>
    public int? MaxSourcePositions { get; }

    /// <summary>preprocessor_config.json's pipeline for image→text checkpoints; null for text→text.</summary>
    public ImagePreprocessor? ImagePreprocessor { get; }

    /// <summary>Runs beam search even for one beam (transformers switches to greedy); tests compare the two.</summary>
    internal bool BeamSearchForOneBeam { get; set; }

    /// <exception cref="InvalidCheckpointException">The folder cannot work; the message says why.</exception>
    public static Checkpoint Load(string directory, CheckpointOptions? options = null, SessionFactory? sessions = null)
    {
        directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!System.IO.Directory.Exists(directory))
        {
            throw new InvalidCheckpointException(directory, "the folder does not exist");
        }
        options ??= CheckpointOptions.Default;
        sessions ??= new SessionFactory(new ExecutionOptions());
        using var loader = new CheckpointLoader(directory, options, sessions);
        return new Checkpoint(directory, options, sessions.ActiveProvider, loader);
    }

    public GenerationSettings ResolveSettings(GenerationOptions? options) =>
        GenerationSettings.Resolve(generationDefaults, options ?? GenerationOptions.Default, Directory);

    /// <param name="forcedBosTokenIds">One generation per entry for every input; null keeps the checkpoint's own forced BOS.</param>
    /// <returns>Input-major, then target: the num_return_sequences best sequences of each.</returns>
    public IReadOnlyList<GeneratedSequence[]> GenerateFromPixels(
        PixelBatch pixels, IReadOnlyList<int?> forcedBosTokenIds, GenerationOptions? options, CancellationToken cancellationToken)
    {
        RequireKind(CheckpointKind.ImageToText);
        using var output = encoder.EncodePixels(pixels.Values, pixels.Count, pixels.Channels, pixels.Height, pixels.Width, cancellationToken);
        return Generate(output, pixels.Count, forcedBosTokenIds, ResolveSettings(options), cancellationToken);
    }

    /// <inheritdoc cref="GenerateFromPixels"/>
    public IReadOnlyList<GeneratedSequence[]> GenerateFromTokens(
        IReadOnlyList<int[]> sources, IReadOnlyList<int?> forcedBosTokenIds, GenerationOptions? options, CancellationToken cancellationToken)
    {
        RequireKind(CheckpointKind.TextToText);
        var settings = ResolveSettings(options);
        using var output = encoder.EncodeTokens(sources, settings.PadTokenId, cancellationToken);
        return Generate(output, sources.Count, forcedBosTokenIds, settings, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var model in models)
        {
            model.Dispose();
        }
    }

    private GeneratedSequence[][] Generate(
        EncoderOutput output, int inputs, IReadOnlyList<int?> targets, GenerationSettings settings, CancellationToken cancellationToken)
    {
        var items = Enumerable.Range(0, inputs)
            .SelectMany(input => targets.Select(target => new SearchItem(input, target ?? settings.ForcedBosTokenId)))
            .ToList();
        DecoderStepper CreateStepper(int[] encoderRows) => decoders.UsesCache
            ? new CachedDecoderStepper(decoders, output, encoderRows)
            : new FullDecoderStepper(decoders.First, output, encoderRows);
        return settings.NumBeams == 1 && !BeamSearchForOneBeam
            ? GreedySearch.Run(CreateStepper, items, settings, cancellationToken)
            : BeamSearch.Run(CreateStepper, items, settings, cancellationToken);
    }

    private void RequireKind(CheckpointKind kind)
    {
        if (Kind != kind)
        {
            throw new InvalidOperationException($"Checkpoint '{Directory}' is {Kind}, not {kind}.");
        }
    }
}
