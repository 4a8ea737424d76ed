using KnowledgeGraph.Core;
using KnowledgeGraph.Evaluation.Scoring;

namespace KnowledgeGraph.Evaluation.Re3d;

/// <summary>
/// Scores an <see cref="IDocumentAnalyzer"/> against re3d: entity mentions (exact, head, lenient overlap; lenient is the
/// headline) and relations (labelled through <see cref="Re3dMapping"/>, and unlabelled). Rules: docs/evaluation.md.
/// </summary>
public static class Re3dEvaluator
{
    public const string Exact = "exact";
    public const string Head = "head";
    public const string Lenient = "lenient";
    public const string LenientUntyped = "lenient-untyped";

    /// <summary>Predicted edge categories we treat as undirected when removing duplicate predictions.</summary>
    private static readonly HashSet<string> SymmetricCategories = new(StringComparer.Ordinal) { "ALLIED_WITH", "AFFILIATED_WITH" };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "me", "my", "we", "us", "our", "ours", "you", "your", "he", "him", "his", "she", "her", "it", "its",
        "they", "them", "their", "this", "that", "these", "those", "who", "which",
    };

    /// <summary>re3d annotates some pronouns ("We", "I") as entities; we score pronouns through relations, not as entity mentions.</summary>
    public static bool IsPronoun(string value) => Pronouns.Contains(value.Trim());

    private static readonly string[] LeadingDeterminers = { "the ", "a ", "an " };

    /// <summary>The documents as our pipeline sees them, in corpus order.</summary>
    public static IReadOnlyList<Document> Documents(Re3dCorpus corpus) =>
        corpus.Documents.Select(d => Document.Create(d.Text, d.Title, d.Url ?? d.Id)).ToList();

    /// <summary>Analyzes every document of <paramref name="corpus"/> (in parallel) and scores the result.</summary>
    public static Re3dReport Evaluate(IDocumentAnalyzer analyzer, Re3dCorpus corpus, int maxDegreeOfParallelism = 0,
        CancellationToken cancellationToken = default) =>
        Score(corpus, Analysis.AnalyzeAll(analyzer, Documents(corpus), maxDegreeOfParallelism, cancellationToken));

    /// <summary>Scores analyses given in the order of <see cref="Re3dCorpus.Documents"/>.</summary>
    public static Re3dReport Score(Re3dCorpus corpus, IReadOnlyList<DocumentAnalysis> analyses)
    {
        if (analyses.Count != corpus.Documents.Count)
            throw new ArgumentException($"{analyses.Count} analyses for {corpus.Documents.Count} documents", nameof(analyses));

        var variants = new[] { Exact, Head, Lenient, LenientUntyped };
        var entityTotals = variants.ToDictionary(v => v, _ => new Dictionary<string, Prf>(StringComparer.Ordinal));
        var entityErrors = new List<MentionError>();
        var relationErrors = new List<RelationError>();
        var excluded = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var notScored = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byRe3dType = new SortedDictionary<string, Prf>(StringComparer.Ordinal);
        var byCategory = new SortedDictionary<string, Prf>(StringComparer.Ordinal);
        Prf relations = Prf.Zero, unlabelled = Prf.Zero;
        int goldMentions = 0, predictedMentions = 0, goldRelations = 0, predictedRelations = 0;

        var entitiesByDoc = corpus.Entities.ToLookup(e => e.DocumentId, StringComparer.Ordinal);
        var relationsByDoc = corpus.Relations.ToLookup(r => r.DocumentId, StringComparer.Ordinal);

        for (int d = 0; d < corpus.Documents.Count; d++)
        {
            var doc = corpus.Documents[d];
            var analysis = analyses[d];
            var text = doc.Text;

            // ---- entities ----
            var annotated = OnePerSpan(entitiesByDoc[doc.Id]);
            var gold = annotated.Where(e => Re3dMapping.CoarseOf(e.Type) is not null && !IsPronoun(e.Value)).ToList();
            var dontCare = annotated.Where(e => Re3dMapping.CoarseOf(e.Type) is null).Select(e => e.Span).ToList();
            var predicted = Analysis.AllMentions(analysis)
                .Where(m => Re3dMapping.ScoredCoarseTypes.Contains(m.Type) && m.Kind is not (MentionKind.Pronoun or MentionKind.Demonym))
                .Where(m => m.Span.End <= text.Length)
                .Where(m => gold.Any(g => g.Span.Overlaps(m.Span)) || !dontCare.Any(s => s.Contains(m.Span)))
                .ToList();
            goldMentions += gold.Count;
            predictedMentions += predicted.Count;
            var goldTypes = gold.Select(g => Re3dMapping.CoarseOf(g.Type)!.Value).ToList();

            foreach (var variant in variants)
            {
                bool typed = variant != LenientUntyped;
                var match = BipartiteMatcher.Match(gold.Count, predicted.Count, gi =>
                    Enumerable.Range(0, predicted.Count)
                        .Where(pi => (!typed || Re3dMapping.TypesAgree(predicted[pi], goldTypes[gi])) && SpansMatch(variant, text, gold[gi].Span, predicted[pi].Span))
                        .OrderByDescending(pi => OverlapLength(gold[gi].Span, predicted[pi].Span)).ThenBy(pi => pi)
                        .ToList());
                var matchedPred = new HashSet<int>(match.Where(p => p >= 0));
                var totals = entityTotals[variant];
                foreach (var type in Re3dMapping.ScoredCoarseTypes)
                {
                    var key = type.ToString();
                    var prf = new Prf(
                        predicted.Count(p => p.Type == type),
                        goldTypes.Count(t => t == type),
                        Enumerable.Range(0, predicted.Count).Count(pi => predicted[pi].Type == type && matchedPred.Contains(pi)),
                        Enumerable.Range(0, gold.Count).Count(gi => goldTypes[gi] == type && match[gi] >= 0));
                    totals[key] = totals.TryGetValue(key, out var old) ? old + prf : prf;
                }

                if (variant == Lenient)
                {
                    for (int gi = 0; gi < gold.Count; gi++)
                    {
                        if (match[gi] >= 0) continue;
                        var g = gold[gi];
                        var other = predicted.FirstOrDefault(p => p.Span.Overlaps(g.Span));
                        entityErrors.Add(new MentionError("missed", doc.Id, goldTypes[gi].ToString(), Analysis.Flatten(text[g.Span.Start..g.Span.End]),
                            g.Span.Start, g.Span.End, Analysis.Context(analysis, text, g.Span),
                            other is null ? null : $"predicted {other.Type} '{Analysis.Flatten(other.Text)}'"));
                    }
                    for (int pi = 0; pi < predicted.Count; pi++)
                    {
                        if (matchedPred.Contains(pi)) continue;
                        var p = predicted[pi];
                        var other = gold.FirstOrDefault(g => g.Span.Overlaps(p.Span));
                        entityErrors.Add(new MentionError("false", doc.Id, p.Type.ToString(), Analysis.Flatten(text[p.Span.Start..p.Span.End]),
                            p.Span.Start, p.Span.End, Analysis.Context(analysis, text, p.Span),
                            other is null ? null : $"gold {Re3dMapping.CoarseOf(other.Type)} '{Analysis.Flatten(other.Value)}'"));
                    }
                }
            }

            // ---- relations ----
            var goldRels = new List<(Re3dRelation Rel, Re3dRelationTypeMapping Map)>();
            var seen = new HashSet<(string, TextSpan, TextSpan)>();
            foreach (var r in relationsByDoc[doc.Id])
            {
                var map = Re3dMapping.Relation(r.Type);
                string? reason = map is null ? $"{r.Type}: unknown type"
                    : !map.Scored ? $"{r.Type}: type not mapped"
                    : !IsScoredEndpoint(annotated, r.SourceSpan) || !IsScoredEndpoint(annotated, r.TargetSpan) ? $"{r.Type}: endpoint not a Person/Organisation/Location"
                    : null;
                if (reason is not null) { excluded[reason] = excluded.GetValueOrDefault(reason) + 1; continue; }
                var (a, b) = map!.Symmetric && Compare(r.TargetSpan, r.SourceSpan) < 0 ? (r.TargetSpan, r.SourceSpan) : (r.SourceSpan, r.TargetSpan);
                if (!seen.Add((r.Type, a, b))) continue; // the same fact annotated twice (both directions of a symmetric type)
                goldRels.Add((r, map));
            }

            var preds = new List<RelationMention>();
            var predKeys = new HashSet<(int, int, string, int)>();
            foreach (var r in analysis.Relations)
            {
                if (r.Subject < 0 || r.Subject >= analysis.Entities.Count || r.Object < 0 || r.Object >= analysis.Entities.Count)
                    throw new ArgumentException($"document {doc.Id}: relation {r.Type} refers to entity {r.Subject} or {r.Object}, outside the {analysis.Entities.Count} entities");
                if (r.Negated) { notScored["(negated)"] = notScored.GetValueOrDefault("(negated)") + 1; continue; }
                var (s, o) = SymmetricCategories.Contains(r.Category) && r.Object < r.Subject ? (r.Object, r.Subject) : (r.Subject, r.Object);
                if (!predKeys.Add((s, o, r.Category, r.SentenceIndex))) continue;
                preds.Add(r);
            }
            var inScope = preds.Where(p => Re3dMapping.ScoredCategories.Contains(p.Category)).ToList();
            foreach (var p in preds.Where(p => !Re3dMapping.ScoredCategories.Contains(p.Category)))
                notScored[p.Category] = notScored.GetValueOrDefault(p.Category) + 1;
            goldRelations += goldRels.Count;
            predictedRelations += inScope.Count;

            var labelledMatch = BipartiteMatcher.Match(goldRels.Count, inScope.Count, gi =>
                Enumerable.Range(0, inScope.Count).Where(pi => RelationMatches(analysis, goldRels[gi], inScope[pi], labelled: true)).ToList());
            var unlabelledMatch = BipartiteMatcher.Match(goldRels.Count, preds.Count, gi =>
                Enumerable.Range(0, preds.Count).Where(pi => RelationMatches(analysis, goldRels[gi], preds[pi], labelled: false)).ToList());
            int matched = labelledMatch.Count(m => m >= 0);
            relations += Prf.OneToOne(inScope.Count, goldRels.Count, matched);
            unlabelled += Prf.OneToOne(preds.Count, goldRels.Count, unlabelledMatch.Count(m => m >= 0));

            var matchedPreds = new HashSet<int>(labelledMatch.Where(m => m >= 0));
            for (int gi = 0; gi < goldRels.Count; gi++)
            {
                var type = goldRels[gi].Rel.Type;
                var add = new Prf(0, 1, 0, labelledMatch[gi] >= 0 ? 1 : 0);
                byRe3dType[type] = byRe3dType.TryGetValue(type, out var old) ? old + add : add;
                if (labelledMatch[gi] >= 0) continue;
                var g = goldRels[gi].Rel;
                relationErrors.Add(new RelationError("missed", doc.Id, type, Analysis.Flatten(g.Source), Analysis.Flatten(g.Target), Analysis.Flatten(g.Trigger),
                    Analysis.Context(analysis, text, g.SourceSpan), MissNote(analysis, goldRels[gi], preds)));
            }
            for (int pi = 0; pi < inScope.Count; pi++)
            {
                var p = inScope[pi];
                bool ok = matchedPreds.Contains(pi);
                var add = new Prf(1, 0, ok ? 1 : 0, 0);
                byCategory[p.Category] = byCategory.TryGetValue(p.Category, out var old) ? old + add : add;
                if (ok) continue;
                var near = goldRels.FirstOrDefault(g => RelationMatches(analysis, g, p, labelled: false));
                relationErrors.Add(new RelationError("false", doc.Id, $"{p.Category}/{p.Type}", analysis.Entities[p.Subject].Name,
                    analysis.Entities[p.Object].Name, p.Trigger, Analysis.Flatten(p.Evidence),
                    near.Rel is null ? null : $"gold says {near.Rel.Type}"));
            }
        }

        var entityScores = variants.Select(v => new EntityScores(v, RuleOf(v),
            entityTotals[v].Values.Aggregate(Prf.Zero, (a, b) => a + b),
            new SortedDictionary<string, Prf>(entityTotals[v], StringComparer.Ordinal))).ToList();

        return new Re3dReport(
            corpus.Documents.Count, corpus.Entities.Count, corpus.RejectedEntities, goldMentions,
            corpus.Relations.Count, corpus.RejectedRelations, goldRelations, excluded,
            predictedMentions, predictedRelations, notScored,
            Lenient, entityScores, relations, unlabelled, byRe3dType, byCategory,
            entityErrors, relationErrors);
    }

    private static string RuleOf(string variant) => variant switch
    {
        Exact => "same span, same type",
        Head => "same span after dropping a leading the/a/an, same type",
        Lenient => "overlapping spans, same type (headline)",
        _ => "overlapping spans, any type",
    };

    /// <summary>re3d sometimes gives one span several types (the rejected ones are already gone): keep the most confident.</summary>
    private static List<Re3dEntity> OnePerSpan(IEnumerable<Re3dEntity> rows) =>
        rows.GroupBy(e => e.Span)
            .Select(g => g.OrderByDescending(e => e.Confidence).ThenBy(e => e.Type, StringComparer.Ordinal).First())
            .OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();

    private static bool IsScoredEndpoint(List<Re3dEntity> annotated, TextSpan span)
    {
        var entity = annotated.FirstOrDefault(e => e.Span == span);
        return entity is not null && Re3dMapping.CoarseOf(entity.Type) is not null;
    }

    private static int Compare(TextSpan a, TextSpan b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End);

    private static int OverlapLength(TextSpan a, TextSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    internal static bool SpansMatch(string variant, string text, TextSpan gold, TextSpan predicted) => variant switch
    {
        Exact => gold == predicted,
        Head => StripDeterminer(text, gold) == StripDeterminer(text, predicted),
        _ => gold.Overlaps(predicted),
    };

    internal static TextSpan StripDeterminer(string text, TextSpan span)
    {
        foreach (var det in LeadingDeterminers)
        {
            if (span.Length > det.Length && string.Compare(text, span.Start, det, 0, det.Length, StringComparison.OrdinalIgnoreCase) == 0)
                return new TextSpan(span.Start + det.Length, span.End);
        }
        return span;
    }

    private static TextSpan EvidenceOf(DocumentAnalysis analysis, RelationMention r) =>
        r.EvidenceSpan.Length > 0 ? r.EvidenceSpan
        : r.SentenceIndex >= 0 && r.SentenceIndex < analysis.Sentences.Count ? analysis.Sentences[r.SentenceIndex].Span
        : new TextSpan(0, analysis.Document.Text.Length);

    private static bool Touches(DocumentEntity entity, TextSpan span) => entity.Mentions.Any(m => m.Span.Overlaps(span));

    /// <summary>
    /// The predicted edge's sentence covers the gold relation, its subject has a mention overlapping the gold source and its
    /// object one overlapping the gold target (either way round for symmetric types), and, when labelled, its category is
    /// one the gold type maps to.
    /// </summary>
    private static bool RelationMatches(DocumentAnalysis analysis, (Re3dRelation Rel, Re3dRelationTypeMapping Map) gold, RelationMention p, bool labelled)
    {
        var g = gold.Rel;
        var hull = new TextSpan(Math.Min(g.SourceSpan.Start, g.TargetSpan.Start), Math.Max(g.SourceSpan.End, g.TargetSpan.End));
        if (!EvidenceOf(analysis, p).Overlaps(hull)) return false;
        if (labelled && !gold.Map.Categories.Contains(p.Category, StringComparer.Ordinal)
            && !(gold.Map.PlaceTypes is { } placeTypes && placeTypes.Contains(p.Type, StringComparer.Ordinal) && analysis.Entities[p.Object].Type == EntityType.Location))
            return false;
        DocumentEntity s = analysis.Entities[p.Subject], o = analysis.Entities[p.Object];
        return (Touches(s, g.SourceSpan) && Touches(o, g.TargetSpan))
            || (gold.Map.Symmetric && Touches(s, g.TargetSpan) && Touches(o, g.SourceSpan));
    }

    private static string? MissNote(DocumentAnalysis analysis, (Re3dRelation Rel, Re3dRelationTypeMapping Map) gold, List<RelationMention> preds)
    {
        var g = gold.Rel;
        var reversed = preds.FirstOrDefault(p => gold.Map.Categories.Contains(p.Category, StringComparer.Ordinal)
            && EvidenceOf(analysis, p).Overlaps(g.SourceSpan)
            && Touches(analysis.Entities[p.Subject], g.TargetSpan) && Touches(analysis.Entities[p.Object], g.SourceSpan));
        if (reversed is not null) return $"predicted the other way round ({reversed.Category})";
        var other = preds.FirstOrDefault(p => RelationMatches(analysis, gold, p, labelled: false));
        if (other is not null) return $"predicted as {other.Category}/{other.Type}";
        bool source = analysis.Entities.Any(e => Touches(e, g.SourceSpan)), target = analysis.Entities.Any(e => Touches(e, g.TargetSpan));
        return source && target ? null
            : source ? "target not found"
            : target ? "source not found"
            : "neither end found";
    }
}
