using Npgsql;
using Platform.Hosting;
using Platform.Hosting.Options;

namespace Platform.Api.Services;

/// <summary>
/// Connections for work inside an <see cref="AmbientTransaction"/>: opened with the very connection string Hangfire
/// uses, so Npgsql hands every enlisted open the same physical connection and the transaction stays local (no
/// prepared transaction). Open one at a time within a scope.
/// </summary>
internal sealed class EnlistedConnections(IConfiguration configuration)
{
    private readonly string postgres = configuration.GetRequiredConnectionString(ConnectionStringNames.Postgres);

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
