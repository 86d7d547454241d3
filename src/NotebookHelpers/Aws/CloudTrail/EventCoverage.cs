namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>
/// What a trail's event selectors (basic or advanced) make it record, reduced to what an investigation of a leaked
/// key asks: management reads and writes, and S3 object-level reads (GetObject) and writes (PutObject, DeleteObject).
/// </summary>
/// <param name="ManagementReads">Describe*/List*/Get* management calls are recorded.</param>
/// <param name="ManagementWrites">Create*/Run*/Delete* management calls are recorded.</param>
/// <param name="S3ObjectReads">Buckets whose object reads are recorded: <c>["*"]</c> for all, empty for none.</param>
/// <param name="S3ObjectWrites">Buckets whose object writes are recorded: <c>["*"]</c> for all, empty for none.</param>
/// <param name="UsesAdvancedSelectors">True when advanced event selectors define this.</param>
public sealed record EventCoverage(
    bool ManagementReads,
    bool ManagementWrites,
    IReadOnlyList<string> S3ObjectReads,
    IReadOnlyList<string> S3ObjectWrites,
    bool UsesAdvancedSelectors)
{
    /// <summary>The default of a trail with no custom selectors: all management events, no data events.</summary>
    public static EventCoverage DefaultManagement { get; } = new(true, true, [], [], false);
}
