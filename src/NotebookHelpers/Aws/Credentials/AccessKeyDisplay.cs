namespace NotebookHelpers.Aws.Credentials;

/// <summary>
/// How the connectors show an access key id of the analyst's own credentials in messages: the prefix and the last
/// four characters only. (The exposed key under investigation is evidence and is shown in full.)
/// </summary>
public static class AccessKeyDisplay
{
    /// <summary><c>AKIAIOSFODNN7EXAMPLE</c> → <c>AKIA…MPLE</c>.</summary>
    public static string Mask(string accessKeyId)
    {
        ArgumentNullException.ThrowIfNull(accessKeyId);
        return accessKeyId.Length <= 8 ? "…" : accessKeyId[..4] + "…" + accessKeyId[^4..];
    }
}
