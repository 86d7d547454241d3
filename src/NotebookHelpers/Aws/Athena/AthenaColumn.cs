namespace NotebookHelpers.Aws.Athena;

/// <summary>One column of a result set (ResultSetMetadata.ColumnInfo): its name and Athena type (varchar, bigint …).</summary>
public sealed record AthenaColumn(string Name, string Type);
