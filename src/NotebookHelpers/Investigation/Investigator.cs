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
    /// Keys worth investigating, most urgent first: keys of users AWS quarantined, then the keys behind findings above
    /// Info ranked by <see cref="KeyTriage"/> (what they did, console sessions halved, a first use from a new address;
    /// a session is traced back to the long-term key that started its chain, untraceable sessions of one principal
    /// fold into one). Keys already inside the blast radius of a key listed earlier are left out.
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

        var quarantined = candidates.Count;
        candidates.AddRange(new KeyTriage(this).Rank(Detections.Findings.Where(f => f.RuleId != "aws-quarantine-policy-attached")));

        var result = new List<KeySuggestion>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        // Quarantined users' keys first (AWS itself says they leaked), then the triage's ranking.
        foreach (var s in candidates.Take(quarantined).OrderBy(c => c.FirstSeen).ThenBy(c => c.AccessKeyId, StringComparer.Ordinal).Concat(candidates.Skip(quarantined)))
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
