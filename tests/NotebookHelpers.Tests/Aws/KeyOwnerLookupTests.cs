using NotebookHelpers.Aws.Iam;
using NotebookHelpers.Aws.Sts;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Aws;

public sealed class KeyOwnerLookupTests
{
    private static KeyOwnerLookup Lookup(NotebookHelpers.Aws.AwsSession session) =>
        new(new StsIdentityClient(session.CreateStsClient(), session.Region), new IamClient(session.Sender, session.Region));

    [Fact]
    public async Task FindsTheUserItsKeysPasswordMfaAndPolicies()
    {
        await using var server = await FakeAwsServer.StartAsync(IamResponses.Standard);
        using var session = TestAws.Session(server, "eu-west-1");

        var report = await Lookup(session).FindAsync("AKIAEXPOSEDKEY000001", CancellationToken.None);

        Assert.True(report.IsComplete, string.Join("\n", report.Notes));
        Assert.Equal(IamResponses.Account, report.KeyAccount);
        Assert.Equal("arn:aws:iam::111122223333:user/ir-analyst", report.Caller.Arn);
        Assert.Equal("ci-deploy", report.UserName);
        Assert.Equal(new AccessKeyLastUse("ci-deploy", new DateTimeOffset(2023, 11, 5, 10, 41, 0, TimeSpan.Zero), "ec2", "ap-southeast-2"), report.LastUse);
        Assert.Equal(["AKIAEXPOSEDKEY000001", "AKIASECONDKEY0000002"], report.Keys.Select(k => k.AccessKeyId));
        Assert.Equal(new LoginProfileInfo(new DateTimeOffset(2023, 11, 5, 10, 50, 0, TimeSpan.Zero), false), report.LoginProfile);
        Assert.Empty(report.MfaDevices);
        Assert.Equal("arn:aws:iam::aws:policy/AdministratorAccess", Assert.Single(report.AttachedPolicies).PolicyArn);
        Assert.Equal(["deploy-s3"], report.InlinePolicies);

        var iam = server.Requests.Where(r => r.Service == "iam").ToList();
        Assert.All(server.Requests, r => Assert.True(r.Signature.IsValid, r.Signature.Problem));
        Assert.All(iam, r =>
        {
            Assert.Equal("us-east-1", r.Region);
            Assert.Equal("application/x-www-form-urlencoded", r.Headers["content-type"]);
            Assert.Equal("2010-05-08", r.Form["Version"]);
        });
        Assert.Equal("AKIAEXPOSEDKEY000001", iam.Single(r => r.Operation == "GetAccessKeyLastUsed").Form["AccessKeyId"]);
        Assert.Equal("ci-deploy", iam.Single(r => r.Operation == "GetLoginProfile").Form["UserName"]);
        Assert.Contains(server.Requests, r => r.Service == "sts" && r.Region == "eu-west-1" && r.Operation == "GetAccessKeyInfo");
    }

    [Fact]
    public async Task ScansUsersAcrossPagesWhenGetAccessKeyLastUsedIsDenied()
    {
        await using var server = await FakeAwsServer.StartAsync(r => r.Operation switch
        {
            "GetAccessKeyLastUsed" => FakeResponse.QueryError("AccessDenied", "User: arn:aws:iam::111122223333:user/ir-analyst is not authorized to perform: iam:GetAccessKeyLastUsed", 403),
            "ListAccessKeys" when r.Form["UserName"] == "alice" => FakeResponse.Xml(IamResponses.Empty("ListAccessKeys")),
            "GetLoginProfile" => FakeResponse.QueryError("NoSuchEntity", "The user with name ci-deploy cannot be found.", 404),
            _ => IamResponses.Standard(r),
        });
        using var session = TestAws.Session(server);

        var report = await Lookup(session).FindAsync("AKIAEXPOSEDKEY000001", CancellationToken.None);

        Assert.Equal("ci-deploy", report.UserName);
        Assert.Null(report.LoginProfile);
        Assert.Equal(2, server.Requests.Count(r => r.Operation == "ListUsers"));
        Assert.Equal("page-2", server.Requests.Last(r => r.Operation == "ListUsers").Form["Marker"]);
        var note = Assert.Single(report.Notes);
        Assert.StartsWith("iam:GetAccessKeyLastUsed in us-east-1: AccessDenied: User: arn:aws:iam::111122223333:user/ir-analyst is not authorized", note, StringComparison.Ordinal);
        Assert.EndsWith("grant iam:GetAccessKeyLastUsed to the credentials you use (or use an incident-response role).", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysWhenTheKeyBelongsToAnotherAccount()
    {
        await using var server = await FakeAwsServer.StartAsync(r => r.Operation == "GetAccessKeyInfo"
            ? FakeResponse.Xml(IamResponses.AccessKeyInfo("999988887777"))
            : IamResponses.Standard(r));
        using var session = TestAws.Session(server);

        var report = await Lookup(session).FindAsync("AKIAEXPOSEDKEY000001", CancellationToken.None);

        Assert.Null(report.UserName);
        Assert.Contains("999988887777", Assert.Single(report.Notes), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Service == "iam");
    }

    [Fact]
    public async Task ReportsExpiredCredentialsFromStsAsOneClearLine()
    {
        await using var server = await FakeAwsServer.StartAsync(_ =>
            FakeResponse.QueryError("ExpiredToken", "The security token included in the request is expired", 400));
        using var session = TestAws.Session(server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Lookup(session).FindAsync("AKIAEXPOSEDKEY000001", CancellationToken.None));

        Assert.Equal(AwsErrorKind.ExpiredCredentials, error.Kind);
        Assert.Equal(
            "sts:GetCallerIdentity in us-east-1: ExpiredToken: The security token included in the request is expired → the credentials expired: refresh them ('aws sso login', or new temporary keys) and run again.",
            NotebookHelpers.Aws.AwsErrorAdvice.Describe(error));
    }

    [Fact]
    public async Task ParsesAnIamErrorResponseIntoCodeMessageAndRequestId()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => FakeResponse.QueryError("NoSuchEntity", "The user with name ghost cannot be found.", 404));
        using var session = TestAws.Session(server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            new IamClient(session.Sender, "us-east-1").ListMfaDevicesAsync("ghost", CancellationToken.None));

        Assert.Equal((AwsErrorKind.NotFound, "NoSuchEntity", "The user with name ghost cannot be found.", "req-err-1"), (error.Kind, error.ErrorCode, error.Message, error.RequestId));
    }
}
