namespace NotebookHelpers.Integrity;

/// <summary>Which kind of trail object a result is about.</summary>
public enum IntegrityFileKind
{
    /// <summary>A digest file (<c>CloudTrail-Digest/</c>).</summary>
    Digest,

    /// <summary>A log file (<c>CloudTrail/</c>).</summary>
    LogFile,
}
