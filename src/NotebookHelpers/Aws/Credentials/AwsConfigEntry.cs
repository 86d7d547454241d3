namespace NotebookHelpers.Aws.Credentials;

/// <summary>One <c>key = value</c> line of a config file section.</summary>
/// <param name="Key">The setting's name as written.</param>
/// <param name="Value">Its value, trimmed; empty when the key opens a nested block.</param>
/// <param name="Indented">True for a line of a nested block (it starts with a blank).</param>
public sealed record AwsConfigEntry(string Key, string Value, bool Indented);
