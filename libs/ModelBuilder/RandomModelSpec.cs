namespace Platform.ModelBuilder;

/// <summary>Size and seed of a random-weight test checkpoint; the same spec writes byte-identical files.</summary>
public sealed record RandomModelSpec(
    int Seed = 1,
    int Layers = 2,
    int Heads = 2,
    int HiddenSize = 32,
    int VocabularySize = 64,
    int ImageSize = 32,
    int PatchSize = 8,
    int MaxPositions = 64);
