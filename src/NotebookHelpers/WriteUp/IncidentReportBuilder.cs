using System.Globalization;
using System.Text;
using NotebookHelpers.Aws.Containment;
using NotebookHelpers.Charts;
using NotebookHelpers.Detections;
using NotebookHelpers.Events;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// Writes an <see cref="IncidentReport"/> from an investigation: every section is computed from the evidence in a
/// fixed order, with no clock and no random ids.
/// <code>
/// var investigator = new Investigator(events);
/// var report = IncidentReportBuilder.Build(investigator, [investigator.Investigate("AKIA…")], new IncidentReportOptions { Manifest = manifest });
/// await report.WriteFilesAsync("out/incident-report");
/// </code>
/// </summary>
public static class IncidentReportBuilder
{
    private static readonly HashSet<string> PrincipalKinds = new(StringComparer.Ordinal)
    {
        "access key", "session", "IAM user", "IAM role", "IAM group", "console password",
    };

    /// <summary>Builds the report of <paramref name="investigations"/> (the most urgent first) over <paramref name="investigator"/>'s evidence.</summary>
    /// <exception cref="ArgumentException">An analyst answer names an unknown question.</exception>
    public static IncidentReport Build(Investigator investigator, IReadOnlyList<KeyInvestigation> investigations, IncidentReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(investigator);
        ArgumentNullException.ThrowIfNull(investigations);
        options ??= new IncidentReportOptions();
        var facts = new IncidentFacts(investigator, investigations);
        string Id(Finding f) => FindingIds.Of(investigator.Detections, f);
        var containment = AllContainment(investigator.Index);
        var affected = Affected(facts, containment);
        var actions = Actions(containment, options.Actions);
        // Notebook 01's key-usage chart first: the clearest picture of the case (the key's daily use, then the attack,
        // failures apart, containment marked).
        var charts = options.IncludeCharts
            ? facts.Activities.SelectMany((a, i) => new[] { KeyUsage(a, investigations[i].AccessKeyId), ActivityTimelineChart.Create(a), BlastRadiusChart.Create(investigations[i]) }).ToList()
            : [];
        return new IncidentReport(
            options,
            investigator,
            investigations,
            [.. Summarise(facts, affected, containment), .. IncidentReportIntegrity.Summary(options.Integrity)],
            Timeline(facts, containment, options.Actions, Id),
            facts.Findings,
            affected,
            actions,
            NextSteps(facts, affected),
            ImpactQuestionnaire.Answer(facts, options.AnalystAnswers, Id),
            charts);
    }

    private static PlotlyFigure KeyUsage(KeyActivity activity, string accessKeyId) =>
        KeyUsageChart.Create(
            activity.Events.Where(e => string.Equals(e.UserIdentity?.AccessKeyId, accessKeyId, StringComparison.Ordinal)),
            e => e.EventTime,
            e => e.ErrorCode,
            new KeyUsageChartOptions { AccessKeyId = accessKeyId, Markers = activity.ContainmentMarkers });

    private static List<Investigation.ContainmentAction> AllContainment(EventIndex index)
    {
        var tracker = new ContainmentTracker();
        foreach (var e in index.Events)
        {
            tracker.Observe(e);
        }

        return [.. tracker.Actions];
    }

