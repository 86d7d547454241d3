namespace NotebookHelpers.Aws.Iam;

/// <summary>An IAM user (ListUsers).</summary>
/// <param name="UserName">The user name.</param>
/// <param name="UserId">The stable id (<c>AIDA…</c>).</param>
/// <param name="Arn">The ARN.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="PasswordLastUsed">When its console password was last used, if ever.</param>
public sealed record IamUser(string UserName, string? UserId, string? Arn, DateTimeOffset? CreatedAt, DateTimeOffset? PasswordLastUsed);

/// <summary>An access key of a user (ListAccessKeys).</summary>
/// <param name="UserName">The owner.</param>
/// <param name="AccessKeyId">The key id.</param>
/// <param name="Status"><c>Active</c> or <c>Inactive</c>.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record IamAccessKey(string UserName, string AccessKeyId, string Status, DateTimeOffset? CreatedAt);

/// <summary>GetAccessKeyLastUsed: who owns a key and when, where and for what it was last used.</summary>
/// <param name="UserName">The owning user (<c>root</c> style answers are kept as AWS gives them).</param>
/// <param name="LastUsedAt">When it was last used, or null when never.</param>
/// <param name="ServiceName">The service last called (<c>N/A</c> when never).</param>
/// <param name="Region">The region last used (<c>N/A</c> when never).</param>
public sealed record AccessKeyLastUse(string? UserName, DateTimeOffset? LastUsedAt, string? ServiceName, string? Region);

/// <summary>A console password (GetLoginProfile).</summary>
/// <param name="CreatedAt">When the password was set.</param>
/// <param name="PasswordResetRequired">True when the user must change it at next sign-in.</param>
public sealed record LoginProfileInfo(DateTimeOffset? CreatedAt, bool PasswordResetRequired);

/// <summary>An MFA device (ListMFADevices).</summary>
/// <param name="SerialNumber">Its serial number or ARN.</param>
/// <param name="EnabledAt">When it was enabled.</param>
public sealed record MfaDevice(string SerialNumber, DateTimeOffset? EnabledAt);

/// <summary>A managed policy attached to a user (ListAttachedUserPolicies).</summary>
/// <param name="PolicyName">The policy name.</param>
/// <param name="PolicyArn">The policy ARN.</param>
public sealed record AttachedPolicy(string PolicyName, string PolicyArn);
