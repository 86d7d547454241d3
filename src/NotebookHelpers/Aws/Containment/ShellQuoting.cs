namespace NotebookHelpers.Aws.Containment;

/// <summary>Quotes values for a POSIX shell so the printed AWS CLI commands can be pasted as they are.</summary>
public static class ShellQuoting
{
    /// <summary>The value, single-quoted when it holds anything but safe characters.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '@' or '+' or '=' or ','))
        {
            return value;
        }

        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
