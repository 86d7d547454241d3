using NotebookHelpers.SampleIncident.Attack;
using NotebookHelpers.SampleIncident.Output;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Stories;

/// <summary>
/// LLMjacking, as Sysdig (2024-2025) and Stratus Red Team's <c>aws.impact.bedrock-invoke-model</c> recorded it: a key
/// checker validates the key and probes Bedrock region by region with an invalid InvokeModel (ValidationException
/// means "allowed", AccessDenied "not here"), checks whether prompts are logged, unlocks Anthropic models
/// (use-case form, agreement, entitlement), deletes the invocation logging, and a reverse proxy then resells the
/// models for hours until a cost alert brings the defender, who deactivates the key.
/// </summary>
internal sealed class LlmjackingStory : IncidentStory
{
    public const string Name = "llmjacking";
    public const string CheckerIp = "203.0.113.61";
    public const string ProxyIp = "192.0.2.140";
    public const string Sonnet = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    public const string Opus = "anthropic.claude-3-opus-20240229-v1:0";
    public const string InvocationLogBucket = "nw-prod-bedrock-invocation-logs";

    public static readonly DateTimeOffset LoggingDeletedAt = Timeline.At(9, 48, 33);
    public static readonly DateTimeOffset ProxyStart = Timeline.At(9, 55, 0);
    public static readonly DateTimeOffset DeactivatedAt = Timeline.At(16, 31, 7);

    /// <summary>The key checker behind oai-reverse-proxy style resellers runs on Node.</summary>
    private const string CheckerAgent = "aws-sdk-js/3.621.0 ua/2.1 os/linux#6.5.0-1025-gcp lang/js md/nodejs#18.20.4 api/bedrock-runtime#3.621.0 m/E";

    private const string ProxyAgent = "aws-sdk-js/3.637.0 ua/2.1 os/linux#5.15.0-119-generic lang/js md/nodejs#20.17.0 api/bedrock-runtime#3.637.0 m/E,N";

    private const string ProxyControlAgent = "aws-sdk-js/3.637.0 ua/2.1 os/linux#5.15.0-119-generic lang/js md/nodejs#20.17.0 api/bedrock#3.637.0 m/E";

