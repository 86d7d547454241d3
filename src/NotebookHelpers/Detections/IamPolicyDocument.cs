using System.Text.Json;

namespace NotebookHelpers.Detections;

/// <summary>
/// The parts of an IAM policy document the rules reason about: each statement's effect, actions, resources and
/// principals. CloudTrail records policy documents as JSON inside a string (URL-encoded by some services); both are read.
/// </summary>
public sealed class IamPolicyDocument
{
    private IamPolicyDocument(IReadOnlyList<IamPolicyStatement> statements)
    {
        Statements = statements;
    }

    /// <summary>The statements.</summary>
    public IReadOnlyList<IamPolicyStatement> Statements { get; }

    /// <summary>True when a statement allows every action on every resource (an administrator grant).</summary>
    public bool AllowsEverything => Statements.Any(s => s.Allows && s.Actions.Any(IsWildcardAction) && s.Resources.Any(r => r == "*"));

    /// <summary>True when a statement allows every action (<c>*</c> or <c>*:*</c>) or every IAM action (<c>iam:*</c>).</summary>
    public bool AllowsAdministration => Statements.Any(s => s.Allows && s.Actions.Any(a => IsWildcardAction(a) || a.Equals("iam:*", StringComparison.OrdinalIgnoreCase)));

    /// <summary>True when the document only denies (a containment or guard-rail policy), with at least one statement.</summary>
    public bool IsDenyOnly => Statements.Count > 0 && Statements.All(s => !s.Allows);

    /// <summary>True when a statement denies every action on every resource (the deny-all containment policy).</summary>
    public bool DeniesEverything => Statements.Any(s => !s.Allows && s.Actions.Any(IsWildcardAction) && s.Resources.Any(r => r == "*"));

    /// <summary>True when an Allow statement's principal is anyone (<c>"*"</c> or <c>{"AWS": "*"}</c>).</summary>
    public bool TrustsAnyone => Statements.Any(s => s.Allows && s.Principals.Any(p => p == "*"));

    /// <summary>
    /// The AWS accounts other than <paramref name="ownAccountId"/> that an Allow statement trusts (from account ids
    /// and ARNs in <c>Principal.AWS</c>); empty when none. Service and federated principals are not accounts.
    /// </summary>
    public IReadOnlyList<string> ExternalAccounts(string? ownAccountId) =>
        Statements.Where(s => s.Allows)
            .SelectMany(s => s.AwsPrincipals)
            .Select(CloudTrailFacts.AccountOf)
            .Where(a => a is not null && !string.Equals(a, ownAccountId, StringComparison.Ordinal))
            .Select(a => a!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Parses a policy document; null when the text is absent or not a policy.</summary>
    public static IamPolicyDocument? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.StartsWith('%'))
        {
            text = Uri.UnescapeDataString(text);
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("Statement", out var statement))
            {
                return null;
            }

            var statements = new List<IamPolicyStatement>();
            foreach (var s in AsArray(statement))
            {
                if (s.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var effect = s.TryGetProperty("Effect", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                var principals = new List<string>();
                var awsPrincipals = new List<string>();
                if (s.TryGetProperty("Principal", out var p))
                {
                    if (p.ValueKind == JsonValueKind.String)
                    {
                        principals.Add(p.GetString()!);
                    }
                    else if (p.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var kind in p.EnumerateObject())
                        {
                            foreach (var v in Strings(kind.Value))
                            {
                                principals.Add(v);
                                if (kind.NameEquals("AWS"))
                                {
                                    awsPrincipals.Add(v);
                                }
                            }
                        }
                    }
                }

                statements.Add(new IamPolicyStatement(
                    string.Equals(effect, "Allow", StringComparison.OrdinalIgnoreCase),
                    s.TryGetProperty("Action", out var a) ? Strings(a) : [],
                    s.TryGetProperty("Resource", out var r) ? Strings(r) : ["*"],
                    principals,
                    awsPrincipals));
            }

            return new IamPolicyDocument(statements);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsWildcardAction(string action) => action is "*" or "*:*";

    private static IEnumerable<JsonElement> AsArray(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];

    private static List<string> Strings(JsonElement value) =>
        AsArray(value).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
}
