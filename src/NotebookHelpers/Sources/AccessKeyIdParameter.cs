using NotebookHelpers.Detections;

namespace NotebookHelpers.Sources;

/// <summary>
/// The access key id an analyst types or pastes (the notebooks' <c>AccessKeyId</c> parameter, <c>nbh investigate
/// --access-key-id</c>): trimmed, since a key pasted with a trailing space or newline would match nothing and the
/// notebook would say the key is not in the evidence; then checked for the shape of an access key id, so a user id,
/// an ARN or a secret key is a clear error before any evidence is read. Every notebook's key goes through here (the
/// notebooks that query by key call it; <c>EvidenceSession</c>, <c>IncidentCase</c> and the live owner lookup do too).
/// </summary>
public static class AccessKeyIdParameter
{
    private static readonly char[] Invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '"', '\'', '`'];

    /// <summary>
    /// <paramref name="value"/> without surrounding whitespace, zero-width characters or quotes; empty when there is
    /// nothing else (an empty parameter means "the key the evidence points at" where a notebook allows it).
    /// </summary>
    /// <exception cref="ArgumentException">The value is not shaped like an access key id; the message says what it is instead.</exception>
    public static string Check(string? value)
    {
        var key = (value ?? "").Trim().Trim(Invisible).Trim();
        if (key.Length == 0)
        {
            return "";
        }

        var prefix = AccessKeyIdPrefix.Of(key);
        if (key.Length is >= 16 and <= 128 && key.All(char.IsAsciiLetterOrDigit) && prefix is { Kind: not AccessKeyKind.Unknown })
        {
            return key;
        }

        throw new ArgumentException(Problem(key, prefix));
    }

    /// <summary>As <see cref="Check"/>, with null for an empty value.</summary>
    public static string? CheckOrNull(string? value) => Check(value) is { Length: > 0 } key ? key : null;

    private static string Problem(string key, AccessKeyIdPrefix? prefix)
    {
        const string Expected = "an access key id is 16 to 128 letters and digits starting AKIA (an IAM user's or root's key) or ASIA (temporary credentials)";

        // A secret access key (40 characters of mixed case, '/' and '+') must not be echoed back into a notebook.
        if (key.Any(c => c is '/' or '+') || key.Any(char.IsAsciiLetterLower))
        {
            return key.StartsWith("arn:", StringComparison.Ordinal)
                ? $"'{key}' is an ARN, not an access key id: {Expected}."
                : $"The {key.Length}-character value given as the access key id is not one ({Expected}); if it is a secret access key, it belongs in no notebook parameter.";
        }

        return prefix is { Kind: AccessKeyKind.Unknown }
            ? $"'{key}' is not an access key id ({prefix.Prefix}…: {prefix.Meaning}); {Expected}."
            : $"'{key}' is not an access key id: {Expected}.";
    }
}
