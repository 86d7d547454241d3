using NotebookHelpers.Aws.Containment;
using NotebookHelpers.Display;
using NotebookHelpers.Html;

namespace NotebookHelpers.Response;

/// <summary>What running a containment plan did: nothing (a dry run, and why), or each call executed with its outcome as recorded in the actions log.</summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class ContainmentRun : IHtmlRenderable
{
    internal ContainmentRun(bool executed, string headline, IReadOnlyList<ContainmentStep> steps, IReadOnlyList<ContainmentRecord> records, string? actionsLog)
    {
        Executed = executed;
        Headline = headline;
        Steps = steps;
        Records = records;
        ActionsLog = actionsLog;
    }

    /// <summary>True when calls were sent to AWS.</summary>
    public bool Executed { get; }

    /// <summary>One line: what happened and why.</summary>
    public string Headline { get; }

    /// <summary>The steps considered.</summary>
    public IReadOnlyList<ContainmentStep> Steps { get; }

    /// <summary>The executed calls, as recorded in the actions log (empty for a dry run).</summary>
    public IReadOnlyList<ContainmentRecord> Records { get; }

    /// <summary>The actions log written to, or null for a dry run.</summary>
    public string? ActionsLog { get; }

    /// <summary>The run as a table.</summary>
    public HtmlTable ToHtmlTable() => Executed
        ? new HtmlTable(["call", "outcome", "AWS CLI equivalent"], [.. Records.Select(r => (IReadOnlyList<string?>)[r.Operation, r.Outcome, r.CliCommand])])
        {
            Title = Headline,
            Notes = ActionsLog is null ? [] : ["recorded in " + ActionsLog],
            WrapColumns = ["outcome", "AWS CLI equivalent"],
        }
        : new HtmlTable(["would call", "AWS CLI equivalent", "already done (evidence)"], [.. Steps.Select(s => (IReadOnlyList<string?>)[s.Action.Operation, s.Action.CliCommand, s.AlreadyDone])])
        {
            Title = Headline,
            WrapColumns = ["AWS CLI equivalent", "already done (evidence)"],
        };

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => ToHtmlTable().WriteHtml(writer);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer) => ToHtmlTable().WritePlainText(writer);

    /// <inheritdoc />
    public override string ToString() => Headline;
}
