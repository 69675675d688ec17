using System.CommandLine;
using Azure.Storage.Blobs;
using Platform.Storage.Blobs;

namespace Platform.Cli.Commands;

/// <summary><c>platform blobs upload --container C [--prefix P] DIR</c>: copies a folder into blob storage (e.g. a dataset or a checkpoint export).</summary>
internal static class BlobsCommand
{
    public static Command Create()
    {
        var container = new Option<string>("--container") { Description = "Target container", Required = true };
        var prefix = new Option<string>("--prefix") { Description = "Prefix for the blob names", DefaultValueFactory = _ => "" };
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder to upload, recursively" };
        var upload = new Command("upload", "Upload a folder; uses ConnectionStrings__Blobs") { container, prefix, folder };
        upload.SetAction(async (parseResult, cancellationToken) =>
        {
            if (Environment.GetEnvironmentVariable("ConnectionStrings__Blobs") is not { Length: > 0 } connectionString)
            {
                await Console.Error.WriteLineAsync("platform blobs upload: set ConnectionStrings__Blobs");
                return 2;
            }
            var source = parseResult.GetRequiredValue(folder);
            if (!source.Exists)
            {
                await Console.Error.WriteLineAsync($"platform blobs upload: no folder {source.FullName}");
                return 2;
            }
            var store = new BlobStore(new BlobServiceClient(connectionString));
            var count = 0;
            foreach (var file in source.EnumerateFiles("*", SearchOption.AllDirectories))
            {
                var name = parseResult.GetValue(prefix) + Path.GetRelativePath(source.FullName, file.FullName).Replace('\\', '/');
                await using var content = file.OpenRead();
                await store.UploadAsync(parseResult.GetRequiredValue(container), name, content, cancellationToken);
                count++;
            }
            Console.WriteLine($"Uploaded {count} files to {parseResult.GetRequiredValue(container)}/{parseResult.GetValue(prefix)}");
            return 0;
        });
        return new Command("blobs", "Blob storage utilities") { upload };
    }
}
