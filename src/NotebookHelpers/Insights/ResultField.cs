namespace NotebookHelpers.Insights;

/// <summary>One cell of a Logs Insights result row, as GetQueryResults returns it: a field name and a string value.</summary>
/// <param name="Field">The column name: the alias, else the expression text (<c>count(*)</c>, <c>bin(1h)</c>).</param>
/// <param name="Value">The value, always a string (<c>@timestamp</c> as <c>yyyy-MM-dd HH:mm:ss.fff</c>).</param>
public sealed record ResultField(string Field, string Value);
