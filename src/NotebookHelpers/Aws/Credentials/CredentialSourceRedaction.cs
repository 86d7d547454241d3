using System.Text.RegularExpressions;
using Amazon.Runtime;

namespace NotebookHelpers.Aws.Credentials;

/// <summary>
/// The one place where a failure of a credential source (the shared credentials and config files, a
/// <c>credential_process</c> helper, SSO, assume-role) becomes text. Their messages quote what they read: the SDK's
/// INI parser quotes the malformed line (often a secret), the process provider quotes the helper's stderr, a JSON
/// error may quote its stdout. So such a message is never shown as is: it is described from its kind, and any other
/// text on its way to the analyst goes through <see cref="Redact"/>.
/// </summary>
public static partial class CredentialSourceRedaction
{
    /// <summary>True when <paramref name="error"/> or an exception inside it comes from a credential source.</summary>
    public static bool IsCredentialSourceFailure(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is ProcessAWSCredentialException || IsIniFailure(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One line saying which credential source failed and what to do, with none of the source's own text (the line
    /// number of a malformed file, the exit code of a helper, but not the line or the helper's output).
    /// </summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is ProcessAWSCredentialException process)
            {
                var exit = ExitValue().Match(process.Message);
                var what = exit.Success
                    ? $"the profile's credential_process exited with code {exit.Groups[1].Value}"
                    : "the profile's credential_process failed or printed no valid credentials JSON";
                return what + " (its output is not shown: it may hold secrets); run that command yourself to see why, fix it, or use another profile or environment variables.";
            }

            if (IsIniFailure(e))
            {
                var ini = IniError().Match(e.Message);
                var where = ini.Success ? $"{ini.Groups[2].Value.Trim()} line {ini.Groups[1].Value}" : "an AWS config or credentials file";
                return $"{where} is not 'name = value', a [section] or a comment (the line is not shown: it may hold a secret); fix it, or move the file aside and use environment variables.";
            }
        }

        return Redact(error.Message);
    }

    /// <summary>
    /// Text that may quote a credential source, made safe to print: its first line only, anything between angle
    /// brackets (how the SDK quotes a line) removed, access key ids masked (<see cref="AccessKeyDisplay"/>) and every
    /// run of 20 or more characters of a secret's alphabet (base64, hex) with letters and digits replaced by
    /// <c>[redacted]</c>.
    /// </summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var end = text.IndexOfAny(['\r', '\n']);
        var line = (end < 0 ? text : text[..end]).Trim();
        line = Quoted().Replace(line, "<…>");
        line = AccessKeyId().Replace(line, m => AccessKeyDisplay.Mask(m.Value));
        return SecretLike().Replace(line, m => m.Value.Any(char.IsAsciiDigit) && m.Value.Any(char.IsAsciiLetter) ? "[redacted]" : m.Value);
    }

    private static bool IsIniFailure(Exception e) =>
        e is InvalidDataException && e.Message.Contains("does not contain a section, property or comment", StringComparison.Ordinal);

    [GeneratedRegex(@"non-zero exit value (-?\d+)")]
    private static partial Regex ExitValue();

    [GeneratedRegex(@"^Line (\d+):<.*> in file (.*) does not contain a section", RegexOptions.Singleline)]
    private static partial Regex IniError();

    [GeneratedRegex(@"<[^>]*>?", RegexOptions.Singleline)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex(@"[A-Za-z0-9/+=_\-]{20,}")]
    private static partial Regex SecretLike();
}
