using System.Net;
using Platform.Storage.Fetching;

namespace Platform.Storage.Tests.Fetching;

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public void Loopback_private_link_local_and_metadata_addresses_are_blocked(string address)
    {
        Assert.False(AddressGuard.IsPublic(IPAddress.Parse(address)));
        Assert.False(AddressGuard.IsAllowed(IPAddress.Parse(address), allowPrivateNetworks: false));
        Assert.True(AddressGuard.IsAllowed(IPAddress.Parse(address), allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:1.1.1.1")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(AddressGuard.IsAllowed(IPAddress.Parse(address), allowPrivateNetworks: false));
}
