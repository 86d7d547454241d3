using System.Globalization;
using NotebookHelpers.Aws.Iam;
using NotebookHelpers.Aws.Sts;
using NotebookHelpers.Cli.CommandLine;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh key-owner AKIA…</c>: who owns an access key (sts:GetAccessKeyInfo, iam:GetAccessKeyLastUsed), and that
/// user's keys, console password, MFA devices and policies: what the key could do, and what to contain.
/// </summary>
public sealed class KeyOwnerCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "key-owner";

    /// <inheritdoc />
    public string Summary => "Find who owns an access key, its last use, the user's keys, password, MFA and policies.";

    /// <inheritdoc />
    public string Usage => "nbh key-owner ACCESS_KEY_ID [--profile NAME] [--region REGION]";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec().WithSession();

    /// <inheritdoc />
    public Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count != 1 || args.Positional[0].Length < 16)
        {
            throw new UsageException($"{Name}: give one access key id (AKIA…/ASIA…). Usage: {Usage}");
        }

        return AwsCommandLine.RunAsync(args, console, async () =>
        {
            using var session = AwsCommandLine.OpenSession(args, console);
            using var stsClient = session.CreateStsClient();
            var lookup = new KeyOwnerLookup(new StsIdentityClient(stsClient, session.Region), new IamClient(session.Sender, session.Region));
            var report = await lookup.FindAsync(args.Positional[0].Trim(), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteAsync(Format(report)).ConfigureAwait(false);
            foreach (var note in report.Notes)
            {
                await console.Error.WriteLineAsync("nbh key-owner: " + note).ConfigureAwait(false);
            }

            return 0;
        });
    }

    private static string Format(KeyOwnerReport r)
    {
        static string Time(DateTimeOffset? t) => NotebookHelpers.Events.UtcTime.Text(t) ?? "never";
        var lines = new List<string>
        {
            $"access key:        {r.AccessKeyId}",
            $"key account:       {r.KeyAccount ?? "unknown"}",
            $"you are:           {r.Caller.Arn} (account {r.Caller.Account})",
            $"owner:             {r.UserName ?? "not found"}",
        };
        if (r.LastUse is { } use)
        {
            lines.Add($"last used:         {Time(use.LastUsedAt)} {use.ServiceName} {use.Region}");
        }

        foreach (var key in r.Keys)
        {
            var marker = key.AccessKeyId == r.AccessKeyId ? "  ← this key" : "";
            lines.Add($"user key:          {key.AccessKeyId} {key.Status} created {Time(key.CreatedAt)}{marker}");
        }

        if (r.UserName is not null)
        {
            lines.Add(r.LoginProfile is { } p
                ? $"console password:  yes, set {Time(p.CreatedAt)}{(p.PasswordResetRequired ? " (reset required)" : "")}"
                : "console password:  none (or unknown, see notes)");
            lines.Add($"MFA devices:       {(r.MfaDevices.Count == 0 ? "none" : string.Join(", ", r.MfaDevices.Select(m => m.SerialNumber)))}");
            lines.Add($"attached policies: {(r.AttachedPolicies.Count == 0 ? "none" : string.Join(", ", r.AttachedPolicies.Select(a => a.PolicyArn)))}");
            lines.Add($"inline policies:   {(r.InlinePolicies.Count == 0 ? "none" : string.Join(", ", r.InlinePolicies))}");
        }

        lines.Add($"complete:          {(r.IsComplete ? "yes" : "no — see the notes on stderr")}");
        return string.Join('\n', lines) + "\n";
    }
}
