using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>What the attack phases share: the record factory, the principals, and the list they add to.</summary>
internal sealed class AttackContext
{
    /// <param name="seed">The sample's seed.</param>
    /// <param name="stream">Names the random streams: each story draws its own, so adding one changes no other story's bytes.</param>
    public AttackContext(long seed, string stream = "attack")
    {
        F = new RecordFactory(DeterministicRandom.Create(seed, stream));
        Timing = DeterministicRandom.Create(0, stream + "-timing");
    }

    public RecordFactory F { get; }

    /// <summary>
    /// Pauses between the attacker's calls. Drawn from a fixed stream, not the seed: every seed tells the same story
    /// at the same seconds, only identifiers change.
    /// </summary>
    public DeterministicRandom Timing { get; }

    public List<PlantedEvent> Planted { get; } = [];

    /// <summary>Records that belong to the story but are not individually listed (e.g. each GetObject of the burst).</summary>
    public List<TrailEvent> Bulk { get; } = [];

    public List<LaunchAttempt> Launches { get; } = [];

    /// <summary>Log objects the attacker deletes from the trail's bucket (acts CloudTrail does not record).</summary>
    public List<LogObjectDeletion> Deletions { get; } = [];

    public static IamUserIdentity LeakedKey { get; } =
        new(Accounts.Production, Cast.LeakedUser, Cast.LeakedUserId, Cast.LeakedAccessKeyId);

    public static IamUserIdentity BackdoorKey { get; } =
        new(Accounts.Production, Cast.BackdoorUser, Cast.BackdoorUserId, Cast.BackdoorAccessKeyId);

    public TrailEvent Plant(string phase, string meaning, TrailEvent record)
    {
        Planted.Add(new PlantedEvent(phase, meaning, record));
        return record;
    }

    public static string ExplicitDenyScp(string principalArn, string action, string? resource) =>
        resource is null
            ? $"User: {principalArn} is not authorized to perform: {action} with an explicit deny in a service control policy"
            : $"User: {principalArn} is not authorized to perform: {action} on resource: {resource} with an explicit deny in a service control policy";

    public static string ExplicitDenyIdentityPolicy(string principalArn, string action, string resource) =>
        $"User: {principalArn} is not authorized to perform: {action} on resource: {resource} with an explicit deny in an identity-based policy";

    /// <summary>EC2's wording, which appends an encoded authorization message that only sts:DecodeAuthorizationMessage can read.</summary>
    public string Ec2Unauthorized(string detail) =>
        $"You are not authorized to perform this operation. {detail}. Encoded authorization failure message: {F.Random.Base64(372).Replace('+', '-').Replace('/', '_')}";
}
