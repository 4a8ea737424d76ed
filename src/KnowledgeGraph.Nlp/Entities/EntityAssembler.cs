using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Coreference;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>Turns clustered mentions into the document's entity list and token-placed mention references.</summary>
public static class EntityAssembler
{
    /// <summary>The attribute that marks a generic actor with no country or place: scope = document (see <see cref="PlacedMention.DocumentScoped"/>).</summary>
    public const string ScopeAttribute = "scope", DocumentScope = "document";

    /// <summary>The attribute of a place that shares a country's name ("Georgia", the U.S. state): the country it is in.</summary>
    public const string WithinAttribute = "country";

    /// <param name="isCommonWord">Whether a lower-case word is ordinary English: an entity named only by one such
    /// capitalised word ("The Department", "Soldiers") and unknown to the gazetteer is dropped.</param>
    /// <param name="isDescription">Whether a phrase is, as a whole, one of the lexicon's descriptions ("junta", "military junta"):
    /// only such a description found by coreference becomes an alias; one with modifiers of its own ("the local authorities")
    /// stays a mention, since coreference may have given it to the wrong entity.</param>
    public static (List<DocumentEntity> Entities, List<MentionRef> Refs) Assemble(
        List<ClusteredMention> mentions, IReadOnlyList<CorefResolver.IntroducedEntity> introduced, Func<string, bool> isCommonWord,
        Func<string, bool>? isDescription = null)
    {
        var entities = new List<DocumentEntity>();
        isDescription ??= _ => true;
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
            var type = OneType(list) ?? list.GroupBy(m => m.Mention.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            var name = intro?.Name ?? CanonicalName(list);
            var fine = list.Select(m => m.Mention.FineType).OfType<string>().Distinct(StringComparer.Ordinal)
                .OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (intro is not null && !fine.Contains(intro.FineType)) fine.Add(intro.FineType);
            var aliases = new SortedSet<string>(StringComparer.Ordinal) { name };
            // every surface form: names as written, descriptions ("the junta", "Chad's army") too, so that a lookup by the
            // article's own words finds the node; a description keeps its article ("the junta") and is no cross-document key
            foreach (var m in list)
            {
                // an acronym taken for a place of this article by its letters alone names the place here only (EntityClusterer.JoinAcronymsOfPlaces)
                if (m.Mention.Kind == MentionKind.Pronoun || m.Mention.Source == EntityClusterer.GuessedAcronymSource) continue;
                // a place described ("the area", "the country") is named by its name; the description adds nothing to look it up by
                // nor is a person ("the commander"); a description with a number counts members ("the two allies"), it does not name
                if (m.Mention.Kind == MentionKind.Descriptor && m.Mention.Source == "coref"
                    && (type != EntityType.Organization || !isDescription(WithoutDeterminer(m.Mention.Text)))) continue;
                aliases.Add(m.Mention.Kind == MentionKind.Descriptor ? Description(m.Placed.Phrase ?? m.Mention.Text) : Clean(m.Mention.Text));
            }
            var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var role = Commonest(list, m => m.Placed.Role);
            if (role is not null) attributes["role"] = role;
            // a generic actor (or a country's government or army) is a country, or a place, plus a CAMEO agent code
            if (list.Select(m => m.Placed).FirstOrDefault(p => p.Agent is not null) is { } actor)
            {
                attributes["agent"] = actor.Agent!;
                if (actor.AnchorCountry is not null) attributes[WithinAttribute] = actor.AnchorCountry;
                else if (actor.AnchorPlace is not null) attributes["place"] = actor.AnchorPlace;
                else if (list.All(m => m.Placed.DocumentScoped || m.Mention.Kind is MentionKind.Pronoun || m.Mention.Source == "coref"))
                    attributes[ScopeAttribute] = DocumentScope;
            }
            // a place of one country that shares another country's name ("Georgia", the U.S. state): the country it is in
            else if (list.Select(m => m.Placed.Within).FirstOrDefault(w => w is not null) is { } within) attributes[WithinAttribute] = within;
            // "the alliance", "the Coalition", "the Alliance" of "the Orvin-Kessa Alliance" cut: a body named only by the head noun
            // of a description is the article's own, never the one another article describes by the same noun
            if (type == EntityType.Organization && !attributes.ContainsKey("agent") && !name.Contains(' ') && name.Length > 1
                && char.IsUpper(name[0]) && name[1..].All(char.IsLower) && isDescription(name.ToLowerInvariant()))
                attributes[ScopeAttribute] = DocumentScope;
            // a town written with its U.S. state after it ("Orvin, Fla."): the state
            if (type == EntityType.Location && list.Select(m => m.Placed.UsState).FirstOrDefault(w => w is not null) is { } state) attributes[EntityAttributes.State] = state;
            int index = entities.Count;
            entities.Add(new DocumentEntity(index, name, type, fine, aliases.ToList(), list.Select(m => m.Mention).ToList(), attributes));
            foreach (var m in list) refs.Add(new MentionRef(m.Mention, index, m.Mention.SentenceIndex, m.Placed.FirstToken, m.Placed.EndToken));
        }
        AddAnchorPlaces(mentions, entities);
        return (entities, refs);
    }