    private static List<string> Summarise(IncidentFacts facts, IReadOnlyList<AffectedResource> affected, IReadOnlyList<Investigation.ContainmentAction> containment)
    {
        var lines = new List<string>();
        var detections = facts.Investigator.Detections;
        if (facts.Investigations.Count == 0)
        {
            lines.Add($"No key was investigated: nothing in the evidence ({Plural(detections.EventsExamined, "event")}) points at an exposed key (no AWS quarantine marker, no finding above info).");
            lines.Add($"{Plural(detections.Findings.Count, "finding")} over the whole evidence are listed in findings.json.");
            return lines;
        }

        for (var i = 0; i < facts.Investigations.Count; i++)
        {
            var investigation = facts.Investigations[i];
            var activity = facts.Activities[i];
            var profile = investigation.Profile;
            var owner = profile.Owner is { } o ? $"{o.Name} ({o.Type}, account {o.AccountId})" : "owner unknown";
            lines.Add($"Access key {investigation.AccessKeyId} of {owner} was investigated" +
                      (investigation.Reason is { } reason ? $": {reason}." : "."));
            if (profile.Activity.First is { } first)
            {
                var usual = profile.SourceIPs.Where(ip => activity.FirstSuspicious is not { } t || ip.FirstSeen < t).Select(ip => ip.Value).ToList();
                lines.Add($"It is first seen in the evidence at {Time(first)}" + (usual.Count > 0 && activity.FirstSuspicious is not null && usual.Count < profile.SourceIPs.Count
                    ? $", used from {string.Join(", ", usual)} until the first suspicious call."
                    : "."));
            }
            else
            {
                lines.Add("It made no call in this evidence.");
            }

            if (activity.FirstSuspicious is { } suspicious)
            {
                var finding = investigation.Findings.Where(f => f.Severity >= Severity.Medium).OrderBy(f => f.First).First();
                var mine = activity.Events.ToHashSet(ReferenceEqualityComparer.Instance);
                var attack = facts.AttackEvents.Where(mine.Contains).ToList();
                var until = attack.Count > 0 ? attack[^1].EventTime : suspicious;
                lines.Add($"The first suspicious call was at {Time(suspicious)} from {string.Join(", ", finding.SourceIPs.DefaultIfEmpty("an unknown address"))} (“{finding.Title}”); " +
                          $"from then until {Time(until)} the key and what it spawned made {Plural(attack.Count, "call")} from " +
                          $"{Plural(attack.Select(e => e.SourceIPAddress).Distinct(StringComparer.Ordinal).Count(), "address", "addresses")} in {Plural(attack.Select(e => e.AwsRegion).Distinct(StringComparer.Ordinal).Count(), "region")}" +
                          (facts.NewRegions.Count > 0 ? $" ({facts.NewRegions.Count} never used before)." : "."));
            }

            var spawned = affected.Where(a => a.InvestigatedKey == investigation.AccessKeyId && a.DuringAttack).ToList();
            if (spawned.Count > 0)
            {
                var principals = spawned.Where(a => PrincipalKinds.Contains(a.Kind)).Select(Name);
                var resources = spawned.Where(a => !PrincipalKinds.Contains(a.Kind) && a.Kind != "console sessions").GroupBy(a => a.Kind, StringComparer.Ordinal)
                    .Select(g => Plural(g.Count(), g.Key));
                lines.Add($"During the attack it spawned {string.Join(", ", principals.DefaultIfEmpty("no principal"))}; resources created or changed: {string.Join(", ", resources.DefaultIfEmpty("none"))}.");
            }

            var findings = investigation.Findings;
            lines.Add(findings.Count == 0
                ? "No detection rule fired on it."
                : $"{Plural(findings.Count, "finding")}: {string.Join(", ", findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}.");
            lines.Add(profile.Containment.Count == 0
                ? "The evidence shows no containment of this key."
                : "Containment in the evidence: " + string.Join("; ", profile.Containment.Select(c => c.Describe())) + ".");
        }

        var open = affected.Where(a => a.NeedsAction).ToList();
        if (open.Count == 0)
        {
            lines.Add("Nothing the attacker created is left open as far as the evidence shows.");
        }
        else
        {
            var principals = open.Where(a => PrincipalKinds.Contains(a.Kind)).Select(Name);
            var resources = open.Where(a => !PrincipalKinds.Contains(a.Kind)).GroupBy(a => a.Kind, StringComparer.Ordinal).Select(g => Plural(g.Count(), g.Key));
            lines.Add($"Still open as far as the evidence shows: {string.Join(", ", principals.Concat(resources))} (see Affected resources and Next steps).");
        }

        var others = facts.Investigator.Detections.Findings.Count - facts.Findings.Count;
        if (others > 0)
        {
            lines.Add($"{Plural(others, "other finding")} over the evidence concern keys outside the investigation; findings.json lists every finding.");
        }

        return lines;
    }

