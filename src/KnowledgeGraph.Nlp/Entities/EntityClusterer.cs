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
        var placeInitials = PlaceInitials(mentions);
        // Long names first, so that short forms find the full name they abbreviate wherever it appears.
        var order = Enumerable.Range(0, mentions.Count)
            .OrderByDescending(i => Words(KeyText(mentions[i])).Length).ThenBy(i => i).ToList();
        foreach (var i in order)
        {
            int found = FindCluster(sentences, mentions, i, clusters, index, placeInitials);
            if (found < 0)
            {
                found = clusters.Count;
                clusters.Add(new Group { Type = mentions[i].Mention.Type, Parent = found });
            }
            clusters[found].Members.Add(i);
            clusterOf[i] = found;
            index.Add(found, mentions[i]);
            // "Australian Defence Force personnel ... the ADF": a body whose name the recogniser split from the country
            // before it is also filed by the words written together, for the acronym of them alone
            if (CountryBefore(mentions, i) is { } country)
                index.AddAcronymForm(found, country.Mention.Text + " " + KeyText(mentions[i]));
        }
        LinkParentheses(doc, sentences, mentions, clusters, clusterOf);
        LinkExpansionsAndNicknames(sentences, mentions, clusters, clusterOf);
        MergeByDescription(mentions, clusters, index);
        GiveSurnamesBeforeThePersonToTheThingNamedAfterThem(sentences, mentions, clusters, clusterOf);
        JoinSiteShortNames(sentences, mentions, clusters, clusterOf);
        JoinDepartmentFields(sentences, mentions, clusters, clusterOf);
        JoinAcronymsOfPlaces(doc, sentences, mentions, clusters, clusterOf);
        JoinCountryShortForms(sentences, mentions, clusters, clusterOf);
        timings?.Count(ComparisonsWork, index.Comparisons);
        return mentions.Select((m, i) => new ClusteredMention(m, Root(clusters, clusterOf[i])))
            .Where(c => c.Mention.Source != "dropped").ToList();
    }

    /// <summary>The same name gets the same type throughout a document: the most trusted source decides, then the majority.
    /// A recogniser's mention whose type a construction changed ("a visit to Harkness", "in Tessin and Kavra") is trusted as a
    /// rule's: one decision per name, so "Harkness welcomed her" later in the article names the same place.</summary>
    private List<PlacedMention> UnifyTypes(List<PlacedMention> mentions, IReadOnlyList<Sentence> sentences)
    {
        static int Trust(PlacedMention p) => p.Mention.Source switch { "gazetteer" => 3, "rule" => 2, _ => p.TypedByConstruction ? 2 : 1 };
        // The recogniser's guesses get context: "in Abeche", "the village of Abeche", "the Ras Kamboni territory" are places.
        // A guess of place the context confirms ("near Cedar Key") weighs as much as one the context corrects: the same
        // name typed organisation elsewhere by the recogniser alone does not outvote it.
        // (a name the text calls a vessel stays one: "near the Alder Crest wreck"; so does a force's head word: "around the Corps")
        mentions = mentions.Select(m => m.Mention.Source == "ner" && m.Mention.Type != EntityType.Vehicle
            && !(m.Mention.Type == EntityType.Organization && _lex.OrgKeywords.Lookup(m.Mention.Text, KeywordPosition.Suffix).Any(k => k.FineType == "ArmedForces"))
            && LocationContext(sentences[m.Mention.SentenceIndex], m)
            ? m with { Mention = m.Mention with { Type = EntityType.Location, FineType = m.Mention.Type == EntityType.Location ? m.Mention.FineType : null, Source = "ner+context" } } : m).ToList();
        static int Votes(IGrouping<(EntityType, string?), PlacedMention> g) => g.Sum(m => m.Mention.Source == "ner+context" ? 2 : 1);
        var best = mentions.Where(m => m.Mention.Kind is MentionKind.Name or MentionKind.Acronym)
            .GroupBy(m => NameKey.Fold(m.Mention.Text))
            .ToDictionary(g => g.Key, g => g.GroupBy(m => (m.Mention.Type, m.Mention.FineType))
                .OrderByDescending(t => t.Max(Trust)).ThenByDescending(Votes)
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
    /// <summary>"60 miles southeast of Nantucket", "north of Mosul": a compass direction and "of" take a place.</summary>
    private static readonly HashSet<string> Directions = new(StringComparer.OrdinalIgnoreCase) { "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest" };
    private static readonly HashSet<string> WeakPlacePrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "from" };

    /// <summary>A name after a place preposition ("near Mosul", "in Abeche" for a supposed person), after "village/town/city/region of", or before a place noun ("territory").</summary>
    private bool LocationContext(Sentence s, PlacedMention m)
    {
        int before = m.FirstToken - 1;
        if (before >= 0 && s.Tokens[before].Text is "the" && before > 0) before--;
        // (a possessive name before a common noun opens the noun phrase the preposition takes: "at Orrel's house" is no
        // place named Orrel; "at Orrel's." with the noun left out, and "Orrel's Bazar", still name a place)
        bool possessive = m.EndToken + 1 < s.Tokens.Count && s.Tokens[m.EndToken].Text is "'s" or "'" or "\u2019s" or "\u2019"
                          && s.Tokens[m.EndToken + 1].Text is var next && next.Length > 0 && char.IsLower(next[0]);
        if (before >= 0 && !possessive && m.EndToken - m.FirstToken <= 4 && Enumerable.Range(m.FirstToken, m.EndToken - m.FirstToken).All(k => s.Tokens[k].Tag is "NNP" or "NNPS")
            && (PlacePrepositions.Contains(s.Tokens[before].Text) || WeakPlacePrepositions.Contains(s.Tokens[before].Text) && m.Mention.Type == EntityType.Person))
            return true;
        if (before >= 1 && s.Tokens[before].Text == "of" && Directions.Contains(s.Tokens[before - 1].Text)) return true;
        // ("the northern river town of Vell Oran": a place noun and "of" name the place whatever its length, as a preposition
        // of place does; a name of capitalised words only, whatever the tagger made of them, "Dire/JJ", four words at most)
        if (before >= 1 && s.Tokens[before].Text == "of" && IsPlaceNoun(s.Tokens[before - 1].Text) && m.EndToken - m.FirstToken <= 4
            && Enumerable.Range(m.FirstToken, m.EndToken - m.FirstToken).All(k => s.Tokens[k].Text is { Length: > 0 } w && char.IsUpper(w[0]))) return true;
        if (m.EndToken - m.FirstToken != 1) return false;
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
    private int FindCluster(IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions, int i, List<Group> clusters, FormIndex index, HashSet<string> placeInitials)
    {
        var m = mentions[i];
        var key = NameKey.Fold(KeyText(m));
        var words = Words(KeyText(m));
        int best = -1;
        int bestDistance = int.MaxValue;
        int sentenceStart = sentences[m.Mention.SentenceIndex].Tokens[0].Start;
        // clusters met only by a body's bare head noun (IsBareHead): the short form names one of them only when it is the one
        int bareHeads = 0;
        bool bestByBareHead = false;
        foreach (var c in index.Candidates(m, key, words))
        {
            if (clusters[c].Parent != c || clusters[c].Type != m.Mention.Type) continue;
            bool match = false, byBareHead = false;
            foreach (var (otherText, otherKey, otherCanonical) in index.Forms(c))
            {
                index.Comparisons++;
                if (otherKey == key) { match = true; break; }
                if (m.Mention.Canonical is not null && otherCanonical) continue; // both known: names decide
                var otherWords = Words(otherText);
                if (m.Mention.Type switch
                    {
                        EntityType.Person => IsPartOfPersonName(words, otherWords) || SameNameButInitials(words, otherWords) || IsFirstOfTwoSurnames(words, otherWords),
                        // "Boston" is not "Boston Harbor": a place's name inside a longer place name is another place
                        // ... but a facility named without its owner is that facility ("Air Station Kestrel Point")
                        EntityType.Location => IsAcronymOf(KeyText(m), otherWords) || IsWithoutOwner(words, otherWords) && words.Any(MentionFinder.FacilityHeads.Contains)
                                                || IsPlaceWithoutOneWord(words, otherWords) || IsPlaceWithoutOneWord(otherWords, words),
                        _ => IsShortOrgName(words, otherWords) || IsAcronymOf(KeyText(m), otherWords) || IsHeadShortForm(words, otherWords, m.Mention.Kind)
                             || IsWithoutOwner(words, otherWords)
                             || m.Mention.Type == EntityType.Organization && IsWithoutCountryOrOwnerAcronym(words, otherWords)
                             || m.Mention.Type == EntityType.Organization
                                && (IsWithStateAbbreviation(words, otherWords, placeInitials) || IsWithStateAbbreviation(otherWords, words, placeInitials)),
                    })
                { match = true; break; }
            }
            if (!match && m.Mention.Type == EntityType.Organization && m.Mention.Canonical is null && AfterThe(sentences[m.Mention.SentenceIndex], m))
                foreach (var (otherText, _, _) in index.Forms(c))
                    if (IsBareHead(words, Words(otherText), m.Mention.Kind)) { match = byBareHead = true; bareHeads++; break; }
            // a body's name without the phrase after its head ("the Vale Institute" of "the Vale Institute for Peace
            // Studies"), either written first: the one body of the article so named (IsWithoutItsPhrase)
            if (!match && m.Mention is { Type: EntityType.Organization, Kind: MentionKind.Name })
            {
                bool shorter = false, longer = false, otherLong = false;
                foreach (var (otherText, otherKey, otherCanonical) in index.Forms(c))
                {
                    var otherWords = Words(otherText);
                    if (m.Mention.Canonical is null && IsWithoutItsPhrase(words, otherWords)) shorter = true;
                    else if (!otherCanonical && IsWithoutItsPhrase(otherWords, words)) longer = true;
                    else if (otherKey != key && otherWords.Any(w => w is "for" or "of" or "on")) otherLong = true;
                }
                // a short form already named one long form: another long form is another body ("the Vale Institute for
                // Peace Studies" and "the Vale Institute for Arts" are two)
                if (shorter || longer && !otherLong) { match = byBareHead = true; bareHeads++; }
            }
            // an acronym of a body's name and the country written before it ("ADF" for "Australian" + "Defence Force")
            if (!match && m.Mention.Type == EntityType.Organization && NameKey.IsAcronymShape(KeyText(m)))
                match = index.AcronymForms(c).Any(f => IsAcronymOf(KeyText(m), f));
            if (!match) continue;
            // Two people sharing a surname: the one named most recently before this mention; one named after it only
            // when none is named before.
            int distance = index.Distance(c, m.Mention.Span.Start);
            // "Mara Quist was elected in May. Judge Tobias Quist told reporters that Quist would resign.": a name in a
            // clause that another part of its sentence governs ("... that Quist would resign") is not the person the
            // governing part has named (that person is "he", "she" there), so a bare surname goes to another person of
            // that surname named before the sentence; the one named in the sentence only when no other is
            if (m.Mention.Type == EntityType.Person && words.Length == 1 && distance < m.Mention.Span.Start - sentenceStart
                && ThatBetween(sentences[m.Mention.SentenceIndex], m.Mention.Span.Start - distance, m.Mention.Span.Start))
                distance += SameSentencePenalty;
            if (distance < bestDistance) { best = c; bestDistance = distance; bestByBareHead = byBareHead; }
        }
        // "the Council" when two bodies of the article are councils ("the Tarnby City Council", "the National Council"): neither
        return bestByBareHead && bareHeads > 1 ? -1 : best;
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
            AddForm(cluster, KeyText(m), m.Mention.Canonical is not null);
            // a country's body named with its own words ("Kessland Defence Forces", canonical "Armed Forces of Kessland")
            // is also filed by them, so the acronym of those words ("KDF") finds it
            if (m.Mention is { Kind: MentionKind.Name, Canonical: not null } && m.AnchorCountry is not null && m.Mention.Text != m.Mention.Canonical)
                AddForm(cluster, m.Mention.Text, true);
        }

        private readonly Dictionary<int, List<string[]>> _acronymForms = new();

        /// <summary>Files words a cluster's name is written with in the text, to be matched by an acronym of them only.</summary>
        public void AddAcronymForm(int cluster, string text)
        {
            var words = Words(text);
            if (words.Length < 3) return;
            if (!_acronymForms.TryGetValue(cluster, out var list)) _acronymForms[cluster] = list = new List<string[]>();
            // each written form once: a body named fifty times keeps one form, so matching an acronym stays linear
            if (list.Any(w => w.AsSpan().SequenceEqual(words))) return;
            list.Add(words);
            Enter(cluster, "i\u0001" + AcronymKeys(words).First()); // the initials of its major words
        }

        /// <summary>The words filed by <see cref="AddAcronymForm"/> for a cluster.</summary>
        public IReadOnlyList<string[]> AcronymForms(int cluster) => _acronymForms.TryGetValue(cluster, out var list) ? list : Array.Empty<string[]>();

        private void AddForm(int cluster, string text, bool canonical)
        {
            if (!_entries[cluster].Add("f\u0001" + text + "\u0001" + (canonical ? "1" : "0"))) return;
            var key = NameKey.Fold(text);
            _forms[cluster].Add((text, key, canonical));
            Enter(cluster, "k\u0001" + key);
            var words = Words(text);
            if (words.Length == 0) return;
            Enter(cluster, "w\u0001" + words[0]);
            Enter(cluster, "w\u0001" + words[^1]);
            if (words.Length > 1) Enter(cluster, "w\u0001" + words[^2]); // "Keating" in "Charles H. Keating IV"
            if (FirstSurname(words) is { } first) Enter(cluster, "w\u0001" + first); // "Silva" in "Arnulfo Silva-Gonzalez"
            if (SecondSurname(words) is { } second) Enter(cluster, "w\u0001" + second); // "Hallam" in "Lena Vorst-Hallam"
            var bare = WithoutParticles(words); // "Rashid" in "Omar al-Rashid"
            if (bare.Length > 0 && bare.Length != words.Length || bare.Length > 0 && bare[^1] != words[^1])
            {
                Enter(cluster, "w\u0001" + bare[0]);
                Enter(cluster, "w\u0001" + bare[^1]);
            }
            if (bare.Length > 0 && bare[^1].Length >= 5) Enter(cluster, SpellingEntry(bare[^1], 0)); // "Andersen" for "Anderson"
            if (words.Length >= 2)
            {
                Enter(cluster, "i\u0001" + new string(words.Where(w => !NameKey.MinorWords.Contains(w)).Select(w => char.ToUpperInvariant(w[0])).ToArray()));
                Enter(cluster, "i\u0001" + new string(words.Select(w => char.ToUpperInvariant(w[0])).ToArray()));
                if (words.Length >= 3 && NameKey.IsAcronymShape(words[0])) // "CBP" for "U.S. Customs and Border Protection"
                    Enter(cluster, "i\u0001" + new string(words[1..].Where(w => !NameKey.MinorWords.Contains(w)).Select(w => char.ToUpperInvariant(w[0])).ToArray()));
            }
        }

        private void Enter(int cluster, string entry)
        {
            if (!_entries[cluster].Add(entry)) return;
            if (!_clustersOf.TryGetValue(entry, out var list)) _clustersOf[entry] = list = new List<int>();
            list.Add(cluster);
        }

        /// <summary>A surname's first letter and length (shifted by <paramref name="lengthShift"/>): where a one-letter misspelling of it is filed.</summary>
        private static string SpellingEntry(string surname, int lengthShift) =>
            "s\u0001" + char.ToLowerInvariant(surname[0]) + (surname.Length + lengthShift).ToString(System.Globalization.CultureInfo.InvariantCulture);

        private IEnumerable<int> Lookup(string entry) => _clustersOf.TryGetValue(entry, out var list) ? list : Enumerable.Empty<int>();

        /// <summary>Clusters that may match a mention, in increasing order (the order the nearest-mention tie-break assumes).</summary>
        public IEnumerable<int> Candidates(PlacedMention m, string key, string[] words)
        {
            var found = new SortedSet<int>(Lookup("k\u0001" + key));
            if (words.Length > 0)
            {
                found.UnionWith(Lookup("w\u0001" + words[0]));
                found.UnionWith(Lookup("w\u0001" + words[^1]));
                var bare = WithoutParticles(words);
                if (bare.Length > 0)
                {
                    found.UnionWith(Lookup("w\u0001" + bare[0]));
                    found.UnionWith(Lookup("w\u0001" + bare[^1]));
                    if (bare.Length == 1 && bare[0].Length >= 6)
                        for (int d = -1; d <= 1; d++) found.UnionWith(Lookup(SpellingEntry(bare[0], d)));
                }
            }
            if (NameKey.IsAcronymShape(KeyText(m)))
                found.UnionWith(Lookup("i\u0001" + new string(NameKey.Normalize(KeyText(m)).Where(char.IsLetter).ToArray())));
            return found;
        }

        public IReadOnlyList<(string Text, string Key, bool Canonical)> Forms(int cluster) => _forms[cluster];

        /// <summary>How far <paramref name="start"/> is from the cluster's nearest mention before it (one after it ranks behind every one before).</summary>
        public int Distance(int cluster, int start)
        {
            var starts = _starts[cluster];
            int k = starts.BinarySearch(start);
            if (k >= 0) return 0;
            k = ~k; // the first start after this one
            // the nearest mention before this one; one after it only counts when the cluster has none before
            if (k > 0) return start - starts[k - 1];
            return k < starts.Count ? 1_000_000_000 + (starts[k] - start) : int.MaxValue;
        }
    }

    /// <summary>Added to the distance of a person named earlier in a bare surname's own sentence: any person of that
    /// surname named before the sentence is nearer (the penalty stays below the distance of one named only after it).</summary>
    private const int SameSentencePenalty = 500_000_000;

    /// <summary>Whether the complementiser "that" stands between two offsets of a sentence.</summary>
    private static bool ThatBetween(Sentence s, int from, int to) =>
        s.Tokens.Any(t => t.Start > from && t.End <= to && t.Text.Equals("that", StringComparison.OrdinalIgnoreCase));

    /// <summary>"Tomas K. Varga" and "Tomas Varga": the same names once middle initials are left out.</summary>
    private static bool SameNameButInitials(string[] a, string[] b)
    {
        static bool Initial(string w) => w.TrimEnd('.').Length == 1;
        if (a.Length == b.Length) return false;
        var x = a.Where(w => !Initial(w)).ToArray();
        var y = b.Where(w => !Initial(w)).ToArray();
        return x.Length >= 2 && x.SequenceEqual(y, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Name particles ("al-", "el-", "bin", "van", "de") that a surname is written with or without.</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
        { "al", "el", "bin", "ibn", "bint", "van", "von", "de", "del", "della", "der", "den", "da", "di", "du", "le", "la", "abu" };

    /// <summary>A particle a surname may be written with, in lower case ("van", "bin", "al").</summary>
    internal static bool IsNameParticle(string w) => w.Length > 0 && char.IsLower(w[0]) && Particles.Contains(w);

    /// <summary>"al-Rashid" -> "Rashid", "van" and "de" dropped: the words of a person name without its particles.</summary>
    internal static string[] WithoutParticles(string[] words)
    {
        var list = new List<string>();
        foreach (var w in words)
        {
            int dash = w.IndexOf('-');
            if (dash > 0 && dash + 1 < w.Length && Particles.Contains(w[..dash])) { list.Add(w[(dash + 1)..]); continue; }
            if (Particles.Contains(w) && char.IsLower(w[0])) continue;
            list.Add(w);
        }
        return list.ToArray();
    }

    /// <summary>Levenshtein distance at most 1: "Andersen" and "Anderson".</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.ToLowerInvariant(a[i]) == char.ToLowerInvariant(b[j])) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    /// <summary>
    /// "Okafor" or "Ould Ahmed" in "Ould Ahmed Salem": a leading or trailing part of a longer person name; with or without
    /// name particles ("Rashid" for "Omar al-Rashid"); and a long surname spelt once with one letter changed
    /// ("Andersen" for "Lars Anderson"), which one article does not use for two people.
    /// </summary>
    private static bool IsPartOfPersonName(string[] part, string[] full)
    {
        if (IsPartOfPersonNameAsWritten(part, full)) return true;
        // "Arnulfo Silva-Gonzalez ... Silva", "Wilder Mario Romero Perez ... Romero": a Spanish name's first surname alone
        if (part.Length == 1 && FirstSurname(full) is { } first && string.Equals(part[0], first, StringComparison.OrdinalIgnoreCase)) return true;
        // "Ms. Lena Vorst-Hallam ... Ms. Hallam": a double surname joined by a hyphen and its last part alone
        if (part.Length == 1 && SecondSurname(full) is { } second && string.Equals(part[0], second, StringComparison.OrdinalIgnoreCase)) return true;
        // "President Tomas Arvid Kessler ... President Tomas Kessler": the first name and the surname without the middle names
        if (IsWithoutMiddleNames(part, full)) return true;
        var (p, f) = (WithoutParticles(part), WithoutParticles(full));
        if ((p.Length != part.Length || f.Length != full.Length) && IsPartOfPersonNameAsWritten(p, f)) return true;
        return p.Length == 1 && f.Length >= 2 && p[0].Length >= 6 && f[^1].Length >= 6 && char.ToLowerInvariant(p[0][0]) == char.ToLowerInvariant(f[^1][0])
               && WithinOneEdit(p[0], f[^1]);
    }

    /// <summary>
    /// The first of two surnames, by which Spanish and Portuguese usage calls a person: the first half of a hyphenated last
    /// name ("Silva" in "Arnulfo Silva-Gonzalez"). Two surnames written apart are not read so: the second-last word of a long
    /// name may be a given name ("Mary Ann Smith"), and on the web text it joined a list of painters' names.
    /// </summary>
    internal static string? FirstSurname(string[] full)
    {
        if (full.Length < 2) return null;
        var last = full[^1];
        int hyphen = last.IndexOf('-');
        if (hyphen >= 3 && hyphen < last.Length - 3 && char.IsUpper(last[0]) && last[1..hyphen].All(char.IsLower) && char.IsUpper(last[hyphen + 1])) return last[..hyphen];
        return null;
    }

    /// <summary>
    /// The last part of a double surname joined by a hyphen ("Hallam" in "Lena Vorst-Hallam"), by which English usage may
    /// call the person; both parts capitalised words of at least three letters (not "al-", "bin-" and the like).
    /// </summary>
    internal static string? SecondSurname(string[] full)
    {
        if (full.Length < 2) return null;
        var last = full[^1];
        int hyphen = last.IndexOf('-');
        if (hyphen < 3 || hyphen >= last.Length - 3 || last.IndexOf('-', hyphen + 1) >= 0) return null;
        var (a, b) = (last[..hyphen], last[(hyphen + 1)..]);
        static bool Word(string w) => char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower);
        return Word(a) && Word(b) && !Particles.Contains(a) ? b : null;
    }

    /// <summary>
    /// "Tomas Kessler" for "Tomas Arvid Kessler", "Daw Thandar Win" for "Daw Mya Thandar Win": a person named by the first
    /// word of a longer name and its last word or words, the words between (middle names) left out. The short form has at
    /// least two words and the long form at most five, every word a capitalised word (no initials, no particles: those
    /// are <see cref="SameNameButInitials"/> and <see cref="WithoutParticles"/>).
    /// </summary>
    private static bool IsWithoutMiddleNames(string[] part, string[] full)
    {
        if (part.Length < 2 || full.Length > 5 || part.Length >= full.Length) return false;
        static bool Word(string w) => w.Length >= 2 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLetter) && w.Skip(1).Any(char.IsLower);
        if (!part.All(Word) || !full.All(Word) || full[^1] is "Jr" or "Sr" or "II" or "III" or "IV") return false;
        if (!string.Equals(part[0], full[0], StringComparison.OrdinalIgnoreCase)) return false;
        for (int k = 1; k <= part.Length - 1; k++)
            if (!string.Equals(part[^k], full[^k], StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    /// <summary>
    /// "Luis Carvajal Ortuño ... Carvajal said": Spanish and Portuguese names carry two surnames, the father's and then the
    /// mother's, written apart, and a later mention calls the person by the first of them alone. Read so only when the name
    /// has three or four words, one before the surname a given name of the lexicon (PETRARCH's), and neither surname a
    /// given name ("Mary Ann Smith": "Ann" is no surname); a row of surnames with no given name ("Rothko Kline Motherwell")
    /// is no person's name to shorten.
    /// </summary>
    private bool IsFirstOfTwoSurnames(string[] part, string[] full)
    {
        if (part.Length != 1 || full.Length is < 3 or > 4) return false;
        static bool Word(string w) => w.Length >= 2 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower);
        if (!full.All(Word) || !string.Equals(part[0], full[^2], StringComparison.OrdinalIgnoreCase) || full[^2].Length < 3) return false;
        if (full[^1] is "Jr" or "Sr" or "II" or "III" or "IV") return false;
        var given = _lex.GivenNames;
        return !given.Contains(full[^2]) && !given.Contains(full[^1]) && (full[..^2].Any(given.Contains) || IsIberianSpelling(full[^1]));
    }

    /// <summary>
    /// "Mirta Lobos Peña", "Anabel Tarrio Conceição": a last word written with a letter of Spanish or Portuguese spelling
    /// (ñ, ç, a vowel with an acute accent, a tilde or a circumflex) says the name follows that custom of two surnames,
    /// when the lexicon does not know the given name before them.
    /// </summary>
    private static bool IsIberianSpelling(string word) => word.Skip(1).Any(c => "ñçáéíóúãõâêô".Contains(c));

    /// <summary>
    /// The country's mention (by name or demonym) that ends right where an organisation's name starts, in its sentence:
    /// "Australian" of "Australian Defence Force" when the recogniser split the two; null for anything else.
    /// </summary>
    private static PlacedMention? CountryBefore(List<PlacedMention> mentions, int i)
    {
        var m = mentions[i];
        if (m.Mention.Type != EntityType.Organization || m.Mention.Kind != MentionKind.Name || i == 0) return null;
        var before = mentions[i - 1];
        return before.Mention.SentenceIndex == m.Mention.SentenceIndex && before.EndToken == m.FirstToken
            && before.Mention is { Type: EntityType.Location, FineType: "Country", Kind: MentionKind.Name or MentionKind.Demonym, Canonical: not null }
            ? before : null;
    }

    /// <summary>
    /// "Secret Service" for "United States Secret Service", "the Supreme Court" for "Philippine Supreme Court", "ERO" for "ICE ERO":
    /// a body named without the country (its name or demonym, as the gazetteer knows it) or the acronym of the body that owns
    /// it. What remains must be a name of its own: two words or more, or one acronym of three letters or more ("U.S. Army" is
    /// not "Army", one word). A country's other bodies of the same name ("Russian Supreme Court") keep their own prefix, so
    /// they never merge with each other; a bare name among two of them goes to the nearest before it.
    /// </summary>
    private bool IsWithoutCountryOrOwnerAcronym(string[] shortName, string[] longName)
    {
        if (shortName.Length == 0 || shortName.Length >= longName.Length) return false;
        // (one word: an acronym, or a plural after a country, "the Marshals" for "the U.S. Marshals"; "Army" is no name of its own)
        bool plural = shortName.Length == 1 && NameKey.IsCapitalisedPlural(shortName[0]);
        if (shortName.Length == 1 && !plural && !(NameKey.IsAcronymShape(shortName[0]) && shortName[0].Count(char.IsLetter) >= 3)) return false;
        if (NameKey.MinorWords.Contains(shortName[0])) return false;
        int extra = longName.Length - shortName.Length;
        for (int k = 0; k < shortName.Length; k++)
            if (!string.Equals(shortName[k], longName[extra + k], StringComparison.Ordinal)) return false;
        var prefix = string.Join(' ', longName.Take(extra));
        // (an acronym of two to five capitals; a longer word in capitals is a name written in capitals: "ANTONIO PEREZ")
        if (shortName.Length == 1 && !plural && shortName[0].Count(char.IsLetter) > 5) return false;
        if (extra > 2) return false;
        var hits = _lex.Gazetteer.Lookup(prefix);
        if (extra == 1 && !plural && NameKey.IsAcronymShape(prefix) && prefix.Count(char.IsLetter) is >= 2 and <= 5
            && hits.All(h => h.Entry.Type != EntityType.Location)) return true;
        return hits.Any(h => h.Entry.Type == EntityType.Location && h.Entry.FineTypes.Contains("Country"));
    }

    /// <summary>
    /// "NJ Regional Harbor Task Force" for "New Jersey Regional Harbor Task Force", "Ariz. Board of Parks" for "Arizona Board
    /// of Parks": a U.S. state written as its postal code or as the AP abbreviates it, opening a body's name, is the state
    /// written out; not a postal code that is also the initials of a place of the article ("LA" beside "Los Angeles").
    /// </summary>
    private bool IsWithStateAbbreviation(string[] shortName, string[] longName, HashSet<string> placeInitials)
    {
        // (the words are normalised without their periods: "Ariz" for "Ariz.")
        if (shortName.Length < 2) return false;
        if (!(_lex.UsStatePostalCodes.TryGetValue(shortName[0], out var state) && !placeInitials.Contains(shortName[0])
              || _lex.UsStateAbbreviations.TryGetValue(shortName[0] + ".", out state)))
            return false;
        var stateWords = state.Split(' ');
        if (longName.Length != shortName.Length - 1 + stateWords.Length) return false;
        for (int k = 0; k < longName.Length; k++)
            if (longName[k] != (k < stateWords.Length ? stateWords[k] : shortName[k - stateWords.Length + 1])) return false;
        return true;
    }

    /// <summary>
    /// The initials of the article's places of two words or more ("LA" for "Los Angeles"), with and without their small
    /// words; not those of a U.S. state, whose initials are its own postal code ("NJ" beside "New Jersey" is the state).
    /// </summary>
    private HashSet<string> PlaceInitials(List<PlacedMention> mentions)
    {
        var initials = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pm in mentions)
            if (pm.Mention is { Type: EntityType.Location, Kind: MentionKind.Name } m && m.Source != "dropped"
                && !_lex.UsStates.Contains(KeyText(pm)))
                initials.UnionWith(AcronymKeys(Words(KeyText(pm))));
        return initials;
    }

    /// <summary>
    /// "the Journal" for "The Wall Street Journal", "the Post": a one-word name that is the head word of a longer
    /// organisation name written before or after it in the article.
    /// </summary>
    private bool IsHeadShortForm(string[] shortName, string[] longName, MentionKind kind) =>
        kind == MentionKind.Name && shortName.Length == 1 && longName.Length >= 2 && !NameKey.IsAcronymShape(shortName[0])
        && string.Equals(shortName[0], longName[^1], StringComparison.OrdinalIgnoreCase)
        && _lex.OrgKeywords.Lookup(shortName[0], KeywordPosition.Suffix).Any(k => k.FineType is "MediaOrganization" or "ArmedForces");

    /// <summary>Whether the mention is written after "the" ("the Council"): a definite description by the head noun, not a
    /// word of a title or a name cut short ("Chief of Staff", "(APS) West").</summary>
    private static bool AfterThe(Sentence s, PlacedMention m) =>
        m.Mention.Text.StartsWith("the ", StringComparison.OrdinalIgnoreCase)
        || m.FirstToken > 0 && m.FirstToken <= s.Tokens.Count && s.Tokens[m.FirstToken - 1].Text.Equals("the", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "the Ostland Harbour Council ... the Council said", "the Senate Coastal Caucus ... the Caucus": a body's bare head
    /// noun after "the" (<see cref="AfterThe"/>), one title-case word of three letters or more, later in the article names the one body of the article written
    /// before it with two words or more that it ends (capitalised words only: "Agency for Asylum" is headed by "Agency",
    /// not "Asylum"). Not an acronym, not a name the gazetteer knows, and not when two bodies of the article before it end
    /// with that word (<see cref="FindCluster"/> then joins neither: "the Tarnby City Council" and "the Ostland Regional
    /// Council" leave "the Council" alone).
    /// </summary>
    private static bool IsBareHead(string[] shortName, string[] longName, MentionKind kind) =>
        kind == MentionKind.Name && shortName.Length == 1 && longName.Length >= 2 && shortName[0].Length >= 3 && char.IsUpper(shortName[0][0])
        && shortName[0].Skip(1).All(char.IsLower) && string.Equals(shortName[0], longName[^1], StringComparison.Ordinal)
        && longName.All(w => w.Length > 0 && (char.IsUpper(w[0]) || char.IsDigit(w[0])));

    /// <summary>
    /// "the Vale Institute" for "the Vale Institute for Peace Studies", "the Orrin Tate Center" for "the Orrin Tate
    /// International Center for Scholars": a body's name of two words or more that opens with the longer name's first
    /// word, ends with its head (the word before "for", "of" or "on") and keeps only words of the longer name before the
    /// head, in order. The head must be a word that heads bodies (an organisation keyword: "Institute", "Board",
    /// "Center"), so "Orrin Tate" is not "the Orrin Tate Center for Scholars"; capitalised words only. Not when the phrase
    /// is "for" or "on" and a place alone ("the Kessland Congress for Ostmark": the clause's phrase glued to the name).
    /// </summary>
    private bool IsWithoutItsPhrase(string[] shortName, string[] longName)
    {
        if (shortName.Length < 2 || longName.Length < shortName.Length + 2) return false;
        int head = -1;
        for (int k = 1; k < longName.Length - 1; k++)
            if (longName[k] is "for" or "of" or "on") { head = k - 1; break; }
        if (head < shortName.Length - 1 || head < 1) return false;
        if (!string.Equals(shortName[0], longName[0], StringComparison.Ordinal) || !string.Equals(shortName[^1], longName[head], StringComparison.Ordinal)) return false;
        if (!shortName.All(w => w.Length > 0 && (char.IsUpper(w[0]) || char.IsDigit(w[0])))) return false;
        // "the Kessland Congress for Ostmark" of "the support of the Kessland Congress for Ostmark": "for" or "on" and a
        // place alone after the head is the clause's phrase glued to the name, not a body's own name
        if (longName[head + 1] is "for" or "on")
        {
            var phrase = string.Join(' ', longName.Skip(head + 2).SkipWhile(w => w.Equals("the", StringComparison.OrdinalIgnoreCase)));
            if (phrase.Length > 0 && _lex.Gazetteer.Lookup(phrase).Any(h => h.Entry.Type == EntityType.Location)) return false;
        }
        // the words between, in order, each a word of the longer name before its head
        int at = 1;
        for (int k = 1; k < shortName.Length - 1; k++)
        {
            while (at < head && !string.Equals(longName[at], shortName[k], StringComparison.Ordinal)) at++;
            if (at >= head) return false;
            at++;
        }
        return _lex.OrgKeywords.Lookup(shortName[^1], KeywordPosition.Suffix).Count > 0;
    }

    /// <summary>Heads of a body of water a name may leave out: "the Northern Velic" is "the Northern Velic Ocean".</summary>
    private static readonly HashSet<string> WaterHeads = new(StringComparer.Ordinal) { "Ocean", "Sea" };

    /// <summary>
    /// "Dalvik Airport" beside "Dalvik International Airport", "the Northern Velic" beside "the Northern Velic Ocean": in one
    /// article a facility's name without a word between its first word and its head (an airport, a base, a station, a
    /// camp), or a sea's name without "Ocean" or "Sea", is the same place; not without its first word ("North Dalvik
    /// Airport" is another town's airport than "Dalvik Airport"), never a name of one word, and not a short form whose
    /// last word the gazetteer knows as a place: "South China" is a region of the country China, not "the South China Sea".
    /// </summary>
    private bool IsPlaceWithoutOneWord(string[] shortName, string[] longName)
    {
        if (shortName.Length < 2 || longName.Length != shortName.Length + 1) return false;
        if (WaterHeads.Contains(longName[^1]) && shortName.AsSpan().SequenceEqual(longName.AsSpan(0, shortName.Length)))
            return !_lex.Gazetteer.Lookup(shortName[^1]).Any(h => h.Entry.Type == EntityType.Location);
        if (!MentionFinder.FacilityHeads.Contains(shortName[^1]) || shortName[^1] != longName[^1] || shortName[0] != longName[0]) return false;
        for (int p = 1; p < longName.Length - 1; p++)
            if (shortName.AsSpan(0, p).SequenceEqual(longName.AsSpan(0, p)) && shortName.AsSpan(p).SequenceEqual(longName.AsSpan(p + 1))) return true;
        return false;
    }

    /// <summary>
    /// "Air Station Cape Cod" for "Coast Guard Air Station Cape Cod": a unit's name without the organisation that owns it,
    /// when what remains is a name of at least three words of its own (it opens with a capitalised word). Not when a
    /// preposition comes before it in the longer name: "the Harbor Attorney's Office for the Western District of Norland"
    /// is an office serving the district, not the district.
    /// </summary>
    private static bool IsWithoutOwner(string[] shortName, string[] longName)
    {
        if (shortName.Length < 3 || shortName.Length >= longName.Length || !char.IsUpper(shortName[0][0]) || NameKey.MinorWords.Contains(shortName[0])) return false;
        for (int k = 1; k <= shortName.Length; k++)
            if (!string.Equals(shortName[^k], longName[^k], StringComparison.OrdinalIgnoreCase)) return false;
        int before = longName.Length - shortName.Length - 1;
        if (before > 0 && longName[before].Equals("the", StringComparison.OrdinalIgnoreCase)) before--;
        return longName[before] is not ("for" or "on" or "of" or "in");
    }

    private static bool IsPartOfPersonNameAsWritten(string[] part, string[] full)
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

    /// <summary>
    /// "Free Army" for "Free Army Group": the longer name is the shorter plus a head keyword that only says what kind of
    /// body the name is (group, movement, front, party, company, news). A head that names a body of its own, set up by, for or
    /// around the name ("Harbor Alliance", "Harbor Council", "Harbor Institute"), makes another organisation.
    /// </summary>
    private bool IsShortOrgName(string[] shortName, string[] longName)
    {
        if (shortName.Length == 0 || shortName.Length >= longName.Length) return false;
        for (int k = 0; k < shortName.Length; k++)
            if (!string.Equals(shortName[k], longName[k], StringComparison.OrdinalIgnoreCase)) return false;
        var rest = string.Join(' ', longName.Skip(shortName.Length));
        // "the U.S. Marshals" for "the U.S. Marshals Service": the plural of those who serve in a service names the service
        if (rest == "Service" && shortName.Length >= 2 && NameKey.IsCapitalisedPlural(shortName[^1])) return true;
        // "the Varn Union Forces in Kessa": the forces of a union of states (an international organisation the gazetteer knows)
        // are a body of their own, the union's force, never the union ("Redwood Forces" is still "Redwood")
        if (rest is "Forces" or "Force" && _lex.Gazetteer.Lookup(string.Join(' ', shortName))
                .Any(h => h.Entry.Type == EntityType.Organization && h.Entry.FineTypes.Contains("InternationalOrganization"))) return false;
        return KindHeads.Contains(rest) && _lex.OrgKeywords.Lookup(rest, KeywordPosition.Suffix).Count > 0;
    }

    /// <summary>Head nouns that say what kind of body a name is, not which: "Redwood Group" is "Redwood".</summary>
    private static readonly HashSet<string> KindHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "Group", "Groups", "Organization", "Organisation", "Movement", "Front", "Party", "Company", "Corporation", "Corp", "Corp.",
        "Inc", "Inc.", "Ltd", "Ltd.", "Militia", "Militias", "Brigade", "Brigades", "Forces", "Network", "Army",
        // a broadcaster's or a firm's name and its generic word: "Kessler News" is "Kessler" ("Kessler's evening show")
        "News", "LLC", "Co", "Co.", "Holdings",
    };

    /// <summary>"SDF" = "Syrian Democratic Forces": the acronym's letters are the initials of the name's major words.</summary>
    public static bool IsAcronymOf(string acronym, string[] nameWords)
    {
        if (!NameKey.IsAcronymShape(acronym) || nameWords.Length < 2) return false;
        var letters = new string(NameKey.Normalize(acronym).Where(char.IsLetter).ToArray());
        var initials = new string(nameWords.Where(w => !NameKey.MinorWords.Contains(w)).Select(w => char.ToUpperInvariant(w[0])).ToArray());
        var allInitials = new string(nameWords.Select(w => char.ToUpperInvariant(w[0])).ToArray());
        if (letters.Length >= 2 && (letters == initials || letters == allInitials)) return true;
        // "SDF" for "Self-Defense Forces", "CPEC" for "China-Pakistan Economic Corridor": each part of a word joined by
        // hyphens gives its initial
        if (letters.Length >= 3 && nameWords.Any(w => w.IndexOf('-') > 0) && letters == HyphenPartInitials(nameWords)) return true;
        // "CBP" for "U.S. Customs and Border Protection", "NVO" for "RGS Northern Volcano Observatory": a leading abbreviated
        // country or owning body is often left out
        return nameWords.Length >= 3 && NameKey.IsAcronymShape(nameWords[0]) && IsAcronymOf(acronym, nameWords[1..]);
    }

    /// <summary>The initials of a name's major words, a word joined by hyphens giving one for each of its capitalised parts
    /// ("Self-Defense Forces": "SDF"; "al-Kessar Front": "KF").</summary>
    private static string HyphenPartInitials(string[] nameWords) =>
        new(nameWords.Where(w => !NameKey.MinorWords.Contains(w))
            .SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries).Where(part => char.IsUpper(part[0])).DefaultIfEmpty(w))
            .Select(part => char.ToUpperInvariant(part[0])).ToArray());

    /// <summary>
    /// "Reciprocal Access Agreement" of "the Kessland-Ostmark Reciprocal Access Agreement": a name without the countries
    /// party to it, written joined by hyphens as its first word (each a country's name or acronym in the gazetteer), which
    /// its acronym usually leaves out; the name unchanged otherwise.
    /// </summary>
    private string WithoutCountriesOpening(string name)
    {
        int space = name.IndexOf(' ');
        if (space <= 0) return name;
        var parts = name[..space].Split('-');
        return parts.Length >= 2 && parts.All(p => p.Length > 0 && _lex.Gazetteer.CountryNamed(p) is not null) ? name[(space + 1)..] : name;
    }

    /// <summary>Every mention of the cluster is the acronym as written, typed by the recogniser's guess alone (no gazetteer, no rule).</summary>
    private static bool GuessedOnly(List<PlacedMention> mentions, List<Group> clusters, int cluster, string text) =>
        clusters[Root(clusters, cluster)].Members.All(k => mentions[k].Mention is { Source: "ner" or "ner+context", Canonical: null, Kind: MentionKind.Name or MentionKind.Acronym } a && a.Text == text);

    /// <summary>
    /// "the U.N. mission in South Sudan (UNMISS)": the acronym in brackets names what comes before it. When that is a
    /// name, the two clusters join; when it is a description, it becomes a mention and alias of the acronym's entity.
    /// </summary>
    private void LinkParentheses(Document doc, IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions,
        List<Group> clusters, List<int> clusterOf)
    {
        int count = mentions.Count;
        var countryAcronyms = new Dictionary<string, int>(StringComparer.Ordinal);
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
            bool mixedCase = !NameKey.IsAcronymShape(m.Mention.Text);
            if (mixedCase && !IsMixedCaseAcronymShape(m.Mention.Text)) continue;
            if (m.Mention.Type is not (EntityType.Organization or EntityType.Location or EntityType.Event) && !mixedCase) continue;
            var s = sentences[m.Mention.SentenceIndex];
            if (m.FirstToken < 2 || m.EndToken >= s.Tokens.Count || s.Tokens[m.FirstToken - 1].Text != "(" || s.Tokens[m.EndToken].Text != ")") continue;
            int npEnd = m.FirstToken - 1; // exclusive
            var here = inSentence[s.Index];
            var before = here.FirstOrDefault(k => mentions[k].EndToken == npEnd, -1);
            // "the Council of Elders (CoE)": an acronym written with the small initial of a small word of the name is that
            // name only when it spells the name word by word (the capitals the capitalised words, the small letters the
            // small words); nothing else is read of it
            // (also where only the recogniser's guess typed the acronym another kind, a person: it takes the name's type)
            if (mixedCase)
            {
                if (before >= 0 && mentions[before].Mention is { Kind: MentionKind.Name, Type: EntityType.Organization or EntityType.Location or EntityType.Event } spelled
                    && SpellsWordByWord(m.Mention.Text, Words(spelled.Text))
                    && (spelled.Type == m.Mention.Type || GuessedOnly(mentions, clusters, clusterOf[i], m.Mention.Text)))
                {
                    if (spelled.Type != m.Mention.Type)
                    {
                        foreach (var k in clusters[Root(clusters, clusterOf[i])].Members)
                            mentions[k] = mentions[k] with { Mention = mentions[k].Mention with { Type = spelled.Type, FineType = spelled.FineType } };
                        clusters[Root(clusters, clusterOf[i])].Type = spelled.Type;
                    }
                    Union(clusters, clusterOf[i], clusterOf[before]);
                }
                continue;
            }
            // "the Varden-Ostmark Fisheries Accord (VOFA)", "the Tamsin Free Travel Zone (TFTZ)": an acronym in brackets right
            // after a name it spells is that name, also where only the recogniser's guess typed the acronym another kind
            // (a body, an event); it takes the name's type (a country's acronym is read below)
            if (before >= 0 && mentions[before].Mention is { Kind: MentionKind.Name, Type: EntityType.Organization or EntityType.Location or EntityType.Event } named
                && named.Type != m.Mention.Type && named.FineType != "Country" && GuessedOnly(mentions, clusters, clusterOf[i], m.Mention.Text)
                && (SpellsOut(m.Mention.Text, named.Text) || SpellsOut(m.Mention.Text, WithoutCountriesOpening(named.Text))))
            {
                foreach (var k in clusters[Root(clusters, clusterOf[i])].Members)
                    mentions[k] = mentions[k] with { Mention = mentions[k].Mention with { Type = named.Type, FineType = named.FineType } };
                clusters[Root(clusters, clusterOf[i])].Type = named.Type;
                Union(clusters, clusterOf[i], clusterOf[before]);
                continue;
            }
            // "the Kessa-Orvia Memorandum of Understanding (MOU)": an event's acronym in brackets right after an event of the
            // same kind is that event (MentionFinder typed the letters by the name they spell the head of) (type40)
            if (m.Mention.Type == EntityType.Event)
            {
                if (before >= 0 && mentions[before].Mention is { Kind: MentionKind.Name, Type: EntityType.Event } ev && ev.FineType == m.Mention.FineType)
                    Union(clusters, clusterOf[i], clusterOf[before]);
                continue;
            }
            // (an acronym the recogniser or the gazetteer already took for a place: only the country it spells, below)
            if (m.Mention.Type == EntityType.Location && !(before >= 0 && mentions[before].Mention is { Type: EntityType.Location, FineType: "Country", Kind: MentionKind.Name } cty
                && SpellsOut(m.Mention.Text, cty.Text))) continue;
            if (before >= 0 && mentions[before].Mention.Type == m.Mention.Type && m.Mention.Type == EntityType.Organization)
            {
                Union(clusters, clusterOf[i], clusterOf[before]);
                continue;
            }
            // "the Lake Relief Agency for Displaced Herders in the Near Marches (LRADH)": the body's name ends before
            // "in" and the place that says where it is; the acronym in brackets after the place spells the body's name
            if (before >= 0 && mentions[before].Mention.Type == EntityType.Location)
            {
                int p = mentions[before].FirstToken - 1;
                if (p >= 1 && s.Tokens[p].Text is "the") p--;
                var body = p >= 1 && s.Tokens[p].Text is "in" ? here.FirstOrDefault(k => mentions[k].EndToken == p && mentions[k].Mention.Type == m.Mention.Type, -1) : -1;
                if (body >= 0 && m.Mention.Canonical is null && mentions[body].Mention.Kind == MentionKind.Name && SpellsOut(m.Mention.Text, mentions[body].Mention.Text))
                {
                    Union(clusters, clusterOf[i], clusterOf[body]);
                    continue;
                }
            }
            // "the Republic of Korea (ROK)": an acronym whose expansion is a country is that country, wherever the
            // article writes it alone ("ROK officers"); it is no organisation
            if (before >= 0 && mentions[before].Mention is { Type: EntityType.Location, FineType: "Country" } country
                && mentions[before].Mention.Kind == MentionKind.Name && SpellsOut(m.Mention.Text, country.Text))
            {
                countryAcronyms[m.Mention.Text] = before;
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
            // "Port Kessel (KNA) –", "the Vell League in Osta and the Marches (VLOM)": a place's name alone before the
            // brackets is no description of the body the acronym names (a dateline's source, or the end of a longer name
            // whose place is the last of several); the place keeps its own entity
            int named0 = s.Tokens[npStart].Tag == "DT" || s.Tokens[npStart].Text is "the" or "The" ? npStart + 1 : npStart;
            // (one capitalised word after the article is a place's name as well, whether the recogniser found it or not:
            // "the Marches"; a description has a noun and what it says of it: "the relief mission"; a body's head keyword
            // alone is the body the acronym names: "the Tribunal (KLT)")
            if (npEnd - named0 == 1 && char.IsUpper(s.Tokens[named0].Text[0])
                && !_lex.OrgKeywords.Lookup(s.Tokens[named0].Text).Any(k => k.Type == EntityType.Organization)) continue;
            // (unless the acronym spells the place's name or its last words: "the Orvin Hydro Power Plant (HPP)")
            if (here.Any(k => mentions[k].FirstToken == named0 && mentions[k].EndToken == npEnd && mentions[k].Mention.Type == EntityType.Location
                              && mentions[k].Mention.Kind == MentionKind.Name
                              && !Enumerable.Range(named0, npEnd - named0).Any(j => SpellsOut(m.Mention.Text, doc.Text[s.Tokens[j].Start..s.Tokens[npEnd - 1].End])))) continue;
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
        foreach (var (acronym, at) in countryAcronyms)
        {
            var country = mentions[at].Mention;
            for (int k = 0; k < mentions.Count; k++)
            {
                var x = mentions[k].Mention;
                if (x.Text != acronym || x.Kind is not (MentionKind.Name or MentionKind.Acronym) || x.Source == "dropped") continue;
                mentions[k] = mentions[k] with { Mention = x with { Type = country.Type, FineType = country.FineType, Canonical = country.Canonical ?? x.Canonical } };
                Union(clusters, clusterOf[at], clusterOf[k]);
            }
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

    /// <summary>
    /// Two mentions side by side that the text says are one: an acronym and its expansion in brackets after it ("JAXA
    /// (Japan Aerospace Exploration Agency)"), and a nickname the text introduces ("Lena Varga, also known as the
    /// Baroness", "aka", "a/k/a", "alias", "nicknamed"; a chain "X, a/k/a Y, a/k/a Z" is one; past a place of origin: "Rafael
    /// Dalo, 45, of Tucson, Arizona, a/k/a El Rojo" is Dalo's, not Arizona's). The two must be of one type (NamedByConstruction
    /// gives an alias after "a/k/a" its name's type). Only neighbours in one sentence are compared, so the pass is linear.
    /// </summary>
    private static void LinkExpansionsAndNicknames(IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions, List<Group> clusters, List<int> clusterOf)
    {
        var order = Enumerable.Range(0, mentions.Count).Where(i => mentions[i].Mention.Source != "dropped")
            .OrderBy(i => mentions[i].Mention.SentenceIndex).ThenBy(i => mentions[i].FirstToken).ToList();
        for (int n = 0; n + 1 < order.Count; n++)
        {
            var (a, b) = (mentions[order[n]], mentions[order[n + 1]]);
            if (a.Mention.SentenceIndex != b.Mention.SentenceIndex) continue;
            var tokens = sentences[a.Mention.SentenceIndex].Tokens;
            var between = Enumerable.Range(a.EndToken, Math.Max(0, b.FirstToken - a.EndToken)).Select(k => tokens[k].Text.ToLowerInvariant()).ToList();
            bool bracket = between.Count == 1 && between[0] == "(" && b.EndToken < tokens.Count && tokens[b.EndToken].Text == ")"
                           && NameKey.IsAcronymShape(a.Mention.Text) && SpellsOut(a.Mention.Text, b.Mention.Text);
            // (the introducer may stand in brackets or dashes, and the nickname may take "the": "Kessel Works (a.k.a. Vantor
            // Mills)", "the Red Hand — also known as the Tanners —")
            var introducer = between.Where(w => !NamedByConstruction.IsQuoteOrComma(w) && w is not ("(" or "—" or "–" or "--")).ToList();
            if (introducer.Count > 1 && introducer[^1] == "the") introducer.RemoveAt(introducer.Count - 1);
            var joined = string.Join(' ', introducer);
            bool nickname = joined is "known as" or "also known as" or "aka" or "a.k.a." or "a/k/a" or "a / k / a" or "alias" or "nicknamed" or "better known as" or "dubbed";
            // "Rafael Dalo, 45, of Tucson, Arizona, a/k/a El Rojo": past the place of origin to the person
            int left = n;
            if (nickname && a.Mention.Type == EntityType.Location && NamedByConstruction.PastPlaceOfOrigin(tokens, a.EndToken) is var origin && origin != a.EndToken)
                for (int p = n - 1; p >= 0 && n - p <= 4 && mentions[order[p]].Mention.SentenceIndex == a.Mention.SentenceIndex; p--)
                    if (mentions[order[p]].EndToken == origin) { left = p; break; }
            // "President Tomas Arvid Kessler 'Tamo'": a person's name followed straight by one word in quotation marks
            // (opening and closing) is the person's nickname, which the text may later write after the first name ("Tomas Tamo")
            bool quoted = a.Mention.Type == EntityType.Person && between.Count == 1 && between[0] is "\"" or "``" or "\u201c" or "'" or "\u2018"
                          && b.EndToken == b.FirstToken + 1 && b.EndToken < tokens.Count && tokens[b.EndToken].Text is "\"" or "''" or "\u201d" or "'" or "\u2019";
            nickname |= quoted;
            if (mentions[order[left]].Mention.Type != b.Mention.Type) continue;
            if (bracket || nickname) Union(clusters, clusterOf[order[left]], clusterOf[order[n + 1]]);
        }
    }

    /// <summary>
    /// "The Halden Space Telescope was finished. Halden's mirror is the largest ... Halden, named after Dr. Mara Halden,
    /// ...": when the article writes a bare surname and "named after" (or "named for") its person, the bare surname
    /// without a title written before that person is named in full, after a longer name of a thing (no person) that opens
    /// with the word (or holds it before its own head: "The Mara Halden Space Telescope was finished. Halden's mirror ..."),
    /// is that thing, not the person. Without "named after" the person keeps it ("the Bush Presidential
    /// Library ... Bush's appointees"), and so does a person named in full before ("Ana Kessler founded Kessler Group.
    /// Kessler said ...").
    /// </summary>
    private static void GiveSurnamesBeforeThePersonToTheThingNamedAfterThem(IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions,
        List<Group> clusters, List<int> clusterOf)
    {
        var things = new Dictionary<string, int>(StringComparer.Ordinal); // first word -> the earliest thing named with it
        for (int k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k].Mention;
            if (m.Source == "dropped" || m.Kind != MentionKind.Name || m.Type == EntityType.Person) continue;
            var words = NameKey.Words(m.Text);
            if (words.Length < 2 || !char.IsUpper(words[0][0])) continue;
            // (the thing's name may hold the person's whole name before its own head: "the Mara Halden Space Telescope")
            for (int w = 0; w < words.Length - 1; w++)
                if (char.IsUpper(words[w][0]) && (!things.TryGetValue(words[w], out var at) || mentions[at].Mention.Span.Start > m.Span.Start)) things[words[w]] = k;
        }
        if (things.Count == 0) return;
        foreach (var group in ClusterGroups(mentions, clusters, clusterOf, k => mentions[k].Mention.Type == EntityType.Person))
        {
            var full = group.Where(k => mentions[k].Mention.Kind == MentionKind.Name && NameKey.Words(mentions[k].Mention.Text).Length >= 2).ToList();
            if (full.Count == 0) continue;
            int named = full.Min(k => mentions[k].Mention.Span.Start);
            var last = NameKey.Words(mentions[full[0]].Mention.Text)[^1];
            if (!things.TryGetValue(last, out var thing) || Root(clusters, clusterOf[thing]) == group.Key) continue;
            // the article says the thing is named after the person: "Halden, named after Dr. Mara Halden", "Halden - named for"
            if (!group.Any(k =>
                {
                    var (pm, m) = (mentions[k], mentions[k].Mention);
                    var tokens = sentences[m.SentenceIndex].Tokens;
                    int e = pm.EndToken;
                    if (m.Kind != MentionKind.Name || m.Text != last) return false;
                    if (e < tokens.Count && tokens[e].Text is "," or "\u2014" or "\u2013" or "-" or "--") e++;
                    return e + 1 < tokens.Count && tokens[e].Text == "named" && tokens[e + 1].Text is "after" or "for";
                })) continue;
            foreach (var k in group)
            {
                var (pm, m) = (mentions[k], mentions[k].Mention);
                if (m.Kind != MentionKind.Name || m.Text != last || m.Span.Start > named || pm.Role is not null
                    || mentions[thing].Mention.Span.Start > m.Span.Start) continue;
                var tokens = sentences[m.SentenceIndex].Tokens;
                if (pm.FirstToken > 0 && tokens[pm.FirstToken - 1].Text is "Mr." or "Mrs." or "Ms." or "Dr." or "Mr" or "Mrs" or "Ms" or "Dr") continue;
                var owner = mentions[thing].Mention;
                mentions[k] = pm with { Mention = m with { Type = owner.Type, FineType = owner.FineType } };
                clusters[group.Key].Members.Remove(k);
                var target = Root(clusters, clusterOf[thing]);
                clusters[target].Members.Add(k);
                clusterOf[k] = target;
            }
        }
    }

    /// <summary>Heads of a site's name that the site is called without: "from Marsh" for Marsh Space Center, "at Halden" for Halden Air Force Base.</summary>
    private static readonly HashSet<string> SiteHeads = new(MentionFinder.FacilityHeads.Concat(new[] { "Center", "Centre", "Spaceport" }), StringComparer.Ordinal);

    /// <summary>Prepositions of place before a site's short name ("launched from Marsh", "landed at Halden").</summary>
    private static readonly HashSet<string> SitePrepositions = new(StringComparer.Ordinal) { "from", "at", "to", "into", "near", "toward", "towards", "in", "off" };

    /// <summary>
    /// "launched from Marsh" in an article that named "Marsh Space Center" before: one capitalised word the
    /// recogniser took for a place, after a preposition of place at each mention, that is the first word of exactly one
    /// longer name of a site (its last word a facility's head: Center, Base, Station, Airport, Camp ...) written earlier
    /// in the article, is that site. Not when the article writes the site "in" or "," that word ("the Alder Medical
    /// Center in Alder": a town the site is named after), nor for a word the recogniser or a rule typed otherwise ("Marsh
    /// said" is a person), nor a feature named after a town ("Alder Harbor" has no site head).
    /// </summary>
    private static void JoinSiteShortNames(IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions, List<Group> clusters, List<int> clusterOf)
    {
        var sites = new Dictionary<string, List<int>>(StringComparer.Ordinal); // first word -> mentions of longer site names
        for (int k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k].Mention;
            if (m.Source == "dropped" || m.Kind != MentionKind.Name || m.Type is not (EntityType.Organization or EntityType.Location)) continue;
            var words = NameKey.Words(m.Text);
            if (words.Length < 2 || !SiteHeads.Contains(words[^1]) || !char.IsUpper(words[0][0])) continue;
            if (!sites.TryGetValue(words[0], out var list)) sites[words[0]] = list = new List<int>();
            list.Add(k);
        }
        if (sites.Count == 0) return;
        foreach (var group in ClusterGroups(mentions, clusters, clusterOf))
        {
            var members = group.ToList();
            var first = mentions[members[0]].Mention;
            if (first.Type != EntityType.Location || !sites.TryGetValue(first.Text, out var siteMentions)) continue;
            bool shortForm = members.All(k =>
            {
                var (pm, m) = (mentions[k], mentions[k].Mention);
                var tokens = sentences[m.SentenceIndex].Tokens;
                return m.Kind == MentionKind.Name && m.Text == first.Text && m.Type == EntityType.Location && m.Canonical is null
                       && m.Source is "ner" or "ner+context" && pm.EndToken - pm.FirstToken == 1 && tokens[pm.FirstToken].Tag == "NNP"
                       && pm.FirstToken > 0 && SitePrepositions.Contains(tokens[pm.FirstToken - 1].Text);
            });
            if (!shortForm) continue;
            int firstStart = members.Min(k => mentions[k].Mention.Span.Start);
            var siteRoots = siteMentions.Select(k => Root(clusters, clusterOf[k])).Distinct().ToList();
            if (siteRoots.Count != 1 || siteRoots[0] == group.Key || siteMentions.Min(k => mentions[k].Mention.Span.Start) > firstStart) continue;
            // "the Alder Medical Center in Alder", "Alder Medical Center, Alder": the word names the town the site is in
            if (siteMentions.Any(k =>
                {
                    var tokens = sentences[mentions[k].Mention.SentenceIndex].Tokens;
                    int e = mentions[k].EndToken;
                    return e + 1 < tokens.Count && tokens[e].Text is "in" or "," && tokens[e + 1].Text == first.Text;
                })) continue;
            var site = mentions[siteMentions[0]].Mention;
            foreach (var k in members)
                mentions[k] = mentions[k] with { Mention = mentions[k].Mention with { Type = site.Type, FineType = site.FineType } };
            Union(clusters, siteRoots[0], group.Key);
        }
    }

    /// <summary>Heads of a government department that English also calls by its field alone ("Fisheries", "Defense").</summary>
    private static readonly HashSet<string> DepartmentHeads = new(StringComparer.Ordinal) { "Department", "Ministry" };

    /// <summary>
    /// "Fisheries is targeting the fleet" in an article that names "the Kessland Department of Fisheries": a government
    /// department is called by its field alone, so an organisation named by one capitalised word (no acronym) is the one
    /// department of the article named "Department of (the) W", "Ministry of W" or "W Department", written before or after
    /// it. Two such departments in the article ("the Ministry of Fisheries" of two governments): neither. Nor a field word
    /// the article describes as something else in an appositive ("Transport, a union of dock workers, ...": a comma and a
    /// determiner right after it), nor one that a recogniser or lexicon typed as another kind of body than a government.
    /// </summary>
    private static void JoinDepartmentFields(IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions, List<Group> clusters, List<int> clusterOf)
    {
        var fields = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal); // field word -> department clusters
        for (int k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k].Mention;
            if (m.Source == "dropped" || m.Type != EntityType.Organization) continue;
            var words = Words(KeyText(mentions[k]));
            string? field = null;
            if (words.Length >= 3 && words[^2] == "of" && DepartmentHeads.Contains(words[^3])) field = words[^1];
            else if (words.Length >= 2 && DepartmentHeads.Contains(words[^1])) field = words[^2];
            if (field is null || field.Length < 4 || !char.IsUpper(field[0]) || NameKey.IsAcronymShape(field)) continue;
            if (!fields.TryGetValue(field, out var set)) fields[field] = set = new HashSet<int>();
            set.Add(Root(clusters, clusterOf[k]));
        }
        if (fields.Count == 0) return;
        foreach (var group in ClusterGroups(mentions, clusters, clusterOf))
        {
            var firstWords = Words(KeyText(mentions[group.First()]));
            if (mentions[group.First()].Mention.Type != EntityType.Organization || firstWords.Length != 1
                || !fields.TryGetValue(firstWords[0], out var departments)) continue;
            if (!group.All(k => mentions[k].Mention.Kind == MentionKind.Name && Words(KeyText(mentions[k])) is [var v] && v == firstWords[0]
                                && mentions[k].Mention.FineType is null or "Government" && !HasAppositive(sentences, mentions[k]))) continue;
            var roots = departments.Select(c => Root(clusters, c)).Distinct().ToList();
            if (roots.Count != 1 || roots[0] == group.Key) continue;
            Union(clusters, roots[0], group.Key);
        }
    }

    /// <summary>A comma and a determiner right after the mention open an appositive that says what it is ("Transport, a union ...").</summary>
    private static bool HasAppositive(IReadOnlyList<Sentence> sentences, PlacedMention pm)
    {
        var tokens = sentences[pm.Mention.SentenceIndex].Tokens;
        int e = pm.EndToken;
        return e + 1 < tokens.Count && tokens[e].Text == "," && tokens[e + 1].Tag == "DT";
    }

    /// <summary>
    /// The mentions that were not dropped (and pass <paramref name="where"/>), grouped by the cluster they are in now: taken
    /// whole before the caller joins any cluster, so its joins do not change the groups it walks.
    /// </summary>
    private static List<IGrouping<int, int>> ClusterGroups(List<PlacedMention> mentions, List<Group> clusters, List<int> clusterOf,
        Func<int, bool>? where = null) =>
        Enumerable.Range(0, mentions.Count).Where(k => mentions[k].Mention.Source != "dropped" && (where is null || where(k)))
            .GroupBy(k => Root(clusters, clusterOf[k])).ToList();

    /// <summary>The source of a recogniser's acronym that <see cref="JoinAcronymsOfPlaces"/> took for a place of the article:
    /// still the recogniser's mention (EntityConfidence), but no alias of the place (EntityAssembler).</summary>
    internal const string GuessedAcronymSource = "ner+acronym";

    /// <summary>
    /// "surged agents to the TRV" in an article that names the Tamsin River Valley: an acronym of three letters or more that
    /// only the recogniser typed an organisation, and that spells the name of exactly one place of the article and of no
    /// organisation there, is that place (the recogniser has no better guess for a bare acronym than a body). The guess holds
    /// in this article only: its mentions become <see cref="GuessedAcronymSource"/>, which names no alias of the place, so
    /// another article's body of those letters never finds the place by it (GraphBuilder.JoinAcronyms).
    /// </summary>
    private void JoinAcronymsOfPlaces(Document doc, IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions, List<Group> clusters, List<int> clusterOf)
    {
        // the article's place and body names by the letters an acronym of them would have (one pass, then a lookup per acronym);
        // Long marks a country's official name or alternative that the mention itself is not
        Dictionary<string, List<(int Root, EntityType Type, string[] Words, bool Long)>>? byInitials = null;
        foreach (var group in ClusterGroups(mentions, clusters, clusterOf))
        {
            var members = group.ToList();
            var text = mentions[members[0]].Mention.Text;
            if (!members.All(k => mentions[k].Mention is { Type: EntityType.Organization, Source: "ner", Canonical: null } m && m.Text == text)
                || !NameKey.IsAcronymShape(text) || NameKey.Normalize(text).Count(char.IsLetter) < 3) continue;
            if (byInitials is null)
            {
                byInitials = new Dictionary<string, List<(int, EntityType, string[], bool)>>(StringComparer.Ordinal);
                for (int k = 0; k < mentions.Count; k++)
                {
                    if (mentions[k].Mention is not { Kind: MentionKind.Name, Type: EntityType.Location or EntityType.Organization } m || m.Source == "dropped") continue;
                    var names = new List<(string[] Words, bool Long)> { (Words(KeyText(mentions[k])), false) };
                    // a country is also spelled by its official name and its written-out alternatives ("ROK" for South
                    // Korea, the Republic of Korea), where the article writes that name or the acronym brackets the country
                    // (below): an everyday abbreviation of the same letters ("the ROI on new plants" and "Republic of
                    // India") is no country
                    if (m is { Type: EntityType.Location, FineType: "Country", Canonical: { } country } && _lex.CountryLongNames.TryGetValue(country, out var longNames))
                        names.AddRange(longNames.Select(n => (Words(n), true)));
                    foreach (var (words, isLong) in names)
                        foreach (var key in AcronymKeys(words))
                        {
                            if (!byInitials.TryGetValue(key, out var list)) byInitials[key] = list = new List<(int, EntityType, string[], bool)>();
                            list.Add((Root(clusters, clusterOf[k]), m.Type, words, isLong));
                        }
                }
            }
            var letters = new string(NameKey.Normalize(text).Where(char.IsLetter).ToArray());
            var spelled = (byInitials.TryGetValue(letters, out var named) ? named : new List<(int Root, EntityType Type, string[] Words, bool Long)>())
                .Where(n => n.Root != group.Key && IsAcronymOf(text, n.Words)
                            && (!n.Long || doc.Text.Contains(string.Join(' ', n.Words), StringComparison.Ordinal) || BracketsPlace(sentences, mentions, members, clusters, clusterOf, n.Root)))
                .ToList();
            var places = spelled.Where(n => n.Type == EntityType.Location).Select(n => Root(clusters, n.Root)).Distinct().ToList();
            if (places.Count != 1 || spelled.Any(n => n.Type == EntityType.Organization)) continue;
            var place = mentions[clusters[places[0]].Members[0]].Mention;
            foreach (var k in members)
                mentions[k] = mentions[k] with { Mention = mentions[k].Mention with { Type = EntityType.Location, FineType = place.FineType, Source = GuessedAcronymSource } };
            clusters[group.Key].Type = EntityType.Location;
            Union(clusters, places[0], group.Key);
        }
    }

    /// <summary>A qualifier of English that names a country's main landmass before the country's name ("mainland China",
    /// "continental Portugal", "metropolitan France"): the phrase is the country, unless the gazetteer knows it as a place of its own.</summary>
    private static readonly HashSet<string> LandmassQualifiers = new(StringComparer.OrdinalIgnoreCase) { "mainland", "continental", "metropolitan" };

    /// <summary>
    /// "North Sudan rejected the plan ... the North did not answer": a name the recogniser or a keyword rule found (place or
    /// body, no gazetteer reading) is a country of the article named in full in two ways. (1) Its words, written after "the", are the opening
    /// words of the name, official name or written-out alternative (countries.tsv) of exactly one country the article names
    /// before it: a compass word alone ("the North" for North Korea, "the South" for South Sudan) or two words or more ("the
    /// Islamic Republic" for the Islamic Republic of Iran); English shortens a country so only once it has named it. (2) A
    /// landmass qualifier and a country's name ("Mainland China") are that country where the article names it. Two countries
    /// the words could open ("the South" beside South Korea and South Africa), a phrase the gazetteer knows, a name written
    /// without "the" ("North said"), or a short form before the country's first full name: no join.
    /// </summary>
    private void JoinCountryShortForms(IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions, List<Group> clusters, List<int> clusterOf)
    {
        // the article's countries (the gazetteer's name), each with the position of its first mention
        var countries = new Dictionary<string, (int Member, int Sentence, int Token)>(StringComparer.Ordinal);
        for (int k = 0; k < mentions.Count; k++)
            if (mentions[k].Mention is { Type: EntityType.Location, FineType: "Country", Canonical: { } c } m && m.Source != "dropped"
                && (!countries.TryGetValue(c, out var seen) || (m.SentenceIndex, mentions[k].FirstToken).CompareTo((seen.Sentence, seen.Token)) < 0))
                countries[c] = (k, m.SentenceIndex, mentions[k].FirstToken);
        if (countries.Count == 0) return;
        // the countries' names by their first word (folded), so a name is compared only with the forms it could open
        Dictionary<string, List<(string Country, string[] Words)>>? forms = null;
        foreach (var group in ClusterGroups(mentions, clusters, clusterOf))
        {
            var members = group.ToList();
            var first = mentions[members[0]].Mention;
            if (!members.All(k => mentions[k].Mention is { Kind: MentionKind.Name, Canonical: null, Type: EntityType.Location or EntityType.Organization } m
                    && m.Source != "gazetteer" && NameKey.Fold(m.Text) == NameKey.Fold(first.Text))) continue;
            var words = Words(first.Text);
            if (words.Length == 0 || words.Length > 4 || !words.All(w => char.IsUpper(w[0])) || _lex.Gazetteer.Lookup(string.Join(' ', words)).Count > 0) continue;
            string? country = null;
            if (words.Length >= 2 && LandmassQualifiers.Contains(words[0]))
            {
                if (_lex.Gazetteer.CountryNamed(string.Join(' ', words[1..])) is { } named && countries.ContainsKey(named)) country = named;
            }
            else if (words.Length >= 2 || Directions.Contains(words[0]))
            {
                forms ??= countries.Keys.SelectMany(c => new[] { c }.Concat(_lex.CountryLongNames.TryGetValue(c, out var longNames) ? longNames : Array.Empty<string>())
                        .Select(n => (Country: c, Words: Words(n)))).Where(f => f.Words.Length > 0)
                    .GroupBy(f => NameKey.Fold(f.Words[0]), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                var opened = (forms.TryGetValue(NameKey.Fold(words[0]), out var candidates) ? candidates : new List<(string Country, string[] Words)>())
                    .Where(f => f.Words.Length > words.Length && words.Select((w, i) => string.Equals(w, f.Words[i], StringComparison.OrdinalIgnoreCase)).All(x => x))
                    .Select(f => f.Country).Distinct(StringComparer.Ordinal).ToList();
                if (opened.Count != 1) continue;
                var at = countries[opened[0]];
                if (!members.All(k => HasTheBefore(sentences, mentions[k]) && (mentions[k].Mention.SentenceIndex, mentions[k].FirstToken).CompareTo((at.Sentence, at.Token)) > 0)) continue;
                if (words.Length == 1 && members.Any(k => ReadsAsRegion(sentences, mentions[k]))) continue;
                country = opened[0];
            }
            if (country is null) continue;
            int root = Root(clusters, clusterOf[countries[country].Member]);
            if (root == group.Key) continue;
            foreach (var k in members)
                mentions[k] = mentions[k] with { Mention = mentions[k].Mention with { Type = EntityType.Location, FineType = "Country" } };
            clusters[group.Key].Type = EntityType.Location;
            Union(clusters, root, group.Key);
        }
    }

    /// <summary>Prepositions of place before "the" + a compass word: "across the South", "in the North" name a region.</summary>
    private static readonly HashSet<string> RegionPrepositions = new(StringComparer.OrdinalIgnoreCase)
        { "in", "across", "throughout", "from", "to", "into", "through", "around", "over" };

    /// <summary>"farmers across the South", "the North of England": a compass word after "the" that follows a preposition of
    /// place, or that "of" follows, names a region, not a country the article named before.</summary>
    private static bool ReadsAsRegion(IReadOnlyList<Sentence> sentences, PlacedMention m)
    {
        var t = sentences[m.Mention.SentenceIndex].Tokens;
        int the = TheAt(sentences, m);
        if (the >= 1 && RegionPrepositions.Contains(t[the - 1].Text)) return true;
        return m.EndToken < t.Count && string.Equals(t[m.EndToken].Text, "of", StringComparison.Ordinal);
    }

    /// <summary>The mention opens with "the" or follows it.</summary>
    private static bool HasTheBefore(IReadOnlyList<Sentence> sentences, PlacedMention m) => TheAt(sentences, m) >= 0;

    /// <summary>The token index of the "the" the mention opens with or follows; -1 when there is none.</summary>
    private static int TheAt(IReadOnlyList<Sentence> sentences, PlacedMention m)
    {
        if (m.Mention.Text.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) return m.FirstToken;
        var t = sentences[m.Mention.SentenceIndex].Tokens;
        return m.FirstToken > 0 && string.Equals(t[m.FirstToken - 1].Text, "the", StringComparison.OrdinalIgnoreCase) ? m.FirstToken - 1 : -1;
    }

    /// <summary>"the ROC (Taiwan)": a mention of the acronym is followed by the place of cluster <paramref name="root"/> in brackets
    /// (run only for an acronym that spells a country's long name the article does not write).</summary>
    private static bool BracketsPlace(IReadOnlyList<Sentence> sentences, List<PlacedMention> mentions, List<int> acronym, List<Group> clusters, List<int> clusterOf, int root)
    {
        foreach (var a in acronym)
        {
            var m = mentions[a];
            var t = sentences[m.Mention.SentenceIndex].Tokens;
            if (m.EndToken + 2 >= t.Count || t[m.EndToken].Text != "(") continue;
            for (int p = 0; p < mentions.Count; p++)
                if (mentions[p] is var q && q.Mention.SentenceIndex == m.Mention.SentenceIndex && q.FirstToken == m.EndToken + 1
                    && q.EndToken < t.Count && t[q.EndToken].Text == ")" && Root(clusters, clusterOf[p]) == Root(clusters, root)) return true;
        }
        return false;
    }

    /// <summary>The letters an acronym of the name would have by <see cref="IsAcronymOf"/>: the initials of its major words,
    /// of all its words, and the same without a leading acronym.</summary>
    private static IEnumerable<string> AcronymKeys(string[] nameWords)
    {
        if (nameWords.Length < 2) yield break;
        yield return new string(nameWords.Where(w => !NameKey.MinorWords.Contains(w)).Select(w => char.ToUpperInvariant(w[0])).ToArray());
        yield return new string(nameWords.Select(w => char.ToUpperInvariant(w[0])).ToArray());
        if (nameWords.Any(w => w.IndexOf('-') > 0) && HyphenPartInitials(nameWords) is { Length: >= 3 } parts) yield return parts;
        if (nameWords.Length >= 3 && NameKey.IsAcronymShape(nameWords[0]))
            foreach (var key in AcronymKeys(nameWords[1..])) yield return key;
    }

    /// <summary>"CoE", "DoD": a word of three to six letters opening and ending with a capital, with small letters between that
    /// stand alone (each between two capitals): how an acronym writes the initial of a small word ("of") small.</summary>
    internal static bool IsMixedCaseAcronymShape(string w)
    {
        if (w.Length is < 3 or > 6 || !char.IsUpper(w[0]) || !char.IsUpper(w[^1]) || !w.All(char.IsLetter)) return false;
        for (int k = 1; k < w.Length - 1; k++)
            if (char.IsLower(w[k]) && !(char.IsUpper(w[k - 1]) && char.IsUpper(w[k + 1]))) return false;
        return w.Any(char.IsLower);
    }

    /// <summary>"CoE" of "Council of Elders": one letter per word, a capital for a capitalised word and a small letter for a
    /// small word (NameKey.MinorWords), each the word's initial.</summary>
    internal static bool SpellsWordByWord(string acronym, string[] words)
    {
        if (acronym.Length != words.Length) return false;
        for (int k = 0; k < words.Length; k++)
        {
            var (c, w) = (acronym[k], words[k]);
            if (char.ToLowerInvariant(c) != char.ToLowerInvariant(w[0])) return false;
            if (char.IsUpper(c) != char.IsUpper(w[0])) return false;
            if (char.IsLower(c) && !NameKey.MinorWords.Contains(w)) return false;
        }
        return true;
    }

    /// <summary>
    /// "JAXA" in "Japan Aerospace Exploration Agency": the acronym's letters appear in order in the name, the first one
    /// opening a word of it (Schwartz and Hearst's test for a pair written side by side).
    /// </summary>
    internal static bool SpellsOut(string acronym, string name)
    {
        var letters = NameKey.Normalize(acronym).Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray();
        var text = name.ToLowerInvariant();
        if (letters.Length < 2 || text.Length == 0 || text[0] != letters[0]) return false;
        int at = text.Length - 1;
        for (int k = letters.Length - 1; k >= 0; k--)
        {
            while (at >= 0 && (text[at] != letters[k] || k == 0 && at > 0 && char.IsLetterOrDigit(text[at - 1]))) at--;
            if (at < 0) return false;
            at--;
        }
        return true;
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
    private void MergeByDescription(List<PlacedMention> mentions, List<Group> clusters, FormIndex counter)
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
                Enter(byInitials, new string(words.Where(w => !NameKey.MinorWords.Contains(w)).Select(w => char.ToUpperInvariant(w[0])).ToArray()), c);
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
            return IsOrderedSubsequence(f.Words, g.Words, _lex) || f.Acronym && IsAcronymOf(f.Text, g.Words);
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

    /// <summary>
    /// The short name's words in order inside the long one, same first and last word; a skipped word must not be a head
    /// noun of its own ("U.S. Central Command" is not "U.S. Air Forces Central Command": "Forces" names another body).
    /// </summary>
    private static bool IsOrderedSubsequence(string[] shortWords, string[] longWords, LexiconSet lex)
    {
        if (shortWords.Length < 3 || shortWords.Length >= longWords.Length) return false;
        if (!string.Equals(shortWords[0], longWords[0], StringComparison.OrdinalIgnoreCase)
            || !string.Equals(shortWords[^1], longWords[^1], StringComparison.OrdinalIgnoreCase)) return false;
        int k = 0;
        foreach (var w in longWords)
        {
            if (k < shortWords.Length && string.Equals(w, shortWords[k], StringComparison.OrdinalIgnoreCase)) { k++; continue; }
            if (lex.OrgKeywords.Lookup(w, KeywordPosition.Suffix).Count > 0) return false;
        }
        return k == shortWords.Length;
    }
}
