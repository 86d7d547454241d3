using NotebookHelpers.Detections;
using NotebookHelpers.Events;

namespace NotebookHelpers.Investigation;

/// <summary>Builds an <see cref="AccessKeyProfile"/> from the evidence.</summary>
public static class AccessKeyProfiler
{
    /// <summary>The profile of <paramref name="accessKeyId"/> in <paramref name="events"/> (any order).</summary>
    public static AccessKeyProfile Build(IEnumerable<CloudTrailEvent> events, string accessKeyId) => Build(new EventIndex(events), accessKeyId);

    /// <summary>The profile of <paramref name="accessKeyId"/> from an index built once for several keys.</summary>
    public static AccessKeyProfile Build(EventIndex index, string accessKeyId)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        accessKeyId = accessKeyId.Trim();
        var profile = new AccessKeyProfile(accessKeyId);
        var own = index.ByAccessKey(accessKeyId);
        if (own.Count > 0)
        {
            profile.Owner = OwnerOf(own);
        }

        var tracker = new ContainmentTracker();
        foreach (var ev in index.Events)
        {
            tracker.Observe(ev);
            if (profile.CreatedBy is null && CreatesKey(ev, accessKeyId))
            {
                profile.CreatedBy = EvidenceEvent.From(ev);
            }
        }

        profile.Containment = tracker.Actions.Where(a => AppliesTo(a, accessKeyId, profile.Owner)).ToList();
        var containedAt = profile.ContainedAt;
        profile.Activity = Count(own);
        profile.BeforeContainment = containedAt is { } t ? Count(own.Where(e => e.EventTime < t)) : profile.Activity;
        profile.AfterContainment = containedAt is { } t2 ? Count(own.Where(e => e.EventTime >= t2)) : ActivityCounts.Empty;
        profile.Regions = Usage(own, e => e.AwsRegion, byFirstSeen: true);
        profile.SourceIPs = Usage(own, e => e.SourceIPAddress, byFirstSeen: true);
        profile.UserAgents = Usage(own, e => e.UserAgent, byFirstSeen: true);
        profile.Services = Usage(own, e => e.EventSource, byFirstSeen: false);
        profile.EventNames = Usage(own, e => e.EventName, byFirstSeen: false);
        profile.ErrorCodes = Usage(own, e => e.ErrorCode, byFirstSeen: false);
        if (profile.Owner is { Type: "IAMUser", UserName: { } user })
        {
            profile.ConsoleLogins = index.ConsoleActivityOf(user).Where(e => e.EventName == "ConsoleLogin").Select(EvidenceEvent.From).ToList();
        }

        return profile;
    }

    /// <summary>True when <paramref name="ev"/> created or issued <paramref name="accessKeyId"/>.</summary>
    internal static bool CreatesKey(CloudTrailEvent ev, string accessKeyId) =>
        CloudTrailFacts.Succeeded(ev) &&
        ev.EventName is "CreateAccessKey" or "AssumeRole" or "AssumeRoleWithSAML" or "AssumeRoleWithWebIdentity" or "GetSessionToken" or "GetFederationToken" &&
        (CloudTrailFacts.Response(ev, "accessKey.accessKeyId") == accessKeyId || CloudTrailFacts.Response(ev, "credentials.accessKeyId") == accessKeyId);

    private static KeyOwner OwnerOf(IReadOnlyList<CloudTrailEvent> events)
    {
        // The most complete identity wins: some records (console, service-invoked) carry fewer fields.
        var identity = events.Select(e => e.UserIdentity).Where(i => i is not null).OrderByDescending(i => (i!.Arn is null ? 0 : 2) + (i.UserName is null ? 0 : 1)).First()!;
        var role = identity.SessionContext?.SessionIssuer is { Type: "Role" } issuer ? issuer.UserName ?? CloudTrailFacts.LastSegment(issuer.Arn) : null;
        var userName = identity.Type == "IAMUser" ? identity.UserName
            : identity.Type == "FederatedUser" ? identity.SessionContext?.SessionIssuer?.UserName
            : null;
        return new KeyOwner(identity.Type, identity.DisplayName, identity.Arn, identity.AccountId, userName, role);
    }

    private static bool AppliesTo(ContainmentAction action, string accessKeyId, KeyOwner? owner)
    {
        if (action.AccessKeyId is not null)
        {
            return action.AccessKeyId == accessKeyId;
        }

        return owner is not null && action.PrincipalName is { } name &&
               ((action.PrincipalType == "user" && name == owner.UserName) || (action.PrincipalType == "role" && name == owner.RoleName));
    }

    private static ActivityCounts Count(IEnumerable<CloudTrailEvent> events)
    {
        int total = 0, ok = 0, failed = 0, denied = 0;
        DateTimeOffset? first = null, last = null;
        var ips = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ev in events)
        {
            total++;
            if (CloudTrailFacts.Succeeded(ev))
            {
                ok++;
            }
            else
            {
                failed++;
                if (CloudTrailFacts.IsAccessDenied(ev.ErrorCode))
                {
                    denied++;
                }
            }

            first ??= ev.EventTime;
            last = ev.EventTime;
            if (ev.SourceIPAddress is { } ip && seen.Add(ip))
            {
                ips.Add(ip);
            }
        }

        return total == 0 ? ActivityCounts.Empty : new ActivityCounts(total, ok, failed, denied, first, last, ips);
    }

    private static List<UsageCount> Usage(IReadOnlyList<CloudTrailEvent> events, Func<CloudTrailEvent, string?> value, bool byFirstSeen)
    {
        var map = new Dictionary<string, (int Count, int Errors, DateTimeOffset First, DateTimeOffset Last, int Order)>(StringComparer.Ordinal);
        foreach (var ev in events)
        {
            if (value(ev) is not { } v)
            {
                continue;
            }

            var error = CloudTrailFacts.Succeeded(ev) ? 0 : 1;
            map[v] = map.TryGetValue(v, out var c)
                ? (c.Count + 1, c.Errors + error, c.First, ev.EventTime, c.Order)
                : (1, error, ev.EventTime, ev.EventTime, map.Count);
        }

        var rows = map.Select(kv => (kv.Value.Order, Row: new UsageCount(kv.Key, kv.Value.Count, kv.Value.Errors, kv.Value.First, kv.Value.Last)));
        return byFirstSeen
            ? rows.OrderBy(r => r.Order).Select(r => r.Row).ToList()
            : rows.OrderByDescending(r => r.Row.Count).ThenBy(r => r.Row.Value, StringComparer.Ordinal).Select(r => r.Row).ToList();
    }
}
