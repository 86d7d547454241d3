namespace NotebookHelpers.Detections;

/// <summary>One statement of an <see cref="IamPolicyDocument"/>.</summary>
/// <param name="Allows">True for <c>"Effect": "Allow"</c>.</param>
/// <param name="Actions">The actions (<c>Action</c>), as written.</param>
/// <param name="Resources">The resources (<c>*</c> when the statement has none, as in trust policies).</param>
/// <param name="Principals">Every principal value (<c>*</c>, ARNs, account ids, service names).</param>
/// <param name="AwsPrincipals">The values under <c>Principal.AWS</c>.</param>
public sealed record IamPolicyStatement(
    bool Allows,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Principals,
    IReadOnlyList<string> AwsPrincipals);
