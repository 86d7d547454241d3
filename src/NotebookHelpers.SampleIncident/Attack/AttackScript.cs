using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>The whole story of 11 March, phase by phase, as records plus what the answer key needs to know.</summary>
internal sealed class AttackScript
{
    private AttackScript(AttackContext context)
    {
        Planted = context.Planted;
        Bulk = context.Bulk;
        Launches = context.Launches;
        Deletions = context.Deletions;
    }

    public IReadOnlyList<PlantedEvent> Planted { get; }

    public IReadOnlyList<TrailEvent> Bulk { get; }

    public IReadOnlyList<LaunchAttempt> Launches { get; }

    public IReadOnlyList<LogObjectDeletion> Deletions { get; }

    public IEnumerable<TrailEvent> AllRecords => Planted.Select(p => p.Record).Concat(Bulk);

    /// <summary>The records another story planted in <paramref name="context"/>.</summary>
    public static AttackScript From(AttackContext context) => new(context);

    public static AttackScript Build(long seed)
    {
        var c = new AttackContext(seed);
        ReconnaissancePhase.Run(c);
        PersistencePhase.Run(c);
        CryptoMiningPhase.Run(c);
        ExfiltrationPhase.Run(c);
        DefenseEvasionPhase.Run(c);
        LateralMovementPhase.Run(c);
        TrailTamperingPhase.Run(c);
        QuarantinePhase.Run(c);
        ContainmentPhase.Run(c);
        AftermathPhase.Run(c);
        return new AttackScript(c);
    }
}
