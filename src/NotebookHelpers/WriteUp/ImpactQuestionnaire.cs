using System.Globalization;
using NotebookHelpers.Detections;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// The nine impact questions of the AWS incident-response playbooks workshop (IAM credential exposure, Part 3
/// "Analysis - Impact"), answered from the evidence where it can be and marked "needs analyst input" where only
/// people know the answer. Every fact cites what it was computed from.
/// </summary>
public static class ImpactQuestionnaire
{
    /// <summary>The questions, in the workshop's order.</summary>
    public static IReadOnlyList<ImpactQuestion> Questions { get; } =
    [
        new(1, "related-alerts", "What related alerts have been triggered?",
            "The findings on the investigated keys and AWS's own quarantine marker. GuardDuty, Security Hub and third-party alerts are not in CloudTrail: add them."),
        new(2, "data-classification", "What is the classification of the data accessed?",
            "The evidence lists what was read; only the data's owner knows how it is classified."),
        new(3, "unapproved-services", "What AWS services are not in the approved use list?",
            "The services the attacker's calls used, and which the account had not used before; compare them with your approved list."),
        new(4, "configuration-changes", "What AWS service configurations have been changed?",
            "Successful calls that change something (not read-only), by service: each is a resource to review, revert or delete."),
        new(5, "guardrails", "What guardrails have been disabled or modified?",
            "Logging, detection and policy guardrails (CloudTrail, GuardDuty, Config, flow logs, SCPs) the attacker changed or tried to change."),
        new(6, "insider-or-outsider", "Was the actor an insider or outsider?",
            "New source addresses and tools suggest an outsider; confirm with IP reputation (whois, threat intelligence) and the key's owner."),
        new(7, "benign-and-malicious-evidence", "What evidence supports benign and malicious activity?",
            "Findings with their events (malicious), and the key's use before the first suspicious call (its normal, benign pattern)."),
        new(8, "business-impact", "What is the impact to business applications and processes?",
            "Resources left running (cost), data read, and services the attacker reached; the business owner judges the impact."),
        new(9, "data-exfiltration", "Is there any indication of possible data exfiltration?",
            "Object reads, secret and parameter reads, snapshot and image sharing. S3 object reads are data events: only a trail that records them shows them."),
    ];

    /// <summary>The question with <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">No question has that id.</exception>
    public static ImpactQuestion Question(string id) =>
        Questions.FirstOrDefault(q => q.Id == id) ?? throw new ArgumentException(
            $"'{id}' is not an impact question id ({string.Join(", ", Questions.Select(q => q.Id))}).", nameof(id));

    /// <summary>The answers for <paramref name="facts"/>, with the analyst's answers where given.</summary>
    internal static IReadOnlyList<ImpactAnswer> Answer(IncidentFacts facts, IReadOnlyDictionary<string, string> analystAnswers, Func<Finding, string> findingId)
    {
        foreach (var id in analystAnswers.Keys)
        {
            Question(id);
        }

        return
        [
            With(RelatedAlerts(facts, findingId), analystAnswers),
            With(DataClassification(facts), analystAnswers),
            With(UnapprovedServices(facts), analystAnswers),
            With(ConfigurationChanges(facts), analystAnswers),
            With(Guardrails(facts, findingId), analystAnswers),
            With(InsiderOrOutsider(facts), analystAnswers),
            With(BenignAndMalicious(facts, findingId), analystAnswers),
            With(BusinessImpact(facts), analystAnswers),
            With(DataExfiltration(facts, findingId), analystAnswers),
        ];
    }

    private static ImpactAnswer With(ImpactAnswer answer, IReadOnlyDictionary<string, string> analystAnswers) =>
        analystAnswers.TryGetValue(answer.Question.Id, out var text) && !string.IsNullOrWhiteSpace(text)
            ? answer with { Status = AnswerStatus.AnsweredByAnalyst, AnalystAnswer = text.Trim() }
            : answer;

    private static ImpactAnswer RelatedAlerts(IncidentFacts facts, Func<Finding, string> findingId)
    {
        var findings = facts.Findings;
        var facts_ = new List<string>();
        if (findings.Count == 0)
        {
            facts_.Add("No detection rule fired on the investigated keys.");
        }
        else
        {
            var counts = findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
            facts_.Add($"{Plural(findings.Count, "finding")} on the investigated keys and their blast radius: {string.Join(", ", counts)}.");
            foreach (var group in findings.Where(f => f.Severity >= Severity.High).GroupBy(f => f.RuleId, StringComparer.Ordinal))
            {
                var first = group.First();
                facts_.Add($"{first.Severity.ToString().ToLowerInvariant()}: {first.Title} ({string.Join(", ", group.Select(findingId))}), first at {Time(first.First)}.");
            }
        }

        var quarantine = findings.FirstOrDefault(f => f.RuleId == "aws-quarantine-policy-attached");
        facts_.Add(quarantine is null
            ? "AWS did not attach its quarantine policy (AWSCompromisedKeyQuarantineV2) in this evidence."
            : $"AWS attached its quarantine policy at {Time(quarantine.First)}: AWS had found the key exposed ({findingId(quarantine)}).");
        return new(Question("related-alerts"), AnswerStatus.PartlyFromEvidence, facts_, null, Ids(findings.Where(f => f.Severity >= Severity.High)));
    }

