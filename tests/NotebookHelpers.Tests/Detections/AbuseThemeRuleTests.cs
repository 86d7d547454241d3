using System.Text.Json.Nodes;
using NotebookHelpers.Detections;
using NotebookHelpers.Detections.Rules;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Detections;

/// <summary>
/// How leaked keys are abused today: LLMjacking, S3 ransomware and destruction, SES spam, commands on instances,
/// identity providers, console password spraying, AWS's quarantine policies and the key id prefixes. On real
/// recordings where they hold the technique, on generated events otherwise.
/// </summary>
public sealed class AbuseThemeRuleTests
{
    private static readonly JsonObject Attacker = ScenarioEvents.IamUser("ci-deploy", "AKIA3NWPX4QHZRT7K2MD");

    [SharedDataFact]
    public void StratusBedrockDetonationIsLlmjackingWithTheModelUnlockedHighAndTheInvocationReported()
    {
        var (events, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset("stratus-red-team-detonation-logs/aws.impact.bedrock-invoke-model.json")]);

        var findings = DetectionRunner.Run(events).ForRule("bedrock-model-abuse");

        Assert.Contains(findings, f => f.Severity == Severity.High && f.Summary.Contains("PutUseCaseForModelAccess", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Severity == Severity.High && f.Summary.Contains("CreateFoundationModelAgreement", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Severity == Severity.Medium && f.Summary.Contains("InvokeModel: model invoked anthropic.claude-3-sonnet", StringComparison.Ordinal));
        Assert.Equal(10, findings.Where(f => f.Severity == Severity.Low).Sum(f => f.EventCount) - 1); // 10 availability checks and the agreement offers
    }

    [SharedDataTheory]
    [InlineData("stratus-red-team-detonation-logs/aws.execution.ssm-send-command.json", "SendCommand AWS-RunShellScript on i-")]
    [InlineData("stratus-red-team-detonation-logs/aws.credential-access.ec2-steal-instance-credentials.json", "SendCommand AWS-RunShellScript on i-")]
    [InlineData("stratus-red-team-detonation-logs/aws.execution.ssm-start-session.json", "StartSession on i-")]
    [InlineData("stratus-red-team-detonation-logs/aws.lateral-movement.ec2-instance-connect.json", "SSH key pushed to i-")]
    [InlineData("stratus-red-team-detonation-logs/aws.lateral-movement.ec2-serial-console-send-ssh-public-key.json", "EC2 serial console access enabled")]
    public void CommandsOnInstancesInStratusRecordingsAreReported(string file, string summary)
    {
        var (events, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset(file)]);

        var findings = DetectionRunner.Run(events).ForRule("instance-command-execution");

        Assert.Contains(findings, f => f.Summary.Contains(summary, StringComparison.Ordinal));
    }

