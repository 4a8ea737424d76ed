using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Nlp;
using PuppeteerSharp;

namespace KnowledgeGraph.Browser.Tests;

/// <summary>
/// <c>kg analyze --html</c> pages in headless Chromium. What the page must show comes from the pipeline run here,
/// in-process, on the same article.
/// </summary>
[NonParallelizable]
public sealed class ArticleViewBrowserTests
{
    private const string Ready = "() => window.kgArticle && window.kgArticle.ready";
    private static readonly Dictionary<EntityType, string> Abbreviation = new()
    {
        [EntityType.Person] = "PERSON", [EntityType.Organization] = "ORG", [EntityType.Location] = "LOC", [EntityType.Event] = "EVENT",
    };

    // An article of our own with hostile text in it: markup, a closing script tag, quotes, &, a CDATA end, right-to-left marks.
    private const string Hostile = "Hostile names </script> in a title\n\n"
        + "The <script>window.__pwned=1</script> Brigade attacked Procter & Gamble offices in Paris on Monday, officials of the French government said.\n\n"
        + "\"John O'Neil\" & Sons said the ]]> group <img src=x onerror=\"window.__pwned=2;alert(1)\"> had left Paris, and President Emmanuel Macron did not blame Germany.\n\n"
        + "The Ministry of Defence of \u202ERuritania\u202C condemned the <b>Hamas</b> attack on Israel, and Hamas may attack Egypt.\n"
        + "</script><script>alert(\"pwned\")</script>\n";

    private IBrowser _browser = null!;
    private ExtractionPipeline _pipeline = null!;
    private string _dir = null!;

    [OneTimeSetUp]
    public async Task StartChromium()
    {
        _browser = await BrowserHost.LaunchAsync();
        _pipeline = ExtractionPipeline.Load(new PipelineOptions { Allows = OntologySchema.LoadDefault().Allows });
        _dir = BrowserHost.TempDir();
    }

    [OneTimeTearDown]
    public async Task StopChromium()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    private async Task<(PageProbe Page, DocumentAnalysis Analysis)> Open(string articlePath, string name)
    {
        var html = Path.Combine(_dir, name + ".html");
        BrowserHost.Kg("analyze", articlePath, "--html", "--out", html);
        var document = new InputReader(new InputOptions(), TextReader.Null).Read(new[] { articlePath }).Single().Document!;
        var analysis = _pipeline.Analyze(document);
        return (await PageProbe.OpenAsync(_browser, html, Ready, 1300, 1400), analysis);
    }

    private sealed record Mark(int Start, string Text, string Type, int Entity, string Label);

    private static async Task<List<Mark>> Marks(PageProbe p) =>
        (await p.Eval<string[][]>(@"[...document.querySelectorAll('mark.kg-ent')].map(m => [m.dataset.start, m.textContent, m.dataset.type,
            m.dataset.entity ?? '-1', getComputedStyle(m, '::after').content])"))
        .Select(a => new Mark(int.Parse(a[0]), a[1], a[2], int.Parse(a[3]), a[4].Trim('"'))).ToList();

    private static void AssertEveryEntityMentionIsHighlightedWithItsType(DocumentAnalysis analysis, List<Mark> marks)
    {
        foreach (var e in analysis.Entities)
            foreach (var m in e.Mentions)
            {
                var mark = marks.FirstOrDefault(k => k.Start == m.Span.Start && k.Text == analysis.Document.Text[m.Span.Start..m.Span.End]);
                Assert.That(mark, Is.Not.Null, $"mention '{m.Text}' of {e.Name} at {m.Span} is not highlighted");
                Assert.That(mark!.Entity, Is.EqualTo(e.Index), $"mention '{m.Text}' is not linked to {e.Name}");
                Assert.That(mark.Type, Is.EqualTo(e.Type.ToString()));
                Assert.That(mark.Label, Is.EqualTo(Abbreviation[e.Type]), "the type is shown beside the mention");
            }
    }

    [Test]
    public async Task Every_entity_mention_of_the_seed_is_highlighted_with_its_type()
    {
        var seed = Directory.GetFiles(Path.Combine(BrowserHost.RepoRoot(), "seeds"), "*.txt").Order(StringComparer.Ordinal).First();
        var (p, analysis) = await Open(seed, "seed");
        await using var _ = p;
        Assert.That(p.ConsoleProblems, Is.Empty);
        Assert.That(p.NetworkRequests(), Is.Empty);
        Assert.That(analysis.Entities, Is.Not.Empty);
        AssertEveryEntityMentionIsHighlightedWithItsType(analysis, await Marks(p));
        Assert.That(await p.Eval<int>("document.querySelectorAll('button.kg-rel').length"), Is.EqualTo(analysis.Relations.Count));

        await p.Page.ScreenshotAsync(BrowserHost.ScreenshotPath("article-seed.png"));
        var article = await p.Page.QuerySelectorAsync("#kg-article");
        var pixels = PngPixels.Decode(await article.ScreenshotDataAsync(new ElementScreenshotOptions { Type = ScreenshotType.Png }));
        Assert.That(pixels.LuminanceVariance(), Is.GreaterThan(150));
    }

