using System.IO.Compression;
using Platform.ModelBuilder;

namespace Platform.Testing;

/// <summary>Zipped exports of the hand-set models, built once per test run: registration opens them for real.</summary>
public static class CheckpointArchives
{
    private static readonly Lazy<byte[]> Captioner = new(() => Build(TestCheckpoints.WriteColourShapeCaptioner));

    private static readonly Lazy<byte[]> Translator = new(() => Build(folder => TestCheckpoints.WriteWordTranslator(folder, "fr")));

    /// <param name="task">ImageToText (the colour-and-shape captioner) or TextToText (the word-by-word translator).</param>
    public static byte[] For(string task) => task == "ImageToText" ? Captioner.Value : Translator.Value;

    public static byte[] Zip(string folder)
    {
        using var zip = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
        return zip.ToArray();
    }

    private static byte[] Build(Action<string> write)
    {
        var folder = Directory.CreateTempSubdirectory("platform-test-checkpoint-").FullName;
        try
        {
            write(folder);
            return Zip(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
