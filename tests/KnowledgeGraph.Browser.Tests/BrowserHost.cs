using KnowledgeGraph.Cli;
using KnowledgeGraph.Cli.Commands;
using PuppeteerSharp;

namespace KnowledgeGraph.Browser.Tests;

/// <summary>
/// Headless Chromium from Debian (<c>/usr/bin/chromium</c>, or <c>$KG_CHROMIUM</c>), driven over the DevTools protocol by
/// PuppeteerSharp; no browser is ever downloaded. Without Chromium the tests are skipped with the reason, except on CI
/// (<c>CI</c> set), where <c>tests/run.sh</c> installs it and a missing browser is a failure.
/// </summary>
public static class BrowserHost
{
    private static readonly string[] Flags =
    {
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
    };

    public static string ExecutablePath => Environment.GetEnvironmentVariable("KG_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>Starts Chromium with a fresh profile, or skips (fails on CI) when it is not installed.</summary>
    public static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            var reason = $"Chromium not found at {ExecutablePath}: install Debian's 'chromium' (tests/run.sh does: apt-get install -y chromium) or set KG_CHROMIUM";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Assert.Fail(reason);
            Assert.Ignore(reason);
        }
        var profile = Path.Combine(Path.GetTempPath(), "kg-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(profile);
        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            UserDataDir = profile,
            Timeout = 60_000,
        });
    }

    /// <summary>Runs kg in-process; a failure shows what it printed.</summary>
    public static void Kg(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, new CliContext(o, e, new StringReader(""), stdoutIsTerminal: false));
        Assert.That(code, Is.EqualTo(0), $"kg {string.Join(' ', args)}\n{o}\n{e}");
    }

    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "KnowledgeGraph.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    public static string TempDir()
    {
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "tmp", "browser-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Where a screenshot goes: docs/ when KG_UPDATE_SCREENSHOTS=1 (to refresh the README's pictures), else a temporary folder.</summary>
    public static string ScreenshotPath(string name) =>
        Environment.GetEnvironmentVariable("KG_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepoRoot(), "docs", name)
            : Path.Combine(TempDir(), name);
}

/// <summary>One open page and everything it did: console messages, uncaught errors, requests, dialogs.</summary>
public sealed class PageProbe : IAsyncDisposable
{
    private PageProbe(IPage page) { Page = page; }

    public IPage Page { get; }
    public List<string> ConsoleProblems { get; } = new();
    public List<string> Requests { get; } = new();
    public List<string> Dialogs { get; } = new();

    public static async Task<PageProbe> OpenAsync(IBrowser browser, string path, string readyExpression, int width = 1400, int height = 900)
    {
        var page = await browser.NewPageAsync();
        var probe = new PageProbe(page);
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning or ConsoleType.Assert)
                lock (probe.ConsoleProblems) probe.ConsoleProblems.Add($"{e.Message.Type}: {e.Message.Text}");
        };
        page.PageError += (_, e) => { lock (probe.ConsoleProblems) probe.ConsoleProblems.Add("uncaught: " + e.Message); };
        page.Request += (_, e) => { lock (probe.Requests) probe.Requests.Add(e.Request.Url); };
        page.Dialog += async (_, e) =>
        {
            lock (probe.Dialogs) probe.Dialogs.Add(e.Dialog.Message);
            await e.Dialog.Dismiss();
        };
        await page.GoToAsync(new Uri(Path.GetFullPath(path)).AbsoluteUri, new NavigationOptions { WaitUntil = new[] { WaitUntilNavigation.Load }, Timeout = 60_000 });
        await page.WaitForFunctionAsync(readyExpression, new WaitForFunctionOptions { Timeout = 60_000 });
        return probe;
    }

    /// <summary>Requests that would leave the file: every one but the page itself (file://) and about: pages.</summary>
    public IReadOnlyList<string> NetworkRequests()
    {
        lock (Requests) return Requests.Where(u => !u.StartsWith("file://", StringComparison.Ordinal) && !u.StartsWith("about:", StringComparison.Ordinal)).ToList();
    }

    public async Task<T> Eval<T>(string expression) => await Page.EvaluateExpressionAsync<T>(expression);

    public async Task<T> Eval<T>(string function, params object[] args) => await Page.EvaluateFunctionAsync<T>(function, args);

    public ValueTask DisposeAsync() => new(Page.CloseAsync());
}
