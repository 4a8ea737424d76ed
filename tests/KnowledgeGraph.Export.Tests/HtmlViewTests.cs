using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeGraph.Core;
using KnowledgeGraph.Export.Html;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Export.Tests;

/// <summary>The HTML pages' data and assembly, without a browser (tests/KnowledgeGraph.Browser.Tests opens them in Chromium).</summary>
public sealed class HtmlViewTests
{
    private const string DataOpen = "<script type=\"application/json\" id=\"kg-data\">";

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "KnowledgeGraph.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    private static string Page(Graph.GraphSnapshot graph, GraphViewOptions? options = null)
    {
        var w = new StringWriter();
        GraphViewPage.Write(graph, w, options);
        return w.ToString();
    }

    private static (string Before, string Json, string After) SplitAtData(string page)
    {
        int start = page.IndexOf(DataOpen, StringComparison.Ordinal) + DataOpen.Length;
        int end = page.IndexOf("</script>", start, StringComparison.Ordinal);
        return (page[..start], page[start..end], page[end..]);
    }

    [Test]
    public void Script_safe_json_has_no_character_that_could_end_the_element_and_reads_back_equal()
    {
        var value = new JObject
        {
            ["name"] = SampleGraphs.NastyName + " </script><script>alert(1)</script> <!-- --> & \u2028\u2029 ]]>",
            ["list"] = new JArray("<b>", "&amp;", "\u202Eright-to-left"),
        };
        var json = HtmlPage.ScriptSafeJson(value);
        Assert.That(json.IndexOfAny(new[] { '<', '>', '&', '\u2028', '\u2029' }), Is.EqualTo(-1), json);
        Assert.That(JToken.DeepEquals(JToken.Parse(json), value), Is.True);
    }

    [Test]
    public void No_value_of_the_graph_reaches_the_markup_only_the_data_block()
    {
        var small = SplitAtData(Page(SampleGraphs.Small()));
        var nasty = SplitAtData(Page(SampleGraphs.Nasty()));
        Assert.That(nasty.Before, Is.EqualTo(small.Before), "the page before the data does not depend on the graph");
        Assert.That(nasty.After, Is.EqualTo(small.After), "the page after the data does not depend on the graph");
        Assert.That(nasty.Json, Does.Contain("O\\u0027Brien").Or.Contain("O'Brien"));
        Assert.That(JToken.Parse(nasty.Json).ToString(), Is.EqualTo(GraphViewPage.Data(SampleGraphs.Nasty(), new GraphViewOptions(), GrassStyle.Default).ToString()),
            "the data block reads back as the graph's data");
    }

