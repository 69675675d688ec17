namespace Platform.Storage.Fetching;

/// <summary>
/// The handler for HttpClients that reach user-supplied URLs: every connection (every redirect hop included) goes
/// through <see cref="GuardedConnector"/>; no proxy, which would connect for us unchecked; no cookies.
/// </summary>
public static class GuardedHttpHandler
{
    public static SocketsHttpHandler Create(bool allowPrivateNetworks, TimeSpan connectTimeout) => new()
    {
        ConnectCallback = new GuardedConnector(allowPrivateNetworks).ConnectAsync,
        ConnectTimeout = connectTimeout,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
