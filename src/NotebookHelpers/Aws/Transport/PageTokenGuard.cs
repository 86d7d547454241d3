namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// Follows the pagination tokens of one paginated call (NextToken, Marker, ContinuationToken) and stops on a token
/// it has already followed: AWS never repeats one, but a broken proxy or endpoint that does would otherwise make the
/// loop run (and write pages) forever.
/// </summary>
/// <param name="service">The signing name, for the message (<c>iam</c>, <c>logs</c>…).</param>
/// <param name="operation">The paginated operation.</param>
/// <param name="region">The region called.</param>
public sealed class PageTokenGuard(string service, string operation, string region)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _pages;

    /// <summary>
    /// The token to request the next page with: null (no more pages) for a null or empty token.
    /// </summary>
    /// <exception cref="AwsServiceException">The token was already followed.</exception>
    public string? Next(string? token)
    {
        _pages++;
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        return _seen.Add(token)
            ? token
            : throw new AwsServiceException(
                AwsErrorKind.Other, service, operation, region, "RepeatedPaginationToken",
                $"page {_pages} gave a pagination token an earlier page gave; stopped instead of looping forever → AWS never does this: check AWS_ENDPOINT_URL* and any proxy, then run again");
    }
}
