namespace NotebookHelpers.Aws.Athena;

/// <summary>What GetWorkGroup says about a workgroup that matters for running a query in it.</summary>
/// <param name="Name">The workgroup.</param>
/// <param name="OutputLocation">Its query result location, when it has one.</param>
/// <param name="Enforced">True when the workgroup's settings override the client's (output location included).</param>
/// <param name="BytesScannedCutoffPerQuery">Its per-query data limit (Athena cancels a query past it), when set.</param>
public sealed record AthenaWorkGroup(string Name, string? OutputLocation, bool Enforced, long? BytesScannedCutoffPerQuery);
