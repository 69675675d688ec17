using System.Transactions;

namespace Platform.Api.Services;

/// <summary>
/// A read-committed ambient transaction that Npgsql connections and Hangfire.PostgreSql (with the very same connection
/// string) enlist in: a database write and the Hangfire jobs it enqueues commit together or not at all. Open and close
/// the application's connection before enqueueing, so Npgsql hands Hangfire that one physical connection back instead
/// of asking PostgreSQL for a prepared transaction.
/// </summary>
internal static class AmbientTransaction
{
    public static TransactionScope Begin() => new(
        TransactionScopeOption.Required,
        new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted },
        TransactionScopeAsyncFlowOption.Enabled);
}
