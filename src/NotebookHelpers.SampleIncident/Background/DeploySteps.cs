using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>The calls of one container deployment: push the image to ECR, register a task definition, roll ECS.</summary>
internal static class DeploySteps
{
    public static DateTimeOffset Deploy(RecordFactory f, Identity identity, DateTimeOffset start, string account, string ip,
        Func<string, string> userAgent, int revision, IEventCollector collector, bool tagDenied = false)
    {
        var region = Regions.EuWest1;
        var repository = "orders-api";
        var t = start;
        collector.Add(f.Call(t, identity, "sts", "GetCallerIdentity", region, ip, userAgent("sts.get-caller-identity"), true));
        t = t.AddSeconds(f.Random.Between(1, 4));
        collector.Add(f.Call(t, identity, "ecr", "GetAuthorizationToken", region, ip, userAgent("ecr.get-login-password"), true,
            tlsHost: $"api.ecr.{region}.amazonaws.com"));
        var layers = f.Random.Between(2, 5);
        t = t.AddSeconds(f.Random.Between(5, 20));
        collector.Add(f.Call(t, identity, "ecr", "BatchCheckLayerAvailability", region, ip, "docker/27.5.1 go/go1.22.11", true,
            new JsonMap { { "repositoryName", repository }, { "layerDigests", Enumerable.Range(0, layers).Select(_ => (object?)("sha256:" + f.Random.Hex(64))).ToArray() } },
            tlsHost: $"{account}.dkr.ecr.{region}.amazonaws.com"));
        for (var i = 0; i < layers - 1; i++)
        {
            t = t.AddSeconds(f.Random.Between(2, 15));
            collector.Add(f.Call(t, identity, "ecr", "InitiateLayerUpload", region, ip, "docker/27.5.1 go/go1.22.11", false,
                new JsonMap { { "repositoryName", repository } }, new JsonMap { { "uploadId", f.Random.Uuid() }, { "partSize", 10485760 } },
                tlsHost: $"{account}.dkr.ecr.{region}.amazonaws.com"));
        }

        var digest = "sha256:" + f.Random.Hex(64);
        t = t.AddSeconds(f.Random.Between(5, 30));
        collector.Add(f.Call(t, identity, "ecr", "PutImage", region, ip, "docker/27.5.1 go/go1.22.11", false,
            new JsonMap { { "repositoryName", repository }, { "imageTag", "build-" + revision.ToString(System.Globalization.CultureInfo.InvariantCulture) }, { "imageManifestMediaType", "application/vnd.oci.image.manifest.v1+json" } },
            new JsonMap { { "image", new JsonMap { { "registryId", account }, { "repositoryName", repository }, { "imageId", new JsonMap { { "imageDigest", digest }, { "imageTag", "build-" + revision.ToString(System.Globalization.CultureInfo.InvariantCulture) } } } } } },
            tlsHost: $"{account}.dkr.ecr.{region}.amazonaws.com"));
        t = t.AddSeconds(f.Random.Between(2, 6));
        var family = $"arn:aws:ecs:{region}:{account}:task-definition/orders-api:{revision}";
        collector.Add(f.Call(t, identity, "ecs", "RegisterTaskDefinition", region, ip, userAgent("ecs.register-task-definition"), false,
            new JsonMap
            {
                { "family", "orders-api" },
                { "taskRoleArn", $"arn:aws:iam::{account}:role/orders-api-task-role" },
                { "networkMode", "awsvpc" },
                { "containerDefinitions", new object?[] { new JsonMap { { "name", "orders-api" }, { "image", $"{account}.dkr.ecr.{region}.amazonaws.com/{repository}@{digest}" }, { "cpu", 512 }, { "memory", 1024 }, { "essential", true } } } },
                { "requiresCompatibilities", new object?[] { "FARGATE" } },
                { "cpu", "512" },
                { "memory", "1024" },
            },
            new JsonMap { { "taskDefinition", new JsonMap { { "taskDefinitionArn", family }, { "family", "orders-api" }, { "revision", revision }, { "status", "ACTIVE" } } } }));
        if (tagDenied)
        {
            t = t.AddSeconds(1);
            collector.Add(f.Call(t, identity, "ecs", "TagResource", region, ip, userAgent("ecs.tag-resource"), false,
                new JsonMap { { "resourceArn", family }, { "tags", new object?[] { new JsonMap { { "key", "cost-center" }, { "value", "orders" } } } } },
                errorCode: "AccessDeniedException",
                errorMessage: $"User: arn:aws:iam::{account}:user/{Cast.CiUser} is not authorized to perform: ecs:TagResource on resource: {family} because no identity-based policy allows the ecs:TagResource action"));
        }

        t = t.AddSeconds(f.Random.Between(2, 6));
        collector.Add(f.Call(t, identity, "ecs", "UpdateService", region, ip, userAgent("ecs.update-service"), false,
            new JsonMap { { "cluster", "orders" }, { "service", "orders-api" }, { "taskDefinition", family }, { "forceNewDeployment", false } },
            new JsonMap { { "service", new JsonMap { { "serviceName", "orders-api" }, { "taskDefinition", family }, { "status", "ACTIVE" } } } }));
        for (var poll = f.Random.Between(3, 8); poll > 0; poll--)
        {
            t = t.AddSeconds(15);
            collector.Add(f.Call(t, identity, "ecs", "DescribeServices", region, ip, userAgent("ecs.wait.services-stable"), true,
                new JsonMap { { "cluster", "orders" }, { "services", new object?[] { "orders-api" } } }));
        }

        return t;
    }
}