    [Test]
    public async Task Each_relation_is_listed_under_its_sentence_and_clicking_it_marks_the_words_it_came_from()
    {
        var seed = Directory.GetFiles(Path.Combine(BrowserHost.RepoRoot(), "seeds"), "*.txt").Order(StringComparer.Ordinal).First();
        var (p, analysis) = await Open(seed, "seed-relations");
        await using var _ = p;
        Assert.That(analysis.Relations, Is.Not.Empty);
        for (int i = 0; i < analysis.Relations.Count; i++)
        {
            var r = analysis.Relations[i];
            var under = await p.Eval<string>(@"(i) => document.querySelector(`button[data-relation=""${i}""]`).closest('ul').previousElementSibling.dataset.sentence", i);
            Assert.That(under, Is.EqualTo(r.SentenceIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"relation {i} is not under its sentence");
            var text = await p.Eval<string>(@"(i) => document.querySelector(`button[data-relation=""${i}""]`).textContent", i);
            Assert.That(text, Does.Contain(analysis.Entities[r.Subject].Name).And.Contain(r.Type).And.Contain(analysis.Entities[r.Object].Name)
                .And.Contain(r.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        }
        // Click each of a few relations: the trigger's words are highlighted, and the subject and object mentions in that sentence.
        foreach (int i in new[] { 0, analysis.Relations.Count / 2, analysis.Relations.Count - 1 }.Distinct())
        {
            var r = analysis.Relations[i];
            await p.Page.ClickAsync($"button[data-relation=\"{i}\"]");
            var highlighted = await p.Eval<string>("[...CSS.highlights.get('kg-trigger')][0].toString()");
            Assert.That(highlighted, Is.EqualTo(analysis.Document.Text[r.TriggerSpan.Start..r.TriggerSpan.End]));
            var focused = await p.Eval<string[]>("[...document.querySelectorAll('mark.kg-focus')].map(m => m.dataset.entity)");
            Assert.That(focused, Is.Not.Empty);
            Assert.That(focused.Distinct(), Is.SubsetOf(new[] { r.Subject.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Object.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }
        Assert.That(p.ConsoleProblems, Is.Empty);
    }

    [Test]
    public async Task Clicking_a_mention_shows_its_entity_and_marks_every_other_mention_of_it()
    {
        var seed = Directory.GetFiles(Path.Combine(BrowserHost.RepoRoot(), "seeds"), "*.txt").Order(StringComparer.Ordinal).First();
        var (p, analysis) = await Open(seed, "seed-coref");
        await using var _ = p;
        var entity = analysis.Entities.OrderByDescending(e => e.Mentions.Count).First();
        var last = entity.Mentions[^1];
        await p.Page.ClickAsync($"mark.kg-ent[data-start=\"{last.Span.Start}\"][data-entity=\"{entity.Index}\"]");
        Assert.That(await p.Eval<string>("document.querySelector('#kg-panel h2').textContent"), Is.EqualTo(entity.Name));
        var linked = await p.Eval<int[]>("[...document.querySelectorAll('mark.kg-coref')].map(m => +m.dataset.start)");
        Assert.That(linked, Is.EquivalentTo(entity.Mentions.Select(m => m.Span.Start).Distinct()));
        Assert.That(await p.Eval<int>("document.querySelectorAll('#kg-panel .kg-mentions li').length"), Is.EqualTo(entity.Mentions.Select(m => m.Span).Distinct().Count()));
    }

    [Test]
    public async Task A_hostile_article_renders_as_text_and_no_script_in_it_runs()
    {
        var path = Path.Combine(_dir, "hostile.txt");
        File.WriteAllText(path, Hostile);
        var (p, analysis) = await Open(path, "hostile");
        await using var _ = p;
        Assert.That(await p.Eval<bool>("window.__pwned === undefined"), Is.True, "text of the article ran as script");
        Assert.That(p.Dialogs, Is.Empty, "text of the article opened a dialog");
        Assert.That(await p.Eval<int>("document.scripts.length"), Is.EqualTo(2), "the page's own scripts: its data and its code");
        Assert.That(await p.Eval<int>("document.querySelectorAll('#kg-article img, #kg-article b, #kg-article script').length"), Is.Zero, "text became markup");
        var shown = await p.Eval<string>("document.getElementById('kg-article').textContent");
        foreach (var line in Hostile.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.That(shown, Does.Contain(line), "every line is shown as it is written");
        Assert.That(await p.Eval<string>("document.title"), Does.StartWith("Hostile names </script> in a title"));
        AssertEveryEntityMentionIsHighlightedWithItsType(analysis, await Marks(p));
        Assert.That(p.NetworkRequests(), Is.Empty);
        Assert.That(p.ConsoleProblems, Is.Empty);
    }

    [Test]
    public async Task Negated_and_hedged_statements_are_shown_as_such()
    {
        var path = Path.Combine(_dir, "hostile-modality.txt");
        File.WriteAllText(path, Hostile);
        var (p, analysis) = await Open(path, "modality");
        await using var _ = p;
        Assume.That(analysis.Relations.Any(r => r.Negated) && analysis.Relations.Any(r => r.Modality is not null), Is.True,
            "the article's 'did not blame' and 'may attack' are read as relations");
        for (int i = 0; i < analysis.Relations.Count; i++)
        {
            var r = analysis.Relations[i];
            var classes = await p.Eval<string>(@"(i) => document.querySelector(`button[data-relation=""${i}""]`).className", i);
            var text = await p.Eval<string>(@"(i) => document.querySelector(`button[data-relation=""${i}""]`).textContent", i);
            Assert.That(classes.Contains("kg-negated", StringComparison.Ordinal), Is.EqualTo(r.Negated), $"relation {i}");
            Assert.That(text.Contains("negated", StringComparison.Ordinal), Is.EqualTo(r.Negated), $"relation {i}");
            Assert.That(classes.Contains("kg-hedged", StringComparison.Ordinal), Is.EqualTo(r.Modality is not null), $"relation {i}");
            if (r.Modality is not null) Assert.That(text, Does.Contain("hedged: " + r.Modality));
            if (r.AttributedTo is not null) Assert.That(text, Does.Contain("according to " + r.AttributedTo));
        }
    }
}
