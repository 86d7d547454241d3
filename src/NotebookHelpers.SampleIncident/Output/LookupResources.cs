using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>The <c>Resources</c> list Event History attaches to an event, derived from what the call named.</summary>
internal static class LookupResources
{
    public static IEnumerable<(string Type, string Name)> Of(TrailEvent e)
    {
        if (e.Resources is { } resources)
        {
            foreach (var r in resources.OfType<JsonMap>())
            {
                var type = r.FirstOrDefault(m => m.Key == "type").Value as string;
                var arn = r.FirstOrDefault(m => m.Key == "ARN").Value as string;
                if (type is not null && arn is not null)
                {
                    yield return (type, arn);
                }
            }

            yield break;
        }

        if (e.RequestParameters is null)
        {
            yield break;
        }

        foreach (var (name, value) in e.RequestParameters)
        {
            if (value is not string s)
            {
                continue;
            }

            var type = name switch
            {
                "userName" => "AWS::IAM::User",
                "accessKeyId" => "AWS::IAM::AccessKey",
                "policyArn" => "AWS::IAM::Policy",
                "roleName" => "AWS::IAM::Role",
                "groupName" => "AWS::EC2::SecurityGroup",
                "keyName" => "AWS::EC2::KeyPair",
                "name" when e.EventSource == "cloudtrail.amazonaws.com" => "AWS::CloudTrail::Trail",
                _ => null,
            };
            if (type is not null)
            {
                yield return (type, s);
            }
        }
    }
}
