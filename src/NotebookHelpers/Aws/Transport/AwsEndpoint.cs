namespace NotebookHelpers.Aws.Transport;

/// <summary>Where to send a request for one service and region, and the region to sign it for.</summary>
/// <param name="Url">The base URL (scheme, host, port, optional path).</param>
/// <param name="SigningRegion">The region in the SigV4 credential scope.</param>
/// <param name="IsCustom">True when the URL came from <c>AWS_ENDPOINT_URL*</c> or a profile, not the AWS default.</param>
public sealed record AwsEndpoint(Uri Url, string SigningRegion, bool IsCustom);
