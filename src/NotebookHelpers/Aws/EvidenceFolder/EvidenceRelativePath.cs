using System.Globalization;
using System.Text;

namespace NotebookHelpers.Aws.EvidenceFolder;

/// <summary>
/// Turns names that come from AWS (S3 keys, log group names, which an attacker may have chosen) into safe relative
/// paths inside the evidence folder: <c>..</c>, <c>.</c> and empty segments, and characters outside a portable set,
/// are percent-encoded, so no name can escape the folder or collide with another.
/// </summary>
public static class EvidenceRelativePath
{
    /// <summary>Encodes each <c>/</c>-separated segment of <paramref name="name"/>.</summary>
    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join('/', name.Split('/').Select(EncodeSegment));
    }

    /// <summary>Joins already safe segments.</summary>
    public static string Combine(params string[] segments) => string.Join('/', segments.Where(s => s.Length > 0));

    private static string EncodeSegment(string segment)
    {
        if (segment.Length == 0)
        {
            return "%";
        }

        if (segment is "." or "..")
        {
            return segment.Replace(".", "%2E", StringComparison.Ordinal);
        }

        var sb = new StringBuilder(segment.Length);
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '=' or '+' or '@' or ',')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
