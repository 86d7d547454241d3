namespace NotebookHelpers.Tests.Support;

/// <summary>
/// A fact that reads the third-party recordings or references in ../shared. On a plain clone without them the test
/// is skipped with <see cref="SharedData.SkipReason"/>; under <c>CI=true</c> it always runs, so a CI run without the
/// data fails instead of passing having read nothing.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>
    /// Skips the test when ../shared is absent outside CI, or lacks one of <paramref name="files"/> (paths under
    /// datasets/ that the fetch script cannot bring).
    /// </summary>
    public SharedDataFactAttribute(params string[] files)
    {
        Skip = SharedData.SkipReasonFor(files);
    }
}

/// <summary>The theory form of <see cref="SharedDataFactAttribute"/>.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips the theory when ../shared is absent outside CI.</summary>
    public SharedDataTheoryAttribute()
    {
        Skip = SharedData.SkipReason;
    }
}
