using System.Collections.Concurrent;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws.Ec2;

/// <summary>
/// Lists the EC2 instances of every region in parallel (ec2:DescribeInstances, all pages): the article's
/// "launching as many EC2 instances as they can across all regions". A region that fails is reported, the others kept.
/// </summary>
public sealed class Ec2InstanceSweep
{
    private readonly Func<string, IAmazonEC2> _clientFor;
    private readonly int _parallelRegions;

    /// <summary>Creates a sweep that gets an EC2 client per region from <paramref name="clientFor"/>.</summary>
    public Ec2InstanceSweep(Func<string, IAmazonEC2> clientFor, int parallelRegions = 8)
    {
        ArgumentNullException.ThrowIfNull(clientFor);
        _clientFor = clientFor;
        _parallelRegions = Math.Max(1, parallelRegions);
    }

    /// <summary>Sweeps <paramref name="regions"/>.</summary>
    public async Task<Ec2SweepResult> RunAsync(IReadOnlyList<string> regions, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var rows = new ConcurrentBag<Ec2InstanceRow>();
        var swept = new ConcurrentBag<string>();
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            regions,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelRegions, CancellationToken = cancellationToken },
            async (region, ct) =>
            {
                using var ec2 = _clientFor(region);
                try
                {
                    var count = 0;
                    string? token = null;
                    var guard = new PageTokenGuard("ec2", "DescribeInstances", region);
                    do
                    {
                        var page = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = token }, ct).ConfigureAwait(false);
                        foreach (var instance in (page.Reservations ?? []).SelectMany(r => r.Instances ?? []))
                        {
                            rows.Add(new Ec2InstanceRow(
                                region,
                                instance.InstanceId ?? "",
                                instance.State?.Name?.Value ?? "",
                                instance.InstanceType?.Value ?? "",
                                instance.LaunchTime is { } launched ? new DateTimeOffset(DateTime.SpecifyKind(launched, DateTimeKind.Utc)) : null,
                                instance.KeyName,
                                instance.IamInstanceProfile?.Arn,
                                instance.ImageId,
                                instance.PublicIpAddress));
                            count++;
                        }

                        token = guard.Next(page.NextToken);
                    }
                    while (token is not null);
                    swept.Add(region);
                    progress?.Report($"{region}: {count} instances");
                }
                catch (AmazonServiceException e)
                {
                    var message = AwsErrorAdvice.Describe(AwsErrorAdvice.FromSdk(e, "ec2:DescribeInstances", region));
                    failures[region] = message;
                    progress?.Report($"{region}: {message}");
                }
                catch (HttpRequestException e)
                {
                    var message = AwsErrorAdvice.Describe(AwsErrorAdvice.FromNetwork(e, "ec2:DescribeInstances", region));
                    failures[region] = message;
                    progress?.Report($"{region}: {message}");
                }
                catch (Exception e) when (e is AmazonClientException or AwsServiceException)
                {
                    var message = AwsErrorAdvice.Describe(e);
                    failures[region] = message;
                    progress?.Report($"{region}: {message}");
                }
            }).ConfigureAwait(false);
        return new Ec2SweepResult(
            [.. rows.OrderByDescending(r => r.LaunchTime).ThenBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.InstanceId, StringComparer.Ordinal)],
            [.. swept.Order(StringComparer.Ordinal)],
            failures);
    }
}
