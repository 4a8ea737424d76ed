using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>A mention with the cluster (entity) it was put in.</summary>
public sealed record ClusteredMention(PlacedMention Placed, int Cluster)
{
    public Mention Mention => Placed.Mention;
}

/// <summary>
/// Groups a document's named mentions into entities: the same name; a gazetteer's canonical name ("U.N." and
/// "United Nations"); a surname or first part for a person named in full ("Okafor", "Mr. Okafor");
/// an organisation's name without its head keyword ("Free Army" for "Free Army Group"); an acronym and its expansion,
/// by initials ("SDF" = "Syrian Democratic Forces") or by a parenthesis ("the U.N. mission in South Sudan (UNMISS)");
/// and a shorter description whose words all appear, in order, in a longer name.
/// </summary>
public sealed class EntityClusterer
{
    private readonly LexiconSet _lex;

    public EntityClusterer(LexiconSet lexicons) { _lex = lexicons; }

    private sealed class Group
    {
        public EntityType Type;
        public readonly List<int> Members = new();
        public int Parent;
    }

    public List<ClusteredMention> Cluster(Document doc, IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions)
    {
        mentions = UnifyTypes(mentions, sentences);
        var clusters = new List<Group>();
        var clusterOf = new List<int>(new int[mentions.Count]);
        // Long names first, so that short forms find the full name they abbreviate wherever it appears.
        var order = Enumerable.Range(0, mentions.Count)
            .OrderByDescending(i => Words(KeyText(mentions[i])).Length).ThenBy(i => i).ToList();
        foreach (var i in order)
        {
            int found = FindCluster(mentions, i, clusters, clusterOf);
            if (found < 0)
            {
                found = clusters.Count;
                clusters.Add(new Group { Type = mentions[i].Mention.Type, Parent = found });
            }
            clusters[found].Members.Add(i);
            clusterOf[i] = found;
        }
        LinkParentheses(doc, sentences, mentions, clusters, clusterOf);
        MergeByDescription(mentions, clusters);
        return mentions.Select((m, i) => new ClusteredMention(m, Root(clusters, clusterOf[i])))
            .Where(c => c.Mention.Source != "dropped").ToList();
    }

    /// <summary>The same name gets the same type throughout a document: the most trusted source decides, then the majority.</summary>
    private List<PlacedMention> UnifyTypes(List<PlacedMention> mentions, IReadOnlyList<Sentence> sentences)
    {
        static int Trust(Mention m) => m.Source switch { "gazetteer" => 3, "rule" => 2, _ => 1 };
        // The recogniser's guesses get context: "in Abeche", "the village of Abeche", "the Ras Kamboni territory" are places.
        mentions = mentions.Select(m => m.Mention.Source == "ner" && m.Mention.Type != EntityType.Location && LocationContext(sentences[m.Mention.SentenceIndex], m)
            ? m with { Mention = m.Mention with { Type = EntityType.Location, FineType = null, Source = "ner+context" } } : m).ToList();
        static int Votes(IGrouping<(EntityType, string?), PlacedMention> g) => g.Sum(m => m.Mention.Source == "ner+context" ? 2 : 1);
        var best = mentions.Where(m => m.Mention.Kind is MentionKind.Name or MentionKind.Acronym)
            .GroupBy(m => NameKey.Fold(m.Mention.Text))
            .ToDictionary(g => g.Key, g => g.GroupBy(m => (m.Mention.Type, m.Mention.FineType))
                .OrderByDescending(t => t.Max(m => Trust(m.Mention))).ThenByDescending(Votes)
                .ThenBy(t => t.Key.Item1).First().First().Mention);
        return mentions.Select(m =>
        {
            if (m.Mention.Kind is not (MentionKind.Name or MentionKind.Acronym)) return m;
            var b = best[NameKey.Fold(m.Mention.Text)];
            return b.Type == m.Mention.Type && b.FineType == m.Mention.FineType && b.Canonical == m.Mention.Canonical ? m
                : m with { Mention = m.Mention with { Type = b.Type, FineType = b.FineType ?? m.Mention.FineType, Canonical = b.Canonical ?? m.Mention.Canonical } };
        }).ToList();
    }

