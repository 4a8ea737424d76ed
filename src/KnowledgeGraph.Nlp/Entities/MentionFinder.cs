using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>A mention placed on tokens, with what the finder learnt about it.</summary>
public sealed record PlacedMention(Mention Mention, int FirstToken, int EndToken, string? Role, string? AnchorCountry);

/// <summary>
/// Finds named mentions in tagged sentences by combining three sources, most trusted first: the gazetteer
/// (countries, demonyms, capitals, international organisations, armed groups, governments), naming rules over
/// proper-noun runs (head keywords such as "Group", "Mission", "Operation"; titles such as "President", "Gen."),
/// and the statistical recogniser. Overlaps are settled longest span first, then by source trust. It also builds the
/// country-anchored descriptions "Chad's army", "the Chadian government" into entities of their own
/// ("Armed Forces of Chad", "Government of Chad").
/// </summary>
public sealed class MentionFinder
{
    private const int PriorityGazetteer = 40, PriorityTitle = 35, PriorityKeyword = 30, PriorityNer = 20;

    private readonly LexiconSet _lex;

    public MentionFinder(LexiconSet lexicons) { _lex = lexicons; }

    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    /// <summary>Prepositions and conjunctions that open sentences ("Near Mosul, ..."): capitalised there, never part of a name.</summary>
    private static readonly HashSet<string> SentenceInitialFunctionWords = new(StringComparer.Ordinal)
    {
        "Near", "In", "At", "On", "From", "After", "Before", "Outside", "Inside", "During", "Since", "Across", "Around",
        "With", "Without", "By", "Despite", "Under", "Over", "Through", "Throughout", "Along", "Against", "Between",
        "Among", "Amid", "Beyond", "Toward", "Towards", "Into", "Following", "But", "And", "Or", "As", "When", "While",
        "If", "Although", "Meanwhile", "Additionally", "Also", "Later", "Earlier", "Then",
    };

    /// <summary>Words that join parts of one name ("Ministry of Defence", "Mission in South Sudan").</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "on", "in", "de", "du", "al", "al-", "el", "and", "&" };

    private static bool IsProperTag(Token t) => t.Tag is "NNP" or "NNPS";

    private static bool IsCapitalized(string w) => w.Length > 0 && char.IsUpper(w[0]);

