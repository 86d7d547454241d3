namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// The columns of the standard CloudTrail table, as AWS's documented CREATE EXTERNAL TABLE for CloudTrail declares
/// them (Athena user guide, "Create a table for CloudTrail logs"): top-level strings, the <c>useridentity</c> and
/// <c>tlsdetails</c> structs, the <c>resources</c> array of structs, and the columns that hold a JSON document as a
/// string (<c>requestparameters</c>, <c>responseelements</c>, <c>additionaleventdata</c>, <c>serviceeventdetails</c>),
/// whose members are read with <c>json_extract_scalar</c>. Names are matched case-insensitively, as Athena does.
/// </summary>
internal static class CloudTrailTableSchema
{
    /// <summary>Top-level string columns.</summary>
    public static readonly IReadOnlySet<string> StringColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "eventversion", "eventtime", "eventsource", "eventname", "awsregion", "sourceipaddress", "useragent", "errorcode",
        "errormessage", "requestid", "eventid", "eventtype", "apiversion", "readonly", "recipientaccountid", "sharedeventid",
        "vpcendpointid", "vpcendpointaccountid", "eventcategory", "sessioncredentialfromconsole",
    };

    /// <summary>String columns that hold a JSON document.</summary>
    public static readonly IReadOnlySet<string> JsonColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "requestparameters", "responseelements", "additionaleventdata", "serviceeventdetails",
    };

    /// <summary>Struct columns: every leaf path (lower case, dot-separated) below the column.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> StructColumns = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["useridentity"] = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "type", "principalid", "arn", "accountid", "invokedby", "accesskeyid", "username",
            "onbehalfof.userid", "onbehalfof.identitystorearn",
            "sessioncontext.attributes.mfaauthenticated", "sessioncontext.attributes.creationdate",
            "sessioncontext.sessionissuer.type", "sessioncontext.sessionissuer.principalid", "sessioncontext.sessionissuer.arn",
            "sessioncontext.sessionissuer.accountid", "sessioncontext.sessionissuer.username",
            "sessioncontext.ec2roledelivery", "sessioncontext.sourceidentity",
            "sessioncontext.webidfederationdata.federatedprovider",
        },
        ["tlsdetails"] = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "tlsversion", "ciphersuite", "clienthostheader" },
    };

    /// <summary>The array-of-struct column and its struct's fields.</summary>
    public static readonly IReadOnlySet<string> ResourceFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "arn", "accountid", "type" };

    /// <summary>The name of the array-of-struct column.</summary>
    public const string ResourcesColumn = "resources";
}
