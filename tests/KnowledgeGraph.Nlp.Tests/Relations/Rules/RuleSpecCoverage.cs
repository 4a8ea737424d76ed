using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Relations;
using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>
/// How far the rules over trees are from replacing the surface reader, family by family: every expected edge of
/// Relations/Specs/*.md (our own sentences, mentions from the markup, parsed by the shipped parser) read by the rules
/// and by the surface reader, and the cases only the surface reader reads with the parse the rules saw. The table is in
/// docs/rules.md ("Status").
/// </summary>
[Explicit("measurement of the rules against the spec files; run by hand")]
public sealed class RuleSpecCoverage
{
    [Test]
    public void MeasureRuleCoverageOfSpecs()
    {
        var lexicons = LexiconSet.Load();
        var rules = RuleSet.Load(RuleSet.DefaultDirectory, RuleEngine.CategoryLookup(lexicons.Triggers));
        var tagger = NlpModels.LoadPos();
        var markup = new MarkupContext(tagger, lexicons.Abbreviations, NlpModels.LoadParser());
        var engine = new RuleEngine(rules, lexicons, SchemaRules.Load());
        var surface = new RelationExtractor(lexicons, SchemaRules.Load(), tagger.Lemmatizer.Lemma);
        var totals = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var spec in RelationSpecReader.ReadFolder(Path.Combine(AppContext.BaseDirectory, "Relations", "Specs")))
        {
            var c = markup.Build(spec.Text, spec.Date);
            var byRules = engine.Extract(c);
            var bySurface = surface.Extract(c);
            string N(int e) => c.Entities[e].Name;
            var file = Path.GetFileNameWithoutExtension(spec.File);
            if (!totals.TryGetValue(file, out var t)) totals[file] = t = new int[3];
            foreach (var e in spec.Edges.Where(e => e.Kind != Expectation.Absent))
            {
                bool r = byRules.Any(x => N(x.Subject) == e.Subject && N(x.Object) == e.Object && x.Type == e.Type);
                bool s = bySurface.Any(x => N(x.Subject) == e.Subject && N(x.Object) == e.Object && x.Type == e.Type);
                t[0]++;
                if (r) t[1]++;
                if (s) t[2]++;
                if (s && !r)
                    misses.Add($"{file}: {spec.Name}: {e.Subject} -[{e.Type}]-> {e.Object}\n    " + string.Join(" ",
                        c.Sentences.SelectMany(x => x.Tokens.Select((k, i) => $"{i + 1}:{k.Text}/{k.Upos}<-{k.Head + 1}:{k.Deprel}"))));
            }
        }
        TestContext.Out.WriteLine("| spec file | expected edges | rules | surface |");
        TestContext.Out.WriteLine("|---|---|---|---|");
        foreach (var (file, t) in totals) TestContext.Out.WriteLine($"| {file} | {t[0]} | {t[1]} | {t[2]} |");
        TestContext.Out.WriteLine($"| all | {totals.Values.Sum(t => t[0])} | {totals.Values.Sum(t => t[1])} | {totals.Values.Sum(t => t[2])} |");
        TestContext.Out.WriteLine("\nRead by the surface reader only:");
        foreach (var m in misses) TestContext.Out.WriteLine(m);
        Assert.That(totals, Is.Not.Empty, "no spec files found");
    }
}
