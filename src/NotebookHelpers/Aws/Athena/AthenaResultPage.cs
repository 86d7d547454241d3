namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// One GetQueryResults page: the columns, the rows as Athena sent them (a null cell is SQL NULL, distinct from an
/// empty string), the next page's token and the raw response body kept for the evidence folder.
/// </summary>
/// <param name="Columns">The result's columns (every page repeats them).</param>
/// <param name="Rows">The page's rows; on the first page of a DML query the first row is the header row.</param>
/// <param name="NextToken">The next page's token, or null on the last page.</param>
/// <param name="Body">The response body as received.</param>
public sealed record AthenaResultPage(
    IReadOnlyList<AthenaColumn> Columns,
    IReadOnlyList<IReadOnlyList<string?>> Rows,
    string? NextToken,
    ReadOnlyMemory<byte> Body);
