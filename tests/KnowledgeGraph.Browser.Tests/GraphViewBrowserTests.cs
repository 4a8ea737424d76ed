using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PuppeteerSharp;

namespace KnowledgeGraph.Browser.Tests;

/// <summary>
/// <c>kg build seeds --html</c> and <c>kg view</c> pages opened in headless Chromium, checked the way a user would see
/// them. Expected values come from graph.jsonl, read here independently of the page's own code.
/// </summary>
[NonParallelizable]
public sealed class GraphViewBrowserTests
{
    private const string Ready = "() => window.kgView && window.kgView.readyMs > 0";
    private IBrowser _browser = null!;
    private string _dir = null!;
    private List<JObject> _nodes = null!;
    private List<JObject> _relationships = null!;

    [OneTimeSetUp]
    public async Task BuildTheSeedGraphAndStartChromium()
    {
        _browser = await BrowserHost.LaunchAsync();
        _dir = BrowserHost.TempDir();
        BrowserHost.Kg("build", Path.Combine(BrowserHost.RepoRoot(), "seeds"), "--out", _dir, "--html", "--quiet");
        var lines = File.ReadLines(Path.Combine(_dir, "graph.jsonl")).Where(l => l.Length > 0).Select(JObject.Parse).ToList();
        _nodes = lines.Where(o => (string?)o["type"] == "node" && o["labels"]!.Any(l => (string?)l == "Entity")).ToList();
        _relationships = lines.Where(o => (string?)o["type"] == "relationship" && (string?)o["label"] != "MENTIONS").ToList();
        Assert.That(_nodes, Is.Not.Empty);
        Assert.That(_relationships, Is.Not.Empty);
    }

    [OneTimeTearDown]
    public async Task StopChromium()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    private Task<PageProbe> Open(string file = "graph.html") => PageProbe.OpenAsync(_browser, Path.Combine(_dir, file), Ready);

    private string IdOf(string name) => (string)_nodes.Single(n => (string?)n["properties"]!["name"] == name)["id"]!;

    /// <summary>An entity and every entity one relationship away from it, sorted.</summary>
    private string[] Neighbourhood(string centre) =>
        _relationships.Select(r => ((string)r["start"]!["id"]!, (string)r["end"]!["id"]!)).Where(e => e.Item1 == centre || e.Item2 == centre)
            .SelectMany(e => new[] { e.Item1, e.Item2 }).Append(centre).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static double Confidence(JObject r) => (double)r["properties"]!["confidence"]!;

    /// <summary>Ids of the elements drawn (display not none, asked of each element's computed style, not of Cytoscape's
    /// ':visible' selector, which can answer from styles computed before the last filter change).</summary>
    private static async Task<string[]> DrawnIds(PageProbe p, string selector) =>
        await p.Eval<string[]>($"kgView.cy.elements('{selector.Replace(":visible", "", StringComparison.Ordinal)}')"
            + ".filter(e => e.style('display') !== 'none').map(e => e.id()).sort()");

    [Test]
    public async Task Seed_page_opens_offline_without_errors_and_draws_every_entity_and_relationship()
    {
        await using var p = await Open();
        Assert.That(p.ConsoleProblems, Is.Empty, "console errors or warnings");
        Assert.That(p.NetworkRequests(), Is.Empty, "the page must not touch the network");
        Assert.That(p.Dialogs, Is.Empty);
        Assert.That(await DrawnIds(p, "node:visible"), Is.EqualTo(_nodes.Select(n => (string)n["id"]!).Order(StringComparer.Ordinal).ToArray()));
        Assert.That(await DrawnIds(p, "edge:visible"), Is.EquivalentTo(_relationships.Select(r => (string)r["id"]!)));
        Assert.That(await p.Eval<bool>("document.getElementById('kg-note').hidden"), Is.True, "a small graph is shown whole, with no 'showing N of M' note");
        Assert.That(await p.Eval<string>("document.getElementById('kg-title').textContent"), Is.Not.Empty);

        // A screenshot of the graph alone: a blank or collapsed drawing has almost no variance and almost no ink.
        var graph = await p.Page.QuerySelectorAsync("#kg-graph");
        var pixels = PngPixels.Decode(await graph.ScreenshotDataAsync(new ElementScreenshotOptions { Type = ScreenshotType.Png }));
        Assert.That(pixels.LuminanceVariance(), Is.GreaterThan(150), "the graph area looks blank");
        Assert.That(pixels.InkedShare(), Is.GreaterThan(0.03), "the graph area has almost nothing drawn");
    }

