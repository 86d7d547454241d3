using System.Text;
using NotebookHelpers.Evidence;
using NotebookHelpers.Json;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// A record that repeats a key (<c>"eventName":"GetCallerIdentity", …, "eventName":"DeleteTrail"</c>) reads as its
/// first occurrence in every reader: query filters and fields, the typed event, field paths. The reader reports it
/// once as a notice naming the key, the file and the repeated key's byte offset.
/// </summary>
public sealed class DuplicateKeyTests
{
    private const string Second = "AKIASECONDOCCURRENCE";

    [Theory]
    [InlineData(",\"eventName\":\"DeleteTrail\"}")]
    [InlineData(",\"event\\u004eame\":\"DeleteTrail\"}")]
    public async Task QueryFilterFieldsAndTheEventModelReadTheFirstOccurrence(string appended)
    {
        using var dir = new TempDirectory();
        var (path, offset) = Write(dir, appended);

        var (events, report) = EvidenceReader.ReadAll([path]);
        var ev = Assert.Single(events);
        var hidden = await Cli.Run("query", "--logs", path, "--format", "csv", "filter eventName = \"DeleteTrail\" | stats count(*) as n");
        var shown = await Cli.Run("query", "--logs", path, "--format", "csv", "filter eventName = \"GetCallerIdentity\" | fields eventID, eventName, awsRegion");
        var byRegion = await Cli.Run("query", "--logs", path, "--format", "csv", "fields eventName, awsRegion, errorCode");

        Assert.Equal("GetCallerIdentity", ev.EventName);
        Assert.Equal("GetCallerIdentity", ev.GetString("eventName"));
        Assert.Equal(0, hidden.Exit);
        Assert.Equal("n\n0\n", hidden.Stdout);
        Assert.StartsWith("dup-1,GetCallerIdentity,us-east-1,", shown.Stdout.Split('\n')[1], StringComparison.Ordinal);
        Assert.StartsWith("GetCallerIdentity,us-east-1,AccessDenied,", byRegion.Stdout.Split('\n')[1], StringComparison.Ordinal);
        var notice = Assert.Single(report.Problems);
        Assert.Equal(ReadProblemKind.DuplicateKey, notice.Kind);
        Assert.True(notice.IsNotice);
        Assert.Equal(path, notice.Location.Path);
        Assert.Equal(offset, notice.Location.ByteOffset);
        Assert.Contains("key \"eventName\" repeated", notice.Reason, StringComparison.Ordinal);
        Assert.Contains($"warning: {path}@byte {offset}: key \"eventName\" repeated", hidden.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANestedRepeatedKeyReadsTheFirstToo()
    {
        using var dir = new TempDirectory();
        var record = Encoding.UTF8.GetString(HostileRecords.Record("2025-03-10T09:00:00Z", "eventName", "GetCallerIdentity", eventId: "dup-1"));
        var nested = record.Replace("\"userName\":\"victim\"", $"\"userName\":\"victim\",\"accessKeyId\":\"{Second}\"", StringComparison.Ordinal);
        var path = dir.WriteBytes("nested.json", Encoding.UTF8.GetBytes("{\"Records\":[" + nested + "]}"));

        var (events, report) = EvidenceReader.ReadAll([path]);
        var query = await Cli.Run("query", "--logs", path, "--format", "csv", $"filter userIdentity.accessKeyId = \"{Second}\" | stats count(*) as n");

        Assert.Equal("AKIAHOSTILEKEY000001", Assert.Single(events).UserIdentity?.AccessKeyId);
        Assert.Equal("n\n0\n", query.Stdout);
        Assert.Equal(ReadProblemKind.DuplicateKey, Assert.Single(report.Problems).Kind);
    }

    // A repeated object is read from its first copy only, leaf by leaf too: a key only the second copy has (arn) is
    // missing, as it is for the typed event, and one both copies have reads the first's.
    [Theory]
    [InlineData("{\"type\":\"IAMUser\",\"accessKeyId\":\"AKIAHOSTILEKEY000001\"}", "{\"type\":\"Root\",\"arn\":\"arn:aws:iam::111122223333:root\",\"accessKeyId\":\"" + Second + "\"}")]
    [InlineData("{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/victim\"}", "{\"arn\":\"arn:aws:iam::111122223333:root\",\"accessKeyId\":\"" + Second + "\"}")]
    [InlineData("\"not an object\"", "{\"arn\":\"arn:aws:iam::111122223333:root\",\"accessKeyId\":\"" + Second + "\"}")]
    public async Task ARepeatedObjectIsReadFromItsFirstCopyOnly(string first, string second)
    {
        using var dir = new TempDirectory();
        var record = "{\"eventVersion\":\"1.08\",\"userIdentity\":" + first + ",\"eventTime\":\"2025-03-10T09:00:00Z\"," +
            "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ListUsers\",\"awsRegion\":\"us-east-1\",\"userIdentity\":" + second +
            ",\"eventID\":\"dup-object\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";
        var path = dir.WriteBytes("object.json", Encoding.UTF8.GetBytes("{\"Records\":[" + record + "]}"));

        var ev = Assert.Single(EvidenceReader.ReadAll([path]).Events);
        var query = await Cli.Run("query", "--logs", path, "--format", "csv", "fields userIdentity.arn, userIdentity.accessKeyId, userIdentity.type");
        var secondCopy = await Cli.Run("query", "--logs", path, "--format", "csv", $"filter userIdentity.accessKeyId = \"{Second}\" or userIdentity.arn like /root/ | stats count(*) as n");

        Assert.Equal(0, query.Exit);
        var typed = string.Join(",", ev.UserIdentity?.Arn, ev.UserIdentity?.AccessKeyId, ev.UserIdentity?.Type);
        Assert.Equal(typed, string.Join(",", query.Stdout.Split('\n')[1].Split(',')[..3]));
        Assert.Equal(typed, string.Join(",", ev.GetString("userIdentity.arn"), ev.GetString("userIdentity.accessKeyId"), ev.GetString("userIdentity.type")));
        Assert.Equal("n\n0\n", secondCopy.Stdout);
    }

    // First copy is per object and key text: a dotted key "x.y" whose object lacks the path does not hide the real
    // x → y path (the typed event's field path finds d there), nor does a deeper node it shares ("x.y" then "z").
    [Theory]
    [InlineData("{\"x.y\":{\"c\":1},\"x\":{\"y\":{\"d\":2}}}", "x.y.d", "2")]
    [InlineData("{\"x.y\":{\"z\":{\"c\":1}},\"x\":{\"y\":{\"z\":{\"d\":2}}}}", "x.y.z.d", "2")]
    [InlineData("{\"x.y\":{\"d\":1},\"x\":{\"y\":{\"d\":2}}}", "x.y.d", "1")]
    [InlineData("{\"x.y\":{\"d\":1},\"x.y\":{\"d\":2,\"e\":3}}", "x.y.e", "")]
    public async Task ADottedKeyDoesNotHideTheSamePathSpelledByObjects(string parameters, string field, string expected)
    {
        using var dir = new TempDirectory();
        var record = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventSource\":\"s3.amazonaws.com\"," +
            "\"eventName\":\"GetObject\",\"awsRegion\":\"us-east-1\",\"eventID\":\"dotted\",\"requestParameters\":" + parameters + "}";
        var path = dir.WriteBytes("dotted.json", Encoding.UTF8.GetBytes("{\"Records\":[" + record + "]}"));

        var ev = Assert.Single(EvidenceReader.ReadAll([path]).Events);
        var query = await Cli.Run("query", "--logs", path, "--format", "csv", $"fields eventID, requestParameters.{field}");

        Assert.Equal(0, query.Exit);
        Assert.Equal(expected, ev.GetString("requestParameters." + field) ?? "");
        Assert.StartsWith("dotted," + expected + ",", query.Stdout.Split('\n')[1] + ",", StringComparison.Ordinal);
    }

    [Fact]
    public void TheFinderComparesKeysPerObjectAndUnescaped()
    {
        Assert.Null(JsonDuplicateKeys.Find("{\"a\":{\"b\":1},\"b\":{\"a\":2},\"c\":[{\"a\":1},{\"a\":2}]}"u8));
        Assert.Equal(("a", 7, 1), JsonDuplicateKeys.Find("{\"a\":1,\"a\":2}"u8));
        Assert.Equal(("ab", 9, 1), JsonDuplicateKeys.Find("{\"ab\":1, \"\\u0061b\":2}"u8));
        Assert.Equal("x", JsonDuplicateKeys.Find("{\"r\":[1,{\"x\":1,\"x\":1}]}"u8)?.Key);
        var wide = "{" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"k{i}\":{i}")) + ",\"k77\":0}";
        Assert.Equal("k77", JsonDuplicateKeys.Find(Encoding.UTF8.GetBytes(wide))?.Key);
    }

