using System.Globalization;
using System.Text;
using NotebookHelpers.Investigation.Rendering;

namespace NotebookHelpers.Investigation;

/// <summary>HTML and text renderings of an <see cref="AccessKeyProfile"/>. Values from the logs are HTML-encoded.</summary>
public static class AccessKeyProfileRendering
{
    private const int MaxRows = 25;

    /// <summary>An HTML summary with tables of regions, IPs, user agents, services, calls and errors.</summary>
    public static string ToHtml(AccessKeyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var sb = new StringBuilder("<div class=\"nbh-key-profile\">");
        sb.Append("<h3>Access key <code>").Append(HtmlText.Encode(profile.AccessKeyId)).Append("</code> (").Append(HtmlText.Encode(KindText(profile))).Append(")</h3>");
        sb.Append("<table class=\"nbh-table\"><tbody>");
        foreach (var (name, value) in Facts(profile))
        {
            sb.Append("<tr><th style=\"text-align:left\">").Append(HtmlText.Encode(name)).Append("</th>").Append(HtmlText.Cell(value)).Append("</tr>");
        }

        sb.Append("</tbody></table>");
        foreach (var (title, rows) in Tables(profile))
        {
            if (rows.Count == 0)
            {
                continue;
            }

            sb.Append("<h4>").Append(HtmlText.Encode(title)).Append("</h4><table class=\"nbh-table\"><thead><tr><th>value</th><th>events</th><th>errors</th><th>first seen (UTC)</th><th>last seen (UTC)</th></tr></thead><tbody>");
            foreach (var r in rows.Take(MaxRows))
            {
                sb.Append("<tr>").Append(HtmlText.Cell(r.Value)).Append(HtmlText.Cell(Num(r.Count))).Append(HtmlText.Cell(Num(r.Errors)))
                    .Append(HtmlText.Cell(Time(r.FirstSeen))).Append(HtmlText.Cell(Time(r.LastSeen))).Append("</tr>");
            }

            if (rows.Count > MaxRows)
            {
                sb.Append("<tr><td colspan=\"5\">… ").Append(Num(rows.Count - MaxRows)).Append(" more</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        if (profile.Containment.Count > 0)
        {
            sb.Append("<h4>Containment</h4><ul>");
            foreach (var c in profile.Containment)
            {
                sb.Append("<li>").Append(HtmlText.Encode(c.Describe())).Append(" — <code>").Append(HtmlText.Encode(c.Evidence.EventId)).Append("</code></li>");
            }

            sb.Append("</ul>");
        }

        return sb.Append("</div>").ToString();
    }

    /// <summary>A text summary for terminals.</summary>
    public static string ToText(AccessKeyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var sb = new StringBuilder();
        sb.Append("Access key ").Append(TextTable.Clean(profile.AccessKeyId)).Append(" (").Append(KindText(profile)).Append(")\n");
        var facts = Facts(profile).ToList();
        var width = facts.Max(f => f.Name.Length);
        foreach (var (name, value) in facts)
        {
            sb.Append("  ").Append(name.PadRight(width)).Append("  ").Append(TextTable.Clean(value)).Append('\n');
        }

        foreach (var (title, rows) in Tables(profile))
        {
            if (rows.Count == 0)
            {
                continue;
            }

            sb.Append('\n').Append(title).Append('\n');
            var table = rows.Take(MaxRows).Select(r => (IReadOnlyList<string>)[Num(r.Count), Num(r.Errors), Time(r.FirstSeen), Time(r.LastSeen), r.Value]).ToList();
            sb.Append(TextTable.Render(["events", "errors", "first seen (UTC)", "last seen (UTC)", "value"], table));
            if (rows.Count > MaxRows)
            {
                sb.Append("… ").Append(Num(rows.Count - MaxRows)).Append(" more\n");
            }
        }

        if (profile.Containment.Count > 0)
        {
            sb.Append("\nContainment\n");
            foreach (var c in profile.Containment)
            {
                sb.Append("  ").Append(TextTable.Clean(c.Describe())).Append(" (").Append(TextTable.Clean(c.Evidence.EventId)).Append(")\n");
            }
        }

        return sb.ToString();
    }

    private static string KindText(AccessKeyProfile p) => p.Kind switch
    {
        Detections.AccessKeyKind.LongTerm => "long-term key",
        Detections.AccessKeyKind.Temporary => "temporary session key",
        _ => "unknown kind",
    };

    private static IEnumerable<(string Name, string? Value)> Facts(AccessKeyProfile p)
    {
        yield return ("owner", p.Owner?.ToString() ?? "not seen in the evidence");
        yield return ("created by", p.CreatedBy is { } c ? $"{c.EventName} at {Time(c.EventTime)} ({c.EventId})" : "not in the evidence");
        yield return ("first seen", p.Activity.First is { } f ? Time(f) : "—");
        yield return ("last seen", p.Activity.Last is { } l ? Time(l) : "—");
        yield return ("events", $"{Num(p.Activity.Events)} ({Num(p.Activity.Succeeded)} succeeded, {Num(p.Activity.Failed)} failed, {Num(p.Activity.AccessDenied)} denied)");
        yield return ("contained", p.ContainedAt is { } t ? $"{Time(t)}: {p.Containment[0].Describe()}" : "no containment found");
        if (p.ContainedAt is not null)
        {
            yield return ("before containment", $"{Num(p.BeforeContainment.Events)} events ({Num(p.BeforeContainment.Failed)} failed) from {p.BeforeContainment.SourceIPs.Count} address(es)");
            yield return ("after containment", $"{Num(p.AfterContainment.Events)} events ({Num(p.AfterContainment.AccessDenied)} denied) from {string.Join(", ", p.AfterContainment.SourceIPs)}");
        }

        yield return ("console sign-ins", p.ConsoleLogins.Count == 0 ? "none" : string.Join(", ", p.ConsoleLogins.Select(e => Time(e.EventTime))));
    }

    private static IEnumerable<(string Title, IReadOnlyList<UsageCount> Rows)> Tables(AccessKeyProfile p)
    {
        yield return ("Regions", p.Regions);
        yield return ("Source IP addresses", p.SourceIPs);
        yield return ("User agents", p.UserAgents);
        yield return ("Services", p.Services);
        yield return ("API calls", p.EventNames);
        yield return ("Errors", p.ErrorCodes);
    }

    private static string Time(DateTimeOffset t) => Events.UtcTime.Text(t);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
