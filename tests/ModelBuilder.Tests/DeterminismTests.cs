using Platform.ModelBuilder.Tests.Tokenizers;

namespace Platform.ModelBuilder.Tests;

public sealed class DeterminismTests
{
    public static TheoryData<string> Writers => ["random-image", "random-text", "captioner", "translator"];

    [Theory]
    [MemberData(nameof(Writers))]
    public void Writing_twice_gives_byte_identical_folders(string writer)
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();
        Write(writer, first.Path);
        Write(writer, second.Path);

        var names = Directory.GetFiles(first.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("decoder_model_merged.onnx", names);
        Assert.Equal(names, Directory.GetFiles(second.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.Equal(File.ReadAllBytes(first.File(name!)), File.ReadAllBytes(second.File(name!))));
    }

    [Theory]
    [InlineData(0, 2, 32, 32, 8)]
    [InlineData(2, 3, 32, 32, 8)]
    [InlineData(2, 2, 32, 30, 8)]
    public void Impossible_specs_are_rejected_before_anything_is_written(int layers, int heads, int hidden, int image, int patch)
    {
        using var directory = new TemporaryDirectory();
        var spec = new RandomModelSpec(Layers: layers, Heads: heads, HiddenSize: hidden, ImageSize: image, PatchSize: patch);
        var target = Path.Combine(directory.Path, "model");
        Assert.Throws<ArgumentException>(() => TestCheckpoints.WriteRandomImageToText(target, spec));
        Assert.Throws<ArgumentException>(() => TestCheckpoints.WriteRandomTextToText(target, spec));
        Assert.False(Directory.Exists(target));
    }

    internal static void Write(string writer, string directory)
    {
        switch (writer)
        {
            case "random-image":
                TestCheckpoints.WriteRandomImageToText(directory, new RandomModelSpec(Seed: 9));
                break;
            case "random-text":
                TestCheckpoints.WriteRandomTextToText(directory, new RandomModelSpec(Seed: 9, Layers: 3, HiddenSize: 48, Heads: 4, VocabularySize: 100));
                break;
            case "captioner":
                TestCheckpoints.WriteColourShapeCaptioner(directory);
                break;
            default:
                TestCheckpoints.WriteWordTranslator(directory, "es");
                break;
        }
    }
}
