using System.Collections.Concurrent;
using System.IO.Compression;
using Platform.ModelBuilder;

namespace Platform.Testing;

/// <summary>Zipped exports of the hand-set models, built once per test run: registration opens them for real.</summary>
public static class CheckpointArchives
{
    private static readonly Lazy<byte[]> Captioner = new(() => Build(TestCheckpoints.WriteColourShapeCaptioner));

    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Translators = new();

    /// <param name="task">ImageToText (the colour-and-shape captioner) or TextToText (the word-by-word en→fr translator).</param>
    public static byte[] For(string task) => task == "ImageToText" ? Captioner.Value : Translator("fr");

    /// <summary>The word-by-word translator from English into <paramref name="targetLanguage"/> (de, fr or es), declaring that pair.</summary>
    public static byte[] Translator(string targetLanguage) =>
        Translators.GetOrAdd(targetLanguage, target => new(() => Build(folder => TestCheckpoints.WriteWordTranslator(folder, target)))).Value;

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