    private static readonly string[] ProbedRegions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "eu-west-3", "ap-northeast-1", "ap-southeast-2", "ap-south-1"];

    public override SampleScenario Scenario { get; } = new(Name,
        "LLMjacking: a leaked IAM user key used to resell Bedrock models (Northwind, 11 March 2025)",
        "A key checker validates the key and probes Bedrock in eight regions, Anthropic models are unlocked, model invocation logging is deleted, and a reverse proxy runs Claude for six and a half hours on Northwind's bill.",
        Cast.LeakedAccessKeyId,
        ["recon-caller-identity-first-call", "bedrock-model-abuse", "bedrock-invocation-logging-deleted"]);

    public override AttackScript Build(long seed)
    {
        var c = new AttackContext(seed, "llmjacking");
        KeyCheck(c);
        Unlock(c);
        Resale(c);
        Containment(c);
        return AttackScript.From(c);
    }

    private static void KeyCheck(AttackContext c)
    {
        const string Phase = "key-check";
        var f = c.F;
        var key = AttackContext.LeakedKey;
        c.Plant(Phase, "First use of the leaked key: the key checker validates it, 3 min 28 s after the image was published",
            f.Call(Timeline.At(9, 16, 5), key, "sts", "GetCallerIdentity", Regions.UsEast1, CheckerIp, CheckerAgent.Replace("bedrock-runtime", "sts", StringComparison.Ordinal), true));
        var t = Timeline.At(9, 16, 11);
        foreach (var region in ProbedRegions)
        {
            // An invalid max_tokens costs nothing: ValidationException proves the key may invoke the model here.
            var allowed = Regions.IsAllowedByScp(region);
            var model = region == "us-west-2" ? Opus : Sonnet;
            c.Plant(Phase, allowed ? "Probe: InvokeModel with an invalid max_tokens (ValidationException = the key may invoke here)"
                    : "Probe: InvokeModel in a region the organization's SCP denies",
                f.Call(t, key, "bedrock", "InvokeModel", region, CheckerIp, CheckerAgent, true, new JsonMap { { "modelId", model } },
                    errorCode: allowed ? "ValidationException" : "AccessDenied",
                    errorMessage: allowed
                        ? "Malformed input request: #/max_tokens: -1 is not greater or equal to 1, please reformat your input and try again."
                        : AttackContext.ExplicitDenyScp(key.Arn, "bedrock:InvokeModel", $"arn:aws:bedrock:{region}::foundation-model/{model}"),
                    tlsHost: $"bedrock-runtime.{region}.amazonaws.com"));
            t = t.AddSeconds(c.Timing.Between(1, 3));
        }

        foreach (var region in new[] { Regions.UsEast1, "us-west-2" })
        {
            c.Plant(Phase, region == Regions.UsEast1 ? "Are prompts logged here? (yes: to S3, set up for last year's pilot)" : "Are prompts logged here? (no)",
                f.Call(t, key, "bedrock", "GetModelInvocationLoggingConfiguration", region, CheckerIp, CheckerAgent.Replace("bedrock-runtime", "bedrock", StringComparison.Ordinal), true,
                    response: region == Regions.UsEast1 ? LoggingConfig() : null));
            t = t.AddSeconds(2);
        }

        c.Plant(Phase, "Which models exist", f.Call(t.AddSeconds(1), key, "bedrock", "ListFoundationModels", Regions.UsEast1, CheckerIp,
            CheckerAgent.Replace("bedrock-runtime", "bedrock", StringComparison.Ordinal), true, new JsonMap { { "byProvider", "anthropic" } }));
    }

    private static void Unlock(AttackContext c)
    {
        const string Phase = "model-unlock";
        var f = c.F;
        var key = AttackContext.LeakedKey;
        var t = Timeline.At(9, 41, 20);
        foreach (var region in new[] { Regions.UsEast1, "us-west-2" })
        {
            var model = region == "us-west-2" ? Opus : Sonnet;
            var request = new JsonMap { { "modelId", model } };
            c.Plant(Phase, "Is the model enabled for this account", f.Call(t, key, "bedrock", "GetFoundationModelAvailability", region, ProxyIp, ProxyControlAgent, true,
                new JsonMap { { "modelId", model } }));
            c.Plant(Phase, "Offers of the model's agreement", f.Call(t.AddSeconds(1), key, "bedrock", "ListFoundationModelAgreementOffers", region, ProxyIp,
                ProxyControlAgent, true, new JsonMap { { "modelId", model } }));
            c.Plant(Phase, "Anthropic use-case form submitted in Northwind's name", f.Call(t.AddSeconds(2), key, "bedrock", "PutUseCaseForModelAccess", region,
                ProxyIp, ProxyControlAgent, false));
            c.Plant(Phase, "Model agreement accepted", f.Call(t.AddSeconds(3), key, "bedrock", "CreateFoundationModelAgreement", region, ProxyIp, ProxyControlAgent,
                false, new JsonMap { { "modelId", model }, { "offerToken", "*** Sensitive Data Redacted ***" } }, new JsonMap { { "modelId", model.Split(':')[0] } }));
            c.Plant(Phase, "Model entitlement granted", f.Call(t.AddSeconds(5), key, "bedrock", "PutFoundationModelEntitlement", region, ProxyIp, ProxyControlAgent,
                false, request, new JsonMap { { "status", "SUCCESS" } }));
            t = t.AddSeconds(c.Timing.Between(40, 70));
        }

        c.Plant("defense-evasion", "Model invocation logging deleted: the prompts that follow are not kept",
            f.Call(LoggingDeletedAt, key, "bedrock", "DeleteModelInvocationLoggingConfiguration", Regions.UsEast1, ProxyIp, ProxyControlAgent, false));
    }

    /// <summary>
    /// The reverse proxy's traffic: mostly streamed completions, bursts when its users are busy, a few throttled
    /// calls at the peaks (the account's default tokens-per-minute quota).
    /// </summary>
    private static void Resale(AttackContext c)
    {
        const string Phase = "resale";
        var f = c.F;
        var key = AttackContext.LeakedKey;
        var t = ProxyStart;
        var planted = new HashSet<string>(StringComparer.Ordinal);
        while (t < DeactivatedAt.AddMinutes(-2))
        {
            var region = c.Timing.Chance(0.7) ? Regions.UsEast1 : "us-west-2";
            var model = region == "us-west-2" && c.Timing.Chance(0.5) ? Opus : Sonnet;
            var roll = c.Timing.Between(0, 99);
            var name = roll < 68 ? "InvokeModelWithResponseStream" : roll < 82 ? "InvokeModel" : roll < 94 ? "ConverseStream" : "Converse";
            var throttled = c.Timing.Chance(0.03);
            var record = f.Call(t, key, "bedrock", name, region, ProxyIp, ProxyAgent, true, new JsonMap { { "modelId", model } },
                errorCode: throttled ? "ThrottlingException" : null,
                errorMessage: throttled ? "Too many tokens, please wait before trying again." : null,
                tlsHost: $"bedrock-runtime.{region}.amazonaws.com");
            if (planted.Add(name + (throttled ? "!" : "")))
            {
                c.Plant(Phase, throttled ? $"{name} throttled: the proxy runs at the account's quota" : $"First {name} of the resale ({model})", record);
            }
            else
            {
                c.Bulk.Add(record);
            }

            // Busy in the European afternoon and the American morning: 15 to 75 s between calls, then a lull.
            t = t.AddSeconds(c.Timing.Chance(0.08) ? c.Timing.Between(180, 420) : c.Timing.Between(15, 75));
        }
    }

    private static void Containment(AttackContext c)
    {
        const string Phase = "containment";
        var f = c.F;
        var ip = Cast.OfficeIp;
        var loginAt = Timeline.At(16, 24, 50);
        c.Plant(Phase, "Defender signs in with MFA after a Cost Anomaly Detection email about Bedrock", ConsoleRecords.IamUserLogin(f, loginAt, Accounts.Production,
            Cast.Defender, Cast.DefenderId, ip, UserAgents.FirefoxLinux, mfa: true));
        var s = new IamUserIdentity(Accounts.Production, Cast.Defender, Cast.DefenderId, null).WithConsoleSession(f.SessionKeyId(), loginAt.AddSeconds(1), mfa: true);
        var ua = UserAgents.AwsInternal;
        c.Plant(Phase, "Defender lists the leaked user's keys", f.Call(Timeline.At(16, 28, 3), s, "iam", "ListAccessKeys", Regions.UsEast1, ip, ua, true,
            new JsonMap { { "userName", Cast.LeakedUser } }, fromConsole: true));
        c.Plant(Phase, "Defender checks the key's last use (bedrock, us-east-1)", f.Call(Timeline.At(16, 28, 4), s, "iam", "GetAccessKeyLastUsed", Regions.UsEast1,
            ip, ua, true, new JsonMap { { "accessKeyId", Cast.LeakedAccessKeyId } }, fromConsole: true));
        c.Plant(Phase, "Leaked key deactivated", f.Call(DeactivatedAt, s, "iam", "UpdateAccessKey", Regions.UsEast1, ip, ua, false,
            new JsonMap { { "userName", Cast.LeakedUser }, { "accessKeyId", Cast.LeakedAccessKeyId }, { "status", "Inactive" } }, fromConsole: true));
        c.Plant(Phase, "Defender turns model invocation logging back on", f.Call(Timeline.At(16, 36, 45), s, "bedrock", "PutModelInvocationLoggingConfiguration",
            Regions.UsEast1, ip, ua, false, new JsonMap { { "loggingConfig", LoggingConfig().First().Value } }, fromConsole: true));
    }

    private static JsonMap LoggingConfig() => new()
    {
        {
            "loggingConfig", new JsonMap
            {
                { "s3Config", new JsonMap { { "bucketName", InvocationLogBucket }, { "keyPrefix", "bedrock/" } } },
                { "textDataDeliveryEnabled", true },
                { "imageDataDeliveryEnabled", false },
                { "embeddingDataDeliveryEnabled", false },
            }
        },
    };

    public override void WriteAnswerKey(string path, AttackScript attack, SampleIncidentSummary summary, string exportTaskId,
        IReadOnlyList<DeletedLogObject> deleted, string signingKeyFingerprint)
    {
        var invocations = attack.AllRecords.Count(r => r.SourceIp == ProxyIp &&
            (r.EventName.StartsWith("Invoke", StringComparison.Ordinal) || r.EventName.StartsWith("Converse", StringComparison.Ordinal)));
        var facts = new StoryFacts(
            "hub.docker.com/r/northwind-example/report-tools:1.4.2, an image layer holding .env (fictional); AWS's GitHub scanning never saw it, so no quarantine policy",
            [
                new(Cast.LeakedAccessKeyId, "leaked", "long-term", Accounts.Production, Cast.LeakedUser, null,
                    "Inactive since " + Timestamps.Iso(DeactivatedAt) + "; later calls fail authentication and are not recorded"),
                new(Cast.CiAccessKeyId, "benign", "long-term", Accounts.Production, Cast.CiUser, null, "Active; CI deployments only"),
            ],
            [
                (CheckerIp, "key checker: GetCallerIdentity, InvokeModel probes in 8 regions, logging configuration, model list (leaked key)"),
                (ProxyIp, "reverse proxy: model unlock, invocation logging deleted, the resale traffic (leaked key)"),
            ],
            [
                ("leakedKey", "Inactive; svc-reporting still has AdministratorAccess and no deny policy"),
                ("bedrockModelAccess", $"{Sonnet} (us-east-1) and {Opus} (us-west-2) still unlocked: agreements and entitlements remain"),
                ("invocationLogging", $"Restored at {Timestamps.Iso(Timeline.At(16, 36, 45))}; no prompts were logged from {Timestamps.Iso(LoggingDeletedAt)} to then"),
            ],
            [
                $"The leaked key AKIA3NWPX4QHZRT7K2MD (svc-reporting) was first used at 2025-03-11T09:16:05Z from {CheckerIp}, a key checker; its normal use is a daily job from 198.51.100.24.",
                "Key check: InvokeModel with an invalid max_tokens in 8 regions: ValidationException in the 4 allowed ones (the key may invoke there), AccessDenied by SCP in eu-west-3, ap-northeast-1, ap-southeast-2 and ap-south-1; GetModelInvocationLoggingConfiguration in us-east-1 and us-west-2; ListFoundationModels.",
                $"Model unlock from {ProxyIp}: GetFoundationModelAvailability, ListFoundationModelAgreementOffers, PutUseCaseForModelAccess, CreateFoundationModelAgreement and PutFoundationModelEntitlement for Claude 3.5 Sonnet (us-east-1) and Claude 3 Opus (us-west-2).",
                $"Defense evasion: DeleteModelInvocationLoggingConfiguration in us-east-1 at {Timestamps.Iso(LoggingDeletedAt)}.",
                $"Resale: {invocations} model calls (InvokeModelWithResponseStream, InvokeModel, ConverseStream, Converse) from {ProxyIp} between {Timestamps.Iso(ProxyStart)} and {Timestamps.Iso(DeactivatedAt)}, a few throttled (ThrottlingException).",
                $"Containment: tom.becker deactivated the key at {Timestamps.Iso(DeactivatedAt)} and turned invocation logging back on; the unlocked models remain.",
                "No IAM persistence, no EC2, no S3 data access: the whole abuse is Bedrock.",
            ]);
        StoryAnswerKeyWriter.Write(path, Scenario, facts, attack, summary, exportTaskId);
    }
}
