using System.Text;
using System.Text.Json;
using NotebookHelpers.Json;

namespace NotebookHelpers.Tests.Json;

public class JsonScannerTests
{
    [Theory]
    [InlineData("{}", JsonTokenKind.Object)]
    [InlineData("[]", JsonTokenKind.Array)]
    [InlineData("\"a\\\"b\\u00e9\"", JsonTokenKind.String)]
    [InlineData("-12.5e+3", JsonTokenKind.Number)]
    [InlineData("0", JsonTokenKind.Number)]
    [InlineData("true", JsonTokenKind.True)]
    [InlineData("false", JsonTokenKind.False)]
    [InlineData("null", JsonTokenKind.Null)]
    [InlineData(" { \"a\" : [ 1 , { \"b\" : null } ] , \"c\" : \"}\" } ", JsonTokenKind.Object)]
    public void SkipsWellFormedValues(string json, JsonTokenKind kind)
    {
        var bytes = Encoding.UTF8.GetBytes(json + "\n");
        var status = JsonScanner.SkipValue(bytes, 0, out var start, out var end, out var actualKind, out _);

        Assert.Equal(JsonScanStatus.Ok, status);
        Assert.Equal(kind, actualKind);
        Assert.Equal(json.Trim(), Encoding.UTF8.GetString(bytes[start..end]));
    }

    [Theory]
    [InlineData("{\"a\":1,}", 7, JsonScanErrorKind.ExpectedKey)]
    [InlineData("{\"a\" 1}", 5, JsonScanErrorKind.ExpectedColon)]
    [InlineData("[1 2]", 3, JsonScanErrorKind.ExpectedCommaOrEnd)]
    [InlineData("[1}", 2, JsonScanErrorKind.ExpectedCommaOrEnd)]
    [InlineData("{\"a\":tru}", 8, JsonScanErrorKind.InvalidLiteral)]
    [InlineData("{\"a\":01}", 6, JsonScanErrorKind.ExpectedCommaOrEnd)]
    [InlineData("[1.]", 3, JsonScanErrorKind.InvalidNumber)]
    [InlineData("[\"a\\x\"]", 3, JsonScanErrorKind.InvalidEscape)]
    [InlineData("[\"a\tb\"]", 3, JsonScanErrorKind.ControlCharacterInString)]
    [InlineData("{'a':1}", 1, JsonScanErrorKind.ExpectedKey)]
    [InlineData("#", 0, JsonScanErrorKind.UnexpectedByte)]
    public void ReportsTheOffsetAndReasonOfMalformedInput(string json, int offset, JsonScanErrorKind kind)
    {
        var status = JsonScanner.SkipValue(Encoding.UTF8.GetBytes(json), 0, out _, out _, out _, out var error);

        Assert.Equal(JsonScanStatus.Invalid, status);
        Assert.Equal(new JsonScanError(offset, kind), error);
        Assert.False(string.IsNullOrEmpty(error.Reason));
    }

    [Theory]
    [InlineData("{\"Records\":[{\"a\":1},")]
    [InlineData("[\"abc")]
    [InlineData("[\"abc\\")]
    [InlineData("[\"\\u00")]
    [InlineData("{\"a\"")]
    [InlineData("[tr")]
    [InlineData("12")]
    [InlineData("")]
    public void TruncatedInputIsIncompleteNotInvalid(string json)
    {
        var status = JsonScanner.SkipValue(Encoding.UTF8.GetBytes(json), 0, out _, out _, out _, out var error);

        Assert.Equal(JsonScanStatus.Incomplete, status);
        Assert.Equal(JsonScanErrorKind.UnexpectedEnd, error.Kind);
    }

    [Fact]
    public void RejectsNestingDeeperThanTheLimitWithoutRecursing()
    {
        var deep = new string('[', 100_000);
        var status = JsonScanner.SkipValue(Encoding.UTF8.GetBytes(deep), 0, out _, out _, out _, out var error);

        Assert.Equal(JsonScanStatus.Invalid, status);
        Assert.Equal(new JsonScanError(JsonScanner.MaxDepth, JsonScanErrorKind.TooDeep), error);
    }