    /// <summary>
    /// "Peruvian police" in an article that never names Peru: the country (or place) a generic actor is anchored on is an
    /// entity of its own, mentioned by the demonym, so that the actor's NATIONALITY (or LOCATED_IN) edge has an end.
    /// </summary>
    private static void AddAnchorPlaces(List<ClusteredMention> mentions, List<DocumentEntity> entities)
    {
        var known = entities.Select(e => NameKey.Fold(e.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var group in mentions.Where(m => m.Placed.Anchor is not null && (m.Placed.AnchorCountry ?? m.Placed.AnchorPlace) is not null)
                     .GroupBy(m => (m.Placed.AnchorCountry ?? m.Placed.AnchorPlace)!, StringComparer.Ordinal)
                     .OrderBy(g => g.Min(m => m.Mention.Span.Start)))
        {
            if (!known.Add(NameKey.Fold(group.Key))) continue;
            var anchors = group.Select(m => m.Placed.Anchor!).ToList();
            var first = anchors[0];
            var fine = first.FineType is null ? new List<string>() : new List<string> { first.FineType };
            var aliases = new SortedSet<string>(anchors.Select(a => Clean(a.Text)), StringComparer.Ordinal) { group.Key };
            entities.Add(new DocumentEntity(entities.Count, group.Key, first.Type, fine, aliases.ToList(), anchors,
                new SortedDictionary<string, string>(StringComparer.Ordinal)));
        }
    }

    private static readonly string[] Determiners = { "the ", "The ", "its ", "their ", "this ", "This ", "these ", "These " };

    private static string WithoutDeterminer(string text)
    {
        var t = text.Trim();
        foreach (var d in Determiners)
            if (t.StartsWith(d, StringComparison.Ordinal)) return t[d.Length..];
        return t;
    }

    /// <summary>A description as an alias: spacing normalised, a sentence-initial "The" written "the".</summary>
    private static string Description(string text)
    {
        var t = SingleSpaced(text) ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return t.StartsWith("The ", StringComparison.Ordinal) ? "the " + t[4..] : t;
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
        return SingleSpaced(t) ? t : string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // whether a text's words are already parted by single spaces, with none at either end (most names are): splitting
    // on white space and joining by spaces would give the same text
    private static bool SingleSpaced(string t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] == ' ') { if (i == 0 || i == t.Length - 1 || t[i - 1] == ' ') return false; }
            else if (char.IsWhiteSpace(t[i])) return false;
        }
        return true;
    }

    // the value most mentions give (a tie to the first in ordinal order), null when none gives one (the common case: no
    // grouping then)
    private static string? Commonest(List<ClusteredMention> list, Func<ClusteredMention, string?> of)
    {
        if (!list.Exists(m => of(m) is not null)) return null;
        return list.Select(of).OfType<string>().GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
    }

    // the type all the mentions share, or null when they differ (the common case, one type, needs no grouping)
    private static EntityType? OneType(List<ClusteredMention> list)
    {
        var type = list[0].Mention.Type;
        foreach (var m in list)
            if (m.Mention.Type != type) return null;
        return type;
    }

    private static string CanonicalNameOrEmpty(List<ClusteredMention> list) =>
        list.Any(m => m.Mention.Kind is MentionKind.Name or MentionKind.Acronym || m.Mention.Canonical is not null) ? CanonicalName(list) : "";

    /// <summary>The gazetteer's or rule's canonical name when there is one; else the most complete name: most words, then
    /// one with a small letter before the same several words all in capitals, then most often used, then the first the text uses.</summary>
    private static string CanonicalName(List<ClusteredMention> list)
    {
        var canonical = Commonest(list, m => m.Mention.Canonical);
        if (canonical is not null) return canonical;
        var named = list.Where(m => m.Mention.Kind is MentionKind.Name or MentionKind.Acronym)
            .OrderBy(m => m.Mention.SentenceIndex).ThenBy(m => m.Placed.FirstToken).Select(m => Clean(m.Mention.Text)).ToList();
        if (named.Count == 0) return Clean(list[0].Mention.Text);
        if (named.Count == 1) return named[0];
        // (a tie goes to the name the text uses first: "Tomas Vell, a/k/a "Red Fox"" is Tomas Vell)
        var mixedCase = new HashSet<string>(named.Where(n => n.Any(char.IsLower)), StringComparer.OrdinalIgnoreCase);
        return named.Select((n, i) => (Name: n, Index: i)).GroupBy(x => x.Name, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key.Count(c => c == ' ') + (NameKey.IsAcronymShape(g.Key) ? 0 : 1))
            // (a name written in mixed case goes before the same words in capitals: a signature line or heading shouts;
            // not before other words: "ARVID STENHOLM, also known as "Grey Heron"" is still ARVID STENHOLM)
            .ThenBy(g => g.Key.Contains(' ') && !g.Key.Any(char.IsLower) && mixedCase.Contains(g.Key) ? 1 : 0)
            .ThenByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.Index)).First().Key;
    }
}
