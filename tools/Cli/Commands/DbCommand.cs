using System.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace Platform.Cli.Commands;

/// <summary><c>platform db migrate</c>: applies the schema migrations, as the Api does at start-up.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var connection = new DatabaseConnection();
        var migrate = new Command("migrate", "Apply the database migrations") { connection.Option };
        migrate.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var db = connection.Open(parseResult, "platform db migrate");
            if (db is null)
            {
                return 2;
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            Console.WriteLine(pending.Count == 0 ? "Schema is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });
        return new Command("db", "Database maintenance") { migrate };
    }
}
