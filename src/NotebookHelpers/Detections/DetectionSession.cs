using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>
/// A streaming detection pass for callers that already deliver events in time order (e.g. a live tail): feed
/// <see cref="Observe"/>, then call <see cref="Complete"/> once. <see cref="DetectionRunner"/> uses it after sorting.
/// </summary>
public sealed class DetectionSession
{
    private readonly List<(DetectionRule Rule, IRuleEvaluator Evaluator)> _evaluators;
    private readonly DetectionOptions _options;
    private readonly Dictionary<(string Rule, string? Principal, string? Key, Severity Severity), FindingBuilder> _open = [];
    private readonly List<FindingBuilder> _all = [];
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;
    private bool _completed;

    /// <summary>Starts a pass of <paramref name="rules"/> with <paramref name="options"/>.</summary>
    public DetectionSession(IEnumerable<DetectionRule> rules, DetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _options = options ?? DetectionOptions.Default;
        var ruleList = rules.ToList();
        var (filters, index) = RuleFilters.For(ruleList);
        var reader = filters.CreateReader();
        _evaluators = ruleList.Select((r, i) => (r, index[i] is var at and >= 0
            ? r.CreateEvaluator(_options, ev => reader.Matches(at, ev))
            : r.CreateEvaluator(_options))).ToList();
        var duplicate = _evaluators.GroupBy(e => e.Rule.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"the rule id '{duplicate.Key}' is used twice.", nameof(rules));
        }
    }

    /// <summary>Events observed so far.</summary>
    public int EventsObserved { get; private set; }

    /// <summary>Passes the next event (in time order) to every rule.</summary>
    /// <exception cref="InvalidOperationException">The event is older than the previous one, or the session is complete.</exception>
    public void Observe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (_completed)
        {
            throw new InvalidOperationException("the detection session is already complete.");
        }

        if (_last is { } last && ev.EventTime < last)
        {
            throw new InvalidOperationException(
                $"events must arrive in time order: {ev.EventTime:O} ({ev.Location}) is before {last:O}. Use DetectionRunner.Run, which sorts.");
        }

        _first ??= ev.EventTime;
        _last = ev.EventTime;
        EventsObserved++;
        foreach (var (rule, evaluator) in _evaluators)
        {
            evaluator.Observe(ev, match => Add(rule, match));
        }
    }

    /// <summary>Lets stateful rules report what they hold and returns every finding in a deterministic order.</summary>
    public DetectionResult Complete()
    {
        if (!_completed)
        {
            foreach (var (rule, evaluator) in _evaluators)
            {
                evaluator.Complete(match => Add(rule, match));
            }

            _completed = true;
        }

        var findings = _all.Select(b => b.Build())
            .Concat(_evaluators.Select(e => e.Rule).OfType<IEvidenceRule>().SelectMany(r => r.Judge(_options)))
            .OrderBy(f => f.First)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.PrincipalArn ?? f.Principal, StringComparer.Ordinal)
            .ThenBy(f => f.AccessKeyId, StringComparer.Ordinal)
            .ThenBy(f => f.Evidence.Count > 0 ? f.Evidence[0].EventId : null, StringComparer.Ordinal)
            .ToList();
        return new DetectionResult(findings, _evaluators.Select(e => e.Rule).ToList(), EventsObserved, _first, _last);
    }

    private void Add(DetectionRule rule, RuleMatch match)
    {
        var ev = match.Event;
        var severity = match.Severity ?? rule.Severity;
        var identity = ev.UserIdentity;
        var key = (rule.Id, identity?.Arn ?? identity?.PrincipalId ?? identity?.DisplayName, identity?.AccessKeyId, severity);
        if (rule.MergeWindow > TimeSpan.Zero && _open.TryGetValue(key, out var open) && ev.EventTime - open.Last <= rule.MergeWindow)
        {
            open.Add(match);
            return;
        }

        var builder = new FindingBuilder(rule, severity, ev, _options.MaxEvidencePerFinding);
        builder.Add(match);
        _all.Add(builder);
        _open[key] = builder;
    }
}