    [Test]
    public async Task Searching_Wagner_selects_the_Wagner_Group_node_and_shows_its_details()
    {
        await using var p = await Open();
        await p.Page.TypeAsync("#kg-search", "Wagner");
        Assert.That(await p.Eval<string>("document.querySelector('#kg-results li').textContent"), Does.StartWith("Wagner Group"));
        await p.Page.Keyboard.PressAsync("Enter");
        Assert.That(await DrawnIds(p, "node:selected"), Is.EqualTo(new[] { IdOf("Wagner Group") }));
        Assert.That(await p.Eval<string>("document.querySelector('#kg-details h2').textContent"), Is.EqualTo("Wagner Group"));
        var aliases = _nodes.Single(n => (string?)n["id"] == IdOf("Wagner Group"))["properties"]!["aliases"]!.Select(a => (string)a!);
        var details = await p.Eval<string>("document.getElementById('kg-details').textContent");
        foreach (var alias in aliases) Assert.That(details, Does.Contain(alias));
        // the node's confidence (how much evidence the system has for it), as the graph gives it, to two decimals
        var confidence = (double)_nodes.Single(n => (string?)n["id"] == IdOf("Wagner Group"))["properties"]!["confidence"]!;
        Assert.That(details, Does.Contain("Confidence" + Math.Round(confidence, 2, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(p.ConsoleProblems, Is.Empty);
    }

    [Test]
    public async Task Clicking_the_edge_from_Prigozhin_to_Wagner_Group_shows_its_evidence_with_the_trigger_marked()
    {
        var edge = _relationships.First(r =>
            ((string?)_nodes.Single(n => (string?)n["id"] == (string?)r["start"]!["id"])["properties"]!["name"])!.Contains("Prigozhin", StringComparison.Ordinal)
            && (string?)r["end"]!["id"] == IdOf("Wagner Group"));
        await using var p = await Open();
        // Zoom onto the edge, then click the middle of its line with the mouse, as a user would.
        var at = await p.Eval<double[]>(@"(id) => {
            const cy = kgView.cy, e = cy.getElementById(id);
            cy.fit(e.connectedNodes(), 220);
            const m = e.renderedMidpoint(), r = cy.container().getBoundingClientRect();
            return [r.left + m.x, r.top + m.y];
        }", (string)edge["id"]!);
        await p.Page.Mouse.ClickAsync((decimal)at[0], (decimal)at[1]);
        var details = await p.Eval<string>("document.getElementById('kg-details').textContent");
        Assert.That(details, Does.Contain((string)edge["label"]!));
        foreach (var sentence in edge["properties"]!["evidence"]!.Select(s => (string)s!)) Assert.That(details, Does.Contain(sentence));
        var marked = await p.Eval<string[]>("[...document.querySelectorAll('#kg-details .kg-evidence mark')].map(m => m.textContent.toLowerCase())");
        var triggers = edge["properties"]!["trigger"]!.Select(t => ((string)t!).ToLowerInvariant()).ToList();
        Assert.That(marked, Is.Not.Empty);
        Assert.That(marked, Has.All.Matches<string>(m => triggers.Any(t => t.Contains(m, StringComparison.Ordinal))));
        Assert.That(details, Does.Contain(DocumentTitle()), "the evidence names its document");
        Assert.That(p.ConsoleProblems, Is.Empty);
        // The README's picture: the whole graph, the edge selected, its evidence beside it.
        await p.Eval<bool>("kgView.cy.fit(undefined, 30), true");
        await p.Page.ScreenshotAsync(BrowserHost.ScreenshotPath("view-seed.png"));
    }

    private string DocumentTitle() =>
        File.ReadLines(Path.Combine(_dir, "graph.jsonl")).Select(JObject.Parse).Where(o => o["labels"]?.Any(l => (string?)l == "Document") == true)
            .Select(o => (string)o["properties"]!["title"]!).First();

    [Test]
    public async Task The_confidence_filter_hides_every_edge_below_it_and_only_those()
    {
        var confidences = _relationships.Select(Confidence).Order().ToList();
        double threshold = Math.Round(confidences[confidences.Count / 2], 2);
        var expected = _relationships.Where(r => Confidence(r) >= threshold).Select(r => (string)r["id"]!).ToList();
        Assert.That(expected.Count, Is.InRange(1, _relationships.Count - 1), "the threshold must split the edges");
        await using var p = await Open();
        await p.Eval<bool>(@"(t) => { const s = document.getElementById('kg-confidence'); s.value = t; s.dispatchEvent(new Event('input')); return true; }",
            threshold.ToString(CultureInfo.InvariantCulture));
        var shown = await p.Eval<string>("document.getElementById('kg-confidence').value + ' ' + document.getElementById('kg-edge-count').textContent");
        Assert.That(await DrawnIds(p, "edge:visible"), Is.EquivalentTo(expected), $"threshold {threshold}, page says {shown}");
        Assert.That(await DrawnIds(p, "node:visible"), Has.Length.EqualTo(_nodes.Count), "the filter hides edges, not nodes");
    }

    [Test]
    public async Task Nodes_have_the_colours_of_graph_schema_style_grass()
    {
        // Neo4j Browser merges the rules of every label of a node in file order; the last colour given wins.
        var grass = File.ReadAllText(Path.Combine(BrowserHost.RepoRoot(), "graph-schema", "style.grass"));
        var colourOf = Regex.Matches(grass, @"node\.(\w+)\s*\{[^}]*?(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})")
            .Select((m, i) => (Label: m.Groups[1].Value, Colour: m.Groups[2].Value, Order: i)).ToList();
        await using var p = await Open();
        var drawn = await p.Eval<string[][]>("kgView.cy.nodes().map(n => [n.id(), n.style('background-color')])");
        Assert.That(drawn, Has.Length.EqualTo(_nodes.Count));
        foreach (var pair in drawn)
        {
            var labels = _nodes.Single(n => (string?)n["id"] == pair[0])["labels"]!.Select(l => (string)l!).ToHashSet();
            var hex = colourOf.Where(c => labels.Contains(c.Label)).MaxBy(c => c.Order).Colour;
            var rgb = $"rgb({Convert.ToInt32(hex[1..3], 16)},{Convert.ToInt32(hex[3..5], 16)},{Convert.ToInt32(hex[5..7], 16)})";
            Assert.That(pair[1], Is.EqualTo(rgb), $"{pair[0]} ({string.Join(':', labels)})");
        }
    }

    [Test]
    public async Task Focus_opens_on_the_neighbourhood_of_an_entity_named_by_an_alias()
    {
        // the acronym the seed article writes for the mission (an alias: the node is named by the long form); "Wagner", used
        // here before, was an alias only while the recogniser cut "the Wagner group" to "Wagner" (the article never writes
        // it alone; branch nerjudged)
        BrowserHost.Kg("view", Path.Combine(_dir, "graph.jsonl"), "--focus", "MINUSMA", "--hops", "1", "--out", Path.Combine(_dir, "focus.html"));
        var centre = IdOf("U.N. Multidimensional Integrated Stabilization Mission in Mali");
        await using var p = await Open("focus.html");
        Assert.That(await DrawnIds(p, "node"), Is.EqualTo(Neighbourhood(centre)));
        Assert.That(await DrawnIds(p, "node:selected"), Is.EqualTo(new[] { centre }));
        Assert.That(await p.Eval<string>("document.getElementById('kg-note-text').textContent"), Does.Contain("Neighbourhood of U.N. Multidimensional Integrated Stabilization Mission in Mali"));
        // Back to the whole graph.
        await p.Page.ClickAsync("#kg-show-top");
        Assert.That(await DrawnIds(p, "node"), Has.Length.EqualTo(_nodes.Count));
        Assert.That(p.ConsoleProblems, Is.Empty);
    }

    [Test]
    public async Task Double_clicking_a_node_shows_its_neighbourhood()
    {
        await using var p = await Open();
        var centre = IdOf("Wagner Group");
        var at = await p.Eval<double[]>(@"(id) => {
            const cy = kgView.cy, n = cy.getElementById(id), r = cy.container().getBoundingClientRect(), q = n.renderedPosition();
            return [r.left + q.x, r.top + q.y];
        }", centre);
        // Two clicks on the node, dispatched as mouse events in one go: on a busy machine two clicks sent one by one over
        // the DevTools protocol can arrive further apart than a double-click (and a clickCount=2 click is seen as one).
        await p.Eval<bool>(@"(x, y) => {
            const target = document.elementFromPoint(x, y);
            for (let i = 0; i < 2; i++)
                for (const type of ['mousedown', 'mouseup'])
                    target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0,
                        buttons: type === 'mousedown' ? 1 : 0, view: window }));
            return true;
        }", at[0], at[1]);
        await p.Page.WaitForFunctionAsync("() => !document.getElementById('kg-note').hidden", new WaitForFunctionOptions { Timeout = 10_000 });
        Assert.That(await DrawnIds(p, "node"), Is.EqualTo(Neighbourhood(centre)));
    }

