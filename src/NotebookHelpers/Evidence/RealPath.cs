namespace NotebookHelpers.Evidence;

/// <summary>
/// The path of a folder with every symlink on the way resolved (what <c>realpath(3)</c> gives), so a folder walk can
/// tell that <c>evidence/again</c> (a link to <c>.</c>) is <c>evidence</c> and not walk it again and again.
/// </summary>
internal static class RealPath
{
    // The kernel's own limit on links followed while resolving one path (MAXSYMLINKS).
    private const int MaxLinks = 40;

    /// <summary>The resolved path, or null when resolving it follows more than 40 links (a loop).</summary>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new List<string>(Split(full[root.Length..]));
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending[0];
            pending.RemoveAt(0);
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (IOException)
            {
                target = null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
                target = target[current.Length..];
            }

            pending.InsertRange(0, Split(target));
        }

        return current;
    }

    private static string[] Split(string relative) =>
        relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
