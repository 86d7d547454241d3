namespace NotebookHelpers.Detections;

/// <summary>The MITRE ATT&amp;CK tactic and technique a rule maps to, e.g. <c>TA0005 / T1562.008 Disable Cloud Logs</c>.</summary>
/// <param name="Tactic">The tactic.</param>
/// <param name="Id">The technique or sub-technique id, e.g. <c>T1562.008</c>.</param>
/// <param name="Name">The technique name.</param>
public sealed record AttackTechnique(AttackTactic Tactic, string Id, string Name)
{
    /// <summary>The technique's page on attack.mitre.org.</summary>
    public string Url => "https://attack.mitre.org/techniques/" + Id.Replace('.', '/') + "/";

    /// <inheritdoc />
    public override string ToString() => $"{Tactic.Id} {Tactic.Name} / {Id} {Name}";
}
