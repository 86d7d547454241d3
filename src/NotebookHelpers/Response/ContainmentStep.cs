using NotebookHelpers.Aws.Containment;

namespace NotebookHelpers.Response;

/// <summary>One step of a containment plan: the exact IAM call (with its AWS CLI equivalent), why, and whether the evidence shows it already done.</summary>
/// <param name="Action">The call, as <see cref="ContainmentPlanner"/> builds it.</param>
/// <param name="Why">Why this step, for this credential.</param>
/// <param name="AlreadyDone">What the evidence shows was already done to the same effect, or null.</param>
public sealed record ContainmentStep(ContainmentAction Action, string Why, string? AlreadyDone);
