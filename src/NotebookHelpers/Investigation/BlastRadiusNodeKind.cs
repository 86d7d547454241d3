namespace NotebookHelpers.Investigation;

/// <summary>What a node of the blast-radius graph stands for.</summary>
public enum BlastRadiusNodeKind
{
    /// <summary>A long-term access key (AKIA…); the root of the graph is one.</summary>
    AccessKey,

    /// <summary>Temporary credentials (ASIA…) from AssumeRole, GetSessionToken or GetFederationToken.</summary>
    Session,

    /// <summary>An IAM user.</summary>
    User,

    /// <summary>An IAM role.</summary>
    Role,

    /// <summary>An IAM group.</summary>
    Group,

    /// <summary>A user's console password (login profile).</summary>
    LoginProfile,

    /// <summary>The console sessions of a user who signed in with a password.</summary>
    ConsoleSession,

    /// <summary>Anything else the key created or changed: instances, buckets, key pairs, trails, snapshots…</summary>
    Resource,
}
