using System.Text;

namespace NotebookHelpers.Detections;

/// <summary>
/// docs/detections.md, generated from <see cref="DetectionCatalog"/>: the catalogue as a table (id, severity,
/// ATT&amp;CK tactic and technique, what it catches, known false positives) and each rule's Logs Insights query.
/// A test compares the file with this output so the documentation cannot drift from the code.
/// </summary>
public static class DetectionCatalogDocument
{
    /// <summary>The Markdown text of docs/detections.md.</summary>
    public static string ToMarkdown(IEnumerable<DetectionRule>? rules = null)
    {
        var list = (rules ?? DetectionCatalog.All).ToList();
        var sb = new StringBuilder();
        sb.Append("# Detection catalogue\n\n");
        sb.Append("Generated from `DetectionCatalog` (src/NotebookHelpers/Detections/); the test `DetectionCatalogTests` fails when this file\n");
        sb.Append("and the code disagree. Regenerate with `NBH_UPDATE_DOCS=1 dotnet test --filter DetectionCatalogTests`.\n\n");
        sb.Append("Every rule runs offline over any evidence source (`DetectionRunner.Run(events)`), and its Logs Insights query finds\n");
        sb.Append("the same candidate events on the live service. Stateful rules (bursts, baselines, after-containment) run in one\n");
        sb.Append("time-ordered pass with bounded state. Close matches of one rule by one principal and key merge into one finding.\n\n");
        var byQuery = list.Count(r => r is QueryRule);
        sb.Append($"{list.Count} rules.\n\n");
        sb.Append("## One definition: rules defined by their query\n\n");
        sb.Append($"{byQuery} of the {list.Count} rules decide on each event alone with a condition the query language can say. Each of\n");
        sb.Append("them (a `QueryRule`) is defined once, by a Logs Insights filter expression (`DetectionRule.Filter`), and C# only\n");
        sb.Append("describes a match (its summary, and a severity that depends on the event):\n\n");
        sb.Append("- offline, the detection pass evaluates that expression compiled by the offline Logs Insights engine\n");
        sb.Append("  (`InsightsFilterSet`: every rule's filter compiled over one slot table, so each event's fields are decoded once\n");
        sb.Append("  for all of them; the cost is in docs/performance.md);\n");
        sb.Append("- the rule's query below is `fields … | filter FILTER | sort @timestamp asc`, the same text, for CloudWatch Logs\n");
        sb.Append("  and `nbh query`;\n");
        sb.Append("- on Athena, the SQL renderer turns that query into Trino SQL (docs/athena.md; the golden files in\n");
        sb.Append("  tests/NotebookHelpers.Tests/Insights/Sql/golden pin it).\n\n");
        sb.Append("So the detection and the query cannot drift apart. `QueryDefinedRuleTests` checks that every such filter compiles\n");
        sb.Append("offline and renders to SQL that parses with a Trino grammar, and that on the sample incident and four real\n");
        sb.Append("recordings the offline engine running each rule's query selects exactly the events the detection pass matched.\n");
        sb.Append("Conditions several rules share are written once as fragments in `RuleQuery` (a call succeeded: `isempty(errorCode)`;\n");
        sb.Append("made by AWS; access denied; a console session). They say what `CloudTrailFacts` says for the stateful rules; a test\n");
        sb.Append("checks that both agree on every event of the sample and five real recordings.\n\n");
        sb.Append("The other rules keep C# for what a per-event filter cannot say: state across events (bursts, first-seen\n");
        sb.Append("baselines, after-containment, sequences), comparing two fields of one event (the caller and the target user),\n");
        sb.Append("reading a policy document, or an array's contents. Their query selects the candidate events (or the closest\n");
        sb.Append("aggregation), and each section below says which kind a rule is. Not migrated yet although a filter could say\n");
        sb.Append("their condition: `guardduty-disabled`, `ec2-quota-probe`, `aws-quarantine-policy-attached`, `lambda-function-backdoored`\n");
        sb.Append("and the choice of events of `iam-policy-version-created`; they keep a C# matcher beside their query. Of the stateful\n");
        sb.Append("rules, `recon-discovery-burst` takes its per-event part from its query's filter; the others do not yet.\n\n");
        sb.Append("## Precision on Panther's labelled events\n\n");
        sb.Append("Panther's rule repository labels each of its test events as one that should alert or not\n");
        sb.Append("(../shared/datasets/panther-analysis-test-events). The whole catalogue, run on each event alone, measured by\n");
        sb.Append("`PantherBenignPrecisionTests` (a finding counts when it is above Info; Info is context, not an alert):\n\n");
        var m = MeasuredPrecision;
        sb.Append(PrecisionLine(m.Malicious, m.Raised, m.Benign, m.FalsePositives, m.MaliciousElsewhere)).Append("\n\n");
        sb.Append("Panther labels an event for one rule only; the events labelled benign for one rule and malicious for another\n");
        sb.Append("(a successful root sign-in in the failed-root-sign-in rule's tests, AdministratorAccess attached in the user-creation\n");
        sb.Append("rule's, a key created for another user in the root-key rule's) are counted apart. Labelled-malicious events that\n");
        sb.Append("raise only Info are, in the main, IAM users signing in without MFA with nothing to compare with (see\n");
        sb.Append("`console-login-without-mfa`) and failures on targets that do not exist.\n\n");
        sb.Append("| id | severity | tactic / technique | what it catches | known false positives |\n");
        sb.Append("|---|---|---|---|---|\n");
        foreach (var r in list)
        {
            sb.Append("| `").Append(r.Id).Append("` | ").Append(r.Severity.ToString().ToLowerInvariant())
                .Append(r.IsStateful ? " (stateful)" : "")
                .Append(" | ").Append(r.Attack.Tactic.Id).Append(' ').Append(r.Attack.Tactic.Name).Append(" / ")
                .Append('[').Append(r.Attack.Id).Append("](").Append(r.Attack.Url).Append(") ").Append(Cell(r.Attack.Name))
                .Append(" | **").Append(Cell(r.Title)).Append("**: ").Append(Cell(r.Explanation))
                .Append(" | ").Append(Cell(r.FalsePositives)).Append(" |\n");
        }

        sb.Append("\n## Logs Insights queries and recommended actions\n");
        foreach (var r in list)
        {
            sb.Append("\n### `").Append(r.Id).Append("`\n\n");
            sb.Append("What to do: ").Append(r.RecommendedAction).Append("\n\n");
            sb.Append(r is QueryRule
                ? "Defined by this query's filter: the offline detection evaluates it, Athena runs its SQL.\n\n"
                : "The query selects the candidates; C# decides" + (r.IsStateful ? " (stateful)" : "") + ".\n\n");
            sb.Append("```\n").Append(r.InsightsQuery).Append("\n```\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// The figures <c>PantherBenignPrecisionTests</c> measured on Panther's labelled events (the test fails when they
    /// change, so this line stays the measured one).
    /// </summary>
    public static (int Malicious, int Raised, int Benign, int FalsePositives, int MaliciousElsewhere) MeasuredPrecision => (37, 25, 54, 0, 3);

    /// <summary>The sentence that reports precision on Panther's labelled events.</summary>
    public static string PrecisionLine(int malicious, int raised, int benign, int falsePositives, int maliciousElsewhere)
    {
        var precision = raised + falsePositives == 0 ? "n/a" : (100.0 * raised / (raised + falsePositives)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";
        return $"- {benign} events labelled benign: {falsePositives} raise a finding above Info (false positives), besides " +
               $"{maliciousElsewhere} that another Panther rule labels malicious; {malicious} labelled malicious: {raised} raise one; " +
               $"precision {raised} / {raised + falsePositives} = {precision}.";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
