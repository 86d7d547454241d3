using NotebookHelpers.Detections;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Detections;

/// <summary>
/// On the real attack recordings (Stratus Red Team detonations and the Invictus IR simulation), every
/// credential-compromise technique present is reported by the rule meant for it.
/// </summary>
public sealed class RealRecordingDetectionTests
{
    public static TheoryData<string, string[]> StratusTechniques() => new()
    {
        { "aws.defense-evasion.cloudtrail-stop.json", ["cloudtrail-logging-stopped"] },
        { "aws.defense-evasion.cloudtrail-delete.json", ["cloudtrail-logging-stopped"] },
        { "aws.defense-evasion.cloudtrail-event-selectors.json", ["cloudtrail-trail-weakened"] },
        { "aws.defense-evasion.vpc-remove-flow-logs.json", ["vpc-flow-logs-deleted"] },
        { "aws.defense-evasion.dns-delete-logs.json", ["dns-query-logging-deleted"] },
        { "aws.defense-evasion.organizations-leave.json", ["organizations-leave"] },
        { "aws.persistence.iam-create-admin-user.json", ["iam-user-created", "iam-admin-policy-attached", "iam-access-key-for-other-user"] },
        { "aws.persistence.iam-backdoor-user.json", ["iam-access-key-for-other-user"] },
        { "aws.persistence.iam-create-user-login-profile.json", ["iam-login-profile-for-other-user"] },
        { "aws.privilege-escalation.iam-update-user-login-profile.json", ["iam-login-profile-for-other-user"] },
        { "aws.persistence.iam-backdoor-role.json", ["iam-role-trust-backdoored"] },
        { "aws.persistence.iam-create-backdoor-role.json", ["iam-role-created-with-external-trust", "iam-admin-policy-attached"] },
        { "aws.persistence.rolesanywhere-create-trust-anchor.json", ["rolesanywhere-trust-anchor-created"] },
        { "aws.persistence.sts-federation-token.json", ["sts-federation-token"] },
        { "aws.persistence.lambda-backdoor-function.json", ["lambda-function-backdoored"] },
        { "aws.persistence.lambda-overwrite-code.json", ["lambda-function-backdoored"] },
        { "aws.persistence.lambda-layer-extension.json", ["lambda-function-backdoored"] },
        { "aws.initial-access.console-login-without-mfa.json", ["console-login-without-mfa"] },
        { "aws.execution.ec2-launch-unusual-instances.json", ["ec2-gpu-or-large-instance-launch"] },
        { "aws.execution.ec2-user-data.json", ["ec2-user-data-modified"] },
        { "aws.credential-access.secretsmanager-retrieve-secrets.json", ["secrets-manager-read"] },
        { "aws.credential-access.secretsmanager-batch-retrieve-secrets.json", ["secrets-manager-read"] },
        { "aws.credential-access.ssm-retrieve-securestring-parameters.json", ["ssm-secure-parameters-read"] },
        { "aws.credential-access.ec2-get-password-data.json", ["ec2-password-data-read", "access-denied-burst"] },
        { "aws.credential-access.ec2-steal-instance-credentials.json", ["ec2-instance-credentials-used-externally"] },
        { "aws.exfiltration.ec2-share-ami.json", ["snapshot-or-image-shared"] },
        { "aws.exfiltration.ec2-share-ebs-snapshot.json", ["snapshot-or-image-shared"] },
        { "aws.exfiltration.rds-share-snapshot.json", ["snapshot-or-image-shared"] },
        { "aws.exfiltration.ec2-security-group-open-port-22-ingress.json", ["ec2-security-group-opened"] },
    };

