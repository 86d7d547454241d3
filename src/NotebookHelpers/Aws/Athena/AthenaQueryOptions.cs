namespace NotebookHelpers.Aws.Athena;

/// <summary>Where and how an Athena query runs, and the bounds it must stay within.</summary>
public sealed record AthenaQueryOptions
{
    /// <summary>The Glue database the query's unqualified table names resolve in.</summary>
    public string? Database { get; init; }

    /// <summary>The data catalog (null for Athena's default, <c>AwsDataCatalog</c>).</summary>
    public string? Catalog { get; init; }

    /// <summary>The workgroup (null for Athena's default, <c>primary</c>).</summary>
    public string? WorkGroup { get; init; }

    /// <summary>
    /// Where Athena writes result files, <c>s3://BUCKET/PREFIX/</c>; null to use the workgroup's (Athena refuses the
    /// query when neither is set).
    /// </summary>
    public string? OutputLocation { get; init; }

    /// <summary>Stop the query once it has scanned more than this many bytes; null for no bound.</summary>
    public long? MaxScanBytes { get; init; } = DefaultMaxScanBytes;

    /// <summary>US dollars per terabyte scanned, for the cost reported.</summary>
    public decimal PricePerTerabyte { get; init; } = AthenaCost.DefaultPricePerTerabyte;

    /// <summary>The first wait between GetQueryExecution polls; it grows by half each poll.</summary>
    public TimeSpan PollInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between polls.</summary>
    public TimeSpan PollMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a query may take before it is stopped.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Rows per GetQueryResults page (Athena allows 1 to 1000).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>The default scan bound, 100 GB (binary).</summary>
    public const long DefaultMaxScanBytes = 100L << 30;
}
