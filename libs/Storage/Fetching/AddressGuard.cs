using System.Net;
using System.Net.Sockets;

namespace Platform.Storage.Fetching;

/// <summary>Which resolved addresses a user-supplied URL may reach.</summary>
public static class AddressGuard
{
    private static readonly (IPAddress Network, int PrefixLength)[] BlockedNetworks =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("ff00::"), 8),
        (IPAddress.Parse("fd00:ec2::254"), 128),
    ];

    /// <summary>False for loopback, private, shared, link-local (cloud metadata at 169.254.169.254), multicast and reserved addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return !BlockedNetworks.Any(network => network.Network.AddressFamily == address.AddressFamily
            && new IPNetwork(network.Network, network.PrefixLength).Contains(address));
    }

    public static bool IsAllowed(IPAddress address, bool allowPrivateNetworks) =>
        allowPrivateNetworks || IsPublic(address);

    internal static bool IsSupported(IPAddress address) =>
        address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;
}
