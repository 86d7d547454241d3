using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NotebookHelpers.Detections;

namespace NotebookHelpers.Investigation;

/// <summary>
/// Writes an <see cref="InvestigationReport"/> as JSON in the stable schema documented in docs/investigate-json.md:
/// fixed property order, times as <c>yyyy-MM-ddTHH:mm:ssZ</c>, enums as lower-case words, absent values as null;
/// evidence text escaped for terminals by <c>Display.JsonText</c> (values round-trip exactly).
/// </summary>
public static class InvestigationJson
{
    /// <summary>The schema version written in <c>schemaVersion</c>; raised on any incompatible change.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The report as indented JSON text.</summary>
    public static string ToJson(InvestigationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteStartObject("evidence");
            w.WriteStartArray("sources");
            foreach (var s in report.Sources)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteNumber("events", report.EventCount);
            w.WriteNumber("readProblems", report.ReadProblems);
            Time(w, "firstEventTime", report.Investigator.Detections.FirstEventTime);
            Time(w, "lastEventTime", report.Investigator.Detections.LastEventTime);
            w.WriteEndObject();
            w.WriteString("requestedAccessKeyId", report.RequestedKey);
            w.WriteStartArray("suggestions");
            foreach (var s in report.Suggestions)
            {
                w.WriteStartObject();
                w.WriteString("accessKeyId", s.AccessKeyId);
                w.WriteString("severity", Lower(s.Severity));
                w.WriteString("reason", s.Reason);
                Time(w, "firstSeen", s.FirstSeen);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("investigations");
            foreach (var i in report.Investigations)
            {
                Investigation(w, i);
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in report.Investigator.Detections.Findings)
            {
                Finding(w, f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Display.JsonText.ToEscapedString(buffer.WrittenSpan) + "\n";
    }

    private static void Investigation(Utf8JsonWriter w, KeyInvestigation i)
    {
        w.WriteStartObject();
        w.WriteString("accessKeyId", i.AccessKeyId);
        w.WriteString("reason", i.Reason);
        Profile(w, i.Profile);
        w.WriteStartObject("blastRadius");
        w.WriteString("root", i.BlastRadius.RootId);
        w.WriteStartArray("nodes");
        foreach (var n in i.BlastRadius.Nodes)
        {
            w.WriteStartObject();
            w.WriteString("id", n.Id);
            w.WriteString("kind", Lower(n.Kind));
            w.WriteString("label", n.Label);
            if (n.Activity is { } a)
            {
                w.WritePropertyName("activity");
                Activity(w, a);
            }
            else
            {
                w.WriteNull("activity");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("edges");
        foreach (var e in i.BlastRadius.Edges)
        {
            w.WriteStartObject();
            w.WriteString("from", e.From);
            w.WriteString("to", e.To);
            w.WriteString("kind", Lower(e.Kind));
            w.WriteString("label", e.Label);
            Evidence(w, e.Evidence);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("findingIds");
        foreach (var f in i.Findings)
        {
            w.WriteStringValue(FindingId(f));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Profile(Utf8JsonWriter w, AccessKeyProfile p)
    {
        w.WriteStartObject("profile");
        w.WriteString("kind", p.Kind switch { AccessKeyKind.LongTerm => "long-term", AccessKeyKind.Temporary => "temporary", _ => "unknown" });
        if (p.Owner is { } o)
        {
            w.WriteStartObject("owner");
            w.WriteString("type", o.Type);
            w.WriteString("name", o.Name);
            w.WriteString("arn", o.Arn);
            w.WriteString("accountId", o.AccountId);
            w.WriteString("userName", o.UserName);
            w.WriteString("roleName", o.RoleName);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("owner");
        }

        if (p.CreatedBy is { } c)
        {
            w.WritePropertyName("createdBy");
            EvidenceItem(w, c);
        }
        else
        {
            w.WriteNull("createdBy");
        }

        w.WritePropertyName("activity");
        Activity(w, p.Activity);
        Time(w, "containedAt", p.ContainedAt);
        w.WritePropertyName("beforeContainment");
        Activity(w, p.BeforeContainment);
        w.WritePropertyName("afterContainment");
        Activity(w, p.AfterContainment);
        w.WriteStartArray("containment");
        foreach (var a in p.Containment)
        {
            w.WriteStartObject();
            w.WriteString("kind", Lower(a.Kind));
            Time(w, "time", a.Time);
            w.WriteString("accessKeyId", a.AccessKeyId);
            w.WriteString("principalType", a.PrincipalType);
            w.WriteString("principalName", a.PrincipalName);
            w.WriteString("actor", a.Actor);
            w.WriteString("eventId", a.Evidence.EventId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Usage(w, "regions", p.Regions);
        Usage(w, "sourceIPs", p.SourceIPs);
        Usage(w, "userAgents", p.UserAgents);
        Usage(w, "services", p.Services);
        Usage(w, "eventNames", p.EventNames);
        Usage(w, "errorCodes", p.ErrorCodes);
        w.WriteStartArray("consoleLogins");
        foreach (var e in p.ConsoleLogins)
        {
            EvidenceItem(w, e);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Finding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("id", FindingId(f));
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("title", f.Title);
        w.WriteString("severity", Lower(f.Severity));
        w.WriteString("tactic", f.Rule.Attack.Tactic.Id + " " + f.Rule.Attack.Tactic.Name);
        w.WriteString("technique", f.Rule.Attack.Id + " " + f.Rule.Attack.Name);
        w.WriteString("principal", f.Principal);
        w.WriteString("principalArn", f.PrincipalArn);
        w.WriteString("accountId", f.AccountId);
        w.WriteString("accessKeyId", f.AccessKeyId);
        Time(w, "first", f.First);
        Time(w, "last", f.Last);
        w.WriteString("summary", f.Summary);
        w.WriteNumber("eventCount", f.EventCount);
        w.WriteStartArray("sourceIPs");
        foreach (var ip in f.SourceIPs)
        {
            w.WriteStringValue(ip);
        }

        w.WriteEndArray();
        w.WriteStartArray("regions");
        foreach (var r in f.Regions)
        {
            w.WriteStringValue(r);
        }

        w.WriteEndArray();
        Evidence(w, f.Evidence);
        w.WriteString("recommendedAction", f.Rule.RecommendedAction);
        w.WriteEndObject();
    }

    /// <summary>A finding's id within one report: rule, first time and first evidence event, stable across reruns.</summary>
    public static string FindingId(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"{finding.RuleId}@{finding.First.ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture)}/{(finding.Evidence.Count > 0 ? finding.Evidence[0].EventId : "-")}";
    }

    private static void Activity(Utf8JsonWriter w, ActivityCounts a)
    {
        w.WriteStartObject();
        w.WriteNumber("events", a.Events);
        w.WriteNumber("succeeded", a.Succeeded);
        w.WriteNumber("failed", a.Failed);
        w.WriteNumber("accessDenied", a.AccessDenied);
        Time(w, "first", a.First);
        Time(w, "last", a.Last);
        w.WriteStartArray("sourceIPs");
        foreach (var ip in a.SourceIPs)
        {
            w.WriteStringValue(ip);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Usage(Utf8JsonWriter w, string name, IReadOnlyList<UsageCount> rows)
    {
        w.WriteStartArray(name);
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("value", r.Value);
            w.WriteNumber("count", r.Count);
            w.WriteNumber("errors", r.Errors);
            Time(w, "firstSeen", r.FirstSeen);
            Time(w, "lastSeen", r.LastSeen);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Evidence(Utf8JsonWriter w, IReadOnlyList<EvidenceEvent> evidence)
    {
        w.WriteStartArray("evidence");
        foreach (var e in evidence)
        {
            EvidenceItem(w, e);
        }

        w.WriteEndArray();
    }

    private static void EvidenceItem(Utf8JsonWriter w, EvidenceEvent e)
    {
        w.WriteStartObject();
        w.WriteString("eventId", e.EventId);
        Time(w, "eventTime", e.EventTime);
        w.WriteString("eventSource", e.EventSource);
        w.WriteString("eventName", e.EventName);
        w.WriteString("errorCode", e.ErrorCode);
        w.WriteString("location", e.Location.ToString());
        w.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteString(name, Events.UtcTime.Text(t));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Lower<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        var sb = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(text[i]));
        }

        return sb.ToString();
    }
}
