using System.Text;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>What the fake AWS server answers.</summary>
public sealed record FakeResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A JSON 1.1 success.</summary>
    public static FakeResponse Json(string json) => new(200, "application/x-amz-json-1.1", Encoding.UTF8.GetBytes(json));

    /// <summary>A JSON 1.1 error as AWS sends it.</summary>
    public static FakeResponse JsonError(string code, string message, int status = 400) =>
        new(status, "application/x-amz-json-1.1", Encoding.UTF8.GetBytes(
            $$"""{"__type":"com.amazonaws.service#{{code}}","message":{{System.Text.Json.JsonSerializer.Serialize(message)}}}"""));

    /// <summary>An XML success (Query protocol, EC2, S3).</summary>
    public static FakeResponse Xml(string xml) => new(200, "text/xml", Encoding.UTF8.GetBytes(xml));

    /// <summary>A Query-protocol error as IAM and STS send it.</summary>
    public static FakeResponse QueryError(string code, string message, int status = 400) =>
        new(status, "text/xml", Encoding.UTF8.GetBytes(
            $"""<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message></Error><RequestId>req-err-1</RequestId></ErrorResponse>"""));

    /// <summary>Raw bytes (an S3 object).</summary>
    public static FakeResponse Bytes(byte[] body, string contentType = "application/octet-stream", IReadOnlyDictionary<string, string>? headers = null) =>
        new(200, contentType, body, headers);
}