    // Raw 0xFF and raw 0xFE (or a lone \ud800) both read as U+FFFD: the same key. With the second as the 33rd key,
    // the finder once moved its keys into a dictionary that threw on the pair and the whole read was lost.
    [Theory]
    [InlineData(new byte[] { 0xFF }, new byte[] { 0xFE })]
    [InlineData(new byte[] { 0xFF }, new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' })]
    public void KeysOfTheSameTextFromDifferentInvalidBytesAreReportedAndTheReadGoesOn(byte[] firstKey, byte[] secondKey)
    {
        using var dir = new TempDirectory();
        var good = HostileRecords.Record("2025-03-10T09:00:00Z", "eventName", "GetCallerIdentity", eventId: "good-1");
        var hostile = HostileRecords.Record("2025-03-10T09:00:01Z", "eventName", "ListUsers", eventId: "dup-2");
        var fillers = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 31).Select(i => $",\"f{i}\":1")));
        byte[] parameters = [.. ",\"hostileParameters\":{\""u8, .. firstKey, .. "\":0"u8, .. fillers, .. ",\""u8];
        byte[] prefix = [.. "{\"Records\":["u8, .. good, .. ","u8, .. hostile[..^1], .. parameters];
        byte[] file = [.. prefix, .. secondKey, .. "\":1}}]}"u8];
        var path = dir.WriteBytes("dup.json", file);

        var (events, report) = EvidenceReader.ReadAll([path]);

        Assert.Equal(["good-1", "dup-2"], events.Select(e => e.EventID ?? "").ToArray());
        var notice = Assert.Single(report.Problems, p => p.Kind == ReadProblemKind.DuplicateKey);
        Assert.Equal(ReadProblemKind.DuplicateKey, notice.Kind);
        Assert.Equal(path, notice.Location.Path);
        Assert.Equal(prefix.Length - 1, notice.Location.ByteOffset);
    }

    // One record whose last member repeats eventName; the offset of the repeated key's quote in the file.
    private static (string Path, long Offset) Write(TempDirectory dir, string appended)
    {
        var record = Encoding.UTF8.GetString(HostileRecords.Record("2025-03-10T09:00:00Z", "eventName", "GetCallerIdentity", eventId: "dup-1"));
        var text = "{\"Records\":[" + record[..^1] + appended + "]}";
        var bytes = Encoding.UTF8.GetBytes(text);
        return (dir.WriteBytes("dup.json", bytes), Encoding.UTF8.GetByteCount(text[..text.LastIndexOf(",\"event", StringComparison.Ordinal)]) + 1);
    }
}
