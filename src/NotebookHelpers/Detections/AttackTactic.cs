namespace NotebookHelpers.Detections;

/// <summary>A MITRE ATT&amp;CK tactic (the attacker's goal), e.g. <c>TA0005 Defense Evasion</c>.</summary>
/// <param name="Id">The tactic id, e.g. <c>TA0005</c>.</param>
/// <param name="Name">The tactic name, e.g. <c>Defense Evasion</c>.</param>
public sealed record AttackTactic(string Id, string Name)
{
    /// <summary>TA0001.</summary>
    public static AttackTactic InitialAccess { get; } = new("TA0001", "Initial Access");

    /// <summary>TA0002.</summary>
    public static AttackTactic Execution { get; } = new("TA0002", "Execution");

    /// <summary>TA0003.</summary>
    public static AttackTactic Persistence { get; } = new("TA0003", "Persistence");

    /// <summary>TA0004.</summary>
    public static AttackTactic PrivilegeEscalation { get; } = new("TA0004", "Privilege Escalation");

    /// <summary>TA0005.</summary>
    public static AttackTactic DefenseEvasion { get; } = new("TA0005", "Defense Evasion");

    /// <summary>TA0006.</summary>
    public static AttackTactic CredentialAccess { get; } = new("TA0006", "Credential Access");

    /// <summary>TA0007.</summary>
    public static AttackTactic Discovery { get; } = new("TA0007", "Discovery");

    /// <summary>TA0009.</summary>
    public static AttackTactic Collection { get; } = new("TA0009", "Collection");

    /// <summary>TA0010.</summary>
    public static AttackTactic Exfiltration { get; } = new("TA0010", "Exfiltration");

    /// <summary>TA0040.</summary>
    public static AttackTactic Impact { get; } = new("TA0040", "Impact");

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
