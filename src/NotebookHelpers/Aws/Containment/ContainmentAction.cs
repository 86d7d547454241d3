namespace NotebookHelpers.Aws.Containment;

/// <summary>
/// One containment step, exactly as it will be sent: the IAM action and its parameters, plus the equivalent AWS CLI
/// command so the analyst can read it, paste it, or put it in the incident report.
/// </summary>
/// <param name="Title">What it does, in plain words.</param>
/// <param name="Operation">The IAM API action (<c>UpdateAccessKey</c>).</param>
/// <param name="Parameters">The request parameters, in order.</param>
/// <param name="CliCommand">The equivalent <c>aws iam …</c> command.</param>
/// <param name="IsIrreversible">True for deletions, which cannot be undone.</param>
public sealed record ContainmentAction(
    string Title,
    string Operation,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string CliCommand,
    bool IsIrreversible);