    [Test]
    public async Task A_graph_larger_than_max_nodes_opens_on_the_most_mentioned_and_brings_the_rest_on_demand()
    {
        BrowserHost.Kg("view", Path.Combine(_dir, "graph.jsonl"), "--max-nodes", "10", "--out", Path.Combine(_dir, "top.html"));
        var byMentions = _nodes.OrderByDescending(n => (long)n["properties"]!["mentions"]!).ThenBy(n => (string)n["id"]!, StringComparer.Ordinal).ToList();
        await using var p = await Open("top.html");
        Assert.That(await DrawnIds(p, "node"), Is.EqualTo(byMentions.Take(10).Select(n => (string)n["id"]!).Order(StringComparer.Ordinal).ToArray()));
        Assert.That(await p.Eval<string>("document.getElementById('kg-note-text').textContent"), Does.Contain($"10 of {_nodes.Count}"));
        // The least mentioned entity is found by search and drawn on demand.
        var last = byMentions[^1];
        await p.Page.TypeAsync("#kg-search", (string)last["properties"]!["name"]!);
        await p.Page.Keyboard.PressAsync("Enter");
        Assert.That(await DrawnIds(p, "node:selected"), Is.EqualTo(new[] { (string)last["id"]! }));
        // Show every entity.
        await p.Page.ClickAsync("#kg-show-all");
        Assert.That(await DrawnIds(p, "node"), Has.Length.EqualTo(_nodes.Count));
        Assert.That(p.ConsoleProblems, Is.Empty);
    }

