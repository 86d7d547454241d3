namespace NotebookHelpers.Aws.Sts;

/// <summary>Who the analyst's credentials are (sts:GetCallerIdentity).</summary>
/// <param name="Account">The account id.</param>
/// <param name="Arn">The caller's ARN.</param>
/// <param name="UserId">The caller's unique id.</param>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
