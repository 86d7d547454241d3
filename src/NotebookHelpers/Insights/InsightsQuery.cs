using System.Globalization;
using System.Text;
using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Compilation;
using NotebookHelpers.Insights.Parsing;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights;

/// <summary>
/// A parsed Logs Insights query with named parameters: write <c>$name</c> where a value goes, then
/// <see cref="Bind(string, object?)"/> it. Binding never splices text into the query's structure: offline the value
/// replaces the parameter in the syntax tree, and <see cref="ToString"/> renders it as a safely quoted literal
/// (<see cref="Insights.Quote(string)"/>) for CloudWatch Logs.
/// <code>
/// var q = InsightsQuery.Parse("filter userIdentity.accessKeyId = $key | stats count(*) by eventName").Bind("key", key);
/// </code>
/// </summary>
public sealed class InsightsQuery
{
    private readonly Dictionary<string, ParameterValue> _bound;

    private InsightsQuery(QuerySyntax syntax, Dictionary<string, ParameterValue> bound)
    {
        Syntax = syntax;
        _bound = bound;
    }

    /// <summary>The parsed query (parameters not yet substituted).</summary>
    public QuerySyntax Syntax { get; }

    /// <summary>The query text as written, with <c>$name</c> placeholders.</summary>
    public string Text => Syntax.Text;

    /// <summary>The parameter names the query uses, in order of first appearance.</summary>
    public IReadOnlyList<string> Parameters => Tokenizer.Tokenize(Text).Where(t => t.Kind == TokenKind.Parameter).Select(t => t.Text).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="InsightsQueryException">The text is not a valid query.</exception>
    public static InsightsQuery Parse(string text) => new(QueryParser.Parse(text), new(StringComparer.Ordinal));

    /// <summary>
    /// Returns a copy with <c>$name</c> bound to <paramref name="value"/>: a string, number, boolean, timestamp, or a
    /// list (any enumerable) for <c>in [$name]</c> positions.
    /// </summary>
    /// <exception cref="ArgumentException">The query has no such parameter, or the value is null.</exception>
    public InsightsQuery Bind(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        name = name.TrimStart('$');
        if (!Parameters.Contains(name))
        {
            throw new ArgumentException($"the query has no parameter ${name} (it has: {string.Join(", ", Parameters.Select(p => "$" + p))}).", nameof(name));
        }

        var bound = new Dictionary<string, ParameterValue>(_bound, StringComparer.Ordinal) { [name] = ParameterValue.From(value) };
        return new InsightsQuery(Syntax, bound);
    }

    /// <summary>The syntax tree with bound parameters substituted (what the offline engine runs).</summary>
    /// <exception cref="InsightsQueryException">A parameter has no value.</exception>
    public QuerySyntax BoundSyntax()
    {
        if (Parameters.FirstOrDefault(p => !_bound.ContainsKey(p)) is { } missing)
        {
            var token = Tokenizer.Tokenize(Text).First(t => t.Kind == TokenKind.Parameter && t.Text == missing);
            throw new InsightsQueryException($"the parameter ${missing} has no value; bind it with .Bind(\"{missing}\", value).", Text, token.Start, token.Length);
        }

        if (_bound.Count == 0)
        {
            return Syntax;
        }

        var binder = new ParameterBinder(_bound);
        return Syntax with { Commands = [.. Syntax.Commands.Select(c => CommandRewriter.Rewrite(c, binder))] };
    }

    /// <summary>
    /// The query text with every bound parameter replaced by a quoted literal (a list as <c>["a", "b"]</c>),
    /// ready to send to CloudWatch Logs. Unbound parameters stay as <c>$name</c>.
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (var token in Tokenizer.Tokenize(Text).Where(t => t.Kind == TokenKind.Parameter))
        {
            if (!_bound.TryGetValue(token.Text, out var value))
            {
                continue;
            }

            sb.Append(Text, last, token.Start - last);
            sb.Append(Render(value));
            last = token.Start + token.Length;
        }

        sb.Append(Text, last, Text.Length - last);
        return sb.ToString();
    }

    private static string Render(ParameterValue value) =>
        value.IsList ? "[" + string.Join(", ", value.Values.Select(RenderOne)) + "]" : RenderOne(value.Values[0]);

    private static string RenderOne(Value v) => v.Kind switch
    {
        ValueKind.Number => Value.FormatNumber(v.Number),
        ValueKind.Timestamp => v.Number.ToString(CultureInfo.InvariantCulture),
        _ => Insights.Quote(Coerce.ToText(v) ?? string.Empty),
    };
}
