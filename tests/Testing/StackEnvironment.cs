namespace Platform.Testing;

/// <summary>The PostgreSQL, RabbitMQ and Azurite that ./test.sh started, from the environment it exports.</summary>
public static class StackEnvironment
{
    public static string Postgres => Required("ConnectionStrings__Postgres");

    public static string RabbitMq => Required("ConnectionStrings__RabbitMq");

    public static string Blobs => Required("ConnectionStrings__Blobs");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through ./test.sh, which starts the stack and exports it.");
}
