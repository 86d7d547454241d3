using System.Text;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>One request the fake AWS server received, with its signature check.</summary>
public sealed record RecordedRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    TimeSpan ReceivedAt,
    SigV4Verifier.Result Signature)
{
    /// <summary>The signing service from the credential scope (logs, cloudtrail, iam …).</summary>
    public string Service => Signature.Service ?? "";

    /// <summary>The signing region from the credential scope.</summary>
    public string Region => Signature.Region ?? "";

    /// <summary>The X-Amz-Target header (JSON 1.1), or null.</summary>
    public string? Target => Headers.GetValueOrDefault("x-amz-target");

    /// <summary>The operation: the part of X-Amz-Target after the dot, or the form's Action, or the method + path.</summary>
    public string Operation =>
        Target is { } t ? t[(t.LastIndexOf('.') + 1)..]
        : Form.TryGetValue("Action", out var action) ? action
        : $"{Method} {RawTarget}";

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The body as form fields (Query protocol), or empty.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        Headers.GetValueOrDefault("content-type", "").StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)
            ? BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString((p.Length > 1 ? p[1] : "").Replace('+', ' ')))
            : new Dictionary<string, string>();

    /// <inheritdoc />
    public override string ToString() => $"{Method} {RawTarget} {Service}/{Region} {Operation} signature={(Signature.IsValid ? "valid" : Signature.Problem)}";

    /// <summary>The JSON body (JSON 1.1), parsed.</summary>
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body.Length == 0 ? "{}"u8.ToArray() : Body).RootElement;
}
