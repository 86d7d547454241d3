namespace NotebookHelpers.Detections;

/// <summary>How urgently a finding needs a person's attention, lowest first.</summary>
public enum Severity
{
    /// <summary>Context worth seeing on the timeline; not a sign of compromise by itself.</summary>
    Info = 0,

    /// <summary>Unusual but often legitimate; look at it with the rest.</summary>
    Low = 1,

    /// <summary>Suspicious; confirm with the principal's owner.</summary>
    Medium = 2,

    /// <summary>Very likely malicious in an exposed-credential incident; act now.</summary>
    High = 3,

    /// <summary>Account-level damage or loss of visibility; act immediately.</summary>
    Critical = 4,
}
