using NotebookHelpers.Detections;
using NotebookHelpers.Detections.Rules;
using NotebookHelpers.Events;

namespace NotebookHelpers.Investigation;

/// <summary>
/// One place to investigate evidence: indexes the events once, runs the detection catalogue once, then profiles
/// keys, follows their blast radius, and suggests which keys deserve it.
/// <code>
/// var investigator = new Investigator(events);
/// foreach (var s in investigator.SuggestKeys()) Console.WriteLine(investigator.Investigate(s.AccessKeyId));
/// </code>
/// </summary>
public sealed class Investigator
{
    /// <summary>Indexes <paramref name="events"/> (any order) and runs the detections.</summary>
    public Investigator(IEnumerable<CloudTrailEvent> events, DetectionOptions? options = null)
    {
        Index = new EventIndex(events);
        Detections = DetectionRunner.Run(Index.Events, options);
    }

    /// <summary>The indexed, time-ordered events.</summary>
    public EventIndex Index { get; }

    /// <summary>All findings over the evidence.</summary>
    public DetectionResult Detections { get; }

    /// <summary>Profile, blast radius and findings of <paramref name="accessKeyId"/>.</summary>
    public KeyInvestigation Investigate(string accessKeyId, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        var profile = AccessKeyProfiler.Build(Index, accessKeyId);
        var graph = BlastRadiusBuilder.Build(Index, accessKeyId);
        var keys = graph.AccessKeyIds.ToHashSet(StringComparer.Ordinal);
        var users = graph.OfKind(BlastRadiusNodeKind.User).Select(n => n.Id["user:".Length..]).ToHashSet(StringComparer.Ordinal);
        if (profile.Owner?.UserName is { } owner)
        {
            users.Add(owner);
        }

        var findings = Detections.Findings.Where(f =>
            (f.AccessKeyId is { } k && keys.Contains(k)) ||
            (f.AccessKeyId is null && f.PrincipalArn is { } arn && users.Any(u => arn.EndsWith(":user/" + u, StringComparison.Ordinal))) ||
            (f.RuleId == "aws-quarantine-policy-attached" && users.Any(u => f.Summary.Contains($"user '{u}'", StringComparison.Ordinal)))).ToList();
        return new KeyInvestigation(profile, graph, findings, reason);
    }

    /// <summary>
    /// Keys worth investigating, most urgent first: keys of users AWS quarantined, then keys behind high or critical
    /// findings (a session is traced back to the long-term key that started its chain). Keys already inside the blast
    /// radius of a key listed earlier are left out.
    /// </summary>
    public IReadOnlyList<KeySuggestion> SuggestKeys()
    {
        var candidates = new List<KeySuggestion>();
        foreach (var f in Detections.ForRule(new QuarantinePolicyRule().Id))
        {
            var user = f.Evidence.Count > 0 ? Index.Events.FirstOrDefault(e => e.EventID == f.Evidence[0].EventId) is { } ev ? CloudTrailFacts.Request(ev, "userName") : null : null;
            if (user is null)
            {
                continue;
            }

            foreach (var key in Index.ByIamUser(user).Select(e => e.UserIdentity?.AccessKeyId).Where(k => CloudTrailFacts.KeyKind(k) == AccessKeyKind.LongTerm).Distinct(StringComparer.Ordinal))
            {
                candidates.Add(new KeySuggestion(key!, $"AWS quarantined user '{user}' ({Events.UtcTime.Text(f.First)}): its access key was found exposed", Severity.Critical, f.First));
            }
        }

        foreach (var group in Detections.AtLeast(Severity.High).Where(f => !string.IsNullOrWhiteSpace(f.AccessKeyId) && f.RuleId != "aws-quarantine-policy-attached").GroupBy(f => Origin(f.AccessKeyId!)))
        {
            var worst = group.Max(f => f.Severity);
            var rules = group.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).ToList();
            var via = group.Select(f => f.AccessKeyId!).Where(k => k != group.Key).Distinct(StringComparer.Ordinal).ToList();
            var reason = $"{group.Count()} high-severity finding(s): {string.Join(", ", rules.Take(5))}{(rules.Count > 5 ? ", …" : "")}" +
                         (via.Count > 0 ? $" (through session(s) {string.Join(", ", via.Take(3))})" : "");
            candidates.Add(new KeySuggestion(group.Key, reason, worst, group.Min(f => f.First)));
        }

        var result = new List<KeySuggestion>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in candidates.OrderByDescending(c => c.Severity == Severity.Critical && c.Reason.StartsWith("AWS quarantined", StringComparison.Ordinal))
                     .ThenByDescending(c => c.Severity).ThenBy(c => c.FirstSeen).ThenBy(c => c.AccessKeyId, StringComparer.Ordinal))
        {
            if (!covered.Add(s.AccessKeyId))
            {
                continue;
            }

            result.Add(s);
            covered.UnionWith(BlastRadiusBuilder.Build(Index, s.AccessKeyId).AccessKeyIds);
        }

        return result;
    }

    /// <summary>The long-term key a session descends from (through AssumeRole / GetSessionToken chains), else the key itself.</summary>
    public string Origin(string accessKeyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        var current = accessKeyId;
        for (var depth = 0; depth < 10 && CloudTrailFacts.KeyKind(current) == AccessKeyKind.Temporary; depth++)
        {
            var issuing = Index.Events.FirstOrDefault(e => AccessKeyProfiler.CreatesKey(e, current));
            if (issuing?.UserIdentity?.AccessKeyId is not { } parent || parent == current)
            {
                break;
            }

            current = parent;
        }

        return current;
    }
}
