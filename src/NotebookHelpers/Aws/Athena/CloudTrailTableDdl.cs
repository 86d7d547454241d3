using System.Text;

namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// The CREATE EXTERNAL TABLE statement for a trail's log files with partition projection, as the Athena User Guide
/// documents it ("Create the table for CloudTrail logs in Athena using partition projection"): the documented columns,
/// the JSON SerDe over CloudTrailInputFormat, and three projected partitions: <c>account</c> (enum of the accounts
/// given, else <c>injected</c>), <c>region</c> (enum) and <c>timestamp</c> (a <c>yyyy/MM/dd</c> date, one day per
/// partition, from the spec's first day to NOW), located by <c>storage.location.template</c>. An organization trail's
/// template includes its <c>o-…</c> folder.
/// </summary>
public static class CloudTrailTableDdl
{
    /// <summary>The table's columns as AWS documents them (lowercase, as Glue stores them).</summary>
    public const string Columns = """
            eventversion STRING,
            useridentity STRUCT<
                type: STRING,
                principalid: STRING,
                arn: STRING,
                accountid: STRING,
                invokedby: STRING,
                accesskeyid: STRING,
                username: STRING,
                onbehalfof: STRUCT<
                    userid: STRING,
                    identitystorearn: STRING>,
                sessioncontext: STRUCT<
                    attributes: STRUCT<
                        mfaauthenticated: STRING,
                        creationdate: STRING>,
                    sessionissuer: STRUCT<
                        type: STRING,
                        principalid: STRING,
                        arn: STRING,
                        accountid: STRING,
                        username: STRING>,
                    ec2roledelivery: STRING,
                    webidfederationdata: STRUCT<
                        federatedprovider: STRING,
                        attributes: MAP<STRING, STRING>>>>,
            eventtime STRING,
            eventsource STRING,
            eventname STRING,
            awsregion STRING,
            sourceipaddress STRING,
            useragent STRING,
            errorcode STRING,
            errormessage STRING,
            requestparameters STRING,
            responseelements STRING,
            additionaleventdata STRING,
            requestid STRING,
            eventid STRING,
            readonly STRING,
            resources ARRAY<STRUCT<
                arn: STRING,
                accountid: STRING,
                type: STRING>>,
            eventtype STRING,
            apiversion STRING,
            recipientaccountid STRING,
            serviceeventdetails STRING,
            sharedeventid STRING,
            vpcendpointid STRING,
            vpcendpointaccountid STRING,
            eventcategory STRING,
            addendum STRUCT<
                reason: STRING,
                updatedfields: STRING,
                originalrequestid: STRING,
                originaleventid: STRING>,
            sessioncredentialfromconsole STRING,
            edgedevicedetails STRING,
            tlsdetails STRUCT<
                tlsversion: STRING,
                ciphersuite: STRING,
                clientprovidedhostheader: STRING>
        """;

    /// <summary>The statement for <paramref name="spec"/> (validated first).</summary>
    /// <exception cref="ArgumentException">A value of the spec breaks AWS's naming rules.</exception>
    public static string Render(CloudTrailTableSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var properties = new List<(string Key, string Value)> { ("projection.enabled", "true") };
        if (spec.Accounts.Count > 0)
        {
            properties.Add(("projection.account.type", "enum"));
            properties.Add(("projection.account.values", string.Join(',', spec.Accounts)));
        }
        else
        {
            properties.Add(("projection.account.type", "injected"));
        }

        properties.Add(("projection.region.type", "enum"));
        properties.Add(("projection.region.values", string.Join(',', spec.ProjectedRegions)));
        properties.Add(("projection.timestamp.type", "date"));
        properties.Add(("projection.timestamp.format", "yyyy/MM/dd"));
        properties.Add(("projection.timestamp.range", spec.ProjectionStartText + ",NOW"));
        properties.Add(("projection.timestamp.interval", "1"));
        properties.Add(("projection.timestamp.interval.unit", "DAYS"));
        properties.Add(("storage.location.template", spec.LocationTemplate));

        var sql = new StringBuilder()
            .Append("CREATE EXTERNAL TABLE `").Append(spec.Database).Append("`.`").Append(spec.Table).Append("` (\n")
            .Append(Columns).Append('\n')
            .Append(")\n")
            .Append("PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)\n")
            .Append("ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'\n")
            .Append("STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'\n")
            .Append("OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'\n")
            .Append("LOCATION '").Append(spec.Location).Append("'\n")
            .Append("TBLPROPERTIES (\n");
        for (var i = 0; i < properties.Count; i++)
        {
            sql.Append("    '").Append(properties[i].Key).Append("'='").Append(properties[i].Value).Append('\'')
                .Append(i < properties.Count - 1 ? ",\n" : "\n");
        }

        return sql.Append(")\n").ToString();
    }
}
