using System.Text.Json;
using NotebookHelpers.Detections;
using NotebookHelpers.Detections.Rules;
using NotebookHelpers.Events;

namespace NotebookHelpers.Investigation;

/// <summary>
/// Follows an access key through the evidence: every successful call that creates a principal, credentials or a
/// resource adds a node and an edge, and every new key, session, console login or backdoored role is followed in
/// turn. Works on the index's time-ordered events, so the graph is the same whatever the source's order.
/// </summary>
public static class BlastRadiusBuilder
{
    /// <summary>The blast radius of <paramref name="accessKeyId"/> in <paramref name="events"/> (any order).</summary>
    public static BlastRadiusGraph Build(IEnumerable<CloudTrailEvent> events, string accessKeyId) => Build(new EventIndex(events), accessKeyId);

    /// <summary>The blast radius of <paramref name="accessKeyId"/> from an index built once.</summary>
    public static BlastRadiusGraph Build(EventIndex index, string accessKeyId)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        var walk = new Walk(index);
        var root = walk.KeyNode(accessKeyId.Trim(), null);
        walk.Follow(root, index.ByAccessKey(accessKeyId.Trim()));
        walk.Run();
        return new BlastRadiusGraph(root.Id, walk.Nodes, walk.Edges);
    }

    private sealed class Walk(EventIndex index)
    {
        private readonly Dictionary<string, BlastRadiusNode> _nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string, BlastRadiusEdgeKind, string), BlastRadiusEdge> _edges = [];
        private readonly Queue<(BlastRadiusNode Node, IReadOnlyList<CloudTrailEvent> Events)> _queue = new();
        private readonly HashSet<string> _followed = new(StringComparer.Ordinal);
        private readonly HashSet<string> _rolesFollowed = new(StringComparer.Ordinal);

        public List<BlastRadiusNode> Nodes { get; } = [];

        public List<BlastRadiusEdge> Edges { get; } = [];

        public void Follow(BlastRadiusNode node, IReadOnlyList<CloudTrailEvent> events)
        {
            if (_followed.Add(node.Id))
            {
                _queue.Enqueue((node, events));
            }
        }

        public void Run()
        {
            while (_queue.TryDequeue(out var item))
            {
                item.Node.Activity = Activity(item.Events);
                item.Node.TopCalls = item.Events.Where(e => e.EventName is not null).GroupBy(e => e.EventName!, StringComparer.Ordinal)
                    .Select(g => new UsageCount(g.Key, g.Count(), g.Count(e => !CloudTrailFacts.Succeeded(e)), g.First().EventTime, g.Last().EventTime))
                    .OrderByDescending(u => u.Count).ThenBy(u => u.Value, StringComparer.Ordinal).Take(5).ToList();
                foreach (var ev in item.Events)
                {
                    if (CloudTrailFacts.Succeeded(ev))
                    {
                        Spawn(item.Node, ev);
                    }
                }
            }
        }

        public BlastRadiusNode KeyNode(string accessKeyId, string? owner)
        {
            var kind = CloudTrailFacts.KeyKind(accessKeyId) == AccessKeyKind.Temporary ? BlastRadiusNodeKind.Session : BlastRadiusNodeKind.AccessKey;
            var node = Node("key:" + accessKeyId, kind, owner is null ? accessKeyId : $"{accessKeyId} ({owner})");
            if (owner is not null && node.Label == accessKeyId)
            {
                node.Label = $"{accessKeyId} ({owner})";
            }

            return node;
        }

        private void Spawn(BlastRadiusNode actor, CloudTrailEvent ev)
        {
            var name = ev.EventName;
            switch (name)
            {
                case "CreateUser" when CloudTrailFacts.Request(ev, "userName") is { } user:
                    Edge(actor, Node("user:" + user, BlastRadiusNodeKind.User, user), BlastRadiusEdgeKind.Created, "created user", ev);
                    return;
                case "CreateAccessKey" when CloudTrailFacts.Response(ev, "accessKey.accessKeyId") is { } key:
                {
                    var user = CloudTrailFacts.Request(ev, "userName") ?? CloudTrailFacts.Response(ev, "accessKey.userName") ?? CloudTrailFacts.CallerName(ev.UserIdentity) ?? "root";
                    var keyNode = KeyNode(key, "user " + user);
                    Edge(actor, keyNode, BlastRadiusEdgeKind.Created, "created access key", ev);
                    Edge(Node("user:" + user, BlastRadiusNodeKind.User, user), keyNode, BlastRadiusEdgeKind.Owns, "owns key", ev);
                    Follow(keyNode, index.ByAccessKey(key));
                    return;
                }

                case "CreateLoginProfile" or "UpdateLoginProfile" when CloudTrailFacts.Request(ev, "userName") is { } user:
                {
                    var login = Node("login:" + user, BlastRadiusNodeKind.LoginProfile, "console password of " + user);
                    Edge(actor, login, BlastRadiusEdgeKind.Created, name == "CreateLoginProfile" ? "created console password" : "reset console password", ev);
                    Edge(Node("user:" + user, BlastRadiusNodeKind.User, user), login, BlastRadiusEdgeKind.Owns, "owns console password", ev);
                    var activity = index.ConsoleActivityOf(user).Where(e => e.EventTime >= ev.EventTime).ToList();
                    var logins = activity.Where(e => e.EventName == "ConsoleLogin" && e.GetString("responseElements.ConsoleLogin") == "Success").ToList();
                    if (logins.Count > 0)
                    {
                        var console = Node("console:" + user, BlastRadiusNodeKind.ConsoleSession, "console sessions of " + user);
                        foreach (var l in logins)
                        {
                            Edge(login, console, BlastRadiusEdgeKind.SignedIn, "signed in", l);
                        }

                        Follow(console, activity);
                    }

                    return;
                }

                case "CreateRole" when CloudTrailFacts.Request(ev, "roleName") is { } role:
                    FollowRole(Edge(actor, Node("role:" + role, BlastRadiusNodeKind.Role, role), BlastRadiusEdgeKind.Created, "created role", ev), role, ev);
                    return;
                case "UpdateAssumeRolePolicy" when CloudTrailFacts.Request(ev, "roleName") is { } role:
                    FollowRole(Edge(actor, Node("role:" + role, BlastRadiusNodeKind.Role, role), BlastRadiusEdgeKind.TrustChanged, "changed trust policy", ev), role, ev);
                    return;
                case "AttachUserPolicy" or "AttachRolePolicy" or "AttachGroupPolicy" or "PutUserPolicy" or "PutRolePolicy" or "PutGroupPolicy":
                    Grant(actor, ev);
                    return;
                case "AddUserToGroup" when CloudTrailFacts.Request(ev, "groupName") is { } group:
                    Edge(actor, Node("group:" + group, BlastRadiusNodeKind.Group, group), BlastRadiusEdgeKind.AddedToGroup,
                        $"added user {CloudTrailFacts.Request(ev, "userName")} to group", ev);
                    return;
                case "AssumeRole" or "GetSessionToken" or "GetFederationToken" when CloudTrailFacts.Response(ev, "credentials.accessKeyId") is { } session:
                {
                    var label = name == "AssumeRole"
                        ? $"{CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "roleArn"))}/{CloudTrailFacts.Request(ev, "roleSessionName")}"
                        : name == "GetFederationToken" ? "federated user " + CloudTrailFacts.Request(ev, "name") : "session token";
                    var node = KeyNode(session, label);
                    Edge(actor, node, name == "AssumeRole" ? BlastRadiusEdgeKind.Assumed : BlastRadiusEdgeKind.Issued,
                        name == "AssumeRole" ? "assumed role" : name == "GetFederationToken" ? "got federation token" : "got session token", ev);
                    Follow(node, index.ByAccessKey(session));
                    return;
                }
            }

            Resource(actor, ev);
        }

        private void FollowRole(BlastRadiusEdge edge, string role, CloudTrailEvent since)
        {
            if (!_rolesFollowed.Add(role))
            {
                return;
            }

            var roleNode = _nodes[edge.To];
            foreach (var assume in index.AssumeRoleOf(role).Where(e => e.EventTime >= since.EventTime && CloudTrailFacts.Succeeded(e)))
            {
                if (CloudTrailFacts.Response(assume, "credentials.accessKeyId") is not { } session)
                {
                    continue;
                }

                var node = KeyNode(session, $"{role}/{CloudTrailFacts.Request(assume, "roleSessionName")}");
                Edge(roleNode, node, BlastRadiusEdgeKind.Assumed, $"assumed by {(assume.UserIdentity?.Type == "AWSAccount" ? "account " + assume.UserIdentity.AccountId : assume.UserIdentity?.DisplayName ?? "unknown")}", assume);
                Follow(node, index.ByAccessKey(session));
            }
        }

        private void Grant(BlastRadiusNode actor, CloudTrailEvent ev)
        {
            if (QuarantinePolicyRule.IsQuarantine(ev) || IamPolicyDocument.TryParse(CloudTrailFacts.Request(ev, "policyDocument")) is { IsDenyOnly: true })
            {
                return;
            }

            var (kind, target) = AdminPolicyAttachedRule.Target(ev);
            if (target is null)
            {
                return;
            }

            var nodeKind = kind switch { "user" => BlastRadiusNodeKind.User, "role" => BlastRadiusNodeKind.Role, _ => BlastRadiusNodeKind.Group };
            var policy = CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "policyArn")) ?? "inline " + CloudTrailFacts.Request(ev, "policyName");
            Edge(actor, Node($"{kind}:{target}", nodeKind, target), BlastRadiusEdgeKind.Granted, "granted " + policy, ev);
        }

        private void Resource(BlastRadiusNode actor, CloudTrailEvent ev)
        {
            switch (ev.EventName)
            {
                case "RunInstances":
                    if (ev.GetField("responseElements.instancesSet.items") is { ValueKind: JsonValueKind.Array } items)
                    {
                        foreach (var item in items.EnumerateArray())
                        {
                            if (item.TryGetProperty("instanceId", out var id) && id.GetString() is { } instance)
                            {
                                Edge(actor, Node("instance:" + instance, BlastRadiusNodeKind.Resource,
                                    $"instance {instance} ({CloudTrailFacts.InstanceType(ev)}, {ev.AwsRegion})"), BlastRadiusEdgeKind.Created, "launched", ev);
                            }
                        }
                    }

                    return;
                case "ModifySnapshotAttribute" or "ModifyImageAttribute" or "ModifyDBSnapshotAttribute" or "ModifyDBClusterSnapshotAttribute":
                    if (new SnapshotSharedRule().Match(ev) is { } shared)
                    {
                        var id = CloudTrailFacts.Request(ev, "snapshotId") ?? CloudTrailFacts.Request(ev, "imageId") ??
                                 CloudTrailFacts.Request(ev, "dBSnapshotIdentifier") ?? CloudTrailFacts.Request(ev, "dBClusterSnapshotIdentifier");
                        Edge(actor, Node("resource:" + id, BlastRadiusNodeKind.Resource, $"{id} ({ev.AwsRegion})"), BlastRadiusEdgeKind.Shared, shared.Summary, ev);
                    }

                    return;
            }

            if (ev.EventName is { } name && CreatedResources.TryGetValue(name, out var created) && created.Id(ev) is { } resource)
            {
                Edge(actor, Node($"{created.Kind}:{resource}", BlastRadiusNodeKind.Resource, $"{created.Kind} {resource} ({ev.AwsRegion})"), BlastRadiusEdgeKind.Created, "created " + created.Kind, ev);
            }
            else if (ev.EventName is { } changed && ChangedResources.TryGetValue(changed, out var modified) && modified.Id(ev) is { } target)
            {
                Edge(actor, Node($"{modified.Kind}:{target}", BlastRadiusNodeKind.Resource, $"{modified.Kind} {target}"), BlastRadiusEdgeKind.Modified, modified.Verb, ev);
            }
        }

        private BlastRadiusNode Node(string id, BlastRadiusNodeKind kind, string label)
        {
            if (!_nodes.TryGetValue(id, out var node))
            {
                _nodes[id] = node = new BlastRadiusNode(id, kind, label);
                Nodes.Add(node);
            }

            return node;
        }

        private BlastRadiusEdge Edge(BlastRadiusNode from, BlastRadiusNode to, BlastRadiusEdgeKind kind, string label, CloudTrailEvent ev)
        {
            var key = (from.Id, to.Id, kind, label);
            if (!_edges.TryGetValue(key, out var edge))
            {
                _edges[key] = edge = new BlastRadiusEdge(from.Id, to.Id, kind, label);
                Edges.Add(edge);
            }

            edge.Add(EvidenceEvent.From(ev));
            return edge;
        }

        private static ActivityCounts Activity(IReadOnlyList<CloudTrailEvent> events)
        {
            if (events.Count == 0)
            {
                return ActivityCounts.Empty;
            }

            var failed = events.Count(e => !CloudTrailFacts.Succeeded(e));
            return new ActivityCounts(events.Count, events.Count - failed, failed, events.Count(e => CloudTrailFacts.IsAccessDenied(e.ErrorCode)),
                events[0].EventTime, events[^1].EventTime,
                events.Select(e => e.SourceIPAddress).Where(ip => ip is not null).Select(ip => ip!).Distinct(StringComparer.Ordinal).ToList());
        }
    }

    private static readonly Dictionary<string, (string Kind, Func<CloudTrailEvent, string?> Id)> CreatedResources = new(StringComparer.Ordinal)
    {
        ["CreateKeyPair"] = ("key pair", e => CloudTrailFacts.Request(e, "keyName")),
        ["ImportKeyPair"] = ("key pair", e => CloudTrailFacts.Request(e, "keyName")),
        ["CreateBucket"] = ("bucket", e => CloudTrailFacts.Request(e, "bucketName")),
        ["CreateFunction20150331"] = ("function", e => CloudTrailFacts.Request(e, "functionName")),
        ["CreateFunction"] = ("function", e => CloudTrailFacts.Request(e, "functionName")),
        ["CreateSecurityGroup"] = ("security group", e => CloudTrailFacts.Response(e, "groupId") ?? CloudTrailFacts.Request(e, "groupName")),
        ["CreateSnapshot"] = ("snapshot", e => CloudTrailFacts.Response(e, "snapshotId")),
        ["CreateImage"] = ("image", e => CloudTrailFacts.Response(e, "imageId")),
        ["CreateTrustAnchor"] = ("trust anchor", e => CloudTrailFacts.Request(e, "name")),
        ["CreateProfile"] = ("roles anywhere profile", e => e.EventSource == "rolesanywhere.amazonaws.com" ? CloudTrailFacts.Request(e, "name") : null),
        ["CreatePolicy"] = ("policy", e => CloudTrailFacts.Request(e, "policyName")),
        ["CreateVirtualMFADevice"] = ("MFA device", e => CloudTrailFacts.Request(e, "virtualMFADeviceName")),
        ["CreateInstanceProfile"] = ("instance profile", e => CloudTrailFacts.Request(e, "instanceProfileName")),
        ["CreateLaunchTemplate"] = ("launch template", e => CloudTrailFacts.Request(e, "CreateLaunchTemplateRequest.LaunchTemplateName") ?? CloudTrailFacts.Request(e, "launchTemplateName")),
        ["RequestSpotInstances"] = ("spot request", e => e.EventID),
        ["CreateSecret"] = ("secret", e => CloudTrailFacts.Request(e, "name")),
    };

    private static readonly Dictionary<string, (string Kind, string Verb, Func<CloudTrailEvent, string?> Id)> ChangedResources = new(StringComparer.Ordinal)
    {
        ["StopLogging"] = ("trail", "stopped logging", e => CloudTrailFacts.LastSegment(CloudTrailFacts.Request(e, "name"))),
        ["DeleteTrail"] = ("trail", "deleted", e => CloudTrailFacts.LastSegment(CloudTrailFacts.Request(e, "name"))),
        ["UpdateTrail"] = ("trail", "changed", e => CloudTrailFacts.LastSegment(CloudTrailFacts.Request(e, "name"))),
        ["PutEventSelectors"] = ("trail", "changed event selectors of", e => CloudTrailFacts.LastSegment(CloudTrailFacts.Request(e, "trailName"))),
        ["DeleteDetector"] = ("GuardDuty detector", "deleted", e => CloudTrailFacts.Request(e, "detectorId")),
        ["UpdateDetector"] = ("GuardDuty detector", "changed", e => CloudTrailFacts.Request(e, "detectorId")),
        ["DeleteFlowLogs"] = ("flow log", "deleted", e => e.GetString("requestParameters.DeleteFlowLogsRequest.FlowLogId.content")),
        ["StopConfigurationRecorder"] = ("config recorder", "stopped", e => CloudTrailFacts.Request(e, "configurationRecorderName")),
        ["DeleteResolverQueryLogConfig"] = ("DNS query log", "deleted", e => CloudTrailFacts.Request(e, "resolverQueryLogConfigId")),
        ["PutBucketPolicy"] = ("bucket", "changed policy of", e => CloudTrailFacts.Request(e, "bucketName")),
        ["PutBucketAcl"] = ("bucket", "changed ACL of", e => CloudTrailFacts.Request(e, "bucketName")),
        ["DeleteAccountPublicAccessBlock"] = ("account", "removed public access block of", e => e.RecipientAccountId),
        ["ModifyInstanceAttribute"] = ("instance", "changed", e => CloudTrailFacts.Request(e, "instanceId")),
        ["AuthorizeSecurityGroupIngress"] = ("security group", "opened", e => CloudTrailFacts.Request(e, "groupId")),
        ["UpdateFunctionCode20150331v2"] = ("function", "replaced code of", e => CloudTrailFacts.Request(e, "functionName")),
        ["AddPermission20150331v2"] = ("function", "changed permissions of", e => CloudTrailFacts.Request(e, "functionName")),
        ["LeaveOrganization"] = ("account", "left organization:", e => e.RecipientAccountId),
    };
}
