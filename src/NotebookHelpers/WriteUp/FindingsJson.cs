using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NotebookHelpers.Detections;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// Every finding over the evidence as JSON, in the schema of docs/incident-report.md: report ids (<c>F001</c>…),
/// rule and ATT&amp;CK mapping, principal and key, times as <c>yyyy-MM-ddTHH:mm:ssZ</c>, the investigated key whose
/// blast radius holds it (or null), and every evidence pointer with its location cited relative to the evidence roots.
/// </summary>
public static class FindingsJson
{
    /// <summary>The schema version written in <c>schemaVersion</c>.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The JSON of <paramref name="report"/>'s findings.</summary>
    public static string Write(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var detections = report.Investigator.Detections;
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("title", report.Title);
            w.WriteStartObject("evidence");
            w.WriteStartArray("sources");
            foreach (var source in report.Options.Sources)
            {
                w.WriteStringValue(source);
            }

            w.WriteEndArray();
            w.WriteNumber("events", detections.EventsExamined);
            Time(w, "firstEventTime", detections.FirstEventTime);
            Time(w, "lastEventTime", detections.LastEventTime);
            w.WriteString("manifestFingerprint", report.Options.Manifest?.Fingerprint);
            w.WriteEndObject();
            w.WriteStartArray("investigatedKeys");
            foreach (var i in report.Investigations)
            {
                w.WriteStringValue(i.AccessKeyId);
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in detections.Findings)
            {
                Finding(w, report, f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>The investigated key whose investigation lists <paramref name="finding"/>, or null.</summary>
    internal static string? InvestigatedKey(IncidentReport report, Finding finding) =>
        report.Investigations.FirstOrDefault(i => i.Findings.Contains(finding))?.AccessKeyId;

    private static void Finding(Utf8JsonWriter w, IncidentReport report, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("id", report.FindingId(f));
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("title", f.Title);
        w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        w.WriteStartObject("attack");
        w.WriteString("tacticId", f.Rule.Attack.Tactic.Id);
        w.WriteString("tactic", f.Rule.Attack.Tactic.Name);
        w.WriteString("techniqueId", f.Rule.Attack.Id);
        w.WriteString("technique", f.Rule.Attack.Name);
        w.WriteEndObject();
        w.WriteString("principal", f.Principal);
        w.WriteString("principalArn", f.PrincipalArn);
        w.WriteString("accountId", f.AccountId);
        w.WriteString("accessKeyId", f.AccessKeyId);
        w.WriteString("investigatedKey", InvestigatedKey(report, f));
        Time(w, "first", f.First);
        Time(w, "last", f.Last);
        w.WriteString("summary", f.Summary);
        w.WriteNumber("eventCount", f.EventCount);
        Strings(w, "sourceIPs", f.SourceIPs);
        Strings(w, "regions", f.Regions);
        w.WriteString("recommendedAction", f.Rule.RecommendedAction);
        w.WriteStartArray("evidence");
        foreach (var e in f.Evidence)
        {
            w.WriteStartObject();
            w.WriteString("eventId", e.EventId);
            Time(w, "eventTime", e.EventTime);
            w.WriteString("eventSource", e.EventSource);
            w.WriteString("eventName", e.EventName);
            w.WriteString("errorCode", e.ErrorCode);
            w.WriteString("location", report.Options.Manifest?.Cite(e.Location) ?? e.Location.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
