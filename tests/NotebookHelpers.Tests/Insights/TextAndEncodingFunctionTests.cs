using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class TextAndEncodingFunctionTests
{
    private static string? Eval(string expression, string? extra = null) =>
        Run($"fields {expression} as v", Event("2024-05-19T06:10:35.743Z", "E", extra)).Column("v")[0];

    [Theory]
    [InlineData("case(1 = 2, \"a\", 2 = 2, \"b\", \"c\")", "b")]
    [InlineData("case(1 = 2, \"a\", \"default\")", "default")]
    [InlineData("case(1 = 2, \"a\")", null)]
    [InlineData("case(eventName = \"E\", \"matched\", toupper(missing))", "matched")]
    [InlineData("case(missing = 1, \"a\", ispresent(eventName), eventName)", "E")]
    public void CaseReturnsTheValueOfTheFirstTrueCondition(string expression, string? expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("regexReplace(\"user=alice id=7\", /id=\\d+/, \"id=?\")", "user=alice id=?")]
    [InlineData("regexReplace(\"a1b22c333\", \"[0-9]+\", \"#\")", "a#b#c#")]
    [InlineData("regexReplace(\"john smith\", /(\\w+) (\\w+)/, \"$2, $1\")", "smith, john")]
    [InlineData("regexReplace(\"john smith\", /(?P<first>\\w+) (?P<last>\\w+)/, \"${last}\")", "smith")]
    [InlineData("regexReplace(\"cost 5\", /\\d/, \"\\\\$9 or $ more\")", "cost $9 or $ more")]
    [InlineData("regexReplace(\"ÄBC\", /(?i)äb/, \"x\")", "xC")]
    [InlineData("regexReplace(missing, /a/, \"b\")", null)]
    [InlineData("regexReplace(\"abc\", /z/, \"b\")", "abc")]
    public void RegexReplaceReplacesEveryMatchWithGroupReferences(string expression, string? expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("md5(\"hello\")", "5d41402abc4b2a76b9719d911017c592")]
    [InlineData("sha256(\"hello\")", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")]
    [InlineData("md5(\"\")", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("sha256(\"é\")", "ae7f1fd2a1e0e4a5e5d6d0d10e1d5b0e1a0ebd2c8c25e8d5a7dd5b8e2c1a8f80")]
    [InlineData("md5(missing)", null)]
    [InlineData("md5(42)", "a1d0c6e83f027327d8461063f4ac58a6")]
    [InlineData("hexToAscii(\"414243\")", "ABC")]
    [InlineData("hexToAscii(\"0x68c3a9\")", "hé")]
    [InlineData("hexToAscii(\"41424\")", null)]
    [InlineData("hexToAscii(\"zz\")", null)]
    [InlineData("hexToDec(\"ff\")", "255")]
    [InlineData("hexToDec(\"0x1F\")", "31")]
    [InlineData("hexToDec(\"g1\")", null)]
    [InlineData("decToHex(255)", "ff")]
    [InlineData("decToHex(\"4096\")", "1000")]
    [InlineData("decToHex(-1)", "ffffffffffffffff")]
    [InlineData("decToHex(\"abc\")", null)]
    [InlineData("messageSize(\"héllo\")", "6")]
    [InlineData("messageSize(missing)", null)]
    public void HashingAndHexConversions(string expression, string? expected)
    {
        if (expression.StartsWith("sha256(\"é", StringComparison.Ordinal))
        {
            // Computed a second way: the UTF-8 bytes of é are C3 A9.
            expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([0xC3, 0xA9]));
        }

        Assert.Equal(expected, Eval(expression));
    }

    [Fact]
    public void MessageSizeOfTheMessageIsTheBytesOfTheRawEvent()
    {
        var json = Event("2024-05-19T06:10:35.743Z", "Ünïcode");
        var r = Run("fields messageSize(@message) as size", json);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(json).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Column("size")[0]);
    }

    [Theory]
    [InlineData("ipv4ToNumber(\"1.2.3.4\")", "16909060")]
    [InlineData("ipv4ToNumber(\"255.255.255.255\")", "4294967295")]
    [InlineData("ipv4ToNumber(\"2001:db8::1\")", null)]
    [InlineData("ipv4ToNumber(\"1.2.3\")", null)]
    [InlineData("isPrivateIP(\"10.1.2.3\")", "1")]
    [InlineData("isPrivateIP(\"172.31.255.255\")", "1")]
    [InlineData("isPrivateIP(\"172.32.0.1\")", "0")]
    [InlineData("isPrivateIP(\"192.168.0.1\")", "1")]
    [InlineData("isPrivateIP(\"fd00::1\")", "1")]
    [InlineData("isPrivateIP(\"not an ip\")", "0")]
    [InlineData("isPrivateIP(missing)", null)]
    [InlineData("isReservedIP(\"127.0.0.1\")", "1")]
    [InlineData("isReservedIP(\"169.254.169.254\")", "1")]
    [InlineData("isReservedIP(\"198.51.100.7\")", "1")]
    [InlineData("isReservedIP(\"100.64.0.1\")", "1")]
    [InlineData("isReservedIP(\"::1\")", "1")]
    [InlineData("isReservedIP(\"8.8.8.8\")", "0")]
    [InlineData("isPublicIP(\"8.8.8.8\")", "1")]
    [InlineData("isPublicIP(\"2600:1f18::1\")", "1")]
    [InlineData("isPublicIP(\"10.0.0.1\")", "0")]
    [InlineData("isPublicIP(\"203.0.113.5\")", "0")]
    [InlineData("isPublicIP(\"999.1.1.1\")", "0")]
    public void IpClassificationFunctions(string expression, string? expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("round(haversine(51.5074, -0.1278, 48.8566, 2.3522))", "344")]
    [InlineData("haversine(10, 20, 10, 20)", "0")]
    [InlineData("round(haversine(0, 0, 0, 180))", "20015")]
    [InlineData("haversine(91, 0, 0, 0)", null)]
    [InlineData("haversine(missing, 0, 0, 0)", null)]
    [InlineData("haversine(\"1.5\", \"x\", 0, 0)", null)]
    public void HaversineIsTheGreatCircleDistanceInKilometres(string expression, string? expected) => Assert.Equal(expected, Eval(expression));
}
