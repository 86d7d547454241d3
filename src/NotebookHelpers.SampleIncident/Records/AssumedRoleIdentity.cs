using System.Text.Json;

namespace NotebookHelpers.SampleIncident.Records;

/// <summary>A role session (<c>ASIA</c> key): application roles, SSO roles, service-linked roles, EC2 instance roles.</summary>
internal sealed class AssumedRoleIdentity : Identity
{
    public AssumedRoleIdentity(RoleDefinition role, string sessionName, string? accessKeyId, DateTimeOffset created,
        bool mfa = false, string? invokedBy = null, string? ec2RoleDelivery = null, JsonMap? webIdFederationData = null)
    {
        Role = role;
        SessionName = sessionName;
        _accessKeyId = accessKeyId;
        Created = created;
        Mfa = mfa;
        InvokedBy = invokedBy;
        Ec2RoleDelivery = ec2RoleDelivery;
        WebIdFederationData = webIdFederationData;
    }

    private readonly string? _accessKeyId;

    public RoleDefinition Role { get; }

    public string SessionName { get; }

    public DateTimeOffset Created { get; }

    public bool Mfa { get; }

    public string? InvokedBy { get; }

    public string? Ec2RoleDelivery { get; }

    public JsonMap? WebIdFederationData { get; }

    public string Arn => $"arn:aws:sts::{Role.AccountId}:assumed-role/{Role.Name}/{SessionName}";

    public override string? AccessKeyId => _accessKeyId;

    public override string? HistoryUserName => SessionName;

    public override void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("userIdentity");
        writer.WriteString("type", "AssumedRole");
        writer.WriteString("principalId", $"{Role.RoleId}:{SessionName}");
        writer.WriteString("arn", Arn);
        writer.WriteString("accountId", Role.AccountId);
        if (_accessKeyId is not null)
        {
            writer.WriteString("accessKeyId", _accessKeyId);
        }

        writer.WriteStartObject("sessionContext");
        writer.WriteStartObject("sessionIssuer");
        writer.WriteString("type", "Role");
        writer.WriteString("principalId", Role.RoleId);
        writer.WriteString("arn", Role.Arn);
        writer.WriteString("accountId", Role.AccountId);
        writer.WriteString("userName", Role.Name);
        writer.WriteEndObject();
        writer.WritePropertyName("webIdFederationData");
        JsonValueWriter.Write(writer, WebIdFederationData ?? new JsonMap());
        WriteSessionAttributes(writer, Created, Mfa);
        if (Ec2RoleDelivery is not null)
        {
            writer.WriteString("ec2RoleDelivery", Ec2RoleDelivery);
        }

        writer.WriteEndObject();
        if (InvokedBy is not null)
        {
            writer.WriteString("invokedBy", InvokedBy);
        }

        writer.WriteEndObject();
    }
}
