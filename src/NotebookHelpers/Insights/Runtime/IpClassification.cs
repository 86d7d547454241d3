using System.Buffers.Binary;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// <c>ipv4ToNumber</c>, <c>isPrivateIP</c>, <c>isPublicIP</c> and <c>isReservedIP</c>. Private means RFC 1918 for
/// IPv4 (as documented) and unique-local <c>fc00::/7</c> for IPv6; reserved means the other IANA special-purpose
/// ranges (loopback, link-local, CGNAT, documentation, benchmarking, multicast, "this network", future use and
/// broadcast); public means a valid address that is neither.
/// </summary>
public static class IpClassification
{
    private static readonly string[] Private = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

    private static readonly string[] Reserved =
    [
        "0.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
        "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "::1/128", "::ffff:0:0/96", "64:ff9b::/96", "100::/64", "2001::/23", "2001:db8::/32", "fe80::/10", "ff00::/8",
    ];

    /// <summary><c>ipv4ToNumber(ip)</c>: the address as an unsigned 32-bit number (<c>1.2.3.4</c> → 16909060); missing for anything else.</summary>
    public static Value Ipv4ToNumber(Value v)
    {
        if (Coerce.ToText(v) is not { } text || !IpAddresses.TryParseV4(text.Trim(), out var address))
        {
            return Value.Missing;
        }

        return Value.FromNumber(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()));
    }

    /// <summary><c>isPrivateIP(ip)</c>.</summary>
    public static Value IsPrivate(Value v) => Classify(v, ip => InAny(ip, Private));

    /// <summary><c>isReservedIP(ip)</c>.</summary>
    public static Value IsReserved(Value v) => Classify(v, ip => InAny(ip, Reserved));

    /// <summary><c>isPublicIP(ip)</c>.</summary>
    public static Value IsPublic(Value v) => Classify(v, ip => !InAny(ip, Private) && !InAny(ip, Reserved));

    // Missing stays missing; text that is not an address is false for all three.
    private static Value Classify(Value v, Func<string, bool> test)
    {
        if (Coerce.ToText(v) is not { } text)
        {
            return Value.Missing;
        }

        var ip = text.Trim();
        var valid = IpAddresses.TryParseV4(ip, out _) || IpAddresses.TryParseV6(ip, out _);
        return Value.FromBoolean(valid && test(ip));
    }

    private static bool InAny(string ip, string[] ranges) => ranges.Any(r => IpAddresses.IsInSubnet(ip, r, null));
}
