namespace NotebookHelpers.Display;

/// <summary>
/// A file path as notebook outputs show it: relative to the working directory, which is the notebook's folder in
/// Jupyter, VS Code and <c>nbh run</c> (<c>../data-samples/sample-incident/…</c>). An executed notebook or its report
/// is handed to others; an absolute path would show the analyst's home folder and machine layout, and would differ from
/// one machine to the next. Paths already relative, object keys and URLs are returned unchanged, with <c>/</c> as the
/// separator.
/// </summary>
public static class DisplayPath
{
    /// <summary><paramref name="path"/> relative to the working directory when it is absolute.</summary>
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Path.IsPathFullyQualified(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        // On Windows a path on another drive has no relative form; its file name is the part a reader needs.
        return Path.IsPathFullyQualified(relative) ? Path.GetFileName(path) : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary><paramref name="location"/> with its path as <see cref="Of(string)"/> shows it.</summary>
    public static string Of(Evidence.EvidenceLocation location) => (location with { Path = Of(location.Path) }).ToString();
}
