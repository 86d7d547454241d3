using System.Text.Json;
using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>
/// A trail kept running but made blind: event selectors that drop management events, an UpdateTrail, or a
/// CloudTrail Lake store deleted or stopped.
/// </summary>
public sealed class CloudTrailTrailWeakenedRule() : EventRule(
    id: "cloudtrail-trail-weakened",
    title: "CloudTrail trail or event selectors weakened",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1562.008", "Impair Defenses: Disable or Modify Cloud Logs"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"cloudtrail.amazonaws.com\" and eventName in [\"PutEventSelectors\", \"PutAdvancedEventSelectors\", \"UpdateTrail\", \"DeleteEventDataStore\", \"StopEventDataStoreIngestion\"] and not ispresent(errorCode)",
        "requestParameters.trailName", "requestParameters.name", "requestParameters.eventSelectors.0.includeManagementEvents"),
    explanation: "The trail still says it is logging, but its event selectors no longer record management events (PutEventSelectors with includeManagementEvents false), or its settings changed (UpdateTrail: destination bucket, regions, encryption), or a CloudTrail Lake store was deleted or stopped. Quieter than StopLogging, same effect.",
    recommendedAction: "Compare the trail's settings and selectors with the intended configuration (GetEventSelectors, DescribeTrails) and restore them; treat the time after the change as a gap in the evidence.",
    falsePositives: "Cost tuning of data-event selectors and planned trail changes by the platform team; selectors that still include all management events are not reported.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "cloudtrail.amazonaws.com" || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var trail = CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "trailName") ?? CloudTrailFacts.Request(ev, "name")) ?? "(unnamed)";
        return ev.EventName switch
        {
            "PutEventSelectors" when DropsManagementEvents(ev) => new RuleMatch(ev, $"event selectors of trail '{trail}' no longer record all management events"),
            "PutAdvancedEventSelectors" => new RuleMatch(ev, $"advanced event selectors of trail '{trail}' replaced", Severity.Medium),
            "UpdateTrail" => new RuleMatch(ev, $"trail '{trail}' settings changed", Severity.Medium),
            "DeleteEventDataStore" or "StopEventDataStoreIngestion" => new RuleMatch(ev, $"{ev.EventName} on CloudTrail Lake store '{CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "eventDataStore"))}'"),
            _ => null,
        };
    }

    private static bool DropsManagementEvents(CloudTrailEvent ev)
    {
        if (ev.GetField("requestParameters.eventSelectors") is not { ValueKind: JsonValueKind.Array } selectors)
        {
            return false;
        }

        foreach (var s in selectors.EnumerateArray())
        {
            var include = !s.TryGetProperty("includeManagementEvents", out var inc) || inc.ValueKind != JsonValueKind.False;
            var all = !s.TryGetProperty("readWriteType", out var rw) || rw.ValueKind != JsonValueKind.String || rw.GetString() == "All";
            var excludes = s.TryGetProperty("excludeManagementEventSources", out var ex) && ex.ValueKind == JsonValueKind.Array && ex.GetArrayLength() > 0;
            if (include && all && !excludes)
            {
                return false;
            }
        }

        return true;
    }
}
