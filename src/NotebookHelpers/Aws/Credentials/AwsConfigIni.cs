namespace NotebookHelpers.Aws.Credentials;

/// <summary>
/// Reads one section of the shared config file the way botocore does: INI sections, <c>key = value</c>, comment lines
/// starting with <c>#</c> or <c>;</c>, and indented lines under a key with an empty value forming a nested block.
/// </summary>
public static class AwsConfigIni
{
    /// <summary>
    /// The entries of the first section whose header (the text between the brackets) satisfies
    /// <paramref name="isHeader"/>, in file order; null when there is no such section.
    /// </summary>
    public static IReadOnlyList<AwsConfigEntry>? Section(IReadOnlyList<string> lines, Func<string, bool> isHeader)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(isHeader);
        List<AwsConfigEntry>? entries = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                if (entries is not null)
                {
                    break;
                }

                entries = isHeader(line[1..^1].Trim()) ? [] : null;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (entries is null || equals <= 0)
            {
                continue;
            }

            entries.Add(new AwsConfigEntry(line[..equals].Trim(), line[(equals + 1)..].Trim(), raw.Length > 0 && char.IsWhiteSpace(raw[0])));
        }

        return entries;
    }

    /// <summary>
    /// A top-level setting of a profile's section (<c>[profile NAME]</c>, or <c>[default]</c>) in the config file at
    /// <paramref name="path"/>; null when the file, the profile or the setting is absent.
    /// </summary>
    public static string? ProfileSetting(string path, string profileName, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var name = profileName.Trim();
        var section = Section(lines, header => IsNamed(header, "profile", name) || (name == "default" && header == "default"));
        return section?.FirstOrDefault(e => !e.Indented && e.Key.Equals(key, StringComparison.OrdinalIgnoreCase) && e.Value.Length > 0)?.Value;
    }

    /// <summary>True for a header <c>KIND NAME</c> with any blanks between the two words.</summary>
    public static bool IsNamed(string header, string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(header);
        var trimmed = header.Trim();
        return trimmed.Length > kind.Length
            && trimmed.StartsWith(kind, StringComparison.Ordinal)
            && char.IsWhiteSpace(trimmed[kind.Length])
            && trimmed[kind.Length..].Trim() == name;
    }
}
