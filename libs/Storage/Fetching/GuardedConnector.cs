using System.Net;
using System.Net.Sockets;

namespace Platform.Storage.Fetching;

/// <summary>
/// <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host itself and connects only to allowed
/// addresses, so the address checked is the address connected to (DNS rebinding cannot slip between the two).
/// Every redirect hop connects through here too.
/// </summary>
public sealed class GuardedConnector(bool allowPrivateNetworks)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = resolved.Where(address => AddressGuard.IsSupported(address) && AddressGuard.IsAllowed(address, allowPrivateNetworks)).ToArray();
        if (allowed.Length == 0)
        {
            throw new BlockedAddressException(host, string.Join(", ", resolved.Select(address => address.ToString())));
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
