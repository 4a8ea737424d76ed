using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Coreference;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>Turns clustered mentions into the document's entity list and token-placed mention references.</summary>
public static class EntityAssembler
{
    /// <param name="isCommonWord">Whether a lower-case word is ordinary English: an entity named only by one such
    /// capitalised word ("The Department", "Soldiers") and unknown to the gazetteer is dropped.</param>
    public static (List<DocumentEntity> Entities, List<MentionRef> Refs) Assemble(
        List<ClusteredMention> mentions, IReadOnlyList<CorefResolver.IntroducedEntity> introduced, Func<string, bool> isCommonWord)
    {
        var entities = new List<DocumentEntity>();
        var refs = new List<MentionRef>();
        var introducedBy = introduced.ToDictionary(x => x.Cluster);
        // One entity per (type, canonical name): coreference may have introduced "Government of Chad" for "the junta"
        // before the text names "Chad's government" itself.
        var clusterName = new Dictionary<int, string>();
        foreach (var g in mentions.GroupBy(m => m.Cluster))
            clusterName[g.Key] = introducedBy.TryGetValue(g.Key, out var ie) ? ie.Name : CanonicalNameOrEmpty(g.ToList());
        var merged = mentions.GroupBy(m => (m.Mention.Type == EntityType.Person ? m.Cluster : -1, NameKey.Fold(clusterName[m.Cluster]), clusterName[m.Cluster].Length == 0 ? m.Cluster : -1));
        // Entities in order of first mention, so entity indexes follow the text.
        foreach (var group in merged.OrderBy(g => g.Min(m => m.Mention.Span.Start)))
        {
            var list = group.OrderBy(m => m.Mention.Span.Start).ToList();
            var named = list.Where(m => m.Mention.Kind is MentionKind.Name or MentionKind.Acronym).ToList();
            var intro = list.Select(m => introducedBy.GetValueOrDefault(m.Cluster)).FirstOrDefault(x => x is not null);
            if (named.Count == 0 && intro is null && !list.Any(m => m.Mention.Canonical is not null)) continue;
            if (intro is null && !list.Any(m => m.Mention.Canonical is not null) && named.All(m => IsCommonWordName(m.Mention.Text, isCommonWord))) continue;
            var type = list.GroupBy(m => m.Mention.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            var name = intro?.Name ?? CanonicalName(list);
            var fine = list.Select(m => m.Mention.FineType).OfType<string>().Distinct(StringComparer.Ordinal)
                .OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (intro is not null && !fine.Contains(intro.FineType)) fine.Add(intro.FineType);
            var aliases = new SortedSet<string>(StringComparer.Ordinal) { name };
            foreach (var m in list)
            {
                if (m.Mention.Kind == MentionKind.Pronoun) continue;
                // descriptions found by coreference ("the junta", "the West African government") are no names
                if (m.Mention.Kind == MentionKind.Descriptor && (m.Mention.Source == "coref" || !m.Mention.Text.Skip(1).Any(char.IsUpper))) continue;
                aliases.Add(Clean(m.Mention.Text));
            }
            var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var role = list.Select(m => m.Placed.Role).OfType<string>().GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
            if (role is not null) attributes["role"] = role;
            int index = entities.Count;
            entities.Add(new DocumentEntity(index, name, type, fine, aliases.ToList(), list.Select(m => m.Mention).ToList(), attributes));
            foreach (var m in list) refs.Add(new MentionRef(m.Mention, index, m.Mention.SentenceIndex, m.Placed.FirstToken, m.Placed.EndToken));
        }
        return (entities, refs);
    }

    private static bool IsCommonWordName(string text, Func<string, bool> isCommonWord)
    {
        var t = Clean(text);
        return !t.Contains(' ', StringComparison.Ordinal) && t.Any(char.IsLower) && isCommonWord(t.ToLowerInvariant());
    }

    private static string Clean(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("the ", StringComparison.Ordinal) || t.StartsWith("The ", StringComparison.Ordinal)) t = t[4..];
        return string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string CanonicalNameOrEmpty(List<ClusteredMention> list) =>
        list.Any(m => m.Mention.Kind is MentionKind.Name or MentionKind.Acronym || m.Mention.Canonical is not null) ? CanonicalName(list) : "";

    /// <summary>The gazetteer's or rule's canonical name when there is one; else the most complete name: most words, then most often used.</summary>
    private static string CanonicalName(List<ClusteredMention> list)
    {
        var canonical = list.Select(m => m.Mention.Canonical).OfType<string>()
            .GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
        if (canonical is not null) return canonical;
        var names = list.Where(m => m.Mention.Kind is MentionKind.Name or MentionKind.Acronym).Select(m => Clean(m.Mention.Text)).ToList();
        if (names.Count == 0) return Clean(list[0].Mention.Text);
        return names.GroupBy(n => n, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key.Count(c => c == ' ') + (NameKey.IsAcronymShape(g.Key) ? 0 : 1))
            .ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
    }
}
