namespace NotebookHelpers.Investigation;

/// <summary>How two nodes of the blast-radius graph are related.</summary>
public enum BlastRadiusEdgeKind
{
    /// <summary>The source created the target (user, key, role, login profile, resource).</summary>
    Created,

    /// <summary>The source (a user) owns the target (its key or login profile).</summary>
    Owns,

    /// <summary>The source assumed a role, giving the target session.</summary>
    Assumed,

    /// <summary>The source obtained the target session with GetSessionToken or GetFederationToken.</summary>
    Issued,

    /// <summary>The source (a login profile) was used to sign in, giving the target console sessions.</summary>
    SignedIn,

    /// <summary>The source granted the target permissions (policy attached or put).</summary>
    Granted,

    /// <summary>The source changed who may assume the target role.</summary>
    TrustChanged,

    /// <summary>The source added a user to the target group.</summary>
    AddedToGroup,

    /// <summary>The source shared the target (snapshot, image) with another account.</summary>
    Shared,

    /// <summary>The source changed, stopped or deleted the target.</summary>
    Modified,
}
