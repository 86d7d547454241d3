using System.Text.Json.Nodes;
using NotebookHelpers.Events;

namespace NotebookHelpers.Tests.Investigation;

/// <summary>
/// A small, complete exposed-key incident: the reporting user's key leaks, the attacker checks it, creates an admin
/// user with its own key and password, signs in to the console, uses the backdoor key to assume a role and launch
/// a GPU instance in a far region, backdoors a role's trust for their own account and uses it; the defender puts a
/// deny-all on the user and deactivates the key; the attacker keeps trying and is denied.
/// </summary>
internal static class LeakedKeyScenario
{
    public const string LeakedKey = "AKIALEAKEDKEY0000001";
    public const string BackdoorKey = "AKIABACKDOORKEY00001";
    public const string RoleSession = "ASIAOPSSESSION000001";
    public const string ExternalSession = "ASIAEXTERNALSESS0001";
    public const string ConsoleKey = "ASIACONSOLEKEY000001";
    public const string AttackerIp = "198.51.100.66";
    public const string AttackerAccount = "999988887777";
    public const string HostileUser = "backup-admin<script>alert(1)</script>";

    public static ScenarioEvents Build()
    {
        var s = new ScenarioEvents();
        var leaked = ScenarioEvents.IamUser("reporting", LeakedKey);
        var backdoor = ScenarioEvents.IamUser("backup-admin", BackdoorKey);
        var admin = ScenarioEvents.IamUser("sec-admin", "AKIADEFENDERKEY00001");

        // Normal use of the key for days: the baseline.
        for (var day = 1; day <= 4; day++)
        {
            s.Call($"2025-03-0{day}T06:00:05Z", leaked, "sts", "GetCallerIdentity", ip: "192.0.2.10", userAgent: "reporting-job/1.0");
            s.Call($"2025-03-0{day}T06:00:07Z", leaked, "s3", "PutObject", new JsonObject { ["bucketName"] = "reports", ["key"] = $"daily-{day}.csv" }, ip: "192.0.2.10", userAgent: "reporting-job/1.0");
        }

        // The attacker.
        s.Call("2025-03-10T09:00:00Z", leaked, "sts", "GetCallerIdentity", ip: AttackerIp, userAgent: "aws-cli/2.15.0 attacker");
        s.Call("2025-03-10T09:01:00Z", leaked, "iam", "CreateUser", new JsonObject { ["userName"] = "backup-admin" },
            new JsonObject { ["user"] = new JsonObject { ["userName"] = "backup-admin", ["arn"] = $"arn:aws:iam::{ScenarioEvents.Account}:user/backup-admin" } }, ip: AttackerIp);
        s.Call("2025-03-10T09:01:10Z", leaked, "iam", "AttachUserPolicy",
            new JsonObject { ["userName"] = "backup-admin", ["policyArn"] = "arn:aws:iam::aws:policy/AdministratorAccess" }, ip: AttackerIp);
        s.Call("2025-03-10T09:01:20Z", leaked, "iam", "CreateAccessKey", new JsonObject { ["userName"] = "backup-admin" },
            new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = BackdoorKey, ["userName"] = "backup-admin", ["status"] = "Active" } }, ip: AttackerIp);
        s.Call("2025-03-10T09:01:30Z", leaked, "iam", "CreateLoginProfile", new JsonObject { ["userName"] = "backup-admin", ["passwordResetRequired"] = false }, ip: AttackerIp);
        s.Call("2025-03-10T09:01:40Z", leaked, "iam", "CreateUser", new JsonObject { ["userName"] = HostileUser }, ip: AttackerIp);
        s.Call("2025-03-10T09:02:00Z", leaked, "iam", "UpdateAssumeRolePolicy", new JsonObject
        {
            ["roleName"] = "audit",
            ["policyDocument"] = $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":{{\"AWS\":\"arn:aws:iam::{AttackerAccount}:root\"}},\"Action\":\"sts:AssumeRole\"}}]}}",
        }, ip: AttackerIp);

        // Console sign-in with the new password, no MFA.
        s.Call("2025-03-10T09:05:00Z", ScenarioEvents.IamUser("backup-admin", null!).Also(o => o.Remove("accessKeyId")), "signin", "ConsoleLogin",
            response: new JsonObject { ["ConsoleLogin"] = "Success" }, additional: new JsonObject { ["MFAUsed"] = "No" }, ip: AttackerIp,
            userAgent: "Mozilla/5.0", eventType: "AwsConsoleSignIn");
        s.Call("2025-03-10T09:05:30Z", ScenarioEvents.IamUser("backup-admin", ConsoleKey), "iam", "ListUsers", ip: AttackerIp, userAgent: "Mozilla/5.0");

        // The backdoor key assumes a role and launches a GPU instance far away.
        s.Call("2025-03-10T09:10:00Z", backdoor, "sts", "AssumeRole",
            new JsonObject { ["roleArn"] = $"arn:aws:iam::{ScenarioEvents.Account}:role/ops", ["roleSessionName"] = "x" },
            new JsonObject { ["credentials"] = new JsonObject { ["accessKeyId"] = RoleSession } }, ip: AttackerIp);
        s.Call("2025-03-10T09:11:00Z", ScenarioEvents.Role("ops", "x", RoleSession), "ec2", "RunInstances",
            new JsonObject { ["instanceType"] = new JsonObject { ["value"] = "p3.16xlarge" }, ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["maxCount"] = 4 }) } },
            new JsonObject { ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["instanceId"] = "i-0123456789abcdef0", ["instanceType"] = "p3.16xlarge" }) } },
            ip: AttackerIp, region: "ap-south-2");

        // The attacker's own account uses the backdoored trust.
        s.Call("2025-03-10T09:20:00Z", ScenarioEvents.ExternalAccount(AttackerAccount), "sts", "AssumeRole",
            new JsonObject { ["roleArn"] = $"arn:aws:iam::{ScenarioEvents.Account}:role/audit", ["roleSessionName"] = "ext" },
            new JsonObject { ["credentials"] = new JsonObject { ["accessKeyId"] = ExternalSession } }, ip: AttackerIp);
        s.Call("2025-03-10T09:21:00Z", ScenarioEvents.Role("audit", "ext", ExternalSession), "s3", "ListBuckets", ip: AttackerIp);

        // Containment, and the attacker still trying.
        s.Call("2025-03-10T10:00:00Z", admin, "iam", "PutUserPolicy", new JsonObject
        {
            ["userName"] = "reporting",
            ["policyName"] = "DenyAll",
            ["policyDocument"] = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
        }, ip: "192.0.2.50");
        s.Call("2025-03-10T10:00:30Z", admin, "iam", "UpdateAccessKey", new JsonObject { ["userName"] = "reporting", ["accessKeyId"] = LeakedKey, ["status"] = "Inactive" }, ip: "192.0.2.50");
        s.Call("2025-03-10T10:05:00Z", leaked, "s3", "ListBuckets", error: "AccessDenied", ip: AttackerIp);
        s.Call("2025-03-10T10:05:10Z", leaked, "ec2", "DescribeInstances", error: "Client.UnauthorizedOperation", ip: AttackerIp);
        return s;
    }

    private static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
