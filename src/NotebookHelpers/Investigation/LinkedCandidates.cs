using System.Net;

namespace NotebookHelpers.Investigation;

/// <summary>
/// Which other suggested keys belong to the same incident as the top one: the same principal, or calls from one of
/// the same addresses. A report on the top key alone would leave their blast radius out (two stolen keys worked from
/// one VPS, a user's console session beside its access key).
/// </summary>
public static class LinkedCandidates
{
    /// <summary>At most this many keys join the top one, so a busy shared address cannot pull in the whole account.</summary>
    public const int MaxLinked = 3;

    /// <summary>
    /// The suggestions after the first that share its principal or a source IP address, in rank order, each with why
    /// it is linked; <paramref name="profile"/> profiles a key (only its owner and addresses are compared, so no
    /// blast radius is built for a key that turns out not to be linked; the top key's profile supplies the principal
    /// and addresses).
    /// </summary>
    public static IReadOnlyList<(KeySuggestion Suggestion, string Link)> Find(KeyInvestigation top, IReadOnlyList<KeySuggestion> suggestions,
        Func<string, AccessKeyProfile> profile)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(suggestions);
        ArgumentNullException.ThrowIfNull(profile);
        var principal = top.Profile.Owner?.Arn;
        var addresses = Addresses(top.Profile);
        var linked = new List<(KeySuggestion, string)>();
        foreach (var s in suggestions.Where(s => !s.AccessKeyId.Equals(top.AccessKeyId, StringComparison.Ordinal)))
        {
            if (linked.Count == MaxLinked)
            {
                break;
            }

            var candidate = profile(s.AccessKeyId);
            if (principal is not null && principal.Equals(candidate.Owner?.Arn, StringComparison.Ordinal))
            {
                linked.Add((s, $"same principal as {top.AccessKeyId} ({principal})"));
            }
            else if (Addresses(candidate).Intersect(addresses, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } shared)
            {
                linked.Add((s, $"used from the same address(es) as {top.AccessKeyId}: {string.Join(", ", shared.Take(3))}"));
            }
        }

        return linked;
    }

    // Only real addresses link keys: AWS services ("ec2.amazonaws.com", "AWS Internal") call for every principal.
    private static HashSet<string> Addresses(AccessKeyProfile profile) =>
        profile.SourceIPs.Select(u => u.Value).Where(v => IPAddress.TryParse(v, out _)).ToHashSet(StringComparer.Ordinal);
}