    /// <summary>Prepositions that take a place; "in" and "at" also take organisations ("in NATO", "at Google"), so they only correct a person.</summary>
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.OrdinalIgnoreCase) { "near", "into", "outside", "around", "across", "toward", "towards", "northeast", "northwest", "southeast", "southwest" };
    private static readonly HashSet<string> WeakPlacePrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "from" };

    /// <summary>A name after a place preposition ("near Mosul", "in Abeche" for a supposed person), after "village/town/city/region of", or before a place noun ("territory").</summary>
    private bool LocationContext(Sentence s, PlacedMention m)
    {
        int before = m.FirstToken - 1;
        if (before >= 0 && s.Tokens[before].Text is "the" && before > 0) before--;
        if (before >= 0 && m.EndToken - m.FirstToken <= 4 && Enumerable.Range(m.FirstToken, m.EndToken - m.FirstToken).All(k => s.Tokens[k].Tag is "NNP" or "NNPS")
            && (PlacePrepositions.Contains(s.Tokens[before].Text) || WeakPlacePrepositions.Contains(s.Tokens[before].Text) && m.Mention.Type == EntityType.Person))
            return true;
        if (m.EndToken - m.FirstToken != 1) return false;
        if (before >= 1 && s.Tokens[before].Text == "of" && IsPlaceNoun(s.Tokens[before - 1].Text)) return true;
        return m.EndToken < s.Tokens.Count && IsPlaceNoun(s.Tokens[m.EndToken].Text);
    }

    private bool IsPlaceNoun(string word) =>
        word.Length > 0 && char.IsLower(word[0]) && _lex.Descriptors.Lookup(word).Any(d => d.Type == EntityType.Location);

    private static string KeyText(PlacedMention m) => m.Mention.Canonical ?? m.Mention.Text;

    private static string[] Words(string s) => NameKey.Words(s).Where(w => !w.Equals("the", StringComparison.OrdinalIgnoreCase)).ToArray();

    private static int Root(List<Group> clusters, int c)
    {
        while (clusters[c].Parent != c) c = clusters[c].Parent;
        return c;
    }

    private int FindCluster(List<PlacedMention> mentions, int i, List<Group> clusters, List<int> clusterOf)
    {
        var m = mentions[i];
        var key = NameKey.Fold(KeyText(m));
        var words = Words(KeyText(m));
        int best = -1;
        int bestDistance = int.MaxValue;
        for (int c = 0; c < clusters.Count; c++)
        {
            if (clusters[c].Parent != c || clusters[c].Type != m.Mention.Type) continue;
            bool match = false;
            foreach (var j in clusters[c].Members)
            {
                var other = mentions[j];
                if (NameKey.Fold(KeyText(other)) == key) { match = true; break; }
                if (m.Mention.Canonical is not null && other.Mention.Canonical is not null) continue; // both known: names decide
                var otherWords = Words(KeyText(other));
                if (m.Mention.Type == EntityType.Person ? IsPartOfPersonName(words, otherWords)
                    : IsShortOrgName(words, otherWords) || IsAcronymOf(KeyText(m), otherWords))
                { match = true; break; }
            }
            if (!match) continue;
            // Two people sharing a surname: the one named most recently before this mention.
            int distance = clusters[c].Members.Min(j => Math.Abs(mentions[j].Mention.Span.Start - m.Mention.Span.Start));
            if (distance < bestDistance) { best = c; bestDistance = distance; }
        }
        return best;
    }

    /// <summary>"Okafor" or "Ould Ahmed" in "Ould Ahmed Salem": a leading or trailing part of a longer person name.</summary>
    private static bool IsPartOfPersonName(string[] part, string[] full)
    {
        // a generational suffix is no part a person is called by: "Keating" in "Charles H. Keating IV"
        if (full.Length > 2 && full[^1] is "Jr" or "Jr." or "Sr" or "Sr." or "II" or "III" or "IV" && part.Length > 0 && part[^1] != full[^1])
            full = full[..^1];
        if (part.Length == 0 || part.Length >= full.Length) return false;
        bool prefix = true, suffix = true;
        for (int k = 0; k < part.Length; k++)
        {
            prefix &= string.Equals(part[k], full[k], StringComparison.OrdinalIgnoreCase);
            suffix &= string.Equals(part[k], full[full.Length - part.Length + k], StringComparison.OrdinalIgnoreCase);
        }
        return prefix || suffix;
    }

    /// <summary>"Free Army" for "Free Army Group": the longer name is the shorter plus a head keyword.</summary>
    private bool IsShortOrgName(string[] shortName, string[] longName)
    {
        if (shortName.Length == 0 || shortName.Length >= longName.Length) return false;
        for (int k = 0; k < shortName.Length; k++)
            if (!string.Equals(shortName[k], longName[k], StringComparison.OrdinalIgnoreCase)) return false;
        var rest = string.Join(' ', longName.Skip(shortName.Length));
        return _lex.OrgKeywords.Lookup(rest, KeywordPosition.Suffix).Count > 0;
    }

    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase) { "of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "le", "&" };

    /// <summary>"SDF" = "Syrian Democratic Forces": the acronym's letters are the initials of the name's major words.</summary>
    public static bool IsAcronymOf(string acronym, string[] nameWords)
    {
        if (!NameKey.IsAcronymShape(acronym) || nameWords.Length < 2) return false;
        var letters = new string(NameKey.Normalize(acronym).Where(char.IsLetter).ToArray());
        var initials = new string(nameWords.Where(w => !MinorWords.Contains(w)).Select(w => char.ToUpperInvariant(w[0])).ToArray());
        var allInitials = new string(nameWords.Select(w => char.ToUpperInvariant(w[0])).ToArray());
        return letters.Length >= 2 && (letters == initials || letters == allInitials);
    }

    /// <summary>
    /// "the U.N. mission in South Sudan (UNMISS)": the acronym in brackets names what comes before it. When that is a
    /// name, the two clusters join; when it is a description, it becomes a mention and alias of the acronym's entity.
    /// </summary>
    private static void LinkParentheses(Document doc, IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions,
        List<Group> clusters, List<int> clusterOf)
    {
        int count = mentions.Count;
        for (int i = 0; i < count; i++)
        {
            var m = mentions[i];
            if (m.Mention.Type != EntityType.Organization || !NameKey.IsAcronymShape(m.Mention.Text)) continue;
            var s = sentences[m.Mention.SentenceIndex];
            if (m.FirstToken < 2 || m.EndToken >= s.Tokens.Count || s.Tokens[m.FirstToken - 1].Text != "(" || s.Tokens[m.EndToken].Text != ")") continue;
            int npEnd = m.FirstToken - 1; // exclusive
            var before = mentions.FindIndex(o => o.Mention.SentenceIndex == s.Index && o.EndToken == npEnd);
            if (before >= 0 && mentions[before].Mention.Type == m.Mention.Type)
            {
                Union(clusters, clusterOf[i], clusterOf[before]);
                continue;
            }
            // A description: walk left over the noun phrase ("the U.N. mission in South Sudan").
            int npStart = npEnd;
            while (npStart > 0 && npEnd - npStart < 10)
            {
                var t = s.Tokens[npStart - 1];
                if (t.Tag is "NN" or "NNS" or "NNP" or "NNPS" or "JJ" or "CD" || t.Text is "in" or "of" or "for" or "on") { npStart--; continue; }
                if (t.Tag == "DT" || t.Text is "the" or "The") npStart--;
                break;
            }
            while (npStart < npEnd && s.Tokens[npStart].Text is "in" or "of" or "for" or "on") npStart++;
            if (npEnd - npStart < 2) continue;
            int start = s.Tokens[npStart].Start, end = s.Tokens[npEnd - 1].End;
            // the description swallows any names inside it ("Chad" in "the U.N. mission in South Sudan")
            for (int k = 0; k < mentions.Count; k++)
                if (k != i && mentions[k].Mention.SentenceIndex == s.Index && mentions[k].FirstToken >= npStart && mentions[k].EndToken <= npEnd
                    && Root(clusters, clusterOf[k]) != Root(clusters, clusterOf[i]))
                    mentions[k] = mentions[k] with { Mention = mentions[k].Mention with { Kind = MentionKind.Descriptor, Source = "inner" } };
            var text = doc.Text[start..end];
            var mention = new Mention(new TextSpan(start, end), text, s.Index, m.Mention.Type, m.Mention.FineType, MentionKind.Descriptor, "rule");
            mentions.Add(new PlacedMention(mention, npStart, npEnd, null, null));
            var c = Root(clusters, clusterOf[i]);
            clusters[c].Members.Add(mentions.Count - 1);
            clusterOf.Add(c);
        }
        // Mentions swallowed by a description are not separate mentions any more.
        for (int k = mentions.Count - 1; k >= 0; k--)
        {
            if (mentions[k].Mention.Source != "inner") continue;
            var c = Root(clusters, clusterOf[k]);
            clusters[c].Members.Remove(k);
            mentions[k] = mentions[k] with { Mention = mentions[k].Mention with { Source = "dropped" } };
        }
    }

    private static void Union(List<Group> clusters, int a, int b)
    {
        a = Root(clusters, a); b = Root(clusters, b);
        if (a == b) return;
        if (b < a) (a, b) = (b, a);
        clusters[b].Parent = a;
        clusters[a].Members.AddRange(clusters[b].Members);
        clusters[b].Members.Clear();
    }

    /// <summary>"U.N. mission in South Sudan" inside "United Nations Mission in South Sudan": same first and last word, all words in order.</summary>
    private static void MergeByDescription(List<PlacedMention> mentions, List<Group> clusters)
    {
        var roots = Enumerable.Range(0, clusters.Count).Where(c => clusters[c].Parent == c && clusters[c].Type == EntityType.Organization).ToList();
        foreach (var a in roots)
            foreach (var b in roots)
            {
                if (a == b || Root(clusters, a) == Root(clusters, b)) continue;
                bool merge = clusters[a].Members.Any(i => clusters[b].Members.Any(j =>
                    mentions[i].Mention.Source != "dropped" && mentions[j].Mention.Source != "dropped" &&
                    (IsOrderedSubsequence(Words(mentions[i].Mention.Text), Words(mentions[j].Mention.Text))
                     || mentions[i].Mention.Kind == MentionKind.Acronym && IsAcronymOf(mentions[i].Mention.Text, Words(mentions[j].Mention.Text)))));
                if (merge) Union(clusters, a, b);
            }
    }

    private static bool IsOrderedSubsequence(string[] shortWords, string[] longWords)
    {
        if (shortWords.Length < 3 || shortWords.Length >= longWords.Length) return false;
        if (!string.Equals(shortWords[0], longWords[0], StringComparison.OrdinalIgnoreCase)
            || !string.Equals(shortWords[^1], longWords[^1], StringComparison.OrdinalIgnoreCase)) return false;
        int k = 0;
        foreach (var w in longWords)
            if (k < shortWords.Length && string.Equals(w, shortWords[k], StringComparison.OrdinalIgnoreCase)) k++;
        return k == shortWords.Length;
    }
}
