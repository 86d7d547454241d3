using System.Globalization;
using NotebookHelpers.Aws.Iam;
using NotebookHelpers.Detections;
using NotebookHelpers.Display;
using NotebookHelpers.Html;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Response;

/// <summary>
/// The first question of containment: what kind of credential is this, whose is it, and is it still usable? Answered
/// from the evidence (who signed calls with it, whether a deactivation or deny-all was recorded, when it was last
/// used) and, when asked, from the live account (<see cref="KeyOwnerReport"/>: the key's status, last use, the user's
/// console password, MFA and policies). Displays itself as a table with what the kind means for containment.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class CredentialAssessment : IHtmlRenderable
{
    private CredentialAssessment(string accessKeyId, CredentialKind kind, KeyOwner? owner, string? userName, string? roleName, string evidenceStatus, string lastCall, int consoleSignIns, string console, KeyOwnerReport? live)
    {
        AccessKeyId = accessKeyId;
        Kind = kind;
        Owner = owner;
        UserName = userName;
        RoleName = roleName;
        EvidenceStatus = evidenceStatus;
        LastCall = lastCall;
        ConsoleSignIns = consoleSignIns;
        ConsoleAccess = console;
        Live = live;
    }

    /// <summary>The key.</summary>
    public string AccessKeyId { get; }

    /// <summary>What kind of credential it is.</summary>
    public CredentialKind Kind { get; }

    /// <summary>Whose it is, as the evidence says; null when the key made no call in the evidence.</summary>
    public KeyOwner? Owner { get; }

    /// <summary>The IAM user to contain (owner of a user key, issuer of user or federation sessions), or null.</summary>
    public string? UserName { get; }

    /// <summary>The role whose sessions to revoke, for role sessions; else null.</summary>
    public string? RoleName { get; }

    /// <summary>The key's state at the end of the evidence: the containment recorded, or "active as far as the evidence shows".</summary>
    public string EvidenceStatus { get; }

    /// <summary>The key's last call in the evidence: time, call, region and address.</summary>
    public string LastCall { get; }

    /// <summary>How many console sign-ins of the key's user the evidence holds (0 when the key is not an IAM user's).</summary>
    public int ConsoleSignIns { get; }

    /// <summary>Console sign-ins of the key's user in the evidence, in words.</summary>
    public string ConsoleAccess { get; }

    /// <summary>What AWS said when asked live, or null when the assessment is offline.</summary>
    public KeyOwnerReport? Live { get; }

    /// <summary>What the kind means for containment, in the article's terms.</summary>
    public string Advice => Kind switch
    {
        CredentialKind.RootAccessKey =>
            "A root access key: it can do anything, including closing the account, and no policy limits it. Root keys should not exist. Sign in as root, delete the key (Security credentials page), reset the root password and enable MFA. A deny-all policy cannot be attached to root; a service control policy can restrict it only in a member account of an organization.",
        CredentialKind.IamUserAccessKey =>
            "An IAM user's long-term key: it works until it is deactivated. Deactivate it now (reversible, and later use shows as AccessDenied in CloudTrail, which tells you who still holds it), attach a deny-all policy to the user so no other key or password of the user works, delete the console password if the user has one, and delete the key once nothing legitimate needs it.",
        CredentialKind.IamUserSession =>
            "Temporary credentials an IAM user got from GetSessionToken: they cannot be deactivated and live up to 36 hours. Revoke them with a deny on aws:TokenIssueTime on the user, then contain the user's long-term key that issued them.",
        CredentialKind.RoleSession =>
            "Temporary credentials of an assumed role: they cannot be deactivated and live until they expire (1 hour by default, up to 12). Revoke the role's sessions issued before now (a deny on aws:TokenIssueTime, the console's 'Revoke active sessions'), then find and contain whoever assumed the role.",
        CredentialKind.FederatedSession =>
            "Federation-token credentials: they cannot be deactivated and live up to 36 hours. Revoke the issuing user's sessions and contain the user's long-term key that requested them.",
        _ =>
            "The evidence does not say whose key this is (it made no call in it). Run the lookup live (Live = true): sts:GetAccessKeyInfo names the account that owns any key, and IAM names the user in your own account. A key no IAM user owns is a root key.",
    };

    /// <summary>Assesses <paramref name="investigation"/>'s key, with <paramref name="live"/> when the live account was asked.</summary>
    public static CredentialAssessment From(Investigator investigator, KeyInvestigation investigation, KeyOwnerReport? live = null)
    {
        ArgumentNullException.ThrowIfNull(investigator);
        ArgumentNullException.ThrowIfNull(investigation);
        var profile = investigation.Profile;
        var owner = profile.Owner;
        var kind = Classify(profile, live);
        var user = owner?.UserName ?? live?.UserName;
        var calls = investigator.Index.ByAccessKey(investigation.AccessKeyId);
        var lastCall = calls.Count == 0
            ? "no call in the evidence"
            : $"{Time(calls[^1].EventTime)}: {calls[^1].EventName} in {calls[^1].AwsRegion} from {calls[^1].SourceIPAddress}" +
              (calls[^1].ErrorCode is { } error ? $" ({error})" : "");
        var status = profile.Containment.Count == 0
            ? calls.Count == 0 ? "unknown: the key made no call in the evidence" : "active as far as the evidence shows: no deactivation, deletion or deny-all recorded"
            : string.Join("; ", profile.Containment.Select(c => c.Describe()));
        var console = user is null
            ? "not an IAM user's key"
            : profile.ConsoleLogins.Count == 0
                ? $"no console sign-in of {user} in the evidence"
                : string.Create(CultureInfo.InvariantCulture, $"{profile.ConsoleLogins.Count} console sign-in(s) of {user}, last {Time(profile.ConsoleLogins[^1].EventTime)}");
        return new CredentialAssessment(investigation.AccessKeyId, kind, owner, user, owner?.RoleName, status, lastCall, user is null ? 0 : profile.ConsoleLogins.Count, console, live);
    }

    /// <summary>The assessment as a table.</summary>
    public HtmlTable ToHtmlTable()
    {
        var rows = new List<IReadOnlyList<string?>>
        {
            new[] { "Access key", $"{AccessKeyId} ({(CloudTrailFacts.KeyKind(AccessKeyId) == AccessKeyKind.Temporary ? "temporary, ASIA" : CloudTrailFacts.KeyKind(AccessKeyId) == AccessKeyKind.LongTerm ? "long-term, AKIA" : "unrecognised prefix")})" },
            new[] { "Kind", KindName(Kind) },
            new[] { "Owner (evidence)", Owner?.ToString() ?? "not in the evidence" },
            new[] { "Status (evidence)", EvidenceStatus },
            new[] { "Last call (evidence)", LastCall },
            new[] { "Console (evidence)", ConsoleAccess },
        };
        if (Live is { } live)
        {
            var key = live.Keys.FirstOrDefault(k => k.AccessKeyId == AccessKeyId);
            rows.Add(["Account (live)", live.KeyAccount ?? "unknown"]);
            rows.Add(["Status (live)", key is null ? "not listed" : $"{key.Status}, created {(key.CreatedAt is { } c ? Time(c) : "?")}"]);
            rows.Add(["Last used (live)", live.LastUse?.LastUsedAt is { } at ? $"{Time(at)}: {live.LastUse.ServiceName} in {live.LastUse.Region}" : "never, or more than 400 days ago (N/A)"]);
            rows.Add(["Other keys of the user (live)", string.Join(", ", live.Keys.Where(k => k.AccessKeyId != AccessKeyId).Select(k => $"{k.AccessKeyId} {k.Status}").DefaultIfEmpty("none"))]);
            rows.Add(["Console password (live)", live.LoginProfile is { } p ? $"set{(p.CreatedAt is { } pc ? ", created " + Time(pc) : "")}" : "none (or unknown)"]);
            rows.Add(["MFA (live)", live.MfaDevices.Count == 0 ? "none" : string.Join(", ", live.MfaDevices.Select(m => m.SerialNumber))]);
            rows.Add(["Policies (live)", string.Join(", ", live.AttachedPolicies.Select(a => a.PolicyName).Concat(live.InlinePolicies.Select(i => i + " (inline)")).DefaultIfEmpty("none"))]);
        }

        rows.Add(["What it means", Advice]);
        return new HtmlTable(["", ""], rows) { Title = "The credential", Warnings = Live?.Notes ?? [] };
    }

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => ToHtmlTable().WriteHtml(writer);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer) => ToHtmlTable().WritePlainText(writer);

    /// <inheritdoc />
    public override string ToString() => $"{AccessKeyId}: {KindName(Kind)}; {EvidenceStatus}";

    /// <summary>The kind in words.</summary>
    public static string KindName(CredentialKind kind) => kind switch
    {
        CredentialKind.RootAccessKey => "root user access key",
        CredentialKind.IamUserAccessKey => "IAM user access key",
        CredentialKind.IamUserSession => "IAM user session (GetSessionToken)",
        CredentialKind.RoleSession => "role session (AssumeRole)",
        CredentialKind.FederatedSession => "federated session (GetFederationToken)",
        _ => "unknown",
    };

    private static CredentialKind Classify(AccessKeyProfile profile, KeyOwnerReport? live)
    {
        var temporary = profile.Kind == AccessKeyKind.Temporary;
        return profile.Owner?.Type switch
        {
            "Root" => CredentialKind.RootAccessKey,
            "IAMUser" => temporary ? CredentialKind.IamUserSession : CredentialKind.IamUserAccessKey,
            "AssumedRole" => CredentialKind.RoleSession,
            "FederatedUser" => CredentialKind.FederatedSession,
            _ when live?.UserName is not null => CredentialKind.IamUserAccessKey,
            _ when live is { KeyAccount: { } account } && account == live.Caller.Account && !temporary => CredentialKind.RootAccessKey,
            _ => CredentialKind.Unknown,
        };
    }

    private static string Time(DateTimeOffset time) => Events.UtcTime.Text(time);
}
