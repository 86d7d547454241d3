using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>Accumulates the matches that merge into one <see cref="Finding"/>.</summary>
internal sealed class FindingBuilder
{
    private const int SummariesShown = 3;
    private readonly List<string> _summaries = [];
    private readonly HashSet<string> _summarySet = new(StringComparer.Ordinal);
    private readonly List<EvidenceEvent> _evidence = [];
    private readonly HashSet<CloudTrailEvent> _seen = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _sourceIPs = [];
    private readonly HashSet<string> _sourceIPSet = new(StringComparer.Ordinal);
    private readonly List<string> _regions = [];
    private readonly HashSet<string> _regionSet = new(StringComparer.Ordinal);
    private readonly int _maxEvidence;
    private int _matches;

    public FindingBuilder(DetectionRule rule, Severity severity, CloudTrailEvent ev, int maxEvidence)
    {
        Rule = rule;
        Severity = severity;
        Principal = ev.UserIdentity?.DisplayName;
        PrincipalArn = ev.UserIdentity?.Arn;
        AccountId = ev.UserIdentity?.AccountId ?? ev.RecipientAccountId;
        AccessKeyId = string.IsNullOrWhiteSpace(ev.UserIdentity?.AccessKeyId) ? null : ev.UserIdentity.AccessKeyId;
        First = ev.EventTime;
        Last = ev.EventTime;
        _maxEvidence = maxEvidence;
    }

    public DetectionRule Rule { get; }

    public Severity Severity { get; }

    public string? Principal { get; }

    public string? PrincipalArn { get; }

    public string? AccountId { get; }

    public string? AccessKeyId { get; }

    public DateTimeOffset First { get; private set; }

    public DateTimeOffset Last { get; private set; }

    public int EventCount { get; private set; }

    public void Add(RuleMatch match)
    {
        _matches++;
        // Sets beside the ordered lists: a merged finding can gather many thousands of distinct summaries and IPs.
        if (_summarySet.Add(match.Summary))
        {
            _summaries.Add(match.Summary);
        }

        if (match.Related is { } related)
        {
            foreach (var ev in related)
            {
                AddEvent(ev);
            }
        }

        AddEvent(match.Event);
    }

    public Finding Build()
    {
        var summary = _summaries.Count switch
        {
            1 when _matches == 1 => _summaries[0],
            1 => $"{_summaries[0]} ({EventCount} events)",
            _ when _summaries.Count <= SummariesShown => string.Join("; ", _summaries),
            _ => string.Join("; ", _summaries.Take(SummariesShown)) + $"; and {_summaries.Count - SummariesShown} more",
        };
        _evidence.Sort((a, b) => a.EventTime.CompareTo(b.EventTime));
        return new Finding(Rule, Severity, Principal, PrincipalArn, AccountId, AccessKeyId, First, Last, summary, EventCount,
            _evidence.ToArray(), _sourceIPs.ToArray(), _regions.ToArray());
    }

    private void AddEvent(CloudTrailEvent ev)
    {
        if (!_seen.Add(ev))
        {
            return;
        }

        EventCount++;
        if (ev.EventTime < First)
        {
            First = ev.EventTime;
        }

        if (ev.EventTime > Last)
        {
            Last = ev.EventTime;
        }

        if (_evidence.Count < _maxEvidence)
        {
            _evidence.Add(EvidenceEvent.From(ev));
        }

        AddDistinct(_sourceIPs, _sourceIPSet, ev.SourceIPAddress);
        AddDistinct(_regions, _regionSet, ev.AwsRegion);
    }

    private static void AddDistinct(List<string> list, HashSet<string> seen, string? value)
    {
        if (value is not null && seen.Add(value))
        {
            list.Add(value);
        }
    }
}
