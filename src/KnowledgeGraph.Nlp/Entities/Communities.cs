using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>
/// Faith and ethnic communities (docs/entities.md, "Communities"). A faith word ("Sunni", "Catholics") or an ethnic name the
/// article introduces ("ethnic Zorvani", "the Zorvani people") is no entity of its own; where the text ties an actor to it,
/// the actor is AFFILIATED_WITH a community node (labels Entity:Organization:Community, named by the community's canonical
/// name, so that "Sunni" and "Sunnis" in any article are one node):
/// <list type="bullet">
/// <item>the word modifies the actor's agent phrase: "Shiite militias", "the Catholic bishop Ayla Morven", "Sunni cleric Ayla Morven";</item>
/// <item>it modifies the noun of an apposition: "Ayla Morven, a Sunni cleric, ...", "Tomas Verel, an ethnic Zorvani leader";</item>
/// <item>it is the complement of a copula after the actor: "Ayla Morven is a Muslim", "Ayla Morven, who is Jewish, ...".</item>
/// </list>
/// A community node exists only when it takes part in such an edge.
/// </summary>
public static class Communities
{
    /// <summary>The fine label of a community node.</summary>
    public const string Label = "Community";
    /// <summary>The attribute that says which kind of community a node is: <see cref="Faith"/> or <see cref="Ethnic"/>.</summary>
    public const string KindAttribute = "community", Faith = "faith", Ethnic = "ethnic";

    /// <summary>Nouns after a capitalised name that make it an ethnic community's name: "the Zorvani people", "a Zorvani clan".</summary>
    private static readonly HashSet<string> CommunityNouns = new(StringComparer.Ordinal) { "people", "peoples", "tribe", "tribes", "clan", "clans", "community", "communities" };

    /// <summary>The community nouns that never name a company's staff.</summary>
    private static readonly HashSet<string> KinNouns = new(StringComparer.Ordinal) { "tribe", "tribes", "clan", "clans" };

    private static readonly HashSet<string> Copulas = new(StringComparer.Ordinal) { "is", "was", "are", "were", "became", "becomes", "remains", "remained" };

    /// <summary>
    /// Whether a capitalised word names a faith or its followers ("Sunni", "Catholics"): every agent phrase of PETRARCH's
    /// agents dictionary that is the word (or its singular) or opens with it carries a religion code, and the gazetteer
    /// knows no place by it. The dictionary's clergy nouns pass too ("Bishops"): the entity stage drops them all alike.
    /// </summary>
    public static bool IsFaithWord(LexiconSet lexicons, string word) => FaithStem(lexicons, word) is not null;

    private static string? FaithStem(LexiconSet lexicons, string word)
    {
        if (word.Length < 3 || !char.IsUpper(word[0]) || word.All(char.IsUpper)) return null;
        var lower = word.ToLowerInvariant();
        string? stem = lexicons.Agents.IsFaithWord(lower) ? lower : lower.EndsWith('s') && lexicons.Agents.IsFaithWord(lower[..^1]) ? lower[..^1] : null;
        if (stem is null || lexicons.Gazetteer.Lookup(word).Any(h => h.Entry.Type == EntityType.Location && h.Kind == MentionKind.Name)) return null;
        return stem;
    }

    /// <summary>
    /// The canonical name of the faith a capitalised word names ("Sunnis" -> "Sunni", "Catholic" -> "Catholic"), by
    /// <see cref="IsFaithWord"/>; null for any other word and for a title of clergy ("Bishop", "Imams": titles.tsv), which
    /// names an office, not a faith.
    /// </summary>
    public static string? FaithName(LexiconSet lexicons, string word)
    {
        if (FaithStem(lexicons, word) is not { } stem) return null;
        if (lexicons.Titles.Lookup(word).Count > 0 || word.EndsWith('s') && lexicons.Titles.Lookup(word[..^1]).Count > 0) return null;
        // the dictionary's own singular where it lists the word ("sunnis" -> "sunni")
        var lemma = lexicons.Agents.Lookup(word.ToLowerInvariant()).Select(e => e.Lemma).FirstOrDefault(l => !l.Contains(' ')) ?? stem;
        // an adjective made of the faith's noun and "-ish" is that faith: "Jewish" is the community "Jew" (both coded
        // alike); not a word that only ends like it
        if (lemma.Length > 5 && lemma.EndsWith("ish", StringComparison.Ordinal) && SameFaith(lexicons, lemma, lemma[..^3])) lemma = lemma[..^3];
        return char.ToUpperInvariant(lemma[0]) + lemma[1..];
    }