    private static List<TimelineEntry> Timeline(IncidentFacts facts, IReadOnlyList<Investigation.ContainmentAction> containment, ActionsLog actionsLog, Func<Finding, string> id)
    {
        var entries = new List<(TimelineEntry Entry, int Rank)>();
        var index = facts.Investigator.Index;
        for (var i = 0; i < facts.Investigations.Count; i++)
        {
            var investigation = facts.Investigations[i];
            var own = index.ByAccessKey(investigation.AccessKeyId);
            if (own.Count > 0)
            {
                entries.Add((new TimelineEntry(own[0].EventTime, "first use", null, "First call of the investigated key in the evidence",
                    $"{own[0].EventName} from {own[0].SourceIPAddress}", investigation.AccessKeyId, own[0].EventID), 0));
            }

            foreach (var node in investigation.BlastRadius.Nodes.Where(n => n.Id != investigation.BlastRadius.RootId && n.Kind is BlastRadiusNodeKind.AccessKey or BlastRadiusNodeKind.Session or BlastRadiusNodeKind.ConsoleSession))
            {
                var key = node.Id[(node.Id.IndexOf(':', StringComparison.Ordinal) + 1)..];
                var calls = node.Kind == BlastRadiusNodeKind.ConsoleSession ? index.ConsoleActivityOf(key) : index.ByAccessKey(key);
                if (calls.Count == 0 || (facts.Activities[i].FirstSuspicious is { } t && calls[0].EventTime < t))
                {
                    continue;
                }

                var what = node.Kind == BlastRadiusNodeKind.ConsoleSession ? "Console sign-in of a user the attacker created" : $"First call of {(node.Kind == BlastRadiusNodeKind.Session ? "session" : "key")} spawned by the attacker";
                entries.Add((new TimelineEntry(calls[0].EventTime, "spawned key used", null, what,
                    $"{node.Label}: {calls[0].EventName} from {calls[0].SourceIPAddress}", node.Kind == BlastRadiusNodeKind.ConsoleSession ? key : calls[0].UserIdentity?.AccessKeyId ?? key, calls[0].EventID), 2));
                entries.Add((new TimelineEntry(calls[^1].EventTime, "last call", null, $"Last call of {node.Label} in the evidence",
                    $"{calls[^1].EventName} from {calls[^1].SourceIPAddress}", key, calls[^1].EventID), 5));
            }

            if (own.Count > 0)
            {
                entries.Add((new TimelineEntry(own[^1].EventTime, "last call", null, "Last call of the investigated key in the evidence",
                    $"{own[^1].EventName} from {own[^1].SourceIPAddress}{(own[^1].ErrorCode is { } error ? " (" + error + ")" : "")}", investigation.AccessKeyId, own[^1].EventID), 5));
            }
        }

        foreach (var f in facts.Findings.Where(f => f.Severity >= Severity.Low))
        {
            entries.Add((new TimelineEntry(f.First, "finding", f.Severity, $"{id(f)} {f.Title}", f.Summary, Who(f.Principal, f.AccessKeyId), f.Evidence.FirstOrDefault()?.EventId), 1));
        }

        foreach (var c in containment)
        {
            entries.Add((new TimelineEntry(c.Time, "containment", null, Capitalise(c.Kind switch
            {
                ContainmentKind.KeyDeactivated => "access key deactivated",
                ContainmentKind.KeyDeleted => "access key deleted",
                ContainmentKind.DenyAllPolicy => "deny-all policy attached",
                ContainmentKind.SessionsRevoked => "sessions revoked",
                ContainmentKind.AwsQuarantine => "AWS quarantine policy attached",
                _ => "console password deleted",
            }), c.Describe(), c.Actor, c.Evidence.EventId), 3));
        }

        foreach (var r in actionsLog.Records)
        {
            entries.Add((new TimelineEntry(r.Time, "action executed", null, $"{r.Operation} executed through nbh", $"{r.CliCommand}: {r.Outcome}", r.ExecutedBy, null), 4));
        }

        return [.. entries
            .OrderBy(e => e.Entry.Time)
            .ThenBy(e => e.Rank)
            .ThenBy(e => e.Entry.Title, StringComparer.Ordinal)
            .ThenBy(e => e.Entry.EventId, StringComparer.Ordinal)
            .Select(e => e.Entry)];
    }

