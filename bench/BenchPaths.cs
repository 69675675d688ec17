namespace Platform.Bench;

/// <summary>Where the repository and the bench's result files are, wherever <c>dotnet run</c> was started.</summary>
internal static class BenchPaths
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "bench", "Bench.csproj")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Run the bench inside the repository (no bench/Bench.csproj above the current directory).");
    }

    public static string Result(string fileName)
    {
        var results = Path.Combine(RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(results);
        return Path.Combine(results, fileName);
    }
}
