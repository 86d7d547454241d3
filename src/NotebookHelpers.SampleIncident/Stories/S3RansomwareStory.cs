using NotebookHelpers.SampleIncident.Attack;
using NotebookHelpers.SampleIncident.Background;
using NotebookHelpers.SampleIncident.Output;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Stories;

/// <summary>
/// S3 ransomware the Codefinger way (Halcyon, January 2025; AWS CIRT's advice that followed): TruffleHog validates
/// the key, an operator checks what protects the customer-exports bucket (versioning, Object Lock, replication,
/// lifecycle, as the SANS-504 lab's attacker did), sets a lifecycle rule that expires everything in seven days,
/// rewrites every object of the month onto itself with a customer-provided key (SSE-C CopyObject), and leaves a
/// ransom note in each folder. No data leaves the account; the owner finds out when an export will not open.
/// </summary>
internal sealed class S3RansomwareStory : IncidentStory
{
    public const string Name = "s3-ransomware";
    public const string ScannerIp = "203.0.113.88";
    public const string OperatorIp = "192.0.2.23";
    public const string NoteName = "README-HOW-TO-RECOVER-YOUR-FILES.txt";
    public const string LifecycleRuleId = "cleanup";

    public static readonly DateTimeOffset LifecycleAt = Timeline.At(10, 9, 41);
    public static readonly DateTimeOffset EncryptionStart = Timeline.At(10, 12, 3);
    public static readonly DateTimeOffset DeactivatedAt = Timeline.At(15, 4, 40);

    private const string TruffleHog = "TruffleHog";

    private const string Boto3 =
        "Boto3/1.35.92 md/Botocore#1.35.92 ua/2.0 os/linux#6.8.0-51-generic md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.92";

    public override SampleScenario Scenario { get; } = new(Name,
        "S3 ransomware: customer exports re-encrypted with the attacker's key (Northwind, 11 March 2025)",
        "TruffleHog validates the leaked key; an operator checks the bucket's protections, sets a 7-day expiry, rewrites 264 customer exports with a customer-provided key (SSE-C) and leaves ransom notes.",
        Cast.LeakedAccessKeyId,
        ["recon-secret-scanner-validation", "s3-objects-encrypted-with-customer-key", "s3-data-destruction"]);

    /// <summary>The attacker's AES-256 key never reaches AWS's logs; only its MD5 does (the same in every request).</summary>
    public static string KeyMd5 => "Q2hhbmdlVGhpc0tleU1ENQ==";

    public override AttackScript Build(long seed)
    {
        var c = new AttackContext(seed, "s3-ransomware");
        Recon(c);
        Encrypt(c);
        Discovery(c);
        return AttackScript.From(c);
    }

