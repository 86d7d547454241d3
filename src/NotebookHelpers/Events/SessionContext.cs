namespace NotebookHelpers.Events;

/// <summary>
/// <c>userIdentity.sessionContext</c>: what CloudTrail knows about temporary credentials.
/// </summary>
/// <param name="MfaAuthenticated">
/// <c>attributes.mfaAuthenticated</c>. AWS writes it as the string <c>"true"</c>/<c>"false"</c>; a JSON boolean is
/// accepted too. Null when absent or unreadable.
/// </param>
/// <param name="CreationDate"><c>attributes.creationDate</c>: when the credentials were issued, in UTC.</param>
/// <param name="SessionIssuer">Who issued the session, when the record says.</param>
/// <param name="SourceIdentity"><c>sourceIdentity</c>, set by the first role assumption in a chain.</param>
public sealed record SessionContext(
    bool? MfaAuthenticated = null,
    DateTimeOffset? CreationDate = null,
    SessionIssuer? SessionIssuer = null,
    string? SourceIdentity = null);
