using Platform.ModelBuilder;

namespace Platform.Inference.Tests.Support;

/// <summary>The ModelBuilder's random checkpoints, written once for the whole test run.</summary>
public sealed class RandomCheckpoints : IDisposable
{
    public static readonly RandomModelSpec ImageSpec = new(Seed: 7);
    public static readonly RandomModelSpec TextSpec = new(Seed: 11);

    private readonly TempDirectory directory = new();

    public RandomCheckpoints()
    {
        ImageToText = directory.File("image");
        TextToText = directory.File("text");
        TestCheckpoints.WriteRandomImageToText(ImageToText, ImageSpec);
        TestCheckpoints.WriteRandomTextToText(TextToText, TextSpec);
    }

    public string ImageToText { get; }

    public string TextToText { get; }

    public void Dispose() => directory.Dispose();
}