    private static void Recon(AttackContext c)
    {
        const string Phase = "reconnaissance";
        var f = c.F;
        var key = AttackContext.LeakedKey;
        c.Plant(Phase, "First use of the leaked key: TruffleHog verifies it, 3 min 28 s after the paste was published",
            f.Call(Timeline.At(9, 16, 5), key, "sts", "GetCallerIdentity", Regions.UsEast1, ScannerIp, TruffleHog, true));

        string Cli(string command) => UserAgents.AttackerCli(command);
        var ip = OperatorIp;
        c.Plant(Phase, "Operator confirms the key", f.Call(Timeline.At(10, 1, 12), key, "sts", "GetCallerIdentity", Regions.UsEast1, ip, Cli("sts.get-caller-identity"), true));
        c.Plant(Phase, "What may it do", f.Call(Timeline.At(10, 1, 40), key, "iam", "ListAttachedUserPolicies", Regions.UsEast1, ip,
            Cli("iam.list-attached-user-policies"), true, new JsonMap { { "userName", Cast.LeakedUser } }));
        c.Plant(Phase, "S3 buckets", f.Call(Timeline.At(10, 2, 9), key, "s3", "ListBuckets", Regions.UsEast1, ip, Cli("s3api.list-buckets"), true,
            new JsonMap { { "Host", "s3.amazonaws.com" } }));

        // What would let the owner recover: the SANS-504 attacker's checks, each answered by S3's own error when unset.
        var bucket = Accounts.SensitiveBucket;
        var region = Accounts.SensitiveBucketRegion;
        var t = Timeline.At(10, 3, 30);
        foreach (var (name, query, error, meaning) in new (string, string, string?, string)[]
        {
            ("GetBucketVersioning", "versioning", null, "Is versioning on (yes: old versions would survive a rewrite)"),
            ("GetBucketObjectLockConfiguration", "object-lock", "ObjectLockConfigurationNotFoundError", "Is Object Lock on (no)"),
            ("GetBucketReplication", "replication", "ReplicationConfigurationNotFoundError", "Is the bucket replicated (no)"),
            ("GetBucketLifecycle", "lifecycle", "NoSuchLifecycleConfiguration", "Any lifecycle rule (none)"),
        })
        {
            c.Plant(Phase, meaning, f.S3(t, key, name, bucket, region, ip, Cli("s3api." + Kebab(name)), true, extraRequest: new JsonMap { { query, "" } },
                response: name == "GetBucketVersioning" ? new JsonMap { { "Status", "Enabled" } } : null, errorCode: error,
                errorMessage: error is null ? null : error switch
                {
                    "ObjectLockConfigurationNotFoundError" => "Object Lock configuration does not exist for this bucket",
                    "ReplicationConfigurationNotFoundError" => "The replication configuration was not found",
                    _ => "The lifecycle configuration does not exist",
                }, dataEvent: false));
            t = t.AddSeconds(c.Timing.Between(6, 14));
        }

        c.Plant(Phase, "Lists this month's customer exports (data event)", f.S3(Timeline.At(10, 6, 2), key, "ListObjects", bucket, region, ip, Boto3, true,
            extraRequest: new JsonMap { { "list-type", "2" }, { "prefix", ExfiltrationPhase.Prefix } }, bytesOut: 61_874));
    }

    private static void Encrypt(AttackContext c)
    {
        var f = c.F;
        var key = AttackContext.LeakedKey;
        var bucket = Accounts.SensitiveBucket;
        var region = Accounts.SensitiveBucketRegion;
        var lifecycle = new JsonMap
        {
            { "xmlns", "http://s3.amazonaws.com/doc/2006-03-01/" },
            {
                "Rule", new JsonMap
                {
                    { "ID", LifecycleRuleId },
                    { "Filter", new JsonMap { { "Prefix", "" } } },
                    { "Status", "Enabled" },
                    { "Expiration", new JsonMap { { "Days", 7 } } },
                    { "NoncurrentVersionExpiration", new JsonMap { { "NoncurrentDays", 1 } } },
                }
            },
        };
        c.Plant("impact", "Lifecycle rule: every object expires in 7 days, old versions after 1 (the deadline of the ransom)",
            f.S3(LifecycleAt, key, "PutBucketLifecycle", bucket, region, OperatorIp, Boto3, false,
                extraRequest: new JsonMap { { "lifecycle", "" }, { "LifecycleConfiguration", lifecycle } }, dataEvent: false));

        var t = EncryptionStart;
        var first = true;
        foreach (var night in ExfiltrationPhase.Nights)
        {
            for (var part = 0; part < NightlyExportActivity.PartsPerNight; part++)
            {
                var objectKey = NightlyExportActivity.PartKey(night, part);
                // S3 answers a burst of writes to one prefix with SlowDown now and then; boto3 retries the same call.
                if (c.Timing.Chance(0.02))
                {
                    c.Plant("impact", "S3 throttles the rewrite (SlowDown); the script retries", CopyObject(c, t, objectKey, "SlowDown"));
                    t = t.AddSeconds(1);
                }

                var record = CopyObject(c, t, objectKey, null);
                if (first)
                {
                    c.Plant("impact", "First object rewritten onto itself with the attacker's key (SSE-C): unreadable without it", record);
                    first = false;
                }
                else
                {
                    c.Bulk.Add(record);
                }

                t = t.AddSeconds(c.Timing.Chance(0.7) ? 2 : c.Timing.Between(3, 5));
            }

            var folder = $"exports/customers/{night.UtcDateTime:yyyy}/{night.UtcDateTime:MM}/{night.UtcDateTime:dd}/";
            c.Plant("impact", "Ransom note left in the folder", f.S3(t, key, "PutObject", bucket, region, OperatorIp, Boto3, false, folder + NoteName,
                new JsonMap { { "Content-Type", "text/plain" } }, bytesIn: 1_187));
            t = t.AddSeconds(1);
        }
    }

