using KnowledgeGraph.Core;

namespace KnowledgeGraph.Evaluation.Plover;

/// <summary>What the pipeline did with one PLOVER sentence.</summary>
/// <param name="SourceFound">Some entity matches a source actor.</param>
/// <param name="TargetFound">Some entity matches a target actor (false when the gold has no target).</param>
/// <param name="PredictedCategories">Categories of our asserted edges from a source entity to a target entity (sorted, distinct); for a sentence without a target, of edges from a source entity to anything.</param>
/// <param name="Correct">The gold triple was found: a source -> target edge of the gold category (without a target: a source -> any edge of the gold category).</param>
/// <param name="Reversed">A target -> source edge of the gold category exists (not counted as correct).</param>
public sealed record PloverSentenceResult(
    string Id, string Category, string Text, IReadOnlyList<string> Sources, IReadOnlyList<string> Targets,
    bool SourceFound, bool TargetFound, IReadOnlyList<string> PredictedCategories, bool Correct, bool Reversed,
    IReadOnlyList<string> Entities);

/// <summary>Per gold category: how many sentences, how many with both actors found, how many right, and what we predicted instead.</summary>
public sealed record PloverCategoryRow(string Category, int Sentences, int BothFound, int CategoryRight, int Triples, int Reversed,
    IReadOnlyDictionary<string, int> Predicted);

/// <summary>Everything <c>kg eval plover</c> measured (see docs/evaluation.md for the definitions).</summary>
/// <param name="ActorsFound">Actor strings (sources and targets) that matched some entity.</param>
/// <param name="BothFound">Sentences with a gold target where a source and a target actor were both found.</param>
/// <param name="CategoryRightWhenBothFound">Of <paramref name="BothFound"/>, those with a source -> target edge of the gold category: figure (b).</param>
/// <param name="TriplesAll">Sentences (all of them) with the full triple: figure (c).</param>
/// <param name="TriplesWithTarget">Of the sentences with a gold target, those with the full triple.</param>
public sealed record PloverReport(
    int Sentences, int SentencesWithTarget,
    int Actors, int ActorsFound, int SourceActors, int SourceActorsFound, int TargetActors, int TargetActorsFound,
    int BothFound, int CategoryRightWhenBothFound, int TriplesAll, int TriplesWithTarget, int Reversed,
    IReadOnlyList<PloverCategoryRow> ByCategory, IReadOnlyList<PloverSentenceResult> Results)
{
    public double ActorDetectionRate => Actors == 0 ? 0 : (double)ActorsFound / Actors;
    public double CategoryAccuracyWhenBothFound => BothFound == 0 ? 0 : (double)CategoryRightWhenBothFound / BothFound;
    public double TripleRate => Sentences == 0 ? 0 : (double)TriplesAll / Sentences;
    public double TripleRateWithTarget => SentencesWithTarget == 0 ? 0 : (double)TriplesWithTarget / SentencesWithTarget;
}

/// <summary>Runs each PLOVER sentence through the analyzer as its own document and checks for the gold (source, category, target) edge.</summary>
public static class PloverEvaluator
{
    public const string NoEdge = "(none)";

    public static PloverReport Evaluate(IDocumentAnalyzer analyzer, IReadOnlyList<PloverRecord> records, int maxDegreeOfParallelism = 0,
        CancellationToken cancellationToken = default)
    {
        var documents = records.Select(r => Document.Create(r.Text, r.Id, r.Id)).ToList();
        return Score(records, Analysis.AnalyzeAll(analyzer, documents, maxDegreeOfParallelism, cancellationToken));
    }

    public static PloverReport Score(IReadOnlyList<PloverRecord> records, IReadOnlyList<DocumentAnalysis> analyses)
    {
        if (analyses.Count != records.Count) throw new ArgumentException($"{analyses.Count} analyses for {records.Count} sentences", nameof(analyses));
        var results = new List<PloverSentenceResult>();
        int actors = 0, actorsFound = 0, sourceActors = 0, sourceFound = 0, targetActors = 0, targetFound = 0;
        for (int i = 0; i < records.Count; i++)
        {
            var rec = records[i];
            var a = analyses[i];
            var sourceEntities = new HashSet<int>();
            var targetEntities = new HashSet<int>();
            foreach (var actor in rec.Sources)
            {
                var hits = a.Entities.Where(e => ActorMatcher.Matches(actor, e)).Select(e => e.Index).ToList();
                sourceActors++; actors++;
                if (hits.Count > 0) { sourceFound++; actorsFound++; }
                sourceEntities.UnionWith(hits);
            }
            foreach (var actor in rec.Targets)
            {
                var hits = a.Entities.Where(e => ActorMatcher.Matches(actor, e)).Select(e => e.Index).ToList();
                targetActors++; actors++;
                if (hits.Count > 0) { targetFound++; actorsFound++; }
                targetEntities.UnionWith(hits);
            }
            var asserted = a.Relations.Where(r => !r.Negated).ToList();
            var forward = asserted.Where(r => sourceEntities.Contains(r.Subject)
                && (rec.HasTarget ? targetEntities.Contains(r.Object) : r.Object != r.Subject)).ToList();
            var categories = forward.Select(r => r.Category).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();
            bool correct = categories.Contains(rec.Category, StringComparer.Ordinal);
            bool reversed = rec.HasTarget && asserted.Any(r => r.Category == rec.Category
                && targetEntities.Contains(r.Subject) && sourceEntities.Contains(r.Object) && !sourceEntities.Contains(r.Subject));
            results.Add(new PloverSentenceResult(rec.Id, rec.Category, rec.Text, rec.Sources, rec.Targets,
                sourceEntities.Count > 0, targetEntities.Count > 0, categories, correct, reversed,
                a.Entities.Select(e => $"{e.Name} ({e.Type})").ToList()));
        }

        bool Both(PloverSentenceResult r, PloverRecord rec) => rec.HasTarget && r.SourceFound && r.TargetFound;
        var pairs = results.Zip(records).ToList();
        int both = pairs.Count(p => Both(p.First, p.Second));
        int bothRight = pairs.Count(p => Both(p.First, p.Second) && p.First.Correct);
        int triples = results.Count(r => r.Correct);
        int withTarget = records.Count(r => r.HasTarget);
        int triplesWithTarget = pairs.Count(p => p.Second.HasTarget && p.First.Correct);

        var byCategory = pairs.GroupBy(p => p.Second.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var predicted = new SortedDictionary<string, int>(StringComparer.Ordinal);
                foreach (var (r, rec) in g)
                {
                    if (!(rec.HasTarget ? Both(r, rec) : r.SourceFound)) continue;
                    foreach (var c in r.PredictedCategories.DefaultIfEmpty(NoEdge)) predicted[c] = predicted.GetValueOrDefault(c) + 1;
                }
                return new PloverCategoryRow(g.Key, g.Count(), g.Count(p => Both(p.First, p.Second)),
                    g.Count(p => Both(p.First, p.Second) && p.First.Correct), g.Count(p => p.First.Correct), g.Count(p => p.First.Reversed), predicted);
            }).ToList();

        return new PloverReport(records.Count, withTarget, actors, actorsFound, sourceActors, sourceFound, targetActors, targetFound,
            both, bothRight, triples, triplesWithTarget, results.Count(r => r.Reversed), byCategory, results);
    }
}
