using System.Globalization;
using System.Text;
using NotebookHelpers.Display;

namespace NotebookHelpers.Detections;

/// <summary>
/// The findings of one detection pass, in a deterministic order (first event time, then severity, rule, principal),
/// with the rules that ran and how many events they saw. Displays itself as an HTML table in a notebook and as a
/// text table in <see cref="ToString"/>.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class DetectionResult : NotebookHelpers.Html.IHtmlRenderable
{
    internal DetectionResult(IReadOnlyList<Finding> findings, IReadOnlyList<DetectionRule> rules, int eventsExamined, DateTimeOffset? first, DateTimeOffset? last)
    {
        Findings = findings;
        Rules = rules;
        EventsExamined = eventsExamined;
        FirstEventTime = first;
        LastEventTime = last;
    }

    /// <summary>The findings, oldest first.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The rules that ran.</summary>
    public IReadOnlyList<DetectionRule> Rules { get; }

    /// <summary>How many events the rules looked at.</summary>
    public int EventsExamined { get; }

    /// <summary>Time of the first event examined, or null when there were none.</summary>
    public DateTimeOffset? FirstEventTime { get; }

    /// <summary>Time of the last event examined, or null when there were none.</summary>
    public DateTimeOffset? LastEventTime { get; }

    /// <summary>Findings of at least <paramref name="minimum"/> severity, in the same order.</summary>
    public IReadOnlyList<Finding> AtLeast(Severity minimum) => Findings.Where(f => f.Severity >= minimum).ToList();

    /// <summary>Findings whose events were signed by <paramref name="accessKeyId"/>.</summary>
    public IReadOnlyList<Finding> ForAccessKey(string accessKeyId) =>
        Findings.Where(f => string.Equals(f.AccessKeyId, accessKeyId, StringComparison.Ordinal)).ToList();

    /// <summary>Findings of one rule.</summary>
    public IReadOnlyList<Finding> ForRule(string ruleId) =>
        Findings.Where(f => string.Equals(f.RuleId, ruleId, StringComparison.Ordinal)).ToList();

    /// <summary>How many findings of each severity, highest first, severities without findings left out.</summary>
    public IReadOnlyList<(Severity Severity, int Count)> CountsBySeverity() =>
        Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

    /// <summary>An HTML table; every string from the logs is encoded.</summary>
    public string ToHtml() => FindingsRendering.ToHtml(this);

    /// <summary>A text table of the findings, one per line, with a count line.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Findings.Count} finding(s) from {Rules.Count} rules over {EventsExamined} events");
        if (Findings.Count > 0)
        {
            sb.Append(": ").AppendJoin(", ", CountsBySeverity().Select(c => $"{c.Count} {c.Severity.ToString().ToLowerInvariant()}"));
        }

        sb.AppendLine();
        sb.Append(FindingsRendering.ToText(Findings));
        return sb.ToString();
    }

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => NotebookHelpers.Html.HtmlStyles.WriteStyledBlock(writer, ToHtml());

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToString());
    }
}
