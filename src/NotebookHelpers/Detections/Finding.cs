namespace NotebookHelpers.Detections;

/// <summary>
/// One thing a rule found: who did it (principal and access key), when (first to last matching event), a one-line
/// summary, and pointers to every supporting event. Close matches of the same rule, principal and key are merged
/// (see <see cref="DetectionRule.MergeWindow"/>), so twenty GetSecretValue calls in a minute are one finding.
/// </summary>
public sealed class Finding
{
    internal Finding(
        DetectionRule rule,
        Severity severity,
        string? principal,
        string? principalArn,
        string? accountId,
        string? accessKeyId,
        DateTimeOffset first,
        DateTimeOffset last,
        string summary,
        int eventCount,
        IReadOnlyList<EvidenceEvent> evidence,
        IReadOnlyList<string> sourceIPs,
        IReadOnlyList<string> regions)
    {
        Rule = rule;
        Severity = severity;
        Principal = principal;
        PrincipalArn = principalArn;
        AccountId = accountId;
        AccessKeyId = accessKeyId;
        First = first;
        Last = last;
        Summary = summary;
        EventCount = eventCount;
        Evidence = evidence;
        SourceIPs = sourceIPs;
        Regions = regions;
    }

    /// <summary>The rule that fired (its explanation and recommended action belong with the finding).</summary>
    public DetectionRule Rule { get; }

    /// <summary>The rule's id.</summary>
    public string RuleId => Rule.Id;

    /// <summary>The rule's title.</summary>
    public string Title => Rule.Title;

    /// <summary>The finding's severity (the rule's, or what the match said).</summary>
    public Severity Severity { get; }

    /// <summary>Short name of the principal, e.g. <c>ci-deploy</c> or <c>AdminRole/session</c>; null when unknown.</summary>
    public string? Principal { get; }

    /// <summary>The principal's ARN, when the events carry it.</summary>
    public string? PrincipalArn { get; }

    /// <summary>The principal's account.</summary>
    public string? AccountId { get; }

    /// <summary>The access key that signed the calls (AKIA long-term, ASIA session), when known.</summary>
    public string? AccessKeyId { get; }

    /// <summary>Time of the first supporting event.</summary>
    public DateTimeOffset First { get; }

    /// <summary>Time of the last supporting event.</summary>
    public DateTimeOffset Last { get; }

    /// <summary>One line saying what happened.</summary>
    public string Summary { get; }

    /// <summary>How many events support the finding (may exceed <see cref="Evidence"/>'s length, which is capped).</summary>
    public int EventCount { get; }

    /// <summary>Pointers to the supporting events, oldest first.</summary>
    public IReadOnlyList<EvidenceEvent> Evidence { get; }

    /// <summary>Distinct source IP addresses (or service names) of the supporting events, in order of first use.</summary>
    public IReadOnlyList<string> SourceIPs { get; }

    /// <summary>Distinct regions of the supporting events, in order of first use.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Events.UtcTime.Text(First)} [{Severity}] {RuleId}: {Summary} ({Principal ?? "unknown principal"}{(AccessKeyId is null ? "" : ", " + AccessKeyId)})";
}