    private static List<AffectedResource> Affected(IncidentFacts facts, IReadOnlyList<Investigation.ContainmentAction> containment)
    {
        var index = facts.Investigator.Index;
        var result = new List<AffectedResource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var removals = Removals(index);
        for (var i = 0; i < facts.Investigations.Count; i++)
        {
            var investigation = facts.Investigations[i];
            var graph = investigation.BlastRadius;
            var suspicious = facts.Activities[i].FirstSuspicious;
            foreach (var node in graph.Nodes.Where(n => n.Id != graph.RootId))
            {
                if (!seen.Add(node.Id))
                {
                    continue;
                }

                var incoming = graph.Edges.Where(e => e.To == node.Id).OrderBy(e => e.First).ThenBy(e => e.From, StringComparer.Ordinal).ToList();
                var first = incoming.FirstOrDefault();
                var firstSeen = first?.First ?? DateTimeOffset.MinValue;
                var during = suspicious is not { } t || firstSeen >= t;
                var reachedBy = first is null ? "" : $"{first.Label} ← {graph.Find(first.From)?.Label ?? first.From}";
                var (state, needsAction) = State(node, incoming, index, containment, removals, during);
                var kind = node.Kind == BlastRadiusNodeKind.Resource ? node.Id[..node.Id.IndexOf(':', StringComparison.Ordinal)] : KindName(node.Kind);
                result.Add(new AffectedResource(kind, node.Label, investigation.AccessKeyId, reachedBy, firstSeen, during, state, needsAction,
                    first?.Evidence.FirstOrDefault()?.EventId, node.Id[(node.Id.IndexOf(':', StringComparison.Ordinal) + 1)..]));
            }
        }

        return [.. result.OrderByDescending(r => r.DuringAttack).ThenBy(r => r.FirstSeen).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    private static (string State, bool NeedsAction) State(
        BlastRadiusNode node,
        IReadOnlyList<BlastRadiusEdge> incoming,
        EventIndex index,
        IReadOnlyList<Investigation.ContainmentAction> containment,
        IReadOnlyList<CloudTrailEvent> removals,
        bool during)
    {
        var name = node.Id[(node.Id.IndexOf(':', StringComparison.Ordinal) + 1)..];
        switch (node.Kind)
        {
            case BlastRadiusNodeKind.AccessKey:
            {
                var profile = AccessKeyProfiler.Build(index, name);
                var last = profile.Activity.Last is { } l ? $"last call {Time(l)}" : "no calls";
                return profile.Containment.Count > 0
                    ? ($"contained: {string.Join("; ", profile.Containment.Select(c => c.Describe()))}; {last}", false)
                    : ($"no containment in the evidence: active as far as it shows; {last}", during);
            }

            case BlastRadiusNodeKind.Session:
                return node.Activity is { Events: > 0 } a
                    ? ($"temporary credentials (expire on their own, 1 hour by default); {Plural(a.Events, "call")}, last {Time(a.Last!.Value)}", false)
                    : ("temporary credentials; no calls in the evidence", false);
            case BlastRadiusNodeKind.User:
            {
                var actions = containment.Where(c => c.PrincipalType == "user" && c.PrincipalName == name && c.Kind is ContainmentKind.DenyAllPolicy or ContainmentKind.AwsQuarantine).ToList();
                var created = incoming.Any(e => e.Kind == BlastRadiusEdgeKind.Created);
                return actions.Count > 0
                    ? ("contained: " + string.Join("; ", actions.Select(c => c.Describe())), false)
                    : (created ? "created by the attacker; no deny-all or deletion in the evidence" : "no containment in the evidence", during && created);
            }

            case BlastRadiusNodeKind.LoginProfile:
            {
                var deleted = containment.FirstOrDefault(c => c.Kind == ContainmentKind.LoginProfileDeleted && c.PrincipalName == name);
                return deleted is not null
                    ? ("deleted: " + deleted.Describe(), false)
                    : ("console password still set as far as the evidence shows", during);
            }

            case BlastRadiusNodeKind.ConsoleSession:
                return node.Activity is { Events: > 0 } c
                    ? ($"{Plural(c.Events, "console event")}, last {Time(c.Last!.Value)}", false)
                    : ("no console activity in the evidence", false);
            case BlastRadiusNodeKind.Role or BlastRadiusNodeKind.Group:
            {
                var changed = incoming.Any(e => e.Kind is BlastRadiusEdgeKind.Created or BlastRadiusEdgeKind.TrustChanged or BlastRadiusEdgeKind.Granted);
                return (changed ? "created or changed by the attacker: review its policies and trust" : "used by the attacker; unchanged", during && changed);
            }

            default:
            {
                var token = Encoding.UTF8.GetBytes("\"" + name.Split('@')[0] + "\"");
                var first = incoming.Count == 0 ? DateTimeOffset.MinValue : incoming[0].First;
                var removed = removals.FirstOrDefault(e => e.EventTime >= first && e.Utf8Json.Span.IndexOf(token) >= 0);
                if (removed is not null)
                {
                    return ($"{removed.EventName} at {Time(removed.EventTime)} by {CloudTrailFacts.CallerName(removed.UserIdentity) ?? "unknown"}", false);
                }

                var verb = incoming.LastOrDefault()?.Label ?? "touched";
                var created = incoming.Any(e => e.Kind is BlastRadiusEdgeKind.Created or BlastRadiusEdgeKind.Shared or BlastRadiusEdgeKind.Modified);
                return ($"{verb}; no removal in the evidence", during && created);
            }
        }
    }

    // Successful calls that remove or undo resources: the candidates for "was it cleaned up?".
    private static List<CloudTrailEvent> Removals(EventIndex index) =>
        [.. index.Events.Where(e => e.EventName is { } n && CloudTrailFacts.Succeeded(e) &&
                                    (n.StartsWith("Delete", StringComparison.Ordinal) || n.StartsWith("Terminate", StringComparison.Ordinal) ||
                                     n.StartsWith("Revoke", StringComparison.Ordinal) || n.StartsWith("Deregister", StringComparison.Ordinal)))];

    private static List<ActionTaken> Actions(IReadOnlyList<Investigation.ContainmentAction> containment, ActionsLog log)
    {
        var actions = containment.Select(c => new ActionTaken(c.Time, "CloudTrail", c.Describe(), c.Actor, "recorded", null, c.Evidence.EventId)).ToList();
        actions.AddRange(log.Records.Select(r => new ActionTaken(
            r.Time, "actions log", $"{r.Operation} {string.Join(" ", r.Parameters.Where(p => p.Key != "PolicyDocument").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}",
            r.ExecutedBy, r.Outcome, r.CliCommand, null)));
        return [.. actions.OrderBy(a => a.Time).ThenBy(a => a.Source, StringComparer.Ordinal).ThenBy(a => a.What, StringComparer.Ordinal)];
    }

    private static List<NextStep> NextSteps(IncidentFacts facts, IReadOnlyList<AffectedResource> affected)
    {
        var steps = new List<NextStep>();
        var index = facts.Investigator.Index;
        foreach (var investigation in facts.Investigations.Where(i => i.Profile.Containment.Count == 0 && i.Profile.Kind == AccessKeyKind.LongTerm))
        {
            var action = ContainmentPlanner.DeactivateKey(investigation.AccessKeyId, investigation.Profile.Owner?.UserName);
            steps.Add(new NextStep(action.Title, action.CliCommand, "the investigated key shows no containment in the evidence"));
        }

        foreach (var a in affected.Where(a => a.NeedsAction))
        {
            var name = a.ResourceName;
            switch (a.Kind)
            {
                case "access key":
                {
                    var owner = AccessKeyProfiler.Build(index, name).Owner?.UserName;
                    var action = ContainmentPlanner.DeactivateKey(name, owner);
                    steps.Add(new NextStep(action.Title, action.CliCommand, $"created during the attack and {a.State}"));
                    break;
                }

                case "IAM user":
                {
                    var action = ContainmentPlanner.DenyAllForUser(name);
                    steps.Add(new NextStep(action.Title, action.CliCommand, $"{a.ReachedBy}: {a.State}; delete it once the investigation is done"));
                    break;
                }

                case "console password":
                {
                    var user = a.ResourceName;
                    var action = ContainmentPlanner.DeleteLoginProfile(user);
                    steps.Add(new NextStep(action.Title, action.CliCommand, $"{a.ReachedBy}: {a.State}"));
                    break;
                }
            }
        }

        foreach (var group in affected.Where(a => a.NeedsAction && a.Kind == "instance")
                     .GroupBy(a => Region(a.Name), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ids = group.Select(a => a.ResourceName).ToList();
            steps.Add(new NextStep(
                $"Terminate {Plural(ids.Count, "instance")} the attacker launched in {group.Key}",
                $"aws ec2 terminate-instances --region {ShellQuoting.Quote(group.Key)} --instance-ids {string.Join(' ', ids.Select(ShellQuoting.Quote))}",
                "launched during the attack and still running as far as the evidence shows; snapshot their volumes first if forensics needs them"));
        }

        foreach (var a in affected.Where(a => a.NeedsAction && a.Kind == "security group"))
        {
            var id = a.ResourceName;
            steps.Add(new NextStep(
                $"Delete security group {id} ({Region(a.Name)})",
                $"aws ec2 delete-security-group --region {ShellQuoting.Quote(Region(a.Name))} --group-id {ShellQuoting.Quote(id)}",
                $"{a.ReachedBy}; terminate the instances that use it first"));
        }

        var keyPairs = affected.Where(a => a.NeedsAction && a.Kind == "key pair").ToList();
        if (keyPairs.Count > 0)
        {
            var regions = RegionsOfEvidence(facts, keyPairs);
            foreach (var a in keyPairs)
            {
                var name = a.ResourceName;
                foreach (var region in regions[a])
                {
                    steps.Add(new NextStep(
                        $"Delete key pair {name} ({region})",
                        $"aws ec2 delete-key-pair --region {ShellQuoting.Quote(region)} --key-name {ShellQuoting.Quote(name)}",
                        $"{a.ReachedBy}: the attacker's SSH key, imported in {Plural(regions[a].Count, "region")}"));
                }
            }
        }

        var roles = facts.Investigations.SelectMany(i => i.BlastRadius.OfKind(BlastRadiusNodeKind.Session)
                .Where(n => i.BlastRadius.Edges.Any(e => e.To == n.Id && e.Kind == BlastRadiusEdgeKind.Assumed && facts.FirstSuspicious is { } t && e.First >= t)))
            .Select(n => AccessKeyProfiler.Build(index, n.Id[(n.Id.IndexOf(':', StringComparison.Ordinal) + 1)..]).Owner?.RoleName)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var end = facts.Investigator.Detections.LastEventTime ?? DateTimeOffset.UnixEpoch;
        foreach (var role in roles)
        {
            var action = ContainmentPlanner.RevokeRoleSessions(role, end);
            steps.Add(new NextStep(action.Title, action.CliCommand, "the attacker assumed this role; revoking with the time you run it ends every session issued before (in the role's own account)"));
        }

        return steps;
    }

    // The regions of the events that created each resource (a key pair imported in six regions is one node).
    private static Dictionary<AffectedResource, List<string>> RegionsOfEvidence(IncidentFacts facts, IReadOnlyList<AffectedResource> resources)
    {
        var ids = new Dictionary<string, List<AffectedResource>>(StringComparer.Ordinal);
        var result = resources.ToDictionary(r => r, _ => new List<string>());
        foreach (var r in resources)
        {
            foreach (var investigation in facts.Investigations.Where(i => i.AccessKeyId == r.InvestigatedKey))
            {
                var node = investigation.BlastRadius.Nodes.FirstOrDefault(n => n.Label == r.Name);
                foreach (var e in investigation.BlastRadius.Edges.Where(e => node is not null && e.To == node.Id).SelectMany(e => e.Evidence).Select(e => e.EventId).OfType<string>())
                {
                    if (!ids.TryGetValue(e, out var list))
                    {
                        ids[e] = list = [];
                    }

                    list.Add(r);
                }
            }
        }

        foreach (var e in facts.Investigator.Index.Events)
        {
            if (e.EventID is { } id && ids.TryGetValue(id, out var owners) && e.AwsRegion is { } region)
            {
                foreach (var owner in owners.Where(o => !result[o].Contains(region)))
                {
                    result[owner].Add(region);
                }
            }
        }

        return result;
    }

    private static string Region(string label)
    {
        var open = label.LastIndexOf('(');
        var inner = open < 0 ? "" : label[(open + 1)..].TrimEnd(')');
        return inner.Split(", ")[^1];
    }

    private static string KindName(BlastRadiusNodeKind kind) => kind switch
    {
        BlastRadiusNodeKind.AccessKey => "access key",
        BlastRadiusNodeKind.Session => "session",
        BlastRadiusNodeKind.User => "IAM user",
        BlastRadiusNodeKind.Role => "IAM role",
        BlastRadiusNodeKind.Group => "IAM group",
        BlastRadiusNodeKind.LoginProfile => "console password",
        BlastRadiusNodeKind.ConsoleSession => "console sessions",
        _ => "resource",
    };

    private static string Name(AffectedResource a) => a.Name.StartsWith(a.Kind, StringComparison.OrdinalIgnoreCase) ? a.Name : $"{a.Kind} {a.Name}";

    private static string Who(string? principal, string? key) =>
        principal is null ? key ?? "unknown" : key is null ? principal : $"{principal} ({key})";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Plural(int count, string noun, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? noun : plural ?? noun + "s")}");

    internal static string Time(DateTimeOffset time) => Events.UtcTime.Text(time);
}
