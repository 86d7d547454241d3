using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>
/// SES reconnaissance and set-up for spam or phishing: sending limits and identities read (low), sending switched on,
/// new identities verified and production access requested (high).
/// </summary>
public sealed class SesAbuseRule() : QueryRule(
    id: "ses-abuse",
    title: "SES probed or set up for sending (spam, phishing)",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Impact, "T1496.004", "Resource Hijacking: Cloud Service Hijacking"),
    filter: "eventSource = \"ses.amazonaws.com\" and eventName in " + RuleQuery.List(Names) + " and " + RuleQuery.NotMadeByAws,
    fields: ["requestParameters.emailIdentity", "errorCode"],
    explanation: "A leaked key with SES rights is worth money to spammers and phishers: mail sent from a real company's domain passes filters. They first read the sending quota and whether sending is enabled (GetSendQuota, GetAccountSendingEnabled, GetAccount, ListIdentities), which is low on its own; then switch sending on (UpdateAccountSendingEnabled), verify their own sender addresses or domains (CreateEmailIdentity, VerifyEmailIdentity, VerifyDomainIdentity) and ask AWS to leave the sandbox (PutAccountDetails), which is high. Denied calls count too.",
    recommendedAction: "Deactivate the key; in SES, delete identities nobody owns, check the sending statistics and suppression list for a spam run, and withdraw any production-access request the attacker filed.",
    falsePositives: "Teams setting up SES for the first time (verifying their own domain, requesting production access).")
{
    private static readonly string[] Recon = ["GetSendQuota", "GetSendStatistics", "ListIdentities", "ListEmailIdentities", "GetAccountSendingEnabled", "GetAccount"];
    private static readonly string[] SetUp = ["UpdateAccountSendingEnabled", "PutAccountSendingAttributes", "CreateEmailIdentity", "VerifyEmailIdentity", "VerifyEmailAddress", "VerifyDomainIdentity", "PutAccountDetails"];
    private static readonly string[] Names = [.. Recon, .. SetUp];

    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var name = ev.EventName!;
        var identity = CloudTrailFacts.Request(ev, "emailIdentity") ?? CloudTrailFacts.Request(ev, "emailAddress") ?? CloudTrailFacts.Request(ev, "domain");
        var failed = CloudTrailFacts.Succeeded(ev) ? "" : $" (failed: {ev.ErrorCode})";
        return SetUp.Contains(name)
            ? new RuleMatch(ev, $"{name}{(identity is null ? "" : " " + identity)}: SES set up for sending{failed}")
            : new RuleMatch(ev, $"{name}: SES sending limits or identities read{failed}", Severity.Low);
    }
}
