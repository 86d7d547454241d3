using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// Hashing (<c>md5</c>, <c>sha256</c>: lowercase hex of the UTF-8 bytes), hex conversions (<c>hexToAscii</c>,
/// <c>hexToDec</c>, <c>decToHex</c>) and <c>messageSize</c>. A <c>0x</c> prefix is accepted on hex input.
/// </summary>
public static class EncodingFunctions
{
    /// <summary><c>md5(s)</c>.</summary>
    public static Value Md5(Value v) => Hash(v, MD5.HashData);

    /// <summary><c>sha256(s)</c>.</summary>
    public static Value Sha256(Value v) => Hash(v, SHA256.HashData);

    /// <summary><c>hexToAscii(hex)</c>: the bytes the hex digits spell, read as UTF-8 (ASCII is a subset); missing for odd lengths or non-hex digits.</summary>
    public static Value HexToAscii(Value v)
    {
        if (Coerce.ToText(v) is not { } text)
        {
            return Value.Missing;
        }

        var digits = StripPrefix(text.Trim());
        if (digits.Length % 2 != 0)
        {
            return Value.Missing;
        }

        try
        {
            return Value.FromString(Encoding.UTF8.GetString(Convert.FromHexString(digits)));
        }
        catch (FormatException)
        {
            return Value.Missing;
        }
    }

    /// <summary><c>hexToDec(hex)</c>: an unsigned number of up to 16 hex digits; missing otherwise.</summary>
    public static Value HexToDec(Value v)
    {
        if (Coerce.ToText(v) is not { } text)
        {
            return Value.Missing;
        }

        var digits = StripPrefix(text.Trim());
        return digits.Length is > 0 and <= 16 && ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n)
            ? Value.FromNumber(n)
            : Value.Missing;
    }

    /// <summary>
    /// <c>decToHex(n)</c>: lowercase hex of the integer part; a negative number is written as its 64-bit two's
    /// complement (as Java's <c>Long.toHexString</c>, the service's platform, does).
    /// </summary>
    public static Value DecToHex(Value v)
    {
        if (!Coerce.TryNumber(v, out var n) || v.Kind == ValueKind.Timestamp || Math.Abs(n) >= 9.2e18)
        {
            return Value.Missing;
        }

        return Value.FromString(((long)Math.Truncate(n)).ToString("x", CultureInfo.InvariantCulture));
    }

    /// <summary><c>messageSize(f)</c>: the size in bytes of the value's UTF-8 text (of the raw event for <c>@message</c>).</summary>
    public static Value MessageSize(Value v) => Coerce.ToText(v) is { } text ? Value.FromNumber(Encoding.UTF8.GetByteCount(text)) : Value.Missing;

    private static Value Hash(Value v, Func<byte[], byte[]> hash) =>
        Coerce.ToText(v) is { } text ? Value.FromString(Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(text)))) : Value.Missing;

    private static string StripPrefix(string text) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
}