    [SharedDataFact]
    public void InvictusSendCommandsAreReported()
    {
        var (events, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail")]);

        var findings = DetectionRunner.Run(events).ForRule("instance-command-execution");

        Assert.Equal(2, findings.Where(f => f.Summary.Contains("SendCommand", StringComparison.Ordinal)).Sum(f => f.EventCount));
    }

    [Fact]
    public void BedrockInvocationLoggingDeletedIsHighAndAFailedAttemptMedium()
    {
        var s = new ScenarioEvents();
        s.Call("2026-11-10T10:00:00Z", Attacker, "bedrock", "DeleteModelInvocationLoggingConfiguration");
        s.Call("2026-11-10T10:01:00Z", Attacker, "bedrock", "DeleteModelInvocationLoggingConfiguration", region: "us-west-2", error: "AccessDeniedException");

        var findings = DetectionRunner.Run(s.Events).ForRule("bedrock-invocation-logging-deleted");

        Assert.Equal([Severity.High, Severity.Medium], findings.Select(f => f.Severity).Order().Reverse());
    }

    [Fact]
    public void S3RansomwareRewritesWithACustomerKeyAndDestroysTheWayBack()
    {
        var s = new ScenarioEvents();
        s.Call("2026-11-10T10:00:00Z", Attacker, "s3", "CopyObject", new JsonObject
        {
            ["bucketName"] = "nw-prod-customer-exports", ["key"] = "exports/2026/a.csv", ["x-amz-copy-source"] = "nw-prod-customer-exports/exports/2026/a.csv",
            ["x-amz-server-side-encryption-customer-algorithm"] = "AES256",
        });
        s.Call("2026-11-10T10:00:05Z", Attacker, "s3", "CopyObject", new JsonObject { ["bucketName"] = "nw-prod-customer-exports", ["key"] = "exports/2026/b.csv" });
        s.Call("2026-11-10T10:01:00Z", Attacker, "s3", "PutBucketVersioning", new JsonObject
        {
            ["bucketName"] = "nw-prod-customer-exports", ["VersioningConfiguration"] = new JsonObject { ["Status"] = "Suspended" },
        });
        s.Call("2026-11-10T10:02:00Z", Attacker, "s3", "PutBucketLifecycleConfiguration", new JsonObject
        {
            ["bucketName"] = "nw-prod-customer-exports",
            ["LifecycleConfiguration"] = new JsonObject { ["Rule"] = new JsonObject { ["Status"] = "Enabled", ["Expiration"] = new JsonObject { ["Days"] = 1 } } },
        });
        s.Call("2026-11-10T10:03:00Z", Attacker, "s3", "PutObject", new JsonObject { ["bucketName"] = "nw-prod-customer-exports", ["key"] = "README_HOW_TO_RECOVER_YOUR_FILES.txt" });
        s.Call("2026-11-10T10:03:10Z", Attacker, "s3", "PutObject", new JsonObject { ["bucketName"] = "nw-prod-customer-exports", ["key"] = "exports/2026/c.csv" });
        s.Call("2026-11-10T10:04:00Z", Attacker, "s3", "PutBucketPolicy", new JsonObject
        {
            ["bucketName"] = "nw-prod-customer-exports",
            ["bucketPolicy"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject { ["Effect"] = "Deny", ["Principal"] = "*", ["Action"] = "s3:*", ["Resource"] = "arn:aws:s3:::nw-prod-customer-exports/*" }),
            },
        });
        s.Call("2026-11-10T10:05:00Z", Attacker, "s3", "DeleteObjects", new JsonObject { ["bucketName"] = "nw-prod-customer-exports", ["delete"] = "" });

        var result = DetectionRunner.Run(s.Events);

        var encrypted = Assert.Single(result.ForRule("s3-objects-encrypted-with-customer-key"));
        Assert.Equal(1, encrypted.EventCount);
        Assert.Contains("customer-provided AES256 key", encrypted.Summary, StringComparison.Ordinal);
        var destruction = result.ForRule("s3-data-destruction");
        Assert.Equal(5, destruction.Sum(f => f.EventCount));
        var rule = new S3DataDestructionRule();
        var summaries = string.Join(" | ", s.Events.Select(rule.Match).OfType<RuleMatch>().Select(m => m.Summary));
        Assert.Contains("versioning of 'nw-prod-customer-exports' suspended", summaries, StringComparison.Ordinal);
        Assert.Contains("lifecycle rule on 'nw-prod-customer-exports' expires objects", summaries, StringComparison.Ordinal);
        Assert.Contains("'README_HOW_TO_RECOVER_YOUR_FILES.txt' written", summaries, StringComparison.Ordinal);
        Assert.Contains("denies every action to everyone", summaries, StringComparison.Ordinal);
        Assert.Contains("batch of objects deleted", summaries, StringComparison.Ordinal);
        Assert.DoesNotContain("c.csv", summaries, StringComparison.Ordinal);
        Assert.All(destruction, f => Assert.Equal(Severity.High, f.Severity));
        Assert.Contains(destruction.SelectMany(f => f.Evidence), e => e.EventName == "PutBucketPolicy");
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(49, false)]
    public void FiftySingleDeleteObjectCallsInTenMinutesAreAHighBurstFewerStayLow(int deletions, bool burst)
    {
        var s = new ScenarioEvents();
        var start = DateTimeOffset.Parse("2026-11-10T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < deletions; i++)
        {
            s.Call(start.AddSeconds(i * 5).ToString("O", System.Globalization.CultureInfo.InvariantCulture), Attacker, "s3", "DeleteObject",
                new JsonObject { ["bucketName"] = "nw-prod-customer-exports", ["key"] = $"exports/2026/part-{i:D4}.csv" });
        }

        var findings = DetectionRunner.Run(s.Events).ForRule("s3-data-destruction");

        Assert.Equal(deletions, findings.Where(f => f.Severity == Severity.Low).Sum(f => f.EventCount));
        var high = findings.Where(f => f.Severity == Severity.High).ToList();
        if (burst)
        {
            var finding = Assert.Single(high);
            Assert.StartsWith("burst of single DeleteObject calls on 'nw-prod-customer-exports': 50 within 5 min", finding.Summary, StringComparison.Ordinal);
            Assert.Equal(deletions, finding.EventCount);
        }
        else
        {
            Assert.Empty(high);
        }
    }

    [Theory]
    [InlineData("README_HOW_TO_RECOVER_YOUR_FILES.txt", true)]
    [InlineData("backups/decrypt-instructions.html", true)]
    [InlineData("ransom", true)]
    [InlineData("docs/README.pdf", false)]
    [InlineData("exports/2026/restore-points.csv", false)]
    public void RansomNoteNames(string key, bool expected) => Assert.Equal(expected, S3DataDestructionRule.LooksLikeRansomNote(key));

    [Fact]
    public void SesReconIsLowAndSettingUpSendingHigh()
    {
        var s = new ScenarioEvents();
        s.Call("2026-11-10T10:00:00Z", Attacker, "ses", "GetSendQuota");
        s.Call("2026-11-10T10:00:02Z", Attacker, "ses", "ListIdentities");
        s.Call("2026-11-10T10:00:03Z", Attacker, "ses", "GetAccountSendingEnabled");
        s.Call("2026-11-10T10:02:00Z", Attacker, "ses", "UpdateAccountSendingEnabled", new JsonObject { ["enabled"] = true });
        s.Call("2026-11-10T10:03:00Z", Attacker, "ses", "CreateEmailIdentity", new JsonObject { ["emailIdentity"] = "billing@northwind-invoices.example" });
        s.Call("2026-11-10T10:04:00Z", Attacker, "ses", "PutAccountDetails", new JsonObject { ["mailType"] = "MARKETING" }, error: "AccessDeniedException");

        var findings = DetectionRunner.Run(s.Events).ForRule("ses-abuse");

        Assert.Equal(3, findings.Where(f => f.Severity == Severity.Low).Sum(f => f.EventCount));
        Assert.Equal(3, findings.Where(f => f.Severity == Severity.High).Sum(f => f.EventCount));
        Assert.Contains(findings, f => f.Summary.Contains("billing@northwind-invoices.example", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Summary.Contains("PutAccountDetails: SES set up for sending (failed: AccessDeniedException)", StringComparison.Ordinal));
    }

    [Fact]
    public void IdentityProvidersAreHighAndIdentityCenterChangesMedium()
    {
        var s = new ScenarioEvents();
        s.Call("2026-11-10T10:00:00Z", Attacker, "iam", "CreateSAMLProvider", new JsonObject { ["name"] = "okta-sso", ["sAMLMetadataDocument"] = "<md/>" });
        s.Call("2026-11-10T10:01:00Z", Attacker, "iam", "UpdateOpenIDConnectProviderThumbprint", new JsonObject
        {
            ["openIDConnectProviderArn"] = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
        });
        s.Call("2026-11-10T10:02:00Z", Attacker, "sso", "CreateAccountAssignment", new JsonObject { ["targetId"] = "111122223333" });
        s.Call("2026-11-10T10:03:00Z", Attacker, "iam", "CreateUser", new JsonObject { ["userName"] = "svc-x" });

        var findings = DetectionRunner.Run(s.Events).ForRule("identity-provider-changed");

        Assert.Contains(findings, f => f.Severity == Severity.High && f.Summary.Contains("'okta-sso'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Severity == Severity.High && f.Summary.Contains("token.actions.githubusercontent.com", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Severity == Severity.Medium && f.Summary.Contains("Identity Center CreateAccountAssignment", StringComparison.Ordinal));
        Assert.Equal(3, findings.Sum(f => f.EventCount));
    }

    [Fact]
    public void AFailedConsoleSignInIsInfoAndManyUsersFromOneAddressAreSpraying()
    {
        var s = new ScenarioEvents();
        var failure = new JsonObject { ["ConsoleLogin"] = "Failure" };
        s.Call("2026-11-10T09:00:00Z", ScenarioEvents.IamUser("alice", ""), "signin", "ConsoleLogin", response: failure, ip: "198.51.100.20", eventType: "AwsConsoleSignIn");
        string[] users = ["bob", "carol", "dave", "erin", "frank"];
        for (var i = 0; i < users.Length; i++)
        {
            s.Call($"2026-11-10T10:{i * 7:D2}:00Z", ScenarioEvents.IamUser(users[i], ""), "signin", "ConsoleLogin", response: failure.DeepClone().AsObject(), ip: "203.0.113.50", eventType: "AwsConsoleSignIn");
        }

        var findings = DetectionRunner.Run(s.Events).ForRule("console-login-failed");

        var spray = Assert.Single(findings, f => f.Severity == Severity.High);
        Assert.Equal(5, spray.EventCount);
        Assert.Contains("password spraying: 5 different users failed console sign-in from 203.0.113.50", spray.Summary, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Severity == Severity.Info && f.Summary.Contains("'alice' from 198.51.100.20", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AWSCompromisedKeyQuarantineV2")]
    [InlineData("AWSCompromisedKeyQuarantineV3")]
    [InlineData("AWSCompromisedKeyQuarantineV4")]
    public void EveryQuarantinePolicyVersionIsRecognised(string policy)
    {
        var s = new ScenarioEvents();
        s.Call("2026-11-10T10:00:00Z", ScenarioEvents.Role("AWSSupportQuarantine", "aws", "ASIAAWSINTERNAL00001"), "iam", "AttachUserPolicy",
            new JsonObject { ["userName"] = "reporting", ["policyArn"] = "arn:aws:iam::aws:policy/" + policy }, ip: "AWS Internal", userAgent: "AWS Internal");

        var finding = Assert.Single(DetectionRunner.Run(s.Events).ForRule("aws-quarantine-policy-attached"));

        Assert.Contains($"AWS attached {policy} to user 'reporting'", finding.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", AccessKeyKind.LongTerm, "long-term")]
    [InlineData("ASIAIOSFODNN7EXAMPLE", AccessKeyKind.Temporary, "STS")]
    [InlineData("ABIAIOSFODNN7EXAMPLE", AccessKeyKind.Temporary, "bearer token")]
    [InlineData("ACCAIOSFODNN7EXAMPLE", AccessKeyKind.Temporary, "context-specific")]
    [InlineData("AIDAIOSFODNN7EXAMPLE", AccessKeyKind.Unknown, "IAM user id")]
    [InlineData("AROAIOSFODNN7EXAMPLE", AccessKeyKind.Unknown, "IAM role id")]
    [InlineData("AGPAIOSFODNN7EXAMPLE", AccessKeyKind.Unknown, "group")]
    [InlineData("ANPAIOSFODNN7EXAMPLE", AccessKeyKind.Unknown, "managed policy id")]
    [InlineData("ANVAIOSFODNN7EXAMPLE", AccessKeyKind.Unknown, "policy version")]
    [InlineData("APKAIOSFODNN7EXAMPLE", AccessKeyKind.Unknown, "public key")]
    [InlineData("ASCAIOSFODNN7EXAMPLE", AccessKeyKind.Unknown, "certificate")]
    [InlineData("AIPAIOSFODNN7EXAMPLE", AccessKeyKind.Unknown, "instance profile")]
    public void EveryDocumentedIdPrefixIsClassifiedFromTheOneTable(string id, AccessKeyKind kind, string meaning)
    {
        Assert.Equal(kind, CloudTrailFacts.KeyKind(id));
        Assert.Contains(meaning, CloudTrailFacts.DescribeKeyId(id), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownPrefixIsNeitherKindNorDescribed()
    {
        Assert.Equal(AccessKeyKind.Unknown, CloudTrailFacts.KeyKind("XXXXXXXXXXXXXXXXXXXX"));
        Assert.Null(CloudTrailFacts.DescribeKeyId("XXXX"));
        Assert.Null(CloudTrailFacts.DescribeKeyId(null));
    }
}
