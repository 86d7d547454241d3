namespace NotebookHelpers.Insights.Ast;

/// <summary>
/// A field reference: <c>eventName</c>, <c>userIdentity.accessKeyId</c>, <c>resources.0.ARN</c>, <c>@timestamp</c>,
/// <c>`detail-type`</c>. <see cref="Segments"/> keeps backtick-quoted parts whole (<c>json.`user.id`</c> has two).
/// </summary>
/// <param name="Name">The flattened name, segments joined by dots: what the field is called in results.</param>
/// <param name="Segments">The dotted path, unquoted.</param>
/// <param name="Span">Where it was written.</param>
public sealed record FieldExpression(string Name, IReadOnlyList<string> Segments, TextSpan Span) : Expression(Span)
{
    /// <summary>A field whose name has no dots to split.</summary>
    public static FieldExpression Simple(string name, TextSpan span) => new(name, [name], span);
}