    [SharedDataTheory]
    [MemberData(nameof(StratusTechniques))]
    public void StratusDetonationIsReportedByItsRule(string file, string[] expectedRules)
    {
        var (events, report) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset("stratus-red-team-detonation-logs/" + file)]);
        Assert.Empty(report.Problems);

        var result = DetectionRunner.Run(events);

        var fired = result.Findings.Select(f => f.RuleId).ToHashSet();
        Assert.All(expectedRules, rule => Assert.True(fired.Contains(rule), $"{file}: {rule} did not fire; fired: {string.Join(", ", fired)}"));
        foreach (var finding in result.Findings.Where(f => expectedRules.Contains(f.RuleId)))
        {
            Assert.NotEmpty(finding.Evidence);
            Assert.All(finding.Evidence, e => Assert.EndsWith(file, e.Location.Path, StringComparison.Ordinal));
            Assert.All(finding.Evidence, e => Assert.False(string.IsNullOrEmpty(e.EventId)));
        }
    }

    [SharedDataFact]
    public void InvictusSimulationReportsEveryCredentialCompromiseTechniqueItContains()
    {
        var (events, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail")]);
        Assert.Equal(2900, events.Count);

        var result = DetectionRunner.Run(events);

        string[] expected =
        [
            "cloudtrail-logging-stopped", // DeleteTrail x2 succeeded
            "log-tampering-attempt-failed", // StopLogging x3 and one DeleteTrail failed (TrailNotFoundException)
            "cloudtrail-trail-weakened", // PutEventSelectors without management events
            "iam-user-created", "iam-admin-policy-attached", "iam-access-key-for-other-user", // admin user with key, backdoor key
            "iam-login-profile-for-other-user", "console-login-without-mfa",
            "ec2-gpu-or-large-instance-launch", // p2.xlarge refused with VcpuLimitExceeded
            "secrets-manager-read", "ssm-secure-parameters-read", "ec2-password-data-read",
            "snapshot-or-image-shared", "organizations-leave", "vpc-flow-logs-deleted",
            "iam-role-trust-backdoored", "rolesanywhere-trust-anchor-created", "lambda-function-backdoored", "s3-bucket-access-changed",
        ];
        var fired = result.Findings.Select(f => f.RuleId).ToHashSet();
        Assert.All(expected, rule => Assert.True(fired.Contains(rule), $"{rule} did not fire; fired: {string.Join(", ", fired.Order())}"));

        // The three kinds of sharing (AMI, EBS snapshot, RDS snapshot) and both created backdoor keys are all there.
        Assert.Equal(3, result.ForRule("snapshot-or-image-shared").Sum(f => f.EventCount));
        Assert.Equal(2, result.ForRule("iam-access-key-for-other-user").Sum(f => f.EventCount));
        Assert.Equal(60, result.ForRule("secrets-manager-read").Sum(f => f.EventCount));
        Assert.Equal(2, result.ForRule("cloudtrail-logging-stopped").Sum(f => f.EventCount));
    }

    [SharedDataFact]
    public void InfrastructureAsCodeSetupAndInventedRegionsStayAtInfo()
    {
        // Invictus's Terraform sets up Stratus's prerequisites (inline role policies, bucket policies): the account's
        // own deployment, not the attack. LogLicker gives every Stratus detonation an invented region name.
        var (invictus, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail")]);
        var (stratus, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset("stratus-red-team-detonation-logs")]);

        var byTerraform = invictus.Where(e => e.UserAgent?.Contains("Terraform", StringComparison.Ordinal) == true).Select(e => e.EventID).ToHashSet();
        var terraform = DetectionRunner.Run(invictus).Findings
            .Where(f => f.RuleId is "iam-inline-policy-granted" or "s3-bucket-access-changed" && f.Evidence.All(e => byTerraform.Contains(e.EventId)))
            .ToList();
        var known = new DetectionOptions { KnownRegions = new HashSet<string>(["us-east-1", "us-west-2"]) };
        var regions = DetectionRunner.Run(stratus, known).ForRule("region-first-activity");

        Assert.NotEmpty(terraform);
        Assert.All(terraform, f => Assert.True(f.Severity == Severity.Info, f.ToString()));
        Assert.All(terraform, f => Assert.Contains("Terraform (infrastructure-as-code)", f.Summary, StringComparison.Ordinal));
        Assert.NotEmpty(regions);
        Assert.All(regions, f => Assert.True(f.Severity == Severity.Info && f.Summary.Contains("not an AWS region name", StringComparison.Ordinal), f.ToString()));
        Assert.All(regions, f => Assert.Contains("baseline: the known regions us-east-1, us-west-2", f.Summary, StringComparison.Ordinal));
    }

    [SharedDataFact]
    public void SansRansomwareLabReportsTheS3ReadBurstOfTheStolenKey()
    {
        var (events, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset("suzaku-sample-data-sans504")]);

        var result = DetectionRunner.Run(events);

        var burst = Assert.Single(result.ForRule("s3-data-access-burst"));
        Assert.Equal("AKIAU7JNXC7K6YHPTBHL", burst.AccessKeyId);
        Assert.Equal(1168, burst.EventCount);
        Assert.Contains(result.ForRule("root-console-login"), f => f.SourceIPs.Contains("96.253.26.224"));
        // The console fans out Describe* calls; they must not read as an attacker's discovery burst.
        Assert.DoesNotContain(result.ForRule("recon-discovery-burst"), f => f.Principal == "root");

        // Root's console records carry an empty accessKeyId: no finding may name "" as a key, and suggestions work.
        Assert.DoesNotContain(result.Findings, f => f.AccessKeyId == "");
        var suggestions = new NotebookHelpers.Investigation.Investigator(events).SuggestKeys();
        Assert.Contains(suggestions, s => s.AccessKeyId == "AKIAU7JNXC7K6YHPTBHL");
    }
}