    private static ImpactAnswer DataClassification(IncidentFacts facts)
    {
        var read = facts.DataRead;
        var list = read.Count == 0
            ? [facts.HasDataEvents ? "The attacker's calls read no objects, secrets, parameters or items in this evidence." : "This evidence has no data events, so object reads cannot be seen; secrets and parameters read: none."]
            : read.Take(12).Select(d => $"{d.EventName} ×{d.Count:N0} on {d.Resource}{(d.Bytes > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({d.Bytes:N0} bytes)") : "")}.").ToList();
        return new(Question("data-classification"), AnswerStatus.NeedsAnalystInput, list, null, [.. read.Select(d => d.EventId).OfType<string>().Take(5)]);
    }

    private static ImpactAnswer UnapprovedServices(IncidentFacts facts)
    {
        var services = facts.Services;
        var list = new List<string>
        {
            services.Count == 0
                ? "The attacker's calls used no service in this evidence."
                : "Services the attacker's calls used: " + string.Join(", ", services.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Service} ({s.Calls:N0})"))) + ".",
        };
        var fresh = services.Where(s => s.New).Select(s => s.Service).ToList();
        if (facts.HasBaseline)
        {
            list.Add(fresh.Count == 0
                ? "Every one of them was in use in the account before the first suspicious call."
                : "Not used in the evidence before the first suspicious call: " + string.Join(", ", fresh) + ".");
        }
        else
        {
            list.Add("The evidence has nothing before the first suspicious call, so it cannot tell which services are new.");
        }

        return new(Question("unapproved-services"), AnswerStatus.PartlyFromEvidence, list, null, []);
    }

    private static ImpactAnswer ConfigurationChanges(IncidentFacts facts)
    {
        var changes = facts.Changes;
        var list = changes.Count == 0
            ? ["The attacker's calls changed nothing that succeeded."]
            : changes.Select(c => $"{c.Service} {c.EventName} ×{c.Count:N0}{(c.Example.Length > 0 ? " (e.g. " + c.Example + ")" : "")}.").ToList();
        return new(Question("configuration-changes"), AnswerStatus.FromEvidence, list, null, [.. changes.Select(c => c.EventId).OfType<string>().Take(8)]);
    }

    private static ImpactAnswer Guardrails(IncidentFacts facts, Func<Finding, string> findingId)
    {
        // Impair Defenses (logging, detection, tools) and leaving the organization (its SCPs and central logging).
        var evasion = facts.Findings.Where(f => f.Rule.Attack.Id.StartsWith("T1562", StringComparison.Ordinal) || f.Rule.Attack.Id == "T1666").ToList();
        var list = new List<string>();
        var succeeded = evasion.Where(f => f.Evidence.Any(e => e.ErrorCode is null)).ToList();
        var failed = evasion.Where(f => f.Evidence.All(e => e.ErrorCode is not null)).ToList();
        list.Add(succeeded.Count == 0
            ? "No change to a logging, detection or policy guardrail succeeded in this evidence."
            : "Changed: " + string.Join("; ", succeeded.Select(f => $"{f.Summary} ({findingId(f)})")) + ".");
        if (failed.Count > 0)
        {
            list.Add("Tried and refused: " + string.Join("; ", failed.Select(f => $"{f.Summary} ({findingId(f)})")) + ".");
        }

        list.Add("Changes to SCPs or to other accounts show only when their trails are part of the evidence.");
        return new(Question("guardrails"), AnswerStatus.FromEvidence, list, null, Ids(evasion));
    }

    private static ImpactAnswer InsiderOrOutsider(IncidentFacts facts)
    {
        var list = new List<string>();
        var fresh = facts.NewAddresses;
        if (!facts.HasBaseline)
        {
            list.Add("The evidence has nothing before the first suspicious call to tell new addresses from known ones.");
        }
        else if (fresh.Count == 0)
        {
            list.Add("Every source address of the attacker's calls was seen in the account before: look closer at insiders.");
        }
        else
        {
            list.Add("Source addresses never seen before the first suspicious call: " +
                     string.Join(", ", fresh.Take(10).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Address} ({a.Calls:N0} calls from {Time(a.First)})"))) + ".");
        }

        if (facts.UserAgents.Count > 0)
        {
            list.Add("Tools: " + string.Join(", ", facts.UserAgents.Take(6).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Agent} ({a.Calls:N0})"))) + ".");
        }

        return new(Question("insider-or-outsider"), AnswerStatus.NeedsAnalystInput, list, null, [.. fresh.Select(a => a.EventId).OfType<string>().Take(5)]);
    }

    private static ImpactAnswer BenignAndMalicious(IncidentFacts facts, Func<Finding, string> findingId)
    {
        var list = new List<string>();
        var malicious = facts.Findings.Where(f => f.Severity >= Severity.High).ToList();
        list.Add(malicious.Count == 0
            ? "Malicious: no high or critical finding."
            : $"Malicious: {Plural(malicious.Count, "high or critical finding")} ({string.Join(", ", malicious.Select(findingId))}), each with its events in the findings table and findings.json.");
        foreach (var investigation in facts.Investigations)
        {
            var activity = facts.Activities[facts.Investigations.ToList().IndexOf(investigation)];
            var before = investigation.Profile.SourceIPs.Where(ip => activity.FirstSuspicious is not { } t || ip.FirstSeen < t).ToList();
            var calls = facts.Investigator.Index.ByAccessKey(investigation.AccessKeyId).Count(e => activity.FirstSuspicious is not { } t || e.EventTime < t);
            list.Add(before.Count == 0
                ? $"Benign: key {investigation.AccessKeyId} has no calls before its first suspicious call in this evidence."
                : $"Benign: before its first suspicious call, key {investigation.AccessKeyId} made {Plural(calls, "call")} from {string.Join(", ", before.Select(b => b.Value))} only (its usual pattern).");
        }

        return new(Question("benign-and-malicious-evidence"), AnswerStatus.FromEvidence, list, null, Ids(malicious));
    }

    private static ImpactAnswer BusinessImpact(IncidentFacts facts)
    {
        var list = new List<string>();
        var launched = facts.AttackEvents.Where(e => e.EventName == "RunInstances" && CloudTrailFacts.Succeeded(e)).ToList();
        if (launched.Count > 0)
        {
            var instances = launched.Sum(e => CountInstances(e));
            var types = launched.GroupBy(e => (CloudTrailFacts.InstanceType(e) ?? "?", e.AwsRegion ?? "?"))
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Sum(CountInstances)} × {g.Key.Item1} in {g.Key.Item2}"));
            list.Add(string.Create(CultureInfo.InvariantCulture, $"{Plural(instances, "instance")} launched by the attacker: {string.Join(", ", types)}: they cost money until terminated."));
        }

        var read = facts.DataRead;
        if (read.Count > 0)
        {
            list.Add($"Data read: {string.Join(", ", read.Take(5).Select(d => $"{d.EventName} ×{d.Count:N0} on {d.Resource}"))}.");
        }

        var denied = facts.AttackEvents.Count(e => CloudTrailFacts.IsAccessDenied(e.ErrorCode));
        list.Add($"{Plural(facts.AttackEvents.Count, "call")} by the attacker's keys and sessions, {denied:N0} refused for lack of permission.");
        return new(Question("business-impact"), AnswerStatus.NeedsAnalystInput, list, null, [.. launched.Select(e => e.EventID).OfType<string>().Take(5)]);
    }

    private static ImpactAnswer DataExfiltration(IncidentFacts facts, Func<Finding, string> findingId)
    {
        var list = new List<string>();
        var read = facts.DataRead;
        var exfil = facts.Findings.Where(f => f.Rule.Attack.Tactic.Id is "TA0010" or "TA0009" || f.RuleId.Contains("secret", StringComparison.Ordinal) || f.RuleId.Contains("snapshot", StringComparison.Ordinal)).ToList();
        if (read.Count > 0)
        {
            list.Add("Yes: " + string.Join("; ", read.Take(6).Select(d => $"{d.EventName} ×{d.Count:N0} on {d.Resource}{(d.Bytes > 0 ? string.Create(CultureInfo.InvariantCulture, $", {d.Bytes:N0} bytes out") : "")}")) + ".");
        }

        foreach (var f in exfil)
        {
            list.Add($"{f.Title}: {f.Summary} ({findingId(f)}).");
        }

        if (read.Count == 0 && exfil.Count == 0)
        {
            list.Add("No object, secret or parameter reads and no sharing by the attacker's calls in this evidence.");
        }

        if (!facts.HasDataEvents)
        {
            list.Add("This evidence has no data events (Event History never has them; trails record them only when configured): S3 object reads can neither be shown nor ruled out.");
        }

        return new(Question("data-exfiltration"), facts.HasDataEvents ? AnswerStatus.FromEvidence : AnswerStatus.PartlyFromEvidence, list, null,
            [.. read.Select(d => d.EventId).OfType<string>().Concat(Ids(exfil)).Distinct(StringComparer.Ordinal).Take(6)]);
    }

    private static int CountInstances(Events.CloudTrailEvent e) =>
        e.GetField("responseElements.instancesSet.items") is { ValueKind: System.Text.Json.JsonValueKind.Array } items ? items.GetArrayLength() : 1;

    private static IReadOnlyList<string> Ids(IEnumerable<Finding> findings) =>
        [.. findings.SelectMany(f => f.Evidence.Take(1)).Select(e => e.EventId).OfType<string>().Distinct(StringComparer.Ordinal).Take(8)];

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? "" : "s")}");

    private static string Time(DateTimeOffset time) => Events.UtcTime.Text(time);
}
