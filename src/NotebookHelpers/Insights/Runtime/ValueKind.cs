namespace NotebookHelpers.Insights.Runtime;

/// <summary>The kind of a <see cref="Value"/>.</summary>
public enum ValueKind : byte
{
    /// <summary>No value: the field is absent from the event, JSON null, or a function had nothing to return.</summary>
    Missing,

    /// <summary>A string.</summary>
    String,

    /// <summary>A number (a double; a JSON number keeps its original text for display).</summary>
    Number,

    /// <summary>A boolean; rendered as <c>1</c>/<c>0</c> like Logs Insights.</summary>
    Boolean,

    /// <summary>A point in time, as epoch milliseconds; rendered as <c>yyyy-MM-dd HH:mm:ss.fff</c> UTC.</summary>
    Timestamp,

    /// <summary>A JSON object made by <c>jsonParse</c>; read its members with <c>x.key</c>. Null for string, number and time functions.</summary>
    Map,

    /// <summary>A JSON array made by <c>jsonParse</c> or <c>split</c>; read items with <c>x[i]</c>. Null for string, number and time functions.</summary>
    List,
}
