namespace NotebookHelpers.Aws.Athena;

/// <summary>What GetTableMetadata says about a table: its partition columns and its parameters (TBLPROPERTIES).</summary>
/// <param name="Name">The table.</param>
/// <param name="PartitionKeys">Its partition columns, in order.</param>
/// <param name="Parameters">Its properties: <c>projection.*</c>, <c>storage.location.template</c> …</param>
public sealed record AthenaTableMetadata(string Name, IReadOnlyList<string> PartitionKeys, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>A property's value, or null.</summary>
    public string? Parameter(string key) => Parameters.TryGetValue(key, out var value) ? value : null;

    /// <summary>The values of an enum-projected partition column, or null when it is not an enum.</summary>
    public IReadOnlyList<string>? EnumValues(string column) =>
        string.Equals(Parameter($"projection.{column}.type"), "enum", StringComparison.OrdinalIgnoreCase) && Parameter($"projection.{column}.values") is { } values
            ? values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
}