    /// <summary>Two lower-case words the agents dictionary codes with the same single code ("jewish", "jew": JEW).</summary>
    private static bool SameFaith(LexiconSet lexicons, string a, string b)
    {
        var codes = lexicons.Agents.Lookup(a).Where(e => e.Form == a).Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        return codes.Count == 1 && lexicons.Agents.Lookup(b).Where(e => e.Form == b).Select(e => e.Code).ToHashSet(StringComparer.Ordinal).SetEquals(codes);
    }

    /// <summary>
    /// Whether word <paramref name="i"/> is an ethnic community's name by its construction: a capitalised word after "ethnic"
    /// ("ethnic Zorvani") or before a community noun ("the Zorvani people", "Zorvani clans") that no gazetteer knows (so no
    /// country's demonym: "Chinese people"), no faith word and no common English word.
    /// </summary>
    /// With <paramref name="kinOnly"/>, only "ethnic X" and "X tribe/clan" count: "the Cargill people" may be a company's staff.
    public static bool IsEthnicName(LexiconSet lexicons, IReadOnlyList<string> words, int i, bool kinOnly = false)
    {
        var w = words[i];
        if (w.Length < 3 || !MentionFinder.IsTitleCase(w)) return false;
        bool construction = i > 0 && words[i - 1].Equals("ethnic", StringComparison.OrdinalIgnoreCase)
                            || i > 0 && i + 1 < words.Count && (kinOnly ? KinNouns : CommunityNouns).Contains(words[i + 1]);
        return construction && lexicons.Gazetteer.Lookup(w).Count == 0 && !IsFaithWord(lexicons, w)
               && !lexicons.CommonWords.Contains(w.ToLowerInvariant());
    }

    /// <summary>
    /// An ethnic name's canonical form: a plural proper noun in the singular ("ethnic Tamils" -> "Tamil"), by its tag or by
    /// the singular the article uses as an ethnic name too ("an ethnic Varani leader ... ethnic Varanis").
    /// </summary>
    public static string EthnicCanonical(Token token, IReadOnlySet<string> ethnic)
    {
        var w = token.Text;
        if (!w.EndsWith('s') || w.EndsWith("ss", StringComparison.Ordinal)) return w;
        return token.Tag == "NNPS" || ethnic.Contains(w[..^1]) ? w[..^1] : w;
    }

    /// <summary>Nouns of people who fled, which a people's name modifies: "Velani refugees".</summary>
    private static readonly HashSet<string> DisplacedNouns = new(StringComparer.Ordinal) { "refugees", "refugee" };