    [Test]
    public async Task Hostile_names_and_evidence_are_shown_as_text_and_never_run()
    {
        const string name = "</script><script>window.__pwned=1;alert(1)</script> Brigade";
        const string alias = "<img src=x onerror=\"window.__pwned=2\"> & ]]> \u202Egnorw\u202C \u2028";
        const string sentence = "The \"</script>\" <b>Brigade</b> & co. attacked <!-- Northland --> ]]> today.";
        const string title = "<script>alert('title')</script> & \"quotes\"";
        var dir = BrowserHost.TempDir();
        var lines = new[]
        {
            new JObject { ["type"] = "node", ["id"] = "d:1", ["labels"] = new JArray("Document"), ["properties"] = new JObject { ["title"] = title } },
            new JObject { ["type"] = "node", ["id"] = "e:org:x", ["labels"] = new JArray("Entity", "Organization", "ArmedGroup"),
                ["properties"] = new JObject { ["name"] = name, ["aliases"] = new JArray(name, alias), ["mentions"] = 2 } },
            new JObject { ["type"] = "node", ["id"] = "e:loc:y", ["labels"] = new JArray("Entity", "Location"),
                ["properties"] = new JObject { ["name"] = "Northland <i>", ["aliases"] = new JArray("Northland <i>"), ["mentions"] = 1 } },
            new JObject { ["type"] = "relationship", ["id"] = "r:1", ["label"] = "ATTACKED", ["start"] = new JObject { ["id"] = "e:org:x" },
                ["end"] = new JObject { ["id"] = "e:loc:y" }, ["properties"] = new JObject
                {
                    ["category"] = "ASSAULT", ["confidence"] = 0.7, ["evidence"] = new JArray(sentence), ["trigger"] = new JArray("</script>"),
                    ["doc_ids"] = new JArray("d:1"), ["offsets"] = new JArray($"d:1:0-{sentence.Length}"), ["attributed_to"] = new JArray("<u>Someone</u>"),
                } },
        };
        File.WriteAllLines(Path.Combine(dir, "graph.jsonl"), lines.Select(l => l.ToString(Newtonsoft.Json.Formatting.None)));
        BrowserHost.Kg("view", Path.Combine(dir, "graph.jsonl"));
        await using var p = await PageProbe.OpenAsync(_browser, Path.Combine(dir, "graph.html"), Ready);

        await p.Page.TypeAsync("#kg-search", "Brigade");
        await p.Page.Keyboard.PressAsync("Enter");
        Assert.That(await p.Eval<string>("document.querySelector('#kg-details h2').textContent"), Is.EqualTo(name));
        Assert.That(await p.Eval<string>("document.getElementById('kg-details').textContent"), Does.Contain(alias));
        await p.Eval<bool>("kgView.selectEdge('r:1'), true");
        var details = await p.Eval<string>("document.getElementById('kg-details').textContent");
        Assert.That(details, Does.Contain(sentence).And.Contain(title).And.Contain("<u>Someone</u>"));
        Assert.That(await p.Eval<string>("document.title"), Does.StartWith(title));

        Assert.That(await p.Eval<bool>("window.__pwned === undefined"), Is.True, "a value ran as script");
        Assert.That(p.Dialogs, Is.Empty, "a value opened a dialog");
        Assert.That(await p.Eval<int>("document.scripts.length"), Is.EqualTo(6), "the page's own scripts: data, four libraries, the view");
        Assert.That(await p.Eval<int>("document.querySelectorAll('img, b, i, u').length"), Is.Zero, "a value became markup");
        Assert.That(p.NetworkRequests(), Is.Empty);
        Assert.That(p.ConsoleProblems, Is.Empty);
    }
}
