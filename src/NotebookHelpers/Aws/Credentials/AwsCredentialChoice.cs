using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace NotebookHelpers.Aws.Credentials;

/// <summary>
/// The credentials a session signs with, where they came from (for messages: never the secret itself) and the
/// profile in effect, whose <c>region</c> and <c>endpoint_url</c> also apply.
/// </summary>
/// <param name="Credentials">The SDK credentials object; it refreshes SSO and assume-role credentials by itself.</param>
/// <param name="Origin">E.g. <c>environment variables (AWS_ACCESS_KEY_ID=AKIA…WXYZ)</c> or <c>profile 'ir'</c>.</param>
/// <param name="Profile">The profile in effect, or null when none was found.</param>
public sealed record AwsCredentialChoice(AWSCredentials Credentials, string Origin, CredentialProfile? Profile)
{
    /// <summary>What the analyst should know about how the credentials were chosen (a malformed file passed over).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