    private static TrailEvent CopyObject(AttackContext c, DateTimeOffset t, string objectKey, string? error)
    {
        var bucket = Accounts.SensitiveBucket;
        var request = new JsonMap
        {
            { "x-amz-copy-source", $"{bucket}/{objectKey}" },
            { "x-amz-metadata-directive", "REPLACE" },
            { "x-amz-server-side-encryption-customer-algorithm", "AES256" },
            { "x-amz-server-side-encryption-customer-key", "****" },
            { "x-amz-server-side-encryption-customer-key-MD5", KeyMd5 },
        };
        var response = error is null
            ? new JsonMap
            {
                { "x-amz-server-side-encryption-customer-algorithm", "AES256" },
                { "x-amz-server-side-encryption-customer-key-MD5", KeyMd5 },
                { "x-amz-version-id", c.F.Random.Base64(32).Replace('+', '.').Replace('/', '_') },
            }
            : null;
        return c.F.S3(t, AttackContext.LeakedKey, "CopyObject", bucket, Accounts.SensitiveBucketRegion, OperatorIp, Boto3, false, objectKey, request, response,
            errorCode: error, errorMessage: error is null ? null : "Please reduce your request rate.",
            extraAdditional: error is null ? new JsonMap { { "SSEApplied", "SSE_C" } } : null);
    }

