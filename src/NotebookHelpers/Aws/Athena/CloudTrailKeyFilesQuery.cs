using System.Text;

namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// The Athena query that finds which log files hold an investigation's events: the distinct <c>"$path"</c> (the S3
/// object each row was read from) of every event signed with one of its access keys or sessions
/// (<c>useridentity.accesskeyid</c>), made as one of its IAM users (<c>useridentity.username</c>: console sign-ins and
/// console sessions), or naming one of its keys or roles in its request or response (a key created or deleted, a role
/// assumed), within the partitions of the time range, accounts and regions. The files are then downloaded whole, as
/// CloudTrail delivered them, so an investigation over a year of an organization's trail reads megabytes locally and
/// the files still match their digests.
/// </summary>
public static class CloudTrailKeyFilesQuery
{
    /// <summary>The SQL (Trino, Athena engine v3) for <paramref name="identities"/>.</summary>
    /// <exception cref="ArgumentException">No identity is given, a key or name is not one, or a table name is not a Glue name.</exception>
    public static string Render(string database, string table, CloudTrailIdentities identities, CloudTrailPartitionFilter filter, IReadOnlyCollection<string>? partitionKeys)
    {
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(filter);
        foreach (var key in identities.AccessKeyIds)
        {
            Require(key.Length is >= 16 and <= 128 && key.All(char.IsAsciiLetterOrDigit), $"'{key}' is not an access key id (AKIA… or ASIA…, letters and digits)");
        }

        foreach (var name in identities.UserNames.Concat(identities.RoleNames))
        {
            // IAM names: letters, digits and +=,.@_- (64 characters for users, 64 for roles).
            Require(name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || "+=,.@_-".Contains(c, StringComparison.Ordinal)), $"'{name}' is not an IAM user or role name");
        }

        Require(!identities.IsEmpty, "give at least one access key, user or role");
        var conditions = new List<string>();
        if (identities.AccessKeyIds.Count > 0)
        {
            conditions.Add($"useridentity.accesskeyid IN ({List(identities.AccessKeyIds)})");
        }

        if (identities.UserNames.Count > 0)
        {
            conditions.Add($"useridentity.username IN ({List(identities.UserNames)})");
        }

        foreach (var mention in identities.AccessKeyIds.Concat(identities.RoleNames.Select(r => ":role/" + r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            conditions.Add($"strpos(requestparameters, '{mention}') > 0 OR strpos(responseelements, '{mention}') > 0");
        }

        return new StringBuilder()
            .Append("SELECT DISTINCT \"$path\" AS path\n")
            .Append("FROM ").Append(Identifier(database)).Append('.').Append(Identifier(table)).Append('\n')
            .Append("WHERE ").Append(filter.ToSql(partitionKeys)).Append('\n')
            .Append("  AND (").Append(string.Join("\n    OR ", conditions)).Append(")\n")
            .Append("ORDER BY 1\n")
            .ToString();
    }

    private static string List(IEnumerable<string> values) =>
        string.Join(", ", values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => "'" + v + "'"));

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message + ".");
        }
    }

    // Glue names are lowercase letters, digits and underscores; anything else is refused rather than quoted.
    private static string Identifier(string name) =>
        name.Length is > 0 and <= 255 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            ? "\"" + name + "\""
            : throw new ArgumentException($"'{name}' is not a Glue database or table name (lowercase letters, digits and underscores).");
}
