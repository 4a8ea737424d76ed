using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Relations;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>Relations the entity stage itself establishes: "Chad's army" is the army of Chad (NATIONALITY), "police in Lima" are in Lima (LOCATED_IN).</summary>
public static class StructuralRelations
{
    public static IEnumerable<RelationMention> FromAnchors(AnalysisContext context, IReadOnlyList<ClusteredMention> mentions,
        Func<string, EntityType, EntityType, bool> allows)
    {
        var byName = context.Entities.GroupBy(e => NameKey.Fold(e.Name)).ToDictionary(g => g.Key, g => g.First());
        // the anchored descriptions, found by identity: the context holds the very same Mention objects
        // "police in Lima" is LOCATED_IN Lima
        var anchors = new Dictionary<Mention, (string Place, string Type)>(ReferenceEqualityComparer.Instance);
        foreach (var m in mentions)
            if (m.Placed.AnchorCountry is { } c) anchors.TryAdd(m.Mention, (c, "NATIONALITY"));
            else if (m.Placed.AnchorPlace is { } p) anchors.TryAdd(m.Mention, (p, "LOCATED_IN"));
        var seen = new HashSet<(int, int)>();
        foreach (var r in context.Mentions)
        {
            if (!anchors.TryGetValue(r.Mention, out var anchor)) continue;
            if (!byName.TryGetValue(NameKey.Fold(anchor.Place), out var target)) continue;
            if (target.Index == r.Entity || !seen.Add((r.Entity, target.Index))) continue;
            if (!allows(anchor.Type, context.Entities[r.Entity].Type, target.Type)) continue;
            var s = context.Sentences[r.SentenceIndex];
            yield return new RelationMention(r.Entity, target.Index, anchor.Type, anchor.Type, r.SentenceIndex,
                context.SentenceText(r.SentenceIndex), s.Span, r.Mention.Text, r.Mention.Span, 0.9);
        }
    }

    /// <summary>Whether an entity is known as a body by itself: an organisation kind or a country (gazetteer, keyword), or an acronym.</summary>
    private static bool KnownBody(DocumentEntity e) =>
        e.FineTypes.Count > 0 || e.Mentions.Any(m => m.Kind == MentionKind.Acronym) || e.Aliases.Any(a => a.Length > 1 && a.All(char.IsUpper));

    /// <summary>
    /// Head nouns that name a sub-unit of a body, not a body of its own: a name headed by one of them and led by another body's
    /// name is a part of that body ("the Orvin University Law School", "the Kessa Telecom Billing Division", "the Brel Police
    /// Traffic Unit"). A name headed by a whole-organisation noun (agency, company, group, corporation, party, center, services,
    /// corps ...) and led by a bare name is mostly that body's own long form or a body named after the place or person. A
    /// closed list of English: the organisation keyword lexicon (org_keywords.tsv) marks the kind of a body, not whether it is a part.
    /// </summary>
    private static readonly HashSet<string> SubUnitHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "School", "Faculty", "Department", "Division", "Command", "Branch", "Office", "Bureau", "Unit", "Wing", "Directorate",
        "Section", "Chapter", "Detachment", "Desk",
    };

    /// <summary>The head noun of a name's words after its leading name: the word before the first "of", "for" or "on"
    /// ("Office of Audits": Office), else the last word ("Medical School": School).</summary>
    private static string HeadOf(IReadOnlyList<string> rest)
    {
        int end = rest.Count;
        for (int i = 1; i < rest.Count; i++)
            if (rest[i] is "of" or "for" or "on") { end = i; break; }
        return rest[end - 1];
    }

    /// <summary>
    /// "U.N. Working Group on Mercenaries", "U.S. Central Command": an organisation named after another organisation
    /// or a country, followed by a keyword-headed name, is part of it (PART_OF).
    /// </summary>
    public static IEnumerable<RelationMention> FromNames(AnalysisContext context, LexiconSet lexicons, Func<string, EntityType, EntityType, bool> allows)
    {
        var owners = new Dictionary<string, DocumentEntity>(StringComparer.Ordinal);
        foreach (var e in context.Entities)
            // a community is no body another is a part of ("the Tamil National Alliance" is not part of the Tamil people)
            if (e.Type == EntityType.Organization && !e.FineTypes.Contains(Communities.Label) || e.FineTypes.Contains("Country"))
                foreach (var a in e.Aliases) owners.TryAdd(NameKey.Fold(a), e);
        var seen = new HashSet<(int, int)>();
        foreach (var r in context.Mentions)
        {
            // anchored descriptions ("Chadian government") already have their NATIONALITY edge
            if (r.Mention.Kind is not (MentionKind.Name or MentionKind.Descriptor) || r.Mention.Canonical is not null
                || context.Entities[r.Entity].Type != EntityType.Organization) continue;
            // a coalition's members described by coreference ("Coalition nations") are not a unit named after it
            if (r.Mention.Kind == MentionKind.Descriptor && r.Mention.Source == "coref" && r.Mention.FineType == "InternationalOrganization") continue;
            var words = NameKey.Words(r.Mention.Text).Where(w => !w.Equals("the", StringComparison.OrdinalIgnoreCase)).ToArray();
            for (int k = Math.Min(3, words.Length - 1); k >= 1; k--)
            {
                if (!owners.TryGetValue(NameKey.Fold(string.Join(' ', words.Take(k))), out var owner) || owner.Index == r.Entity) continue;
                var rest = words.Skip(k).ToArray();
                if (!rest.Any(w => lexicons.OrgKeywords.Lookup(w).Any(kw => kw.Type != EntityType.Location) || lexicons.Descriptors.Lookup(w).Any(d => d.Type == EntityType.Organization))) break;
                if (!seen.Add((r.Entity, owner.Index)) || !allows("PART_OF", EntityType.Organization, owner.Type)) break;
                var s = context.Sentences[r.SentenceIndex];
                bool parent = KnownBody(owner) || SubUnitHeads.Contains(HeadOf(rest));
                yield return new RelationMention(r.Entity, owner.Index, "PART_OF", "PART_OF", r.SentenceIndex,
                    context.SentenceText(r.SentenceIndex), s.Span, r.Mention.Text, r.Mention.Span, parent ? 0.8 : RelationConfidence.ShortFormOwner(0.8),
                    Doubted: !parent);
                break;
            }
        }
    }
}
