using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Containment;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Iam;
using NotebookHelpers.Aws.Sts;
using NotebookHelpers.Display;
using NotebookHelpers.Html;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Response;

/// <summary>
/// The containment steps for one leaked credential, chosen by its kind (the article's steps for an IAM user key, the
/// session revocation a role session needs, the root-only steps of a root key), each with its AWS CLI equivalent and
/// what the evidence shows was already done. Nothing is sent unless <see cref="RunAsync"/> is told to execute, with
/// live credentials: a dry run shows exactly what would be called.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class ContainmentPlan : IHtmlRenderable
{
    private ContainmentPlan(CredentialAssessment credential, IReadOnlyList<ContainmentStep> steps, IReadOnlyList<string> notes)
    {
        Credential = credential;
        Steps = steps;
        Notes = notes;
    }

    /// <summary>The credential the plan contains.</summary>
    public CredentialAssessment Credential { get; }

    /// <summary>The steps, in the order to run them.</summary>
    public IReadOnlyList<ContainmentStep> Steps { get; }

    /// <summary>What the plan cannot do by API (root keys) and what to do after it.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// The plan for <paramref name="credential"/>. Sessions are revoked as of <paramref name="revokeBefore"/> (use the
    /// time you run it: every session issued before stops working). <paramref name="deleteKey"/> adds the
    /// irreversible deletion after the deactivation.
    /// </summary>
    public static ContainmentPlan For(CredentialAssessment credential, KeyInvestigation investigation, DateTimeOffset revokeBefore, bool deleteKey = false)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(investigation);
        var done = investigation.Profile.Containment;
        string? Done(params ContainmentKind[] kinds) =>
            done.Where(c => kinds.Contains(c.Kind)).Select(c => c.Describe()).FirstOrDefault();

        var steps = new List<ContainmentStep>();
        var notes = new List<string>();
        var key = credential.AccessKeyId;
        var user = credential.UserName;
        switch (credential.Kind)
        {
            case CredentialKind.IamUserAccessKey:
                steps.Add(new(ContainmentPlanner.DeactivateKey(key, user), "stops the key at once; reversible; later use shows as AccessDenied", Done(ContainmentKind.KeyDeactivated, ContainmentKind.KeyDeleted)));
                if (user is not null)
                {
                    steps.Add(new(ContainmentPlanner.DenyAllForUser(user), "stops every other key and the console password of the user too", Done(ContainmentKind.DenyAllPolicy)));
                    if (credential.ConsoleSignIns > 0 || credential.Live?.LoginProfile is not null)
                    {
                        steps.Add(new(ContainmentPlanner.DeleteLoginProfile(user), "the user signs in to the console with a password", Done(ContainmentKind.LoginProfileDeleted)));
                    }
                }

                if (deleteKey)
                {
                    steps.Add(new(ContainmentPlanner.DeleteKey(key, user), "irreversible: only once nothing legitimate uses the key", Done(ContainmentKind.KeyDeleted)));
                }

                break;
            case CredentialKind.IamUserSession or CredentialKind.FederatedSession when user is not null:
                steps.Add(new(ContainmentPlanner.RevokeUserSessions(user, revokeBefore), "temporary credentials cannot be deactivated; this denies every session the user got before now", Done(ContainmentKind.SessionsRevoked)));
                steps.Add(new(ContainmentPlanner.DenyAllForUser(user), "the user's long-term key requested the sessions: stop it too", Done(ContainmentKind.DenyAllPolicy)));
                notes.Add("Find the user's long-term key that called GetSessionToken or GetFederationToken (notebook 05, blast radius) and contain it.");
                break;
            case CredentialKind.RoleSession when credential.RoleName is not null:
                steps.Add(new(ContainmentPlanner.RevokeRoleSessions(credential.RoleName, revokeBefore), "temporary credentials cannot be deactivated; this denies every session of the role issued before now", Done(ContainmentKind.SessionsRevoked)));
                notes.Add("Run it in the role's own account. Then find who assumed the role (the AssumeRole event in notebook 05) and contain that principal, or it assumes the role again.");
                break;
            case CredentialKind.RootAccessKey:
                notes.Add("Root keys cannot be deactivated by another principal: sign in as the root user, open Security credentials, deactivate and delete the key, reset the password and enable MFA. With root credentials configured, the equivalent is: aws iam delete-access-key --access-key-id " + ShellQuoting.Quote(key));
                break;
            default:
                notes.Add("The kind of credential is unknown: run the live lookup (Live = true) before containing it.");
                break;
        }

        notes.Add("Containing this key does not contain what it created: users, keys, console passwords and role sessions in its blast radius need the same treatment (notebook 05; the write-up lists the commands).");
        return new ContainmentPlan(credential, steps, notes);
    }

    /// <summary>
    /// Runs the plan. With <paramref name="execute"/> false (the default everywhere), or without live credentials, it
    /// sends nothing and says what would be sent. With <paramref name="execute"/> true it opens the AWS session
    /// (<paramref name="settings"/>: profile and region, default the AWS CLI's), runs the steps not already done in
    /// order, and appends each to <paramref name="evidenceFolder"/>'s <c>actions.jsonl</c> with the caller's ARN; a
    /// failing call is recorded and stops the run.
    /// </summary>
    /// <exception cref="ArgumentException">Executing without an evidence folder.</exception>
    public async Task<ContainmentRun> RunAsync(bool execute, bool live, string? evidenceFolder, AwsSessionSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var pending = Steps.Where(s => s.AlreadyDone is null).ToList();
        if (!execute)
        {
            return new ContainmentRun(false, $"DRY RUN: nothing was sent. Executing would make {Count(pending.Count)} (the steps the evidence shows done are skipped).", Steps, [], null);
        }

        if (!live)
        {
            return new ContainmentRun(false, "Execute = true needs Live = true and AWS credentials: this run reads recorded evidence, so nothing was sent. These calls would be made:", Steps, [], null);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(evidenceFolder);
        using var session = AwsSession.Open(settings);
        return await ExecuteAsync(session, pending, EvidenceDirectory.Open(evidenceFolder), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Executes the steps not already done through <paramref name="session"/>, recording each in <paramref name="evidence"/>.</summary>
    public Task<ContainmentRun> ExecuteAsync(AwsSession session, EvidenceDirectory evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(evidence);
        return ExecuteAsync(session, [.. Steps.Where(s => s.AlreadyDone is null)], evidence, cancellationToken);
    }

    /// <summary>The plan as a table: each call, why, its CLI equivalent, what the evidence shows done.</summary>
    public HtmlTable ToHtmlTable() =>
        new(["step", "call", "why", "AWS CLI equivalent", "reversible", "already done (evidence)"],
            [.. Steps.Select((s, i) => (IReadOnlyList<string?>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), s.Action.Title, s.Why, s.Action.CliCommand, s.Action.IsIrreversible ? "no" : "yes", s.AlreadyDone])])
        {
            Title = $"Containment plan for {Credential.AccessKeyId} ({CredentialAssessment.KindName(Credential.Kind)})",
            Notes = Notes,
            WrapColumns = ["call", "why", "AWS CLI equivalent", "already done (evidence)"],
        };

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => ToHtmlTable().WriteHtml(writer);

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer) => ToHtmlTable().WritePlainText(writer);

    /// <inheritdoc />
    public override string ToString() => $"Containment plan for {Credential.AccessKeyId}: {Count(Steps.Count)}";

    private async Task<ContainmentRun> ExecuteAsync(AwsSession session, IReadOnlyList<ContainmentStep> pending, EvidenceDirectory evidence, CancellationToken cancellationToken)
    {
        using var sts = session.CreateStsClient();
        var caller = await new StsIdentityClient(sts, session.Region).GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
        var executor = new ContainmentExecutor(new IamClient(session.Sender, session.Region), evidence, caller.Arn);
        var records = new List<ContainmentRecord>();
        var log = Path.Combine(evidence.Root, EvidenceDirectory.ActionsFileName);
        foreach (var step in pending)
        {
            try
            {
                records.Add(await executor.ExecuteAsync(step.Action, cancellationToken).ConfigureAwait(false));
            }
            catch (Aws.Transport.AwsServiceException e)
            {
                records.Add(new ContainmentRecord(DateTimeOffset.UtcNow, step.Action.Operation, step.Action.Parameters.ToDictionary(p => p.Key, p => p.Value), step.Action.CliCommand, caller.Arn, "failed: " + AwsErrorAdvice.Describe(e)));
                return new ContainmentRun(true, $"Stopped at {step.Action.Operation}: {AwsErrorAdvice.Describe(e)}", Steps, records, log);
            }
        }

        return new ContainmentRun(true, $"Executed {Count(records.Count)} as {caller.Arn}.", Steps, records, log);
    }

    private static string Count(int n) => n == 1 ? "1 call" : $"{n} calls";
}
