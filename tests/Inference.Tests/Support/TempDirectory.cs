namespace Platform.Inference.Tests.Support;

/// <summary>A fresh directory deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("inference-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A copy of <paramref name="source"/>'s files in a fresh sub-folder.</summary>
    public string CopyOf(string source, string name)
    {
        var target = Directory.CreateDirectory(File(name)).FullName;
        foreach (var file in Directory.EnumerateFiles(source))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }
        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
