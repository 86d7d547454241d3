using System.Text.Json;

namespace NotebookHelpers.SampleIncident.Records;

/// <summary>An AWS service acting on its own behalf, e.g. <c>ecs-tasks.amazonaws.com</c> assuming a task role.</summary>
internal sealed class AwsServiceIdentity(string invokedBy) : Identity
{
    public string InvokedBy { get; } = invokedBy;

    public override string? AccessKeyId => null;

    public override string? HistoryUserName => InvokedBy;

    public override void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("userIdentity");
        writer.WriteString("type", "AWSService");
        writer.WriteString("invokedBy", InvokedBy);
        writer.WriteEndObject();
    }
}
