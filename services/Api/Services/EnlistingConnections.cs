using Npgsql;
using Platform.Hosting;
using Platform.Hosting.Options;

namespace Platform.Api.Services;

/// <summary>
/// Opens PostgreSQL connections with the very connection string Hangfire uses: inside an <see cref="AmbientTransaction"/>
/// Hangfire's enlistment then reuses the transaction's physical connection instead of asking for a prepared transaction.
/// </summary>
internal sealed class EnlistingConnections(IConfiguration configuration)
{
    private readonly string postgres = configuration.GetRequiredConnectionString(ConnectionStringNames.Postgres);

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
