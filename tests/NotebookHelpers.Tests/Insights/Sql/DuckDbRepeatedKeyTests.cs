using NotebookHelpers.DuckDb;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Insights.Sql;

/// <summary>
/// The project's rule that a repeated JSON key reads as its first occurrence holds in the DuckDB engine as in the
/// offline one: a record with a repeated scalar key, and one with a repeated <c>userIdentity</c> whose second copy
/// carries <c>arn</c>/<c>accessKeyId</c> the first lacks, give the same results in both engines, and the second copy
/// supplies nothing.
/// </summary>
public sealed class DuckDbRepeatedKeyTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _evidence;

    public DuckDbRepeatedKeyTests()
    {
        _evidence = _dir.Write("evidence.json", """
            {"Records":[
            {"eventVersion":"1.08","eventTime":"2025-03-10T09:00:00Z","eventSource":"iam.amazonaws.com","eventName":"ListUsers","eventName":"DeleteTrail","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.1","sourceIPAddress":"203.0.113.9","eventID":"e-1","userIdentity":{"type":"IAMUser","userName":"alice","accessKeyId":"AKIAFIRSTCOPY0000001"}},
            {"eventVersion":"1.08","eventTime":"2025-03-10T09:01:00Z","eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","awsRegion":"us-east-1","eventID":"e-2","userIdentity":{"type":"IAMUser","userName":"bob"},"userIdentity":{"type":"AssumedRole","userName":"mallory","arn":"arn:aws:iam::111122223333:user/mallory","accessKeyId":"AKIASECONDCOPY000002"}}
            ]}
            """);
    }

    public void Dispose() => _dir.Dispose();

    // Each query with a value only the first copies hold, so a query that read nothing would fail too.
    public static TheoryData<string, string> Queries() => new()
    {
        { "fields eventID, eventName, sourceIPAddress, userIdentity.type, userIdentity.userName, userIdentity.arn, userIdentity.accessKeyId | sort eventID", "bob" },
        { "stats count(*) as n by eventName, sourceIPAddress | sort eventName", "198.51.100.1" },
        { "filter ispresent(userIdentity.arn) or ispresent(userIdentity.accessKeyId) | stats count(*) as n by eventID, userIdentity.accessKeyId", "AKIAFIRSTCOPY0000001" },
        { "filter eventName = 'ListUsers' or userIdentity.userName = 'mallory' | fields eventID, eventName", "ListUsers" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task DuckDbReadsARepeatedKeyAsItsFirstOccurrenceLikeTheOfflineEngine(string query, string firstCopyValue)
    {
        using var duckDb = DuckDbQueryRunner.FromPaths([_evidence]);
        var offline = OfflineQueryRunner.FromPaths([_evidence]);

        var expected = QueryResultsJson.ToJson(await offline.RunAsync(query, TimeRange.All), indented: true);
        var actual = QueryResultsJson.ToJson(await duckDb.RunAsync(query, TimeRange.All), indented: true);

        Assert.Equal(expected, actual);
        Assert.Contains(firstCopyValue, actual, StringComparison.Ordinal);
        Assert.DoesNotContain("DeleteTrail", actual, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.9", actual, StringComparison.Ordinal);
        Assert.DoesNotContain("mallory", actual, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIASECONDCOPY000002", actual, StringComparison.Ordinal);
    }
}
