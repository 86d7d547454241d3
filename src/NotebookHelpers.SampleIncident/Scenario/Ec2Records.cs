using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Scenario;

/// <summary>EC2 request and response blocks in the shape EC2 writes them (<c>instancesSet.items</c> and so on).</summary>
internal static class Ec2Records
{
    public static JsonMap RunInstancesRequest(string imageId, string instanceType, int count, string clientToken, string? keyName = null,
        string? securityGroupId = null, bool dryRun = false)
    {
        var request = new JsonMap
        {
            { "instancesSet", new JsonMap { { "items", new object?[] { new JsonMap { { "imageId", imageId }, { "minCount", count }, { "maxCount", count } } } } } },
        };
        if (keyName is not null)
        {
            request.Add("keyName", keyName);
        }

        request.Add("userData", "<sensitiveDataRemoved>");
        request.Add("instanceType", instanceType);
        request.Add("blockDeviceMapping", new JsonMap
        {
            {
                "items", new object?[]
                {
                    new JsonMap { { "deviceName", "/dev/sda1" }, { "ebs", new JsonMap { { "volumeSize", 200 }, { "deleteOnTermination", true }, { "volumeType", "gp3" } } } },
                }
            },
        });
        request.Add("monitoring", new JsonMap { { "enabled", false } });
        request.Add("disableApiTermination", false);
        request.Add("disableApiStop", false);
        request.Add("clientToken", clientToken);
        if (securityGroupId is not null)
        {
            request.Add("groupSet", new JsonMap { { "items", new object?[] { new JsonMap { { "groupId", securityGroupId } } } } });
        }

        if (dryRun)
        {
            request.Add("dryRun", true);
        }

        return request;
    }

    public static JsonMap RunInstancesResponse(RecordFactory f, DateTimeOffset time, string account, string region, string instanceType,
        IReadOnlyList<string> instanceIds, string imageId, string clientToken, string? keyName = null, string? securityGroupId = null)
    {
        var vpc = "vpc-0" + StableId.Hex("vpc" + account + region, 16);
        var subnet = "subnet-0" + StableId.Hex("subnet" + account + region, 16);
        var group = securityGroupId ?? "sg-0" + StableId.Hex("sg-default" + account + region, 16);
        var items = new List<object?>();
        for (var i = 0; i < instanceIds.Count; i++)
        {
            var ip = $"172.31.{f.Random.Between(0, 47)}.{f.Random.Between(4, 250)}";
            var item = new JsonMap
            {
                { "instanceId", instanceIds[i] },
                { "imageId", imageId },
                { "currentInstanceBootMode", "uefi" },
                { "instanceState", new JsonMap { { "code", 0 }, { "name", "pending" } } },
                { "privateDnsName", $"ip-{ip.Replace('.', '-')}.{(region == Regions.UsEast1 ? "ec2.internal" : region + ".compute.internal")}" },
            };
            if (keyName is not null)
            {
                item.Add("keyName", keyName);
            }

            item.Add("amiLaunchIndex", i);
            item.Add("productCodes", new JsonMap());
            item.Add("instanceType", instanceType);
            item.Add("launchTime", Timestamps.EpochMilliseconds(time));
            item.Add("placement", new JsonMap { { "availabilityZone", region + "a" }, { "tenancy", "default" } });
            item.Add("monitoring", new JsonMap { { "state", "disabled" } });
            item.Add("subnetId", subnet);
            item.Add("vpcId", vpc);
            item.Add("privateIpAddress", ip);
            item.Add("stateReason", new JsonMap { { "code", "pending" }, { "message", "pending" } });
            item.Add("architecture", "x86_64");
            item.Add("rootDeviceType", "ebs");
            item.Add("rootDeviceName", "/dev/sda1");
            item.Add("blockDeviceMapping", new JsonMap());
            item.Add("virtualizationType", "hvm");
            item.Add("hypervisor", "xen");
            item.Add("clientToken", clientToken);
            item.Add("groupSet", new JsonMap { { "items", new object?[] { new JsonMap { { "groupId", group } } } } });
            item.Add("sourceDestCheck", true);
            item.Add("ebsOptimized", false);
            item.Add("enaSupport", true);
            item.Add("cpuOptions", new JsonMap { { "coreCount", 2 }, { "threadsPerCore", 2 } });
            item.Add("capacityReservationSpecification", new JsonMap { { "capacityReservationPreference", "open" } });
            item.Add("metadataOptions", new JsonMap { { "state", "pending" }, { "httpTokens", "required" }, { "httpPutResponseHopLimit", 2 }, { "httpEndpoint", "enabled" } });
            items.Add(item);
        }

        return new JsonMap
        {
            { "requestId", f.Random.Uuid() },
            { "reservationId", "r-0" + f.Random.Hex(16) },
            { "ownerId", account },
            { "groupSet", new JsonMap() },
            { "instancesSet", new JsonMap { { "items", items.ToArray() } } },
        };
    }
}
