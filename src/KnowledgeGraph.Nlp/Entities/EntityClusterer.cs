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

    /// <summary>Work counted in <see cref="StageTimings"/>: name forms compared while clustering (grows linearly with the text).</summary>
    public const string ComparisonsWork = "entity clustering: name comparisons";

    public List<ClusteredMention> Cluster(Document doc, IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions, StageTimings? timings = null)
    {
        mentions = UnifyTypes(mentions, sentences);
        var clusters = new List<Group>();
        var clusterOf = new List<int>(new int[mentions.Count]);
        var index = new FormIndex();
        // Long names first, so that short forms find the full name they abbreviate wherever it appears.
        var order = Enumerable.Range(0, mentions.Count)
            .OrderByDescending(i => Words(KeyText(mentions[i])).Length).ThenBy(i => i).ToList();
        foreach (var i in order)
        {
            int found = FindCluster(mentions, i, clusters, index);
            if (found < 0)
            {
                found = clusters.Count;
                clusters.Add(new Group { Type = mentions[i].Mention.Type, Parent = found });
            }
            clusters[found].Members.Add(i);
            clusterOf[i] = found;
            index.Add(found, mentions[i]);
        }
        LinkParentheses(doc, sentences, mentions, clusters, clusterOf);
        MergeByDescription(mentions, clusters, index);
        timings?.Count(ComparisonsWork, index.Comparisons);
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

    /// <summary>
    /// The cluster a mention joins: one holding the same name, or (unless both have gazetteer names) a longer person name
    /// it is part of, a longer organisation name it shortens, or a name it is the acronym of; of several, the one with
    /// a mention nearest in the text. Only clusters the <see cref="FormIndex"/> lists under the mention's name, first or
    /// last word or letters are compared, each by its distinct forms.
    /// </summary>
    private int FindCluster(List<PlacedMention> mentions, int i, List<Group> clusters, FormIndex index)
    {
        var m = mentions[i];
        var key = NameKey.Fold(KeyText(m));
        var words = Words(KeyText(m));
        int best = -1;
        int bestDistance = int.MaxValue;
        foreach (var c in index.Candidates(m, key, words))
        {
            if (clusters[c].Parent != c || clusters[c].Type != m.Mention.Type) continue;
            bool match = false;
            foreach (var (otherText, otherKey, otherCanonical) in index.Forms(c))
            {
                index.Comparisons++;
                if (otherKey == key) { match = true; break; }
                if (m.Mention.Canonical is not null && otherCanonical) continue; // both known: names decide
                var otherWords = Words(otherText);
                if (m.Mention.Type == EntityType.Person ? IsPartOfPersonName(words, otherWords)
                    : IsShortOrgName(words, otherWords) || IsAcronymOf(KeyText(m), otherWords))
                { match = true; break; }
            }
            if (!match) continue;
            // Two people sharing a surname: the one named most recently before this mention.
            int distance = index.Distance(c, m.Mention.Span.Start);
            if (distance < bestDistance) { best = c; bestDistance = distance; }
        }
        return best;
    }

    /// <summary>
    /// The name forms of each cluster (distinct by text and by whether a gazetteer named them), looked up by folded name,
    /// by first, last and second-last word (a part of a person's name shares one of these, a short organisation name its
    /// first), and by initials (an acronym); plus each cluster's mention offsets in order, for the nearest mention. With
    /// it, clustering compares a mention with the few clusters that could match, not with every earlier mention.
    /// </summary>
    private sealed class FormIndex
    {
        private readonly Dictionary<string, List<int>> _clustersOf = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<HashSet<string>> _entries = new();
        private readonly List<List<(string Text, string Key, bool Canonical)>> _forms = new();
        private readonly List<List<int>> _starts = new(); // ascending

        /// <summary>Name forms compared so far (for <see cref="StageTimings"/>).</summary>
        public long Comparisons;

        public void Add(int cluster, PlacedMention m)
        {
            while (_forms.Count <= cluster) { _forms.Add(new()); _entries.Add(new(StringComparer.OrdinalIgnoreCase)); _starts.Add(new()); }
            var starts = _starts[cluster];
            int at = starts.BinarySearch(m.Mention.Span.Start);
            starts.Insert(at < 0 ? ~at : at, m.Mention.Span.Start); // mentions come mostly in text order: nearly always an append
            var text = KeyText(m);
            if (!_entries[cluster].Add("f\u0001" + text + "\u0001" + (m.Mention.Canonical is null ? "0" : "1"))) return;
            var key = NameKey.Fold(text);
            _forms[cluster].Add((text, key, m.Mention.Canonical is not null));
            Enter(cluster, "k\u0001" + key);
            var words = Words(text);
            if (words.Length == 0) return;
            Enter(cluster, "w\u0001" + words[0]);
            Enter(cluster, "w\u0001" + words[^1]);
            if (words.Length > 1) Enter(cluster, "w\u0001" + words[^2]); // "Keating" in "Charles H. Keating IV"
            if (words.Length >= 2)
            {
                Enter(cluster, "i\u0001" + new string(words.Where(w => !MinorWords.Contains(w)).Select(w => char.ToUpperInvariant(w[0])).ToArray()));
                Enter(cluster, "i\u0001" + new string(words.Select(w => char.ToUpperInvariant(w[0])).ToArray()));
            }
        }

        private void Enter(int cluster, string entry)
        {
            if (!_entries[cluster].Add(entry)) return;
            if (!_clustersOf.TryGetValue(entry, out var list)) _clustersOf[entry] = list = new List<int>();
            list.Add(cluster);
        }

        private IEnumerable<int> Lookup(string entry) => _clustersOf.TryGetValue(entry, out var list) ? list : Enumerable.Empty<int>();

        /// <summary>Clusters that may match a mention, in increasing order (the order the nearest-mention tie-break assumes).</summary>
        public IEnumerable<int> Candidates(PlacedMention m, string key, string[] words)
        {
            var found = new SortedSet<int>(Lookup("k\u0001" + key));
            if (words.Length > 0)
            {
                found.UnionWith(Lookup("w\u0001" + words[0]));
                found.UnionWith(Lookup("w\u0001" + words[^1]));
            }
            if (NameKey.IsAcronymShape(KeyText(m)))
                found.UnionWith(Lookup("i\u0001" + new string(NameKey.Normalize(KeyText(m)).Where(char.IsLetter).ToArray())));
            return found;
        }

        public IReadOnlyList<(string Text, string Key, bool Canonical)> Forms(int cluster) => _forms[cluster];

        /// <summary>The distance in characters from <paramref name="start"/> to the nearest mention of the cluster.</summary>
        public int Distance(int cluster, int start)
        {
            var starts = _starts[cluster];
            int k = starts.BinarySearch(start);
            if (k >= 0) return 0;
            k = ~k; // the first start after this one
            int best = int.MaxValue;
            if (k > 0) best = start - starts[k - 1];
            if (k < starts.Count) best = Math.Min(best, starts[k] - start);
            return best;
        }
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
        // the mentions of each sentence, in index order (so the first match is the one the whole list would give)
        var inSentence = new Dictionary<int, List<int>>();
        for (int k = 0; k < mentions.Count; k++)
        {
            if (!inSentence.TryGetValue(mentions[k].Mention.SentenceIndex, out var list)) inSentence[mentions[k].Mention.SentenceIndex] = list = new List<int>();
            list.Add(k);
        }
        for (int i = 0; i < count; i++)
        {
            var m = mentions[i];
            if (m.Mention.Type != EntityType.Organization || !NameKey.IsAcronymShape(m.Mention.Text)) continue;
            var s = sentences[m.Mention.SentenceIndex];
            if (m.FirstToken < 2 || m.EndToken >= s.Tokens.Count || s.Tokens[m.FirstToken - 1].Text != "(" || s.Tokens[m.EndToken].Text != ")") continue;
            int npEnd = m.FirstToken - 1; // exclusive
            var here = inSentence[s.Index];
            var before = here.FirstOrDefault(k => mentions[k].EndToken == npEnd, -1);
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
            foreach (var k in here)
                if (k != i && mentions[k].FirstToken >= npStart && mentions[k].EndToken <= npEnd
                    && Root(clusters, clusterOf[k]) != Root(clusters, clusterOf[i]))
                    mentions[k] = mentions[k] with { Mention = mentions[k].Mention with { Kind = MentionKind.Descriptor, Source = "inner" } };
            var text = doc.Text[start..end];
            var mention = new Mention(new TextSpan(start, end), text, s.Index, m.Mention.Type, m.Mention.FineType, MentionKind.Descriptor, "rule");
            mentions.Add(new PlacedMention(mention, npStart, npEnd, null, null));
            here.Add(mentions.Count - 1);
            var c = Root(clusters, clusterOf[i]);
            clusters[c].Members.Add(mentions.Count - 1);
            clusterOf.Add(c);
        }
        // Mentions swallowed by a description are not separate mentions any more.
        var swallowed = new Dictionary<int, HashSet<int>>();
        for (int k = mentions.Count - 1; k >= 0; k--)
        {
            if (mentions[k].Mention.Source != "inner") continue;
            var c = Root(clusters, clusterOf[k]);
            if (!swallowed.TryGetValue(c, out var set)) swallowed[c] = set = new HashSet<int>();
            set.Add(k);
            mentions[k] = mentions[k] with { Mention = mentions[k].Mention with { Source = "dropped" } };
        }
        foreach (var (c, set) in swallowed) clusters[c].Members.RemoveAll(set.Contains);
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

    /// <summary>
    /// "U.N. mission in South Sudan" inside "United Nations Mission in South Sudan": same first and last word, all words
    /// in order; or an acronym of a longer name. Organisation clusters are visited in order, each joining the later
    /// clusters that hold a longer form of one of its own (found through an index by first and last word and by
    /// initials, not by comparing every pair of clusters).
    /// </summary>
    private static void MergeByDescription(List<PlacedMention> mentions, List<Group> clusters, FormIndex counter)
    {
        var roots = Enumerable.Range(0, clusters.Count).Where(c => clusters[c].Parent == c && clusters[c].Type == EntityType.Organization).ToList();
        // the distinct forms (text, acronym or not) of each organisation cluster, and where each longer form could be found
        var forms = new Dictionary<int, List<(string[] Words, string Text, bool Acronym)>>();
        var byEnds = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var byInitials = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        void Enter(Dictionary<string, List<int>> index, string key, int c)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = new List<int>();
            if (list.Count == 0 || list[^1] != c) list.Add(c);
        }
        foreach (var c in roots)
        {
            var list = forms[c] = new List<(string[], string, bool)>();
            var seen = new HashSet<(string, bool)>();
            foreach (var i in clusters[c].Members)
            {
                var m = mentions[i].Mention;
                if (m.Source == "dropped" || !seen.Add((m.Text, m.Kind == MentionKind.Acronym))) continue;
                var words = Words(m.Text);
                list.Add((words, m.Text, m.Kind == MentionKind.Acronym));
                if (words.Length == 0) continue;
                Enter(byEnds, words[0] + "\u0001" + words[^1], c);
                if (words.Length < 2) continue;
                Enter(byInitials, new string(words.Where(w => !MinorWords.Contains(w)).Select(w => char.ToUpperInvariant(w[0])).ToArray()), c);
                Enter(byInitials, new string(words.Select(w => char.ToUpperInvariant(w[0])).ToArray()), c);
            }
        }
        // the clusters holding a form that one of these (shorter) forms may describe
        IEnumerable<int> Targets(IEnumerable<(string[] Words, string Text, bool Acronym)> shortForms)
        {
            foreach (var (words, text, acronym) in shortForms)
            {
                if (words.Length >= 3 && byEnds.TryGetValue(words[0] + "\u0001" + words[^1], out var ends))
                    foreach (var c in ends) yield return c;
                if (acronym && NameKey.IsAcronymShape(text)
                    && byInitials.TryGetValue(new string(NameKey.Normalize(text).Where(char.IsLetter).ToArray()), out var initials))
                    foreach (var c in initials) yield return c;
            }
        }
        // the original clusters each root holds now
        var holds = roots.ToDictionary(c => c, c => new List<int> { c });
        bool Describes(int a, int b) => holds[a].Any(x => forms[x].Any(f => holds[b].Any(y => forms[y].Any(g =>
        {
            counter.Comparisons++;
            return IsOrderedSubsequence(f.Words, g.Words) || f.Acronym && IsAcronymOf(f.Text, g.Words);
        }))));
        foreach (var a in roots)
        {
            if (Root(clusters, a) != a) continue; // joined an earlier cluster: its forms are there now
            var pending = new SortedSet<int>(Targets(forms[a]).Select(t => Root(clusters, t)));
            while (pending.Count > 0)
            {
                int b = pending.Min;
                pending.Remove(b);
                if (b == a || Root(clusters, b) != b || !Describes(a, b)) continue;
                Union(clusters, a, b);
                if (b < a)
                {
                    holds[b].AddRange(holds[a]); // this cluster joined an earlier one, which has had its turn
                    break;
                }
                holds[a].AddRange(holds[b]);
                foreach (var x in holds[b])
                    foreach (var t in Targets(forms[x]))
                        if (Root(clusters, t) > b) pending.Add(Root(clusters, t));
            }
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
