namespace NotebookHelpers.SampleIncident.Records;

/// <summary>An IAM role: account, name, path and its <c>AROA</c> unique id.</summary>
internal sealed record RoleDefinition(string AccountId, string Name, string RoleId, string Path = "/")
{
    public string Arn => $"arn:aws:iam::{AccountId}:role{Path}{Name}";
}
