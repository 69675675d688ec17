using Platform.ModelBuilder.Tests.Tokenizers;

namespace Platform.ModelBuilder.Tests.Support;

/// <summary>One captioner checkpoint shared by a test class.</summary>
public sealed class CaptionerFixture : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public CaptionerFixture()
    {
        TestCheckpoints.WriteColourShapeCaptioner(directory.Path);
        Harness = new CaptionerHarness(directory.Path);
    }

    public string Path => directory.Path;

    internal CaptionerHarness Harness { get; }

    public void Dispose()
    {
        Harness.Dispose();
        directory.Dispose();
    }
}
