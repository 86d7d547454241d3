using System.Text.Json.Serialization;

namespace NotebookHelpers.Aws.Containment;

/// <summary>One line of the evidence folder's <c>actions.jsonl</c>: an executed containment action and its outcome.</summary>
/// <param name="Time">When it was executed (UTC).</param>
/// <param name="Operation">The IAM action.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="CliCommand">The equivalent AWS CLI command.</param>
/// <param name="ExecutedBy">The ARN of the analyst's credentials.</param>
/// <param name="Outcome"><c>succeeded</c>, <c>failed: …</c> with the one-line reason, or <c>unknown (…)</c> when IAM gave no answer.</param>
public sealed record ContainmentRecord(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, string> Parameters,
    [property: JsonPropertyName("cli")] string CliCommand,
    [property: JsonPropertyName("executedBy")] string ExecutedBy,
    [property: JsonPropertyName("outcome")] string Outcome);
