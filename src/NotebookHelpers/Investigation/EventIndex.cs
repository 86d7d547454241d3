using NotebookHelpers.Detections;
using NotebookHelpers.Events;

namespace NotebookHelpers.Investigation;

/// <summary>
/// The evidence in <see cref="EventTimeOrder"/>, indexed for investigation: events per access key, role assumptions
/// per role, console activity per IAM user. Built once; the key profile and the blast radius read it.
/// </summary>
public sealed class EventIndex
{
    private readonly Dictionary<string, List<CloudTrailEvent>> _byKey = new(StringComparer.Ordinal);
    private readonly List<string> _keyOrder = [];
    private readonly Dictionary<string, List<CloudTrailEvent>> _assumeRoleByRole = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CloudTrailEvent>> _consoleByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CloudTrailEvent>> _byIamUser = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="events"/> (any order; they are sorted).</summary>
    public EventIndex(IEnumerable<CloudTrailEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Events = EventTimeOrder.Sort(events);
        foreach (var ev in Events)
        {
            var identity = ev.UserIdentity;
            if (identity?.AccessKeyId is { Length: > 0 } key)
            {
                if (!_byKey.ContainsKey(key))
                {
                    _keyOrder.Add(key);
                }

                Add(_byKey, key, ev);
            }

            if (identity is { Type: "IAMUser", UserName: { } user })
            {
                Add(_byIamUser, user, ev);
                if (ev.EventName == "ConsoleLogin" || CloudTrailFacts.IsConsoleSession(ev))
                {
                    Add(_consoleByUser, user, ev);
                }
            }

            if (ev.EventName == "AssumeRole" && CloudTrailFacts.Request(ev, "roleArn") is { } roleArn && CloudTrailFacts.LastSegment(roleArn) is { } role)
            {
                Add(_assumeRoleByRole, role, ev);
            }
        }
    }

    /// <summary>Every event, in time order.</summary>
    public IReadOnlyList<CloudTrailEvent> Events { get; }

    /// <summary>Distinct access key ids, in order of first use.</summary>
    public IReadOnlyList<string> AccessKeys => _keyOrder;

    /// <summary>Events signed by <paramref name="accessKeyId"/>, in time order (empty when none).</summary>
    public IReadOnlyList<CloudTrailEvent> ByAccessKey(string accessKeyId) => _byKey.GetValueOrDefault(accessKeyId) ?? [];

    /// <summary>AssumeRole calls for the role named <paramref name="roleName"/> (by anyone), in time order.</summary>
    public IReadOnlyList<CloudTrailEvent> AssumeRoleOf(string roleName) => _assumeRoleByRole.GetValueOrDefault(roleName) ?? [];

    /// <summary>ConsoleLogin and console-session events of the IAM user <paramref name="userName"/>, in time order.</summary>
    public IReadOnlyList<CloudTrailEvent> ConsoleActivityOf(string userName) => _consoleByUser.GetValueOrDefault(userName) ?? [];

    /// <summary>Every event made as the IAM user <paramref name="userName"/>, in time order.</summary>
    public IReadOnlyList<CloudTrailEvent> ByIamUser(string userName) => _byIamUser.GetValueOrDefault(userName) ?? [];

    private static void Add(Dictionary<string, List<CloudTrailEvent>> map, string key, CloudTrailEvent ev)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(ev);
    }
}
