namespace NotebookHelpers.WriteUp;

/// <summary>A recommended response step for something the evidence shows is still open, with the command that does it.</summary>
/// <param name="What">What to do, in plain words.</param>
/// <param name="Command">The AWS CLI command (values shell-quoted).</param>
/// <param name="Why">Why, from the evidence.</param>
public sealed record NextStep(string What, string Command, string Why);
