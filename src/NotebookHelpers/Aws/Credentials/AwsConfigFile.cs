namespace NotebookHelpers.Aws.Credentials;

/// <summary>
/// Where the shared AWS config file is, as the AWS CLI finds it: <c>AWS_CONFIG_FILE</c> (a leading <c>~</c> is the
/// home folder), else <c>~/.aws/config</c>.
/// </summary>
public static class AwsConfigFile
{
    /// <summary>The config file's path in <paramref name="environment"/> (the file may not exist).</summary>
    public static string PathIn(AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var home = HomeIn(environment);
        if (environment.Get("AWS_CONFIG_FILE") is { } configured)
        {
            return configured == "~" || configured.StartsWith("~/", StringComparison.Ordinal)
                ? Path.Combine(home, configured.Length > 2 ? configured[2..] : "")
                : configured;
        }

        return Path.Combine(home, ".aws", "config");
    }

    /// <summary>The home folder the AWS CLI uses in <paramref name="environment"/>: <c>HOME</c>, else <c>USERPROFILE</c>.</summary>
    public static string HomeIn(AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Get("HOME") ?? environment.Get("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
    }
}