    private static readonly HashSet<string> NameSuffixes = new(StringComparer.Ordinal) { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV" };

    /// <summary>Words that open a place's name and never a person's.</summary>
    private static readonly HashSet<string> PlacePrefixes = new(StringComparer.Ordinal)
        { "Fort", "Camp", "Mount", "Mt.", "Lake", "Cape", "Port", "Lac", "Bir", "Jebel", "Jabal", "Wadi", "Ras" };

    /// <summary>An Arabic article written in lower case before a capitalised name: "al-Qaida", "al-Shabaab", "el-Sisi".</summary>
    private static bool ParticleName(string w)
    {
        int dash = w.IndexOf('-');
        return dash is >= 1 and <= 3 && dash + 1 < w.Length && char.IsUpper(w[dash + 1]) && w[..dash].All(char.IsLower);
    }

    /// <summary>A line most of whose words are capitalised: a headline, where capitals say nothing about names.</summary>
    public static bool IsHeadline(Sentence s)
    {
        var words = s.Tokens.Where(t => char.IsLetter(t.Text[0])).ToList();
        if (words.Count < 3) return false;
        int caps = words.Count(t => char.IsUpper(t.Text[0]));
        return caps >= 0.6 * words.Count && s.Tokens[^1].Text is not ("." or "?" or "!" or "\"" or "\u201D");
    }

    public IReadOnlyList<PlacedMention> Find(Document doc, IReadOnlyList<Sentence> sentences, IReadOnlyList<NerSpan> ner)
    {
        var result = new List<PlacedMention>();
        var nerBySentence = ner.ToLookup(n => n.Sentence);
        var usedAgain = new UsedAgain(doc.Text, sentences);
        foreach (var s in sentences)
        {
            var words = s.Tokens.Select(t => t.Text).ToList();
            bool headline = IsHeadline(s);
            var candidates = new List<Candidate>();
            AddGazetteer(s, words, candidates);
            AddRuns(s, words, headline, candidates);
            if (!headline) AddUnits(s, words, candidates);
            foreach (var n in nerBySentence[s.Index])
            {
                // Capitals in a headline say nothing: a recognised span there must be a name the article uses again.
                if (headline && !usedAgain.Test(s, n.First, n.End)) continue;
                AddNer(s, words, n, candidates);
            }
            var settled = Settle(candidates);
            settled = Clean(s, words, settled, headline);
            foreach (var c in settled) result.Add(Place(doc, s, c));
            AddAnchoredDescriptions(doc, s, words, result);
        }
        AddSurnames(sentences, result);
        return result;
    }

    /// <summary>
    /// "Isiah Booker ... Booker was assigned to ...": once a person is named in full, the bare surname later in the article
    /// is that person even where the tagger or recogniser missed it (sentence-initial, tagged as a common noun).
    /// </summary>
    private static void AddSurnames(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        string SurnameOf(PlacedMention m)
        {
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            int last = m.EndToken - 1;
            if (NameSuffixes.Contains(tokens[last].Text) && last - 1 > m.FirstToken) last--; // "Keating" in "Charles H. Keating IV"
            return tokens[last].Text;
        }
        string FullOf(PlacedMention m) => m.Mention.Canonical ?? m.Mention.Text;
        var fullNames = result.Where(m => m.Mention.Type == EntityType.Person && m.EndToken - m.FirstToken >= 2).ToList();
        var firstSentence = new Dictionary<string, int>(StringComparer.Ordinal); // surname -> sentence of its first full name
        var people = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // surname -> full names bearing it
        foreach (var m in fullNames)
        {
            var surname = SurnameOf(m);
            if (surname.Length < 3 || !char.IsUpper(surname[0]) || !surname.Skip(1).All(char.IsLower)) continue;
            firstSentence[surname] = Math.Min(firstSentence.GetValueOrDefault(surname, int.MaxValue), m.Mention.SentenceIndex);
            if (!people.TryGetValue(surname, out var set)) people[surname] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(FullOf(m));
        }
        // two people with one surname ("Ash Carter", "Jimmy Carter"): a bare surname could be either; "Isiah Booker" and
        // "Isiah L. Booker" are one person
        var ambiguous = people.Where(p => p.Value.Any(a => p.Value.Any(b => a != b && !a.StartsWith(b.Split(' ')[0] + " ", StringComparison.Ordinal))))
            .Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var covered = new HashSet<(int, int)>();
        foreach (var m in result)
            for (int t = m.FirstToken; t < m.EndToken; t++) covered.Add((m.Mention.SentenceIndex, t));
        foreach (var s in sentences)
        {
            for (int t = 0; t < s.Tokens.Count; t++)
            {
                var w = s.Tokens[t].Text;
                if (!firstSentence.TryGetValue(w, out var from) || from > s.Index || covered.Contains((s.Index, t)) || ambiguous.Contains(w)) continue;
                // inside a longer capitalised run it is part of another name ("Booker Prize")
                bool Capital(int k) => k >= 0 && k < s.Tokens.Count && s.Tokens[k].Text.Length > 0 && char.IsUpper(s.Tokens[k].Text[0]);
                if (Capital(t + 1) || Capital(t - 1) && !covered.Contains((s.Index, t - 1))) continue;
                var tok = s.Tokens[t];
                result.Add(new PlacedMention(new Mention(tok.Span, w, s.Index, EntityType.Person, null, MentionKind.Name, "surname"), t, t + 1, null, null));
            }
        }
        result.Sort((a, b) => a.Mention.Span.Start != b.Mention.Span.Start ? a.Mention.Span.Start.CompareTo(b.Mention.Span.Start) : a.Mention.Span.End.CompareTo(b.Mention.Span.End));
    }

    private void AddGazetteer(Sentence s, List<string> words, List<Candidate> candidates)
    {
        var matches = _lex.Gazetteer.FindAll(words);
        foreach (var m in matches)
        {
            if (!IsCapitalized(words[m.Start]) && !ParticleName(words[m.Start])) continue;
            var hit = m.Best;
            if (m.Length == 1 && hit.Kind == MentionKind.Name && InsideLongerName(s, words, m, matches)) continue;
            // "Kirby", "El Paso", "Coach": a company's short name is an ordinary word or place far more often than the company
            if (hit.Kind == MentionKind.Name && hit.Entry.FineTypes.Contains("Company")
                && !string.Equals(NameKey.Fold(hit.Surface), NameKey.Fold(hit.Entry.Name), StringComparison.Ordinal)) continue;
            candidates.Add(new Candidate(s.Index, m.Start, m.End, hit.Entry.Type, hit.Entry.FineType, hit.Kind, "gazetteer",
                PriorityGazetteer, hit.Entry.Name));
        }
        // "French-led", "Russian-backed", "U.S.-funded": the part before the hyphen names a country.
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            int dash = w.IndexOf('-');
            if (dash <= 0 || !IsCapitalized(w)) continue;
            var hits = _lex.Gazetteer.Lookup(w[..dash]);
            if (hits.Count == 0) continue;
            // "ISIL-held", "Hamas-run": a known organisation before a participle of holding or leading
            bool org = hits[0].Entry.Type == EntityType.Organization && w[(dash + 1)..].ToLowerInvariant() is "held" or "controlled" or "led" or "run"
                or "occupied" or "backed" or "linked" or "affiliated" or "allied" or "aligned" or "inspired" or "sponsored" or "funded" or "supported";
            if (hits[0].Entry.Type != EntityType.Location && !org) continue;
            var t = s.Tokens[i];
            // below the naming rules: "an ISIL-held building" before a place noun names the place, not the group
            candidates.Add(new Candidate(s.Index, i, i + 1, hits[0].Entry.Type, hits[0].Entry.FineType, hits[0].Kind, "gazetteer",
                org ? PriorityKeyword - 6 : PriorityGazetteer, hits[0].Entry.Name, CharStart: t.Start, CharEnd: t.Start + dash));
        }
    }

