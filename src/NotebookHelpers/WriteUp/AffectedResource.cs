namespace NotebookHelpers.WriteUp;

/// <summary>
/// A principal, key, session or resource in the blast radius of an investigated key, with what the evidence says about
/// its state at the end of the evidence.
/// </summary>
/// <param name="Kind">access key, session, IAM user, IAM role, IAM group, console password, console sessions, or the resource kind.</param>
/// <param name="Name">Its label (user name, key id, instance id with type and region…).</param>
/// <param name="InvestigatedKey">The investigated key whose blast radius holds it.</param>
/// <param name="ReachedBy">How it was reached: relation and source, e.g. <c>created user ← AKIA…</c>.</param>
/// <param name="FirstSeen">The first event that shows the relation.</param>
/// <param name="DuringAttack">False when it was reached before the first suspicious call (the key's normal use).</param>
/// <param name="State">Its state as far as the evidence shows: contained, still active, last used…</param>
/// <param name="NeedsAction">True when the evidence shows no containment of something the attacker controls.</param>
/// <param name="EventId">The first supporting event id.</param>
/// <param name="ResourceName">
/// Its own name or id as the event gave it (<c>prod-deploy-key backup</c> for a key pair, <c>i-0abc…</c> for an
/// instance): what a CLI command must name, never cut out of <see cref="Name"/>, which may hold spaces.
/// </param>
public sealed record AffectedResource(
    string Kind,
    string Name,
    string InvestigatedKey,
    string ReachedBy,
    DateTimeOffset FirstSeen,
    bool DuringAttack,
    string State,
    bool NeedsAction,
    string? EventId,
    string ResourceName);
