using System.Globalization;
using NotebookHelpers.Charts;
using NotebookHelpers.Detections;
using NotebookHelpers.Events;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// The facts the summary and the impact questionnaire are written from, computed once over the investigated keys'
/// activity: what the attacker's calls (from the first suspicious call on) touched, changed and read, from where,
/// and what the evidence held before.
/// </summary>
internal sealed class IncidentFacts
{
    private static readonly HashSet<string> DataReads = new(StringComparer.Ordinal)
    {
        "GetObject", "GetSecretValue", "BatchGetSecretValue", "GetParameter", "GetParameters", "GetParametersByPath",
        "GetItem", "BatchGetItem", "Scan", "Query", "GetPasswordData", "GetQueryResults", "SelectObjectContent",
        "CopyObject", "GetFileDownloadUrls",
    };

    private static readonly string[] ReadPrefixes = ["Get", "List", "Describe", "Head", "Lookup", "Search", "Select", "BatchGet", "Scan", "Query"];

    public IncidentFacts(Investigator investigator, IReadOnlyList<KeyInvestigation> investigations)
    {
        Investigator = investigator;
        Investigations = investigations;
        Activities = [.. investigations.Select(i => KeyActivity.From(investigator, i))];
        var attack = new List<CloudTrailEvent>();
        var seen = new HashSet<CloudTrailEvent>(ReferenceEqualityComparer.Instance);
        foreach (var activity in Activities)
        {
            var from = activity.FirstSuspicious ?? DateTimeOffset.MinValue;
            attack.AddRange(activity.Events.Where(e => e.EventTime >= from && seen.Add(e)));
        }

        AttackEvents = EventTimeOrder.Sort(attack);
        FirstSuspicious = Activities.Select(a => a.FirstSuspicious).Where(t => t is not null).Min();
        var baselineEnd = FirstSuspicious ?? AttackEvents.FirstOrDefault()?.EventTime;
        HasBaseline = baselineEnd is { } end && investigator.Index.Events.Count > 0 && investigator.Index.Events[0].EventTime < end;
        foreach (var e in baselineEnd is { } b ? investigator.Index.Events.TakeWhile(e => e.EventTime < b) : [])
        {
            if (e.SourceIPAddress is { } ip)
            {
                KnownAddresses.Add(ip);
            }

            if (e.AwsRegion is { } region)
            {
                KnownRegions.Add(region);
            }

            if (e.EventSource is { } service)
            {
                KnownServices.Add(service);
            }
        }

        HasDataEvents = investigator.Index.Events.Any(e => e.ManagementEvent == false || e.EventCategory == "Data");
        Findings = [.. investigator.Detections.Findings.Where(f => investigations.Any(i => i.Findings.Contains(f)))];
    }

    public Investigator Investigator { get; }

    public IReadOnlyList<KeyInvestigation> Investigations { get; }

    public IReadOnlyList<KeyActivity> Activities { get; }

    /// <summary>Calls of the investigated keys and their blast radius from each one's first suspicious call on, in time order.</summary>
    public IReadOnlyList<CloudTrailEvent> AttackEvents { get; }

    /// <summary>The earliest first suspicious call over the investigations.</summary>
    public DateTimeOffset? FirstSuspicious { get; }

    /// <summary>True when the evidence holds events before the first suspicious call to compare with.</summary>
    public bool HasBaseline { get; }

    public HashSet<string> KnownAddresses { get; } = new(StringComparer.Ordinal);

    public HashSet<string> KnownRegions { get; } = new(StringComparer.Ordinal);