    [Fact]
    public void AgreesWithUtf8JsonReaderOnRandomlyDamagedRecords()
    {
        var record = Encoding.UTF8.GetBytes("""
            {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/a\"b","sessionContext":{"attributes":{"mfaAuthenticated":"false"}}},
             "eventTime":"2021-07-28T15:28:12Z","readOnly":true,"n":[-0.5e-3,12,0,null,false,{}],"s":"\u00e9\n\\/"}
            """);
        var alphabet = "{}[]\":,\\ \n0123456789-+.eEtrufalsn\"a"u8.ToArray();
        var random = new Random(1234);
        for (var round = 0; round < 5000; round++)
        {
            var damaged = (byte[])record.Clone();
            var edits = 1 + random.Next(3);
            for (var e = 0; e < edits; e++)
            {
                damaged[random.Next(damaged.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            var length = random.Next(4) == 0 ? random.Next(damaged.Length) : damaged.Length;
            var input = damaged.AsSpan(0, length);
            var status = JsonScanner.SkipValue(input, 0, out _, out var end, out _, out _);
            var ours = status == JsonScanStatus.Ok && JsonScanner.SkipWhitespace(input, end) == input.Length;

            Assert.True(ours == IsValidJson(input), $"round {round}: scanner says {status} for {Encoding.UTF8.GetString(input)}");
        }
    }

    [Fact]
    public void EnumeratesObjectMembersWithKeysValuesAndKinds()
    {
        var json = "{ \"eventID\" : \"e-1\", \"n\":3, \"o\":{\"x\":[1]}, \"k\\u0065y\":true }"u8;
        var reader = new JsonObjectReader(json);
        var seen = new List<string>();
        while (reader.MoveNext())
        {
            seen.Add($"{Encoding.UTF8.GetString(reader.RawKey)}|{reader.ValueKind}|{Encoding.UTF8.GetString(reader.Value)}|{reader.KeyHasEscapes}");
        }

        Assert.Equal(JsonScanStatus.Ok, reader.Status);
        Assert.Equal(json.Length, reader.End);
        Assert.True(reader.SawWhitespace);
        Assert.Equal(
            ["eventID|String|\"e-1\"|False", "n|Number|3|False", "o|Object|{\"x\":[1]}|False", "k\\u0065y|True|true|True"],
            seen);
    }

    [Fact]
    public void ObjectReaderStopsAtTheFirstProblemWithItsOffset()
    {
        var reader = new JsonObjectReader("{\"a\":1,\"b\":[1,}"u8);
        var count = 0;
        while (reader.MoveNext())
        {
            count++;
        }

        Assert.Equal(1, count);
        Assert.Equal(JsonScanStatus.Invalid, reader.Status);
        Assert.Equal(new JsonScanError(14, JsonScanErrorKind.UnexpectedByte), reader.Error);
    }

    [Fact]
    public void SplitsRecordsArrayIntoElements()
    {
        var json = "[ {\"a\":1} ,\n {\"b\":\n 2}, 3 ]"u8;
        var reader = new JsonArrayReader(json);
        var elements = new List<(string, bool)>();
        while (reader.MoveNext())
        {
            elements.Add((Encoding.UTF8.GetString(reader.Value), reader.ElementSawWhitespace));
        }

        Assert.Equal(JsonScanStatus.Ok, reader.Status);
        Assert.Equal([("{\"a\":1}", false), ("{\"b\":\n 2}", true), ("3", false)], elements);
    }

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"a\\\"b\\\\c\\/d\\n\"", "a\"b\\c/d\n")]
    [InlineData("\"\\u00e9\\u4e2d\"", "é中")]
    [InlineData("\"\\ud83d\\ude00\"", "😀")]
    [InlineData("\"\\ud83d!\"", "\uFFFD!")]
    public void UnescapesStringsOnDemand(string token, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(token);

        Assert.Equal(expected, JsonString.GetString(bytes));
        Assert.True(JsonString.TextEquals(bytes, Encoding.UTF8.GetBytes(expected)));
    }

    [Fact]
    public void CompactsWhitespaceOutsideStringsOnly()
    {
        var pretty = "{\n  \"a\" : \"x y\\\" }\" ,\n  \"b\": [ 1, 2 ]\n}"u8;

        Assert.Equal("{\"a\":\"x y\\\" }\",\"b\":[1,2]}", Encoding.UTF8.GetString(JsonCompactor.Compact(pretty)));
    }

    private static bool IsValidJson(ReadOnlySpan<byte> input)
    {
        try
        {
            var reader = new Utf8JsonReader(input, new JsonReaderOptions { MaxDepth = JsonScanner.MaxDepth });
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
