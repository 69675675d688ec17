using Azure.Storage.Blobs;

namespace Platform.Storage.IntegrationTests.Blobs;

internal static class Azurite
{
    private const string Variable = "ConnectionStrings__Blobs";

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"Set {Variable} to the connection string of a running Azurite or storage account (docker compose up azurite).");

    public static BlobServiceClient Client() => new(ConnectionString);

    /// <summary>Each test owns its container, so tests never see each other's blobs.</summary>
    public static string UniqueContainer() => $"it-{Guid.NewGuid():N}";
}