    public HashSet<string> KnownServices { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the evidence holds data events (S3 object-level and the like).</summary>
    public bool HasDataEvents { get; }

    /// <summary>The findings of the investigations, in detection order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Successful changes (not read-only, not data events) by the attacker's calls, by service and call.</summary>
    public IReadOnlyList<(string Service, string EventName, int Count, string Example, string? EventId)> Changes =>
        [.. AttackEvents
            .Where(e => CloudTrailFacts.Succeeded(e) && !IsReadOnly(e) && e.ManagementEvent != false && e.EventCategory != "Data" && e.EventName != "ConsoleLogin")
            .GroupBy(e => (Service: Short(e.EventSource), EventName: e.EventName ?? "(none)"))
            .Select(g => (g.Key.Service, g.Key.EventName, g.Count(), Example: ResourceOf(g.First()) ?? "", g.First().EventID))
            .OrderBy(c => c.Service, StringComparer.Ordinal)
            .ThenBy(c => c.EventName, StringComparer.Ordinal)];

    /// <summary>Data read (objects, secrets, parameters, items, query results) by the attacker's calls, by call and resource.</summary>
    public IReadOnlyList<(string EventName, string Resource, int Count, long Bytes, string? EventId)> DataRead =>
        [.. AttackEvents
            .Where(e => CloudTrailFacts.Succeeded(e) && e.EventName is { } n && DataReads.Contains(n))
            .GroupBy(e => (EventName: e.EventName!, Resource: ResourceOf(e) ?? "(unnamed)"))
            .Select(g => (g.Key.EventName, g.Key.Resource, g.Count(), g.Sum(BytesOut), g.First().EventID))
            .OrderByDescending(d => d.Item3)
            .ThenBy(d => d.EventName, StringComparer.Ordinal)
            .ThenBy(d => d.Resource, StringComparer.Ordinal)];

    /// <summary>Source addresses of the attacker's calls that the evidence never saw before the first suspicious call.</summary>
    public IReadOnlyList<(string Address, int Calls, DateTimeOffset First, string? EventId)> NewAddresses =>
        [.. AttackEvents
            .Where(e => e.SourceIPAddress is { } ip && !KnownAddresses.Contains(ip) && !CloudTrailFacts.IsAwsSource(ip))
            .GroupBy(e => e.SourceIPAddress!, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.First().EventTime, g.First().EventID))
            .OrderBy(a => a.EventTime)
            .ThenBy(a => a.Key, StringComparer.Ordinal)];

    /// <summary>Services the attacker's calls used, with counts and whether the evidence saw them used before.</summary>
    public IReadOnlyList<(string Service, int Calls, bool New)> Services =>
        [.. AttackEvents
            .GroupBy(e => e.EventSource ?? "(none)", StringComparer.Ordinal)
            .Select(g => (Short(g.Key), g.Count(), HasBaseline && !KnownServices.Contains(g.Key)))
            .OrderByDescending(s => s.Item2)
            .ThenBy(s => s.Item1, StringComparer.Ordinal)];

    /// <summary>Regions the attacker's calls used that the evidence never saw used before.</summary>
    public IReadOnlyList<string> NewRegions =>
        HasBaseline ? [.. AttackEvents.Select(e => e.AwsRegion).OfType<string>().Where(r => !KnownRegions.Contains(r)).Distinct(StringComparer.Ordinal)] : [];

    /// <summary>User agents of the attacker's calls, most used first.</summary>
    public IReadOnlyList<(string Agent, int Calls)> UserAgents =>
        [.. AttackEvents
            .Where(e => e.UserAgent is not null)
            .GroupBy(e => ToolOf(e.UserAgent!), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(a => a.Item2)
            .ThenBy(a => a.Key, StringComparer.Ordinal)];

    /// <summary>True for read-only calls (<c>readOnly</c>, or the call's name when the record lacks it).</summary>
    public static bool IsReadOnly(CloudTrailEvent e) =>
        e.ReadOnly ?? (e.EventName is { } n && (ReadPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)) || n == "ConsoleLogin"));

    /// <summary><c>iam.amazonaws.com</c> → <c>iam</c>.</summary>
    public static string Short(string? eventSource) =>
        eventSource is null ? "(none)" : eventSource.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? eventSource[..^".amazonaws.com".Length] : eventSource;

    /// <summary>The name of what a call acted on, from the request: bucket, secret, user, role, group, parameter, table…</summary>
    public static string? ResourceOf(CloudTrailEvent e)
    {
        foreach (var field in new[] { "bucketName", "secretId", "userName", "roleName", "groupName", "name", "tableName", "databaseName", "keyName", "groupId", "trailName", "detectorId", "policyArn" })
        {
            if (CloudTrailFacts.Request(e, field) is { Length: > 0 } value)
            {
                return field == "bucketName" && CloudTrailFacts.Request(e, "key") is { Length: > 0 } key && e.EventName != "GetObject" ? value + "/" + key : value;
            }
        }

        return null;
    }

    // aws-cli/2.15.30 md/awscrt#… → aws-cli/2.15.30: the tool and version, without the platform details.
    private static string ToolOf(string userAgent)
    {
        var trimmed = userAgent.Trim('[', ']');
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }

    private static long BytesOut(CloudTrailEvent e) =>
        e.GetString("additionalEventData.bytesTransferredOut") is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bytes) ? (long)bytes : 0;
}
