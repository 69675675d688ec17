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
    int MaxPositions = 64)
{
    /// <summary>Throws <see cref="ArgumentException"/> for a shape no transformer can have.</summary>
    public void Validate()
    {
        if (Layers < 1 || Heads < 1 || HiddenSize < 1 || VocabularySize < 1 || ImageSize < 1 || PatchSize < 1 || MaxPositions < 1)
        {
            throw new ArgumentException($"Every size in {this} must be positive.");
        }

        if (HiddenSize % Heads != 0)
        {
            throw new ArgumentException($"HiddenSize {HiddenSize} is not a multiple of Heads {Heads}.");
        }

        if (ImageSize % PatchSize != 0)
        {
            throw new ArgumentException($"ImageSize {ImageSize} is not a multiple of PatchSize {PatchSize}.");
        }
    }
}
