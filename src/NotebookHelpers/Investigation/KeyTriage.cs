using System.Globalization;
using NotebookHelpers.Detections;
using NotebookHelpers.Events;

namespace NotebookHelpers.Investigation;

/// <summary>
/// Ranks the keys behind the findings as an analyst would: what a key did counts more than who it is. Each distinct
/// rule a candidate triggered (above Info) scores its severity (Low 1, Medium 2, High 3, Critical 4) times the weight of
/// what it means: tampering and impact 5; persistence, privilege escalation, collection and exfiltration 4; credential
/// access, execution and lateral movement 3; discovery, sign-ins and "root did something" 1. A candidate whose calls
/// come from console sessions (nine in ten) scores half (people browsing and configuring in the console, above all the owner's
/// root sessions, are routine more often than not), and a key whose first call comes from an address no one in the
/// evidence used before gains 6 (someone new picked it up). The session keys of one principal that cannot be traced to
/// a long-term key (root's and IAM users' console sessions) fold into one candidate.
/// </summary>
internal sealed class KeyTriage(Investigator investigator)
{
    /// <summary>What a first use from a never-seen address adds.</summary>
    private const double NewAddressBonus = 6;

    /// <summary>Rules that say who acted (root, a password-only sign-in) rather than what was done.</summary>
    private static readonly HashSet<string> IdentityOnlyRules = new(StringComparer.Ordinal) { "root-api-usage", "root-console-login", "console-login-without-mfa" };

    /// <summary>The candidates behind findings above Info, best first, each with its score and reasons.</summary>
    public IReadOnlyList<KeySuggestion> Rank(IEnumerable<Finding> findings)
    {
        var candidates = new List<KeySuggestion>();
        foreach (var group in findings.Where(f => f.Severity > Severity.Info && !string.IsNullOrWhiteSpace(f.AccessKeyId)).GroupBy(CandidateOf))
        {
            var keys = group.Select(f => f.AccessKeyId!).Distinct(StringComparer.Ordinal).ToList();
            var events = keys.SelectMany(investigator.Index.ByAccessKey).ToList();
            var console = IsConsole(events);
            var parts = group.GroupBy(f => f.Rule)
                .Select(r => (Rule: r.Key, Severity: r.Max(f => f.Severity), Points: Weight(r.Key) * (int)r.Max(f => f.Severity)))
                .OrderByDescending(p => p.Points).ThenBy(p => p.Rule.Id, StringComparer.Ordinal).ToList();
            var score = parts.Sum(p => p.Points) * (console ? 0.5 : 1);
            var reasons = parts.Select(p => $"{Category(p.Rule)}: {p.Rule.Id} ({p.Severity.ToString().ToLowerInvariant()})").ToList();
            if (console)
            {
                reasons.Add("console sessions (halved)");
            }
            else if (NewAddress(events) is { } address)
            {
                score += NewAddressBonus;
                reasons.Insert(0, $"first use from a new address: {address}");
            }

            var representative = group.Key.StartsWith("principal:", StringComparison.Ordinal)
                ? keys.OrderByDescending(k => investigator.Index.ByAccessKey(k).Count).ThenBy(k => k, StringComparer.Ordinal).First()
                : group.Key;
            var folded = group.Key.StartsWith("principal:", StringComparison.Ordinal) && keys.Count > 1
                ? $"; {keys.Count} session keys of {group.First().Principal ?? "one principal"} folded into one"
                : keys.Count(k => k != representative) is var via and > 0 ? $"; through {via} session key(s)" : "";
            var reason = $"score {score.ToString("0.#", CultureInfo.InvariantCulture)}: {string.Join("; ", reasons.Take(6))}{(reasons.Count > 6 ? "; …" : "")}{folded}";
            candidates.Add(new KeySuggestion(representative, reason, group.Max(f => f.Severity), group.Min(f => f.First), score));
        }

        return candidates.OrderByDescending(c => c.Score).ThenByDescending(c => c.Severity).ThenBy(c => c.FirstSeen).ThenBy(c => c.AccessKeyId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// True when nine in ten of the calls come from console sessions: the console's back ends sign some calls with
    /// user agents of their own (Apache-HttpClient, "AWS CloudWatch Console"), so "all" would never hold.
    /// </summary>
    private static bool IsConsole(List<CloudTrailEvent> events) =>
        events.Count > 0 && events.Count(CloudTrailFacts.IsConsoleSession) >= 0.9 * events.Count;

    private string CandidateOf(Finding f)
    {
        var origin = investigator.Origin(f.AccessKeyId!);
        return CloudTrailFacts.KeyKind(origin) == AccessKeyKind.Temporary && (f.PrincipalArn ?? f.Principal) is { } principal
            ? "principal:" + principal
            : origin;
    }

    /// <summary>The first client address of <paramref name="events"/> when no earlier event in the evidence came from it.</summary>
    private string? NewAddress(List<CloudTrailEvent> events)
    {
        var first = events.Where(e => !CloudTrailFacts.IsAwsSource(e.SourceIPAddress)).MinBy(e => e.EventTime);
        if (first?.SourceIPAddress is not { } address || investigator.Index.Events.Count == 0 || first.EventTime == investigator.Index.Events[0].EventTime)
        {
            return null;
        }

        return investigator.Index.Events.TakeWhile(e => e.EventTime < first.EventTime).Any(e => e.SourceIPAddress == address) ? null : address;
    }

    private static int Weight(DetectionRule rule) =>
        IdentityOnlyRules.Contains(rule.Id) ? 1 : rule.Attack.Tactic.Id switch
        {
            "TA0040" or "TA0005" => 5,
            "TA0003" or "TA0004" or "TA0009" or "TA0010" => 4,
            "TA0006" or "TA0002" or "TA0008" => 3,
            _ => 1,
        };

    private static string Category(DetectionRule rule) =>
        IdentityOnlyRules.Contains(rule.Id) ? "identity" : rule.Attack.Tactic.Id switch
        {
            "TA0040" => "impact",
            "TA0005" => "tampering",
            "TA0003" => "persistence",
            "TA0004" => "privilege escalation",
            "TA0009" or "TA0010" => "data access",
            "TA0006" => "credential access",
            "TA0002" => "execution",
            "TA0008" => "lateral movement",
            "TA0001" => "sign-in",
            _ => "discovery",
        };
}
