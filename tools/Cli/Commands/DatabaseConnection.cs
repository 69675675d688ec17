using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Cli.Commands;

/// <summary>The <c>--connection</c> option of the commands that work on the database directly.</summary>
internal sealed class DatabaseConnection
{
    public Option<string?> Option { get; } = new("--connection")
    {
        Description = "PostgreSQL connection string (default: the ConnectionStrings__Postgres environment variable)",
    };

    /// <summary>A context on the given database, or null (after saying why) when no connection string was given.</summary>
    public PlatformDbContext? Open(ParseResult parseResult, string commandName)
    {
        var connectionString = parseResult.GetValue(Option) ?? Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (string.IsNullOrEmpty(connectionString))
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"{commandName}: give --connection or set ConnectionStrings__Postgres");
            return null;
        }
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        PlatformDbContextOptions.Configure(options, connectionString);
        return new PlatformDbContext(options.Options);
    }
}
