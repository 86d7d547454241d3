namespace NotebookHelpers.Aws.Credentials;

/// <summary>
/// Checks ~/.aws/credentials and ~/.aws/config line by line before the AWS SDK reads them. The SDK refuses a file with
/// one line that is not a section, <c>name = value</c> or a comment, and its exception quotes that line, which in the
/// credentials file is typically the secret with a typo (<c>aws_secret_access_key: …</c>). This check names the file
/// and the line number only.
/// </summary>
public static class AwsSharedFileCheck
{
    /// <summary>
    /// The first malformed line of the credentials file (<c>AWS_SHARED_CREDENTIALS_FILE</c>, else
    /// <c>~/.aws/credentials</c>) or the config file, as a one-line message without the line's text; null when both
    /// are readable by the SDK (or absent).
    /// </summary>
    public static string? FindProblem(AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return ProblemIn(CredentialsPathIn(environment)) ?? ProblemIn(AwsConfigFile.PathIn(environment));
    }

    /// <summary>The shared credentials file's path in <paramref name="environment"/> (the file may not exist).</summary>
    public static string CredentialsPathIn(AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.Get("AWS_SHARED_CREDENTIALS_FILE") is { } configured)
        {
            return configured;
        }

        return Path.Combine(AwsConfigFile.HomeIn(environment), ".aws", "credentials");
    }

    /// <summary>The first malformed line of the file at <paramref name="path"/>, as a message; null when none or unreadable.</summary>
    public static string? ProblemIn(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] lines;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsWellFormed(lines[i]))
            {
                return $"{path} line {i + 1} is not 'name = value', a [section] or a comment (the line is not shown: it may hold a secret); " +
                    "fix it (every setting is written 'name = value', with '='), or move the file aside and use environment variables.";
            }
        }

        return null;
    }

    // The SDK's own rule (Amazon.Runtime.Internal.Util.IniFile): blank, ';' or '#' comment, '[section]', or a line with '='.
    private static bool IsWellFormed(string line)
    {
        var text = line.Trim();
        return text.Length == 0 || text[0] is ';' or '#' || (text[0] == '[' && text[^1] == ']') || text.Contains('=', StringComparison.Ordinal);
    }
}
