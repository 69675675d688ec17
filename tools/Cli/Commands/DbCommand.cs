using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Cli.Commands;

/// <summary><c>platform db migrate</c>: applies the schema migrations, as the Api does at start-up.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection")
        {
            Description = "PostgreSQL connection string (default: the ConnectionStrings__Postgres environment variable)",
        };
        var migrate = new Command("migrate", "Apply the database migrations") { connection };
        migrate.SetAction(async (parseResult, cancellationToken) =>
        {
            var connectionString = parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
            if (string.IsNullOrEmpty(connectionString))
            {
                await Console.Error.WriteLineAsync("platform db migrate: give --connection or set ConnectionStrings__Postgres");
                return 2;
            }
            var options = new DbContextOptionsBuilder<PlatformDbContext>();
            PlatformDbContextOptions.Configure(options, connectionString);
            await using var db = new PlatformDbContext(options.Options);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            Console.WriteLine(pending.Count == 0 ? "Schema is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });
        return new Command("db", "Database maintenance") { migrate };
    }
}
