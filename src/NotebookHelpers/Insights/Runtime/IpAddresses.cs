using System.Net;
using System.Net.Sockets;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>Strict IP address and CIDR parsing for the IP functions (no shorthand such as <c>1.2.3</c>).</summary>
public static class IpAddresses
{
    /// <summary>True for a dotted-quad IPv4 address with four parts 0–255.</summary>
    public static bool TryParseV4(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var p = parts[i];
            if (p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit) || !byte.TryParse(p, out bytes[i]))
            {
                return false;
            }
        }

        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>True for an IPv6 address (with optional zone index excluded).</summary>
    public static bool TryParseV6(string text, out IPAddress address)
    {
        address = IPAddress.IPv6None;
        if (!text.Contains(':', StringComparison.Ordinal) || text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        if (IPAddress.TryParse(text, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6)
        {
            address = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="ip"/> lies in <paramref name="cidr"/> (e.g. <c>192.0.2.0/24</c>); both must be the wanted family when given.</summary>
    public static bool IsInSubnet(string ip, string cidr, AddressFamily? family)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var networkText = slash < 0 ? cidr : cidr[..slash];
        if (!TryParseAny(ip, out var address) || !TryParseAny(networkText, out var network) || address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        if (family is { } f && address.AddressFamily != f)
        {
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(cidr.AsSpan(slash + 1), out prefix) || prefix < 0 || prefix > bits))
        {
            return false;
        }

        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var i = 0; i < prefix; i++)
        {
            var mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (n[i / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseAny(string text, out IPAddress address) =>
        TryParseV4(text, out address) || TryParseV6(text, out address);
}
