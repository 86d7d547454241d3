namespace NotebookHelpers.Integrity;

/// <summary>The one spelling of each status in JSON, text and HTML output.</summary>
public static class IntegrityStatusNames
{
    /// <summary>The kebab-case name, e.g. <c>invalid-signature</c>.</summary>
    public static string Name(this IntegrityStatus status) => status switch
    {
        IntegrityStatus.Valid => "valid",
        IntegrityStatus.Modified => "modified",
        IntegrityStatus.Missing => "missing",
        IntegrityStatus.NotCovered => "not-covered",
        IntegrityStatus.InvalidSignature => "invalid-signature",
        IntegrityStatus.Unverified => "unverified",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
