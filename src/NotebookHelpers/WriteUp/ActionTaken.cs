namespace NotebookHelpers.WriteUp;

/// <summary>A response action: executed through nbh (the evidence folder's actions log) or seen in CloudTrail.</summary>
/// <param name="Time">When (UTC).</param>
/// <param name="Source"><c>actions log</c> or <c>CloudTrail</c>.</param>
/// <param name="What">What was done, in plain words.</param>
/// <param name="By">Who did it (ARN from the actions log, caller from CloudTrail).</param>
/// <param name="Outcome"><c>succeeded</c>, <c>failed: …</c>, or <c>recorded</c> for CloudTrail events.</param>
/// <param name="Command">The equivalent AWS CLI command (actions log), else null.</param>
/// <param name="EventId">The CloudTrail event id (CloudTrail), else null.</param>
public sealed record ActionTaken(DateTimeOffset Time, string Source, string What, string? By, string Outcome, string? Command, string? EventId);
