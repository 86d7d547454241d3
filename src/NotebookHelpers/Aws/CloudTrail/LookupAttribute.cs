namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>One LookupEvents filter: <c>AccessKeyId = AKIA…</c>.</summary>
/// <param name="Key">The attribute.</param>
/// <param name="Value">The value to match exactly.</param>
public sealed record LookupAttribute(LookupAttributeKey Key, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Key}={Value}";
}
