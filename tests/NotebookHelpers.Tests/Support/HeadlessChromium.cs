using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookHelpers.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol (a WebSocket on loopback, no browser download, no
/// node): open a page at a window size, evaluate script in it, print it to PDF, and list every request it made.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The URL of every request the page made since it was opened (file:, data: and network ones alike).</summary>
    public IReadOnlyList<string> Requests => [.. _events.Where(e => e.GetProperty("method").GetString() == "Network.requestWillBeSent")
        .Select(e => e.GetProperty("params").GetProperty("request").GetProperty("url").GetString() ?? "")];

    /// <summary>Starts Chromium (from PATH) with a fresh profile and connects to its first page.</summary>
    public static async Task<HeadlessChromium> StartAsync()
    {
        var executable = ExternalTools.Find("chromium") ?? throw new InvalidOperationException("chromium is not on PATH");
        var profile = Directory.CreateTempSubdirectory("nbh-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                     "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync().ConfigureAwait(false);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens <paramref name="path"/> in a window <paramref name="width"/> px wide and waits for it to load.</summary>
    public async Task OpenAsync(string path, int width = 1400, int height = 900)
    {
        await SendAsync("Page.enable").ConfigureAwait(false);
        await SendAsync("Network.enable").ConfigureAwait(false);
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }).ConfigureAwait(false);
        var loaded = _events.Count;
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(path).AbsoluteUri }).ConfigureAwait(false);
        var deadline = DateTime.UtcNow + Timeout;
        while (!_events.Skip(loaded).Any(e => e.GetProperty("method").GetString() == "Page.loadEventFired"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} did not load in {Timeout.TotalSeconds:0} s");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>The value of <paramref name="expression"/> evaluated in the page (awaited when it is a promise).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }).ConfigureAwait(false);
        if (result.TryGetProperty("exceptionDetails", out var error))
        {
            throw new InvalidOperationException("script failed: " + error);
        }

        return result.GetProperty("result").GetProperty("value").Clone();
    }

    /// <summary>The page printed to PDF on A4 paper (its own print stylesheet and margins), and its number of pages.</summary>
    public async Task<(byte[] Pdf, int Pages)> PrintA4Async()
    {
        await EvaluateAsync("(() => { const s = document.createElement('style'); s.textContent = '@page{size:A4;}'; document.head.appendChild(s); return true; })()").ConfigureAwait(false);
        var result = await SendAsync("Page.printToPDF", new JsonObject { ["preferCSSPageSize"] = true, ["printBackground"] = true }).ConfigureAwait(false);
        var pdf = Convert.FromBase64String(result.GetProperty("data").GetString()!);
        return (pdf, PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count);
    }

    /// <summary>Saves a screenshot of the whole page (PNG) to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path, int width = 1400)
    {
        var height = (await EvaluateAsync("Math.ceil(document.documentElement.scrollHeight)").ConfigureAwait(false)).GetInt32();
        var result = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = 1 },
        }).ConfigureAwait(false);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(result.GetProperty("data").GetString()!)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A crash dump or lock file still held: the temp folder is cleaned up later.
        }
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(\d+)/")]
    private static partial Regex Listening();

    private async Task ConnectAsync()
    {
        // Chromium prints the port it picked on stderr.
        using var timeout = new CancellationTokenSource(Timeout);
        int? port = null;
        while (port is null)
        {
            var line = await _process.StandardError.ReadLineAsync(timeout.Token).ConfigureAwait(false)
                       ?? throw new InvalidOperationException("chromium exited before listening for DevTools");
            if (Listening().Match(line) is { Success: true } match)
            {
                port = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        // Keep draining stderr so Chromium never blocks on a full pipe.
        _ = Task.Run(async () =>
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is not null)
            {
            }
        });
        using var http = new HttpClient();
        var targets = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), timeout.Token).ConfigureAwait(false));
        var page = targets.RootElement.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page");
        await _socket.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!), timeout.Token).ConfigureAwait(false);
        _reader = Task.Run(ReadAsync);
    }

    private async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
        return await reply.Task.WaitAsync(Timeout).ConfigureAwait(false);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                var root = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                message.SetLength(0);
                if (root.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
                {
                    if (root.TryGetProperty("error", out var error))
                    {
                        reply.TrySetException(new InvalidOperationException("DevTools: " + error));
                    }
                    else
                    {
                        reply.TrySetResult(root.GetProperty("result"));
                    }
                }
                else if (root.TryGetProperty("method", out _))
                {
                    _events.Enqueue(root);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Closing.
        }
    }
}
