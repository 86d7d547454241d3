using System.Globalization;

namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// What a query costs on Athena's SQL engine: bytes scanned, rounded up to the megabyte with a 10 MB minimum per
/// query, at a price per terabyte (AWS's list price is $5.00 per TB in most regions; a workgroup has no price of its
/// own in the API, so the caller states it). Failed queries and DDL statements are not charged. Megabytes and
/// terabytes are binary here (2^20 and 2^40 bytes), the larger of the two readings, so the figure never understates.
/// </summary>
/// <param name="BytesScanned">DataScannedInBytes.</param>
/// <param name="BilledBytes">The bytes charged for.</param>
/// <param name="PricePerTerabyte">US dollars per terabyte scanned.</param>
/// <param name="Dollars">The cost in US dollars.</param>
public sealed record AthenaCost(long BytesScanned, long BilledBytes, decimal PricePerTerabyte, decimal Dollars)
{
    /// <summary>AWS's list price per TB scanned for the SQL engine in most regions, used unless told otherwise.</summary>
    public const decimal DefaultPricePerTerabyte = 5.00m;

    private const long Megabyte = 1L << 20;
    private const long Terabyte = 1L << 40;
    private const long MinimumBilledBytes = 10 * Megabyte;

    /// <summary>The cost of a query that scanned <paramref name="bytesScanned"/> (charged: it ran, and is not DDL).</summary>
    public static AthenaCost Of(long bytesScanned, decimal pricePerTerabyte = DefaultPricePerTerabyte)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesScanned);
        ArgumentOutOfRangeException.ThrowIfNegative(pricePerTerabyte);
        var billed = Math.Max(MinimumBilledBytes, (bytesScanned + Megabyte - 1) / Megabyte * Megabyte);
        return new AthenaCost(bytesScanned, billed, pricePerTerabyte, billed * pricePerTerabyte / Terabyte);
    }

    /// <summary>The cost of a query Athena does not charge for (failed, or DDL).</summary>
    public static AthenaCost Free(long bytesScanned, decimal pricePerTerabyte = DefaultPricePerTerabyte) =>
        new(bytesScanned, 0, pricePerTerabyte, 0m);

    /// <summary>The cost of an execution as it ended.</summary>
    public static AthenaCost Of(AthenaQueryExecution execution, decimal pricePerTerabyte = DefaultPricePerTerabyte)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return execution.State == AthenaQueryState.Failed || string.Equals(execution.StatementType, "DDL", StringComparison.Ordinal)
            ? Free(execution.DataScannedInBytes, pricePerTerabyte)
            : Of(execution.DataScannedInBytes, pricePerTerabyte);
    }

    /// <summary>A byte count for people: <c>812 B</c>, <c>3.4 MB</c>, <c>1.20 GB</c>, <c>2.05 TB</c> (binary units).</summary>
    public static string FormatBytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.00} {units[unit]}");
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{FormatBytes(BytesScanned)} scanned, ${Dollars:0.000000} at ${PricePerTerabyte:0.00}/TB{(BilledBytes == 0 ? " (not charged)" : BilledBytes > BytesScanned && BilledBytes == MinimumBilledBytes ? " (10 MB minimum)" : "")}");
}
