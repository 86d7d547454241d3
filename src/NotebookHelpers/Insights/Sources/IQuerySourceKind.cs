namespace NotebookHelpers.Insights.Sources;

/// <summary>
/// One kind of place a Logs Insights query can run, named by a source string such as a path or <c>cwl:LOG_GROUP</c>.
/// <see cref="QuerySourceResolver"/> asks each kind in turn; register a new kind with one line.
/// </summary>
public interface IQuerySourceKind
{
    /// <summary>A short name for messages (<c>local files</c>, <c>CloudWatch Logs</c>).</summary>
    string Name { get; }

    /// <summary>True when <paramref name="source"/> is of this kind (e.g. it starts with <c>cwl:</c>).</summary>
    bool Accepts(string source);

    /// <summary>A runner over all the given sources of this kind.</summary>
    /// <exception cref="ArgumentException">A source is not usable (the message says which and why).</exception>
    IInsightsQueryRunner CreateRunner(IReadOnlyList<string> sources);
}
