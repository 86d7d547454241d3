using System.Collections;

namespace NotebookHelpers.Aws;

/// <summary>
/// The environment variables the AWS connectors read (<c>AWS_PROFILE</c>, <c>AWS_REGION</c>,
/// <c>AWS_ENDPOINT_URL_*</c>, <c>AWS_ACCESS_KEY_ID</c> …), captured once. Tests pass their own snapshot instead of
/// changing the process environment, so they can run in parallel.
/// </summary>
public sealed class AwsEnvironment
{
    private readonly IReadOnlyDictionary<string, string> _variables;

    /// <summary>Creates a snapshot from explicit variables (names are case-sensitive, as on Linux).</summary>
    public AwsEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        _variables = variables;
    }

    /// <summary>The process's environment, read now.</summary>
    public static AwsEnvironment FromProcess()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                map[key] = value;
            }
        }

        return new AwsEnvironment(map);
    }

    /// <summary>An empty environment: nothing configured.</summary>
    public static AwsEnvironment Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>The variable's value, or null when it is unset or blank.</summary>
    public string? Get(string name) =>
        _variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>True when the variable is set to <c>true</c> (case-insensitive).</summary>
    public bool IsTrue(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);
}
