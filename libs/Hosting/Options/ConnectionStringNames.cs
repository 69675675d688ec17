namespace Platform.Hosting.Options;

/// <summary>Keys under <c>ConnectionStrings</c> that every service reads.</summary>
public static class ConnectionStringNames
{
    public const string Postgres = "Postgres";
    public const string RabbitMq = "RabbitMq";
    public const string Blobs = "Blobs";
}
