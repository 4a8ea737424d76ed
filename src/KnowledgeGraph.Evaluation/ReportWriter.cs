using System.Globalization;
using KnowledgeGraph.Evaluation.Plover;
using KnowledgeGraph.Evaluation.Re3d;
using KnowledgeGraph.Evaluation.Scoring;
using Newtonsoft.Json;

namespace KnowledgeGraph.Evaluation;

/// <summary>Prints evaluation reports as plain-text tables and writes them as JSON. Output depends only on the report.</summary>
public static class ReportWriter
{
    public static void WriteJson(string path, object report)
    {
        var json = JsonConvert.SerializeObject(report, new JsonSerializerSettings
        {
            Formatting = Formatting.Indented,
            Culture = CultureInfo.InvariantCulture,
            FloatFormatHandling = FloatFormatHandling.DefaultValue,
        });
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, json.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.Move(tmp, path, overwrite: true);
    }

    private static string F(double d) => d.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Row(string label, Prf p) =>
        string.Create(CultureInfo.InvariantCulture, $"  {label,-22} {F(p.Precision),6} {F(p.Recall),6} {F(p.F1),6} {p.MatchedGold,6} {p.Predicted,6} {p.Gold,6}");

    private const string PrfHeader = "                           P      R     F1  match   pred   gold";

    public static void WriteRe3d(TextWriter w, Re3dReport r, int misses)
    {
        w.WriteLine($"re3d: {r.Documents} documents; {r.GoldMentionsScored} gold mentions scored ({r.GoldEntityRows} entity rows kept, {r.RejectedEntityRows} rejected); "
            + $"{r.GoldRelationsScored} gold relations scored ({r.GoldRelationRows} kept, {r.RejectedRelationRows} rejected)");
        w.WriteLine();
        foreach (var e in r.Entities)
        {
            w.WriteLine($"Entities, {e.Variant}: {e.Rule}");
            w.WriteLine(PrfHeader);
            w.WriteLine(Row("all", e.Overall));
            foreach (var (type, p) in e.ByType) w.WriteLine(Row(type, p));
            w.WriteLine();
        }
        w.WriteLine("Relations (labelled through the re3d mapping; predicted edges of unmapped categories not scored)");
        w.WriteLine(PrfHeader);
        w.WriteLine(Row("all", r.Relations));
        w.WriteLine(Row("unlabelled (any type)", r.RelationsUnlabelled));
        w.WriteLine();
        w.WriteLine("  recall by re3d type           R  match   gold");
        foreach (var (type, p) in r.RelationRecallByRe3dType)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type,-24} {F(p.Recall),6} {p.MatchedGold,6} {p.Gold,6}"));
        w.WriteLine("  precision by our category     P  match   pred");
        foreach (var (cat, p) in r.RelationPrecisionByCategory)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {cat,-24} {F(p.Precision),6} {p.MatchedPredicted,6} {p.Predicted,6}"));
        if (r.GoldRelationsExcluded.Count > 0)
        {
            w.WriteLine("  gold relations not scored:");
            foreach (var (reason, n) in r.GoldRelationsExcluded) w.WriteLine($"    {n,5}  {reason}");
        }
        if (r.PredictedRelationsNotScored.Count > 0)
            w.WriteLine("  predicted edges not scored: " + string.Join(", ", r.PredictedRelationsNotScored.Select(kv => $"{kv.Key} {kv.Value}")));
        if (misses <= 0) return;