    [Test]
    public void The_page_is_self_contained_and_its_policy_allows_only_its_own_scripts()
    {
        var page = Page(SampleGraphs.Small());
        var markup = Regex.Replace(page, "<script[^>]*>.*?</script>", "<script></script>", RegexOptions.Singleline);
        Assert.That(markup, Does.Not.Match("(?i)<[a-z]+[^>]*\\s(src|href)\\s*="), "no element loads anything");
        var csp = Regex.Match(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").Groups[1].Value;
        Assert.That(csp, Does.StartWith("default-src 'none'; script-src 'sha256-"));
        var scriptSrc = csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
        Assert.That(scriptSrc, Does.Not.Contain("unsafe"), "no inline script runs unless it is one of the page's own");
        var scripts = Regex.Matches(page, "<script>(.*?)</script>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.That(scripts, Has.Count.EqualTo(HtmlPage.GraphLibraries.Count + 1));
        foreach (var s in scripts)
            Assert.That(csp, Does.Contain("'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s))) + "'"));
        Assert.That(Regex.Matches(page, "</script", RegexOptions.IgnoreCase), Has.Count.EqualTo(scripts.Count + 1));
        Assert.That(page, Does.Not.Contain("\r"), "the browser hashes scripts after turning CR LF into LF");
    }

    [Test]
    public void The_same_graph_gives_the_same_bytes()
    {
        var first = Page(SampleGraphs.Nasty());
        var second = Page(SampleGraphs.Nasty());
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Graph_data_draws_entities_by_mentions_with_their_style_and_edges_by_confidence()
    {
        var data = GraphViewPage.Data(SampleGraphs.Small(), new GraphViewOptions(), GrassStyle.Default);
        var nodes = data["nodes"]!.Select(n => (JObject)n).ToList();
        Assert.That(nodes.Select(n => (string)n["id"]!), Is.EqualTo(new[] { SampleGraphs.GroupId, SampleGraphs.PersonId, SampleGraphs.CountryId }),
            "entities only, most mentioned first");
        // ArmedGroup and Country have the same diameter in style.grass: the group, mentioned 5 times, is drawn larger than the country (2).
        Assert.That((double)nodes[0]["size"]!, Is.GreaterThan((double)nodes[2]["size"]!));
        Assert.That((string)nodes[0]["color"]!, Is.EqualTo(GrassStyle.Default.ForNode(new[] { "Entity", "Organization", "ArmedGroup" })["color"]));
        Assert.That(nodes[1]["docs"]!.Select(d => (int)d), Is.EqualTo(new[] { 0 }));
        Assert.That((string)data["documents"]![0]!["title"]!, Is.EqualTo("Front expands in the north"));
        Assert.That((string)data["title"]!, Is.EqualTo("Front expands in the north"));

        var edges = data["edges"]!.Select(e => (JObject)e).ToList();
        Assert.That(edges.Select(e => (string)e["type"]!), Is.EquivalentTo(new[] { "LEADS", "LOCATED_IN" }), "MENTIONS edges are not drawn");
        var weak = edges.Single(e => (string)e["type"]! == "LEADS");
        var strong = edges.Single(e => (string)e["type"]! == "LOCATED_IN");
        Assert.That((double)strong["width"]!, Is.GreaterThan((double)weak["width"]!));
        Assert.That((double)strong["opacity"]!, Is.GreaterThan((double)weak["opacity"]!));
        Assert.That(weak["evidence"]![0]!["docs"]!.Select(d => (int)d), Is.EqualTo(new[] { 0 }), "each sentence names its document");
        Assert.That(data["labels"]!.Select(l => (string)l["name"]!), Is.EqualTo(new[] { "Person", "Organization", "Location", "Country", "ArmedGroup" }),
            "the legend follows the style sheet's order");
    }

    [Test]
    public void Focus_is_found_by_id_name_or_alias_and_an_unknown_name_is_an_error()
    {
        var g = SampleGraphs.Small();
        Assert.That((string?)GraphViewPage.Data(g, new GraphViewOptions { Focus = "nlf" }, GrassStyle.Default)["options"]!["focus"], Is.EqualTo(SampleGraphs.GroupId));
        Assert.That((string?)GraphViewPage.Data(g, new GraphViewOptions { Focus = "Jane Roe" }, GrassStyle.Default)["options"]!["focus"], Is.EqualTo(SampleGraphs.PersonId));
        Assert.That((string?)GraphViewPage.Data(g, new GraphViewOptions { Focus = SampleGraphs.CountryId }, GrassStyle.Default)["options"]!["focus"], Is.EqualTo(SampleGraphs.CountryId));
        Assert.Throws<UserErrorException>(() => GraphViewPage.Data(g, new GraphViewOptions { Focus = "Atlantis" }, GrassStyle.Default));
    }

    [Test]
    public void Style_rules_merge_in_file_order_as_Neo4j_Browser_does()
    {
        var style = GrassStyle.Parse("node { color: #111111; diameter: 50px; caption: '{name}'; }\n"
            + "node.Location { color: #222222; diameter: 55px; }\nnode.Country { color: #333333; }\n"
            + "relationship { color: #444444; shaft-width: 2px; }\nrelationship.LEADS { color: #555555; }\n");
        Assert.That(style.NodeStyleFor(new[] { "Entity", "Location", "Country" }), Is.EqualTo(new NodeStyle("#333333", "#9AA1AC", 55)));
        Assert.That(style.NodeStyleFor(new[] { "Entity", "Person" }).Color, Is.EqualTo("#111111"));
        Assert.That(style.ForNode(new[] { "Entity" })["caption"], Is.EqualTo("{name}"), "braces inside quotes are a value, not a rule");
        Assert.That(style.RelationshipStyleFor("LEADS"), Is.EqualTo(new RelationshipStyle("#555555", 2)));
        Assert.Throws<FormatException>(() => GrassStyle.Parse("node.Person { color: #111111; "));
        Assert.Throws<FormatException>(() => GrassStyle.Parse("way.Person { color: #111111; }"));
    }

    [Test]
    public void The_embedded_style_is_graph_schema_style_grass()
    {
        var file = GrassStyle.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "graph-schema", "style.grass")));
        Assert.That(GrassStyle.Default.Rules.Select(r => (r.Selector, string.Join(';', r.Properties))),
            Is.EqualTo(file.Rules.Select(r => (r.Selector, string.Join(';', r.Properties)))));
        var schema = Graph.OntologySchema.LoadDefault();
        foreach (var label in schema.NodeLabels)
            Assert.That(GrassStyle.Default.Rules.Any(r => r.Kind == "node" && r.Class == label.Name), Is.True, $"style.grass has no rule for {label.Name}");
    }

    // ---- the annotated article ----------------------------------------------------------------------------------

    private static DocumentAnalysis Article()
    {
        const string text = "Front expands\n\nThe Northern Liberation Front (NLF) said its leader Jane Roe left Ruritania. Roe did not return.";
        int Of(string s, int from = 0) => text.IndexOf(s, from, StringComparison.Ordinal);
        var doc = Document.Create(text, "Front expands");
        var s0 = new Sentence(0, new TextSpan(0, 13), Array.Empty<Token>());
        var s1 = new Sentence(1, new TextSpan(15, Of(".") + 1), Array.Empty<Token>());
        var s2 = new Sentence(2, new TextSpan(Of("Roe did"), text.Length), Array.Empty<Token>());
        Mention M(string s, int sentence, EntityType type, MentionKind kind = MentionKind.Name, int from = 0) =>
            new(new TextSpan(Of(s, from), Of(s, from) + s.Length), s, sentence, type, null, kind, "test");
        var front = M("The Northern Liberation Front (NLF)", 1, EntityType.Organization, MentionKind.Descriptor);
        var name = M("Northern Liberation Front", 1, EntityType.Organization);
        var nlf = M("NLF", 1, EntityType.Organization, MentionKind.Acronym);
        var its = M("its", 1, EntityType.Organization, MentionKind.Pronoun);
        var leader = M("its leader", 1, EntityType.Person, MentionKind.Descriptor); // crosses nothing, contains "its"
        var crossing = M("leader Jane", 1, EntityType.Person);                      // crosses "Jane Roe": cannot be drawn
        var jane = M("Jane Roe", 1, EntityType.Person);
        var roe = M("Roe", 2, EntityType.Person, from: Of("Roe did"));
        var place = M("Ruritania", 1, EntityType.Location);
        var entities = new List<DocumentEntity>
        {
            new(0, "Northern Liberation Front", EntityType.Organization, new[] { "ArmedGroup" }, new[] { "NLF", "Northern Liberation Front" },
                new[] { name, nlf, its }, new Dictionary<string, string>()),
            new(1, "Jane Roe", EntityType.Person, Array.Empty<string>(), new[] { "Jane Roe", "Roe" }, new[] { jane, roe }, new Dictionary<string, string> { ["role"] = "leader" }),
            new(2, "Ruritania", EntityType.Location, new[] { "Country" }, new[] { "Ruritania" }, new[] { place }, new Dictionary<string, string>()),
        };
        var relations = new List<RelationMention>
        {
            new(1, 0, "LEADS", "LEADS", 1, text[s1.Span.Start..s1.Span.End], s1.Span, "leader", new TextSpan(Of("leader"), Of("leader") + 6), 0.765),
            new(1, 2, "WITHDREW_FROM", "RETREAT", 2, text[s2.Span.Start..s2.Span.End], s2.Span, "return", new TextSpan(Of("return"), Of("return") + 6), 0.4, Negated: true),
        };
        return new DocumentAnalysis(doc, new[] { s0, s1, s2 }, new[] { front, name, nlf, its, leader, crossing, jane, roe, place }, entities, relations);
    }

    private static string Concatenate(JToken parts) =>
        string.Concat(parts.Select(p => p.Type == JTokenType.String ? (string)p! : Concatenate(p["parts"]!)));

    [Test]
    public void The_article_blocks_give_back_the_text_exactly_with_mentions_nested_and_crossing_ones_left_out()
    {
        var analysis = Article();
        var data = ArticleViewPage.Data(analysis, GrassStyle.Default);
        var text = string.Concat(data["blocks"]!.Select(b => b["gap"] is { } gap ? (string)gap! : Concatenate(b["parts"]!)));
        Assert.That(text, Is.EqualTo(analysis.Document.Text));

        var shown = data["mentions"]!.Select(m => analysis.Document.Text[(int)m["start"]!..(int)m["end"]!]).ToList();
        Assert.That(shown, Is.SupersetOf(new[] { "The Northern Liberation Front (NLF)", "Northern Liberation Front", "NLF", "its", "its leader", "Jane Roe", "Roe", "Ruritania" }));
        Assert.That(shown, Does.Not.Contain("leader Jane"));
        Assert.That(data["dropped"]!.Select(d => analysis.Document.Text[(int)d["start"]!..(int)d["end"]!]), Is.EqualTo(new[] { "leader Jane" }));

        // "NLF" is drawn inside the description that contains it, and linked to its entity.
        var sentence = data["blocks"]!.Single(b => (int?)b["s"] == 1);
        var outer = sentence["parts"]!.First(p => p.Type == JTokenType.Object);
        Assert.That(Concatenate(outer["parts"]!), Is.EqualTo("The Northern Liberation Front (NLF)"));
        Assert.That(outer["parts"]!.Count(p => p.Type == JTokenType.Object), Is.EqualTo(2));
        var nlf = data["mentions"]!.Single(m => analysis.Document.Text[(int)m["start"]!..(int)m["end"]!] == "NLF");
        Assert.That((int)nlf["entity"]!, Is.EqualTo(0));
        Assert.That((int)data["mentions"]!.Single(m => analysis.Document.Text[(int)m["start"]!..(int)m["end"]!] == "its leader")["entity"]!, Is.EqualTo(-1));

        Assert.That(sentence["rels"]!.Select(r => (int)r), Is.EqualTo(new[] { 0 }), "each relation sits under its own sentence");
        Assert.That((bool)data["relations"]![1]!["negated"]!, Is.True);
        Assert.That(data["entities"]![0]!["mentions"]!.Select(i => analysis.Document.Text[(int)data["mentions"]![(int)i]!["start"]!..(int)data["mentions"]![(int)i]!["end"]!]),
            Is.EqualTo(new[] { "Northern Liberation Front", "NLF", "its" }), "an entity lists its mentions, pronouns included");
    }

    [Test]
    public void The_article_page_keeps_every_value_in_its_data_block()
    {
        var analysis = Article();
        var w = new StringWriter();
        ArticleViewPage.Write(analysis, w);
        var (before, json, after) = SplitAtData(w.ToString());
        Assert.That(before + after, Does.Not.Contain("Northern Liberation Front").And.Not.Contain("Jane Roe"));
        Assert.That(json, Does.Contain("Northern Liberation Front"));
    }

    // ---- the vendored libraries --------------------------------------------------------------------------------

    private static string VendorDir => Path.Combine(RepoRoot(), "src", "KnowledgeGraph.Export", "Html", "Resources", "vendor");

    private static readonly (string Package, string File)[] Vendored =
    {
        ("cytoscape", "dist/cytoscape.min.js"), ("layout-base", "layout-base.js"), ("cose-base", "cose-base.js"), ("cytoscape-fcose", "cytoscape-fcose.js"),
    };

    private static string LockedVersion(string package) =>
        (string)JObject.Parse(File.ReadAllText(Path.Combine(VendorDir, "package-lock.json")))["packages"]!["node_modules/" + package]!["version"]!;

    [Test]
    public void Vendored_libraries_are_pinned_licensed_and_credited()
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(VendorDir, "package.json")));
        foreach (var dep in manifest["dependencies"]!.Cast<JProperty>())
            Assert.That((string)dep.Value!, Is.EqualTo(LockedVersion(dep.Name)), $"{dep.Name} is pinned to an exact version, the one locked");
        var cytoscape = File.ReadAllText(Path.Combine(VendorDir, "cytoscape.min.js"));
        Assert.That(cytoscape, Does.Contain($".version=\"{LockedVersion("cytoscape")}\""), "cytoscape.min.js is the pinned version");
        var notice = File.ReadAllText(Path.Combine(RepoRoot(), "NOTICE"));
        foreach (var (package, _) in Vendored)
        {
            Assert.That(File.ReadAllText(Path.Combine(VendorDir, package + ".LICENSE")), Does.Contain("Permission is hereby granted"), package);
            Assert.That(notice, Does.Contain($"{package} {LockedVersion(package)}"), $"NOTICE credits {package} at its version");
        }
        Assert.That(HtmlPage.GraphLibraries, Is.EqualTo(Vendored.Select(v => "vendor/" + Path.GetFileName(v.File))));
    }

    [Test]
    public void Vendored_files_are_the_pinned_npm_packages_byte_for_byte()
    {
        var modules = Path.Combine(VendorDir, "node_modules");
        if (!Directory.Exists(modules))
            Assert.Ignore($"{modules} is missing: tests/run.sh installs it with npm ci (then this test compares the vendored files)");
        foreach (var (package, file) in Vendored)
        {
            var installed = JObject.Parse(File.ReadAllText(Path.Combine(modules, package, "package.json")));
            Assert.That((string)installed["version"]!, Is.EqualTo(LockedVersion(package)), package);
            Assert.That(File.ReadAllBytes(Path.Combine(VendorDir, Path.GetFileName(file))), Is.EqualTo(File.ReadAllBytes(Path.Combine(modules, package, file))),
                $"{file} differs from npm's {package} {LockedVersion(package)}: run refresh.sh");
            Assert.That(File.ReadAllBytes(Path.Combine(VendorDir, package + ".LICENSE")), Is.EqualTo(File.ReadAllBytes(Path.Combine(modules, package, "LICENSE"))));
        }
    }
}