    /// <summary>The owner finds out when an export will not open; the defender contains the key and removes the rule.</summary>
    private static void Discovery(AttackContext c)
    {
        const string Phase = "containment";
        var f = c.F;
        var ip = Cast.OfficeIp;
        var bucket = Accounts.SensitiveBucket;
        var region = Accounts.SensitiveBucketRegion;
        var loginAt = Timeline.At(14, 44, 2);
        c.Plant(Phase, "Defender signs in with MFA: the finance team's export will not open", ConsoleRecords.IamUserLogin(f, loginAt, Accounts.Production,
            Cast.Defender, Cast.DefenderId, ip, UserAgents.FirefoxLinux, mfa: true));
        var s = new IamUserIdentity(Accounts.Production, Cast.Defender, Cast.DefenderId, null).WithConsoleSession(f.SessionKeyId(), loginAt.AddSeconds(1), mfa: true);
        var ua = UserAgents.FirefoxLinux;
        var night = ExfiltrationPhase.Nights[^1];
        c.Plant(Phase, "Defender's download fails: the object needs the attacker's SSE-C key", f.S3(Timeline.At(14, 47, 30), s, "GetObject", bucket, region, ip, ua,
            true, NightlyExportActivity.PartKey(night, 0), errorCode: "InvalidRequest",
            errorMessage: "The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.", fromConsole: true));
        c.Plant(Phase, "Defender reads the ransom note", f.S3(Timeline.At(14, 49, 12), s, "GetObject", bucket, region, ip, ua, true,
            $"exports/customers/{night.UtcDateTime:yyyy}/{night.UtcDateTime:MM}/{night.UtcDateTime:dd}/{NoteName}", bytesOut: 1_187, fromConsole: true));
        c.Plant(Phase, "Defender checks the key's last use", f.Call(Timeline.At(15, 1, 55), s, "iam", "GetAccessKeyLastUsed", Regions.UsEast1, ip, UserAgents.AwsInternal,
            true, new JsonMap { { "accessKeyId", Cast.LeakedAccessKeyId } }, fromConsole: true));
        c.Plant(Phase, "Leaked key deactivated", f.Call(DeactivatedAt, s, "iam", "UpdateAccessKey", Regions.UsEast1, ip, UserAgents.AwsInternal, false,
            new JsonMap { { "userName", Cast.LeakedUser }, { "accessKeyId", Cast.LeakedAccessKeyId }, { "status", "Inactive" } }, fromConsole: true));
        c.Plant(Phase, "Defender removes the attacker's lifecycle rule before it expires anything", f.S3(Timeline.At(15, 7, 12), s, "DeleteBucketLifecycle", bucket,
            region, ip, ua, false, extraRequest: new JsonMap { { "lifecycle", "" } }, dataEvent: false, fromConsole: true));
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    public override void WriteAnswerKey(string path, AttackScript attack, SampleIncidentSummary summary, string exportTaskId,
        IReadOnlyList<DeletedLogObject> deleted, string signingKeyFingerprint)
    {
        var copies = attack.AllRecords.Count(r => r.EventName == "CopyObject" && r.ErrorCode is null);
        var throttled = attack.AllRecords.Count(r => r.EventName == "CopyObject" && r.ErrorCode is not null);
        var facts = new StoryFacts(
            "a public paste of a support ticket's debug log holding the key (fictional); AWS's GitHub scanning never saw it, so no quarantine policy",
            [
                new(Cast.LeakedAccessKeyId, "leaked", "long-term", Accounts.Production, Cast.LeakedUser, null,
                    "Inactive since " + Timestamps.Iso(DeactivatedAt)),
                new(Cast.CiAccessKeyId, "benign", "long-term", Accounts.Production, Cast.CiUser, null, "Active; CI deployments only"),
            ],
            [
                (ScannerIp, "TruffleHog verification of the key (GetCallerIdentity)"),
                (OperatorIp, "operator: recon, bucket protection checks, lifecycle rule, SSE-C rewrite, ransom notes (leaked key)"),
            ],
            [
                ("leakedKey", "Inactive; svc-reporting still has AdministratorAccess"),
                ("objects", $"{copies} objects under s3://{Accounts.SensitiveBucket}/{ExfiltrationPhase.Prefix} encrypted with the attacker's SSE-C key (MD5 {KeyMd5}); the previous versions still exist (versioning is on) and restore them"),
                ("lifecycle", $"Rule '{LifecycleRuleId}' (expire after 7 days, noncurrent after 1) removed at {Timestamps.Iso(Timeline.At(15, 7, 12))}, before it expired anything"),
                ("ransomNotes", $"{ExfiltrationPhase.Nights.Count} x {NoteName}, one per day folder"),
            ],
            [
                $"The leaked key AKIA3NWPX4QHZRT7K2MD (svc-reporting) was first used at 2025-03-11T09:16:05Z by TruffleHog from {ScannerIp}; its normal use is a daily job from 198.51.100.24.",
                $"From {OperatorIp}: GetCallerIdentity, ListAttachedUserPolicies, ListBuckets, then the bucket's protections: GetBucketVersioning (Enabled), GetBucketObjectLockConfiguration (ObjectLockConfigurationNotFoundError), GetBucketReplication (ReplicationConfigurationNotFoundError), GetBucketLifecycle (NoSuchLifecycleConfiguration), and ListObjects of {ExfiltrationPhase.Prefix}.",
                $"Impact: PutBucketLifecycle on {Accounts.SensitiveBucket} at {Timestamps.Iso(LifecycleAt)} (expire everything after 7 days, old versions after 1).",
                $"Impact: {copies} CopyObject calls rewrote every object of {ExfiltrationPhase.Prefix} onto itself with SSE-C (x-amz-server-side-encryption-customer-algorithm AES256) from {Timestamps.Iso(EncryptionStart)}; {throttled} were throttled (SlowDown) and retried. S3 data events: in the trail and CloudWatch Logs, never in Event History.",
                $"Impact: {ExfiltrationPhase.Nights.Count} ransom notes ({NoteName}) written with PutObject, one per day folder.",
                $"No GetObject by the attacker: no data left the account. The defender's own GetObject failed with InvalidRequest (SSE-C parameters required) at {Timestamps.Iso(Timeline.At(14, 47, 30))}.",
                $"Containment: tom.becker deactivated the key at {Timestamps.Iso(DeactivatedAt)} and deleted the lifecycle rule; restoring the previous versions is left to do.",
            ]);
        StoryAnswerKeyWriter.Write(path, Scenario, facts, attack, summary, exportTaskId);
    }
}