        void Section<T>(string title, IEnumerable<T> items, Func<T, string> line)
        {
            var list = items.ToList();
            w.WriteLine();
            w.WriteLine($"{title} (first {Math.Min(misses, list.Count)} of {list.Count})");
            foreach (var item in list.Take(misses)) w.WriteLine(line(item));
        }
        string M(MentionError m) => $"  {m.Type,-12} '{m.Text}'{(m.Note is null ? "" : $"  [{m.Note}]")}\n      in: {m.Context}";
        string R(RelationError e) => $"  {e.Type,-18} {e.Source} -> {e.Target}  (trigger '{e.Trigger}'){(e.Note is null ? "" : $"  [{e.Note}]")}\n      in: {e.Context}";
        Section("Missed gold mentions (lenient)", r.EntityErrors.Where(m => m.Kind == "missed"), M);
        Section("False mentions (lenient)", r.EntityErrors.Where(m => m.Kind == "false"), M);
        Section("Missed gold relations", r.RelationErrors.Where(e => e.Kind == "missed"), R);
        Section("False edges", r.RelationErrors.Where(e => e.Kind == "false"), R);
    }

    /// <summary>The headline figures of the tune half, the check half and the whole, one row each.</summary>
    public static void WriteRe3dHalves(TextWriter w, SplitReports<Re3dReport> r)
    {
        w.WriteLine($"re3d halves: tune = {DevSplit.Re3dTuneSource} (misses may be read), check = {DevSplit.Re3dCheckSource} (do not read its misses)");
        w.WriteLine("  half     docs  entity F1   rel P  rel R  rel F1  unlabelled F1   gold rels");
        foreach (var (name, x) in new[] { ("tune", r.Tune), ("check", r.Check), ("all", r.All) })
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-6} {x.Documents,5}  {F(x.Headline.Overall.F1),9}  {F(x.Relations.Precision),6} {F(x.Relations.Recall),6} {F(x.Relations.F1),7}  {F(x.RelationsUnlabelled.F1),13}  {x.GoldRelationsScored,10}"));
        var types = r.All.RelationRecallByRe3dType.Keys.ToList();
        w.WriteLine("  relation recall by re3d type (tune / check / all)");
        foreach (var t in types)
        {
            string Rec(Re3dReport x) => x.RelationRecallByRe3dType.TryGetValue(t, out var p) ? $"{F(p.Recall)} ({p.MatchedGold}/{p.Gold})" : "-";
            w.WriteLine($"    {t,-18} {Rec(r.Tune),-16} {Rec(r.Check),-16} {Rec(r.All)}");
        }
        w.WriteLine();
    }

    /// <summary>Relation precision, recall and F1 of both halves with the edges gated at each confidence, one row per threshold.</summary>
    public static void WriteRe3dSweep(TextWriter w, IEnumerable<(double Minimum, SplitReports<Re3dReport> Reports)> rows)
    {
        w.WriteLine("re3d relations by --min-edge-confidence (edges below it left out, as kg build does)");
        w.WriteLine("  min     tune: P      R     F1  pred   check: P      R     F1  pred");
        foreach (var (min, r) in rows)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {min,4:0.00}  {F(r.Tune.Relations.Precision),9} {F(r.Tune.Relations.Recall),6} {F(r.Tune.Relations.F1),6} {r.Tune.Relations.Predicted,5}  {F(r.Check.Relations.Precision),9} {F(r.Check.Relations.Recall),6} {F(r.Check.Relations.F1),6} {r.Check.Relations.Predicted,5}"));
        w.WriteLine();
    }

    /// <summary>
    /// PLOVER with the edges gated at each confidence, one row per threshold and half: P = sentences whose predicted
    /// source -> target categories (source -> anything without a gold target) include the gold one, of those with any;
    /// R = full triples of all sentences (figure c); F1 of the two.
    /// </summary>
    public static void WritePloverSweep(TextWriter w, IEnumerable<(double Minimum, SplitReports<PloverReport> Reports)> rows)
    {
        w.WriteLine("PLOVER by --min-edge-confidence (P: gold category among the predicted ones, of sentences with a prediction; R: full triples)");
        w.WriteLine("  min     tune: P      R     F1  with   check: P      R     F1  with");
        string Cells(PloverReport x)
        {
            int with = x.Results.Count(r => r.PredictedCategories.Count > 0);
            var p = new Prf(with, x.Sentences, x.TriplesAll, x.TriplesAll);
            return string.Create(CultureInfo.InvariantCulture, $"{F(p.Precision),9} {F(p.Recall),6} {F(p.F1),6} {with,5}");
        }
        foreach (var (min, r) in rows)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {min,4:0.00}  {Cells(r.Tune)}  {Cells(r.Check)}"));
        w.WriteLine();
    }

    /// <summary>The headline figures of the tune half, the check half and the whole, one row each.</summary>
    public static void WritePloverHalves(TextWriter w, SplitReports<PloverReport> r)
    {
        w.WriteLine("PLOVER halves: tune = odd lines of the file (misses may be read), check = even lines (do not read its misses)");
        w.WriteLine("  half    sents  actors found    (b) right category, both found    (c) full triple, all sentences");
        foreach (var (name, x) in new[] { ("tune", r.Tune), ("check", r.Check), ("all", r.All) })
            w.WriteLine($"  {name,-6} {x.Sentences,6}  {F(x.ActorDetectionRate),12}    {Pct(x.CategoryRightWhenBothFound, x.BothFound),-32}  {Pct(x.TriplesAll, x.Sentences)}");
        w.WriteLine();
    }

    private static string Pct(int n, int d) =>
        string.Create(CultureInfo.InvariantCulture, $"{(d == 0 ? 0 : (double)n / d),6:0.000}  ({n}/{d})");

    public static void WritePlover(TextWriter w, PloverReport r, int misses)
    {
        w.WriteLine($"PLOVER: {r.Sentences} sentences, {r.SentencesWithTarget} with a target actor");
        w.WriteLine();
        w.WriteLine($"  (a) actors found                      {Pct(r.ActorsFound, r.Actors)}");
        w.WriteLine($"      source actors                     {Pct(r.SourceActorsFound, r.SourceActors)}");
        w.WriteLine($"      target actors                     {Pct(r.TargetActorsFound, r.TargetActors)}");
        w.WriteLine($"  (b) right category, both actors found {Pct(r.CategoryRightWhenBothFound, r.BothFound)}");
        w.WriteLine($"  (c) full triple, all sentences        {Pct(r.TriplesAll, r.Sentences)}");
        w.WriteLine($"      full triple, sentences w/ target  {Pct(r.TriplesWithTarget, r.SentencesWithTarget)}");
        w.WriteLine($"      gold category, reversed direction  {r.Reversed,5}  (not counted)");
        w.WriteLine();
        w.WriteLine("  (d) by gold category     sents  both  right  triple  rev   our categories when actors found");
        foreach (var c in r.ByCategory)
            w.WriteLine($"  {c.Category,-22} {c.Sentences,6} {c.BothFound,5} {c.CategoryRight,6} {c.Triples,7} {c.Reversed,4}   "
                + string.Join(", ", c.Predicted.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));
        if (misses <= 0) return;
        var wrong = r.Results.Where(x => !x.Correct).ToList();
        w.WriteLine();
        w.WriteLine($"Sentences without the gold triple (first {Math.Min(misses, wrong.Count)} of {wrong.Count})");
        foreach (var x in wrong.Take(misses))
        {
            var why = !x.SourceFound ? "source not found" : x.Targets.Count > 0 && !x.TargetFound ? "target not found"
                : x.Reversed ? "edge reversed" : x.PredictedCategories.Count == 0 ? "no edge" : "predicted " + string.Join("/", x.PredictedCategories);
            w.WriteLine($"  {x.Id}  {x.Category}: [{string.Join("; ", x.Sources)}] -> [{string.Join("; ", x.Targets)}]  -- {why}");
            w.WriteLine($"      {x.Text}");
            w.WriteLine($"      entities: {string.Join(", ", x.Entities)}");
        }
    }
}
