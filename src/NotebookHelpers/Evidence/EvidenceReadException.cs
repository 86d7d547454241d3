namespace NotebookHelpers.Evidence;

/// <summary>A strict read met a problem; <see cref="Problem"/> says where and why.</summary>
public sealed class EvidenceReadException : Exception
{
    /// <summary>Creates the exception for a problem.</summary>
    public EvidenceReadException(ReadProblem problem)
        : base(problem?.ToString())
    {
        Problem = problem!;
    }

    /// <summary>Creates the exception with a message.</summary>
    public EvidenceReadException(string message)
        : base(message)
    {
        Problem = new ReadProblem(new EvidenceLocation("(unknown)"), ReadProblemKind.UnreadableFile, message);
    }

    /// <summary>Creates the exception with no message.</summary>
    public EvidenceReadException()
        : this("evidence could not be read")
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public EvidenceReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new ReadProblem(new EvidenceLocation("(unknown)"), ReadProblemKind.UnreadableFile, message);
    }

    /// <summary>The problem that stopped the read.</summary>
    public ReadProblem Problem { get; }
}