    /// <summary>
    /// Whether a headline's name occurs again in the document. A name with a word the document has only once cannot;
    /// otherwise the text is searched up to its second occurrence, once per distinct name, so a long article with many
    /// headlines is not searched in full for each of them.
    /// </summary>
    private sealed class UsedAgain(string text, IReadOnlyList<Sentence> sentences)
    {
        private Dictionary<string, int>? _tokenCounts;
        private readonly Dictionary<string, bool> _known = new(StringComparer.Ordinal);

        public bool Test(Sentence s, int first, int end)
        {
            if (_tokenCounts is null)
            {
                _tokenCounts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var sentence in sentences)
                    foreach (var t in sentence.Tokens) _tokenCounts[t.Text] = _tokenCounts.GetValueOrDefault(t.Text) + 1;
            }
            for (int k = first; k < end; k++)
                if (_tokenCounts.GetValueOrDefault(s.Tokens[k].Text) < 2) return false;
            var value = text[s.Tokens[first].Start..s.Tokens[end - 1].End];
            if (_known.TryGetValue(value, out var again)) return again;
            int at = text.IndexOf(value, StringComparison.Ordinal);
            again = at >= 0 && text.IndexOf(value, at + value.Length, StringComparison.Ordinal) >= 0;
            return _known[value] = again;
        }
    }

    /// <summary>
    /// "Michael Jordan", "Chad Smith": a one-word place name next to another proper noun that is neither a known name,
    /// a title nor a name keyword is part of a longer name, which the recogniser or the naming rules judge.
    /// </summary>
    private bool InsideLongerName(Sentence s, List<string> words, GazetteerMatch m, IReadOnlyList<GazetteerMatch> matches)
    {
        bool Neighbour(int i) => i >= 0 && i < words.Count && s.Tokens[i].Tag is "NNP" or "NNPS" && IsCapitalized(words[i])
            && !matches.Any(x => x.Start <= i && i < x.End) && _lex.Titles.LongestMatchAt(words, i).Length == 0
            && _lex.OrgKeywords.Lookup(words[i]).Count == 0 && !DateWords.Contains(words[i]);
        return Neighbour(m.Start - 1) || Neighbour(m.End);
    }

    private void AddNer(Sentence s, List<string> words, NerSpan n, List<Candidate> candidates)
    {
        // "Landlocked Chad" taken for a person: a sentence-initial modifier before a country's name is not part of a name.
        if (n.First == 0 && n.End - n.First >= 2 && (s.Tokens[0].Tag is not ("NNP" or "NNPS") || n.Label == "PER" || n.End == 2)
            && _lex.Gazetteer.Lookup(string.Join(' ', words.Skip(1).Take(n.End - 1))) is { Count: > 0 } tail
            && tail[0].Entry.Type == EntityType.Location && _lex.Gazetteer.Lookup(string.Join(' ', words.Take(n.End))).Count == 0)
            n = n with { First = 1, Label = "LOC" };
        EntityType? type = n.Label switch
        {
            "PER" => EntityType.Person,
            "ORG" => EntityType.Organization,
            "LOC" => EntityType.Location,
            _ => null,
        };
        string? fine = null;
        int first = n.First, end = n.End;
        if (type is not null && Keyword(words, first, end) is { } head)
        {
            // the head keyword knows better than the recogniser: "Operation Desert Shield" is an operation
            type = head.Type;
            fine = head.Fine;
            // "Mission" + "in South Sudan": a keyword-headed name goes on through a connector and a proper noun
            while (type == EntityType.Organization && end + 1 < words.Count && Connectors.Contains(words[end]) && words[end] is not ("and" or "&") && IsRunToken(s.Tokens, end + 1))
            {
                end += 2;
                while (end < words.Count && IsRunToken(s.Tokens, end)) end++;
            }
        }
        if (type is null)
        {
            // MISC: keep named events ("Operation Desert Storm", "the Gulf War"); demonyms come from the gazetteer.
            var kw = Keyword(words, first, n.End);
            if (kw is null || kw.Value.Type != EntityType.Event) return;
            type = EntityType.Event;
            fine = kw.Value.Fine;
        }
        candidates.Add(new Candidate(s.Index, first, end, type.Value, fine, MentionKind.Name, "ner", PriorityNer));
    }

    /// <summary>Runs of proper nouns, joined by connectors when the whole is a keyword-headed name; titles split them.</summary>
    private void AddRuns(Sentence s, List<string> words, bool headline, List<Candidate> candidates)
    {
        var tokens = s.Tokens;
        int i = 0;
        while (i < tokens.Count)
        {
            if (!IsRunToken(tokens, i)) { i++; continue; }
            int start = i, end = i + 1;
            while (true)
            {
                if (end < tokens.Count && IsRunToken(tokens, end)) { end++; continue; }
                // a connector joins when a proper noun follows and the joined phrase has a keyword head
                if (end + 1 < tokens.Count && Connectors.Contains(tokens[end].Text) && IsRunToken(tokens, end + 1))
                {
                    int next = end + 1;
                    while (next < tokens.Count && IsRunToken(tokens, next)) next++;
                    if (Keyword(words, start, end) is not null || Keyword(words, start, next) is { Position: KeywordPosition.Prefix })
                    {
                        end = next;
                        continue;
                    }
                }
                break;
            }
            AddRun(s, words, start, end, headline, candidates);
            i = end;
        }
    }

    private bool IsRunToken(IReadOnlyList<Token> tokens, int i)
    {
        var t = tokens[i];
        if (!IsCapitalized(t.Text) || DateWords.Contains(t.Text)) return false;
        if (t.Tag is null) return i > 0;
        if (IsProperTag(t)) return true;
        // a capitalised common noun before a proper noun: "Islamic State", and sentence-initially only a name's
        // first keyword ("Operation Desert Shield")
        // "Combined Joint Task Force": a capitalised participle inside a sentence too
        return (t.Tag is "NN" or "NNS" or "JJ" || t.Tag == "VBN" && i > 0) && i + 1 < tokens.Count && (IsProperTag(tokens[i + 1]) || i > 0 && IsRunToken(tokens, i + 1))
               && (i > 0 || _lex.OrgKeywords.Lookup(t.Text, KeywordPosition.Prefix).Count > 0);
    }

    private void AddRun(Sentence s, List<string> words, int start, int end, bool headline, List<Candidate> candidates)
    {
        // Titles inside the run: "Russian President Vladimir Putin", "Maj. Gen. Ana Ruiz", "Mr. Okafor".
        for (int i = start; i < end; i++)
        {
            var (len, titles) = _lex.Titles.LongestMatchAt(words, i);
            if (len == 0 || !titles.Any(t => t.PrecedesNames && t.ImpliesPerson) || i + len >= end) continue;
            // a keyword name such as "Queen Mary University" is not a title: only when no name keyword follows
            if (Enumerable.Range(i + len, end - i - len).Any(k => _lex.OrgKeywords.Lookup(words[k]).Count > 0)) continue;
            if (i > start) AddRun(s, words, start, i, headline, candidates);
            var role = RoleOf(titles);
            candidates.Add(new Candidate(s.Index, i + len, end, EntityType.Person, null, MentionKind.Name, "rule", PriorityTitle, Role: role));
            return;
        }
        if (headline) return;
        var kw = Keyword(words, start, end);
        if (kw is null)
        {
            // "the Ras Kamboni territory", "Tibesti region": a name before a place noun is a place
            if (end < words.Count && char.IsLower(words[end][0]) && _lex.Descriptors.Lookup(words[end]) is { Count: > 0 } places
                && places[0].Type == EntityType.Location && (end + 1 >= words.Count || s.Tokens[end + 1].Tag is not ("NN" or "NNS")))
                candidates.Add(new Candidate(s.Index, start, end, EntityType.Location, places[0].FineTypes.FirstOrDefault(), MentionKind.Name, "rule", PriorityKeyword - 5));
            return;
        }
        candidates.Add(new Candidate(s.Index, start, end, kw.Value.Type, kw.Value.Fine, MentionKind.Name, "rule", PriorityKeyword));
    }

    /// <summary>Head nouns of numbered military units: "3rd Battalion", "507th Air Refueling Wing", "82nd Airborne".</summary>
    private static readonly HashSet<string> UnitNouns = new(StringComparer.Ordinal)
    {
        "Battalion", "Brigade", "Division", "Regiment", "Squadron", "Wing", "Group", "Fleet", "Corps", "Company", "Battery",
        "Troop", "Platoon", "Detachment", "Army", "Marines", "Infantry", "Cavalry", "Airborne", "Flotilla", "Command",
    };

    private static readonly HashSet<string> SpelledOrdinals = new(StringComparer.Ordinal)
    {
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth",
    };

    internal static bool IsNumericOrdinal(string w) =>
        w.Length > 2 && char.IsDigit(w[0]) && w[^2..].ToLowerInvariant() is "st" or "nd" or "rd" or "th" && w[..^2].All(char.IsDigit);

    private static bool IsCardinal(string w) => w.Length > 0 && w.Length <= 5 && w.All(char.IsDigit);

    /// <summary>
    /// Numbered units, whose number is what tells them apart: an ordinal before capitalised words ending in a unit noun
    /// ("3rd Battalion", "321st Field Artillery Regiment"), and a task force with its number after it ("Task Force 50",
    /// "CTF 150", "Task Force (CTF) 50", which is named by its acronym form "CTF 50").
    /// </summary>
    private void AddUnits(Sentence s, List<string> words, List<Candidate> candidates)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (!(IsNumericOrdinal(words[i]) || SpelledOrdinals.Contains(words[i]) && i + 1 < words.Count && IsCapitalized(words[i + 1])))
                continue;
            int last = -1;
            for (int j = i + 1; j < words.Count && j <= i + 5; j++)
            {
                if (!IsCapitalized(words[j]) || !words[j].All(char.IsLetter) || DateWords.Contains(words[j])) break;
                if (UnitNouns.Contains(words[j])) last = j;
            }
            if (last < 0) continue;
            // "the U.S. 5th Fleet", "Iraqi 9th Division": the country that owns the unit is part of its name
            int first = i;
            if (i > 0 && IsCapitalized(words[i - 1]) && _lex.Gazetteer.Lookup(words[i - 1]) is { Count: > 0 } owner
                && owner[0].Entry.Type == EntityType.Location && owner[0].Entry.FineTypes.Contains("Country")) first = i - 1;
            candidates.Add(new Candidate(s.Index, first, last + 1, EntityType.Organization, "ArmedForces", MentionKind.Name, "rule", PriorityKeyword + 2));
        }
        for (int i = 0; i < words.Count; i++)
        {
            int first = i, end;
            string? acronym = null;
            if (words[i] == "Task" && i + 1 < words.Count && words[i + 1] == "Force")
            {
                // "Combined Joint Task Force 7": capitalised modifiers before it belong to the name
                while (first > 0 && IsCapitalized(words[first - 1]) && words[first - 1].All(char.IsLetter) && s.Tokens[first - 1].Tag is "NNP" or "JJ" or "VBN"
                       && !(first - 1 == 0 && SentenceInitialFunctionWords.Contains(words[0])) && words[first - 1] != "The") first--;
                end = i + 2;
                if (end + 3 < words.Count && words[end] == "(" && NameKey.IsAcronymShape(words[end + 1]) && words[end + 2] == ")")
                {
                    acronym = words[end + 1];
                    end += 3;
                }
            }
            else if (words[i].Length is >= 2 and <= 5 && words[i].EndsWith("TF", StringComparison.Ordinal) && words[i].All(char.IsUpper)) end = i + 1;
            else continue;
            if (end >= words.Count || !IsCardinal(words[end]))
            {
                // "Task Force Tarawa", "Joint Task Force Bravo": a task force named by the proper nouns after it
                if (acronym is not null || words[i] != "Task") continue;
                int nameEnd = end;
                while (nameEnd < words.Count && nameEnd - end < 3 && IsProperTag(s.Tokens[nameEnd]) && IsCapitalized(words[nameEnd])
                       && words[nameEnd].All(char.IsLetter) && !DateWords.Contains(words[nameEnd])) nameEnd++;
                if (nameEnd - first > 2 || nameEnd > end)
                    candidates.Add(new Candidate(s.Index, first, nameEnd, EntityType.Organization, "ArmedForces", MentionKind.Name, "rule", PriorityKeyword + 2));
                i = nameEnd - 1;
                continue;
            }
            var canonical = acronym is null ? null : acronym + " " + words[end];
            candidates.Add(new Candidate(s.Index, first, end + 1, EntityType.Organization, "ArmedForces", MentionKind.Name, "rule", PriorityKeyword + 2, canonical));
            i = end;
        }
    }

    /// <summary>The type a name's head keyword gives it: last word ("Free Army Group") or first word ("Operation Desert Storm").</summary>
    private (EntityType Type, string? Fine, KeywordPosition Position)? Keyword(List<string> words, int start, int end)
    {
        if (end - start < 2) return null;
        for (int k = Math.Min(3, end - start - 1); k >= 1; k--)
        {
            var phrase = string.Join(' ', words.Skip(end - k).Take(k));
            var suffix = _lex.OrgKeywords.Lookup(phrase, KeywordPosition.Suffix);
            if (suffix.Count > 0) return (suffix[0].Type, suffix[0].FineType, KeywordPosition.Suffix);
        }
        for (int k = Math.Min(3, end - start - 1); k >= 1; k--)
        {
            var phrase = string.Join(' ', words.Skip(start).Take(k));
            var prefix = _lex.OrgKeywords.Lookup(phrase, KeywordPosition.Prefix);
            if (prefix.Count > 0) return (prefix[0].Type, prefix[0].FineType, KeywordPosition.Prefix);
        }
        return null;
    }

    /// <summary>Keeps non-overlapping candidates: longest first, then most trusted source, then one with a fine type.</summary>
    private static List<Candidate> Settle(List<Candidate> candidates)
    {
        var ordered = candidates
            .OrderByDescending(c => c.Length).ThenByDescending(c => c.Priority).ThenByDescending(c => c.FineType is not null)
            .ThenBy(c => c.First).ToList();
        var taken = new List<Candidate>();
        foreach (var c in ordered)
        {
            if (taken.Any(t => t.First < c.End && c.First < t.End)) continue;
            taken.Add(c);
        }
        taken.Sort((a, b) => a.First.CompareTo(b.First));
        return taken;
    }

    /// <summary>Trims titles and articles from the edges of a span and drops what is not a name.</summary>
    private List<Candidate> Clean(Sentence s, List<string> words, List<Candidate> candidates, bool headline)
    {
        var result = new List<Candidate>();
        foreach (var c0 in candidates)
        {
            var c = c0;
            if (c.CharStart < 0)
            {
                int first = c.First;
                string? role = c.Role;
                // "Near Mosul", "In Syria", "The Hague" in a span's first word: function words are not part of a name
                // (a unit's ordinal is part of its name whatever the tagger calls it: "5th/IN Special Forces Group")
                while (first < c.End - 1 && !IsNumericOrdinal(words[first]) && (words[first] is "The" or "the" || s.Tokens[first].Tag is "IN" or "RB" or "CC" or "TO" or "PRP$"
                       || first == 0 && SentenceInitialFunctionWords.Contains(words[first]))
                       && _lex.Gazetteer.Lookup(string.Join(' ', words.Skip(first).Take(c.End - first))).Count == 0) first++;
                if (c.Type == EntityType.Person)
                {
                    while (first < c.End)
                    {
                        var (len, titles) = _lex.Titles.LongestMatchAt(words, first);
                        if (len == 0 || first + len >= c.End || !titles.Any(t => t.PrecedesNames)) break;
                        role ??= RoleOf(titles);
                        first += len;
                    }
                }
                int end = c.End;
                // "Army Lt." in "Army Lt. Gen. Ana Ruiz": a rank that goes on past the span belongs to the person's name
                if (c.Type != EntityType.Person)
                    for (int k = first + 1; k < end; k++)
                    {
                        var (tlen, tentries) = _lex.Titles.LongestMatchAt(words, k);
                        // ... and so does a rank that ends the span: "Army Staff Sgt." before a name the span missed
                        if (tlen > 0 && k + tlen >= end && tentries.Any(t => t.PrecedesNames && t.ImpliesPerson)) { end = k; break; }
                    }
                // trailing possessives, punctuation and dates: "Raqqah, Dec." is Raqqah
                while (end > first && (words[end - 1] is "'s" or "\u2019s" or "'" or "\u2019" || DateWords.Contains(words[end - 1])
                    || words[end - 1].All(ch => !char.IsLetterOrDigit(ch)))) end--;
                if (end <= first) continue;
                c = c with { First = first, End = end, Role = role };
            }
            // "Charles H. Keating IV", "Martin Luther King Jr.": a generational suffix belongs to the person's name
            if (c.Type == EntityType.Person && c.CharStart < 0 && c.End < words.Count && NameSuffixes.Contains(words[c.End]))
                c = c with { End = c.End + 1 };
            // "Fort Campbell", "Camp Lejeune", "Mount Sinjar": a place word before a name makes the name a place
            if (c.Type == EntityType.Person && c.Length >= 2 && PlacePrefixes.Contains(words[c.First]))
                c = c with { Type = EntityType.Location, FineType = null, Role = null };
            var span = Enumerable.Range(c.First, c.End - c.First).Select(i => words[i]).ToList();
            if (IsOnlyTitles(words, c.First, c.End)) continue; // "Brig. Gen.", "Spc." with no name after them
            if (span.Count == 1 && NameSuffixes.Contains(span[0])) continue; // "III" after a name is part of it
            if (!span.Any(w => (IsCapitalized(w) || ParticleName(w)) && w.Any(char.IsLetter))) continue;
            if (span.All(w => DateWords.Contains(w) || !w.Any(char.IsLetter))) continue;
            if (span.Count == 1 && span[0].TrimEnd('.').Length == 1) continue; // a lone letter: "X", an initial
            if (c.Source == "ner" && headline && c.Length == 1 && _lex.Gazetteer.Lookup(span[0]).Count == 0) continue;
            result.Add(c);
        }
        return result;
    }

    /// <summary>Courtesy titles ("Mr.", "Ms.", "Sir") say someone is a person, not what they do: no role.</summary>
    private static string? RoleOf(IReadOnlyList<TitleEntry> titles)
    {
        var role = titles.First(t => t.PrecedesNames).Role;
        return role is "mister" or "missus" or "ms" or "miss" or "sir" or "madam" or "mister." ? null : role;
    }

    private bool IsOnlyTitles(List<string> words, int first, int end)
    {
        for (int i = first; i < end;)
        {
            var (len, titles) = _lex.Titles.LongestMatchAt(words, i);
            if (len == 0 || titles.Count == 0 || i + len > end)
            {
                // an abbreviation-like rank without its period ("Spc") also counts
                if (_lex.Titles.Lookup(words[i] + ".").Count > 0) { i++; continue; }
                return false;
            }
            i += len;
        }
        return true;
    }

    private static PlacedMention Place(Document doc, Sentence s, Candidate c)
    {
        int start = c.CharStart >= 0 ? c.CharStart : s.Tokens[c.First].Start;
        int end = c.CharEnd >= 0 ? c.CharEnd : s.Tokens[c.End - 1].End;
        var mention = new Mention(new TextSpan(start, end), doc.Text[start..end], s.Index, c.Type, c.FineType, c.Kind, c.Source, c.Canonical);
        return new PlacedMention(mention, c.First, c.End, c.Role, null);
    }

    /// <summary>
    /// "Chad's army", "the Chadian government", "Chadian soldiers": a country (by name with a possessive, or by demonym)
    /// before a government or armed-forces head noun is that country's government or armed forces. The country
    /// mention is replaced by the whole phrase, which remembers its country for a NATIONALITY edge.
    /// </summary>
    private void AddAnchoredDescriptions(Document doc, Sentence s, List<string> words, List<PlacedMention> mentions)
    {
        for (int k = mentions.Count - 1; k >= 0 && mentions[k].Mention.SentenceIndex == s.Index; k--)
        {
            var m = mentions[k];
            if (m.Mention.Type != EntityType.Location || m.Mention.FineType != "Country" || m.Mention.Canonical is null) continue;
            if (m.Mention.Span.End != s.Tokens[m.EndToken - 1].End) continue; // "French-led": a prefix, not a possessor
            int i = m.EndToken;
            if (m.Mention.Kind != MentionKind.Demonym)
            {
                if (i >= words.Count || words[i] is not ("'s" or "\u2019s")) continue;
                i++;
            }
            // skip adjectives: "Chad's own defense forces", "the Chadian armed forces"
            int headStart = i;
            while (headStart < words.Count && s.Tokens[headStart].Tag is "JJ" or "VBN" && _lex.Descriptors.LongestMatchAt(words, headStart).Length == 0) headStart++;
            if (headStart >= words.Count) continue;
            var (len, entries) = _lex.Descriptors.LongestMatchAt(words, headStart);
            if (len == 0) continue;
            int headEnd = headStart + len;
            // the head must end the noun phrase: "Chadian army officers" is about officers
            if (headEnd < words.Count && s.Tokens[headEnd].Tag is "NN" or "NNS" or "NNP" or "NNPS") continue;
            string? fine = entries.SelectMany(e => e.FineTypes).FirstOrDefault(f => f is "Government" or "ArmedForces");
            if (fine is null) continue;
            var country = m.Mention.Canonical;
            var canonical = fine == "Government" ? $"Government of {country}" : $"Armed Forces of {country}";
            int start = m.Mention.Span.Start, end = s.Tokens[headEnd - 1].End;
            var mention = new Mention(new TextSpan(start, end), doc.Text[start..end], s.Index, EntityType.Organization, fine,
                MentionKind.Descriptor, "rule", canonical);
            mentions[k] = new PlacedMention(mention, m.FirstToken, headEnd, null, country);
        }
    }
}
