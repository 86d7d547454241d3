using System.Globalization;
using System.Text;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>EC2 for the fake server (EC2 Query protocol, XML as the EC2 API reference shows): regions and instances.</summary>
public sealed class FakeEc2(IReadOnlyList<string> regions, IReadOnlyDictionary<string, (string Id, string Type, string Launched, string? Key, string? Profile)[]> instances)
{
    /// <summary>Regions answering UnauthorizedOperation.</summary>
    public HashSet<string> Denied { get; } = [];

    /// <summary>Answers one EC2 request.</summary>
    public FakeResponse Handle(RecordedRequest request)
    {
        if (Denied.Contains(request.Region))
        {
            return new FakeResponse(403, "text/xml", Encoding.UTF8.GetBytes(
                "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>req-ec2</RequestID></Response>"));
        }

        switch (request.Operation)
        {
            case "DescribeRegions":
                return FakeResponse.Xml(
                    """<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-regions</requestId><regionInfo>"""
                    + string.Concat(regions.Select(r => $"<item><regionName>{r}</regionName><regionEndpoint>ec2.{r}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>"))
                    + "</regionInfo></DescribeRegionsResponse>");
            case "DescribeInstances":
            {
                var all = instances.GetValueOrDefault(request.Region, []);
                var page = request.Form.TryGetValue("NextToken", out var token) ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
                var slice = all.Skip(page).Take(1).ToList();
                var next = page + 1 < all.Length ? $"<nextToken>{page + 1}</nextToken>" : "";
                var items = string.Concat(slice.Select(i =>
                    $"<item><reservationId>r-{i.Id}</reservationId><ownerId>111122223333</ownerId><instancesSet><item><instanceId>{i.Id}</instanceId><imageId>ami-0abcdef1234567890</imageId>"
                    + "<instanceState><code>16</code><name>running</name></instanceState>"
                    + (i.Key is null ? "" : $"<keyName>{i.Key}</keyName>")
                    + $"<instanceType>{i.Type}</instanceType><launchTime>{i.Launched}</launchTime><ipAddress>203.0.113.9</ipAddress>"
                    + (i.Profile is null ? "" : $"<iamInstanceProfile><arn>{i.Profile}</arn><id>AIPAEXAMPLE</id></iamInstanceProfile>")
                    + "</item></instancesSet></item>"));
                return FakeResponse.Xml(
                    $"""<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-inst</requestId><reservationSet>{items}</reservationSet>{next}</DescribeInstancesResponse>""");
            }

            default:
                return FakeResponse.QueryError("InvalidAction", request.Operation);
        }
    }
}