    /// <summary>
    /// "aid for Velani refugees in Kessa": a capitalised word alone (no capitalised word before it) right before "refugees"
    /// that no gazetteer knows (so no country's demonym or country: "Syrian refugees", "Ukraine refugees"), no faith word and
    /// no common English word names the people who fled; MentionFinder makes it a community where the recogniser took it
    /// for a person, which a person's name never modifies (a place it took for a place stays: "Darfur refugees").
    /// </summary>
    public static HashSet<string> DisplacedPeoples(IEnumerable<Sentence> sentences, LexiconSet lexicons)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
            for (int i = 1; i + 1 < s.Tokens.Count; i++)
            {
                var w = s.Tokens[i].Text;
                if (!DisplacedNouns.Contains(s.Tokens[i + 1].Text) || w.Length < 3 || !MentionFinder.IsTitleCase(w) || names.Contains(w)) continue;
                var before = s.Tokens[i - 1].Text;
                if (before.Length > 0 && char.IsUpper(before[0])) continue;
                if (lexicons.Gazetteer.Lookup(w).Count == 0 && !IsFaithWord(lexicons, w) && !lexicons.CommonWords.Contains(w.ToLowerInvariant())) names.Add(w);
            }
        return names;
    }

    /// <summary>The ethnic names the article introduces (<see cref="IsEthnicName"/>).</summary>
    public static HashSet<string> EthnicNames(IEnumerable<Sentence> sentences, LexiconSet lexicons, bool kinOnly = false, IReadOnlySet<string>? taken = null)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var words = s.Tokens.Select(t => t.Text).ToList();
            for (int i = 1; i < words.Count; i++)
                if (!names.Contains(words[i]) && taken?.Contains(words[i]) != true && IsEthnicName(lexicons, words, i, kinOnly)) names.Add(words[i]);
        }
        return names;
    }

    /// <summary>The community a word names: (canonical name, kind), or null.</summary>
    private static (string Name, string Kind)? CommunityOf(LexiconSet lexicons, HashSet<string> ethnic, Token token)
    {
        var word = token.Text;
        if (FaithName(lexicons, word) is { } faith) return (faith, Faith);
        if (ethnic.Contains(word)) return (EthnicCanonical(token, ethnic), Ethnic);
        return null;
    }

    /// <summary>
    /// Appends the community nodes and the actors' AFFILIATED_WITH edges to <paramref name="entities"/> and
    /// <paramref name="relations"/>. Reads each sentence's tokens around each mention: linear in the article's length.
    /// </summary>
    public static void Add(AnalysisContext context, LexiconSet lexicons, List<DocumentEntity> entities, List<RelationMention> relations,
        Func<string, EntityType, EntityType, bool> allows)
    {
        // a word the article names something else by ("Cargill people": the company's) is no community's name
        var taken = context.Entities.Where(e => !e.FineTypes.Contains(Label)).SelectMany(e => e.Aliases).ToHashSet(StringComparer.Ordinal);
        var ethnic = EthnicNames(context.Sentences, lexicons, taken: taken);
        var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var mentions = new Dictionary<int, List<Mention>>();
        // a community the text names as a participant ("the Zorvani people protested") is already a node
        foreach (var e in entities.Where(e => e.FineTypes.Contains(Label)).ToList())
        {
            if (!nodes.TryAdd(e.Name, e.Index)) continue;
            mentions[e.Index] = e.Mentions.ToList();
            var attributes = new SortedDictionary<string, string>(e.Attributes.ToDictionary(), StringComparer.Ordinal)
                { [KindAttribute] = FaithName(lexicons, e.Name) is null ? Ethnic : Faith };
            entities[e.Index] = e with { Attributes = attributes };
        }
        var seen = new HashSet<(int, int)>();
        foreach (var r in context.Mentions)
        {
            var subject = context.Entities[r.Entity];
            if (subject.Type is not (EntityType.Person or EntityType.Organization) || subject.FineTypes.Contains(Label)) continue;
            if (r.FirstToken < 0 || r.EndToken <= r.FirstToken) continue;
            var tokens = context.Sentences[r.SentenceIndex].Tokens;
            if (Find(tokens, r, lexicons, ethnic) is not { } hit) continue;
            var (name, kind) = hit.Community;
            if (!allows("AFFILIATED_WITH", subject.Type, EntityType.Organization)) continue;
            if (!nodes.TryGetValue(name, out var node))
            {
                node = entities.Count;
                nodes[name] = node;
                mentions[node] = new List<Mention>();
                entities.Add(new DocumentEntity(node, name, EntityType.Organization, new[] { Label }, Array.Empty<string>(), Array.Empty<Mention>(),
                    new SortedDictionary<string, string>(StringComparer.Ordinal) { [KindAttribute] = kind }));
            }
            var word = tokens[hit.Token];
            var span = new TextSpan(word.Start, word.End);
            if (!mentions[node].Any(m => m.Span == span))
                mentions[node].Add(new Mention(span, word.Text, r.SentenceIndex, EntityType.Organization, Label, MentionKind.Demonym, "rule", name));
            if (!seen.Add((r.Entity, node))) continue;
            var s = context.Sentences[r.SentenceIndex];
            relations.Add(new RelationMention(r.Entity, node, "AFFILIATED_WITH", "AFFILIATED_WITH", r.SentenceIndex,
                context.SentenceText(r.SentenceIndex), s.Span, word.Text, span, 0.8));
        }
        foreach (var (node, list) in mentions)
        {
            list.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            var aliases = new SortedSet<string>(list.Where(m => m.Kind != MentionKind.Pronoun && m.Source != "coref").Select(m => m.Text)
                .Concat(entities[node].Aliases), StringComparer.Ordinal) { entities[node].Name };
            entities[node] = entities[node] with { Mentions = list, Aliases = aliases.ToList() };
        }
    }

    /// <summary>The token of a community word that ties mention <paramref name="r"/> to its community, by the constructions above.</summary>
    private static (int Token, (string Name, string Kind) Community)? Find(IReadOnlyList<Token> t, MentionRef r, LexiconSet lexicons, HashSet<string> ethnic)
    {
        (int, (string, string))? Word(int i) => i >= 0 && i < t.Count && CommunityOf(lexicons, ethnic, t[i]) is { } c ? (i, c) : null;
        // of two community words in a row the first, the narrower: "Sunni Muslim cleric" -> Sunni
        (int, (string, string))? At(int i) => Word(i) is { } hit ? Word(i - 1) ?? hit : null;
        int first = r.FirstToken, end = Math.Min(r.EndToken, t.Count);
        // "Shiite militias": a modifier inside a description (not inside a name: "the Muslim Brotherhood" is a name)
        // and only a modifier of the head noun itself: lowercase words between them ("Sunni armed groups"), not a word of a
        // name that is a description ("the Supreme Council for Islamic Revolution")
        // a description coreference gave to an entity says nothing sure of it ("the Salafi movement" read as a group named earlier)
        if (r.Mention.Kind == MentionKind.Descriptor && r.Mention.Source != "coref" && !IsCommunityWord(t, end - 1, lexicons, ethnic))
            for (int i = end - 2; i >= first; i--)
            {
                if (At(i) is { } inside) return inside;
                if (!(t[i].Text.Length > 0 && char.IsLower(t[i].Text[0]) && t[i].Tag is "NN" or "NNS" or "JJ" or "VBN" or "VBG")) break;
            }
        if (r.Mention.Kind is MentionKind.Name or MentionKind.Descriptor)
        {
            // "the Catholic bishop Ayla Morven", "Sunni cleric Ayla Morven": the word, then common nouns (the title), then the name
            int j = first - 1;
            while (j >= 0 && IsCommonNoun(t[j])) j--;
            if (j < first - 1 && At(j) is { } before) return before;
        }
        // "Ayla Morven, a Sunni cleric": comma, article, adjectives ("ethnic", "devout"), the word, at least one common noun
        int k = end;
        if (k + 1 < t.Count && t[k].Text == "," && t[k + 1].Text is "a" or "an" or "the")
        {
            k += 2;
            while (k < t.Count && t[k].Tag is "JJ" && !char.IsUpper(t[k].Text[0])) k++;
            int after = k + 1;
            while (Word(after) is not null) after++; // "a Sunni Muslim cleric"
            if (At(k) is { } appos && after < t.Count && IsCommonNoun(t[after])) return appos;
        }
        // "Ayla Morven is a Muslim", "Ayla Morven, who is Jewish": a copula, an optional article and adjectives, the word
        // as the whole complement (a noun after it would make it a modifier of something else: "is a Muslim-majority town")
        k = end;
        if (k + 1 < t.Count && t[k].Text == "," && t[k + 1].Text == "who") k += 2;
        else if (k < t.Count && t[k].Text == "who") k++;
        if (k < t.Count && Copulas.Contains(t[k].Text))
        {
            k++;
            if (k < t.Count && t[k].Text is "a" or "an") k++;
            while (k < t.Count && t[k].Tag is "JJ" && !char.IsUpper(t[k].Text[0])) k++;
            int after = k + 1;
            while (Word(after) is not null) after++; // "is a Sunni Muslim"
            if (At(k) is { } complement && (after >= t.Count || IsCommonNoun(t[after]) || t[after].Tag is "," or "." or ":" or "CC" or "IN" or "RB" or "WDT" or "WP"))
                return complement;
        }
        return null;
    }

    private static bool IsCommunityWord(IReadOnlyList<Token> t, int i, LexiconSet lexicons, HashSet<string> ethnic) =>
        CommunityOf(lexicons, ethnic, t[i]) is not null;

    /// <summary>A lowercase common noun (a title or an agent noun: "bishop", "cleric", "leader").</summary>
    private static bool IsCommonNoun(Token t) => t.Tag is "NN" or "NNS" && t.Text.Length > 0 && char.IsLower(t.Text[0]);
}
