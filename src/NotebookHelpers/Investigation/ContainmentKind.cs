namespace NotebookHelpers.Investigation;

/// <summary>What a containment action did.</summary>
public enum ContainmentKind
{
    /// <summary><c>UpdateAccessKey</c> with status Inactive.</summary>
    KeyDeactivated,

    /// <summary><c>DeleteAccessKey</c>.</summary>
    KeyDeleted,

    /// <summary>A deny-all policy put on (or attached to) the key's user, role or group.</summary>
    DenyAllPolicy,

    /// <summary>A deny on sessions issued before a time (<c>aws:TokenIssueTime</c>, the console's "revoke sessions").</summary>
    SessionsRevoked,

    /// <summary>AWS's own quarantine policy (AWSCompromisedKeyQuarantineV2, or the legacy inline policy).</summary>
    AwsQuarantine,

    /// <summary><c>DeleteLoginProfile</c>: the user's console password removed.</summary>
    LoginProfileDeleted,
}
