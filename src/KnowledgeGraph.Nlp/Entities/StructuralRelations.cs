using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>Relations the entity stage itself establishes: "Mali's army" is the army of Mali (NATIONALITY).</summary>
public static class StructuralRelations
{
    public static IEnumerable<RelationMention> FromAnchors(AnalysisContext context, IReadOnlyList<ClusteredMention> mentions,
        Func<string, EntityType, EntityType, bool> allows)
    {
        var byName = context.Entities.GroupBy(e => NameKey.Fold(e.Name)).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<(int, int)>();
        foreach (var r in context.Mentions)
        {
            var placed = mentions.FirstOrDefault(m => m.Mention == r.Mention)?.Placed;
            if (placed?.AnchorCountry is not { } country) continue;
            if (!byName.TryGetValue(NameKey.Fold(country), out var target)) continue;
            if (target.Index == r.Entity || !seen.Add((r.Entity, target.Index))) continue;
            if (!allows("NATIONALITY", context.Entities[r.Entity].Type, target.Type)) continue;
            var s = context.Sentences[r.SentenceIndex];
            yield return new RelationMention(r.Entity, target.Index, "NATIONALITY", "NATIONALITY", r.SentenceIndex,
                context.SentenceText(r.SentenceIndex), s.Span, r.Mention.Text, r.Mention.Span, 0.9);
        }
    }
}
