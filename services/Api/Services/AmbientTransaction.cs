using System.Transactions;

namespace Platform.Api.Services;

/// <summary>
/// The transaction that a database change and the Hangfire jobs it enqueues share: Hangfire.PostgreSql enlists in
/// it, so the jobs exist exactly when the change does.
/// </summary>
internal static class AmbientTransaction
{
    public static TransactionScope Begin() => new(
        TransactionScopeOption.Required,
        new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted },
        TransactionScopeAsyncFlowOption.Enabled);
}
