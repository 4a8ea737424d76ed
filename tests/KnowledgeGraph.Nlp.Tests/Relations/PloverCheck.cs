using System.Globalization;
using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Nlp.Tests.Relations;

/// <summary>
/// Relation extraction alone on the PLOVER development sentences: the gold actor strings are marked as mentions
/// (coarse type from the gazetteer, Person for titled names, else Organization) and we ask whether the extractor
/// finds source -[category]-> target. Prints the figures reported in docs/relations.md. Explicit: it needs the
/// shared data and is a measurement, not a pass/fail check (the PLOVER column of `kg eval` is the product's measure).
/// </summary>
[Explicit("measurement on shared data; run by hand")]
public sealed class PloverCheck
{
    [Test]
    public void MeasureCategories()
    {
        var shared = DataPaths.FindSharedData();
        var path = shared is null ? null : Path.Combine(shared, "plover", "plover-dev.jsonl");
        if (path is null || !File.Exists(path)) Assert.Ignore("shared data plover/plover-dev.jsonl not found (set KG_SHARED_DATA)");
        var (markup, extractor) = RelationSpecTests.Tools;
        var lexicons = LexiconSet.Load();
        int total = 0, bothFound = 0, right = 0, wrongCategory = 0, noEdge = 0, falseEdges = 0, edges = 0;
        var perCategory = new SortedDictionary<string, (int Both, int Right)>(StringComparer.Ordinal);
        var log = new StringBuilder();
        foreach (var line in File.ReadLines(path!))
        {
            if (line.Trim().Length == 0) continue;
            total++;
            var rec = JObject.Parse(line);
            var text = (string)rec["text"]!;
            var category = (string)rec["event"]!;
            var sources = rec["source"]!.Select(x => (string)x!).Where(x => x.Trim().Length > 0).ToList();
            var targets = rec["target"]!.Select(x => (string)x!).Where(x => x.Trim().Length > 0).ToList();
            if (text.Contains('[') || text.Contains(']') || text.Contains('|')) continue;
            var spans = new List<(int Start, int End, string Name, bool Source)>();
            foreach (var s in sources) Place(text, s, true, spans);
            foreach (var t in targets) Place(text, t, false, spans);
            bool srcFound = spans.Any(x => x.Source), tgtFound = spans.Any(x => !x.Source);
            if (!srcFound || !tgtFound) continue;
            bothFound++;
            var sb = new StringBuilder();
            int at = 0;
            foreach (var sp in spans.OrderBy(x => x.Start))
            {
                sb.Append(text, at, sp.Start - at);
                var surface = text[sp.Start..sp.End];
                sb.Append('[').Append(surface).Append('|').Append(TypeOf(surface, lexicons)).Append('|').Append(sp.Name).Append('|').Append("name]");
                at = sp.End;
            }
            sb.Append(text, at, text.Length - at);
            var context = markup.Build(sb.ToString());
            var found = extractor.Extract(context);
            string N(int e) => context.Entities[e].Name;
            var srcNames = spans.Where(x => x.Source).Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
            var tgtNames = spans.Where(x => !x.Source).Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
            var pair = found.Where(r => srcNames.Contains(N(r.Subject)) && tgtNames.Contains(N(r.Object))).ToList();
            bool ok = pair.Any(r => r.Category == category);
            edges += found.Count;
            falseEdges += found.Count(r => !(srcNames.Contains(N(r.Subject)) && tgtNames.Contains(N(r.Object)) && r.Category == category));
            var (b, rt) = perCategory.GetValueOrDefault(category);
            perCategory[category] = (b + 1, rt + (ok ? 1 : 0));
            if (ok) right++;
            else if (pair.Count > 0) wrongCategory++;
            else noEdge++;
            if (!ok)
                log.Append(CultureInfo.InvariantCulture, $"{rec["id"]} {category}: {sb}\n{RelationSpecReader.Describe(found, N)}\n");
        }
        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"sentences {total}, both actors found {bothFound}, right category {right} ({100.0 * right / Math.Max(1, bothFound):F1}%), ");
        summary.Append(CultureInfo.InvariantCulture, $"edge with another category {wrongCategory}, no edge source->target {noEdge}; full triple over all sentences {100.0 * right / Math.Max(1, total):F1}%\n");
        summary.Append(CultureInfo.InvariantCulture, $"edges emitted {edges}, not the gold (source, category, target) {falseEdges}\n");
        foreach (var (c, (b, r)) in perCategory) summary.Append(CultureInfo.InvariantCulture, $"  {c,-12} {r,3}/{b,-3}\n");
        TestContext.Out.WriteLine(summary.ToString());
        var misses = Environment.GetEnvironmentVariable("KG_PLOVER_MISSES");
        if (!string.IsNullOrEmpty(misses)) File.WriteAllText(misses, summary + "\n" + log);
    }

    /// <summary>Marks the first free occurrence of an actor string (exact, then case-insensitive).</summary>
    private static void Place(string text, string actor, bool source, List<(int, int, string, bool)> spans)
    {
        var a = actor.Trim();
        foreach (var cmp in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            int from = 0;
            while (from < text.Length)
            {
                int i = text.IndexOf(a, from, cmp);
                if (i < 0) break;
                int end = i + a.Length;
                bool wordStart = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
                bool wordEnd = end >= text.Length || !char.IsLetterOrDigit(text[end]);
                if (wordStart && wordEnd && !spans.Any(s => s.Item1 < end && i < s.Item2)) { spans.Add((i, end, a, source)); return; }
                from = i + 1;
            }
        }
    }

    private static EntityType TypeOf(string surface, LexiconSet lexicons)
    {
        var hits = lexicons.Gazetteer.Lookup(surface);
        if (hits.Count > 0) return hits[0].Entry.Type;
        var words = surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int k = 0; k < words.Length - 1; k++)
            if (lexicons.Titles.IsPrefixTitle(words[k]) && char.IsUpper(words[^1][0])) return EntityType.Person;
        return EntityType.Organization;
    }
}
