using NotebookHelpers.Detections;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Tests.Insights.Sql;

/// <summary>
/// The queries every executor must answer as the offline engine does: the language's semantics as
/// docs/logs-insights-semantics.md states them (comparisons and missing values, like/in/regex, fields and aliases,
/// sort order and ties, limit, dedup, stats and bin, functions), then the catalogues (investigation queries with their
/// parameters bound, and every detection rule's query).
/// </summary>
internal static class ConformanceQueries
{
    public static readonly string[] Language =
    [
        "stats count(*) as n",
        "filter eventName = \"ListBuckets\" | stats count(*) as n",
        "filter eventName != \"ListBuckets\" | stats count(*) as n",
        "filter errorCode != \"AccessDenied\" | stats count(*) as n by errorCode",
        "filter ispresent(errorCode) | stats count(*) as n, count_distinct(sourceIPAddress) as ips by errorCode",
        "filter not ispresent(errorCode) | stats count(*) as n by eventSource",
        "filter errorCode like /Denied|Unauthorized/ | stats count(*) as n by userIdentity.arn, errorCode",
        "filter eventName like \"Get\" | stats count(*) as n by eventName",
        "filter eventName not like /^(Get|List|Describe)/ | stats count(*) as n by eventName",
        "filter eventName in [\"CreateUser\", \"CreateAccessKey\", \"AttachUserPolicy\"] | stats count(*) as n by eventName",
        "filter eventSource not in [\"s3.amazonaws.com\", \"ec2.amazonaws.com\"] | stats count(*) as n by eventSource",
        "filter userIdentity.type = \"IAMUser\" or userIdentity.type = \"Root\" | stats count(*) as n by userIdentity.type",
        "filter (eventName = \"ConsoleLogin\" or errorCode = \"AccessDenied\") and not ispresent(userIdentity.invokedBy) | stats count(*) as n",
        "stats count(*) as n by eventSource, eventName",
        "stats count(*) as n by bin(1h)",
        "stats count(*) as n by bin(1d)",
        "stats count(*) as n by bin(5m) | sort n desc | limit 10",
        "stats count(*) as n by bin(1w)",
        "stats count(*) as n by eventName | sort n desc | limit 5",
        "stats count(*) as n by eventName | sort eventName asc",
        "stats count(*) as n by eventName | filter n > 3 | sort n asc",
        "stats min(@timestamp) as first, max(@timestamp) as last, count(*) as n by userIdentity.accessKeyId",
        "stats earliest(eventName) as firstCall, latest(eventName) as lastCall by sourceIPAddress",
        "stats count(*) as n, count(errorCode) as failed, count(*) - count(errorCode) as ok by eventSource",
        "stats sum(errorCode = \"AccessDenied\") as denied, count(*) as n by awsRegion",
        "stats avg(strlen(userAgent)) as ua by eventSource",
        "stats count(*) as n by readOnly",
        "stats count(*) as n by userIdentity.sessionContext.attributes.mfaAuthenticated",
        "stats count(*) as n by resources.0.type",
        "filter ispresent(requestParameters.userName) | stats count(*) as n by requestParameters.userName",
        "fields @timestamp, eventName, sourceIPAddress | sort @timestamp asc | limit 20",
        "fields @timestamp, eventName | limit 15",
        "filter eventName = \"ListBuckets\" | limit 5",
        "fields eventID | sort eventTime asc, eventID asc | limit 7",
        "fields eventName, awsRegion | sort eventName desc | limit 12",
        "fields eventName, userAgent | sort userAgent asc | limit 9",
        "fields eventName | sort eventName asc, @timestamp desc | limit 25",
        "fields eventName, errorCode | sort errorCode desc | limit 10",
        "fields tolower(eventName) as lower, toupper(awsRegion) as region, strlen(eventName) as len | limit 10",
        "fields concat(eventSource, \"/\", eventName) as action | stats count(*) as n by action",
        "fields eventName as name | filter name like /Create/ | display name, @timestamp | sort @timestamp asc",
        "fields coalesce(errorCode, \"ok\") as outcome | stats count(*) as n by outcome",
        "fields isempty(errorCode) as noError, startsWith(eventName, \"Get\") as getter, endsWith(eventSource, \".com\") as com | stats count(*) as n by noError, getter, com",
        "fields strcontains(userAgent, \"aws-cli\") as cli | stats count(*) as n by cli",
        "filter strlen(sourceIPAddress) > 12 | stats count(*) as n by sourceIPAddress | sort n desc | limit 10",
        "fields @timestamp, eventName, readOnly, requestParameters.bucketName, responseElements.ConsoleLogin | filter ispresent(requestParameters.bucketName) or ispresent(responseElements.ConsoleLogin) | sort @timestamp desc | limit 30",
        "fields eventName, sourceIPAddress | sort @timestamp asc | dedup sourceIPAddress",
        "fields eventName, errorCode | dedup eventName, errorCode | limit 40",
        "fields @timestamp, @message | filter eventName = \"GetCallerIdentity\" | limit 3",
        "fields eventName, @ptr | sort @timestamp asc | limit 4",
        "filter userIdentity.accessKeyId like /^AKIA/ | stats earliest(eventName) as firstCall, min(@timestamp) as firstSeen by userIdentity.accessKeyId, sourceIPAddress",
    ];

    /// <summary>The catalogues, their parameters bound to the dataset's most frequent key, address and user.</summary>
    public static IEnumerable<(string Name, InsightsQuery Query)> Catalogue(string key, string ip, string user)
    {
        foreach (var (name, _, query) in InvestigationQueries.All)
        {
            yield return ("catalogue:" + name, Bind(query, key, ip, user));
        }

        yield return ("catalogue:key-appearances", InvestigationQueries.KeyAppearances(key));
        yield return ("catalogue:keys-used", InvestigationQueries.KeysUsed());
        yield return ("catalogue:actions-by-access-key", InvestigationQueries.ActionsByAccessKey(key));
        yield return ("catalogue:activity-by-role", InvestigationQueries.ActivityByRole(user));
        foreach (var rule in DetectionCatalog.All)
        {
            yield return ("rule:" + rule.Id, InsightsQuery.Parse(rule.InsightsQuery));
        }
    }

    private static InsightsQuery Bind(InsightsQuery query, string key, string ip, string user)
    {
        foreach (var p in query.Parameters)
        {
            query = query.Bind(p, p switch { "ip" => ip, "user" => user, _ => key });
        }

        return query;
    }
}
