namespace NotebookHelpers.Response;

/// <summary>What kind of credential leaked: it decides how it can be contained.</summary>
public enum CredentialKind
{
    /// <summary>Neither the evidence nor AWS says whose key it is.</summary>
    Unknown,

    /// <summary>An access key of the account's root user (AKIA…): full power; only root can delete it.</summary>
    RootAccessKey,

    /// <summary>A long-term access key of an IAM user (AKIA…): deactivate it, then delete it.</summary>
    IamUserAccessKey,

    /// <summary>Temporary credentials of an IAM user from GetSessionToken (ASIA…): they cannot be deactivated; revoke the user's sessions.</summary>
    IamUserSession,

    /// <summary>Temporary credentials of an assumed role (ASIA…): they cannot be deactivated; revoke the role's sessions.</summary>
    RoleSession,

    /// <summary>Temporary credentials from GetFederationToken (ASIA…): revoke the issuing user's sessions.</summary>
    FederatedSession,
}
