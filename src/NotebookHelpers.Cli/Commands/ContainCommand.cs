using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Containment;
using NotebookHelpers.Aws.Iam;
using NotebookHelpers.Aws.Sts;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Display;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh contain ACTION …</c>: the article's containment steps, as a dry run by default (prints the exact IAM calls
/// and the equivalent AWS CLI commands, sends nothing that changes anything), executed only with <c>--confirm</c>, each
/// executed action appended to the evidence folder's <c>actions.jsonl</c>.
/// </summary>
public sealed class ContainCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "contain";

    /// <inheritdoc />
    public string Summary => "Contain an exposed key: deactivate/delete it, deny-all, revoke sessions, delete the password (dry run unless --confirm).";

    /// <inheritdoc />
    public string Usage =>
        "nbh contain deactivate-key ACCESS_KEY_ID [--user NAME] [--delete] [--confirm --evidence DIR]\n" +
        "       nbh contain deny-all (--user NAME | --role NAME) [--confirm --evidence DIR]\n" +
        "       nbh contain revoke-sessions (--user NAME | --role NAME) [--before T] [--confirm --evidence DIR]\n" +
        "       nbh contain delete-login-profile --user NAME [--confirm --evidence DIR]";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--user", "NAME", "the IAM user (found from the key when omitted)")
        .Option("--role", "NAME", "the IAM role")
        .Flag("--delete", "deactivate-key: delete the key as well (irreversible; deactivating alone keeps AccessDenied attempts visible)")
        .Option("--before", "T", "revoke-sessions: sessions issued before this time stop working (default: now)")
        .Flag("--confirm", "execute the calls (without it nothing is changed)")
        .Option("--evidence", "DIR", "evidence folder whose actions.jsonl records executed actions (required with --confirm)")
        .WithSession();

    /// <inheritdoc />
    public Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count == 0)
        {
            throw new UsageException($"{Name}: give an action. Usage: {Usage}");
        }

        // Everything is checked before the first call: a stray word ("--confirm false", "deny-all now") is refused
        // rather than ignored, since ignoring it once executed what the analyst meant to refuse.
        var action = args.Positional[0];
        var expected = action == "deactivate-key" ? 2 : 1;
        if (args.Positional.Count > expected)
        {
            throw new UsageException(
                $"{Name} {TerminalText.OneLine(action)}: unexpected argument '{TerminalText.OneLine(args.Positional[expected])}'; nothing was sent. " +
                "--confirm takes no value: give it alone to execute, or leave it out for a dry run.");
        }

        var confirm = args.Flag("--confirm");
        var evidence = confirm ? AwsCommandLine.Evidence(args) : null;
        var user = args.Value("--user");
        var role = args.Value("--role");
        return AwsCommandLine.RunAsync(args, console, async () =>
        {
            List<ContainmentAction> plan;
            using var session = AwsCommandLine.OpenSession(args, console);
            var iam = new IamClient(session.Sender, session.Region);
            switch (action)
            {
                case "deactivate-key":
                {
                    if (args.Positional.Count != 2)
                    {
                        throw new UsageException($"{Name} deactivate-key: give the access key id.");
                    }

                    var key = args.Positional[1];
                    user ??= await FindOwnerAsync(iam, key, console, cancellationToken).ConfigureAwait(false);
                    plan = [ContainmentPlanner.DeactivateKey(key, user)];
                    if (args.Flag("--delete"))
                    {
                        plan.Add(ContainmentPlanner.DeleteKey(key, user));
                    }

                    break;
                }

                case "deny-all":
                    plan = [Principal(user, role, ContainmentPlanner.DenyAllForUser, ContainmentPlanner.DenyAllForRole)];
                    break;
                case "revoke-sessions":
                {
                    var issuedBefore = args.Value("--before") is null ? DateTimeOffset.UtcNow : ParseBefore(args.Value("--before")!);
                    plan = [Principal(user, role, u => ContainmentPlanner.RevokeUserSessions(u, issuedBefore), r => ContainmentPlanner.RevokeRoleSessions(r, issuedBefore))];
                    break;
                }

                case "delete-login-profile":
                    plan = [ContainmentPlanner.DeleteLoginProfile(user ?? throw new UsageException($"{Name} delete-login-profile: give --user NAME."))];
                    break;
                default:
                    throw new UsageException($"{Name}: unknown action '{action}' (deactivate-key, deny-all, revoke-sessions, delete-login-profile).");
            }

            if (!confirm)
            {
                await console.Out.WriteLineAsync("DRY RUN — nothing was changed. These calls would be made:").ConfigureAwait(false);
                foreach (var step in plan)
                {
                    await WriteStepAsync(console.Out, step).ConfigureAwait(false);
                }

                await console.Out.WriteLineAsync("Run again with --confirm --evidence DIR to execute them (each is recorded in DIR/actions.jsonl).").ConfigureAwait(false);
                return 0;
            }

            using var sts = session.CreateStsClient();
            var caller = await new StsIdentityClient(sts, session.Region).GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
            var executor = new ContainmentExecutor(iam, evidence!, caller.Arn);
            foreach (var step in plan)
            {
                await WriteStepAsync(console.Out, step).ConfigureAwait(false);
                await executor.ExecuteAsync(step, cancellationToken).ConfigureAwait(false);
                await console.Out.WriteLineAsync("  done: recorded in " + Path.Combine(evidence!.Root, "actions.jsonl")).ConfigureAwait(false);
            }

            return 0;
        });
    }

    private ContainmentAction Principal(string? user, string? role, Func<string, ContainmentAction> forUser, Func<string, ContainmentAction> forRole) =>
        (user, role) switch
        {
            ({ } u, null) => forUser(u),
            (null, { } r) => forRole(r),
            _ => throw new UsageException($"{Name}: give exactly one of --user NAME or --role NAME."),
        };

    private DateTimeOffset ParseBefore(string text)
    {
        try
        {
            return Evidence.TimeRange.Parse(text, null).Start ?? DateTimeOffset.UtcNow;
        }
        catch (FormatException e)
        {
            throw new UsageException($"{Name}: --before: {e.Message}", e);
        }
    }

    private static async Task<string?> FindOwnerAsync(IamClient iam, string key, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            return (await iam.GetAccessKeyLastUsedAsync(key, cancellationToken).ConfigureAwait(false)).UserName;
        }
        catch (AwsServiceException e)
        {
            await console.Error.WriteLineAsync($"nbh contain: cannot find the key's user ({AwsErrorAdvice.Describe(e)}); the call below omits --user-name, which only works for your own keys: pass --user NAME.").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task WriteStepAsync(TextWriter output, ContainmentAction step)
    {
        await output.WriteLineAsync($"* {step.Title}{(step.IsIrreversible ? " (IRREVERSIBLE)" : "")}").ConfigureAwait(false);
        await output.WriteLineAsync($"  iam:{step.Operation} {string.Join(' ', step.Parameters.Select(p => $"{p.Key}={p.Value}"))}").ConfigureAwait(false);
        await output.WriteLineAsync($"  {step.CliCommand}").ConfigureAwait(false);
    }
}
