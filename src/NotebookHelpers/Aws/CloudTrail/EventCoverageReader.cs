namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>Turns GetEventSelectors' basic or advanced selectors into an <see cref="EventCoverage"/>.</summary>
internal static class EventCoverageReader
{
    private const string S3Object = "AWS::S3::Object";

    public static EventCoverage Read(GetEventSelectorsResponse response)
    {
        if (response.AdvancedEventSelectors is { Count: > 0 } advanced)
        {
            return ReadAdvanced(advanced);
        }

        var (mgmtRead, mgmtWrite) = (false, false);
        var reads = new SortedSet<string>(StringComparer.Ordinal);
        var writes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var selector in response.EventSelectors ?? [])
        {
            var (read, write) = selector.ReadWriteType switch
            {
                "ReadOnly" => (true, false),
                "WriteOnly" => (false, true),
                _ => (true, true),
            };
            if (selector.IncludeManagementEvents ?? true)
            {
                mgmtRead |= read;
                mgmtWrite |= write;
            }

            foreach (var resource in selector.DataResources ?? [])
            {
                if (resource.Type != S3Object)
                {
                    continue;
                }

                foreach (var value in resource.Values ?? [])
                {
                    var bucket = BucketOf(value);
                    if (read)
                    {
                        reads.Add(bucket);
                    }

                    if (write)
                    {
                        writes.Add(bucket);
                    }
                }
            }
        }

        return new EventCoverage(mgmtRead, mgmtWrite, Collapse(reads), Collapse(writes), false);
    }

    private static EventCoverage ReadAdvanced(IReadOnlyList<AdvancedEventSelectorWire> selectors)
    {
        var (mgmtRead, mgmtWrite) = (false, false);
        var reads = new SortedSet<string>(StringComparer.Ordinal);
        var writes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var selector in selectors)
        {
            var fields = selector.FieldSelectors ?? [];
            var category = fields.FirstOrDefault(f => f.Field == "eventCategory")?.EqualTo?.FirstOrDefault();
            var readOnly = fields.FirstOrDefault(f => f.Field == "readOnly")?.EqualTo?.FirstOrDefault();
            var (read, write) = readOnly switch
            {
                "true" => (true, false),
                "false" => (false, true),
                _ => (true, true),
            };
            if (category == "Management")
            {
                mgmtRead |= read;
                mgmtWrite |= write;
                continue;
            }

            var type = fields.FirstOrDefault(f => f.Field == "resources.type")?.EqualTo;
            if (category != "Data" || type is null || !type.Contains(S3Object))
            {
                continue;
            }

            var arns = fields.FirstOrDefault(f => f.Field == "resources.ARN")?.StartsWith ?? fields.FirstOrDefault(f => f.Field == "resources.ARN")?.EqualTo;
            var buckets = arns is { Count: > 0 } ? arns.Select(BucketOf).ToList() : ["*"];
            foreach (var bucket in buckets)
            {
                if (read)
                {
                    reads.Add(bucket);
                }

                if (write)
                {
                    writes.Add(bucket);
                }
            }
        }

        return new EventCoverage(mgmtRead, mgmtWrite, Collapse(reads), Collapse(writes), true);
    }

    // "arn:aws:s3" (or "arn:aws:s3:::") means every bucket; "arn:aws:s3:::bucket/prefix" one bucket.
    private static string BucketOf(string arn)
    {
        const string prefix = "arn:aws:s3:::";
        var index = arn.IndexOf(":::", StringComparison.Ordinal);
        if (!arn.StartsWith("arn:", StringComparison.Ordinal) || index < 0)
        {
            return "*";
        }

        var rest = arn[(index + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        return bucket.Length == 0 || arn == prefix ? "*" : bucket;
    }

    private static List<string> Collapse(SortedSet<string> buckets) => buckets.Contains("*") ? ["*"] : [.. buckets];
}
