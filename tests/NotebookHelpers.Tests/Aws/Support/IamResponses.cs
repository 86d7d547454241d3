namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>IAM and STS answers written from the IAM and STS API references' response examples.</summary>
public static class IamResponses
{
    public const string Account = "111122223333";

    public static string CallerIdentity(string account = Account) => $"""
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
            <Arn>arn:aws:iam::{account}:user/ir-analyst</Arn>
            <UserId>AIDAIRANALYSTEXAMPLE</UserId>
            <Account>{account}</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """;

    public static string AccessKeyInfo(string account) => $"""
        <GetAccessKeyInfoResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetAccessKeyInfoResult><Account>{account}</Account></GetAccessKeyInfoResult>
          <ResponseMetadata><RequestId>req-aki</RequestId></ResponseMetadata>
        </GetAccessKeyInfoResponse>
        """;

    public const string AccessKeyLastUsed = """
        <GetAccessKeyLastUsedResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetAccessKeyLastUsedResult>
            <AccessKeyLastUsed>
              <Region>ap-southeast-2</Region>
              <LastUsedDate>2023-11-05T10:41:00Z</LastUsedDate>
              <ServiceName>ec2</ServiceName>
            </AccessKeyLastUsed>
            <UserName>ci-deploy</UserName>
          </GetAccessKeyLastUsedResult>
          <ResponseMetadata><RequestId>req-last</RequestId></ResponseMetadata>
        </GetAccessKeyLastUsedResponse>
        """;

    public const string UserKeys = """
        <ListAccessKeysResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <ListAccessKeysResult>
            <UserName>ci-deploy</UserName>
            <AccessKeyMetadata>
              <member><UserName>ci-deploy</UserName><AccessKeyId>AKIAEXPOSEDKEY000001</AccessKeyId><Status>Active</Status><CreateDate>2022-01-10T09:00:00Z</CreateDate></member>
              <member><UserName>ci-deploy</UserName><AccessKeyId>AKIASECONDKEY0000002</AccessKeyId><Status>Active</Status><CreateDate>2023-11-05T10:45:00Z</CreateDate></member>
            </AccessKeyMetadata>
            <IsTruncated>false</IsTruncated>
          </ListAccessKeysResult>
          <ResponseMetadata><RequestId>req-keys</RequestId></ResponseMetadata>
        </ListAccessKeysResponse>
        """;

    public const string LoginProfile = """
        <GetLoginProfileResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetLoginProfileResult>
            <LoginProfile><UserName>ci-deploy</UserName><CreateDate>2023-11-05T10:50:00Z</CreateDate><PasswordResetRequired>false</PasswordResetRequired></LoginProfile>
          </GetLoginProfileResult>
          <ResponseMetadata><RequestId>req-lp</RequestId></ResponseMetadata>
        </GetLoginProfileResponse>
        """;

    public const string NoMfa = """
        <ListMFADevicesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <ListMFADevicesResult><MFADevices/><IsTruncated>false</IsTruncated></ListMFADevicesResult>
          <ResponseMetadata><RequestId>req-mfa</RequestId></ResponseMetadata>
        </ListMFADevicesResponse>
        """;

    public const string AttachedAdmin = """
        <ListAttachedUserPoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <ListAttachedUserPoliciesResult>
            <AttachedPolicies>
              <member><PolicyName>AdministratorAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn></member>
            </AttachedPolicies>
            <IsTruncated>false</IsTruncated>
          </ListAttachedUserPoliciesResult>
          <ResponseMetadata><RequestId>req-att</RequestId></ResponseMetadata>
        </ListAttachedUserPoliciesResponse>
        """;

    public const string InlinePolicies = """
        <ListUserPoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <ListUserPoliciesResult><PolicyNames><member>deploy-s3</member></PolicyNames><IsTruncated>false</IsTruncated></ListUserPoliciesResult>
          <ResponseMetadata><RequestId>req-inl</RequestId></ResponseMetadata>
        </ListUserPoliciesResponse>
        """;

    public static string UsersPage(bool first) => first
        ? """
          <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
            <ListUsersResult>
              <Users><member><UserName>alice</UserName><UserId>AIDAALICE</UserId><Arn>arn:aws:iam::111122223333:user/alice</Arn><Path>/</Path><CreateDate>2020-01-01T00:00:00Z</CreateDate></member></Users>
              <IsTruncated>true</IsTruncated><Marker>page-2</Marker>
            </ListUsersResult>
          </ListUsersResponse>
          """
        : """
          <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
            <ListUsersResult>
              <Users><member><UserName>ci-deploy</UserName><UserId>AIDACIDEPLOY</UserId><Arn>arn:aws:iam::111122223333:user/ci-deploy</Arn><Path>/</Path><CreateDate>2021-06-01T00:00:00Z</CreateDate><PasswordLastUsed>2023-11-05T11:00:00Z</PasswordLastUsed></member></Users>
              <IsTruncated>false</IsTruncated>
            </ListUsersResult>
          </ListUsersResponse>
          """;

    public static string Empty(string action) => $"""
        <{action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata><RequestId>req-{action}</RequestId></ResponseMetadata></{action}Response>
        """;

    /// <summary>The standard answers of a healthy account, by action.</summary>
    public static FakeResponse Standard(RecordedRequest request) => request.Operation switch
    {
        "GetCallerIdentity" => FakeResponse.Xml(CallerIdentity()),
        "GetAccessKeyInfo" => FakeResponse.Xml(AccessKeyInfo(Account)),
        "GetAccessKeyLastUsed" => FakeResponse.Xml(AccessKeyLastUsed),
        "ListAccessKeys" => FakeResponse.Xml(UserKeys),
        "GetLoginProfile" => FakeResponse.Xml(LoginProfile),
        "ListMFADevices" => FakeResponse.Xml(NoMfa),
        "ListAttachedUserPolicies" => FakeResponse.Xml(AttachedAdmin),
        "ListUserPolicies" => FakeResponse.Xml(InlinePolicies),
        "ListUsers" => FakeResponse.Xml(UsersPage(!request.Form.ContainsKey("Marker"))),
        "UpdateAccessKey" or "DeleteAccessKey" or "PutUserPolicy" or "PutRolePolicy" or "DeleteLoginProfile" => FakeResponse.Xml(Empty(request.Operation)),
        _ => FakeResponse.QueryError("InvalidAction", "Could not find operation " + request.Operation),
    };
}
