using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// Kestrel on 127.0.0.1:0 playing AWS: every request is recorded with its arrival time and its SigV4 signature is
/// verified independently against <see cref="TestAws.SecretKey"/>; a bad signature gets AWS's 403 answer. The
/// handler decides the rest from the recorded request (service and region come from the credential scope).
/// </summary>
public sealed class FakeAwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private FakeAwsServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The server's base URL (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri Url { get; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server that answers with <paramref name="handler"/>; requests must be signed with <paramref name="secretKey"/>.</summary>
    public static Task<FakeAwsServer> StartAsync(Func<RecordedRequest, Task<FakeResponse>> handler, string secretKey = TestAws.SecretKey) =>
        StartAsync(handler, new Dictionary<string, string> { [TestAws.AccessKeyId] = secretKey });

    /// <summary>
    /// Starts a server that knows the secret of each access key in <paramref name="secrets"/> (e.g. the keys an
    /// AssumeRole answer handed out). Unsigned requests reach the handler only when <paramref name="allowUnsigned"/> says so
    /// (the SSO portal uses a bearer token, not SigV4).
    /// </summary>
    public static async Task<FakeAwsServer> StartAsync(
        Func<RecordedRequest, Task<FakeResponse>> handler,
        IReadOnlyDictionary<string, string> secrets,
        Func<RecordedRequest, bool>? allowUnsigned = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeAwsServer? server = null;
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
            var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var accessKey = SigV4Verifier.AccessKeyOf(headers);
            var secret = accessKey is not null && secrets.TryGetValue(accessKey, out var known) ? known : "no secret is known for " + accessKey;
            var signature = SigV4Verifier.Verify(context.Request.Method, rawTarget, headers, body, secret);
            var recorded = new RecordedRequest(context.Request.Method, rawTarget, headers, body, server!._clock.Elapsed, signature);
            server._requests.Enqueue(recorded);
            var response = signature.IsValid || (accessKey is null && allowUnsigned?.Invoke(recorded) == true)
                ? await handler(recorded)
                : FakeResponse.JsonError("SignatureDoesNotMatch", "test server: " + signature.Problem, 403);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            context.Response.Headers["x-amzn-RequestId"] = "req-" + server._requests.Count;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.Body.WriteAsync(response.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeAwsServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
        return server;
    }

    /// <summary>Starts a server with a synchronous handler.</summary>
    public static Task<FakeAwsServer> StartAsync(Func<RecordedRequest, FakeResponse> handler) =>
        StartAsync(r => Task.FromResult(handler(r)));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
