using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>A mention placed on tokens, with what the finder learnt about it.</summary>
/// <param name="AnchorCountry">The country an anchored description belongs to ("Peruvian police" -> Peru): a NATIONALITY edge.</param>
/// <param name="Agent">The CAMEO agent code of a generic actor ("police" -> COP), with its country or place the actor's identity.</param>
/// <param name="AnchorPlace">The place a generic actor is in when the text gives a place, not a country ("police in Lima"): LOCATED_IN.</param>
/// <param name="Anchor">The mention of the country or place the actor was anchored on, swallowed into the phrase or beside it.</param>
/// <param name="Phrase">The whole phrase as written when the mention covers only its head ("police in Lima" for "police"): an alias.</param>
/// <param name="DocumentScoped">A generic actor the text gives no country or place ("protesters clashed with police"):
/// it is an actor of this document only, never merged with another article's, and kept only when it takes part in a relationship.</param>
/// <param name="TypedByConstruction">The words around this mention changed the type the recogniser gave it ("a visit to Harkness",
/// "in Tessin and Kavra"): the entity clusterer lets that decision hold for every mention of the name in the article.</param>
public sealed record PlacedMention(Mention Mention, int FirstToken, int EndToken, string? Role, string? AnchorCountry,
    string? Agent = null, string? AnchorPlace = null, Mention? Anchor = null, string? Phrase = null, bool DocumentScoped = false,
    string? Within = null, string? UsState = null, bool TypedByConstruction = false);

/// <summary>
/// Finds named mentions in tagged sentences by combining three sources, most trusted first: the gazetteer
/// (countries, demonyms, capitals, international organisations, armed groups, governments), naming rules over
/// proper-noun runs (head keywords such as "Group", "Mission", "Operation"; titles such as "President", "Gen."),
/// and the statistical recogniser. Overlaps are settled longest span first, then by source trust. It also builds the
/// country-anchored descriptions "Chad's army", "the Chadian government" into entities of their own
/// ("Armed Forces of Chad", "Government of Chad").
/// </summary>
public sealed partial class MentionFinder
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

    /// <summary>One capital, then lower case only, two letters or more: "Defense", "Thomas" (not "NASA", "McCool").</summary>
    internal static bool IsTitleCase(string w)
    {
        if (w.Length < 2 || !char.IsUpper(w[0])) return false;
        for (int i = 1; i < w.Length; i++) if (!char.IsLower(w[i])) return false;
        return true;
    }

    /// <summary>The U.S. state a word names, written whole, as the AP abbreviates it or as its postal code ("Vermont",
    /// "Vt.", "VT" -> Vermont), or null.</summary>
    private string? UsStateOf(string w) =>
        _lex.UsStates.Contains(w) ? w : _lex.UsStateAbbreviations.TryGetValue(w, out var a) ? a : _lex.UsStatePostalCodes.TryGetValue(w, out var p) ? p : null;

    /// <summary>Whether the candidate's words are a U.S. state's name or its abbreviation ("Rhode Island", "Ariz.").</summary>
    private bool IsUsState(List<string> words, Candidate c)
    {
        var name = WordRun.Join(words, c.First, c.Length);
        return _lex.UsStates.Contains(name) || _lex.UsStateAbbreviations.ContainsKey(name);
    }

    private static readonly HashSet<string> NameSuffixes = new(StringComparer.Ordinal) { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV" };

    /// <summary>Words that open a place's name and never a person's.</summary>
    internal static readonly HashSet<string> PlacePrefixes = new(StringComparer.Ordinal)
        { "Fort", "Camp", "Mount", "Mt.", "Lake", "Cape", "Port", "Lac", "Bir", "Jebel", "Jabal", "Wadi", "Ras", "Upper", "Lower" };

    /// <summary>An Arabic article written in lower case before a capitalised name: "al-Qaida", "al-Shabaab", "el-Sisi".</summary>
    private static bool ParticleName(string w)
    {
        int dash = w.IndexOf('-');
        return dash is >= 1 and <= 3 && dash + 1 < w.Length && char.IsUpper(w[dash + 1]) && w[..dash].All(char.IsLower);
    }

    /// <summary>A line most of whose words are capitalised: a headline, where capitals say nothing about names.</summary>
    public static bool IsHeadline(Sentence s)
    {
        // the words (tokens opening with a letter) and how many of them open with a capital, counted in one loop
        int wordCount = 0, caps = 0;
        for (int i = 0; i < s.Tokens.Count; i++)
            if (char.IsLetter(s.Tokens[i].Text[0]))
            {
                wordCount++;
                if (char.IsUpper(s.Tokens[i].Text[0])) caps++;
            }
        if (wordCount < 2) return false;
        // a heading of two words ("Joint Training", "Kenya Update"): every word capitalised
        if (wordCount == 2 && caps < 2) return false;
        // (a sentence may end in an abbreviation that carries its full stop: "... in Lenexa, Kan.")
        // (a line ending in a degree, "Orla Venn, Ph.D.", ends in its full stop like a sentence: a name line, no headline)
        return caps >= 0.6 * wordCount && s.Tokens[^1].Text is not ("." or "?" or "!" or "\"" or "\u201D") && !Tokenization.Tokenizer.IsDottedAbbreviation(s.Tokens[^1].Text)
               && !(s.Tokens.Count >= 8 && s.Tokens[^1].Text.Length > 1 && s.Tokens[^1].Text.EndsWith('.') && char.IsLetter(s.Tokens[^1].Text[0]));
    }

    public IReadOnlyList<PlacedMention> Find(Document doc, IReadOnlyList<Sentence> sentences, IReadOnlyList<NerSpan> ner)
    {
        var result = new List<PlacedMention>();
        var vehicles = new HashSet<string>(StringComparer.Ordinal);
        var ownedVessels = new Dictionary<string, string>(StringComparer.Ordinal);
        var events = new HashSet<string>(StringComparer.Ordinal); // names the text introduces as exercises or operations
        var exercises = new HashSet<string>(StringComparer.Ordinal); // of those, the ones named after the word "exercise" itself
        var documents = new HashSet<string>(StringComparer.Ordinal); // acronyms of documents' and programmes' names
        var kinds = new HashSet<string>(StringComparer.Ordinal); // keyword names the text introduces with "a": kinds of body
        var titled = new HashSet<string>(StringComparer.Ordinal); // group names the text gives a person by a title ("leader Abu Karim")
        var speakers = new HashSet<string>(StringComparer.Ordinal); // surnames of the speakers a transcript's labels name ("NORA VALE, HOST:")
        var nerBySentence = ner.ToLookup(n => n.Sentence);
        var usedAgain = new UsedAgain(doc.Text, sentences);
        // ethnic names the text introduces as such ("ethnic Zorvani", "the Zorvani tribe"): that name is a community everywhere
        var ethnic = Communities.EthnicNames(sentences, _lex, kinOnly: true);
        // peoples the text names before "refugees" ("Velani refugees"): a community where the recogniser read a person
        var displaced = Communities.DisplacedPeoples(sentences, _lex);
        var peoples = displaced.Count > 0 ? ethnic.Union(displaced).ToHashSet(StringComparer.Ordinal) : ethnic;
        // acronyms the article writes only before a lower-case common noun ("the GPS units"): kinds of thing, no body's name
        var modifiers = AcronymsOnlyModifying(sentences);
        // the initials of the compound titles the article writes in full ("Deputy Prime Minister" -> DPM)
        var titleInitials = TitleInitials(sentences, out var definedTitles);
        var surnamesInCapitals = titleInitials.Count > 0 ? SurnamesInCapitals(sentences) : null;
        // titles of works ("a hearing, entitled 'Kessa Bay Crisis: Next Steps'", "a factsheet on Attacks on Fishing Crews"): the
        // names inside one are no actors unless the article writes them outside a title too (title39)
        var workTitles = new Dictionary<int, List<(int First, int End)>>();
        foreach (var s in sentences)
            if (s.Tokens.Any(t => WorkNouns.Contains(t.Text) || t.Text == "fact" || _lex.DocumentHeads.Contains(t.Text)) && WorkTitles(s, s.Tokens.Select(t => t.Text).ToList()) is { Count: > 0 } found)
                workTitles[s.Index] = found;
        var outsideTitles = workTitles.Count > 0 ? new WordsOutsideTitles(sentences, workTitles) : null;
        foreach (var s in sentences)
        {
            var words = s.Tokens.Select(t => t.Text).ToList();
            bool headline = IsHeadline(s);
            var candidates = new List<Candidate>();
            AddGazetteer(s, words, candidates);
            AddDateline(s, words, candidates);
            AddRuns(s, words, headline, nerBySentence[s.Index], candidates);
            if (!headline) AddUnits(s, words, candidates);
            foreach (var n in nerBySentence[s.Index])
            {
                // Capitals in a headline say nothing: a recognised span there must be a name the article uses again.
                if (headline && !usedAgain.Test(s, n.First, n.End)) continue;
                AddNer(s, words, n, candidates);
            }
            if (!headline) AddBareAcronyms(s, words, nerBySentence[s.Index], modifiers, candidates);
            AddOfficeHolders(s, words, candidates);
            if (!headline) AddTitledPeople(s, words, candidates);
            if (titleInitials.Count > 0) AddPeopleAfterTitleInitials(s, words, headline, titleInitials, surnamesInCapitals!, definedTitles, candidates);
            if (!headline) AddNicknamedPeople(s, words, candidates);
            if (!headline) AddForcesNamedAfterTheirKind(s, words, candidates);
            AddSpeakerLabel(doc.Text, s, words, speakers, candidates);
            // "the Maruki tribe attacked": an ethnic name the text introduces is a community's name, found or not by the recogniser
            for (int i = 0; i < words.Count; i++)
                if (ethnic.Contains(words[i]))
                    candidates.Add(new Candidate(s.Index, i, i + 1, EntityType.Organization, Communities.Label, MentionKind.Name, "rule", PriorityNer - 2, Communities.EthnicCanonical(s.Tokens[i], ethnic)));
            // "Shiites demonstrated": a run of faith words ending in a plural noun (IsFaith below decides what it is)
            for (int i = 0; i < words.Count; i++)
            {
                int j = i;
                while (j < words.Count && j - i < 3 && Communities.IsFaithWord(_lex, words[j])) j++;
                if (j > i && words[j - 1].EndsWith('s'))
                    candidates.Add(new Candidate(s.Index, i, j, EntityType.Organization, Communities.Label, MentionKind.Name, "rule", PriorityNer - 2));
                i = Math.Max(i, j - 1);
            }
            KeepCoordinatedPlaceNamesWhole(words, candidates);
            var settled = Settle(candidates);
            settled = Clean(s, words, settled, headline, vehicles, ownedVessels, events, exercises, documents, kinds, ethnic, displaced, peoples, titled);
            if (workTitles.TryGetValue(s.Index, out var inTitles))
                settled.RemoveAll(c => inTitles.Any(r => c.First >= r.First && c.End <= r.End) && !outsideTitles!.Contains(words, c.First, c.End));
            DropDatesAndNumberedDesignations(s, words, settled);
            SplitTwoBodiesAtAnd(words, settled);
            JoinHyphenatedNames(s, words, settled);
            DropNamesInBracketsAfterPeople(words, settled);
            NumberAgreements(s, words, settled);
            TypeAcronymsLikeTheirNames(words, settled);
            DropPiecesOfSpelledOutAcronyms(words, settled);
            JoinBodiesNamedForFields(words, settled);
            if (!headline) JoinModifiersCoordinatedBeforeOneHead(words, settled);
            JoinFieldsListedAfterOf(s, words, settled);
            JoinHeadsToTheirOfPhrase(words, settled);
            if (!headline) JoinHeadsToTheirFieldAfterOnOrFor(words, settled);
            if (!headline) JoinFieldListsToTheirPluralHead(words, settled);
            JoinSlashCompounds(s, words, settled);
            if (!headline) SplitPluralHeadsOverTwoModifiers(words, settled);
            JoinAreasOfCommands(words, settled);
            ShareFeatureHeads(words, settled);
            RetypeListsOfPlaces(s, words, settled);
            RetypePlacesBeforeTheirRegion(words, settled);
            RetypeTownsBeforeTheirState(words, settled);
            AddTownsBeforeTheirState(s, words, settled);
            NameAlliancesByTheirKind(s, words, settled);
            JoinParticleNames(words, settled);
            RoleFromTitleBefore(words, settled);
            TrimJoiningWords(words, settled);
            foreach (var c in settled) result.Add(Place(doc, s, c));
            AddAnchoredDescriptions(doc, s, words, result);
        }
        // a vessel named once as such ("the tanker Horten") is the same vessel when named alone later
        for (int k = 0; k < result.Count; k++)
            if (result[k].Mention.Type != EntityType.Vehicle && vehicles.Contains(result[k].Mention.Text) && result[k].Mention.Kind is MentionKind.Name or MentionKind.Acronym)
                result[k] = result[k] with { Mention = result[k].Mention with { Type = EntityType.Vehicle, FineType = null, Canonical = result[k].Mention.Text }, Role = null };
            // ... and so is the body's name with the vessel's name, the kind left out ("the Harbor Guard Cutter Selby ... the Harbor
            // Guard Selby")
            else if (result[k].Mention.Type != EntityType.Vehicle && result[k].Mention.Kind is MentionKind.Name && ownedVessels.TryGetValue(result[k].Mention.Text, out var owned))
                result[k] = result[k] with { Mention = result[k].Mention with { Type = EntityType.Vehicle, FineType = null, Canonical = owned }, Role = null };
        // "the Brelcombe Star, a chartered tanker ... the Star was freed": the last word of a vessel's name of two or three words,
        // written alone after "the" in the same article, is that vessel (a person's surname takes no article); not a word the
        // gazetteer knows as a place or a name keyword ("the Bay"), nor one that more than one vessel's name ends in
        var byLast = vehicles.Select(v => v.Split(' ')).Where(v => v.Length is 2 or 3).GroupBy(v => v[^1], StringComparer.Ordinal)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => string.Join(' ', g.First()), StringComparer.Ordinal);
        for (int k = 0; byLast.Count > 0 && k < result.Count; k++)
        {
            var m = result[k].Mention;
            if (m.Type == EntityType.Vehicle || m.Kind is not MentionKind.Name || m.Text.Contains(' ') || !byLast.TryGetValue(m.Text, out var whole)
                || result[k].FirstToken < 1 || sentences[m.SentenceIndex].Tokens[result[k].FirstToken - 1].Text is not ("the" or "The") || IsKnownPlace(m.Text)
                || _lex.OrgKeywords.Lookup(m.Text).Count > 0) continue;
            result[k] = result[k] with { Mention = m with { Type = EntityType.Vehicle, FineType = null, Canonical = whole }, Role = null };
        }
        // "the Lunar Gateway Space Station ... the LGSS": an acronym that spells the name of a craft the article names is that craft
        var spelled = vehicles.Where(v => v.Contains(' ')).Select(v => (Name: v, Words: v.Split(' '))).ToList();
        for (int k = 0; spelled.Count > 0 && k < result.Count; k++)
        {
            var m = result[k].Mention;
            if (m.Type == EntityType.Vehicle || m.Kind is not (MentionKind.Name or MentionKind.Acronym) || !NameKey.IsAcronymShape(m.Text) || m.Source == "gazetteer") continue;
            if (spelled.FirstOrDefault(v => EntityClusterer.IsAcronymOf(m.Text, v.Words)) is { Name: { } craft })
                result[k] = result[k] with { Mention = m with { Type = EntityType.Vehicle, FineType = null, Canonical = craft }, Role = null };
        }
        // "the carrier USS Gerald R. Ford ... Gerald R. Ford is visiting": the vessel's whole name written again is the vessel,
        // whatever pieces the recogniser made of it (one pass over the tokens, names indexed by their first word)
        var byFirst = vehicles.Where(v => v.Contains(' ')).Select(v => v.Split(' ')).ToLookup(v => v[0], StringComparer.Ordinal);
        if (byFirst.Count > 0)
        {
            var found = new Dictionary<int, List<(int First, int End)>>(); // sentence -> whole names written there
            foreach (var s in sentences)
                for (int t = 0; t < s.Tokens.Count; t++)
                    foreach (var name in byFirst[s.Tokens[t].Text])
                    {
                        if (t + name.Length > s.Tokens.Count || !name.Select((w, k) => s.Tokens[t + k].Text == w).All(x => x)) continue;
                        if (!found.TryGetValue(s.Index, out var list)) found[s.Index] = list = new List<(int, int)>();
                        list.Add((t, t + name.Length));
                        t += name.Length - 1;
                        break;
                    }
            // one pass over the mentions: a vehicle mention over a found name keeps it, anything else overlapping one goes
            var kept = new HashSet<(int, int)>();
            result.RemoveAll(m =>
            {
                if (!found.TryGetValue(m.Mention.SentenceIndex, out var here)) return false;
                foreach (var (f, e) in here)
                {
                    if (m.FirstToken >= e || f >= m.EndToken) continue;
                    if (m.Mention.Type == EntityType.Vehicle && m.FirstToken <= f && e <= m.EndToken) { kept.Add((m.Mention.SentenceIndex, f)); return false; }
                    return true;
                }
                return false;
            });
            foreach (var (sentence, here) in found)
                foreach (var (f, e) in here)
                {
                    if (kept.Contains((sentence, f))) continue;
                    var tokens = sentences[sentence].Tokens;
                    var span = new TextSpan(tokens[f].Start, tokens[e - 1].End);
                    result.Add(new PlacedMention(new Mention(span, doc.Text[span.Start..span.End], sentence, EntityType.Vehicle, null, MentionKind.Name, "rule",
                        string.Join(' ', tokens.Skip(f).Take(e - f).Select(x => x.Text))), f, e, null, null));
                }
        }
        // "exercise Forest Light ... Forest Light is a semi-annual exercise": a name the text once introduced as an exercise
        // or operation is that event wherever else the article uses it
        for (int k = 0; k < result.Count; k++)
            if ((result[k].Mention.Type is not (EntityType.Event or EntityType.Vehicle) || result[k].Mention.FineType == "Agreement" && exercises.Contains(result[k].Mention.Text))
                && result[k].Mention.Kind == MentionKind.Name && events.Contains(result[k].Mention.Text)
                && result[k].Mention.Source != "gazetteer")
                result[k] = result[k] with { Mention = result[k].Mention with { Type = EntityType.Event, FineType = null }, Role = null };
        for (int k = 0; titled.Count > 0 && k < result.Count; k++)
            if (result[k].Mention.Type == EntityType.Organization && result[k].Mention.Source is "gazetteer" or "ner" && titled.Contains(result[k].Mention.Text))
                result[k] = result[k] with { Mention = result[k].Mention with { Type = EntityType.Person, FineType = null, Canonical = null } };
        for (int k = 0; kinds.Count > 0 && k < result.Count; k++)
            if (result[k].Mention.Type == EntityType.Organization && result[k].Mention.FineType is not null && kinds.Contains(result[k].Mention.Text))
                result[k] = result[k] with { Mention = result[k].Mention with { FineType = null } };
        DropAcronymsOfDescriptions(sentences, result);
        JoinLongFormsTheirAcronymsSpell(doc, sentences, result);
        ReadAcronymsByTheArticlesNames(doc, sentences, result);
        DropCommonWordsCapitalisedOnlyToOpen(sentences, result);
        DropNumberedHeadingWords(sentences, result);
        // (the type each recogniser's mention had before the constructions read it: an actor or place they retype as a person,
        // a place or an event is marked, so the clusterer gives that type to the name's every mention, "a visit to Harkness ...
        // Harkness welcomed her"; a vessel, and a name made a body, keep the vote of their mentions: "the cutter Alert ... the Alert")
        var before = new Dictionary<(int, int, int), EntityType>();
        foreach (var m in result)
            if (m.Mention.Source == "ner" && m.Mention.Kind == MentionKind.Name) before.TryAdd((m.Mention.SentenceIndex, m.FirstToken, m.EndToken), m.Mention.Type);
        NamedByConstruction.Apply(sentences, result, _lex);
        DropCoordinatedBodies(sentences, result);
        ReadStatesNamedLikeCountries(sentences, result);
        PlaceCapitalsNamedAbroad(sentences, result);
        TypeListsOfPlaces(sentences, result);
        for (int k = 0; k < result.Count; k++)
            if (result[k].Mention is { Source: "ner", Type: EntityType.Person or EntityType.Location or EntityType.Event } now
                && before.TryGetValue((now.SentenceIndex, result[k].FirstToken, result[k].EndToken), out var was)
                && was is EntityType.Person or EntityType.Organization or EntityType.Location && was != now.Type)
                result[k] = result[k] with { TypedByConstruction = true };
        TypeBareAcronymsLikeTheirNames(sentences, result);
        CutVerbsFromSurnames(doc, sentences, result);
        AddSurnames(sentences, result);
        UnifyAgents(sentences, result);
        DropNamesOpenedByFunctionWords(doc, sentences, result);
        return result;
    }

    /// <summary>
    /// "the Harbour Warden of Tessby said", "the Chair for Coastal Affairs spoke", "the Council's and the Court's consent": a
    /// name never opens with a preposition, a conjunction or a possessive ending written in lower case; a mention that does
    /// ("of Tessby", "for Coastal Affairs", "and Peace", "'s") is the tail of an office's or a body's name whose head was
    /// taken off, no name of its own. A surname's particle ("de", "van", "bin", "al-") opens names and stays. When such a
    /// tail read as a person ends in a person's name ("the Envoy of the Council for Tessby Anke Morel visited"), the mention
    /// is that name, not nothing (<see cref="PersonAtTheEnd"/>). Linear in the mentions.
    /// </summary>
    private void DropNamesOpenedByFunctionWords(Document doc, IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        HashSet<string>? persons = null, surnames = null;
        bool any = false;
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (!OpensWithFunctionWord(sentences, m)) continue;
            any = true;
            if (m.Mention.Type != EntityType.Person) continue;
            // (every person's name the article writes, and its last word, the surname: "Mr. Brell" names "Tomas Brell")
            if (persons is null)
            {
                persons = result.Where(p => p.Mention is { Type: EntityType.Person, Kind: MentionKind.Name } && !OpensWithFunctionWord(sentences, p))
                    .Select(p => p.Mention.Text).ToHashSet(StringComparer.Ordinal);
                surnames = persons.Select(name => name.Split(' ')[^1]).ToHashSet(StringComparer.Ordinal);
            }
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            if (PersonAtTheEnd(tokens, m, persons, surnames!) is not int from) continue;
            var span = new TextSpan(tokens[from].Start, tokens[m.EndToken - 1].End);
            result[k] = m with { FirstToken = from, Mention = m.Mention with { Span = span, Text = doc.Text[span.Start..span.End], Canonical = null } };
        }
        if (any) result.RemoveAll(m => OpensWithFunctionWord(sentences, m));
    }

    /// <summary>Whether a name mention (not the gazetteer's) opens with a lower-case preposition, conjunction or possessive
    /// ending that is no surname's particle (<see cref="DropNamesOpenedByFunctionWords"/>).</summary>
    private static bool OpensWithFunctionWord(IReadOnlyList<Sentence> sentences, PlacedMention m)
    {
        if (m.Mention.Kind != MentionKind.Name || m.Mention.Source == "gazetteer" || m.EndToken <= m.FirstToken) return false;
        var first = sentences[m.Mention.SentenceIndex].Tokens[m.FirstToken];
        var w = first.Text;
        if (w.Length == 0 || !char.IsLower(w[0]) && w[0] is not ('\'' or '\u2019')) return false;
        if (EntityClusterer.IsNameParticle(w) || RomanceParticles.Contains(w) || ParticleName(w)) return false;
        return first.Tag is "IN" or "CC" or "TO" or "POS" || w is "'s" or "\u2019s";
    }

    /// <summary>The first token of a person's name closing a tail read as a person: the longest run of capitalised words
    /// closing the mention (after its first word, two or three words) that the article writes as a person elsewhere, that
    /// opens with a given name of the lexicon, or of two words whose last the article writes as a person's surname ("for
    /// Tessby Anke Morel ... Mr. Morel" -> "Anke Morel"); null when there is none.</summary>
    private int? PersonAtTheEnd(IReadOnlyList<Token> tokens, PlacedMention m, HashSet<string> persons, HashSet<string> surnames)
    {
        for (int j = Math.Max(m.FirstToken + 1, m.EndToken - 3); j <= m.EndToken - 2; j++)
        {
            if (!Enumerable.Range(j, m.EndToken - j).All(x => IsCapitalized(tokens[x].Text))) continue;
            if (_lex.GivenNames.Contains(tokens[j].Text) || persons.Contains(string.Join(' ', Enumerable.Range(j, m.EndToken - j).Select(x => tokens[x].Text)))
                || m.EndToken - j == 2 && surnames.Contains(tokens[m.EndToken - 1].Text))
                return j;
        }
        return null;
    }

    /// <summary>
    /// "The Coastal Patrol Fund (CPF) met in May ... CPF crews": an acronym the gazetteer knows as another body ("CPF" of a
    /// distant armed group) is the name the article writes whose initials it spells, when the article never writes the
    /// gazetteer's name; a lexicon's reading of a few letters needs the article's agreement. Distinct names indexed by their
    /// first letter, and each distinct acronym matched against them and looked for in the text once per article: the cost
    /// grows with the article's length times the number of distinct acronyms the gazetteer knows (at most a few hundred),
    /// not with the square of its length.
    /// </summary>
    private void ReadAcronymsByTheArticlesNames(Document doc, IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        ILookup<char, PlacedMention>? byInitial = null;
        HashSet<(int Sentence, int Token)>? persons = null;
        var written = new Dictionary<string, bool>(StringComparer.Ordinal);
        HashSet<string>? spellings = null;
        var spelledByName = new Dictionary<string, PlacedMention?>(StringComparer.Ordinal);
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k].Mention;
            // (three letters or more: two letters spell too many pairs of words by chance)
            if (m.Source != "gazetteer" || m.Kind != MentionKind.Acronym || m.Canonical is not { } entry || m.Type != EntityType.Organization
                || m.Text.Count(char.IsLetter) < 3) continue;
            if (!written.TryGetValue(entry, out var named)) written[entry] = named = doc.Text.Contains(entry, StringComparison.OrdinalIgnoreCase);
            if (named) continue;
            // (the first mention of each distinct name: the same text gives the same answer; acronym mentions, which this loop
            // rewrites, are no names, so the index stays valid)
            byInitial ??= result.Where(x => x.Mention.Kind == MentionKind.Name && x.Mention.Source != "gazetteer" && x.Mention.Text.Contains(' '))
                .DistinctBy(x => x.Mention.Text, StringComparer.Ordinal).ToLookup(x => char.ToUpperInvariant(x.Mention.Text[0]));
            // (a plural written with a lower-case s: "CPFs")
            var words = m.Text.Length > 2 && m.Text[^1] == 's' ? m.Text[..^1] : m.Text;
            if (!spelledByName.TryGetValue(words, out var spelled))
                spelledByName[words] = spelled = byInitial[char.ToUpperInvariant(m.Text[0])]
                    .FirstOrDefault(x => EntityClusterer.IsAcronymOf(words, NameKey.Words(x.Mention.Text).ToArray()));
            // the name may be one no recogniser found ("Harbor Rescue Team" opening a sentence): capitalised words whose
            // initials spell it, minor words between them, in a sentence of the body (not a headline, where every word is
            // capitalised: "Lawmakers Reject Aid Bill"), none of them a person's name or a title ("Lieutenant Robert Anderson")
            if (spelled is null)
            {
                persons ??= result.Where(x => x.Mention.Type == EntityType.Person)
                    .SelectMany(x => Enumerable.Range(x.FirstToken, x.EndToken - x.FirstToken).Select(t => (x.Mention.SentenceIndex, t))).ToHashSet();
                // (runs as long as the article's longest acronym: every acronym's spelling is among them)
                spellings ??= Spellings(sentences, persons, result.Where(x => x.Mention.Kind == MentionKind.Acronym).Max(x => x.Mention.Text.Count(char.IsLetter)));
                var letters = new string(words.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());
                if (letters.Length < 3 || !spellings.Contains(letters)) continue;
            }
            result[k] = result[k] with { Mention = m with { Type = spelled?.Mention.Type ?? m.Type, FineType = spelled?.Mention.FineType, Canonical = null, Source = "rule" }, Role = null };
        }
    }

    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal) { "of", "the", "and", "for", "on", "in" };

    /// <summary>Whether a word can spell a letter of an acronym: two characters or more, letters (and apostrophes or hyphens)
    /// only, no title and no part of a person's name.</summary>
    private bool SpellingWord(string w, int sentence, int token, HashSet<(int, int)> persons) =>
        w.Length >= 2 && w.All(c => char.IsLetter(c) || c is '\'' or '’' or '-') && !persons.Contains((sentence, token)) && _lex.Titles.Lookup(w).Count == 0;

    /// <summary>Every run of initials, three to <paramref name="maxLength"/> long, that the sentences that are no headline
    /// write with spelling words ("Coastal Patrol Fund": "CPF"), minor words ("of", "the", "and", "for", "on", "in") between
    /// them allowed, none of them a title or part of a person's name: the spellings of any acronym, collected in one pass
    /// over the tokens (each start reads at most <paramref name="maxLength"/> words), so the pass costs the same however
    /// many acronyms the article has.</summary>
    private HashSet<string> Spellings(IReadOnlyList<Sentence> sentences, HashSet<(int, int)> persons, int maxLength)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var initials = new System.Text.StringBuilder(maxLength);
        foreach (var s in sentences)
        {
            if (IsHeadline(s)) continue;
            var tokens = s.Tokens;
            var spells = new bool[tokens.Count];
            for (int t = 0; t < tokens.Count; t++) spells[t] = SpellingWord(tokens[t].Text, s.Index, t, persons);
            for (int k = 0; k < tokens.Count; k++)
            {
                initials.Clear();
                for (int t = k; t < tokens.Count && initials.Length < maxLength; t++)
                {
                    // (a dash standing alone joins two names as a hyphen does: "the Orvin - Tessa Canal Board")
                    if (initials.Length > 0 && (MinorWords.Contains(tokens[t].Text) || tokens[t].Text is "-" or "–")) continue;
                    if (!spells[t]) break;
                    // (each capitalised part of a word joined by hyphens gives its initial: "Self-Defense Forces", "SDF")
                    var word = tokens[t].Text;
                    if (word.IndexOf('-') > 0 && word.Split('-', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } parts && parts.All(p => char.IsUpper(p[0])))
                        foreach (var part in parts) { initials.Append(part[0]); if (initials.Length >= 3) found.Add(initials.ToString()); }
                    else
                    {
                        initials.Append(word[0]);
                        if (initials.Length >= 3) found.Add(initials.ToString());
                    }
                }
            }
        }
        return found;
    }

    /// <summary>
    /// "Rangers found the hiker ... the rangers said", "Downstream, the river rose ... water flowed downstream": a one-word name the
    /// article writes capitalised only where any word is (opening a sentence or a clause after a mark, or in a headline) and
    /// also in lower case is a common word of that article, not a name; a name is capitalised wherever it stands. A word
    /// the gazetteer knows ("Turkey", "Chad") is left alone, and so is one the article also capitalises inside a sentence
    /// ("Bob Young ... Young said ... young voters").
    /// </summary>
    private void DropCommonWordsCapitalisedOnlyToOpen(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        var lower = new HashSet<string>(StringComparer.Ordinal);
        var inside = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            bool headline = IsHeadline(s);
            for (int k = 0; k < s.Tokens.Count; k++)
            {
                var w = s.Tokens[k].Text;
                if (w.Length < 2 || !w.All(char.IsLetter)) continue;
                // (a lower-case word the tagger still reads as a proper noun, or one next to an address's "@" or ".", is a name
                // written carelessly: "email: ana.ruiz@...")
                if (char.IsLower(w[0]))
                {
                    if (s.Tokens[k].Tag is not ("NNP" or "NNPS") && (k == 0 || s.Tokens[k - 1].Text is not ("." or "@")) && (k + 1 >= s.Tokens.Count || s.Tokens[k + 1].Text is not ("@" or "."))) lower.Add(w);
                }
                // (after a comma a clause goes on in lower case: capitalised there, a word is a name)
                else if (!headline && k > 0 && (char.IsLetterOrDigit(s.Tokens[k - 1].Text[0]) || s.Tokens[k - 1].Text == ",")) inside.Add(w);
            }
        }
        if (lower.Count == 0) return;
        result.RemoveAll(m => m.Mention.Kind == MentionKind.Name && m.EndToken - m.FirstToken == 1 && m.Mention.Source != "gazetteer"
                              && m.Mention.Type is EntityType.Person or EntityType.Organization or EntityType.Location
                              && IsTitleCase(m.Mention.Text) && m.Mention.Text.All(char.IsLetter) && !inside.Contains(m.Mention.Text)
                              && lower.Contains(m.Mention.Text.ToLowerInvariant()) && _lex.Gazetteer.Lookup(m.Mention.Text).Count == 0);
    }

    /// <summary>
    /// "the Ministries of Fisheries and Transport", "the Agency and Tribunal offices": a plural head of a body's name with
    /// fields joined by "and", or two heads of bodies' names joined by "and", name two bodies (each by its kind), never one;
    /// such a mention is no entity (the heads are those of org_keywords.tsv). "the Council for Trade and Industry" is one
    /// body: its head is singular and comes first. One pass over the mentions.
    /// </summary>
    private void DropCoordinatedBodies(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        bool Head(string w) => char.IsUpper(w[0]) && _lex.OrgKeywords.Lookup(w).Any(k => k.Type == EntityType.Organization);
        bool PluralHead(string w) => w.Length > 3 && w.EndsWith('s') && !Head(w)
            && (Head(w[..^1]) || w.EndsWith("ies", StringComparison.Ordinal) && Head(w[..^3] + "y"));
        result.RemoveAll(m =>
        {
            if (m.Mention.Type != EntityType.Organization || m.Mention.Kind != MentionKind.Name || m.Mention.Source == "gazetteer") return false;
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            var w = Enumerable.Range(m.FirstToken, m.EndToken - m.FirstToken).Select(k => tokens[k].Text).ToList();
            if (w.Count > 0 && w[0] is "the" or "The") w.RemoveAt(0);
            if (w.Count == 3 && w[1] is "and" or "&" && Head(w[0]) && Head(w[2])) return true;
            return w.Count >= 4 && w[1] == "of" && PluralHead(w[0]) && w.Skip(3).Any(x => x is "and" or "&");
        });
    }

    /// <summary>
    /// "1. Introduction", "IV. Outlook": a section's number ("1.", "IV.", "b)") as a sentence of its own and one capitalised
    /// word alone as the next sentence are a numbered heading, the section's topic, no name; the gazetteer's names
    /// ("2. Ukraine") and acronyms stay. One pass over the mentions.
    /// </summary>
    private void DropNumberedHeadingWords(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        static bool SectionNumber(Sentence s) => s.Tokens.Count is 2 or 3 && s.Tokens[^1].Text is "." or ")"
            && s.Tokens.SkipLast(1).All(t => t.Text == "(" || t.Text.Length <= 4 && (t.Text.All(char.IsAsciiDigit) || t.Text.All(ch => ch is 'I' or 'V' or 'X') || t.Text.Length == 1 && char.IsAsciiLetterLower(t.Text[0])));
        result.RemoveAll(m => m.Mention.Kind == MentionKind.Name && m.Mention.Source != "gazetteer" && m.EndToken - m.FirstToken == 1 && m.FirstToken == 0
                              && m.Mention.SentenceIndex is int k && k > 0 && k < sentences.Count && sentences[k].Index == k
                              && sentences[k].Tokens.Skip(1).All(t => !t.Text.Any(char.IsLetterOrDigit)) && SectionNumber(sentences[k - 1])
                              && m.Mention.Text.Any(char.IsLower) && _lex.Gazetteer.Lookup(m.Mention.Text).Count == 0);
    }

    /// <summary>
    /// "a public health emergency of international concern (PHEIC)": capitals in brackets whose letters are the initials of
    /// the lower-case words just before them abbreviate a description, not a name; when no word of it names a group or a
    /// body (a descriptor, an agent of the CAMEO dictionaries, a name keyword as its head: "the joint task force (JTF)" is a body), the
    /// acronym names no actor, there or anywhere else in the article. One pass over the article's tokens and mentions.
    /// </summary>
    private void DropAcronymsOfDescriptions(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        var described = new HashSet<string>(StringComparer.Ordinal);
        // "Coastal Trade Organizations (CTOs)": the capitalised phrase a plural acronym in brackets spells is the same category of bodies
        var plural = new HashSet<(int Sentence, int End)>();
        foreach (var s in sentences)
        {
            var t = s.Tokens;
            for (int open = 1; open + 2 < t.Count; open++)
            {
                if (t[open].Text != "(" || t[open + 2].Text != ")") continue;
                if (IsPluralAcronym(t[open + 1].Text)) plural.Add((s.Index, open));
                if (!NameKey.IsAcronymShape(t[open + 1].Text)) continue;
                var acronym = t[open + 1].Text;
                var letters = acronym.Where(char.IsAsciiLetterUpper).Select(char.ToLowerInvariant).ToArray();
                if (letters.Length < 2) continue;
                // the lower-case words before the bracket, their connectors skipped, one per letter from the last
                int k = open - 1, matched = letters.Length;
                if (t[k].Text is "\"" or "\u201D" or "''" or "'") k--; // a quoted description: 'declared it a "state of alert" (SOA)'
                bool agent = false;
                while (k >= 0 && matched > 0 && open - k <= 2 * letters.Length + 3)
                {
                    var w = t[k].Text;
                    if (w.Length == 0 || !char.IsLower(w[0]) || !w.All(ch => char.IsLetter(ch) || ch == '-')) break;
                    if (Connectors.Contains(w) || w is "the" or "a" or "an" or "to") { k--; continue; }
                    if (w[0] != letters[matched - 1]) break;
                    // (a name keyword only as the head, the last word: "international" opens descriptions as often as not)
                    agent |= _lex.Descriptors.Lookup(w).Count > 0 || _lex.Agents.Lookup(w).Count > 0
                             || matched == letters.Length && _lex.OrgKeywords.Lookup(char.ToUpperInvariant(w[0]) + w[1..]).Count > 0;
                    matched--; k--;
                }
                if (matched == 0 && !agent) described.Add(acronym);
                // "the Orvin Fishing Charter (OFC)": capitalised words ending in a document's head, whose initials spell it
                else if (open >= 2 && _lex.DocumentHeads.Contains(t[open - 1].Text) && IsTitleCase(t[open - 1].Text)
                         && InitialsBeforeBracketSpell(t.Select(x => x.Text).ToList(), open, acronym, 12, DocumentNameJoiners, acronymsSpell: true)) described.Add(acronym);
            }
        }
        if (plural.Count > 0)
            result.RemoveAll(m => plural.Contains((m.Mention.SentenceIndex, m.EndToken)) && m.Mention.Source != "gazetteer" && m.Mention.Kind == MentionKind.Name
                && m.Mention.Type == EntityType.Organization // (documents keep their reading: "Harbor Lease Agreements (HLAs)" types "HLA")
                && m.Mention.Text.EndsWith('s') && sentences[m.Mention.SentenceIndex].Tokens[m.EndToken + 1].Text is var acronym
                && EntityClusterer.IsAcronymOf(acronym[..^1], m.Mention.Text.Split(' ')));
        if (described.Count == 0) return;
        result.RemoveAll(m => described.Contains(m.Mention.Text) && m.Mention.Source != "gazetteer" && m.Mention.Kind is MentionKind.Name or MentionKind.Acronym);
    }

    /// <summary>
    /// "the Orvin Fishing Charter (OFC)", "the Harbor Dues Act (HDA)" (a document's head before the bracket: the acronym is
    /// that document's short name, no actor, whatever the recogniser took either for; the name rules drop the document's own
    /// name; "the Office of Management and Budget" is an office: a document head before "of" heads no name), "the Orvin
    /// Transit Vehicles (OTV)" (SpelledBeside): whether words ending right before the bracket at <paramref name="open"/>
    /// spell <paramref name="acronym"/> by their initials (EntityClusterer.IsAcronymOf), two words or more from a
    /// capitalised word (or, when <paramref name="acronymsSpell"/>, a word of an acronym's shape: "the DHS Border Act"),
    /// such words and <paramref name="joiners"/> between them, reaching at most <paramref name="reach"/> words back.
    /// </summary>
    private static bool InitialsBeforeBracketSpell(IReadOnlyList<string> words, int open, string acronym, int reach, HashSet<string> joiners, bool acronymsSpell)
    {
        bool Spells(string w) => IsTitleCase(w) || acronymsSpell && NameKey.IsAcronymShape(w);
        int k = open - 1;
        while (k - 1 >= 0 && open - k < reach && (Spells(words[k - 1]) || joiners.Contains(words[k - 1]))) k--;
        for (; k < open - 1; k++)
            if (Spells(words[k]) && EntityClusterer.IsAcronymOf(acronym, words.Skip(k).Take(open - k).ToArray())) return true;
        return false;
    }

    /// <summary>The minor words inside a document's name that spells its acronym ("the Act on Ports and Fees").</summary>
    private static readonly HashSet<string> DocumentNameJoiners = new(StringComparer.Ordinal) { "of", "on", "for", "and" };

    /// <summary>
    /// "Georgia" is a country and a U.S. state. An article that places it among U.S. states ("in Georgia, South Carolina and
    /// North Carolina"), writes a state's abbreviation ("Macon, Ga.") or its counties ("Laurens and Wilkes counties") and never
    /// names the country's people or capital ("Georgian", "Tbilisi") means the state: a Region in the United States
    /// (<see cref="PlacedMention.Within"/>), which never becomes one node with the country of another article.
    /// One pass over the article's tokens and mentions.
    /// </summary>
    private void ReadStatesNamedLikeCountries(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        if (_lex.UsStates.Count == 0) return;
        // "Macon, Ga.": an abbreviation names the state, never the country; "Orvin, Wash.": nor the capital the gazetteer
        // reads that name as ("Washington" alone is the capital, Washington D.C.)
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k].Mention;
            if (m.Type == EntityType.Location && _lex.UsStateAbbreviations.TryGetValue(m.Text, out var state) && m.Canonical == state
                && (_lex.Gazetteer.EntriesNamed(state).Any(e => e.FineType == "Country") || StatesNamedLikeCapitals.Contains(state)))
                result[k] = result[k] with { Mention = m with { FineType = "Region" }, Within = EntityAttributes.UnitedStates };
        }
        PlaceTownsInStates(sentences, result);
        // "charges were filed in the District of Columbia": the federal district is the capital
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k].Mention;
            if (m.Type == EntityType.Location && m.Kind == MentionKind.Name && CapitalOfDistrict(string.Join(' ', m.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))) is { } capital)
                result[k] = result[k] with { Mention = m with { FineType = "City", Canonical = capital } };
        }
        var shared = result.Where(m => m.Mention.Type == EntityType.Location && m.Mention.FineType == "Country" && m.Mention.Kind == MentionKind.Name
            && m.Mention.Canonical is { } c && _lex.UsStates.Contains(c)).Select(m => m.Mention.Canonical!).ToHashSet(StringComparer.Ordinal);
        if (shared.Count == 0) return;
        // the country's own evidence: its people (a demonym) or its capital
        var countryNamed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in result)
        {
            if (m.Mention.Canonical is not { } c) continue;
            if (m.Mention.Kind == MentionKind.Demonym && shared.Contains(c)) countryNamed.Add(c);
            if (m.Mention.FineType == "City")
                foreach (var capital in _lex.Gazetteer.EntriesNamed(c))
                    foreach (var country in shared)
                        if (capital.Country is { } cca3 && _lex.CountryNames.TryGetValue(cca3, out var n) && n == country) countryNamed.Add(country);
        }
        // the United States' evidence: another state by name or abbreviation, or counties
        bool american = result.Any(m => m.Mention.Type == EntityType.Location && !shared.Contains(m.Mention.Canonical ?? "")
            && _lex.UsStates.Contains(string.Join(' ', m.Mention.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        for (int si = 0; si < sentences.Count && !american; si++)
        {
            var tokens = sentences[si].Tokens;
            for (int t = 0; t < tokens.Count && !american; t++)
            {
                var w = tokens[t].Text;
                if (_lex.UsStateAbbreviations.ContainsKey(w)) american = true;
                else if (w is "County" or "Counties" or "counties" && t > 0 && char.IsUpper(tokens[t - 1].Text[0])) american = true;
            }
        }
        // "Kvemo Darcheli, Georgia, ... the government in Tbilisi said": a state named like a country whose capital or people
        // the article names is the country, and names no state of a town before it either (with no such evidence the town's
        // comma and the name after it keep the state: "its center in Atlanta, Georgia")
        for (int k = 0; k < result.Count; k++)
            if (result[k].UsState is { } townState && shared.Contains(townState) && countryNamed.Contains(townState))
                result[k] = result[k] with { UsState = null };
        if (!american) return;
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k].Mention;
            if (m.Type != EntityType.Location || m.FineType != "Country" || m.Kind != MentionKind.Name || m.Canonical is not { } c
                || !shared.Contains(c) || countryNamed.Contains(c)) continue;
            result[k] = result[k] with { Mention = m with { FineType = "Region" }, Within = EntityAttributes.UnitedStates };
        }
    }

    /// <summary>
    /// "the port near Orlen, Kessa" where the gazetteer knows Orlen as the capital of Vessia: a capital's name written with
    /// another country after its comma is a town of that country that shares the capital's name
    /// (<see cref="PlacedMention.Within"/>), never one node with the capital another article names ("visited Orlen, where he
    /// met the Vessian Foreign Minister"). Not a list ("from Orlen, Kessa and Dorvale": a place before the name, or a comma and
    /// a place after the country, makes it one), not a clause opening with the country ("In Orlen, Kessa's minister said":
    /// the country must close the phrase, a punctuation mark or the sentence's end after it), and not the capital's own
    /// country ("Orlen, Vessia").
    /// </summary>
    private void PlaceCapitalsNamedAbroad(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        var byStart = new Dictionary<(int Sentence, int Token), int>();
        var byEnd = new HashSet<(int Sentence, int Token)>();
        for (int k = 0; k < result.Count; k++)
            if (result[k].Mention is { Type: EntityType.Location, Kind: MentionKind.Name } pm)
            {
                byStart.TryAdd((pm.SentenceIndex, result[k].FirstToken), k);
                byEnd.Add((pm.SentenceIndex, result[k].EndToken));
            }
        for (int k = 0; k < result.Count; k++)
        {
            var pm = result[k];
            var m = pm.Mention;
            if (m.Type != EntityType.Location || m.Kind != MentionKind.Name || m.FineType != "City" || pm.Within is not null || m.Canonical is not { } city) continue;
            var own = _lex.Gazetteer.EntriesNamed(city).Where(e => e.FineType == "City" && e.Country is not null)
                .Select(e => _lex.CountryNames.GetValueOrDefault(e.Country!)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (own.Count == 0) continue;
            var tokens = sentences[m.SentenceIndex].Tokens;
            if (pm.EndToken + 1 >= tokens.Count || tokens[pm.EndToken].Text != ",") continue;
            if (!byStart.TryGetValue((m.SentenceIndex, pm.EndToken + 1), out var at)) continue;
            var next = result[at];
            if (next.Mention.FineType != "Country" || next.Mention.Canonical is not { } country || own.Contains(country)) continue;
            if (pm.FirstToken >= 1 && tokens[pm.FirstToken - 1].Text == "," && byEnd.Contains((m.SentenceIndex, pm.FirstToken - 1))) continue;
            // the country closes the phrase ("near Orlen, Kessa, carrying ..."): "In Orlen, Kessa's minister said" and "In Orlen,
            // Kessa signed" open a clause whose subject is the country
            int after = next.EndToken;
            if (after < tokens.Count && tokens[after].Text is not ("," or "." or ";" or ":" or ")" or "!" or "?" or "–" or "—")) continue;
            if (after + 1 < tokens.Count && tokens[after].Text == "," && byStart.ContainsKey((m.SentenceIndex, after + 1))) continue;
            // the name's every mention in the article is that town: the clusterer joins them by name
            for (int j = 0; j < result.Count; j++)
                if (result[j].Mention is { Type: EntityType.Location, Kind: MentionKind.Name } o && o.Canonical == city && result[j].Within is null)
                    result[j] = result[j] with { Within = country };
        }
    }

    private Dictionary<string, string>? _capitalsOfDistricts;

    /// <summary>
    /// The capital a U.S. "state" of us_states.tsv is, when the gazetteer's capital is named by a town and the state's AP
    /// abbreviation or postal code ("Washington D.C.": the District of Columbia, the federal district): the state's name
    /// and its postal code written alone name that capital. Null for any other name.
    /// </summary>
    private string? CapitalOfDistrict(string name)
    {
        LazyInitializer.EnsureInitialized(ref _capitalsOfDistricts, BuildCapitalsOfDistricts);
        return _capitalsOfDistricts.GetValueOrDefault(name);
    }

    private Dictionary<string, string> BuildCapitalsOfDistricts()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var codes = _lex.UsStateAbbreviations.Concat(_lex.UsStatePostalCodes).ToList();
        foreach (var e in _lex.Gazetteer.Entries)
        {
            if (e.FineType != "City" || e.Name.LastIndexOf(' ') is not (> 0 and var space)) continue;
            var last = NameKey.Fold(e.Name[(space + 1)..]);
            foreach (var (code, state) in codes)
                if (NameKey.Fold(code) == last)
                {
                    result.TryAdd(state, e.Name);
                    foreach (var (postal, s2) in _lex.UsStatePostalCodes) if (s2 == state) result.TryAdd(postal, e.Name);
                }
        }
        return result;
    }

    private HashSet<string>? _statesNamedLikeCapitals;

    /// <summary>The U.S. states whose name opens the name of a capital the gazetteer knows ("Washington" of "Washington
    /// D.C."): the name alone is read as the capital, so the state named by its abbreviation is kept apart from it.</summary>
    private HashSet<string> StatesNamedLikeCapitals => LazyInitializer.EnsureInitialized(ref _statesNamedLikeCapitals, () => _lex.UsStates
        .Where(state => _lex.Gazetteer.Entries.Any(e => e.FineType == "City" && e.Name.StartsWith(state + " ", StringComparison.Ordinal))).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// "Orvin, Fla.", "Orvin, Florida": a town written with a U.S. state after its comma is a town of that state
    /// (<see cref="PlacedMention.UsState"/>): across articles it never becomes one node with a town of the same name in
    /// another state, nor with one that an article naming no place of the United States writes alone. Not a place
    /// the gazetteer knows (a country, a capital), not a state itself ("Georgia, Alabama and Florida" is a list of states),
    /// not a list item (a place and a comma before it: "Orvin, Kessa, Fla." places only the last).
    /// </summary>
    private void PlaceTownsInStates(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        var byEnd = new Dictionary<(int Sentence, int Token), int>();
        for (int k = 0; k < result.Count; k++)
            if (result[k].Mention is { Type: EntityType.Location, Kind: MentionKind.Name }) byEnd.TryAdd((result[k].Mention.SentenceIndex, result[k].EndToken), k);
        for (int k = 0; k < result.Count; k++)
        {
            var pm = result[k];
            var m = pm.Mention;
            if (m.Type != EntityType.Location || m.Kind != MentionKind.Name || pm.Within is not null || m.FineType is "Country" or "Region") continue;
            var tokens = sentences[m.SentenceIndex].Tokens;
            if (pm.EndToken + 1 >= tokens.Count || tokens[pm.EndToken].Text != ",") continue;
            var next = tokens[pm.EndToken + 1].Text;
            var state = UsStateOf(next) ?? (pm.EndToken + 2 < tokens.Count && _lex.UsStates.Contains(next + " " + tokens[pm.EndToken + 2].Text) ? next + " " + tokens[pm.EndToken + 2].Text : null);
            if (state is null) continue;
            var name = m.Canonical ?? m.Text;
            if (_lex.UsStates.Contains(name) || _lex.Gazetteer.Lookup(name).Count > 0 || _lex.Gazetteer.Lookup(m.Text).Count > 0) continue;
            if (pm.FirstToken >= 1 && tokens[pm.FirstToken - 1].Text == "," && byEnd.ContainsKey((m.SentenceIndex, pm.FirstToken - 1))) continue;
            result[k] = pm with { UsState = state };
        }
    }

    /// <summary>
    /// "offices in Orvin, Kessa, Dorvale, El Marro and Tulven": names coordinated in one list (commas between them, "and" or
    /// "or" before the last, a "the" after them) are things of one kind; the name after "and" ends the list ("from Orvin,
    /// Kessa and Dorvale, Ana Ruiz said": the clause after it is no item). In a list of three names or more whose places
    /// outnumber the rest (at least two) and that names no body surely (a keyword, a company's name), a name only the recogniser typed as a
    /// person (no title, keyword, gazetteer entry or rule behind it) is a place too, except the last item (after "and" a clause may
    /// join: "Ana Ruiz from Orvin, Kessa, and Tomas Reyl from Dorvale"). One pass over the article's mentions.
    /// </summary>
    private void TypeListsOfPlaces(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        var names = Enumerable.Range(0, result.Count).Where(k => result[k].Mention.Kind == MentionKind.Name)
            .OrderBy(k => result[k].Mention.SentenceIndex).ThenBy(k => result[k].FirstToken).ToList();
        bool Guess(PlacedMention pm) => pm.Mention is { Type: EntityType.Person or EntityType.Organization, Source: "ner", FineType: null } m && pm.Role is null
                                        && !NamedByConstruction.HasOwnEvidence(_lex, m.Text) && (m.Type == EntityType.Person || !m.Text.Contains(' ', StringComparison.Ordinal));
        int start = 0;
        Link last = Link.None;
        for (int i = 1; i <= names.Count; i++)
        {
            var link = i < names.Count && last != Link.Conjunction ? Coordinated(sentences, result[names[i - 1]], result[names[i]]) : Link.None;
            if (link != Link.None) { last = link; continue; }
            var list = names.GetRange(start, i - start);
            // closed by "and" before its last item, or before words that are no name of ours ("..., San Marro and St. Kessa")
            bool closed = last == Link.Conjunction || BeforeConjunction(sentences, result[names[i - 1]]);
            start = i;
            last = Link.None;
            // "Orvin, Kessa, Dorvale and other border towns": the items a list closes with "and other" and a plural place noun
            // are such places, every one a guess of the recogniser (a person, a one-word body), the last too
            if (list.Count >= 2 && OtherPlacesAfter(sentences[result[list[^1]].Mention.SentenceIndex].Tokens, result[list[^1]].EndToken)
                && !list.Any(k => result[k].Mention.Type != EntityType.Location && !Guess(result[k])))
            {
                foreach (var k in list)
                    if (result[k].Mention.Type != EntityType.Location && !_lex.GivenNames.Contains(result[k].Mention.Text.Split(' ')[0]))
                        result[k] = result[k] with { Mention = result[k].Mention with { Type = EntityType.Location, Canonical = null } };
                continue;
            }
            if (list.Count < 3 || !closed) continue;
            int places = list.Count(k => result[k].Mention.Type == EntityType.Location);
            if (places < 2 || places * 2 <= list.Count) continue;
            // one kind: a body that is surely no place ("Brightwell Oil", a company last after "and") says the list is not of places
            if (list.Any(k => result[k].Mention.Type == EntityType.Organization && !Guess(result[k]))) continue;
            // (not the last item after "and": a clause may join there, "from Orvin, Kessa, and Ana Ruiz from Dorvale")
            // (a person only: a one-word body in a list of countries is as often a company as a misread place, "sanctions
            // on Ostland, Kessa, Varno, Korvex and Dalmar")
            foreach (var k in list.Take(list.Count - 1))
                if (Guess(result[k]) && result[k].Mention.Type == EntityType.Person)
                    result[k] = result[k] with { Mention = result[k].Mention with { Type = EntityType.Location, Canonical = null } };
        }
    }

    /// <summary>Whether ", and other" or "or other", adjectives or participles and a plural place noun follow a list's last item
    /// ("..., Dorvale, and other coastal towns").</summary>
    private bool OtherPlacesAfter(IReadOnlyList<Token> tokens, int end)
    {
        int t = end < tokens.Count && tokens[end].Text == "," ? end + 1 : end;
        if (t + 2 >= tokens.Count || tokens[t].Text is not ("and" or "or") || tokens[t + 1].Text != "other") return false;
        t += 2;
        for (int n = 0; n < 3 && t < tokens.Count && tokens[t].Tag is "JJ" or "VBN" or "VBG" or "RB"; n++) t++;
        return t < tokens.Count && tokens[t].Tag == "NNS" && NamedByConstruction.IsPlaceNoun(_lex, tokens[t].Text);
    }

    private enum Link { None, Comma, Conjunction }

    /// <summary>Whether "and" or "or" (after a comma or not) follows the mention.</summary>
    private static bool BeforeConjunction(IReadOnlyList<Sentence> sentences, PlacedMention m)
    {
        var tokens = sentences[m.Mention.SentenceIndex].Tokens;
        int t = m.EndToken < tokens.Count && tokens[m.EndToken].Text == "," ? m.EndToken + 1 : m.EndToken;
        return t < tokens.Count && tokens[t].Text is "and" or "or";
    }

    /// <summary>Whether <paramref name="b"/> is the next item of a list after <paramref name="a"/> in one sentence: only ",",
    /// "and", "or" (and a "the") between them; <see cref="Link.Conjunction"/> when "and" or "or" is among them.</summary>
    private static Link Coordinated(IReadOnlyList<Sentence> sentences, PlacedMention a, PlacedMention b)
    {
        if (a.Mention.SentenceIndex != b.Mention.SentenceIndex || b.FirstToken <= a.EndToken) return Link.None;
        var tokens = sentences[a.Mention.SentenceIndex].Tokens;
        int gap = b.FirstToken - a.EndToken;
        if (gap > 3) return Link.None;
        var link = Link.None;
        for (int t = a.EndToken; t < b.FirstToken; t++)
        {
            var w = tokens[t].Text;
            if (w is "and" or "or") link = Link.Conjunction;
            else if (w is ",") link = link == Link.Conjunction ? link : Link.Comma;
            else if (!(w is "the" && t == b.FirstToken - 1)) return Link.None;
        }
        return link;
    }

    /// <summary>
    /// "Minister Varnsby Welcomes New Envoys", "Chair Ostrell Opened the Session": a title-case line writes its verb with a
    /// capital, so a person's name found there can end in the verb. A name of two or three words whose last is a finite
    /// verb ("-s", "-es", "-ed", "-d" on a verb of the CAMEO dictionary; not the bare verb, which may be a noun) and whose
    /// words before it are the last words of a longer person's name in the article (the person's surname) is that person
    /// without the verb. The full names are indexed by their last words once: linear in the mentions.
    /// </summary>
    private void CutVerbsFromSurnames(Document doc, IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        HashSet<string>? endings = null;
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            int n = m.EndToken - m.FirstToken;
            if (m.Mention is not { Type: EntityType.Person, Kind: MentionKind.Name } || n is < 2 or > 3) continue;
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            var verb = tokens[m.EndToken - 1].Text;
            if (!IsTitleCase(verb) || !IsFiniteVerbForm(verb.ToLowerInvariant())) continue;
            if (endings is null)
            {
                endings = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in result)
                {
                    if (p.Mention is not { Type: EntityType.Person, Kind: MentionKind.Name }) continue;
                    var t = sentences[p.Mention.SentenceIndex].Tokens;
                    int words = p.EndToken - p.FirstToken;
                    for (int j = 1; j < words && j <= 2; j++) endings.Add(string.Join(' ', Enumerable.Range(p.EndToken - j, j).Select(x => t[x].Text)));
                }
            }
            var rest = string.Join(' ', Enumerable.Range(m.FirstToken, n - 1).Select(j => tokens[j].Text));
            if (!endings.Contains(rest)) continue;
            var span = new TextSpan(tokens[m.FirstToken].Start, tokens[m.EndToken - 2].End);
            result[k] = m with { EndToken = m.EndToken - 1, Mention = m.Mention with { Span = span, Text = doc.Text[span.Start..span.End], Canonical = null } };
        }
    }

    /// <summary>A verb's third person or past form, by the CAMEO dictionary's lemmas ("welcomes", "highlighted", "pledged",
    /// "carries"): the bare lemma is not (it may be a noun).</summary>
    private bool IsFiniteVerbForm(string w)
    {
        if (w.Length < 4 || _lex.Cameo.Verb(w).Count > 0) return false;
        bool Lemma(string stem) => stem.Length >= 2 && _lex.Cameo.Verb(stem).Count > 0;
        if (w.EndsWith("ies", StringComparison.Ordinal) && Lemma(w[..^3] + "y") || w.EndsWith("ied", StringComparison.Ordinal) && Lemma(w[..^3] + "y")) return true;
        if (w.EndsWith("es", StringComparison.Ordinal) && Lemma(w[..^2]) || w.EndsWith("ed", StringComparison.Ordinal) && Lemma(w[..^2])) return true;
        if (w.EndsWith('s') && Lemma(w[..^1]) || w.EndsWith('d') && Lemma(w[..^1])) return true;
        // a doubled consonant before "-ed": "stopped", "committed"
        return w.Length > 5 && w.EndsWith("ed", StringComparison.Ordinal) && w[^3] == w[^4] && Lemma(w[..^3]);
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
            var written = SurnameOf(m);
            // "Omar al-Rashid" is also "Rashid" and "al-Rashid", "Al-Rashid" at a sentence's start
            var forms = ParticleName(written) ? new[] { written, written[(written.IndexOf('-') + 1)..], char.ToUpperInvariant(written[0]) + written[1..] } : new[] { written };
            foreach (var surname in forms)
            {
                var core = ParticleName(surname) || surname.IndexOf('-') is > 0 and <= 3 ? surname[(surname.IndexOf('-') + 1)..] : surname;
                // (a double surname joined by a hyphen is title case in each part: "Espinoza-Ortega")
                if (core.Length < 3 || !core.Split('-').All(IsTitleCase)) continue;
                firstSentence[surname] = Math.Min(firstSentence.GetValueOrDefault(surname, int.MaxValue), m.Mention.SentenceIndex);
                if (!people.TryGetValue(surname, out var set)) people[surname] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(FullOf(m));
            }
        }
        // two people with one surname ("Ash Carter", "Jimmy Carter"): a bare surname could be either; "Isiah Booker" and
        // "Isiah L. Booker" are one person
        var ambiguous = people.Where(p => p.Value.Any(a => p.Value.Any(b => a != b && !a.StartsWith(b.Split(' ')[0] + " ", StringComparison.Ordinal))))
            .Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        // "Rashid said ...": a one-word name the recogniser typed otherwise, spelt as the surname of a person named in
        // full earlier, is that person
        // ... and so is a long surname spelt once with one letter changed ("Halvorson" after "Sigrid Halvorsen")
        var byInitial = firstSentence.Keys.Where(k => k.Length >= 6).ToLookup(k => k[0]);
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (m.Mention.Type == EntityType.Person || m.Mention.Source != "ner" || m.EndToken - m.FirstToken != 1) continue;
            var text = m.Mention.Text;
            var surname = firstSentence.ContainsKey(text) ? text
                : text.Length >= 6 ? byInitial[text[0]].FirstOrDefault(n => EntityClusterer.WithinOneEdit(n, text)) : null;
            if (surname is null || firstSentence[surname] > m.Mention.SentenceIndex || ambiguous.Contains(surname)) continue;
            result[k] = m with { Mention = m.Mention with { Type = EntityType.Person, FineType = null } };
        }
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
        foreach (var found in matches)
        {
            // "Ostland criticised the Taliban": a dictionary spelling that opens with the article ("the Taliban", "the Golan") matches
            // from "the", but the article is no part of the name: the name is the words after it, of the same entry
            var m = found.Length >= 2 && words[found.Start] == "the" ? found with { Start = found.Start + 1, Length = found.Length - 1 } : found;
            if (!IsCapitalized(words[m.Start]) && !ParticleName(words[m.Start])) continue;
            var hit = m.Best;
            if (m.Length == 1 && hit.Kind == MentionKind.Name && InsideLongerName(s, words, m, matches)) continue;
            // "Kirby", "El Paso", "Coach": a company's short name is an ordinary word or place far more often than the company
            if (hit.Kind == MentionKind.Name && hit.Entry.FineTypes.Contains("Company")
                && !string.Equals(NameKey.Fold(hit.Surface), NameKey.Fold(hit.Entry.Name), StringComparison.Ordinal)) continue;
            // "the President of the Kessa Bank": a dictionary's entry for an office, as PETRARCH lists a body's head under the
            // body, is no name; the body is the dictionaries' name after "the", when they know it (BodyAfterOffice)
            if (hit.Entry.Type == EntityType.Organization && BodyAfterOffice(s, words, m.Start, m.End, keywordless: true, dictionary: true) is int body and >= 0)
            {
                if (_lex.Gazetteer.LongestMatchAt(words, body) is { } bodyHit && bodyHit.Best.Entry.Type == EntityType.Organization)
                    candidates.Add(new Candidate(s.Index, body, bodyHit.End, bodyHit.Best.Entry.Type, bodyHit.Best.Entry.FineType, bodyHit.Best.Kind, "gazetteer", PriorityGazetteer, bodyHit.Best.Entry.Name));
                continue;
            }
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
            // "Orlen-Vessian authorities": a capital's name joined by a hyphen to a people's name is one adjective of nationality
            // (the country's people), no mention of the city
            if (hits[0].Entry.FineType == "City" && _lex.Gazetteer.Lookup(w[(dash + 1)..]).Any(h => h.Kind == MentionKind.Demonym)) continue;
            var t = s.Tokens[i];
            // below the naming rules: "an ISIL-held building" before a place noun names the place, not the group
            candidates.Add(new Candidate(s.Index, i, i + 1, hits[0].Entry.Type, hits[0].Entry.FineType, hits[0].Kind, "gazetteer",
                org ? PriorityKeyword - 6 : PriorityGazetteer, hits[0].Entry.Name, CharStart: t.Start, CharEnd: t.Start + dash));
            // "the Paris-Berlin talks", "the Iran-Iraq war": two places joined by a hyphen are two places, each its own mention
            var second = w[(dash + 1)..];
            if (!org && second.Length > 1 && char.IsUpper(second[0]) && second.IndexOf('-') < 0 && _lex.Gazetteer.Lookup(second) is { Count: > 0 } other
                && other[0].Entry.Type == EntityType.Location && other[0].Kind is MentionKind.Name or MentionKind.Acronym && hits[0].Kind is MentionKind.Name or MentionKind.Acronym)
                candidates.Add(new Candidate(s.Index, i, i + 1, other[0].Entry.Type, other[0].Entry.FineType, other[0].Kind, "gazetteer",
                    PriorityGazetteer, other[0].Entry.Name, CharStart: t.Start + dash + 1, CharEnd: t.End));
        }
    }

    /// <summary>
    /// A name never ends in a word that joins it to what follows: "the Harbor Authority of Dalmore and Governor Ines Varela"
    /// names the authority and the governor, so when a title or another name was taken off a longer span, the "and", "or",
    /// "&amp;", "of", "for" or "the" left at its end goes too (a name made only of such words goes altogether).
    /// </summary>
    private static void TrimJoiningWords(List<string> words, List<Candidate> settled)
    {
        for (int k = settled.Count - 1; k >= 0; k--)
        {
            var c = settled[k];
            if (c.Kind != MentionKind.Name || c.CharStart >= 0) continue;
            int end = c.End;
            while (end > c.First && words[end - 1] is "and" or "or" or "&" or "of" or "for" or "the") end--;
            if (end == c.End) continue;
            if (end == c.First) settled.RemoveAt(k);
            else settled[k] = c with { End = end };
        }
    }

    /// <summary>
    /// "Secretary of Defense Lloyd J. Austin III", "Minister of National Defense Suh Wook", "Secretary of State for Defence
    /// Ben Wallace": a title, "of" or "for", the office's field, then a person's name. The field is words of ordinary
    /// English (UD's common words) or a field the PETRARCH agents dictionary knows offices of ("ministry of defence",
    /// "interior minister"); the name is what follows, at least two words when the run has them. The field is no
    /// entity and no part of the name: candidates over it are replaced by the person.
    /// </summary>
    private void AddOfficeHolders(Sentence s, List<string> words, List<Candidate> candidates)
    {
        for (int i = 0; i + 3 < words.Count; i++)
        {
            var (len, titles) = _lex.Titles.LongestMatchAt(words, i);
            if (len == 0 || !IsCapitalized(words[i]) || !titles.Any(t => t.ImpliesPerson)) continue;
            // (the rest in a block: the variables its lambdas capture are made only for the words that get here)
            {
                // "Spokesperson of the Harbour Board Ines Vardy": a role noun (titles.tsv, one not put before names), capitalised,
                // with "of the" or "for the" and a body's name after it, is an office too, read only when a name follows the body
                bool roleNoun = !titles.Any(t => t.PrecedesNames && t.ImpliesPerson);
                if (roleNoun && !(IsTitleCase(words[i]) && i + len + 1 < words.Count && words[i + len] is "of" or "for" && words[i + len + 1] == "the")) continue;
                int of = i + len;
                // "stocks inspected by Officer in Charge of the Ministry of Public Works Mirela Dantosh": "in Charge"/"in Command" after the office noun is part
                // of the title, and the field follows it
                if (of + 2 < words.Count && words[of] == "in" && words[of + 1] is "Charge" or "Command") of += 2;
                if (of >= words.Count || words[of] is not ("of" or "for")) continue;
                // "Lord Pemberly, the Minister for Defence, visited", "opened by the Minister of State for Fisheries and the Diaspora,
                // Nell Carrow": the office's field (capitalised words, "and", "the", "for" between them) with no name after it,
                // ended by punctuation, names no one: what the recogniser made of it goes, but for a body or place the gazetteer
                // knows, an acronym, or a name a body's keyword heads
                if (FieldAloneEnd(words, of + 1) is var alone && alone > 0)
                {
                    if (roleNoun) continue;
                    // (a part that opens after a capitalised word goes on with it: "of U.S. Army South" keeps "South")
                    // ("Secretary of Ports of Norway, chair of ...": a span from the field over its "of" and the place goes too; the place stays a name)
                    int bound = alone < words.Count && words[alone] == "of" ? PlaceEnd(words, alone + 1) : alone;
                    candidates.RemoveAll(c => c.CharStart < 0 && c.First > of && c.First < alone && c.End <= bound && c.Source != "gazetteer" && words[c.First - 1] is "of" or "for" or "and" or "the" or "&" or ","
                                              && !(c.Length == 1 && NameKey.IsAcronymShape(words[c.First]))
                                              // (an armed force after "of" is where the office is held, no field of work: "the Deputy
                                              // Commander of Norland Army East,"; a field is a domain, "Minister for Trade", and no force)
                                              && !(words[of] == "of" && NamesArmedForce(words, c.First, c.End))
                                              // (a body named by its head word after the field's "of": "the Chair of Valdra Holdings,")
                                              // ("Minister of the Interior and Administration,": a field the agents dictionary knows an
                                              // office of, opening it before "and", keeps it the field whatever keyword ends it)
                                              && (c.Length >= 3 && words[c.First + 1] == "and" && IsOfficeField(words, c.First, c.First + 1)
                                                  || !(c.Length >= 2 && Keyword(words, c.First, c.End) is { Position: KeywordPosition.Suffix })
                                                     && !(words[c.First - 1] == "the" && Enumerable.Range(c.First, c.Length).Any(k => _lex.OrgKeywords.Lookup(words[k]).Count > 0))));
                    i = alone - 1;
                    continue;
                }
                // "the Minister of Harbours of Ostland Tomas Berg said": the field, "of" and a place the gazetteer knows say whose
                // office it is, and the holder's name follows the place: the person, the place stays a name, the field is none
                if (!roleNoun && FieldOfPlaceHolder(words, of + 1) is var (placeFirst, placeEnd, holderEnd))
                {
                    candidates.RemoveAll(c => c.CharStart < 0 && c.First < holderEnd && of < c.End
                                              && !(c.Source == "gazetteer" && c.First >= placeFirst && c.End <= placeEnd));
                    // (the place keeps its mention even when the gazetteer's pass left it out as part of a longer name, the holder's name
                    // right after it: "of Ostland Tomas Berg")
                    if (!candidates.Any(c => c.CharStart < 0 && c.Source == "gazetteer" && c.First == placeFirst && c.End == placeEnd)
                        && _lex.Gazetteer.Lookup(WordRun.Join(words, placeFirst, placeEnd - placeFirst)) is { Count: > 0 } place)
                        candidates.Add(new Candidate(s.Index, placeFirst, placeEnd, place[0].Entry.Type, place[0].Entry.FineType, place[0].Kind, "gazetteer", PriorityGazetteer, place[0].Entry.Name));
                    candidates.Add(new Candidate(s.Index, placeEnd, holderEnd, EntityType.Person, null, MentionKind.Name, "rule", PriorityGazetteer + 2, Role: RoleOf(titles)));
                    i = holderEnd - 1;
                    continue;
                }
                int runStart = of + 1, runEnd = runStart;
                // "Director of the Federal Bureau of Investigation Ana Ruiz": the article before a body's name is no part of the field
                bool body = false;
                if (runStart + 1 < words.Count && words[runStart] == "the" && IsCapitalized(words[runStart + 1])) { runStart++; runEnd++; body = true; }
                // the capitalised run after "of", through "for"/"and"/"the" between capitalised words ("State for Defence"), and
                // "of" inside a body's name
                while (runEnd < words.Count)
                {
                    var w = words[runEnd];
                    if (IsCapitalized(w) && (w.Any(char.IsLetter)) && !DateWords.Contains(w)) { runEnd++; continue; }
                    // "Secretary of State for Fisheries and Harbours Elske van Dam": a surname's particle ("van", "de", "al") between
                    // capitalised words is inside the person's name, so the run goes on to its end
                    if (EntityClusterer.IsNameParticle(w) && runEnd > runStart && IsCapitalized(words[runEnd - 1])
                        && (runEnd + 1 < words.Count && IsCapitalized(words[runEnd + 1])
                            || runEnd + 2 < words.Count && EntityClusterer.IsNameParticle(words[runEnd + 1]) && IsCapitalized(words[runEnd + 2])))
                    { runEnd++; continue; }
                    if ((w is "for" or "and" or "the" || w == "of" && body) && runEnd > runStart && runEnd + 1 < words.Count && IsCapitalized(words[runEnd + 1])
                        // "... for International Affairs Ana Ruiz and CBP Acting Executive Director ...": a title soon after "and"
                        // opens a second office holder, not more of this one's field
                        && !(w == "and" && Enumerable.Range(runEnd + 1, Math.Min(4, words.Count - runEnd - 1)).Any(k => IsCapitalized(words[k]) && _lex.Titles.LongestMatchAt(words, k).Entries is var t && t.Any(e => e.ImpliesPerson) && t.Any(e => e.PrecedesNames))))
                    { runEnd++; continue; }
                    break;
                }
                if (runEnd - runStart < 2) continue;
                // (a role noun's office is read only when a name surely ends the run: two last words that are singular proper nouns,
                // name words of no ordinary English nor an abstract noun's suffix ("Coordination"), and no title inside the run, which would introduce the name itself: "Chief of the Army Staff General ...")
                if (roleNoun && !(Enumerable.Range(runEnd - 2, 2).All(k => IsNameWord(words[k]) && !IsFieldWord(words[k]) && !IsOrdinaryWord(words[k]) && _lex.OrgKeywords.Lookup(words[k]).Count == 0
                                      && s.Tokens[k].Tag == "NNP" && !AbstractNounSuffixes.Any(x => words[k].EndsWith(x, StringComparison.Ordinal)))
                                  && !Enumerable.Range(runStart, runEnd - runStart).Any(k => _lex.Titles.LongestMatchAt(words, k).Entries.Any(t => t.PrecedesNames && t.ImpliesPerson))))
                    continue;
                // the field: the longest opening of the run made of field words, leaving the name two words when it can
                int fieldEnd = runStart;
                // a person's name has no "and": a field goes on at least over the word after its last "and" ("Under Secretary for
                // Farm Production and Conservation Bill Northey"), and over words the tagger reads as common nouns or adjectives
                // ("for Trade and Foreign Agricultural Affairs Ted McKinney"), leaving the name two words
                // "Chief of the KPF Tomas Brekke": an acronym opening the body's name after "the" is the whole body, and the name follows it
                bool acronymBody = body && runEnd - runStart >= 3 && NameKey.IsAcronymShape(words[runStart]) && words[runStart].Count(char.IsAsciiLetterUpper) >= 2
                                   && Enumerable.Range(runStart + 1, runEnd - runStart - 1).All(k => IsNameWord(words[k]) && _lex.OrgKeywords.Lookup(words[k]).Count == 0);
                int joined = runStart;
                // (not when an initial follows that word: "... of the Harbour Office and Lena K. Voss" joins a second person, whose name
                // opens right after "and")
                for (int k = runStart; k < runEnd - 3; k++) if (words[k] is "and" or "&" && !IsInitial(words[k + 2])) joined = k + 2;
                for (int k = runStart; k < runEnd - 1; k++)
                {
                    var w = words[k];
                    bool field = w is "for" or "and" or "the" || IsFieldWord(w) || IsOfficeField(words, runStart, k + 1)
                                 || body && (w == "of" || IsTitleCase(w) && _lex.OrgKeywords.Lookup(w).Count > 0)
                                 || !body && k < runEnd - 2 && (k < joined || k > runStart && fieldEnd == k && s.Tokens[k].Tag is "JJ" or "NN" or "NNS" or "NNPS");
                    if (!field) break;
                    if (w is not ("for" or "and" or "the" or "of")) fieldEnd = k + 1;
                }
                // "Special Envoy for Chile Ola Brandt", "High Commissioner for Migrants Tomas Vell": a field of words no
                // list above knows (a known place or body, a people noun, an adjective) still ends before a two-word name
                if (acronymBody) fieldEnd = runStart + 1;
                if (fieldEnd == runStart) fieldEnd = FieldBeforeTwoWordName(s, words, runStart, runEnd);
                if (fieldEnd == runStart) continue;
                // "Commissioner for Port Works Authority Lena K. Brask": a person's name holds no body's head word, so
                // the field goes on through the last one that still leaves two words of name after it
                for (int k = runEnd - 3; k >= fieldEnd; k--)
                    if (IsTitleCase(words[k]) && _lex.OrgKeywords.Lookup(words[k], KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization)
                        && words[fieldEnd..k].All(w => w is "for" or "and" or "the" or "of" || IsTitleCase(w)))
                    { fieldEnd = k + 1; break; }
                if (runEnd - fieldEnd < 2 && fieldEnd - runStart >= 2 && runEnd - runStart >= 3 && IsFieldWord(words[fieldEnd - 1])
                    && !IsOfficeField(words, runStart, fieldEnd)) fieldEnd--;
                int nameStart = fieldEnd;
                while (nameStart < runEnd && words[nameStart] is "for" or "and" or "the" or "of") nameStart++;
                // "for the Bureau of Arctic Fisheries Kara Voss": the field goes on over such words before the last two
                if (runEnd - nameStart >= 3) nameStart = FieldBeforeTwoWordName(s, words, nameStart, runEnd);
                // "Director for the Office of Coastal Planning Arvo": the body named "A of B" goes on over B's words of ordinary English
                // (and name keywords); the person's name is the name words after the last of them, none of them a given name
                if (body && !acronymBody && nameStart < runEnd)
                {
                    int k = runEnd - 1;
                    while (k > nameStart && IsNameWord(words[k]) && !IsFieldWord(words[k]) && !IsOrdinaryWord(words[k]) && _lex.OrgKeywords.Lookup(words[k]).Count == 0) k--;
                    if (k >= nameStart && k < runEnd - 1 && runEnd - k - 1 <= 3 && (IsFieldWord(words[k]) || IsOrdinaryWord(words[k]) || _lex.OrgKeywords.Lookup(words[k]).Count > 0)
                        && !_lex.GivenNames.Contains(words[k]) && words[runStart..k].Contains("of") && words[runStart..k].All(w => IsCapitalized(w) || w is "of" or "and" or "for" or "the")
                        // (no name the gazetteer knows across the cut, nor a place or body after it: "the Southern District of New York")
                        && !Enumerable.Range(runStart, k - runStart + 1).Any(f => _lex.Gazetteer.Lookup(WordRun.Join(words, f, runEnd - f)).Count > 0)
                        && !(_lex.Gazetteer.Lookup(WordRun.Join(words, k + 1, runEnd - k - 1)) is { Count: > 0 } after && after.Any(h => h.Entry.Type != EntityType.Person)))
                        nameStart = fieldEnd = k + 1;
                }
                if (nameStart >= runEnd || Keyword(words, runStart, runEnd) is { Position: KeywordPosition.Suffix }) continue;
                // "The Chancellor of the Republic of Austria arrived": the words after the field's own "of" that close a name the
                // gazetteer knows as a place or body ("the Republic of Austria") are that name's end, the office's complement, no holder
                if (words[nameStart - 1] is "of" && Enumerable.Range(runStart, nameStart - runStart)
                        .Any(f => _lex.Gazetteer.Lookup(WordRun.Join(words, f, runEnd - f)) is { Count: > 0 } whole && whole.All(h => h.Entry.Type != EntityType.Person)))
                    continue;
                if (_lex.Gazetteer.Lookup(WordRun.Join(words, nameStart, runEnd - nameStart)) is { Count: > 0 } known
                    && known[0].Entry.Type != EntityType.Person) continue;
                candidates.RemoveAll(c => c.First < runEnd && runStart < c.End);
                candidates.Add(new Candidate(s.Index, nameStart, runEnd, EntityType.Person, null, MentionKind.Name, "rule", PriorityGazetteer + 2, Role: RoleOf(titles)));
                // ... and the body is a name of its own when a name keyword says so ("the Federal Bureau of Investigation", "the Navy"),
                // with the fine label the gazetteer gives the whole name ("the President of the European Parliament Ana Ruiz")
                // (not a field the agents dictionary knows an office of, "and" and more field: "of the Interior and Administration")
                if (acronymBody) candidates.Add(new Candidate(s.Index, runStart, runStart + 1, EntityType.Organization, null, MentionKind.Name, "rule", PriorityKeyword));
                else if (body && fieldEnd > runStart && !(fieldEnd - runStart >= 3 && words[runStart + 1] == "and" && IsOfficeField(words, runStart, runStart + 1))
                    && Enumerable.Range(runStart, fieldEnd - runStart).Select(k => _lex.OrgKeywords.Lookup(words[k]))
                        .FirstOrDefault(h => h.Count > 0 && h[0].Type == EntityType.Organization) is { } bodyKw)
                    candidates.Add(new Candidate(s.Index, runStart, fieldEnd, EntityType.Organization,
                        _lex.Gazetteer.Lookup(WordRun.Join(words, runStart, fieldEnd - runStart)) is { Count: > 0 } g && g[0].Entry.Type == EntityType.Organization ? g[0].Entry.FineType : bodyKw[0].FineType,
                        MentionKind.Name, "rule", PriorityKeyword));
                i = runEnd - 1;
            }
        }
    }

    /// <summary>
    /// "Minister of Defence of Ostland Tomas Berg", "Secretary for Harbour Affairs of the Vale Islands Ana Ruiz": from
    /// <paramref name="from"/> (after a title's "of"/"for"), a field of capitalised words of ordinary English (or a field the
    /// agents dictionary knows an office of), "for"/"and"/"the"/"&amp;" between them, then "of", a place the gazetteer knows
    /// ("the" before it or not, one to three words), then a person's name of two or three name words and no capitalised word
    /// after it: where the place opens and ends and where the name ends; null otherwise.
    /// </summary>
    private (int PlaceFirst, int PlaceEnd, int HolderEnd)? FieldOfPlaceHolder(List<string> words, int from)
    {
        int e = from;
        while (e < words.Count && (IsTitleCase(words[e]) || words[e] is "and" or "the" or "for" or "&" && e > from)) e++;
        while (e > from && words[e - 1] is "and" or "the" or "for" or "&") e--;
        if (e == from || e + 3 >= words.Count || words[e] != "of") return null;
        if (!Enumerable.Range(from, e - from).All(k => words[k] is "and" or "the" or "for" or "&" || IsFieldWord(words[k])) && !IsOfficeField(words, from, e)) return null;
        int p = e + 1;
        if (words[p] == "the") p++;
        for (int len = 1; len <= 3 && p + len + 2 <= words.Count; len++)
        {
            if (!Enumerable.Range(p, len).All(k => IsCapitalized(words[k]) && words[k].Any(char.IsLetter))) break;
            if (!IsKnownPlace(WordRun.Join(words, p, len)) || !IsTwoWordName(words, p + len)) continue;
            int n = p + len + 2;
            if (n < words.Count && IsNameWord(words[n]) && !IsOrdinaryWord(words[n]) && _lex.OrgKeywords.Lookup(words[n]).Count == 0 && !DateWords.Contains(words[n])) n++;
            if (n < words.Count && IsCapitalized(words[n]) && words[n].Any(char.IsLetter)) continue;
            return (p, p + len, n);
        }
        return null;
    }

    /// <summary>
    /// Where a person's two-word name opens after an office's field that runs from <paramref name="from"/> to
    /// <paramref name="runEnd"/>: <c>runEnd - 2</c> when every word before it is a connector or a word a field is made of (a
    /// word of ordinary English or its plural, a place or body the gazetteer knows, a people noun of the agents dictionary,
    /// a name keyword, an adjective or plural noun by its tag) and the last two are name words of no such kind (no initial
    /// among them: "Ana K. Voss" keeps its initial); otherwise <paramref name="from"/>.
    /// </summary>
    private int FieldBeforeTwoWordName(Sentence s, List<string> words, int from, int runEnd)
    {
        int name = runEnd - 2;
        if (name <= from || words[from] is "for" or "and" or "the" or "of" || IsInitial(words[name - 1]) || !IsTwoWordName(words, name)) return from;
        for (int k = from; k < name; k++)
        {
            var w = words[k];
            if (w is "for" or "and" or "the" or "of" || IsFieldWord(w) || IsOrdinaryWord(w) || _lex.OrgKeywords.Lookup(w).Count > 0
                || s.Tokens[k].Tag is "JJ" or "NNS" or "NNPS" || w.EndsWith('s') && IsPeopleNoun(w)
                || _lex.Gazetteer.Lookup(w) is { Count: > 0 } known && known[0].Entry.Type != EntityType.Person) continue;
            return from;
        }
        return name;
    }

    /// <summary>Two words at <paramref name="k"/> that can be a person's name: name words, none a word of ordinary English, a
    /// name keyword, a title, a date word or a name particle.</summary>
    private bool IsTwoWordName(List<string> words, int k) =>
        k >= 0 && k + 2 <= words.Count && Enumerable.Range(k, 2).All(j => IsNameWord(words[j]) && !IsOrdinaryWord(words[j]) && _lex.OrgKeywords.Lookup(words[j]).Count == 0
            && !DateWords.Contains(words[j]) && _lex.Titles.LongestMatchAt(words, j).Length == 0 && !RomanceParticles.Contains(words[j]));

    /// <summary>
    /// The end of an office's field opening at <paramref name="from"/> (after a title's "of"/"for") that no name follows:
    /// capitalised words, with "and", "the", "for" or "&amp;" between them, then punctuation or the sentence's end, the last two
    /// words no person's name; -1 otherwise.
    /// </summary>
    private int FieldAloneEnd(List<string> words, int from)
    {
        int e = from;
        while (e < words.Count)
        {
            var w = words[e];
            if (IsCapitalized(w) && w.Any(char.IsLetter) && !DateWords.Contains(w)) { e++; continue; }
            if (w is "and" or "the" or "for" or "&" && e + 1 < words.Count && (IsCapitalized(words[e + 1]) || words[e + 1] == "the" && e + 2 < words.Count && IsCapitalized(words[e + 2])))
            { e++; continue; }
            break;
        }
        while (e > from && words[e - 1] is "and" or "the" or "for" or "&") e--;
        // "the Minister of Fisheries, Forests and Rivers spoke": fields listed with commas, the last after "and", are one field
        // (each part a word of ordinary English or a place or body the gazetteer knows), then punctuation or a lower-case word
        if (e > from && e < words.Count && words[e] == "," && ListedFieldEnd(words, e + 1) is var listed && listed > 0)
            return FieldAloneCheck(words, from, listed);
        // "the Minister for Tourism and Overseas Trade of Chile, Tomas Vell": "of" and a country or place the gazetteer knows,
        // then punctuation, say whose office the field is; the field still ends before "of", and the place is a name of its own
        if (e > from && e + 1 < words.Count && words[e] == "of" && PlaceThenPunctuation(words, e + 1)) return FieldAloneCheck(words, from, e);
        if (e == from || e < words.Count && words[e] is not ("," or "." or ";" or ":" or ")")) return -1;
        return FieldAloneCheck(words, from, e);
    }

    /// <summary>
    /// The end of the rest of a field listed with commas, opening at <paramref name="k"/> after a comma: parts of capitalised
    /// words of ordinary English (UD's common words) or of a place or body the gazetteer knows, with commas between them and
    /// "and" before the last, then punctuation, a lower-case word or the sentence's end; -1 otherwise.
    /// </summary>
    private int ListedFieldEnd(List<string> words, int k)
    {
        bool and = false;
        int e = k;
        while (e < words.Count)
        {
            int p = e;
            while (p < words.Count && IsTitleCase(words[p])) p++;
            if (p == e) return -1;
            // (each part: words of ordinary English, or a name the gazetteer knows as no person)
            if (!Enumerable.Range(e, p - e).All(q => IsFieldWord(words[q]))
                && !(_lex.Gazetteer.Lookup(WordRun.Join(words, e, p - e)) is { Count: > 0 } known && known.All(h => h.Entry.Type != EntityType.Person)))
                return -1;
            e = p;
            if (and) break;
            if (e + 1 < words.Count && words[e] == "and") { and = true; e++; continue; }
            if (e + 1 < words.Count && words[e] == ",") { e++; if (words[e] == "and") { and = true; e++; } continue; }
            return -1;
        }
        return and && (e == words.Count || words[e] is "," or "." or ";" or ":" or ")" || char.IsLower(words[e][0])) ? e : -1;
    }

    /// <summary>Whether a place the gazetteer knows (capitalised words, "the" before them or not) opens at <paramref name="k"/> and
    /// punctuation or the sentence's end follows it.</summary>
    private bool PlaceThenPunctuation(List<string> words, int k) => PlaceEnd(words, k) > k;

    /// <summary>Where a place the gazetteer knows that opens at <paramref name="k"/> ("the" before it or not) and that punctuation or the
    /// sentence's end follows ends; <paramref name="k"/> when there is none.</summary>
    private int PlaceEnd(List<string> words, int k)
    {
        int at = k;
        if (k < words.Count && words[k] == "the") k++;
        int q = k;
        while (q < words.Count && q - k < 4 && IsCapitalized(words[q]) && words[q].Any(char.IsLetter)) q++;
        // ("She was Minister for Harbours of Ostland (2012-2017)", "Minister of Harbours of Ostland approves ...": an opening bracket
        // or a lower-case word ends the place as well)
        return q > k && (q == words.Count || words[q] is "," or "." or ";" or ":" or ")" or "(" || char.IsLower(words[q][0])) && IsKnownPlace(WordRun.Join(words, k, q - k)) ? q : at;
    }

    /// <summary>The end <paramref name="e"/> of an office's field with no name after it, or -1 when its last words can be a person's name.</summary>
    private int FieldAloneCheck(List<string> words, int from, int e)
    {
        // (a name may close the run: two name words, or an initial and a name word, "Lena K. Brask"; a name in capitals too)
        bool NameWord(int k) => (IsNameWord(words[k]) || words[k].Length >= 2 && words[k].All(char.IsUpper)) && !IsOrdinaryWord(words[k])
                                && _lex.OrgKeywords.Lookup(words[k]).Count == 0 && _lex.Titles.LongestMatchAt(words, k).Length == 0;
        if (e - from >= 2 && NameWord(e - 1) && (NameWord(e - 2) || IsInitial(words[e - 2])) || Enumerable.Range(from, e - from).Any(k => IsInitial(words[k]))) return -1;
        return e;
    }

    /// <summary>A person's title (one put before names) whose last word is <c>words[end - 1]</c>: where it opens and its readings.</summary>
    private (int First, IReadOnlyList<TitleEntry> Titles)? TitleEndingAt(List<string> words, int end)
    {
        for (int f = Math.Max(0, end - 3); f < end; f++)
            if (_lex.Titles.LongestMatchAt(words, f) is { Length: > 0 } t && f + t.Length == end && t.Entries.Any(e => e.PrecedesNames && e.ImpliesPerson)) return (f, t.Entries);
        return null;
    }

    /// <summary>
    /// Whether words[first..end) are a person's name after a title: titles put before names (titles.tsv, or a capitalised
    /// government office of the agents dictionary) open the span or end right before it, and one to three name words follow,
    /// the first (or the only one) no word of ordinary English, none a name keyword, a title or a date word, naming nothing the gazetteer knows as other
    /// than a person, and no capitalised word after them ("General Motors", "Admiral Street Bridge" stay what they are).
    /// </summary>
    private bool NameAfterTitle(Sentence s, List<string> words, int first, int end)
    {
        int k = first;
        while (k < end)
        {
            var (len, titles) = TitleAt(words, k);
            if (len > 0 && IsCapitalized(words[k]) && titles.Any(t => t.PrecedesNames && t.ImpliesPerson))
            {
                k += len;
                if (k < end - 1 && words[k] is "'" or "\u2019") k++;
                continue;
            }
            if (IsGovernmentOfficeWord(words, k)) { k++; continue; }
            break;
        }
        if (k == first && TitleEndingAt(words, first) is null) return false;
        if (k >= end || end - k > 3 || end < words.Count && IsCapitalized(words[end]) && words[end].Any(char.IsLetter)) return false;
        // (nor a name that modifies a common noun after it: "the General Assembly hall", "the Admiral Benbow inn")
        if (end < words.Count && s.Tokens[end].Tag is "NN" or "NNS") return false;
        for (int j = k; j < end; j++)
            // (a surname may be a word of ordinary English after a given name that is none: "Nadia Cutter", "Tom Price")
            if (!(IsNameWord(words[j]) || IsInitial(words[j]) && j < end - 1) || (j == k || end - k == 1) && IsOrdinaryWord(words[j]) || _lex.OrgKeywords.Lookup(words[j]).Count > 0
                || DateWords.Contains(words[j]) || _lex.Titles.LongestMatchAt(words, j).Length > 0 || EntityClusterer.IsNameParticle(words[j])) return false;
        return !(_lex.Gazetteer.Lookup(WordRun.Join(words, k, end - k)) is { Count: > 0 } known && known.Any(h => h.Entry.Type != EntityType.Person));
    }

    /// <summary>Post-nominal letters (titles.tsv, used after a name only, or a person's title written in capitals: "MP", "T.D.").</summary>
    private bool IsPostNominal(string w)
    {
        if (w.Length < 2 || !char.IsUpper(w[0]) || !w.All(ch => char.IsUpper(ch) || ch == '.')) return false;
        // (a loop, not a closure over the word: asked for every word)
        var titles = _lex.Titles.Lookup(w);
        for (int i = 0; i < titles.Count; i++)
            if (titles[i] is var t && t.ImpliesPerson && (t.Usage == TitleUsage.After || t.Form == w)) return true;
        return false;
    }

    /// <summary>
    /// Words that modify an office noun to make a longer title, a closed class of English: "Acting", "Deputy", "Assistant",
    /// "Special" ("Deputy Bureau Director", "Assistant Special Agent in Charge", "Acting Operations Division Deputy Chief").
    /// </summary>
    private static readonly HashSet<string> TitleModifiers = new(StringComparer.Ordinal)
    {
        "Acting", "Deputy", "Assistant", "Associate", "Principal", "Special", "Under", "Chief", "Senior", "Executive",
        "Resident", "Supervisory", "Vice", "Interim", "Regional", "Lead", "Managing",
    };

    private bool IsPersonTitle(List<string> words, int i, out int length)
    {
        length = 0;
        if (!IsCapitalized(words[i])) return false;
        var (len, titles) = _lex.Titles.LongestMatchAt(words, i);
        length = len;
        return len > 0 && titles.Any(t => t.ImpliesPerson);
    }

    /// <summary>
    /// The end of a compound job title opening at <paramref name="i"/>: modifiers ("Acting", "Deputy"), office words between a
    /// modifier and the office noun (capitalised common words, name keywords, a country: "Chief U.S. District Judge",
    /// "Deputy Bureau Director"), the office noun (titles.tsv, a person's title), and "in Charge"/"in Command" after it
    /// ("Special Agent in Charge"); -1 when no office noun closes it.
    /// </summary>
    private int TitlePhraseEnd(List<string> words, int i)
    {
        int j = i, end = -1, office = 0;
        bool modified = false;
        while (j < words.Count)
        {
            if (TitleModifiers.Contains(words[j])) { j++; modified = true; office = 0; continue; }
            if (IsPersonTitle(words, j, out int len))
            {
                j += len;
                if (j + 1 < words.Count && words[j] == "in" && words[j + 1] is "Charge" or "Command") j += 2;
                end = j;
                continue;
            }
            if (modified && office < 3 && IsCapitalized(words[j]) && j + 1 < words.Count
                && (IsFieldWord(words[j]) || _lex.OrgKeywords.Lookup(words[j]).Count > 0
                    || _lex.Gazetteer.Lookup(words[j]) is { Count: > 0 } g && g[0].Entry.FineTypes.Contains("Country")))
            { j++; office++; continue; }
            break;
        }
        // "Deputy Chief Jaime Salazar": the last modifier, itself an office noun, closes the title
        if (end < 0 && j > i && TitleModifiers.Contains(words[j - 1]) && IsPersonTitle(words, j - 1, out _)) end = j;
        return end;
    }

    /// <summary>
    /// The initials of the compound titles of people the article writes in full, capitalised ("Deputy Prime Minister" gives
    /// DPM, "Vice Minister of Finance" VM: the title's own words, not its field after "of"), with the title's readings; none
    /// that spells a name the gazetteer knows. One pass over the article's tokens.
    /// </summary>
    private Dictionary<string, IReadOnlyList<TitleEntry>> TitleInitials(IReadOnlyList<Sentence> sentences, out HashSet<string> defined)
    {
        var found = new Dictionary<string, IReadOnlyList<TitleEntry>>(StringComparer.Ordinal);
        defined = new HashSet<string>(StringComparer.Ordinal);
        // (initials are two to four capitals: an article that writes no such word has none to read, and skips the pass)
        if (!sentences.Any(s => s.Tokens.Any(t => t.Text.Length is >= 2 and <= 4 && t.Text.All(char.IsUpper) || t.Text == "("))) return found;
        foreach (var s in sentences)
        {
            var words = s.Tokens.Select(t => t.Text).ToList();
            DefinedTitleAbbreviations(words, found, defined);
            for (int i = 0; i < words.Count; i++)
            {
                if (!IsTitleCase(words[i])) continue;
                int end = TitlePhraseEnd(words, i);
                if (end - i < 2 || end - i > 4 || !Enumerable.Range(i, end - i).All(k => IsTitleCase(words[k]))) continue;
                // the office noun's readings: the last title inside the phrase
                IReadOnlyList<TitleEntry>? office = null;
                for (int k = i; k < end; k++)
                    if (_lex.Titles.LongestMatchAt(words, k) is { Length: > 0 } t && t.Entries.Any(e => e.ImpliesPerson && e.PrecedesNames)) { office = t.Entries; k += t.Length - 1; }
                var initials = string.Concat(Enumerable.Range(i, end - i).Select(k => words[k][0]));
                if (office is not null && _lex.Gazetteer.Lookup(initials).Count == 0 && _lex.Titles.Lookup(initials).Count == 0) found.TryAdd(initials, office);
                i = end - 1;
            }
        }
        return found;
    }

    /// <summary>
    /// "the Commander (CMD) of the Varn Force", "the Chief of Plans (COP)", "the Commander of VARNFOR (CMDVARNFOR)": capitals in
    /// brackets right after a person's title of titles.tsv (capitalised; its field after "of" may come before the bracket, up
    /// to six capitalised words, "the" and "of" among them), opening with the title's first letter, are the abbreviation the
    /// article defines for that title: an office holder, never a body, wherever the article writes it (title44). Linear in
    /// the sentence's length.
    /// </summary>
    private void DefinedTitleAbbreviations(List<string> words, Dictionary<string, IReadOnlyList<TitleEntry>> found, HashSet<string> defined)
    {
        for (int p = 2; p + 2 < words.Count; p++)
        {
            if (words[p] != "(" || words[p + 2] != ")") continue;
            string abbr = words[p + 1];
            if (abbr.Length is < 2 or > 12 || !abbr.All(char.IsAsciiLetterUpper)) continue;
            // the title: at most seven words back, a capitalised person's title that ends right before the bracket or whose
            // "of" phrase (capitalised words, "the", "of", "and") does
            for (int i = p - 1; i >= 0 && i >= p - 8; i--)
            {
                if (!IsCapitalized(words[i]) || _lex.Titles.LongestMatchAt(words, i) is not { Length: > 0 } t
                    || !t.Entries.Any(e => e.ImpliesPerson && e.PrecedesNames) || words[i][0] != abbr[0]) continue;
                int end = i + t.Length;
                if (end < p && words[end] != "of") continue;
                bool field = Enumerable.Range(end, p - end).All(k => k == end || IsCapitalized(words[k]) || words[k] is "the" or "of" or "and");
                if (!field) continue;
                // "the Director of the Dorvale Port Agency (DPA)", "the Commander of Corvan Command (CORCOM)": capitals the field's
                // words spell (their first letters or syllables, in order) are the body's acronym, not the title's (review44)
                if (end < p && SpelledBy(abbr, words, end + 1, p)) break;
                found[abbr] = t.Entries;
                defined.Add(abbr);
                break;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="abbr"/> reads as the opening letters of some of the words from <paramref name="from"/> to
    /// <paramref name="to"/> (exclusive), in order, each word giving none or a prefix of its letters: "DPA" of "the Dorvale
    /// Port Agency", "CORCOM" of "Corvan Command". Memoised: bounded by the abbreviation's length times the span's.
    /// </summary>
    private static bool SpelledBy(string abbr, List<string> words, int from, int to)
    {
        var letters = Enumerable.Range(from, to - from).Select(k => new string(words[k].Where(char.IsLetter).ToArray()).ToUpperInvariant()).ToList();
        var memo = new bool?[abbr.Length + 1, letters.Count + 1];
        bool Reads(int a, int w)
        {
            if (a == abbr.Length) return true;
            if (w == letters.Count) return false;
            if (memo[a, w] is { } known) return known;
            bool ok = Reads(a, w + 1);
            for (int l = 1; !ok && l <= letters[w].Length && a + l <= abbr.Length && letters[w][l - 1] == abbr[a + l - 1]; l++)
                ok = Reads(a + l, w + 1);
            return (memo[a, w] = ok).Value;
        }
        return Reads(0, 0);
    }

    /// <summary>The words in capitals the article writes right before or after a capitalised name word ("Mr. HALVOR Jens",
    /// "KANDA Masato"): surnames written in capitals. One pass over the article's tokens.</summary>
    private HashSet<string> SurnamesInCapitals(IReadOnlyList<Sentence> sentences)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var t = s.Tokens;
            for (int i = 0; i < t.Count; i++)
            {
                string w = t[i].Text;
                if (w.Length < 2 || !w.All(char.IsAsciiLetterUpper)) continue;
                bool Given(int k) => k >= 0 && k < t.Count && IsNameWord(t[k].Text) && t[k].Text.Skip(1).Any(char.IsLower) && !IsOrdinaryWord(t[k].Text)
                                     && _lex.OrgKeywords.Lookup(t[k].Text).Count == 0 && _lex.Titles.Lookup(t[k].Text).Count == 0;
                if (Given(i - 1) || Given(i + 1)) found.Add(w);
            }
        }
        return found;
    }

    /// <summary>
    /// "Deputy Prime Minister Tarja Velloso ... DPM Velloso said": the initials of a compound title the article writes in full,
    /// in capitals right before one to three name words (a surname written in capitals too: "VM HALVOR"), are that title
    /// abbreviated, and the words after it a person's name: the title is no part of the name, nor the name a body's acronym.
    /// The initials with no name after them are the title alone, no name at all.
    /// </summary>
    private void AddPeopleAfterTitleInitials(Sentence s, List<string> words, bool headline, Dictionary<string, IReadOnlyList<TitleEntry>> initials,
        HashSet<string> surnamesInCapitals, HashSet<string> defined, List<Candidate> candidates)
    {
        for (int i = 0; i + 1 < words.Count; i++)
        {
            if (!initials.TryGetValue(words[i], out var titles)) continue;
            // (a word in capitals is a surname only when the article writes it beside a given name: "HALVOR Jens"; else it is a
            // body's short name: "funding from DG TRANSIT")
            bool Name(int k) => (IsNameWord(words[k]) || words[k].Length >= 2 && words[k].All(char.IsAsciiLetterUpper) && surnamesInCapitals.Contains(words[k]))
                                && !DateWords.Contains(words[k])
                                && _lex.OrgKeywords.Lookup(words[k]).Count == 0 && _lex.Titles.LongestMatchAt(words, k).Length == 0 && !IsOrdinaryWord(words[k])
                                && !initials.ContainsKey(words[k]);
            int f = i + 1;
            while (f < words.Count && f - i <= 3 && Name(f)) f++;
            // ("since taking office as DPM,": the initials alone, no name after them, are the title, no body's acronym)
            if (f == i + 1 && (f == words.Count || !IsCapitalized(words[f]))) { candidates.RemoveAll(c => c.CharStart < 0 && c.First == i && c.End == i + 1 && c.Source != "gazetteer"); continue; }
            // "CMD Major General Tomas Vell", "CMD VARNFOR said", "CMD VARNFOR HQ Orvin": an abbreviation the article defines for a
            // title (in brackets after it, DefinedTitleAbbreviations) before a person's title or before a body's name is the title
            // too: no part of a name; the body after it is the body (title44)
            if (f == i + 1 && defined.Contains(words[i]) && !_lex.Gazetteer.Lookup(words[i]).Any())
            {
                bool rank = IsPersonTitle(words, f, out _);
                var over = candidates.Where(c => c.CharStart < 0 && c.First == i && c.End > i && c.Source != "gazetteer" && c.Type != EntityType.Person).ToList();
                candidates.RemoveAll(over.Contains);
                if (!rank)
                    foreach (var c in over.Where(c => c.End > i + 1))
                        candidates.Add(c with { First = i + 1, Canonical = null, Role = null });
                continue;
            }
            // (a capitalised word after the name says the run is longer, but a word of ordinary English in a headline's capitals:
            // "DPM Velloso Opens Talks", unless a body's keyword closes the run: "MD Velloso Heart Institute"; in running text
            // any capitalised word goes on with the name; and a name that goes on over "and", "of" or "for" is a body's: "at DG
            // Fisheries and Oceans")
            if (f == i + 1 || f < words.Count && IsCapitalized(words[f]) && words[f].Any(char.IsLetter) && !(headline && IsOrdinaryWord(words[f]))) continue;
            if (headline && f < words.Count && IsCapitalized(words[f]))
            {
                int g = f;
                while (g < words.Count && IsCapitalized(words[g]) && _lex.OrgKeywords.Lookup(words[g]).Count == 0) g++;
                if (g < words.Count && IsCapitalized(words[g])) continue;
            }
            if (f + 1 < words.Count && words[f] is "and" or "&" or "of" or "for" && IsCapitalized(words[f + 1])) continue;
            if (_lex.Gazetteer.Lookup(WordRun.Join(words, i + 1, f - i - 1)) is { Count: > 0 } known && known.Any(h => h.Entry.Type != EntityType.Person)) continue;
            candidates.RemoveAll(c => c.CharStart < 0 && c.First < f && i < c.End);
            candidates.Add(new Candidate(s.Index, i + 1, f, EntityType.Person, null, MentionKind.Name, "rule", PriorityGazetteer + 2, Role: RoleOf(titles)));
            i = f - 1;
        }
    }

    /// <summary>"SAC", "ASAC": an acronym whose letters are the initials of modifiers, an office noun and "in Charge" ("Special Agent in Charge").</summary>
    private bool IsInChargeAcronym(string w)
    {
        if (w.Length is < 3 or > 5 || w[^1] != 'C' || !w.All(char.IsAsciiLetterUpper)) return false;
        for (int k = 0; k < w.Length - 2; k++)
            if (!TitleModifiers.Any(m => m[0] == w[k])) return false;
        var title = _lex.Titles.Entries.Where(t => t.ImpliesPerson && t.PrecedesNames && !t.Form.Contains(' ') && char.IsUpper(t.Form[0]) && t.Form[0] == w[^2]);
        return title.Any() && _lex.Gazetteer.Lookup(w).Count == 0;
    }

    /// <summary>
    /// "the Director of the Port Authority", "the Chairman of the Orvell Credit Union spoke": a span opening with a person's
    /// title and "of" names the title's office in the body after "of"; the body is the name when a head keyword of its own
    /// makes it one (a field alone, "Minister of Defence", names no body), or, after a one-word office that "the", "to",
    /// "as", "of" or a comma introduces, when "the" opens it (a field of work takes none: "Minister of Trade"), keyword or
    /// not (<paramref name="keywordless"/>: the recogniser's body spans and the dictionaries' entries; not in a headline,
    /// whose capitals say nothing). A dictionary's entry (<paramref name="dictionary"/>) is read by the second way only.
    /// Returns where the body's name starts, or -1.
    /// </summary>
    private int BodyAfterOffice(Sentence s, List<string> words, int first, int end, bool keywordless, bool dictionary = false)
    {
        if (_lex.Titles.LongestMatchAt(words, first) is not { Length: > 0 } title || !title.Entries.Any(t => t.ImpliesPerson)
            || first + title.Length + 1 >= end || words[first + title.Length] != "of") return -1;
        int body = first + title.Length + 1;
        if (words[body] is "the" && body + 1 < end) body++;
        if (!IsCapitalized(words[body])) return -1;
        var head = Keyword(words, body, end);
        if (!dictionary && head is { Type: EntityType.Organization }) return body;
        bool introduced = title.Length == 1 && words[body - 1] == "the" && first > 0 && words[first - 1] is "the" or "The" or "to" or "as" or "of" or ","
                          && IsCapitalized(words[first]) && !IsInChargeAcronym(words[first]) && TitlePhraseEnd(words, first) == first + 1 && !IsHeadline(s);
        return keywordless && introduced && (dictionary || head is null) ? body : -1;
    }

    /// <summary>
    /// A job title between a body's name and a person's name separates them: "FBI SAC James L. Turgal" is the FBI and James L.
    /// Turgal, "Special Agent in Charge James Gibbons" is James Gibbons, "U.S. Customs and Border Protection Acting Operations
    /// Division Deputy Chief Jaime Salazar" is the agency and Jaime Salazar; the title is neither. A span the recogniser made
    /// across the title is cut: what it had before the title stays (a body), the name after it is the person (two to four
    /// capitalised words or initials). A span that is only a compound title, with "for"/"of" and its field after it
    /// ("Deputy Bureau Director for Trust Services") and no name, is no entity.
    /// </summary>
    private void AddTitledPeople(Sentence s, List<string> words, List<Candidate> candidates)
    {
        for (int i = 0; i + 2 < words.Count; i++)
        {
            if (!IsCapitalized(words[i])) continue;
            // (the rest in a block: the variables its lambdas capture are made only for the words that get here)
            {
                bool inCharge = IsInChargeAcronym(words[i]);
                int end = inCharge ? i + 1 : TitlePhraseEnd(words, i);
                bool compound = end - i >= 2 || inCharge;
                if (end < 0) continue;
                if (!compound)
                {
                    // "Assistant to the President for Science and Technology": a recogniser's span opening with an office noun and
                    // going on over "for"/"of" into its field is the office, no body
                    if (end + 1 < words.Count && words[end] is "for" or "of" && IsCapitalized(words[end + 1]) && i > 0 && words[i - 1] is "the" or "to" or "as" or "of")
                    {
                        var office = candidates.Where(c => c.CharStart < 0 && c.Source == "ner" && c.Type != EntityType.Person && c.First == i && c.End > end + 1).ToList();
                        candidates.RemoveAll(office.Contains);
                        // (a body's acronym as the field stays that body: "as CEO of Kessco")
                        foreach (var c in office.Where(c => c.End == end + 2 && NameKey.IsAcronymShape(words[end + 1])))
                            candidates.Add(c with { First = end + 1, Type = EntityType.Organization, FineType = null, Canonical = null, Role = null });
                    }
                    continue;
                }
                // the name: capitalised proper nouns and initials, no name keyword, no title
                int f = end;
                while (f < words.Count && f - end < 4 && !DateWords.Contains(words[f])
                       && (s.Tokens[f].Tag is "NNP" or "NNPS" && IsNameWord(words[f]) || IsInitial(words[f])) && _lex.OrgKeywords.Lookup(words[f]).Count == 0
                       && !_lex.Titles.LongestMatchAt(words, f).Entries.Any(t => t.ImpliesPerson)) f++;
                if (f < words.Count && NameSuffixes.Contains(words[f])) f++;
                // (a capitalised word after it, a keyword or a title, says the run is longer: "Vice President Emery Financial Group")
                bool named = f - end >= 2 && !IsInitial(words[f - 1]) && (f >= words.Count || !IsCapitalized(words[f]) || NameSuffixes.Contains(words[f - 1]))
                             && !(f < words.Count && words[f] == "&") && !IsKnownPlace(words[end])
                             // "Colonel Major Rémi Jean de Dieu Kaboré": a particle and a capitalised word go on with the name
                             && !(f + 1 < words.Count && IsCapitalized(words[f + 1]) && (RomanceParticles.Contains(words[f]) || EntityClusterer.IsNameParticle(words[f])))
                             && !(_lex.Gazetteer.Lookup(WordRun.Join(words, end, f - end)) is { Count: > 0 } known && known[0].Entry.Type != EntityType.Person);
                if (named)
                {
                    var crossing = candidates.Where(c => c.First < f && end > c.First && c.End > i && c.CharStart < 0 && !(c.First == end && c.End == f)).ToList();
                    if (crossing.Count == 0 && candidates.Any(c => c.First == end && c.End == f && c.Type == EntityType.Person)) { i = f - 1; continue; }
                    candidates.RemoveAll(c => crossing.Contains(c) || c.First < f && end < c.End && c.First >= end && c.CharStart < 0);
                    KeepBodiesBefore(words, crossing, i, candidates);
                    string? role = null; // the office noun's role: the last title inside the phrase ("agent" in "Special Agent in Charge")
                    for (int k = i; k < end; k++)
                        if (_lex.Titles.LongestMatchAt(words, k) is { Length: > 0 } head && head.Entries.Any(t => t.ImpliesPerson && t.PrecedesNames))
                        {
                            role = RoleOf(head.Entries);
                            k += head.Length - 1; // "Attorney General" is one office, not "General"
                        }
                    candidates.Add(new Candidate(s.Index, end, f, EntityType.Person, null, MentionKind.Name, "rule", PriorityGazetteer + 2, Role: role));
                    i = f - 1;
                    continue;
                }
                // a compound title alone, with its field after "for"/"of" (capitalised words, no "the": that would open a body's name): no entity
                if (f == end && end + 1 < words.Count && words[end] is "for" or "of" && IsCapitalized(words[end + 1]))
                {
                    int fieldEnd = end + 1;
                    while (fieldEnd < words.Count && (IsCapitalized(words[fieldEnd]) || words[fieldEnd] is "and" or "&" && fieldEnd + 1 < words.Count && IsCapitalized(words[fieldEnd + 1]))) fieldEnd++;
                    // (a body the gazetteer knows, or an acronym, named as the field stays: "Assistant Director of NASA")
                    candidates.RemoveAll(c => c.CharStart < 0 && c.Type != EntityType.Person && c.First >= i && c.First < fieldEnd
                                              && (c.First < end || c.Source != "gazetteer" && !(c.Length == 1 && NameKey.IsAcronymShape(words[c.First]))));
                    // ... and a span across the title keeps the body before it ("ICE Assistant Director for International Affairs")
                    var across = candidates.Where(c => c.CharStart < 0 && c.First < i && c.End > i && c.Type != EntityType.Person).ToList();
                    candidates.RemoveAll(across.Contains);
                    KeepBodiesBefore(words, across, i, candidates);
                }
            }
        }
    }

    /// <summary>
    /// "a Kessland armed forces Landvern engineer", "the militia Kessa Guard": a common noun of an armed body's kind
    /// (descriptors.tsv, ArmedForces or ArmedGroup: "armed forces", "army", "militia"), lower-case, right before capitalised
    /// proper nouns (one to three, none a title, a date word or a place the gazetteer knows) that a lower-case word or the
    /// clause's end closes, names that body: the noun says what kind of thing the name is. A weak candidate: any span the
    /// recogniser or the dictionaries made over the words wins.
    /// </summary>
    private void AddForcesNamedAfterTheirKind(Sentence s, List<string> words, List<Candidate> candidates)
    {
        for (int i = 1; i < words.Count; i++)
        {
            if (!IsTitleCase(words[i]) || s.Tokens[i].Tag is not ("NNP" or "NNPS") || !char.IsLower(words[i - 1][0])) continue;
            // (a two-word kind, "armed forces", or one singular word of an armed group's kind alone, "the militia Kataeb": not a
            // plural, "troops Ruiz led", nor a kind that is as often a plain body's, "the group Ruiz founded", nor one word of a
            // state's force, which more often names the force's equipment after it, "the navy Seahawk crew", "army Javelin
            // launchers")
            var pairKind = i >= 2 && char.IsLower(words[i - 2][0]) ? _lex.Descriptors.Lookup(words[i - 2] + " " + words[i - 1]) : null;
            bool twoWords = pairKind is { Count: > 0 };
            var kind = twoWords ? pairKind! : _lex.Descriptors.Lookup(words[i - 1]);
            if (kind.FirstOrDefault(d => d.Type == EntityType.Organization) is not { } force || force.FineTypes.Count == 0
                || !(force.FineTypes[0] == "ArmedForces" || force.FineTypes.Count == 1 && force.FineTypes[0] == "ArmedGroup")
                || !twoWords && (words[i - 1].EndsWith('s') || force.FineTypes[0] == "ArmedForces")) continue;
            int end = i;
            while (end < words.Count && end - i < 3 && IsTitleCase(words[end]) && s.Tokens[end].Tag is "NNP" or "NNPS" && !DateWords.Contains(words[end])
                   && _lex.Titles.LongestMatchAt(words, end).Length == 0) end++;
            if (end == i || end < words.Count && (IsCapitalized(words[end]) || words[end] is "'s" or "\u2019s")) { i = end; continue; }
            var name = WordRun.Join(words, i, end - i);
            if (_lex.Gazetteer.Lookup(name).Count > 0 || _lex.Descriptors.Lookup(name.ToLowerInvariant()).Count > 0) { i = end; continue; }
            candidates.Add(new Candidate(s.Index, i, end, EntityType.Organization, force.FineTypes[0], MentionKind.Name, "rule", PriorityNer - 2));
            i = end;
        }
    }

    /// <summary>Where the one "and" of words[first..end) stands, or -1 (none, or more than one).</summary>
    private static int IndexOfAnd(List<string> words, int first, int end)
    {
        int at = -1;
        for (int k = first; k < end; k++)
            if (words[k] == "and") { if (at >= 0) return -1; at = k; }
        return at;
    }

    /// <summary>Words naming an armed force: one of them a name keyword of the ArmedForces kind ("Army", "Fleet", "Corps").</summary>
    private bool NamesArmedForce(List<string> words, int first, int end)
    {
        for (int k = first; k < end; k++)
            if (IsCapitalized(words[k]) && _lex.OrgKeywords.Lookup(words[k]).Any(h => h.FineType == "ArmedForces")) return true;
        return false;
    }

    /// <summary>A word a person's name is made of: a capital, then letters with a lower-case one among them ("McColgan", "O'Neil", "Silva-Gonzalez").</summary>
    private static bool IsNameWord(string w) =>
        w.Length >= 2 && char.IsUpper(w[0]) && w.Any(char.IsLower) && w.All(ch => char.IsLetter(ch) || ch is '-' or '\'' or '\u2019');

    /// <summary>The part before a title (at <paramref name="title"/>) of spans made across it, when it is a body's or a place's name.</summary>
    private void KeepBodiesBefore(List<string> words, List<Candidate> crossing, int title, List<Candidate> candidates)
    {
        foreach (var c in crossing)
        {
            int cut = title; // "District of Columbia and Special Agent in Charge ...": no connector ends the body's name
            while (cut > c.First && (Connectors.Contains(words[cut - 1]) || words[cut - 1] is "the" or "," or ";")) cut--;
            if (c.First < cut && c.Type is EntityType.Organization or EntityType.Location && (cut - c.First >= 2 || NameKey.IsAcronymShape(words[c.First])))
                candidates.Add(Keyword(words, c.First, cut) is { } kw
                    ? c with { End = cut, Type = kw.Type, FineType = kw.Fine, Canonical = null, Role = null }
                    : c with { End = cut, FineType = null, Canonical = null, Role = null });
        }
    }

    internal static bool IsInitial(string w) => w.Length == 2 && char.IsUpper(w[0]) && w[1] == '.';

    /// <summary>Opening and closing quotation marks as the tokenizer writes them.</summary>
    private static bool IsOpenQuote(string w) => w is "\u201C" or "\"" or "``" or "'" or "\u2018";
    internal static bool IsCloseQuote(string w) => w is "\u201D" or "\"" or "''" or "'" or "\u2019";

    /// <summary>
    /// "Elizabeth \u201CGena\u201D Macres", "Helena \"Lena\" Marsh": a given name, a nickname of one or two capitalised words in
    /// quotation marks and a surname are one person, named by the given name and the surname (the nickname is in the
    /// mention's text, an alias); the recogniser often cuts such a name into pieces of other types.
    /// </summary>
    // legislators' nouns before "for" and the electorate they sit for ("the Member for Kessa Bay", "the MP for Orvin North")
    // (the titles capitalised, as a legislator's office is written: "a board member for Orvin Shipping Partners" is a company's)
    private static readonly HashSet<string> Legislators = new(StringComparer.Ordinal) { "Member", "MEMBER", "MP", "MLA", "MSP", "Senator", "SENATOR" };

    // the roles a transcript gives its speakers besides titles.tsv's titles ("NORA VALE, HOST:")
    private static readonly HashSet<string> TranscriptRoles = new(StringComparer.OrdinalIgnoreCase)
        { "host", "co-host", "presenter", "interviewer", "moderator", "anchor", "reporter", "journalist", "narrator" };

    /// <summary>
    /// "NORA VALE, HOST: Good morning." / "DEFENCE MINISTER, TOMAS RADEK: Thanks.": a line of a transcript opens with its
    /// speaker's label, two parts in capitals split by a comma and closed by a colon, a name and a role (a title of
    /// titles.tsv, or a transcript's role word); the part that is no role is the speaker, a person, whatever the recogniser
    /// read the capitals as. Only at the start of a line; each part of four words at most. A later line that opens with such a
    /// speaker's surname in capitals and a colon ("VALE: And then?") is that speaker's turn: the surname is the person's.
    /// </summary>
    private void AddSpeakerLabel(string text, Sentence s, List<string> words, HashSet<string> speakers, List<Candidate> candidates)
    {
        if (words.Count < 3 || s.Tokens[0].Start > 0 && text[s.Tokens[0].Start - 1] != '\n') return;
        if (words[1] == ":" && speakers.Contains(words[0]))
        {
            candidates.Add(new Candidate(s.Index, 0, 1, EntityType.Person, null, MentionKind.Name, "rule", PriorityGazetteer + 2));
            return;
        }
        if (words.Count < 5) return;
        int comma = words.IndexOf(",");
        if (comma < 1 || comma > 4) return;
        int colon = comma + 2;
        while (colon < words.Count && colon <= comma + 5 && words[colon] != ":") colon++;
        if (colon >= words.Count || words[colon] != ":") return;
        static bool Caps(string w) => w.Any(char.IsLetter) && w.All(c => char.IsUpper(c) || c is '\'' or '\u2019' or '-' or '.');
        if (!Enumerable.Range(0, colon).All(k => k == comma || Caps(words[k]))) return;
        string Title(int from, int to) => string.Join(' ', words.Skip(from).Take(to - from).Select(w => w[0] + w[1..].ToLowerInvariant()));
        bool IsRole(int from, int to)
        {
            for (int k = from; k < to; k++)
                if (_lex.Titles.Lookup(Title(k, to)).Count > 0 || _lex.Titles.Lookup(Title(from, k + 1)).Count > 0) return true;
            return to - from == 1 && TranscriptRoles.Contains(words[from]);
        }
        // (a person's name has a word that is no word of ordinary English: "MEDIA STATEMENT, PRIME MINISTER:" heads a release)
        bool IsSpeaker(int from, int to) => to - from is >= 2 and <= 4 && !IsRole(from, to)
            && _lex.Gazetteer.Lookup(Title(from, to)).Count == 0 && Keyword(words, from, to) is null
            && !Enumerable.Range(from, to - from).All(k => _lex.CommonWords.Contains(words[k].ToLowerInvariant()));
        var (first, end) = IsRole(comma + 1, colon) && IsSpeaker(0, comma) ? (0, comma)
            : IsRole(0, comma) && IsSpeaker(comma + 1, colon) ? (comma + 1, colon) : (-1, -1);
        if (first < 0) return;
        candidates.Add(new Candidate(s.Index, first, end, EntityType.Person, null, MentionKind.Name, "rule", PriorityGazetteer + 2));
        speakers.Add(words[end - 1]);
    }

    private void AddNicknamedPeople(Sentence s, List<string> words, List<Candidate> candidates)
    {
        for (int i = 0; i + 3 < words.Count; i++)
        {
            if (!IsTitleCase(words[i]) || !IsOpenQuote(words[i + 1]) || DateWords.Contains(words[i]) || _lex.Titles.Lookup(words[i]).Count > 0
                || _lex.OrgKeywords.Lookup(words[i]).Count > 0 || i == 0 && _lex.CommonWords.Contains(words[i].ToLowerInvariant())) continue;
            int close = i + 2;
            while (close < words.Count && close - i <= 4 && IsTitleCase(words[close])) close++;
            if (close == i + 2 || close - i > 4 || close + 1 >= words.Count || !IsCloseQuote(words[close])) continue;
            int last = close + 1;
            if (!IsTitleCase(words[last]) || s.Tokens[last].Tag is not ("NNP" or "NNPS") || _lex.OrgKeywords.Lookup(words[last]).Count > 0) continue;
            candidates.Add(new Candidate(s.Index, i, last + 1, EntityType.Person, null, MentionKind.Name, "rule", PriorityTitle, words[i] + " " + words[last]));
            i = last;
        }
    }

    /// <summary>The entity type of a recogniser label (PER, ORG, LOC); null for MISC and anything else.</summary>
    internal static EntityType? RecogniserType(string label) => label switch
    {
        "PER" => EntityType.Person,
        "ORG" => EntityType.Organization,
        "LOC" => EntityType.Location,
        _ => null,
    };

    /// <summary>A capitalised word of ordinary English (UD's common words), name keyword or not: "Defense", "Intelligence".</summary>
    private bool IsFieldWord(string w) =>
        IsTitleCase(w) && _lex.CommonWords.Contains(w.ToLowerInvariant());

    /// <summary>Whether words[from..end) name a field the agents dictionary knows an office of: "Defence", "Foreign Affairs", "the Interior".</summary>
    private bool IsOfficeField(List<string> words, int from, int end)
    {
        var field = WordRun.Join(words, from, end - from).ToLowerInvariant();
        foreach (var form in new[] { $"ministry of {field}", $"minister of {field}", $"department of {field}", $"{field} minister", $"{field} secretary", $"{field} ministry" })
            if (_lex.Agents.Lookup(form).Count > 0) return true;
        return false;
    }

    /// <summary>
    /// "NAVAL STATION MAYPORT, Fla. -", "BOSTON —": a dateline opens a news story with the place in capitals before a comma
    /// or a dash. The capitals are one place, whatever words they contain.
    /// </summary>
    private void AddDateline(Sentence s, List<string> words, List<Candidate> candidates)
    {
        if (s.Index > 2) return; // a dateline opens the story, right after its title
        int end = 0;
        while (end < words.Count && words[end].Length >= 2 && words[end].All(ch => char.IsUpper(ch) || ch is '.' or '\'' or '-') && words[end].Any(char.IsLetter)) end++;
        // "Kessa Falls, VT – The agency said": a town written in title case, a comma, its U.S. state (or abbreviation) and a
        // dash open the story as a dateline too
        if (end == 0)
        {
            while (end < words.Count && end < 3 && IsTitleCase(words[end])) end++;
            if (end == 0 || end + 2 >= words.Count || words[end] != "," || UsStateOf(words[end + 1]) is null
                || words[end + 2] is not ("-" or "\u2014" or "\u2013" or "--")) return;
            candidates.Add(new Candidate(s.Index, 0, end, EntityType.Location, null, MentionKind.Name, "rule", PriorityGazetteer + 1));
            AddDatelineState(s, words, end, candidates);
            return;
        }
        if (end >= words.Count || words[end] is not ("," or "-" or "\u2014" or "\u2013" or "(")) return;
        // an acronym opening a sentence ("NATO, the EU ...") is no dateline: a dateline is a line's first words, then news
        if (end == 1 && NameKey.IsAcronymShape(words[0]) && words[0].Length <= 4) return;
        // "KESSAVILLE –", "KESSAVILLE, DC –": the AP Stylebook lets a capital stand alone in a dateline; capitals that the
        // gazetteer knows as a capital, or that open the name of one and are no country's name ("Washington" of "Washington
        // D.C."), are that capital, a City named as the gazetteer names it; the capital's last word after the comma is part
        // of it. Not with a U.S. state after the comma ("KESSAVILLE, Pa." is a town of that state)
        if (DatelineCapital(words, end) is { } capital)
        {
            var lastWord = capital[(capital.LastIndexOf(' ') + 1)..];
            bool withCode = end + 1 < words.Count && words[end] == "," && capital.Contains(' ') && NameKey.Fold(words[end + 1]) == NameKey.Fold(lastWord);
            if (withCode || words[end] != "," || end + 1 >= words.Count || UsStateOf(words[end + 1]) is null && OwnCountryAfter(capital, words, end + 1))
            {
                candidates.Add(new Candidate(s.Index, 0, withCode ? end + 2 : end, EntityType.Location, "City", MentionKind.Name, "rule", PriorityGazetteer + 1) { Canonical = capital });
                return;
            }
        }
        candidates.Add(new Candidate(s.Index, 0, end, EntityType.Location, null, MentionKind.Name, "rule", PriorityGazetteer + 1));
        AddDatelineState(s, words, end, candidates);
    }

    /// <summary>
    /// Whether the words from <paramref name="from"/> to the dateline's dash name no place but the capital's own country:
    /// "LUSAKA, Zambia –" is the capital, "KINGSTON, Ontario –" a town of that province, no capital of another country.
    /// </summary>
    private bool OwnCountryAfter(string capital, List<string> words, int from)
    {
        int to = from;
        while (to < words.Count && words[to] is not ("-" or "\u2014" or "\u2013" or "--" or "," or "(")) to++;
        // (a date is no place: "WASHINGTON, June 3, 2014 –")
        if (to == from || !IsCapitalized(words[from]) || words.Skip(from).Take(to - from).Any(w => w.Any(char.IsDigit))) return true;
        var country = _lex.Gazetteer.Lookup(capital).Select(h => h.Entry).FirstOrDefault(e => e.Name == capital && e.Country is not null)?.Country;
        var after = _lex.Gazetteer.Lookup(WordRun.Join(words, from, to - from));
        return country is not null && after.Any(h => h.Entry.FineType == "Country" && h.Entry.Country == country);
    }

    /// <summary>The capital a dateline's capitals words[0..end) name (see <see cref="AddDateline"/>), or null.</summary>
    private string? DatelineCapital(List<string> words, int end)
    {
        var town = string.Join(' ', words.Take(end).Select(w => w[0] + w[1..].ToLowerInvariant()));
        var hits = _lex.Gazetteer.Lookup(town);
        if (hits.Count > 0)
            return hits.All(h => h.Entry.FineType == "City") ? hits[0].Entry.Name : null;
        LazyInitializer.EnsureInitialized(ref _capitalsOfDistricts, BuildCapitalsOfDistricts);
        return _capitalsOfDistricts.Values.Distinct(StringComparer.Ordinal).Where(c => c.StartsWith(town + " ", StringComparison.Ordinal)).ToList() is [var only] ? only : null;
    }

    /// <summary>
    /// "KESSA FALLS, VT –", "Orvin, Vt. -": the U.S. state after a dateline's town, written whole, as the AP abbreviates it or
    /// as its postal code, before the dateline's dash, is that state (one node with the state named in full elsewhere)
    /// </summary>
    private void AddDatelineState(Sentence s, List<string> words, int townEnd, List<Candidate> candidates)
    {
        if (townEnd + 2 >= words.Count || words[townEnd] != ",") return;
        var w = words[townEnd + 1];
        // (the abbreviation's period may stand as a token of its own: "ORVIN, Del. –" read as "Del" and ".")
        int dash = townEnd + 2;
        if (words[dash] == "." && dash + 1 < words.Count && _lex.UsStateAbbreviations.ContainsKey(w + ".")) { w += "."; dash++; }
        if (words[dash] is not ("-" or "\u2014" or "\u2013" or "--")) return;
        if (UsStateOf(w) is not { } state) return;
        candidates.Add(new Candidate(s.Index, townEnd + 1, townEnd + 2, EntityType.Location, null, MentionKind.Name, "rule", PriorityGazetteer + 1) { Canonical = state });
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
            && _lex.Gazetteer.Lookup(WordRun.Join(words, 1, n.End - 1)) is { Count: > 0 } tail
            && tail[0].Entry.Type == EntityType.Location && _lex.Gazetteer.Lookup(string.Join(' ', words.Take(n.End))).Count == 0)
            n = n with { First = 1, Label = "LOC" };
        // "in Marsel, The Netherlands": the article the recogniser took in with a place the gazetteer knows is no part of its
        // name; the span without it meets the gazetteer's reading (a country keeps its sublabel), when the article with the
        // name is no name the gazetteer knows itself
        if (n.End - n.First >= 2 && words[n.First] is "The" or "the"
            && _lex.Gazetteer.Lookup(WordRun.Join(words, n.First + 1, n.End - n.First - 1)) is { Count: > 0 } named
            && named[0].Entry.Type == EntityType.Location && _lex.Gazetteer.Lookup(WordRun.Join(words, n.First, n.End - n.First)).Count == 0)
            n = n with { First = n.First + 1 };
        // "Thomas J. McCool", "citizen Kayla Jean Mueller" found as "J. McCool", "Jean Mueller": one capitalised proper noun
        // right before a recognised person of two words or more is the first name the recogniser cut off, when it is no
        // title, name keyword, known place or date word, and nothing capitalised stands before it; at a sentence's start
        // only before a middle initial (else it may be a capitalised opening word), never in a headline (all capitals there)
        if (n.Label == "PER" && n.First > 0 && n.End - n.First >= 2 && !IsHeadline(s))
        {
            int f = n.First - 1;
            var w = words[f];
            bool initialNext = words[n.First].Length == 2 && words[n.First][1] == '.' && char.IsUpper(words[n.First][0]);
            // the tagger's guess for an unknown capitalised word opening a sentence may be an adjective ("Dorian/JJ K. Maltby")
            // (at a sentence's start also before three names, when the word is no word of ordinary English: "Nisreen Ana Luisa Ortiz")
            bool longNext = n.End - n.First >= 3 && s.Tokens[f].Tag == "NNP" && !_lex.CommonWords.Contains(w.ToLowerInvariant());
            if ((s.Tokens[f].Tag == "NNP" || f == 0 && initialNext && s.Tokens[f].Tag is "JJ" or "NN") && IsTitleCase(w)
                && (f == 0 ? initialNext || longNext : !char.IsUpper(words[f - 1][0]) && !char.IsDigit(words[f - 1][0]))
                && _lex.Titles.LongestMatchAt(words, f).Length == 0 && _lex.OrgKeywords.Lookup(w).Count == 0
                && _lex.Gazetteer.Lookup(w).Count == 0 && !DateWords.Contains(w))
                n = n with { First = f };
        }
        // "the EU Member States", "Velmar, a State Party": the recogniser's span ending in a country's standing in a body names
        // the states, no one actor (the body before it is the gazetteer's or a run's); "of" before it makes it a body's field
        // ("the Conference of States Parties")
        if (n.End - n.First >= 2 && !(n.End - n.First >= 3 && words[n.End - 3] == "of") && IsStandingPair(words[n.End - 2], words[n.End - 1])) return;
        // "the Tarsk Mountain Rescue Detachment and Royal Navy helicopters searched": a name headed by a body's keyword of its
        // own (two words or more), "and", and a body the dictionaries know by the words after it are two bodies, no one body
        // the recogniser ran over both ("Ministry of Trade and Industry", "Relief and Works Agency": one side no such name)
        if (n.Label == "ORG" && IndexOfAnd(words, n.First, n.End) is int and && and - n.First >= 2 && n.End - and >= 3
            && Keyword(words, n.First, and) is { Position: KeywordPosition.Suffix, Type: EntityType.Organization }
            && _lex.Gazetteer.Lookup(WordRun.Join(words, and + 1, n.End - and - 1)) is { Count: > 0 } right
            && right[0].Entry.Type == EntityType.Organization)
        {
            AddNer(s, words, n with { End = and }, candidates);
            AddNer(s, words, n with { First = and + 1 }, candidates);
            return;
        }
        // "the training area, Norland Oct. 4, 2031": a month (or a weekday) and the day's number after a place or body open a
        // date, no part of the name the recogniser ran on into them (a person's name may end in a month's: "Ana May")
        if (n.Label != "PER")
        {
            int trimmed = n.End;
            while (trimmed - n.First > 1 && DateWords.Contains(words[trimmed - 1]) && (trimmed >= words.Count || words[trimmed].All(char.IsAsciiDigit) || words[trimmed] is "," or ".")) trimmed--;
            if (trimmed < n.End) n = n with { End = trimmed };
        }
        // "the Director of the Port Authority": the office and the body it is held in (BodyAfterOffice)
        if (n.Label is "ORG" or "MISC" && BodyAfterOffice(s, words, n.First, n.End, n.Label == "ORG") is int officeBody and >= 0)
            n = n with { First = officeBody, Label = "ORG" };
        // "a Velm Island Air Wing KX-90 patrol": an aircraft's designation closing a span of two names or more before a
        // lower-case noun modifies that noun (the crew of an aircraft of that type); it is no part of the name before it
        if (n.End - n.First >= 3 && n.End < words.Count && IsAircraftDesignation(words[n.End - 1]) && char.IsLower(words[n.End][0])
            && IsTitleCase(words[n.End - 2]))
            n = n with { End = n.End - 1 };
        EntityType? type = RecogniserType(n.Label);
        string? fine = null;
        int first = n.First, end = n.End;
        if (type is not null && Keyword(words, first, end) is { } head)
        {
            // the head keyword knows better than the recogniser: "Operation Desert Shield" is an operation
            type = head.Type;
            fine = head.Fine;
            // "Mission" + "in South Sudan": a keyword-headed name goes on through a connector and a proper noun
            while (type == EntityType.Organization && end + 1 < words.Count && Connectors.Contains(words[end]) && words[end] is not ("and" or "&") && IsRunToken(s.Tokens, end + 1)
                   && !PlaceAfterIn(words, end, fine))
            {
                end += 2;
                while (end < words.Count && IsRunToken(s.Tokens, end)) end++;
            }
        }
        // "Velmar Navy North", "U.S. Army South": a country's name and a force's keyword opening the span name that country's
        // force (a command named for its area), whatever place the recogniser read in the area's word
        else if (type == EntityType.Location && end - first >= 3 && _lex.Gazetteer.LongestMatchAt(words, first) is { } country
                 && country.Best.Entry.FineTypes.Contains("Country") && country.End < end - 1 && IsCapitalized(words[country.End])
                 && _lex.OrgKeywords.Lookup(words[country.End]).Any(h => h.FineType == "ArmedForces"))
        {
            type = EntityType.Organization;
            fine = "ArmedForces";
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

    /// <summary>
    /// "the OTV pilots", "Pilots of the GRV walked out", "OTV (Orvin Transit Vehicles) said", "the Orvin Transit Vehicles (OTV)",
    /// "OTV's drivers": a word of three to six capitals that a definite article opens a noun phrase with (numbers between
    /// allowed), that stands beside the words it spells in brackets, or that takes a possessive, is a proper name, and a
    /// bare acronym so used names a body far more often than anything else. The recogniser with word classes leaves many
    /// such words untagged or calls them miscellaneous (it has no class for an unseen acronym); this candidate is the
    /// guess it used to make, an organisation of source "ner" (so that the rules that correct the recogniser's guesses for
    /// acronyms read it: a place or a document it spells, the long name in brackets beside it). Not a word the recogniser
    /// read as a person, place or body, or inside a longer span; not in a line of capitals (two capitals words side by
    /// side: "NEW YORK", a dateline or a shouted heading); not an ordinary English word or a known name written in capitals
    /// for emphasis ("NOTE", "WASHINGTON"), a month or a day, a time zone, or a Roman numeral after a name ("Henry VIII");
    /// after "the", not an acronym the article writes only as a pre-modifier of things ("the GPS units", AcronymsOnlyModifying).
    /// </summary>
    private void AddBareAcronyms(Sentence s, List<string> words, IEnumerable<NerSpan> ner, HashSet<string> modifiers, List<Candidate> candidates)
    {
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Length is < 3 or > 6 || !IsCapitalsWord(w)) continue;
            if (i > 0 && IsCapitalsWord(words[i - 1]) || i + 1 < words.Count && IsCapitalsWord(words[i + 1])) continue;
            if (ner.Any(n => n.First <= i && i < n.End && (n.Label != "MISC" || n.End - n.First > 1))) continue;
            var lower = w.ToLowerInvariant();
            if (_lex.CommonWords.Contains(lower) || _lex.Gazetteer.Lookup(char.ToUpperInvariant(w[0]) + lower[1..]).Count > 0
                || DateWords.Contains(w) || IsTimeZoneShape(w) || i > 0 && IsTitleCase(words[i - 1]) && IsRomanNumeral(w)) continue;
            int d = i - 1;
            while (d >= 0 && IsCardinal(words[d].Replace(",", "")) && i - d <= 2) d--;
            bool definite = d >= 0 && words[d] is "the" or "The";
            bool possessive = i + 1 < words.Count && words[i + 1] is "'s" or "\u2019s";
            // (after "the" only when the article also writes the acronym as a noun phrase's head: "the GPS units", "the AIDS
            // clinic" name kinds of thing, AcronymsOnlyModifying)
            if (!(definite && !modifiers.Contains(w)) && !possessive && !SpelledBeside(words, i)) continue;
            candidates.Add(new Candidate(s.Index, i, i + 1, EntityType.Organization, null, MentionKind.Name, "ner", PriorityNer));
        }
    }

    /// <summary>A person's role noun (titles.tsv), a plural noun of people (agents.tsv, or an agent's suffix: "drivers") or a
    /// collective noun of people ("crew", "staff", surface.rules).</summary>
    private bool IsPeopleServing(Token t)
    {
        var lemma = t.Lemma ?? t.Text;
        return _lex.Titles.Lookup(lemma).Any(e => e.ImpliesPerson) || Relations.Grammar.PeopleCollectiveNouns.Contains(lemma)
               || Relations.Grammar.PeopleCollectiveNouns.Contains(t.Text) || t.Tag == "NNS" && t.Text.Length > 2 && IsPeopleNoun(t.Text);
    }

    /// <summary>
    /// "The GPS units were replaced", "the USB drives had been wiped", "The AIDS clinic will open": a word of capitals written
    /// right before a lower-case common noun is that noun's pre-modifier, and "the" determines the noun, not the acronym.
    /// An acronym the article writes nowhere else (never as a subject, an object, before a possessive or a verb, in
    /// brackets beside its long form) names a kind of thing as often as a body, so "the" before it is no evidence of a name:
    /// these are the words of three to six capitals of the article all of whose occurrences stand before a lower-case word
    /// the tagger reads as a common noun, none a person's role or a group of people (IsPeopleServing: "the RVK delegates",
    /// "the GRV pilots", "the 40 KLM crews" are people serving a body, which the acronym names). ("Pilots of the GRV walked out" writes GRV as a head.) One pass over the
    /// article's tokens.
    /// </summary>
    private HashSet<string> AcronymsOnlyModifying(IReadOnlyList<Sentence> sentences)
    {
        var modifying = new HashSet<string>(StringComparer.Ordinal);
        var heads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var t = s.Tokens;
            for (int i = 0; i < t.Count; i++)
            {
                var w = t[i].Text;
                if (w.Length is < 3 or > 6 || !IsCapitalsWord(w)) continue;
                bool modifier = i + 1 < t.Count && t[i + 1].Text.Length > 0 && char.IsLower(t[i + 1].Text[0]) && t[i + 1].Tag is "NN" or "NNS"
                                && !IsPeopleServing(t[i + 1]);
                (modifier ? modifying : heads).Add(w);
            }
        }
        modifying.ExceptWith(heads);
        return modifying;
    }

    /// <summary>"OTV (Orvin Transit Vehicles)", "the Orvin Transit Vehicles (OTV)": the acronym at <paramref name="i"/> and,
    /// in brackets after it (its letters in order, as the clusterer reads an expansion: "JAXA (Japan Aerospace Exploration
    /// Agency)") or before its own brackets (their initials), capitalised words, minor words between them, that spell it.</summary>
    private static bool SpelledBeside(List<string> words, int i)
    {
        var acronym = words[i];
        if (i + 2 < words.Count && words[i + 1] == "(")
        {
            int close = i + 2;
            while (close < words.Count && close - i <= 12 && words[close] != ")") close++;
            if (close < words.Count && words[close] == ")" && close - i >= 4
                && Enumerable.Range(i + 2, close - i - 2).All(k => IsTitleCase(words[k]) || MinorWords.Contains(words[k]))
                && EntityClusterer.SpellsOut(acronym, WordRun.Join(words, i + 2, close - i - 2))) return true;
        }
        // (eleven words back from the bracket: twelve from the acronym)
        return i >= 3 && words[i - 1] == "(" && i + 1 < words.Count && words[i + 1] == ")"
               && InitialsBeforeBracketSpell(words, i - 1, acronym, 11, MinorWords, acronymsSpell: false);
    }

    /// <summary>
    /// Letters that a number's writing says are no name (acro40): "Apr 3, 2013", "filed on Nov 12": a month's abbreviation
    /// written without its period before a day's number or a year names a date; "[KSD/Decl.4 (XXXVII)]": a Roman numeral of
    /// four letters or more written alone (a well-formed one: "XXXVII", "DCCCXLII") numbers a session or a document; "a
    /// helicopter from 815 NAS aboard the frigate": an acronym right after a number of one to three digits that heads its
    /// noun phrase (no common noun or possessive after it; not a date's day before it: "on March 3 NATO said") is a numbered
    /// unit's designation ("815 NAS"), not the body the gazetteer knows by those letters (the recogniser's reading of the
    /// letters, "2 RCR" after the regiment's name, is left to the rules that read acronyms). No mention of them.
    /// </summary>
    private static void DropDatesAndNumberedDesignations(Sentence s, List<string> words, List<Candidate> settled)
    {
        settled.RemoveAll(c => c.End - c.First == 1 && (
            IsMonthAbbreviation(words[c.First]) && c.End < words.Count && IsDayOrYear(words[c.End])
            || words[c.First].Length >= 4 && WellFormedRoman.IsMatch(words[c.First]) && RomanInBrackets(words, c.First)
            || c.Source == "gazetteer" && IsNumberedDesignation(s, words, c.First)
            || IsCapitalsWord(words[c.First]) && words[c.First].Length <= 5 && AfterTimeOfDay(words, c.First)
               && !(c.Source == "gazetteer" && c.Type == EntityType.Organization)));
    }

    /// <summary>
    /// "at 6:40 a.m. (KDT)", "14:30 UTC", "0830 GMT": capitals right after a time of day (hours and minutes with a colon,
    /// a number and "a.m."/"p.m.", or four digits opening with 0, which no year does), in brackets or not, name its time
    /// zone, no body (acro41). Not a body the gazetteer knows by those letters: "At 6 a.m. NATO jets struck" (review41).
    /// </summary>
    private static bool AfterTimeOfDay(List<string> words, int i)
    {
        int j = i - 1;
        if (j >= 0 && words[j] == "(") j--;
        if (j < 0) return false;
        var w = words[j];
        if (w.ToLowerInvariant() is "a.m." or "p.m." or "am" or "pm" or "a.m" or "p.m") return j >= 1 && words[j - 1].Length > 0 && char.IsAsciiDigit(words[j - 1][^1]);
        if (ClockTime.IsMatch(w)) return true;
        // the tokenizer's "4", ":", "50"
        return w.Length == 2 && w.All(char.IsAsciiDigit) && j >= 2 && words[j - 1] == ":" && words[j - 2].Length is 1 or 2 && words[j - 2].All(char.IsAsciiDigit);
    }

    private static readonly System.Text.RegularExpressions.Regex ClockTime =
        new(@"^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?([ap]\.?m\.?)?$|^0\d[0-5]\d$", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>"Apr", "Sept": a month's abbreviation of <see cref="DateWords"/> written in title case without its period.</summary>
    private static bool IsMonthAbbreviation(string w) =>
        w.Length is 3 or 4 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower) && DateWords.Contains(w + ".");

    private static readonly System.Text.RegularExpressions.Regex WellFormedRoman =
        new("^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// "(XXXVII)": a Roman numeral numbers a session or a document only written alone in brackets, and not after the
    /// words its letters spell ("the Delta County Campaign Committee (DCCC)"); out of brackets the letters are a name
    /// ("The DCCC said", review40).
    /// </summary>
    private static bool RomanInBrackets(List<string> words, int i) =>
        i >= 1 && i + 1 < words.Count && words[i - 1] is "(" or "[" && words[i + 1] is ")" or "]"
        && !InitialsBeforeBracketSpell(words, i - 1, words[i], 11, MinorWords, acronymsSpell: false);

    private static bool IsDayOrYear(string w) =>
        w.All(char.IsAsciiDigit) && (w.Length <= 2 && int.Parse(w) is >= 1 and <= 31 || w.Length == 4 && w[0] is '1' or '2');

    private static bool IsNumberedDesignation(Sentence s, List<string> words, int i)
    {
        var w = words[i];
        if (i == 0 || w.Length is < 2 or > 5 || !IsCapitalsWord(w)) return false;
        var number = words[i - 1];
        if (number.Length is < 1 or > 3 || !number.All(char.IsAsciiDigit)) return false;
        if (i >= 2 && (DateWords.Contains(words[i - 2]) || IsMonthAbbreviation(words[i - 2]))) return false;
        if (i + 1 < words.Count && (words[i + 1] is "'s" or "\u2019s" or "-" || s.Tokens[i + 1].Tag is "NN" or "NNS" or "NNP" or "NNPS" or "CD")) return false;
        // "the 3 UN humanitarian agencies": an adjective or participle after the letters modifies the noun they modify too;
        // "the 27 EU and 32 NATO countries": the letters before "and"/"or" share the noun after the next conjunct (review40)
        if (i + 1 < words.Count && s.Tokens[i + 1].Tag is "JJ" or "JJR" or "JJS" or "VBG" or "VBN") return false;
        if (i + 4 < words.Count && words[i + 1] is "and" or "or" && words[i + 2].All(char.IsAsciiDigit) && IsCapitalsWord(words[i + 3])
            && (words[i + 4] is "'s" or "\u2019s" || s.Tokens[i + 4].Tag is "NN" or "NNS" or "NNP" or "NNPS" or "JJ" or "VBG" or "VBN")) return false;
        return true;
    }

    private static bool IsRomanNumeral(string w) => w.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C' or 'D' or 'M') && w.Length <= 4;

    /// <summary>
    /// "Kennedy Space Center in Florida", "the Harbor Institute in Boston": "in" and a place the gazetteer knows after a
    /// name say where the body is; they are part of the name only for a mission or a force, whose names say where they
    /// serve ("Mission in South Sudan", "Multinational Force in Iraq").
    /// </summary>
    private bool PlaceAfterIn(List<string> words, int connector, string? fine)
    {
        if (words[connector] != "in" || fine is "PeacekeepingMission" or "ArmedForces") return false;
        if (_lex.Gazetteer.LongestMatchAt(words, connector + 1) is { } place && place.Best.Entry.Type == EntityType.Location)
            return place.End >= words.Count || !IsCapitalized(words[place.End]);
        // a place the gazetteer does not list: capitalised words with no name keyword among them ("in Greenfield")
        int end = connector + 1;
        // (a place's own head word is no body's: "in Key West", "in Lake City")
        while (end < words.Count && IsCapitalized(words[end]) && words[end].All(char.IsLetter) && _lex.OrgKeywords.Lookup(words[end]).All(h => h.Type == EntityType.Location)) end++;
        return end > connector + 1 && end - connector <= 3 && (end >= words.Count || !IsCapitalized(words[end]));
    }

    /// <summary>Runs of proper nouns, joined by connectors when the whole is a keyword-headed name; titles split them.</summary>
    private void AddRuns(Sentence s, List<string> words, bool headline, IEnumerable<NerSpan> ner, List<Candidate> candidates)
    {
        var tokens = s.Tokens;
        int i = 0;
        while (i < tokens.Count)
        {
            if (!IsRunToken(tokens, i)) { i++; continue; }
            int start = i, end = i + 1;
            bool oneHead = false;
            while (true)
            {
                if (end < tokens.Count && IsRunToken(tokens, end)) { end++; continue; }
                if (!headline && KeywordHeadAfter(tokens, words, start, end) is var headEnd && headEnd > end) { end = headEnd; continue; }
                // a connector joins when a proper noun follows and the joined phrase has a keyword head
                if (end + 1 < tokens.Count && Connectors.Contains(tokens[end].Text) && IsRunToken(tokens, end + 1)
                    && !PlaceAfterIn(words, end, Keyword(words, start, end)?.Fine))
                {
                    int next = end + 1;
                    while (next < tokens.Count && IsRunToken(tokens, next)) next++;
                    // ... or a facility's head ends the whole ("the Ana Ruiz and Tomas Ferreira Federal Building": named after both)
                    // (not "and" between two natural features' names: "the Velm Sea and Gulf of Orla" are two waters)
                    if (tokens[end].Text == "and" && TwoFeaturesJoined(words, start, end, next)) break;
                    if (Keyword(words, start, end) is not null || Keyword(words, start, next) is { Position: KeywordPosition.Prefix }
                        || tokens[end].Text == "and" && end - start >= 2 && words[next - 1] == "Building")
                    {
                        end = next;
                        continue;
                    }
                    if (tokens[end].Text is "and" or "&" && !headline && ModifiersUnderOneHead(tokens, words, start, end, next, ner))
                    {
                        oneHead = true;
                        end = next;
                        continue;
                    }
                }
                break;
            }
            // "the Asian and Arctic Research Bureau": an adjective the run did not take (no proper noun after it) and "and" before
            // the run are a second modifier of the run's head (ModifiersUnderOneHead says when)
            if (!oneHead && !headline && start >= 2 && tokens[start - 1].Text == "and" && !IsRunToken(tokens, start - 2)
                && ModifiersUnderOneHead(tokens, words, start - 2, start - 1, end, ner))
            {
                oneHead = true;
                start -= 2;
            }
            AddRun(s, words, start, end, headline, candidates);
            if (!headline && !NamedByRecogniser(ner, start, end)) AddVesselRun(s, words, start, end, candidates);
            // (the head of such a name goes on through "of" and a place: "the Brackland Dialogue and Recovery Council of Orvin")
            if (oneHead && Keyword(words, start, end) is null && HeadBeforeOf(words, start, end) is { Type: EntityType.Organization } head)
                candidates.Add(new Candidate(s.Index, start, end, head.Type, head.Fine, MentionKind.Name, "rule", PriorityKeyword));
            i = end;
        }
    }

    // whether the recogniser read a person, place or body over part of the words (a loop, not a closure: AddRuns asks
    // it for every run, and a closure over the run's bounds was made for every token)
    private static bool NamedByRecogniser(IEnumerable<NerSpan> ner, int start, int end)
    {
        foreach (var n in ner)
            if (n.Label != "MISC" && n.First < end && start < n.End) return true;
        return false;
    }

    /// <summary>
    /// "the Velm Sea and Gulf of Orla", "the Gulf of Orla and Kessa Ocean": a natural feature's name complete before "and"
    /// (its head keyword at its end or opening it: "Sea", "Gulf of") and another feature's name opening after it are two
    /// names, each its own place; the feature's "of" keeps the name after it ("Gulf of Orla" is the gulf, no place "Orla").
    /// </summary>
    private bool TwoFeaturesJoined(List<string> words, int start, int and, int next)
    {
        static bool Feature((EntityType Type, string? Fine, KeywordPosition Position)? kw) => kw is { Type: EntityType.Location, Fine: "NaturalFeature" };
        if (!Feature(Keyword(words, start, and))) return false;
        if (Feature(Keyword(words, and + 1, next))) return true;
        // a feature's opening head after "and", "of" and its name to come: "... and Gulf of Orla"
        return next < words.Count && words[next] == "of" && next - and <= 3
               && _lex.OrgKeywords.Lookup(WordRun.Join(words, and + 1, next - and - 1) + " of", KeywordPosition.Prefix) is { Count: > 0 } open
               && open[0] is { Type: EntityType.Location, FineType: "NaturalFeature" };
    }

    /// <summary>
    /// "the Harbor Guard Cutter Faith", "the Port Police Cutters Tern and ...": a run with a vessel's kind or hull prefix
    /// before its last word, and no name keyword after it, names a vessel when the recogniser read no person, place or
    /// body there (it may call the whole miscellaneous, or leave it); the vehicle rules (IsVehicle) say which words name
    /// it, and the run is proposed only when they name one.
    /// </summary>
    private void AddVesselRun(Sentence s, List<string> words, int start, int end, List<Candidate> candidates)
    {
        if (end - start < 2 || Keyword(words, start, end) is not null) return;
        int kind = -1;
        for (int k = end - 2; k >= start && kind < 0; k--)
            if (VesselPrefixes.Contains(words[k]) || IsTitleCase(words[k]) && (VehicleNouns.Contains(words[k]) || IsPluralVehicleNoun(words[k]))) kind = k;
        // (nor a group of people after the kind: "the Harbor Special Boat Team Sailors" are a unit's people)
        if (kind < 0 || Enumerable.Range(kind + 1, end - kind - 1).Any(k => _lex.OrgKeywords.Lookup(words[k]).Count > 0 || IsGroupOfPeopleButCrew(words[k]) || IsPeopleNoun(words[k]))) return;
        var vessel = new Candidate(s.Index, start, end, EntityType.Organization, null, MentionKind.Name, "rule", PriorityNer - 1);
        if (IsVehicle(s, words, vessel, false, out _) is not null) candidates.Add(vessel);
    }

    /// <summary>
    /// "the Velmar Port Authority", "the Orvin Water Board", "the UK Government": capitalised common nouns right after
    /// proper nouns, the last of them a body's head keyword, close the name; the tagger reads such a head ("Board",
    /// "Government") as a common noun, capitalised because it is part of the name. At most three words; the end of the
    /// head (<paramref name="end"/> when there is none).
    /// </summary>
    private int KeywordHeadAfter(IReadOnlyList<Token> tokens, List<string> words, int start, int end)
    {
        for (int j = end; j < tokens.Count && j - end < 3; j++)
        {
            var t = tokens[j];
            if (t.Tag is not ("NN" or "NNS") || !IsTitleCase(t.Text) || DateWords.Contains(t.Text)) return end;
            // (the head closes the name: no capitalised word after it, "the Export Administration Regulations"; and a
            // document's head, "Programme", makes no body)
            if (_lex.OrgKeywords.Lookup(t.Text, KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization) && !_lex.DocumentHeads.Contains(t.Text)
                && (j + 1 >= tokens.Count || !IsCapitalized(tokens[j + 1].Text))
                && Keyword(words, start, j + 1) is { Type: EntityType.Organization, Position: KeywordPosition.Suffix }) return j + 1;
        }
        return end;
    }

    /// <summary>
    /// "the Brackland Dialogue and Recovery Council", "the Northern Plains and Lake Region": capitalised words with no head keyword
    /// of their own, "and", then capitalised words ending in a body's or a region's head keyword are two modifiers of one
    /// head, which spans both: one name. Not when the words before "and" are a name of their own: a person's (opening with a
    /// given name, or read as a person by the recogniser: "Ana Ruiz and Harbor Council members"), a name the gazetteer knows
    /// or one with a head keyword of its own ending before "and", a title, or the last item of a list (a comma before them).
    /// </summary>
    private bool ModifiersUnderOneHead(IReadOnlyList<Token> tokens, List<string> words, int start, int conj, int next, IEnumerable<NerSpan> ner)
    {
        // two words or more before "and", in title case (the first may be an acronym: "the KFA Fraud and Money Laundering
        // Branch"), and title-case words after it: a one-word name or an acronym before "and" is a name of its own
        // ("Kessa and Harbor Holdings", "the AU and Somali National Forces")
        // (or one adjective the gazetteer does not know, no name of its own: "the Polar and Coastal Survey Bureau"; a country's
        // adjective stays out, "the Russian and Chinese Navy" are two navies)
        bool oneAdjective = conj - start == 1 && IsTitleCase(words[start]) && IsAdjective(tokens, start) && _lex.Gazetteer.Lookup(words[start]).Count == 0;
        // (or one ordinary noun of English right after "the", a field of the body like the words after "and": "the Relief and
        // Security Council" is one council, no "Security Council" of its own)
        bool oneField = conj - start == 1 && start > 0 && words[start - 1] is "the" or "The" && IsOrdinaryWord(words[start])
            && _lex.Gazetteer.Lookup(words[start]).Count == 0;
        if (Keyword(words, start, conj) is not null || next - conj < 3 || conj - start < 2 && !oneAdjective && !oneField) return false;
        if (!Enumerable.Range(start, conj - start).All(k => IsTitleCase(words[k]) || k == start && words[k].Length >= 2 && words[k].All(char.IsAsciiLetterUpper))
            || !Enumerable.Range(conj + 1, next - conj - 1).All(k => IsTitleCase(words[k]))) return false;
        if (Keyword(words, conj + 1, next) is not { Position: KeywordPosition.Suffix } head
            || !(head.Type == EntityType.Organization || head.Type == EntityType.Location && head.Fine == "Region")) return false;
        if (start > 0 && words[start - 1] is "," or "and" or "or") return false;
        if (_lex.GivenNames.Contains(words[start]) || _lex.Titles.LongestMatchAt(words, start).Length > 0) return false;
        // the recogniser's person over the words before "and" ("Ngozi Okafor and Coastal Reform Party leaders"); its other
        // readings say nothing here, as it splits the very names this joins at "and"
        if (ner.Any(n => n.First < conj && n.End > start && n.Label == "PER")) return false;
        // a name of the gazetteer's (two words or more), or one with a head keyword of its own, ending before "and"
        for (int k = start; k < conj; k++)
            if (Keyword(words, k, conj) is not null || conj - k >= 2 && _lex.Gazetteer.Lookup(WordRun.Join(words, k, conj - k)).Count > 0) return false;
        return true;
    }

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "in", "into", "near", "from" };

    /// <summary>
    /// "Tarn's Ford, Ostland", "trucks drove into Tarn's Ford": a one-word name, a possessive and one capitalised word that is
    /// no head keyword of a name (no "Parliament", "Hotel") nor a name the gazetteer knows (a place: "Ghana"; a body: "Orvel's Facebook page" keeps Facebook) and has no capitalised word after
    /// it, are one place's name when
    /// a comma and a place the gazetteer or the U.S. states know follow, or a preposition of place (in, into, near, from) or a
    /// country's possessive ("Ghana's Tarn's Ford district") comes before; not when the owner is a name the gazetteer knows (a country, a body), a given name, or goes on from a capitalised
    /// word before it ("Mayor Tarn's office", "Lockheed Martin's Greenville, Carolina, site": an owner's).
    /// </summary>
    private bool PossessivePlaceName(Sentence s, List<string> words, Candidate c)
    {
        int y = c.End + 1;
        if (c.CharStart >= 0 || c.Length != 1 || c.Type == EntityType.Vehicle || y >= words.Count || words[c.End] is not ("'s" or "\u2019s")) return false;
        string owner = words[c.First], name = words[y];
        if (!IsTitleCase(owner) || !IsTitleCase(name) || !name.All(char.IsLetter) || DateWords.Contains(name) || DateWords.Contains(owner)) return false;
        if (c.First > 0 && IsCapitalized(words[c.First - 1]) || y + 1 < words.Count && (IsCapitalized(words[y + 1]) || words[y + 1] is "'s" or "\u2019s" or "of")) return false;
        if (_lex.OrgKeywords.Lookup(name).Count > 0 || _lex.OrgKeywords.Lookup(owner).Count > 0 || _lex.GivenNames.Contains(owner) || _lex.Titles.LongestMatchAt(words, c.First).Length > 0) return false;
        if (_lex.Gazetteer.Lookup(owner).Count > 0 || _lex.Gazetteer.Lookup(name).Count > 0 || UsStateOf(owner) is not null || UsStateOf(name) is not null) return false;
        bool placeAfter = y + 2 < words.Count && words[y + 1] == ","
            && (_lex.Gazetteer.LongestMatchAt(words, y + 2) is { } place && place.Best.Entry.Type == EntityType.Location || UsStateOf(words[y + 2]) is not null);
        bool preposition = c.First > 0 && PlacePrepositions.Contains(words[c.First - 1]);
        // (or a country owns the whole: "Ghana's Tarn's Ford district")
        bool countryOwner = c.First >= 2 && words[c.First - 1] is "'s" or "\u2019s"
            && _lex.Gazetteer.Lookup(words[c.First - 2]).Any(h => h.Kind == MentionKind.Name && h.Entry.FineTypes.Contains("Country"));
        return placeAfter || preposition || countryOwner;
    }

    private static readonly string[] AdjectiveSuffixes = { "al", "ic", "ine", "ary", "ive", "ern", "ar" };

    /// <summary>"Asian" (the tagger's adjective), "Coastal", "Oceanic": an adjective, one the tagger reads so or an ordinary
    /// word of English (common_words.tsv) with an adjective's suffix.</summary>
    private bool IsAdjective(IReadOnlyList<Token> tokens, int i) =>
        tokens[i].Tag == "JJ" || IsOrdinaryWord(tokens[i].Text) && AdjectiveSuffixes.Any(x => tokens[i].Text.EndsWith(x, StringComparison.Ordinal));

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
        // Titles inside the run: "Russian President Vladimir Putin", "Maj. Gen. Ana Ruiz", "Mr. Okafor" (not in a headline,
        // where "Commander Visits Uruguay" is capitalised words, not a title and a name)
        for (int i = start; i < end && !headline; i++)
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
        // "Coast Guard Air Station Kestrel Point", "Naval Air Station Brackwater": a facility's head inside the run and the
        // name of the place it is named after closing it make the whole run one facility
        if (kw is null && end - start >= 3 && IsFacilityNamedAfterPlace(words, start, end))
        {
            // (the recogniser's reading of the same words, a unit of its owner, goes first)
            candidates.Add(new Candidate(s.Index, start, end, EntityType.Location, "Facility", MentionKind.Name, "rule", PriorityNer - 1));
            return;
        }
        // "outside the Orbital Space Station", "the Harriet Vance Space Telescope": proper nouns ending in a craft's kind name
        // that craft (the vehicle rules below name it), whether or not the recogniser proposed them
        if (kw is null && end - start >= 2 && (words[end - 1] == "Station" && words[end - 2] == "Space" && end - start >= 3 || CraftNouns.Contains(words[end - 1])))
        {
            candidates.Add(new Candidate(s.Index, start, end, EntityType.Organization, null, MentionKind.Name, "rule", PriorityNer - 1));
            return;
        }
        // "The office, Western District of Kentucky, declined": a compass word (or "Middle"), "District of" and a U.S. state name a
        // federal judicial district, the court's district, whose attorney's office is a body (28 U.S.C. ch. 5 names them so);
        // the recogniser's reading of the same words goes first
        if (kw is null && end - start >= 4 && words[start + 1] == "District" && words[start + 2] == "of"
            && (CompassPoints.Contains(words[start]) || words[start] == "Middle") && _lex.UsStates.Contains(WordRun.Join(words, start + 3, end - start - 3)))
        {
            candidates.Add(new Candidate(s.Index, start, end, EntityType.Organization, null, MentionKind.Name, "rule", PriorityNer - 1));
            return;
        }
        if (kw is null)
        {
            // "the Ras Kamboni territory", "Tibesti region": a name before a place noun is a place ("the Harwick facility": a
            // facility's noun says where the facility is, the name is the town's, no facility's)
            if (end < words.Count && char.IsLower(words[end][0]) && _lex.Descriptors.Lookup(words[end]) is { Count: > 0 } places
                && places[0].Type == EntityType.Location && (end + 1 >= words.Count || s.Tokens[end + 1].Tag is not ("NN" or "NNS")))
                candidates.Add(new Candidate(s.Index, start, end, EntityType.Location, NameBeforePlaceNounFine(places[0]), MentionKind.Name, "rule", PriorityKeyword - 5));
            return;
        }
        candidates.Add(new Candidate(s.Index, start, end, kw.Value.Type, kw.Value.Fine, MentionKind.Name, "rule", PriorityKeyword));
    }

    /// <summary>
    /// The sublabel a place noun written in lower case after a name gives it: its first ("the Tibesti region": Region), but
    /// none for a facility's noun (the name is the town's), and a country's first-level division for "state": English
    /// writes a country "the state of Kessa" or "Kessa" alone, never "Kessa state", while "in Brel state" names a state
    /// of a federation (a Region, as "Brel State" written with a capital already is).
    /// </summary>
    private static string? NameBeforePlaceNounFine(DescriptorEntry place)
    {
        var first = place.FineTypes.FirstOrDefault();
        if (first == "Facility") return null;
        return first == "Country" && place.FineTypes.Contains("Region") ? "Region" : first;
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

    /// <summary>
    /// Whether <paramref name="acronym"/> spells the capitalised owner written before a possessive right before token
    /// <paramref name="first"/>: "the Orvel Harvest Trust's Winter Appeal (OHT)" (the owner's words run back over capitalised
    /// words and the connectors "and", "of", "for", at most twelve words).
    /// </summary>
    private static bool SpellsOwner(List<string> words, int first, string acronym)
    {
        if (first < 2 || words[first - 1] is not ("'s" or "\u2019s")) return false;
        int k = first - 2;
        while (k >= 0 && first - 2 - k < 12 && (IsTitleCase(words[k]) || words[k] is "and" or "of" or "for")) k--;
        while (k + 1 < first - 1 && !IsTitleCase(words[k + 1])) k++;
        var owner = words.Skip(k + 1).Take(first - 2 - k).ToArray();
        return owner.Length >= 2 && EntityClusterer.IsAcronymOf(acronym, owner);
    }

    /// <summary>
    /// "The council adopted Assembly Resolution 4127 on Tuesday", "under Marrow Treaty 6": a cardinal written right after a
    /// name an agreement's head keyword ends ("Resolution", "Treaty": org_keywords.tsv, Event:Agreement) is the number
    /// that tells that agreement from the others of its body, part of its name; without it "Resolution 4127" and
    /// "Resolution 311" of one article would be one node. Not a number a noun, an adjective or another number goes on from
    /// ("the Velm Accord 2030 targets", "Accord 2030 Summit"): that number modifies what follows. The mention's text grows
    /// by the number; a name already ending in a number is left as it is.
    /// </summary>
    private void NumberAgreements(Sentence s, List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.Type != EntityType.Event || c.FineType != "Agreement" || c.CharStart >= 0 || c.Canonical is not null || c.End >= words.Count || !IsCardinal(words[c.End])) continue;
            if (c.End + 1 < words.Count && s.Tokens[c.End + 1].Tag is { } next && (next.StartsWith("NN", StringComparison.Ordinal) || next.StartsWith("JJ", StringComparison.Ordinal) || next == "CD")) continue;
            if (Keyword(words, c.First, c.End) is not { Type: EntityType.Event, Fine: "Agreement", Position: KeywordPosition.Suffix }) continue;
            if (settled.Any(o => o.First <= c.End && c.End < o.End)) continue;
            settled[k] = c with { End = c.End + 1 };
        }
    }

    /// <summary>"3rd", "21st", and the military's "2d", "3d".</summary>
    internal static bool IsNumericOrdinal(string w) =>
        w.Length > 2 && char.IsDigit(w[0]) && w[^2..].ToLowerInvariant() is "st" or "nd" or "rd" or "th" && w[..^2].All(char.IsDigit)
        || w.Length >= 2 && w[^1] == 'd' && w[..^1].All(char.IsDigit) && w[^2] is '2' or '3';

    /// <summary>"24", "24.1": a two-digit serial, as recurring exercises are numbered by their year.</summary>
    private static bool IsSerial(string w) =>
        w.Length >= 2 && char.IsDigit(w[0]) && char.IsDigit(w[1]) && (w.Length == 2 || w.Length == 4 && w[2] == '.' && char.IsDigit(w[3]));

    /// <summary>A number at <paramref name="i"/>, or after an acronym in brackets there: "Order 318", "Order (M.O.) 318".</summary>
    private static bool NumberedAfter(List<string> words, int i) =>
        i < words.Count && IsCardinal(words[i])
        || i + 3 < words.Count && words[i] == "(" && words[i + 2] == ")" && NameKey.IsAcronymShape(words[i + 1]) && IsCardinal(words[i + 3]);

    /// <summary>
    /// A document's head word (document_heads.tsv) at <paramref name="k"/>; not a given name that a capitalised word follows,
    /// which opens a person's name ("Farm Secretary Bill Hanlon" against "the Harbour Levies Bill 2019").
    /// </summary>
    private bool DocumentHeadAt(List<string> words, int k) =>
        _lex.DocumentHeads.Contains(words[k]) && !(_lex.GivenNames.Contains(words[k]) && k + 1 < words.Count && IsCapitalized(words[k + 1]));

    /// <summary>
    /// A bracket opened before <paramref name="first"/> that a comma and a publisher's name in capitals follow before it closes
    /// ("(Title Words ..., KESSA NEWS", "(Title Words, PARLIAMENT.UK"): a cited title; the capitals are four letters or more
    /// (a dot between them, a site's address, allowed) and not the initials of the name's words.
    /// </summary>
    private static bool CitedTitleInBracket(List<string> words, int first, int end)
    {
        var initials = string.Concat(Enumerable.Range(first, end - first).Where(i => IsCapitalized(words[i])).Select(i => words[i][0]));
        for (int j = end; j < words.Count && j < end + 40; j++)
        {
            if (words[j] is ")" or "(") return false;
            if (words[j] != "," || j + 1 >= words.Count) continue;
            var p = words[j + 1];
            if (p.Count(char.IsLetter) >= 4 && p.All(ch => char.IsUpper(ch) || ch == '.') && char.IsLetter(p[0]) && p != initials) return true;
        }
        return false;
    }

    /// <summary>The number sign before a document's number: "No." or "No" (a token "No" and a full stop after it too).</summary>
    private static bool IsNumberSign(List<string> words, int k) =>
        k >= 0 && k < words.Count && (words[k] is "No." || words[k] == "No" || words[k] == "." && k > 0 && words[k - 1] == "No");

    /// <summary>A document's number: digits first ("78", "1682-VII", "001-10") or a Roman numeral ("XIV").</summary>
    private static bool IsDocumentNumber(string w) => w.Length > 0 && (char.IsAsciiDigit(w[0]) || w.Length >= 2 && IsRomanNumeral(w));

    /// <summary>A document's number at <paramref name="i"/>, or after the full stop of "No" there.</summary>
    private static bool DocumentNumberAfter(List<string> words, int i) =>
        i < words.Count && IsDocumentNumber(words[i]) || i + 1 < words.Count && words[i] == "." && words[i - 1] == "No" && IsDocumentNumber(words[i + 1]);

    /// <summary>
    /// Whether the word at <paramref name="first"/> goes on a document's title: walking left over capitalised words and the
    /// title's small words ("of", "on", "and", "the", "&amp;") reaches a document's head that "of", "on" or "for" follows
    /// ("the Law of Rivers and Harbours": "and Harbours" is the law's title); at most ten words back.
    /// </summary>
    private bool InsideDocumentTitle(List<string> words, int first)
    {
        for (int k = first - 1; k >= 1 && k >= first - 10; k--)
        {
            var w = words[k];
            if (w is "of" or "on" or "for" && IsTitleCase(words[k - 1]) && DocumentHeadAt(words, k - 1))
            {
                // (the document's name opens its own run: "the Committee on Budget of the House" names no document)
                int j = k - 2;
                while (j >= 0 && IsTitleCase(words[j])) j--;
                return j < 0 || words[j] is not ("of" or "on" or "for");
            }
            if (!(IsTitleCase(w) || w is "of" or "on" or "and" or "the" or "&")) return false;
        }
        return false;
    }

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

    /// <summary>The ICAO/NATO spelling alphabet's code words (as written in unit names: "X-Ray" and "Xray" both).</summary>
    internal static readonly HashSet<string> SpellingAlphabet = new(StringComparer.Ordinal)
    {
        "Alpha", "Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Juliett", "Kilo", "Lima",
        "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "X-Ray", "X-ray",
        "Xray", "Yankee", "Zulu",
    };

    /// <summary>"Bravo Company", "X-Ray Battery": a word of the spelling alphabet and "Company" or "Battery", a lettered unit.</summary>
    internal static bool IsLetteredUnit(string name) => name.Split(' ') is [var letter, var head] && IsLetteredUnit(letter, head);

    private static bool IsLetteredUnit(string letter, string head) => head is "Company" or "Battery" && SpellingAlphabet.Contains(letter);

    /// <summary>The type a name's head keyword gives it: last word ("Free Army Group") or first word ("Operation Desert Storm").</summary>
    private (EntityType Type, string? Fine, KeywordPosition Position)? Keyword(List<string> words, int start, int end)
    {
        if (end - start < 2) return null;
        // "the Marsden Commission Against Private Militias": "Against" and what follows say what the body opposes; its head
        // is before "Against" (none there: no keyword types the name; a head of another kind, "the Convention Against
        // Torture", is read as before)
        for (int k = start + 1; k < end - 1; k++)
            if (words[k] is "Against" or "against")
            {
                var own = Keyword(words, start, k);
                if (own is null || own.Value.Type == EntityType.Organization) return own;
                break;
            }
        // a name that is itself a head of two or three words whose last word alone names a business ("Central Bank",
        // "Development Bank") is read by the whole head: a bank of a state is no company
        bool wholeHead = end - start <= 3 && _lex.OrgKeywords.Lookup(words[end - 1], KeywordPosition.Suffix) is { Count: > 0 } lastWord && lastWord[0].FineType == "Company";
        for (int k = Math.Min(3, wholeHead ? end - start : end - start - 1); k >= 1; k--)
        {
            var phrase = WordRun.Join(words, end - k, k);
            var suffix = _lex.OrgKeywords.Lookup(phrase, KeywordPosition.Suffix);
            if (suffix.Count == 0) continue;
            // "Mike Castle", "Barbara Castle": a given name and one word after it is a person's name, no building's, though
            // the word heads buildings ("Orvan Castle", "the Varn Radio Tower") (review38)
            if (k == 1 && end - start == 2 && suffix[0] is { Type: EntityType.Location, FineType: "Facility" } && _lex.GivenNames.Contains(words[start]))
                return null;
            // "Department of Energy", "Executive Office for Immigration Review": the head of "A of B" is A; a keyword that
            // ends B and names a trade or a paper ("Energy", "Review") says what A deals with, and A's own head keyword, a
            // body's, types the name ("District of Columbia National Guard" is a guard: its B ends in a body's head)
            if (suffix[0].Type != EntityType.Organization || suffix[0].FineType is "Company" or "MediaOrganization")
                if (HeadBeforeOf(words, start, end - k) is { } head) return head;
            // "the Kessland Army Mountain Brigade": a unit's head ("Brigade", "Battalion": an armed group's
            // when alone) after a state force's head word inside the same name is that force's unit
            if (suffix[0].FineType == "ArmedGroup" && HasArmedForcesHead(words, start, end - k))
                return (suffix[0].Type, "ArmedForces", KeywordPosition.Suffix);
            // "Bravo Company of 12 Commando", "X-Ray Company": a word of the spelling alphabet (ICAO/NATO) before "Company"
            // or "Battery" letters a unit of a battalion, no business (type40)
            if (k == 1 && end - start == 2 && IsLetteredUnit(words[start], words[end - 1]))
                return (EntityType.Organization, "ArmedForces", KeywordPosition.Suffix);
            if (suffix[0].Type == EntityType.Organization && suffix[0].FineType is null && k == 1
                && suffix.FirstOrDefault(h => h is { Type: EntityType.Location, FineType: "Region" }) is { } region && SubdivisionPlaced(words, start, end))
                return (region.Type, region.FineType, KeywordPosition.Suffix);
            return (suffix[0].Type, suffix[0].FineType, KeywordPosition.Suffix);
        }
        for (int k = Math.Min(3, end - start - 1); k >= 1; k--)
        {
            var phrase = WordRun.Join(words, start, k);
            var prefix = _lex.OrgKeywords.Lookup(phrase, KeywordPosition.Prefix);
            if (prefix.Count > 0) return (prefix[0].Type, prefix[0].FineType, KeywordPosition.Prefix);
        }
        // "the Summit of the Future", "a Joint Declaration of Support": with no keyword at either end, the head of "A of B" is
        // A's last word; one that names only an event (a suffix keyword of org_keywords.tsv with no body's reading: "Summit",
        // "Declaration", "Games") makes the name that event ("the Conference of Bishops" stays the recogniser's: "Conference"
        // names a body too) (round 36)
        for (int k = start + 1; k < end - 1; k++)
        {
            if (words[k] is not ("of" or "for")) continue;
            var heads = _lex.OrgKeywords.Lookup(words[k - 1], KeywordPosition.Suffix);
            if (heads.Count > 0 && heads.All(h => h.Type == EntityType.Event)) return (heads[0].Type, heads[0].FineType, KeywordPosition.Suffix);
            // "the Kessa-Orvia Memorandum of Understanding", "a National Day of Remembrance": an event's opening words with
            // "of" ("Memorandum of", "Day of") after the words that say whose or which it is head the name as well (type40)
            var opening = _lex.OrgKeywords.Lookup(words[k - 1] + " " + words[k], KeywordPosition.Prefix);
            if (k - 1 > start && opening.Count > 0 && opening.All(h => h.Type == EntityType.Event)) return (opening[0].Type, opening[0].FineType, KeywordPosition.Suffix);
            break;
        }
        return null;
    }

    // whether a word in [start, end) heads a state force's name ("Army"); a loop, not a closure over the words: Keyword
    // is asked for every run
    private bool HasArmedForcesHead(List<string> words, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (_lex.OrgKeywords.Lookup(words[i], KeywordPosition.Suffix).Any(h => h.FineType == "ArmedForces")) return true;
        return false;
    }

    /// <summary>
    /// "the Joint Comprehensive Plan of Action", "a National Strategy for Cooperation", "the Law of the Sea": a name "A of B"
    /// or "A for B" whose A ends in a document's head word (document_heads.tsv) and whose B holds no body's keyword is that
    /// document: the head of the name is A's last word, and a place or a subject after it says what the document is about
    /// ("the Plan for the Kessa Institute" is left alone: a body's noun after "for" may head the name) (round 36)
    /// </summary>
    private bool DocumentHeadBeforeOf(List<string> words, int start, int end)
    {
        for (int k = start + 1; k < end - 1; k++)
        {
            if (words[k] is not ("of" or "for")) continue;
            return _lex.DocumentHeads.Contains(words[k - 1]) && Keyword(words, k + 1, end) is not { Type: EntityType.Organization }
                   && Enumerable.Range(k + 1, end - k - 1).All(j => !_lex.OrgKeywords.Lookup(words[j], KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization));
        }
        return false;
    }

    /// <summary>Prepositions that take a place alone, with no article before a subdivision's name ("in Kessa State").</summary>
    private static readonly HashSet<string> SubdivisionPrepositions = new(StringComparer.Ordinal) { "in", "across", "throughout", "near", "into" };

    /// <summary>
    /// "in Kessa State", "Orvin County, Upper Kessa State", "Marovia's Kessa State", "Kessa State, Marovia": a name whose head
    /// word names a body as well as a country's subdivision ("State") is the subdivision where the words around it place it:
    /// a preposition of place right before it (no article: "in the Union State" stays the body), a place's name ending in a
    /// place's head word or a country and a comma before it, a country's possessive before it, or a comma and a country after
    /// it; not a name the gazetteer knows ("in Islamic State territory")
    /// </summary>
    private bool SubdivisionPlaced(List<string> words, int start, int end)
    {
        if (_lex.Gazetteer.Lookup(WordRun.Join(words, start, end - start)).Count > 0) return false;
        bool IsCountry(string w) => _lex.Gazetteer.Lookup(w).Any(h => h.Kind == MentionKind.Name && h.Entry.FineTypes.Contains("Country"));
        if (start >= 1 && SubdivisionPrepositions.Contains(words[start - 1])) return true;
        if (start >= 2 && words[start - 1] == "," && IsCapitalized(words[start - 2])
            && (_lex.OrgKeywords.Lookup(words[start - 2], KeywordPosition.Suffix).Any(h => h.Type == EntityType.Location) || IsCountry(words[start - 2]))) return true;
        if (start >= 2 && words[start - 1] is "'s" or "\u2019s" && IsCountry(words[start - 2])) return true;
        return end + 1 < words.Count && words[end] == "," && IsCountry(words[end + 1]);
    }

    /// <summary>
    /// The keyword of A in a name "A of B" / "A for B" whose B holds the keyword found at its end (<paramref name="keywordStart"/>):
    /// A's last word ("Department", "Office") or its opening ("Department of"); null when no "of"/"for" comes before the
    /// keyword or A has no keyword of its own ("Friends of the Earth" keeps the reading of its last word).
    /// </summary>
    private (EntityType Type, string? Fine, KeywordPosition Position)? HeadBeforeOf(List<string> words, int start, int keywordStart)
    {
        int of = -1;
        for (int k = start + 1; k < keywordStart; k++)
            if (words[k] is "of" or "for") { of = k; break; }
        if (of < 0) return null;
        for (int k = Math.Min(3, of - start); k >= 1; k--)
            if (_lex.OrgKeywords.Lookup(WordRun.Join(words, of - k, k), KeywordPosition.Suffix).FirstOrDefault(h => h.Type == EntityType.Organization) is { } own)
                return (own.Type, own.FineType, KeywordPosition.Suffix);
        for (int k = Math.Min(3, of - start + 1); k >= 1; k--)
            if (_lex.OrgKeywords.Lookup(WordRun.Join(words, start, k), KeywordPosition.Prefix).FirstOrDefault(h => h.Type == EntityType.Organization) is { } opening)
                return (opening.Type, opening.FineType, KeywordPosition.Prefix);
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
            if (OverlapsAny(taken, c)) continue;
            taken.Add(c);
        }
        taken.Sort((a, b) => a.First.CompareTo(b.First));
        return taken;
    }

    // whether a candidate overlaps one taken already (a loop, not a closure over each candidate); two parts of one token
    // ("Paris" and "Berlin" in "Paris-Berlin") overlap only when their characters do
    private static bool OverlapsAny(List<Candidate> taken, Candidate c)
    {
        foreach (var t in taken)
            if (t.First < c.End && c.First < t.End
                && !(t.CharStart >= 0 && c.CharStart >= 0 && (t.CharEnd <= c.CharStart || c.CharEnd <= t.CharStart))) return true;
        return false;
    }

    /// <summary>Trims titles and articles from the edges of a span and drops what is not a name.</summary>
    private List<Candidate> Clean(Sentence s, List<string> words, List<Candidate> candidates, bool headline, HashSet<string> vehicles, Dictionary<string, string> ownedVessels, HashSet<string> events, HashSet<string> exercises,
        HashSet<string> documents, HashSet<string> kinds, IReadOnlySet<string> ethnic, IReadOnlySet<string> displaced, IReadOnlySet<string> peoples, HashSet<string> titled)
    {
        var result = new List<Candidate>();
        var numberedRoads = new List<(int First, int End)>();
        var stormAt = new Dictionary<int, string>();
        var quotedVessel = new Dictionary<int, int>();
        foreach (var c0 in candidates)
        {
            var c = c0;
            // "its so-called ‘Zero Waste’ policy", "the 'Kessland First' agenda": words inside quotation marks that close right
            // before a common noun in lower case name that thing (a policy, a campaign), no place or body of their own; a body's,
            // people's or vessel's noun there keeps them ("the 'Harbour Friends' group", "the 'Sea Lark' tanker") (other42)
            if (c.CharStart < 0 && QuotedModifierOfCommonNoun(s, words, c.First, c.End)) continue;
            if (c.CharStart < 0)
            {
                int first = c.First;
                string? role = c.Role;
                // "Near Mosul", "In Syria", "The Hague" in a span's first word: function words are not part of a name
                // (a unit's ordinal is part of its name whatever the tagger calls it: "5th/IN Special Forces Group")
                while (first < c.End - 1 && first == 0 && Bullets.Contains(words[first])) first++; // "• Logistics": a list's bullet
                // (a point of the compass before a capitalised word opens a place's name, whatever the tagger says: "NORTH KESSA, NE")
                while (first < c.End - 1 && !IsNumericOrdinal(words[first]) && (words[first] is "The" or "the" || s.Tokens[first].Tag is "IN" or "RB" or "CC" or "TO" or "PRP$"
                       && !(CompassPoints.Contains(words[first][0] + words[first][1..].ToLowerInvariant()) && IsCapitalized(words[first + 1]))
                       || first == 0 && SentenceInitialFunctionWords.Contains(words[first]) || Quantifiers.Contains(words[first]))
                       && _lex.Gazetteer.Lookup(WordRun.Join(words, first, c.End - first)).Count == 0) first++;
                // "the Brackwater-based Harbor Institute": a name and "-based" or "-led" before a name modify it, they are not part of it
                if (first < c.End - 1 && words[first].LastIndexOf('-') is int hd and > 0 && hd + 1 < words[first].Length
                    && words[first][(hd + 1)..] is "based" or "led" or "backed" or "funded" or "owned" or "run" or "born") first++;
                // "Petty Officer 1st Class Ana Ruiz": an ordinal and "Class" grade a rank, they are no part of the name
                if (c.Type == EntityType.Person && first + 1 < c.End && words[first] == "Class" && first > 0 && (IsNumericOrdinal(words[first - 1]) || SpelledOrdinals.Contains(words[first - 1])))
                    first++;
                // "Inspector Varga said", "Councillor Ostrom arrived": a person's title (one put before names) opening the span, or
                // right before it, and one to three name words after it make the name a person's, whatever the recogniser said
                // (the title is the evidence, so the span is the rule's, no longer the recogniser's)
                // "Secretary of State Brel's call": a person's title put before names that opens before the span and ends inside
                // it (the recogniser took the title's last words with the name) is no part of the name: with a name after the
                // title, the span opens at the title, whose words the person's loop below then cuts off
                if (first == c.First && c.Source != "gazetteer" && TitleAcrossStart(words, first, c.End) is int opens && NameAfterTitle(s, words, opens, c.End))
                {
                    first = opens;
                    c = c with { Type = EntityType.Person, FineType = null, Canonical = null, Source = "rule" };
                }
                if (c.Type != EntityType.Person && c.Source != "gazetteer" && NameAfterTitle(s, words, first, c.End)) c = c with { Type = EntityType.Person, FineType = null, Canonical = null, Source = "rule" };
                if (c.Type == EntityType.Person)
                {
                    while (first < c.End)
                    {
                        var (len, titles) = TitleAt(words, first);
                        // "Senators Hollis and Brandt", "Generals Voss and Ardent": the plural of a title put before names
                        // stands before the names of several people, each of whom holds it; it is no part of the first name
                        if (len == 0 && first + 1 < c.End && PluralOfPrefixTitle(words[first]) is { } one) (len, titles) = (1, one);
                        // "Undersecretary Ruiz", "State Councilor Li Weimin": a government office the PETRARCH agents dictionary
                        // knows (GOV, one word or two ending at the span's first word), capitalised before a name and no given name,
                        // is a title the title list lacks
                        if (len == 0 && first + 1 < c.End && IsGovernmentOfficeWord(words, first))
                        {
                            role ??= words[first].ToLowerInvariant();
                            first++;
                            continue;
                        }
                        if (len == 0 || first + len >= c.End || !titles.Any(t => t.PrecedesNames)) break;
                        role ??= RoleOf(titles);
                        first += len;
                        // "Dato’ Amin Rahim": the apostrophe some styles are written with closes the title
                        if (first < c.End - 1 && words[first] is "'" or "\u2019") first++;
                    }
                    // "Navy Adm. Craig Faller": a rank inside the span; what precedes it is the service, not the name
                    for (int k = first + 1; k < c.End - 1; k++)
                    {
                        var (len, titles) = _lex.Titles.LongestMatchAt(words, k);
                        if (len == 0 || k + len >= c.End || !titles.Any(t => t.PrecedesNames && t.ImpliesPerson) || !words[k].EndsWith('.')) continue;
                        role ??= RoleOf(titles);
                        first = k + len;
                        break;
                    }
                    // "Vice Premier He Jianmin", "H.E. He Lin": English writes the pronoun "he" in lower case inside a sentence, so a
                    // capitalised "He" between a title put before names and the name is the surname He, the first word of the name
                    if (first == c.First && first >= 2 && words[first - 1] == "He" && TitleEndingAt(words, first - 1) is not null) first--;
                }
                else if (c.Source == "ner" && SplitOrganisationAndPerson(s, words, c with { First = first }, result)
                         || c.Source != "gazetteer" && SplitOfficeAndService(words, c with { First = first }, result)) continue;
                int end = c.End;
                // "Army Lt." in "Army Lt. Gen. Ana Ruiz": a rank that goes on past the span belongs to the person's name
                if (c.Type != EntityType.Person)
                    for (int k = first + 1; k < end; k++)
                    {
                        var (tlen, tentries) = _lex.Titles.LongestMatchAt(words, k);
                        // ... and so does a rank that ends the span: "Army Staff Sgt." before a name the span missed
                        // (not after "of", where it is the office's field: "the Department of Justice" keeps its "Justice")
                        if (tlen > 0 && k + tlen >= end && tentries.Any(t => t.PrecedesNames && t.ImpliesPerson) && words[k - 1] != "of") { end = k; break; }
                    }
                // "the Senate Armed Services Committee's Readiness panel": a possessive after a whole name (one its head keyword
                // or the gazetteer makes a name) ends that name; what it owns is another thing ("People's Army" goes on)
                // (and is a name of its own when its head keyword says so: "the Readiness Center's Hohenfels Training Area")
                for (int k = first + 2; k < end - 1; k++)
                {
                    if (words[k] is not ("'s" or "\u2019s") || s.Tokens[k].Tag != "POS") continue;
                    var owner = Keyword(words, first, k);
                    // ... or "A of B" headed by A's keyword, owning a keyword-headed name of two words or more ("the Department of
                    // Energy's Grid Reliability Division"); not when B is a people noun, whose possessive goes on in the name
                    // ("the Ministry of Women's Health Services")
                    var after = Keyword(words, k + 1, end);
                    if (owner is not { Position: KeywordPosition.Suffix } && end - k > 2 && HeadBeforeOf(words, first, k) is { Type: EntityType.Organization } ofHead
                        && _lex.Agents.Lookup(words[k - 1].ToLowerInvariant()).Count == 0 && after is { Position: KeywordPosition.Suffix, Type: EntityType.Organization })
                        owner = ofHead;
                    if (owner is not { Position: KeywordPosition.Suffix } && _lex.Gazetteer.Lookup(WordRun.Join(words, first, k - first)).Count == 0) continue;
                    if (after is { Position: KeywordPosition.Suffix } owned && owned.Type != EntityType.Event)
                        result.Add(c with { First = k + 1, End = end, Type = owned.Type, FineType = owned.Fine, Role = null, Canonical = null });
                    // (the owner's own head types it, fine label too: "the Justice Department's Criminal Division" is no force)
                    if (owner is { } o && (o.Type != c.Type || o.Fine != c.FineType)) c = c with { Type = o.Type, FineType = o.Fine };
                    end = k;
                    break;
                }
                // "Department of Harbors HSA inspections": an acronym after a whole "A of B" body's name that does not spell it is
                // another body, the part the owner's name is written before ("the Department of Defense DOD" spells its owner)
                if (c.Type == EntityType.Organization && c.Source != "gazetteer" && end - first >= 4 && NameKey.IsAcronymShape(words[end - 1])
                    && words[end - 1].Count(char.IsAsciiLetterUpper) >= 3 && IsCapitalized(words[end - 2]) && HeadBeforeOf(words, first, end - 1) is { Type: EntityType.Organization }
                    && !EntityClusterer.SpellsOut(words[end - 1], WordRun.Join(words, first, end - 1 - first))
                    && !EntityClusterer.IsAcronymOf(words[end - 1], words.Skip(first).Take(end - 1 - first).ToArray()))
                {
                    result.Add(c with { First = end - 1, End = end, FineType = null, Role = null, Canonical = null });
                    end--;
                }
                // "Dara Quill MP", "Ruth Marr T.D.": post-nominal letters after a person's name are no part of it, and say the
                // name before them is a person's, whatever the recogniser took it for
                int post = end - first >= 2 && IsPostNominal(words[end - 1]) ? end - 1
                    : end < words.Count && IsPostNominal(words[end]) && (end + 1 >= words.Count || !IsCapitalized(words[end + 1])) ? end : -1;
                if (post > first && Enumerable.Range(first, post - first).All(k => IsNameWord(words[k]) || IsInitial(words[k]))
                    && Keyword(words, first, post) is null && _lex.Gazetteer.Lookup(WordRun.Join(words, first, post - first)).Count == 0)
                {
                    end = post;
                    if (c.Type != EntityType.Person) c = c with { Type = EntityType.Person, FineType = null, Canonical = null };
                }
                // trailing possessives, punctuation and dates: "Raqqah, Dec." is Raqqah
                while (end > first && (words[end - 1] is "'s" or "\u2019s" or "'" or "\u2019" || DateWords.Contains(words[end - 1])
                    || words[end - 1].All(ch => !char.IsLetterOrDigit(ch)))) end--;
                if (end <= first) continue;
                c = c with { First = first, End = end, Role = role };
            }
            // "parts of Ar Rumaylah", "control of As Sufayrah": an Arabic article assimilated to the name's first letter, written
            // as a capitalised word of its own inside a sentence, opens a place's name (transliterated gazetteers write towns so);
            // the recogniser's organisation (or its cut of "As", an English preposition) is that place
            // (the date a span was cut from may have hidden a place's head keyword from the recogniser's reading: "Coral Harbor Oct.")
            if (c.Source == "ner" && c.Type == EntityType.Organization && c.CharStart < 0 && Keyword(words, c.First, c.End) is var placeKw
                && placeKw is not { Type: not EntityType.Location })
            {
                int article = SunArticles.Contains(words[c.First]) && c.Length >= 2 && c.First > 0 ? c.First
                    : c.First > 1 && SunArticles.Contains(words[c.First - 1]) ? c.First - 1 : -1;
                if (article > 0 && IsTitleCase(words[article + 1]) && !_lex.CommonWords.Contains(words[article + 1].ToLowerInvariant()) && _lex.Gazetteer.Lookup(WordRun.Join(words, article, c.End - article)).Count == 0)
                    c = c with { First = article, Type = EntityType.Location, FineType = null, Role = null, Canonical = null };
                // "tested drones in Coral Harbor Oct. 4": a name of capitalised words right after "in" or "near", with no article,
                // no name keyword and unknown to the gazetteer, is where something happens, a place (bodies take "the" or are
                // known: "in the Navy", "in NATO")
                else if (c.First > 0 && words[c.First - 1] is "in" or "near" && Enumerable.Range(c.First, c.Length).All(k => IsTitleCase(words[k]))
                         && _lex.Gazetteer.Lookup(WordRun.Join(words, c.First, c.Length)).Count == 0
                         && !Enumerable.Range(c.First, c.Length).Any(k => _lex.OrgKeywords.Lookup(words[k]).Any(h => h.Type != EntityType.Location)))
                    c = c with { Type = EntityType.Location, FineType = placeKw is { } pk ? pk.Fine : null, Role = null };
            }
            // "Charles H. Keating IV", "Martin Luther King Jr.": a generational suffix belongs to the person's name
            if (c.CharStart < 0 && c.End < words.Count && NameSuffixes.Contains(words[c.End]) && (c.Type == EntityType.Person || words[c.End].All(char.IsUpper)))
                c = c with { End = c.End + 1 };
            // "Marine Aircraft Group 16", "Destroyer Squadron 2": a unit's noun and the number after it name one unit
            if (c.CharStart < 0 && c.Type == EntityType.Organization && c.Length >= 2 && c.End < words.Count && IsCardinal(words[c.End]) && UnitNouns.Contains(words[c.End - 1])
                && (c.End + 1 >= words.Count || !IsCardinal(words[c.End + 1]) && words[c.End + 1] is not (":" or "-" or "," or "(")))
                c = c with { End = c.End + 1, FineType = c.FineType ?? "ArmedForces" };
            // "Fort Campbell", "Camp Lejeune", "Mount Sinjar": a place word before a name makes the name a place
            if ((c.Type == EntityType.Person || c.Type == EntityType.Organization && c.Source == "ner" && Keyword(words, c.First, c.End) is null)
                && c.Length >= 2 && PlacePrefixes.Contains(words[c.First]))
                c = c with { Type = EntityType.Location, FineType = null, Role = null };
            // "Station Miramar", "Base Camp Pendleton": a facility's or place's head word inside a supposed person's name
            // (not after a title: "Prime Minister Tom Key" is a person whose surname is a head word)
            if (c.Type == EntityType.Person && c.Length >= 2 && c.Source == "ner" && c.Role is null
                && Enumerable.Range(c.First, c.Length).SelectMany(k => words[k].Split('-')).Select(w => _lex.OrgKeywords.Lookup(w))
                    .FirstOrDefault(h => h.Count > 0 && h[0].Type != EntityType.Person) is { } kw
                && !Enumerable.Range(Math.Max(0, c.First - 1), c.End - Math.Max(0, c.First - 1)).Any(k => _lex.Titles.IsPrefixTitle(words[k])))
                c = c with { Type = kw[0].Type, FineType = kw[0].FineType, Role = null };
            // "Ground Self-Defense Force", "Rotational Force-Europe": a force is no person ("Force" alone is no name keyword,
            // it names too many things)
            if (c.Type == EntityType.Person && c.Length >= 2 && c.Source == "ner"
                && Enumerable.Range(c.First, c.Length).Any(k => words[k].Split('-').Contains("Force")))
                c = c with { Type = EntityType.Organization, FineType = "ArmedForces", Role = null };
            // "U.S. Army Soldiers", "NATO Allies": a plural agent noun after a name is what the name's members are called
            if (c.Source == "ner" && c.Length >= 2 && char.IsUpper(words[c.End - 1][0]) && s.Tokens[c.End - 1].Tag is "NNS" or "NNPS"
                && (_lex.Agents.Lookup(words[c.End - 1]) is { Count: > 0 } ag && !string.Equals(ag[0].Form, ag[0].Lemma, StringComparison.Ordinal)
                    // ... and so is a plural common noun after a body's name the gazetteer knows ("the Alliance's Partners")
                    || c.Length == 2 && words[c.End - 1].Length > 3 && IsCommonPlural(words[c.End - 1])
                       && _lex.Gazetteer.Lookup(words[c.First]).Any(h => h.Entry.Type == EntityType.Organization))
                && _lex.OrgKeywords.Lookup(words[c.End - 1]).Count == 0)
                c = c with { End = c.End - 1, Canonical = null };
            // "the Coast Guard Cutters Linden and Marta Quell": a capitalised plural of a vessel's kind after a body's name is the
            // kind of the vessels listed after it, no part of the body's name (and alone it names no one thing)
            if (c.Source != "gazetteer" && c.CharStart < 0 && IsPluralVehicleNoun(words[c.End - 1]) && IsTitleCase(words[c.End - 1]))
            {
                if (c.Length == 1) continue;
                c = c with { End = c.End - 1, Canonical = null };
            }
            // "Kennedy Space Center in Florida" proposed whole: the place after "in" is where the body is, not its name
            if (c.Type == EntityType.Organization && c.Source != "gazetteer" && c.CharStart < 0)
                for (int k = c.First + 2; k < c.End - 1; k++)
                    if (words[k] == "in" && Keyword(words, c.First, k) is { } inKw && PlaceAfterIn(words, k, inKw.Fine)
                        && !words.Skip(c.First).Take(k - c.First).Any(w => w is "for" or "of")
                        && _lex.Gazetteer.Lookup(WordRun.Join(words, c.First, c.Length)).Count == 0)
                    {
                        result.Add(c with { First = k + 1, Type = EntityType.Location, FineType = null, Role = null });
                        c = c with { End = k };
                        break;
                    }
            // "Brackwater FPD officers": a place's name before a body's acronym says where that body's office is; the acronym
            // is the body (not when the acronym spells the words before it, or they carry a name keyword of their own)
            if (c.Type == EntityType.Organization && c.Source == "ner" && c.CharStart < 0 && c.Length >= 2 && words[c.End - 1] is { Length: >= 3 } acro
                && acro.All(char.IsAsciiLetterUpper) && Enumerable.Range(c.First, c.Length - 1).All(k => IsTitleCase(words[k]) && _lex.OrgKeywords.Lookup(words[k]).Count == 0)
                && !EntityClusterer.IsAcronymOf(acro, words.Skip(c.First).Take(c.Length - 1).ToArray())
                && _lex.Gazetteer.Lookup(WordRun.Join(words, c.First, c.Length)).Count == 0)
            {
                result.Add(c with { End = c.End - 1, Type = EntityType.Location, FineType = null, Role = null, Canonical = null });
                c = c with { First = c.End - 1, Canonical = null };
            }
            // "U.S. Marines and Korean Marines": two names with one head joined by "and" are two names, not one
            if (c.Source != "gazetteer" && c.Type != EntityType.Person && c.CharStart < 0 && c.Length >= 4 && IsCapitalized(words[c.End - 1])
                && Enumerable.Range(c.First + 1, c.Length - 2).FirstOrDefault(k => words[k] == "and" && words[k - 1] == words[c.End - 1], -1) is int conj and > 0
                && conj + 1 < c.End - 1)
            {
                result.Add(c with { End = conj, Canonical = null });
                c = c with { First = conj + 1, Canonical = null };
            }
            // "trained with the Kessland Navy in Port Orvel": an armed force's name (ending in its head keyword) and "in" before a
            // country or a city the gazetteer knows say where the force is: two names, the force and the place. A region or a
            // continent after "in" stays part of a command's name ("U.S. Air Forces in Europe"), and so does a name the
            // gazetteer knows whole, and a name with "of" before the force word, whose head is then the word before "of"
            // ("the Command of Valdorian Forces in Portugal" is one command)
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.Type is EntityType.Organization or EntityType.Location && c.Length >= 4
                && Enumerable.Range(c.First + 2, c.Length - 3).FirstOrDefault(k => words[k] == "in", -1) is int inAt and > 0
                && !Enumerable.Range(c.First, inAt - c.First).Any(k => words[k] == "of")
                && Keyword(words, c.First, inAt) is { Type: EntityType.Organization, Fine: "ArmedForces", Position: KeywordPosition.Suffix } armed
                && _lex.Gazetteer.Lookup(WordRun.Join(words, inAt + 1, c.End - inAt - 1)) is { Count: > 0 } where
                && where[0].Entry.Type == EntityType.Location && where[0].Entry.FineTypes.Any(f => f is "Country" or "City")
                && _lex.Gazetteer.Lookup(WordRun.Join(words, c.First, c.Length)).Count == 0)
            {
                result.Add(c with { End = inAt, Type = armed.Type, FineType = armed.Fine, Canonical = null, Role = null });
                c = c with { First = inAt + 1, Type = EntityType.Location, FineType = where[0].Entry.FineType, Canonical = null, Role = null };
            }
            // "the Justice Department and U.S. Environmental Protection Agency": two names, each of two words or more ending in a
            // body's head keyword, joined by "and" are two bodies; not when the second half opens with a word of ordinary English
            // ("Battle Space Command and Control Center") or the gazetteer knows the whole
            if (c.Source != "gazetteer" && c.Type == EntityType.Organization && c.CharStart < 0 && c.Length >= 5
                && Enumerable.Range(c.First + 2, Math.Max(0, c.Length - 3)).FirstOrDefault(k => words[k] is "and" or "&", -1) is int and2 and > 0
                && and2 + 2 < c.End
                && Keyword(words, c.First, and2) is { Position: KeywordPosition.Suffix, Type: EntityType.Organization } left
                && Keyword(words, and2 + 1, c.End) is { Position: KeywordPosition.Suffix, Type: EntityType.Organization } right
                && !_lex.CommonWords.Contains(words[and2 + 1].ToLowerInvariant())
                && _lex.Gazetteer.Lookup(WordRun.Join(words, c.First, c.Length)).Count == 0)
            {
                // each half is two words or more ending in a body's head keyword
                result.Add(c with { End = and2, Type = left.Type, FineType = left.Fine, Canonical = null, Role = null });
                c = c with { First = and2 + 1, Type = right.Type, FineType = right.Fine, Canonical = null, Role = null };
            }
            // "the Federal Member for Kessa Bay", "the MP for Orvin North": the name after a legislator's "Member for" or "MP for"
            // is the electorate the legislator sits for, a place (whatever a title before it made of it); the office before it
            // names no body; nor is a name headed by a body's keyword an electorate ("a Member for Harbor Relief Group since 2010")
            if (c.Source != "gazetteer" && c.CharStart < 0)
                for (int k = Math.Max(c.First - 1, 1); k < c.End - 1; k++)
                    if (words[k] is "for" or "FOR" && Legislators.Contains(words[k - 1]) && (k >= c.First && c.Type != EntityType.Person || c.First == k + 1)
                        && Keyword(words, k + 1, c.End) is not { Type: EntityType.Organization })
                    {
                        c = c with { First = k + 1, Type = EntityType.Location, FineType = null, Canonical = null, Role = null };
                        break;
                    }
            // "Harbor Air Flight 212 went down": an airline's name, "Flight" and a flight number name the flight's aircraft, a
            // craft; not the airline ("the African Partnership Flight 12-2", an exercise, has no airline's word before "Flight")
            // (the number goes on the name when the name stops before it)
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.Length >= 2 && words[c.End - 1] == "Flight" && c.End < words.Count
                && words[c.End].Any(char.IsDigit) && words[c.End].All(char.IsLetterOrDigit) && words[c.End - 2] is "Airlines" or "Airline" or "Airways" or "Air")
                c = c with { End = c.End + 1 };
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.Length >= 3 && words[c.End - 2] == "Flight" && words[c.End - 1].Any(char.IsDigit)
                && words[c.End - 3] is "Airlines" or "Airline" or "Airways" or "Air")
                c = c with { Type = EntityType.Vehicle, FineType = null, Canonical = null, Role = null };
            var span = Enumerable.Range(c.First, c.End - c.First).Select(i => words[i]).ToList();
            // "Newport, Rhode Island": a U.S. state's name names the state, whatever its head word says ("Island")
            if (c.Type == EntityType.Location && c.FineType is not null && c.Source != "gazetteer" && _lex.UsStates.Contains(string.Join(' ', span)))
                c = c with { FineType = null };
            // "Orvin, D.C.": a town and the District of Columbia after it, written as the district's initials, are one place, the
            // town of that district, named as the town (the district's initials are no second node; "Orvin" alone later in the
            // article is the same node), except a town that bears a U.S. state's name, which keeps ", D.C." in its name so
            // that it never joins the state. Not in a list of places ("Ostvale, Virginia, D.C. and Delaware": no place opens a
            // list item before the town, and no "and"/"or" follows the initials) nor a country
            if (c.Type == EntityType.Location && c.CharStart < 0 && c.End + 1 < words.Count && words[c.End] == "," && words[c.End + 1] == "D.C."
                && span.All(IsCapitalized) && !(c.First > 0 && words[c.First - 1] == ",")
                && !(c.End + 2 < words.Count && words[c.End + 2] is "and" or "or")
                && !_lex.Gazetteer.Lookup(string.Join(' ', span)).Any(h => h.Entry.FineType == "Country"))
            {
                var town = string.Join(' ', span.Select(w => w.All(char.IsUpper) ? w[0] + w[1..].ToLowerInvariant() : w));
                result.Add(c with { End = c.End + 2, FineType = "City", Canonical = _lex.UsStates.Contains(town) ? town + " D.C." : town, Role = null, Kind = MentionKind.Name });
                continue;
            }
            if (span.Count == 1 && span[0] == "D.C." && c.First >= 2 && words[c.First - 1] == "," && IsCapitalized(words[c.First - 2])) continue;
            // "Tucson, Ariz.": a U.S. state's abbreviation names the state, whatever the recogniser took it for (its dot is the
            // sentence's full stop when it ends the sentence: "arrested in Orvin, Ark.")
            if (span.Count == 1 && (_lex.UsStateAbbreviations.TryGetValue(span[0], out var state)
                    || c.First >= 2 && words[c.First - 1] == "," && IsCapitalized(words[c.First - 2]) && c.End + 1 == words.Count && words[c.End] == "."
                       && _lex.UsStateAbbreviations.TryGetValue(span[0] + ".", out state)))
            {
                result.Add(c with { Type = EntityType.Location, FineType = null, Canonical = state, Role = null, Kind = MentionKind.Name });
                continue;
            }
            if (IsOnlyTitles(words, c.First, c.End)) continue; // "Brig. Gen.", "Spc." with no name after them
            if (span.Count == 1 && NameSuffixes.Contains(span[0])) continue; // "III" after a name is part of it
            if (!span.Any(w => (IsCapitalized(w) || ParticleName(w)) && w.Any(char.IsLetter))) continue;
            if (span.All(w => DateWords.Contains(w) || !w.Any(char.IsLetter))) continue;
            if (span.Count == 1 && span[0].TrimEnd('.').Length == 1) continue; // a lone letter: "X", an initial
            // "Orla Venn, Ph.D.": an abbreviation of dotted parts with a small letter among them is a degree or a title, no name
            if (span.Count == 1 && c.Source != "gazetteer" && Tokenization.Tokenizer.IsDottedAbbreviation(span[0])) continue;
            // "8 a.m. EDT (1200 UTC)": capitals right after a clock time abbreviate its time zone, no entity
            if (span.Count == 1 && c.Source != "gazetteer" && IsTimeZoneShape(span[0]) && c.First > 0 && IsClockTime(words, c.First - 1)) continue;
            // "a fine of CHF 8,500", "a loan of NOK 3 billion": an active ISO 4217 code (currencies.tsv) right before an amount
            // (a number with a thousands separator or a decimal point, or a number and "million"/"billion") is its currency,
            // no entity; other capitals there stay a name ("the KLM 1.5 million passengers")
            // ... and so is one right after an amount, "$7 billion USD", "4,500 EUR" (a number with a thousands separator or a
            // decimal point, a number and a magnitude word, or a number after a currency sign)
            if (span.Count == 1 && c.Source != "gazetteer" && span[0].Length == 3 && _lex.CurrencyCodes.Contains(span[0])
                && (IsAmountAt(words, c.End) || c.First > 0 && IsAmountEndingAt(words, c.First - 1))
                && _lex.Gazetteer.Lookup(span[0]).Count == 0) continue;
            // "at 6:10 p.m. (Kestrel Time)": a capitalised word and "Time" in brackets after a clock time name its time zone, no entity
            if (span.Count == 2 && c.Source != "gazetteer" && span[1] == "Time" && c.First >= 2 && words[c.First - 1] == "(" && IsClockTime(words, c.First - 2)) continue;
            // "the Member States agreed", "a State Party to the convention", "participating States": a country's standing in a body
            // or a treaty, capitalised by the body's usage, is a common noun, no name (a name goes on with a word of its own:
            // "Federated States of Micronesia", "Baltic States", "Conference of States Parties")
            if (c.Source != "gazetteer" && IsStandingInABody(s, words, c, span)) continue;
            // "ports, customs, PPE, WASH and demining", "policing, DDR, SSR and mine action": capitals the gazetteer does not know,
            // listed beside a common noun in lower case in a list joined by "and"/"or", are a common thing written short, no
            // body (other42); not beside a noun that describes a body or its people ("the agency, NCTC, and the board": an
            // apposition names the body)
            if (span.Count == 1 && c.Source != "gazetteer" && IsLetterAcronym(span[0]) && _lex.Gazetteer.Lookup(span[0]).Count == 0
                && ListedWithCommonNouns(s, words, c.First, c.End)) continue;
            // "11:00 local time (UTC+1)": a time zone's capitals with an hour offset after them are that time zone, no entity
            if (span.Count == 1 && c.Source != "gazetteer" && IsTimeZoneShape(span[0]) && c.End + 1 < words.Count && words[c.End] is "+" or "-" or "\u2212"
                && words[c.End + 1].Length > 0 && char.IsAsciiDigit(words[c.End + 1][0])) continue;
            // "Senator Tavin Orrel (R-TX)": a party's initial, a hyphen and a U.S. state's code in brackets after a legislator's
            // name tag that person; the tag names nothing (and no body the name would be an alias of)
            // (and so does the tag between commas: "Senator Tavin Orrel, R-Tex., said")
            if (span.Count == 1 && c.Source != "gazetteer" && c.First > 0 && IsPartyStateTag(span[0])
                && (words[c.First - 1] == "(" || words[c.First - 1] == "," && c.First >= 2 && IsCapitalized(words[c.First - 2]))) continue;
            // "Senator Tavin Orrel (OR) and Representative Lida Vance (TX) wrote": a U.S. state's postal code or AP abbreviation
            // alone in brackets after a legislator's name is the state the legislator sits for, a place, not the acronym of the
            // name before it nor a body of the same letters ("NC" is no party here)
            if (span.Count == 1 && c.First >= 2 && c.End < words.Count && words[c.First - 1] == "(" && words[c.End] == ")"
                && UsStateCode(span[0]) is not null && AfterLegislatorsName(words, c.First - 1))
            {
                result.Add(c with { Type = EntityType.Location, FineType = null, Canonical = null, Role = null, Kind = MentionKind.Name, Source = "rule" });
                continue;
            }
            // "aid for IDPs", "the region's NGOs", "Marovia-based HTOs": an acronym with a plural "s" abbreviates a plural noun, it
            // names no one place, person or body (a category of bodies; the gazetteer's own names stay)
            if (span.Count == 1 && c.Source != "gazetteer" && c.Type is EntityType.Location or EntityType.Person or EntityType.Organization && IsPluralAcronym(span[0])
                && _lex.Gazetteer.Lookup(span[0]).Count == 0) continue;
            // "Aviation Boatswain 3rd Class Tomas Ferreira", "Airman First Class": capitalised words before an ordinal and "Class"
            // are a rating or rank, graded by the class; the name is what follows the class
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.End + 1 < words.Count && words[c.End + 1] == "Class"
                && (IsNumericOrdinal(words[c.End]) || SpelledOrdinals.Contains(words[c.End]))) continue;
            // "ODRA/OFDR", "funds from OFDR": an acronym (three to five capitals) the gazetteer does not know as a place is a
            // body's, not a place's (places named by acronyms are countries and states, which the gazetteer knows); a place's
            // name in capitals ("KABUL", a dateline opening the sentence; "BUFFALO" in a line written all in capitals) is no acronym
            if (c.Source == "ner" && c.Type == EntityType.Location && span.Count == 1 && span[0].Length is >= 3 and <= 5 && span[0].All(char.IsAsciiLetterUpper) && c.First > 0
                && !IsCapitalsWord(words[c.First - 1]) && (c.End >= words.Count || !IsCapitalsWord(words[c.End]))
                && _lex.Gazetteer.Lookup(span[0]).Count == 0 && !_lex.UsStates.Contains(span[0][0] + span[0][1..].ToLowerInvariant())
                && _lex.Gazetteer.Lookup(span[0][0] + span[0][1..].ToLowerInvariant()).Count == 0)
                c = c with { Type = EntityType.Organization, FineType = null };
            // "Southeast Europe", "Northwest Marovia": a compass point before a place's name names a region of it, not a body or a
            // person (the recogniser's places keep their reading: "South Bend" is a city)
            if (c.Source != "gazetteer" && c.CharStart < 0 && span.Count == 2 && CompassPoints.Contains(span[0]) && IsCapitalized(span[1]) && span[1].All(char.IsLetter)
                && c.Type is EntityType.Organization or EntityType.Person && Keyword(words, c.First, c.End) is null && _lex.Gazetteer.Lookup(string.Join(' ', span)).Count == 0
                && !_lex.UsStates.Contains(string.Join(' ', span)) && !_lex.CommonWords.Contains(span[1].ToLowerInvariant())
                && _lex.Gazetteer.Lookup(span[1]).All(h => h.Entry.Type == EntityType.Location))
                c = c with { Type = EntityType.Location, FineType = "Region", Role = null };
            if (c.Source == "ner" && headline && c.Length == 1 && _lex.Gazetteer.Lookup(span[0]).Count == 0) continue;
            if (IsFaith(words, c))
            {
                // "Shiites demonstrated", "Catholics gathered": a plural faith noun heading its phrase names the community as a
                // participant; a node only if it takes part in a relationship (demonym-kind, like "Chadian"); two words
                // ("Sunni Muslims protested") still make none (docs/entities.md, "Communities")
                var last = words[c.End - 1];
                if (last.EndsWith('s') && Communities.FaithName(_lex, words[c.First]) is { } faith && Communities.FaithName(_lex, last) is not null
                    && (c.End >= words.Count || !char.IsLetter(words[c.End][0]) || char.IsLower(words[c.End][0]) && s.Tokens[c.End].Tag is not ("NN" or "NNS")))
                    result.Add(c with { Type = EntityType.Organization, FineType = Communities.Label, Kind = MentionKind.Demonym, Canonical = faith, Role = null });
                continue;
            }
            // "the Zorvani people protested": an ethnic name is a community node, whatever the recogniser took it for
            if (c.Length == 1 && c.CharStart < 0 && (ethnic.Contains(words[c.First]) || Communities.IsEthnicName(_lex, words, c.First, kinOnly: c.Type == EntityType.Organization)
                                                     || c.Type == EntityType.Person && c.Source == "ner"
                                                        && (displaced.Contains(words[c.First]) || words[c.First].EndsWith('s') && displaced.Contains(words[c.First][..^1]))))
            {
                result.Add(c with { Type = EntityType.Organization, FineType = Communities.Label, Kind = MentionKind.Name,
                    Canonical = Communities.EthnicCanonical(s.Tokens[c.First], peoples), Role = null });
                continue;
            }
            // "the Orsk Convention on Salvage Rights", "the Tallin Convention against Piracy": a convention, or an agreement's head
            // word, that "on", "against" or "for" follows (after the name or inside it) is a treaty on that subject, an agreement,
            // whatever the recogniser took the name for; "the Varn Party Convention opened" stays a meeting, and so does one
            // that a date or a lower-case phrase follows outside its name ("the Varn Party Convention on Sunday", "... for
            // three days"): the subject of a treaty is capitalised ("on the Law of the Sea")
            if (c.Source != "gazetteer" && c.Type != EntityType.Person && span.Count >= 2)
                for (int k = 1; k <= span.Count; k++)
                {
                    var after = k < span.Count ? span[k] : c.End < words.Count ? words[c.End] : "";
                    if (after is not ("on" or "against" or "for")) continue;
                    if (k == span.Count)
                    {
                        int subject = c.End + 1 < words.Count && words[c.End + 1] == "the" ? c.End + 2 : c.End + 1;
                        if (subject >= words.Count || !IsCapitalized(words[subject]) || DateWords.Contains(words[subject])) break;
                    }
                    if (span[k - 1] is "Convention" or "Conventions"
                        || _lex.OrgKeywords.Lookup(span[k - 1], KeywordPosition.Suffix).Any(h => h.Type == EntityType.Event && h.FineType == "Agreement"))
                        c = c with { Type = EntityType.Event, FineType = "Agreement", Canonical = null, Role = null };
                    break;
                }
            // "the National Readiness Report (NRR)", "a Youth Mentoring Program": a name headed by a noun for a document, plan
            // or programme names that document or scheme, which is no actor nor place (the ontology has no label for it; an
            // agreement's head, "Accord", "Arrangement", makes an Event:Agreement instead); nor is its acronym in brackets
            // ("the Office of Management and Budget" is an office: the head of "A of B" is A)
            // (a document head opening the name before "for" heads it too: "the Authorization for the Use of Force Against Kessa")
            // (and "Ministerial Order (M.O.) 318": a name ending in "Order" that its number follows, after its acronym in
            // brackets or not, is a numbered order, a document; "the Orange Order" with no number may be a body)
            // (a head of two words is data too: "the Varn Trade Sanctions Regime" is a legal regime, no government)
            // (the head alone after "the" too: "the judges read the Statute", "the Framework's second annex": the short name of a
            // document, no actor)
            if (c.Source != "gazetteer" && c.Type != EntityType.Event && span.Count == 1 && c.First > 0 && words[c.First - 1] is "the" or ")"
                && DocumentHeadAt(words, c.First))
                continue;
            // "the Kessler Regime in Ostland", "Ostland's Kessler Regime": a regime that one capitalised word names, no place's
            // or people's (a leader's surname), is the government of the country the phrase ties it to ("in" and the country
            // after it, or the country's possessive before it): that government's node, whose alias the phrase is; with no
            // country stated the text leaves whose regime it is to its reader, and the phrase makes no node ("the Kessler
            // Regime" alone); "the Ostlandic Regime" (a people's word) is left to the demonym's rules
            if (c.Source != "gazetteer" && span.Count == 2 && span[1] is "Regime" or "regime" && IsCapitalized(span[0]) && c.Canonical is null
                && !_lex.Gazetteer.Lookup(span[0]).Any(h => h.Kind == MentionKind.Demonym || h.Entry.Type == EntityType.Location))
            {
                if (RegimeCountry(words, c.First, c.End) is not { } regimeOf) continue;
                c = c with { Type = EntityType.Organization, FineType = "Government", Canonical = $"Government of {regimeOf}", Role = null };
            }
            // "(Harbour Levies Explained – A Guide for Owners, KESSA NEWS, May 2, 2019)": capitalised words opening a bracket that a
            // comma and a publisher or site in capitals close are the start of a cited title (a reference line), no name; a body's
            // head keyword keeps its name, and an acronym its initials spell after the comma is the name's own ("(Kessa Port
            // Authority, KPAU)")
            if (c.Source != "gazetteer" && c.CharStart < 0 && span.Count >= 2 && c.First > 0 && words[c.First - 1] == "(" && IsTitleCase(span[0])
                && Keyword(words, c.First, c.End) is not { Type: EntityType.Organization } && CitedTitleInBracket(words, c.First, c.End)) continue;
            // "H.R. 4821", "S.Res. 92", "H.Res.377", "P.L. 118-40": a chamber's bill prefix, or the public-law prefix, before a
            // number names a bill or a law by its number, no actor; a name the prefix is glued to ends before it (title39)
            if (BillPrefixAt(words, c.First, c.End) is int bill and > 0 && (bill == span.Count ? BillNumberAt(words, c.End) : BillNumberAt(words, c.First + bill))) continue;
            for (int m = 1; m <= 4 && m < span.Count; m++)
                if (BillPrefixAt(words, c.End - m, c.End) == m && BillNumberAt(words, c.End))
                {
                    c = c with { End = c.End - m, Canonical = null, Role = null };
                    span = Enumerable.Range(c.First, c.End - c.First).Select(i => words[i]).ToList();
                    break;
                }
            // "trade legislation known as 'MARTA'": a name that a law's noun and "known as" or "called" introduce names that
            // law, no actor, here and later in the article (title39)
            if (c.Source != "gazetteer" && NamedAsLaw(words, c.First))
            {
                documents.Add(string.Join(' ', span));
                continue;
            }
            // "Decree-Law No. 41", "D.L. No. 41", "the Kessa Act No XIV of 2012": a name cut before "No." and a number is a numbered
            // text whose number was left out, no actor; the number itself, a Roman numeral or one with digits, names nothing either
            if (c.Source != "gazetteer" && c.Type != EntityType.Person && span.Count >= 2 && IsNumberSign(words, c.End - 1) && DocumentNumberAfter(words, c.End)) continue;
            if (c.Source != "gazetteer" && span.Count == 1 && c.First > 0 && IsNumberSign(words, c.First - 1) && IsDocumentNumber(span[0])) continue;
            // "the Coastal Law (Sundry Amendments) Bill 2014": capitalised words in brackets right before a document's head are a
            // piece of that document's title, no name of their own
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.First > 0 && words[c.First - 1] == "(" && c.End + 1 < words.Count && words[c.End] == ")"
                && IsTitleCase(words[c.End + 1]) && DocumentHeadAt(words, c.End + 1)) continue;
            // "the Law of Rivers and Harbours", "the Code of Kessa Waters and Fisheries": a piece the recogniser cut from a document's
            // title (capitalised words, "of", "on", "and" back to a document's head that "of", "on" or "for" follows) is that
            // title's words, no name; a name with a keyword of its own keeps it there (a body, an agreement: "the Action
            // Programme on the Kessa Declaration"), and so does a place
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.Type is EntityType.Organization or EntityType.Person or EntityType.Event
                && (c.Type != EntityType.Person || !IsCapitalized(span[0])) && Keyword(words, c.First, c.End) is null
                && !span.Any(w => _lex.OrgKeywords.Lookup(w).Any(h => h.Type == EntityType.Organization)) && InsideDocumentTitle(words, c.First)) continue;
            // "the Statute of the Varn Criminal Court", "the Constitution of the Kessa Harbour Union": a document's head before "of"
            // and a name its body's head keyword ends is that body's document; the body is what the name names as an actor
            // (the document itself is no node)
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.Type == EntityType.Organization && span.Count >= 3 && span[1] == "of"
                && IsTitleCase(span[0]) && DocumentHeadAt(words, c.First))
            {
                int body = span[2] == "the" ? c.First + 3 : c.First + 2;
                if (body < c.End && IsCapitalized(words[body]) && (Keyword(words, body, c.End) is { Type: EntityType.Organization }
                        || Enumerable.Range(body, c.End - body).Any(j => _lex.OrgKeywords.Lookup(words[j], KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization))))
                {
                    c = c with { First = body, Canonical = null, Role = null };
                    span = Enumerable.Range(c.First, c.End - c.First).Select(i => words[i]).ToList();
                }
            }
            if (c.Source != "gazetteer" && span.Count >= 2 && c.Type != EntityType.Event
                && ((DocumentHeadAt(words, c.End - 1) || span.Count >= 3 && _lex.DocumentHeads.Contains(span[^2] + " " + span[^1]))
                    && HeadBeforeOf(words, c.First, c.End - 1) is null
                    || span.Count >= 3 && _lex.DocumentHeads.Contains(span[0]) && span[1] == "for"
                    || DocumentHeadBeforeOf(words, c.First, c.End)
                    || span[^1] == "Order" && NumberedAfter(words, c.End)))
            {
                // (not an acronym that spells the owner before the name's possessive: "the Orvel Harvest Trust's Winter Appeal
                // (OHT)" puts the trust's acronym after its appeal)
                if (c.End + 2 < words.Count && words[c.End] == "(" && words[c.End + 2] == ")" && NameKey.IsAcronymShape(words[c.End + 1])
                    && !SpellsOwner(words, c.First, words[c.End + 1])) documents.Add(words[c.End + 1]);
                // "the Coastal Fisheries Protection Act of 2011 (CFPA)": the acronym after the document's year is the document's too (title39)
                else if (AcronymAfterYear(words, c.End) is { } dated && !SpellsOwner(words, c.First, dated)) documents.Add(dated);
                continue;
            }
            // "Chemical, Biological, and Nuclear (CBN) teams": an acronym of a list of capitalised modifiers abbreviates a
            // common noun phrase, it names nothing (nor does it later in the article)
            if (span.Count == 1 && NameKey.IsAcronymShape(span[0]) && c.First >= 4 && words[c.First - 1] == "(" && c.End < words.Count && words[c.End] == ")")
            {
                var initials = new List<char>();
                bool comma = false;
                for (int k = c.First - 2; k >= 0 && k >= c.First - 12; k--)
                {
                    if (words[k] is ",") { comma = true; continue; }
                    if (words[k] is "and" or "&") continue;
                    if (!IsTitleCase(words[k]) || _lex.OrgKeywords.Lookup(words[k]).Count > 0) break;
                    initials.Insert(0, words[k][0]);
                }
                if (comma && initials.Count == span[0].Length && new string(initials.ToArray()) == span[0])
                {
                    documents.Add(span[0]);
                    continue;
                }
            }
            // (the acronym itself, between a numbered order's name and its number, whether or not the name was found: "Order (M.O.) 318")
            if (span.Count == 1 && NameKey.IsAcronymShape(span[0]) && c.First >= 3 && words[c.First - 1] == "(" && words[c.First - 2] == "Order"
                && IsTitleCase(words[c.First - 3]) && NumberedAfter(words, c.First - 1))
                documents.Add(span[0]);
            if (documents.Contains(string.Join(' ', span))) continue;
            // "the Disaster Relief Centers in three counties": a name headed by the plural of a body's keyword, with no "of" or
            // "for" after it, names several bodies of a kind, no one actor
            if (c.Source != "gazetteer" && c.Type == EntityType.Organization && span.Count >= 2 && span[^1].Length > 4 && span[^1].EndsWith('s') && !span[^1].EndsWith("ss", StringComparison.Ordinal)
                && _lex.OrgKeywords.Lookup(span[^1]).Count == 0 && _lex.OrgKeywords.Lookup(span[^1][..^1], KeywordPosition.Suffix).Any(k => k.Type == EntityType.Organization && k.FineType != "ArmedForces")
                && (c.End >= words.Count || words[c.End] is not ("of" or "for")) && _lex.Gazetteer.Lookup(string.Join(' ', span)).Count == 0) continue;
            // "apply at DisasterHelp.gov": a name written with a dot and a top-level domain is a web address, no actor
            if (c.End + 1 < words.Count && words[c.End] == "." && s.Tokens[c.End].Start == s.Tokens[c.End - 1].End && s.Tokens[c.End + 1].Start == s.Tokens[c.End].End
                && TopLevelDomains.Contains(words[c.End + 1])) continue;
            // "the Coastal Recovery and Renewal Act": a name that "and" joins to capitalised words ending in a document's head
            // is the first half of that document's name; so is one a capitalised preposition goes on from, as only a title's
            // words are capitalised, or a possessive ("the Countering Kessa's Rivals Through Tariffs Act")
            if (c.Source != "gazetteer" && c.End + 1 < words.Count && c.CharStart < 0
                && (words[c.End] is "and" or "'s" or "\u2019s" || IsTitleCase(words[c.End]) && s.Tokens[c.End].Tag is "IN" or "TO"))
            {
                int k = c.End + 1;
                while (k < words.Count && k <= c.End + 6 && (IsTitleCase(words[k]) || words[k] is "'s" or "\u2019s" && k > c.End + 1)) k++;
                // (after a possessive only with a capitalised preposition on the way: "the Guard's Harbor Readiness Program" is the Guard's)
                if (k > c.End + 1 && _lex.DocumentHeads.Contains(words[k - 1])
                    && (words[c.End] is not ("'s" or "\u2019s") || Enumerable.Range(c.End + 1, k - c.End - 1).Any(j => s.Tokens[j].Tag is "IN" or "TO"))) continue;
            }
            // "the Wages and Pensions of the Mayor, Deputy Mayor and Aldermen Bill 2011": capitalised words that "of" and a run of
            // capitalised words and the title's small words ("of", "the", "and", a comma) join to a document's head are the first
            // words of that document's title, when they have no body's head keyword of their own
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.Type is EntityType.Organization or EntityType.Event && c.End + 1 < words.Count && words[c.End] == "of"
                && Keyword(words, c.First, c.End) is not { Type: EntityType.Organization })
            {
                int k = c.End + 1;
                while (k < words.Count && k <= c.End + 14 && (IsTitleCase(words[k]) && !DocumentHeadAt(words, k) || words[k] is "of" or "the" or "and" or "," or "&")) k++;
                if (k < words.Count && k > c.End + 1 && IsTitleCase(words[k]) && DocumentHeadAt(words, k) && IsTitleCase(words[k - 1])) continue;
            }
            // "the Kessa Coast Oil Drilling Ban Act": capitalised words a document's capitalised head follows are the
            // first part of that document's name when they have no head keyword of their own ("the Harbor Institute Report"
            // is the institute's)
            if (c.Source != "gazetteer" && c.CharStart < 0 && span.Count >= 2 && c.Type != EntityType.Person && c.End < words.Count
                && IsTitleCase(words[c.End]) && DocumentHeadAt(words, c.End) && Keyword(words, c.First, c.End) is null) continue;
            if (c.Source != "gazetteer" && !IsName(s, words, c, span)) continue;
            // "news from around the Corps", "the Navy": a force's head word alone names a force (the one the article names
            // in full, when it does), whatever the recogniser took it for
            if (span.Count == 1 && c.Type != EntityType.Organization && c.Source == "ner" && IsTitleCase(span[0])
                && _lex.OrgKeywords.Lookup(span[0], KeywordPosition.Suffix) is { Count: > 0 } force && force[0].FineType == "ArmedForces")
                c = c with { Type = EntityType.Organization, FineType = "ArmedForces", Role = null };
            // "the End of County Road 12 Boat Ramp", "State Route 9 Bridge": a road's head word and the number after it name one
            // road, and capitalised words right after the number name a facility on it; the whole is one place, and names
            // found inside it are no names of their own
            if (c.CharStart < 0 && c.Type == EntityType.Location && c.End < words.Count && IsCardinal(words[c.End]) && RoadHeads.Contains(words[c.End - 1]))
            {
                int e = c.End + 1;
                while (e < words.Count && e - c.End <= 3 && IsTitleCase(words[e]) && !DateWords.Contains(words[e])) e++;
                c = c with { End = e, FineType = "Facility", Role = null, Canonical = null };
                numberedRoads.Add((c.First, e));
            }
            // "to Tarrant's Dockyard in Velloria": a name, a possessive and one capitalised head word of a facility or a natural
            // feature ("Dockyard", "Bay") is one place named after its owner; the owner alone is no entity there
            if (c.CharStart < 0 && c.Type != EntityType.Vehicle && c.End + 1 < words.Count && words[c.End] is "'s" or "\u2019s" && IsTitleCase(words[c.End + 1])
                && (c.End + 2 >= words.Count || !IsCapitalized(words[c.End + 2]) && words[c.End + 2] != "of")
                && _lex.OrgKeywords.Lookup(words[c.End + 1], KeywordPosition.Suffix) is { Count: > 0 } placeHead
                && placeHead.All(h => h.Type == EntityType.Location && h.FineType is "Facility" or "NaturalFeature")
                // (a country or a U.S. state owns its features as a description: "along Kessland's Coast region" keeps Kessland)
                && !_lex.UsStates.Contains(WordRun.Join(words, c.First, c.Length))
                && !_lex.Gazetteer.Lookup(WordRun.Join(words, c.First, c.Length)).Any(h => h.Entry.Type == EntityType.Location && h.Entry.FineTypes.Contains("Country")))
                c = c with { End = c.End + 2, Type = EntityType.Location, FineType = placeHead[0].FineType, Source = c.Source == "gazetteer" ? "ner" : c.Source, Role = null, Canonical = null };
            // ("Tarn's Ford, Ghana": the words after the possessive are no name of their own there, like a road's, below)
            else if (PossessivePlaceName(s, words, c))
            {
                c = c with { End = c.End + 2, Type = EntityType.Location, FineType = null, Role = null, Canonical = null };
                numberedRoads.Add((c.First, c.End));
            }
            // "Coast Guard Cutter crews", "a Navy Destroyer's crew": a vessel's kind after a body's name (by its head keyword or the
            // gazetteer), with a word in lower case (or a possessive) after it and so no name of its own, is the kind of the body's
            // vessels; the body is the name
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.Length >= 2 && c.End < words.Count && VehicleNouns.Contains(words[c.End - 1]) && IsTitleCase(words[c.End - 1])
                && (char.IsLower(words[c.End][0]) || s.Tokens[c.End].Tag == "POS")
                && (Keyword(words, c.First, c.End - 1) is { Type: EntityType.Organization, Position: KeywordPosition.Suffix }
                    || _lex.Gazetteer.Lookup(WordRun.Join(words, c.First, c.Length - 1)).Any(h => h.Entry.Type == EntityType.Organization)))
                c = c with { End = c.End - 1, Type = EntityType.Organization, FineType = Keyword(words, c.First, c.End - 1)?.Fine, Role = null, Canonical = null };
            // "the 12th Harbor Patrol District", "Military Region 9": a district, region or zone named by common words and name
            // keywords only is told from the others of its kind by its number, an ordinal before it or a number of one to three
            // digits after it, which is part of its name ("the Tarsin District": a name of its own, no number needed); a number
            // before a plural noun or a noun in lower case counts them ("in the Northern Region 20 schools closed")
            if (c.Source != "gazetteer" && c.Length >= 2 && _lex.OrgKeywords.Lookup(words[c.End - 1], KeywordPosition.Suffix) is { Count: > 0 } regionHead
                && regionHead[0] is { Type: EntityType.Location, FineType: "Region" }
                && Enumerable.Range(c.First, c.Length - 1).All(k => IsFieldWord(words[k]) || _lex.OrgKeywords.Lookup(words[k]).Count > 0))
            {
                if (c.First > 0 && IsNumericOrdinal(words[c.First - 1]))
                    c = c with { First = c.First - 1, Type = EntityType.Location, FineType = "Region", Role = null, Canonical = null };
                else if (c.End < words.Count && words[c.End].Length <= 3 && IsCardinal(words[c.End])
                         && !(c.End + 1 < words.Count && (s.Tokens[c.End + 1].Tag is "NNS" or "NNPS" || s.Tokens[c.End + 1].Tag == "NN" && char.IsLower(words[c.End + 1][0]))))
                    c = c with { End = c.End + 1, Type = EntityType.Location, FineType = "Region", Role = null, Canonical = null };
            }
            // "HMAS Kellen HMAS Dunmore": a hull prefix inside a span opens another vessel's name; the words before it, after the
            // span's own prefix, name the first vessel (a list of ships written without commas), which is a Vehicle of its own
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.Length >= 4 && VesselPrefixes.Contains(words[c.First]))
            {
                for (int p = c.First + 2; p < c.End - 1; p++)
                {
                    if (!VesselPrefixes.Contains(words[p])) continue;
                    if (!Enumerable.Range(c.First + 1, p - c.First - 1).All(k => IsCapitalized(words[k]) && words[k].All(ch => char.IsLetter(ch) || ch is '.' or '-'))) break;
                    string first = WordRun.Join(words, c.First + 1, p - c.First - 1);
                    vehicles.Add(first);
                    result.Add(c with { End = p, Type = EntityType.Vehicle, FineType = null, Role = null, Canonical = first });
                    c = c with { First = p };
                    p = c.First + 1;
                }
            }
            // "the Oil Tanker "Brellin"": a capitalised vessel's kind before a name in quotation marks is the kind, no name; the
            // quoted name is the vessel's (named after the kind below)
            // (proposed here when the recogniser missed it; a candidate of its own over the same words then gives way)
            if (c.CharStart < 0 && quotedVessel.TryGetValue(c.First, out int quotedEnd) && c.End <= quotedEnd) continue;
            if (c.Source != "gazetteer" && c.CharStart < 0 && VehicleNouns.Contains(words[c.End - 1]) && IsTitleCase(words[c.End - 1]) && QuotedNameAt(words, c.End) is > 0 and var quotedLength)
            {
                string quotedName = WordRun.Join(words, c.End + 1, quotedLength);
                vehicles.Add(quotedName);
                result.Add(c with { First = c.End + 1, End = c.End + 1 + quotedLength, Type = EntityType.Vehicle, FineType = null, Role = null, Source = "rule", Canonical = quotedName });
                quotedVessel[c.End + 1] = c.End + 1 + quotedLength;
                continue;
            }
            // "Hurricanes Tamsin and Orlo": the plural of a storm's kind before names stands before several storms, each named
            // with the kind in the singular ("Hurricane Tamsin", "Hurricane Orlo"): the first name here, the others after
            // "and" or a comma in stormAt (the plural is no part of any name)
            if (c.CharStart < 0 && StormKindPlural(words[c.First]) is { } storm && c.Length >= 2 && c.Length <= 3
                && Enumerable.Range(c.First + 1, c.Length - 1).All(k => IsTitleCase(words[k])))
            {
                for (int k = c.End; k + 1 < words.Count && words[k] is "," or "and" && IsTitleCase(words[k + 1]); )
                {
                    stormAt[k + 1] = storm;
                    k += 2;
                    while (k < words.Count && IsTitleCase(words[k]) && words[k] != "and") k++;
                }
                c = c with { First = c.First + 1, Type = EntityType.Event, FineType = "Storm", Role = null, Source = "rule",
                    Canonical = storm + " " + WordRun.Join(words, c.First + 1, c.Length - 1) };
            }
            else if (c.CharStart < 0 && stormAt.TryGetValue(c.First, out var listed) && c.Length <= 2
                     && Enumerable.Range(c.First, c.Length).All(k => IsTitleCase(words[k])))
                c = c with { Type = EntityType.Event, FineType = "Storm", Role = null, Source = "rule", Canonical = listed + " " + WordRun.Join(words, c.First, c.Length) };
            if (c.Type == EntityType.Event && c.FineType == "Storm" && c.Source == "rule" && c.Canonical is not null)
            {
                result.Add(c);
                continue;
            }
            // "the frigate Valiant", "USS Harmon Ridge": a vessel or aircraft is a Vehicle, named without its hull prefix or kind
            int vehicleEnd = c.End;
            string? vehicle = c.Source != "gazetteer" && !numberedRoads.Contains((c.First, c.End)) ? IsVehicle(s, words, c, headline, out vehicleEnd) : null;
            // "HMS Brel, Tarn and Vale", "the minehunters Brel, Tarn and Vale": a prefix or a plural kind before a list makes each
            // conjunct a ship, even a name the gazetteer knows as a town (ships are named after towns)
            // (a town's name, not a country's: "the warships Britain, France and Germany sent" lists the senders, review40)
            if (vehicle is null && c.Source == "gazetteer" && c.Type == EntityType.Location && c.FineType != "Country" && c.CharStart < 0 && c.Length <= 3
                && Enumerable.Range(c.First, c.Length).All(k => IsTitleCase(words[k]))
                && IsListedAfterVesselKind(words, c.First))
                vehicle = WordRun.Join(words, c.First, c.Length);
            // "the Brel and her sister Tarn": the sister of a vessel the article has named is a vessel
            if (vehicle is null && c.CharStart < 0 && c.Length <= 3 && c.First >= 4 && words[c.First - 1] == "sister" && words[c.First - 2] is "her" or "its"
                && words[c.First - 3] is "and" or "," && vehicles.Contains(words[c.First - 4]) && Enumerable.Range(c.First, c.Length).All(k => IsTitleCase(words[k])))
                vehicle = WordRun.Join(words, c.First, c.Length);
            if (vehicle is not null)
            {
                c = c with { End = vehicleEnd };
                // "USS Gerald R. Ford" proposed as "USS Gerald": a hull prefix's name goes on over capitalised words and initials
                if (Enumerable.Range(c.First, c.Length).Any(k => VesselPrefixes.Contains(words[k])))
                {
                    int e = c.End;
                    while (e < words.Count && words[e].Length > 0 && char.IsUpper(words[e][0]) && words[e].All(ch => char.IsLetter(ch) || ch == '.')
                           && !DateWords.Contains(words[e])) e++;
                    if (e > c.End)
                    {
                        vehicle += " " + WordRun.Join(words, c.End, e - c.End);
                        c = c with { End = e };
                    }
                }
                vehicles.Add(vehicle);
                // "the Harbor Guard Cutter Selby": the body's name before the capitalised kind, with the vessel's name, is how the
                // article may name the vessel again without the kind ("the commanding officer of the Harbor Guard Selby")
                int nameStart = c.End - vehicle.Split(' ').Length;
                if (nameStart - 1 > c.First && nameStart <= c.End && VehicleNouns.Contains(words[nameStart - 1]) && IsTitleCase(words[nameStart - 1])
                    && WordRun.Join(words, nameStart, c.End - nameStart) == vehicle)
                    ownedVessels.TryAdd(WordRun.Join(words, c.First, nameStart - 1 - c.First) + " " + vehicle, vehicle);
                if (vehicle.Length > 0 && vehicle.Any(char.IsLetter))
                    result.Add(c with { Type = EntityType.Vehicle, FineType = null, Role = null, Canonical = vehicle });
                continue;
            }
            // "during Exercise Saber Junction": the capitalised word "Exercise" says what the name is; the name is what follows
            if (c.Length >= 3 && words[c.First] is "Exercise" or "Exercises" && c.CharStart < 0)
                c = c with { First = c.First + 1, Type = EntityType.Event, FineType = null, Role = null, Canonical = null };
            // "the Coastal Working Group Meeting of Principals": the word before "of" heads a name ("Ministry of ..."), so an event's
            // head word there makes the name an event, whatever the words before it name; a head word that names only an event
            // ("Meeting", "Summit": no body's reading in org_keywords.tsv) does so whatever body the words after "of" name too
            // ("the Ministerial Meeting of the Kessa Coastal Union", "the Annual Meeting of Heads of Mission")
            if (c.Type == EntityType.Organization && c.Source != "gazetteer" && c.CharStart < 0 && c.Length >= 4)
                for (int k = c.First + 2; k < c.End - 1; k++)
                    if (words[k] == "of")
                    {
                        bool eventOnly = _lex.OrgKeywords.Lookup(words[k - 1], KeywordPosition.Suffix) is { Count: > 0 } readings && readings.All(h => h.Type == EntityType.Event);
                        // (an agreement's head is a document's, "Declaration of ...", left to the recogniser)
                        if ((eventOnly || Keyword(words, c.First, c.End) is null)
                            && Keyword(words, c.First, k) is { Type: EntityType.Event, Position: KeywordPosition.Suffix } head && head.Fine != "Agreement")
                            c = c with { Type = EntityType.Event, FineType = head.Fine, Role = null };
                        break;
                    }
            // "during Korea Viper 24.1", "during the Ocean Shield drills": what "during" governs is an event or a time, so a
            // name after it that the gazetteer does not know as a place and that is not a person is an event
            if ((c.Type == EntityType.Organization || c.Type == EntityType.Person && c.End < words.Count && words[c.End].Any(char.IsDigit) && words[c.End].All(ch => char.IsDigit(ch) || ch is '.' or '-'))
                && c.Source != "gazetteer" && c.First > 0 && (c.End >= words.Count || words[c.End] is not ("'s" or "\u2019s"))
                && (words[c.First - 1] == "during" || c.First > 1 && words[c.First - 2] == "during" && words[c.First - 1] == "the")
                && Keyword(words, c.First, c.End) is not { Type: EntityType.Organization })
                c = c with { Type = EntityType.Event, FineType = null, Role = null };
            // "Amber Crane 24 (AC 24), an exercise between ...": a recogniser's organisation with no name keyword followed by a
            // two-digit serial ("24", "24.1") is a recurring event named by its year; bodies are not numbered so, units have a keyword
            if (c.Type == EntityType.Organization && c.Source == "ner" && c.End < words.Count && IsSerial(words[c.End]) && Keyword(words, c.First, c.End) is null
                && !words.Skip(c.First).Take(c.Length).Any(NameKey.IsAcronymShape))
            {
                c = c with { Type = EntityType.Event, FineType = null, Role = null };
                events.Add(WordRun.Join(words, c.First, c.Length));
            }
            // "the Bureau's Harbor City Division": a unit's keyword names a force only when a force or a country owns it; a
            // body of another kind before the possessive owns a division of its own kind
            if (c.FineType == "ArmedForces" && c.Source != "gazetteer" && c.First >= 2 && words[c.First - 1] is "'s" or "\u2019s"
                && _lex.OrgKeywords.Lookup(words[c.First - 2]).All(k => k.FineType != "ArmedForces")
                && !_lex.Gazetteer.Lookup(words[c.First - 2]).Any(h => h.Entry.Type == EntityType.Location || h.Entry.FineType is "ArmedForces" or "ArmedGroup")
                && NameKey.IsAcronymShape(words[c.First - 2]))
                c = c with { FineType = null };
            // "A Unified Command was set up": a name of ordinary words and a keyword that the text introduces with the indefinite
            // article is a kind of body (its keyword's fine label does not hold), however the article writes it later
            if (c.Type == EntityType.Organization && c.FineType is not null && c.Source != "gazetteer" && c.First > 0 && words[c.First - 1] is "a" or "A" or "an" or "An"
                && Keyword(words, c.First, c.End) is not null && (c.End >= words.Count || s.Tokens[c.End].Tag is not ("NN" or "NNS" or "NNP" or "NNPS" or "CD" or "POS"))
                && Enumerable.Range(c.First, c.Length).All(k => IsTitleCase(words[k]) && _lex.Gazetteer.Lookup(words[k]).Count == 0))
            {
                kinds.Add(WordRun.Join(words, c.First, c.Length));
                c = c with { FineType = null };
            }
            // "the Harbor Fisheries Organization (HFO) Convention Area": a keyword-headed name right after an acronym in brackets
            // is named with the acronym (the words alone are a fragment of it)
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.First >= 3 && words[c.First - 1] == ")" && words[c.First - 3] == "("
                && NameKey.IsAcronymShape(words[c.First - 2]) && Keyword(words, c.First, c.End) is { Position: KeywordPosition.Suffix })
                c = c with { Canonical = words[c.First - 2] + " " + WordRun.Join(words, c.First, c.Length) };
            // "a rock band named Brass Lantern", "a town called Dunmore": the noun before "named" or "called" says what the name is
            // (a description's kind from the descriptions lexicon; its fine label only when it has one)
            if (c.Source != "gazetteer" && c.CharStart < 0 && c.First >= 2 && words[c.First - 1] is "named" or "called" && char.IsLower(words[c.First - 2][0])
                && _lex.Descriptors.Lookup(words[c.First - 2]) is { Count: > 0 } named && named[0].Type is EntityType.Person or EntityType.Organization or EntityType.Location
                && named[0].Type != c.Type)
                c = c with { Type = named[0].Type, FineType = named[0].FineTypes.Count == 1 ? named[0].FineTypes[0] : null, Role = null, Canonical = null };
            // "United States-United Kingdom cooperation": two places' names joined by a hyphen modify a noun as a pair, no one
            // body or place
            if (c.Source != "gazetteer" && c.CharStart < 0 && Enumerable.Range(c.First, c.Length).FirstOrDefault(k => words[k].IndexOf('-') > 0, -1) is int hy and >= 0
                && words[hy].IndexOf('-') is int hd2 && hd2 + 1 < words[hy].Length && char.IsUpper(words[hy][hd2 + 1])
                && IsKnownPlace(string.Join(' ', words.Skip(c.First).Take(hy - c.First).Append(words[hy][..hd2])))
                && IsKnownPlace(string.Join(' ', words.Skip(hy + 1).Take(c.End - hy - 1).Prepend(words[hy][(hd2 + 1)..])))) continue;
            // "the group's leader Abu Karim": a person noun right before a name the gazetteer or the recogniser took for a group
            // (groups are often named after a person) says the name is a person's; so is the same name elsewhere in the article
            if (c.Source is "gazetteer" or "ner" && c.Type == EntityType.Organization && c.Kind == MentionKind.Name && c.CharStart < 0 && c.Length >= 2 && c.First > 0
                && Keyword(words, c.First, c.End) is null
                && char.IsLower(words[c.First - 1][0]) && _lex.Titles.Lookup(words[c.First - 1]).Any(t => t.ImpliesPerson)
                && Enumerable.Range(c.First, c.Length).All(k => IsTitleCase(words[k]))
                && (c.End >= words.Count || s.Tokens[c.End].Tag is not ("NN" or "NNS" or "NNP" or "NNPS")))
            {
                c = c with { Type = EntityType.Person, FineType = null, Canonical = null, Role = RoleOf(_lex.Titles.Lookup(words[c.First - 1])) };
                titled.Add(WordRun.Join(words, c.First, c.Length));
            }
            // "during exercise Forest Light": a name after the word "exercise" or "operation" names an event (an exercise's
            // name with an agreement's head word is still the exercise: "exercise Silver Accord 2024")
            if (c.First > 0 && words[c.First - 1] is "exercise" or "exercises" or "Exercise" or "operation" or "drill")
            {
                if (c.Type != EntityType.Event || c.FineType == "Agreement")
                    c = c with { Type = EntityType.Event, FineType = words[c.First - 1] == "operation" ? "MilitaryOperation" : null, Role = null };
                events.Add(WordRun.Join(words, c.First, c.Length));
                if (words[c.First - 1] is "exercise" or "exercises" or "Exercise") exercises.Add(WordRun.Join(words, c.First, c.Length));
            }
            else if (c.Type == EntityType.Event && c.First > 0 && words[c.First - 1] is "during" or "the" && c.Source != "gazetteer")
                events.Add(WordRun.Join(words, c.First, c.Length));
            result.Add(c);
        }
        if (numberedRoads.Count > 0)
            result.RemoveAll(r => numberedRoads.Any(n => r.First >= n.First && r.End <= n.End && (r.First, r.End) != n));
        return result;
    }

    /// <summary>
    /// "Joint Base San Antonio-Fort Sam Houston": two names joined by a hyphen inside one word are one name, so a name whose
    /// last word is such a join ("Antonio-Fort") goes on over the capitalised proper nouns after it, and what was found
    /// there ("Sam Houston" as a person) is part of it. A hyphen before a lower-case word ("Chad-based") joins no names.
    /// </summary>
    private void JoinHyphenatedNames(Sentence s, List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.CharStart >= 0 || c.Type == EntityType.Person) continue;
            int e = c.End;
            // the join ends the name ("San Antonio-Fort") or comes right after it ("Cedar" before "Ridge-Fort")
            // (a person's title written with a hyphen joins no names: "the Harbour League Secretary-General Tomas Brell" is
            // the body, the title and the person)
            if (!NameJoin(words[c.End - 1]))
            {
                if (e >= words.Count || !NameJoin(words[e]) || !IsProperTag(s.Tokens[e]) || JoinsKnownPlaces(words[e]) || TitleBeforeName(words, e)) continue;
                e++;
            }
            else if (JoinsKnownPlaces(words[c.End - 1]) || TitleBeforeName(words, c.End - 1)) continue; // "Russia-Ukraine": two places, not one name
            while (e < words.Count && IsProperTag(s.Tokens[e]) && IsCapitalized(words[e]) && words[e].All(ch => char.IsLetter(ch) || ch == '.') && !DateWords.Contains(words[e])) e++;
            if (e == c.End) continue;
            var joined = c with { End = e, Canonical = null };
            settled[k] = joined;
            // what lay inside the joined name goes
            settled.RemoveAll(o => !ReferenceEquals(o, joined) && o.First >= c.End && o.End <= e);
            // a candidate that began inside and goes on past it is cut to what follows
            for (int j = 0; j < settled.Count; j++)
                if (settled[j].First >= c.End && settled[j].First < e && settled[j].End > e) settled[j] = settled[j] with { First = e };
        }
    }

    /// <summary>Whether words[k] is a person's title of titles.tsv ("Secretary-General", "Director-General") right before a
    /// capitalised word (a name; not "the Secretary-General's envoy", whose holder is someone else).</summary>
    private bool TitleBeforeName(List<string> words, int k) =>
        k + 1 < words.Count && IsCapitalized(words[k + 1]) && words[k + 1].Any(char.IsLetter) && _lex.Titles.Lookup(words[k]).Any(t => t.ImpliesPerson);

    /// <summary>
    /// "Helena Marsh (Kowalczyk)": one name in brackets right after a person's name is another name of that person (a maiden
    /// or former name), no body or place of its own; an acronym there ("(UNHCR)") or a name the gazetteer knows is left alone.
    /// </summary>
    private void DropNamesInBracketsAfterPeople(List<string> words, List<Candidate> settled)
    {
        for (int k = 1; k < settled.Count; k++)
        {
            var (c, before) = (settled[k], settled[k - 1]);
            if (c.Length != 1 || c.Source == "gazetteer" || c.CharStart >= 0 || before.Type != EntityType.Person || before.End != c.First - 1
                || words[c.First - 1] != "(" || c.End >= words.Count || words[c.End] != ")" || !IsTitleCase(words[c.First])
                || _lex.Gazetteer.Lookup(words[c.First]).Count > 0) continue;
            settled.RemoveAt(k--);
        }
    }

    /// <summary>
    /// "the Lantern Harbor Campaign Event (LHCE)": an acronym in brackets right after a name that it spells is that name's
    /// short form and takes its type, whatever the recogniser took the acronym for.
    /// </summary>
    private static void TypeAcronymsLikeTheirNames(List<string> words, List<Candidate> settled)
    {
        for (int k = 1; k < settled.Count; k++)
        {
            var (c, name) = (settled[k], settled[k - 1]);
            if (c.Length != 1 || c.CharStart >= 0 || name.CharStart >= 0 || name.End != c.First - 1 || words[c.First - 1] != "(" || c.End >= words.Count
                || words[c.End] != ")" || c.Type == name.Type && c.FineType == name.FineType || name.Type == EntityType.Person
                || !EntityClusterer.IsAcronymOf(words[c.First], words.Skip(name.First).Take(name.Length).ToArray())) continue;
            // (a name with no sublabel leaves the acronym's: "Agence France-Presse (AFP)" a news agency)
            settled[k] = c with { Type = name.Type, FineType = name.FineType ?? (c.Type == name.Type ? c.FineType : null), Role = null };
        }
    }

    /// <summary>
    /// "the Tarvel Harbor Board (THB) ... in all THB ports", "THB said": an acronym the article spells out in brackets right
    /// after a name (as TypeAcronymsLikeTheirNames reads it), or a name it spells written in brackets right after the
    /// acronym ("THB (Tarvel Harbor Board)"), is that name's short form wherever else the article writes it alone, so it
    /// takes the name's type (as the rules left it) there too, whatever the recogniser or a rule took the bare acronym for
    /// ("all THB countries" read as a country), and the clusterer can join it to the name. Not an acronym two names of
    /// different types spell in the article, nor one spelling a person's name.
    /// The article's definition beats the gazetteer: a mention the gazetteer read as a body of the same letters under
    /// another name ("THB" of a distant armed group) loses that reading, its name and its sublabel, in this article.
    /// A name the recogniser alone took for a person, which the acronym in brackets spells and none of whose words is a
    /// given name ("the Valdemarist (VMT) party", "Kolvanta (KVT) legislators"), is no person: it and the acronym are one
    /// body, of the acronym's type, every mention of it in the article (a person has no acronym in brackets; "Mara Lind
    /// (ML)" keeps her given name's reading). Two passes over the mentions (indexed by sentence and end).
    /// </summary>
    private void TypeBareAcronymsLikeTheirNames(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        var byEnd = new Dictionary<(int Sentence, int End), int>();
        for (int k = 0; k < result.Count; k++)
            if (result[k].Mention.Kind is MentionKind.Name or MentionKind.Acronym) byEnd.TryAdd((result[k].Mention.SentenceIndex, result[k].EndToken), k);
        var spelled = new Dictionary<string, Definition?>(StringComparer.Ordinal);
        foreach (var inBrackets in result)
        {
            var t = sentences[inBrackets.Mention.SentenceIndex].Tokens;
            if (inBrackets.FirstToken < 2 || inBrackets.EndToken >= t.Count || t[inBrackets.FirstToken - 1].Text != "(" || t[inBrackets.EndToken].Text != ")"
                || inBrackets.Mention.Kind is not (MentionKind.Name or MentionKind.Acronym)
                || !byEnd.TryGetValue((inBrackets.Mention.SentenceIndex, inBrackets.FirstToken - 1), out var b)) continue;
            // "Name (ACR)" or "ACR (Name)"
            var (a, name) = inBrackets.EndToken - inBrackets.FirstToken == 1 && NameKey.IsAcronymShape(inBrackets.Mention.Text) ? (inBrackets, result[b])
                : result[b].EndToken - result[b].FirstToken == 1 && NameKey.IsAcronymShape(result[b].Mention.Text) ? (result[b], inBrackets) : (null!, null!);
            if (a is null || name.Mention.Kind != MentionKind.Name || name.EndToken - name.FirstToken < 1) continue;
            var words = t.Skip(name.FirstToken).Take(name.EndToken - name.FirstToken).Select(x => x.Text).ToArray();
            if (name.Mention.Type == EntityType.Person)
            {
                // a name only the recogniser took for a person, spelled by the letters in brackets ("Kolvanta (KVT)")
                if (name.Mention.Source != "ner" || a.Mention.Type is EntityType.Person or EntityType.Vehicle || words.Any(_lex.GivenNames.Contains)
                    || !(EntityClusterer.IsAcronymOf(a.Mention.Text, words) || words.Length == 1 && a.Mention.Text.Count(char.IsLetter) >= 3
                         && EntityClusterer.SpellsOut(a.Mention.Text, words[0]))) continue;
                var guessed = a.Mention.Source == "gazetteer" && a.Mention.Canonical is not null;
                Define(a.Mention.Text, new Definition(a.Mention.Type, guessed ? null : a.Mention.FineType, name.Mention.Text, null, true));
                continue;
            }
            if (!EntityClusterer.IsAcronymOf(a.Mention.Text, words))
            {
                // "the Kessa-Orvia Memorandum of Understanding (MOU)": letters in brackets that spell an event's name from its
                // head keyword, an event's, to its end (the words before say whose it is) are that event's short form; not
                // letters that spell a body named inside it ("a Special Session of Organization of Kessa States (OKS)") (type40)
                if (a == inBrackets && name.Mention.Type == EntityType.Event && a.Mention.Text.Count(char.IsLetter) >= 3
                    && Enumerable.Range(1, Math.Max(0, words.Length - 2)).Any(i => EventHeadAt(words, i) && EntityClusterer.IsAcronymOf(a.Mention.Text, words[i..])))
                {
                    Define(a.Mention.Text, new Definition(name.Mention.Type, name.Mention.FineType, name.Mention.Text, name.Mention.Canonical, false));
                    continue;
                }
                // "the Vastrian Chamber of Delegates (DKV)": letters in brackets after a body's name that spell no English word of
                // it (the body's own language's initials) still define them in this article, against a gazetteer body of the same
                // letters whose name shares no word with the long form (that body is another one): the letters alone elsewhere
                // in the article lose that reading too; a long form sharing a word with the gazetteer's name ("the Kurdish
                // Workers' Party (PKK)") leaves it
                // (not an entry the gazetteer names by the letters themselves, "Unicef", nor one it knows by the long form)
                if (a == inBrackets && name.Mention.Type == EntityType.Organization && a.Mention is { Source: "gazetteer", Type: EntityType.Organization, Canonical: { } entry }
                    && name.Mention.Canonical != entry && !SharesMajorWord(entry, words) && NameKey.Fold(entry) != NameKey.Fold(a.Mention.Text)
                    && !_lex.Gazetteer.Lookup(name.Mention.Text).Any(h => h.Entry.Name == entry))
                    Define(a.Mention.Text, new Definition(name.Mention.Type, name.Mention.FineType, name.Mention.Text, name.Mention.Canonical, false) { Unspelled = true });
                continue;
            }
            // (a long form with no sublabel leaves the acronym's own, one no gazetteer read from its letters: "told the Velm
            // Courier-Herald (VCH)", a news outlet by the verb)
            var fine = name.Mention.FineType ?? (a.Mention.Type == name.Mention.Type && a.Mention.Source != "gazetteer" ? a.Mention.FineType : null);
            // ("the Armed Forces of Ostland (AFO)": a long form with no sublabel of its own still has the head of "A of B", A's
            // keyword, which says what it is against a gazetteer's reading of the letters alone)
            var head = name.Mention.FineType is null && name.Mention.Type == EntityType.Organization && HeadBeforeOf(words.ToList(), 0, words.Length) is { Type: EntityType.Organization, Fine: { } f } ? f : null;
            Define(a.Mention.Text, new Definition(name.Mention.Type, fine, name.Mention.Text, name.Mention.Canonical, false) { HeadFine = head });
        }
        void Define(string acronym, Definition d) =>
            spelled[acronym] = spelled.TryGetValue(acronym, out var known) && (known is null || known.Type != d.Type || known.Fine != d.Fine) ? null : d;
        if (spelled.Count == 0) return;
        var persons = spelled.Values.OfType<Definition>().Where(d => d.WasPerson).ToDictionary(d => d.Long, StringComparer.Ordinal);
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k].Mention;
            // the long form read as a person: every mention of it the recogniser typed so
            if (persons.Count > 0 && m is { Type: EntityType.Person, Source: "ner", Kind: MentionKind.Name } && persons.TryGetValue(m.Text, out var body))
            {
                result[k] = result[k] with { Mention = m with { Type = body.Type, FineType = body.Fine, Canonical = null }, Role = null };
                continue;
            }
            if (m.Kind is not (MentionKind.Name or MentionKind.Acronym) || result[k].EndToken - result[k].FirstToken != 1
                || !spelled.TryGetValue(m.Text, out var named) || named is not { } d) continue;
            if (m.Source == "gazetteer")
            {
                // the gazetteer's reading of the letters stands when it is the body the article spells out, and, where the
                // gazetteer knows the letters alone ("ICC" an international organisation, no expansion), when the long form
                // says nothing against it (no other type, no other sublabel than a firm's, which a news agency is too: "the
                // International Criminal Court (ICC)", "the Kessa Broadcasting Corporation (KBC)")
                var said = d.Fine ?? d.HeadFine;
                if (m.Canonical is null || m.Canonical == d.Canonical || NameKey.Fold(m.Canonical) == NameKey.Fold(d.Long)
                    || NameKey.IsAcronymShape(m.Canonical) && d.Type == m.Type && (said is null or "Company" || said == EntryFineType(m))) continue;
                result[k] = result[k] with { Mention = m with { Type = d.Type, FineType = said, Canonical = null, Source = "rule" }, Role = null, Within = null, UsState = null };
                continue;
            }
            // (an unspelled definition reads only against the gazetteer)
            if (d.Unspelled) continue;
            if (m.Type == d.Type && m.FineType == d.Fine) continue;
            result[k] = result[k] with { Mention = m with { Type = d.Type, FineType = d.Fine, Canonical = null }, Role = null, Within = null, UsState = null };
        }
    }

    /// <summary>Whether an event's head keyword (org_keywords.tsv, every reading an event's) is at word <paramref name="i"/>:
    /// an opening with "of" ("Memorandum of") or one word ("Accord").</summary>
    private bool EventHeadAt(string[] words, int i)
    {
        var opening = i + 1 < words.Length ? _lex.OrgKeywords.Lookup(words[i] + " " + words[i + 1], KeywordPosition.Prefix) : [];
        if (opening.Count > 0) return opening.All(h => h.Type == EntityType.Event);
        var head = _lex.OrgKeywords.Lookup(words[i]);
        return head.Count > 0 && head.All(h => h.Type == EntityType.Event);
    }

    /// <summary>The sublabel the gazetteer's entry gives a mention it named (a rule may since have changed the mention's).</summary>
    private string? EntryFineType(Mention m) =>
        _lex.Gazetteer.Lookup(m.Text).FirstOrDefault(h => h.Entry.Name == m.Canonical) is { } hit ? hit.Entry.FineType : m.FineType;

    /// <summary>What an article's definition of an acronym says it is: the type and sublabel, the long form as written and
    /// its gazetteer name, and whether the recogniser took the long form for a person.</summary>
    private sealed record Definition(EntityType Type, string? Fine, string Long, string? Canonical, bool WasPerson)
    {
        /// <summary>The letters spell no English word of the long form ("Vastrian Chamber of Delegates (DKV)").</summary>
        public bool Unspelled { get; init; }
        /// <summary>The sublabel of the head of "A of B" in a long form that has none of its own ("Armed Forces of Ostland").</summary>
        public string? HeadFine { get; init; }
    }

    /// <summary>Whether a gazetteer name and a long form share a word other than a minor one ("of", "the"), case and
    /// apostrophes aside.</summary>
    private static bool SharesMajorWord(string entryName, string[] longForm)
    {
        var mine = new HashSet<string>(NameKey.Words(entryName).Where(w => !NameKey.MinorWords.Contains(w)).Select(NameKey.Fold), StringComparer.Ordinal);
        return longForm.Where(w => !NameKey.MinorWords.Contains(w)).Select(NameKey.Fold).Any(mine.Contains);
    }

    /// <summary>
    /// "the station's NICER (Neutron star Interior Composition ExploreR) telescope": words in brackets right after an acronym
    /// whose capitals spell it, with a lower-case common word among them, are the acronym's long form written as a
    /// description; a name found inside covering only part of them ("Neutron", "Interior Composition ExploreR") is a
    /// fragment of that long form, not a name of its own.
    /// </summary>
    private static void DropPiecesOfSpelledOutAcronyms(List<string> words, List<Candidate> settled)
    {
        for (int open = 1; open < words.Count; open++)
        {
            if (words[open] != "(" || !NameKey.IsAcronymShape(words[open - 1])) continue;
            // (the rest in a block: the variables its lambdas capture are made only for the words that get here)
            {
                int close = open + 1;
                while (close < words.Count && close - open <= 12 && words[close] != ")") close++;
                if (close >= words.Count || words[close] != ")" || close - open < 3) continue;
                var capitals = string.Concat(words.Skip(open + 1).Take(close - open - 1).Select(w => new string(w.Where(char.IsAsciiLetterUpper).ToArray())));
                var letters = new string(words[open - 1].Where(char.IsAsciiLetter).Select(char.ToUpperInvariant).ToArray());
                // ... and no name either: a lower-case word other than a name's connector ("star") makes the long form a description;
                // "ISIL (Islamic State of Iraq and the Levant)" is a name, whose parts the recogniser's readings keep
                if (capitals != letters || !Enumerable.Range(open + 1, close - open - 1).Any(k => char.IsLower(words[k][0]) && !Connectors.Contains(words[k]) && words[k] is not ("the" or "a"))) continue;
                settled.RemoveAll(c => c.First > open && c.End < close + 1 && !(c.First == open + 1 && c.End == close));
                open = close;
            }
        }
    }

    /// <summary>
    /// "U.S. Chargé d'Affaires Nora Belden": a person's title written right before the person's name, which the name's span
    /// left out (a title with a lower-case word breaks the capitalised run the title rule reads), is the person's role
    /// (an honorific, "the Honourable", is none: RoleOf).
    /// </summary>
    private void RoleFromTitleBefore(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.Type != EntityType.Person || c.Role is not null || c.CharStart >= 0 || c.First == 0) continue;
            // (a capitalised title only, as the title rule reads them: "his Greek counterpart Nikos Dendias" names no office)
            if (TitleEndingAt(words, c.First) is { } t && IsCapitalized(words[t.First]) && (k == 0 || settled[k - 1].End <= t.First))
                settled[k] = c with { Role = RoleOf(t.Titles) };
        }
    }

    /// <summary>The lower-case particles of Spanish, Portuguese and French names: "de la" in "Villa de la Cruz".</summary>
    private static readonly HashSet<string> RomanceParticles = new(StringComparer.Ordinal)
    {
        "de", "del", "de la", "de las", "de los", "da", "das", "do", "dos", "du", "des",
        // French "sans" ("without"), Italian "della", "di", Dutch and German "van", "von", "van der", "von der", "für" ("for")
        "sans", "della", "di", "van", "von", "van der", "van den", "von der", "f\u00FCr",
    };

    /// <summary>
    /// "San Lorenzo de la Sierra", "Juan de los Santos", "Docteurs sans Limites", "Stiftung für Frieden": a lower-case
    /// particle or preposition of a Spanish, Portuguese, French, Italian, Dutch or German name between two names of one type
    /// joins them into one name; the recogniser often sees two (and types the first half of a place otherwise: the whole is
    /// of the second half's type when that is a place).
    /// </summary>
    private void JoinParticleNames(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            // "at the airport, Minister de la Vega said": a person's title, a particle and a name: the particle opens the person's surname,
            // whatever the recogniser took the name for
            var n = settled[k];
            if (n.CharStart < 0 && n.Source != "gazetteer" && n.First >= 2 && IsTitleCase(words[n.First]) && Keyword(words, n.First, n.End) is null
                && RomanceParticles.Contains(words[n.First - 1]) && (k == 0 || settled[k - 1].End < n.First - 1)
                && TitleEndingAt(words, n.First - 1) is { } t && IsCapitalized(words[t.First]))
                settled[k] = n with { First = n.First - 1, Type = EntityType.Person, FineType = null, Canonical = null, Role = n.Role ?? RoleOf(t.Titles) };
        }
        for (int k = 0; k + 1 < settled.Count; k++)
        {
            var (c, next) = (settled[k], settled[k + 1]);
            int gap = next.First - c.End;
            // "Villa Rosa de la Mar" read as "Villa Rosa" and "de la Mar": the second name opening with the lower-case particle
            // is the first's other half (a name never opens with a particle of its own after another name); the whole is of
            // the first half's type
            if (gap == 0 && c.CharStart < 0 && next.CharStart < 0 && next.Source != "gazetteer" && IsTitleCase(words[c.End - 1])
                && Enumerable.Range(1, Math.Min(2, next.Length - 1)).FirstOrDefault(g => RomanceParticles.Contains(WordRun.Join(words, next.First, g))
                    && char.IsLower(words[next.First][0]) && IsTitleCase(words[next.First + g])) is > 0)
            {
                settled[k] = c with { End = next.End, Canonical = null };
                settled.RemoveAt(k + 1);
                k--;
                continue;
            }
            if (gap is < 1 or > 2 || c.CharStart >= 0 || next.CharStart >= 0 || c.Source == "gazetteer" && next.Source == "gazetteer") continue;
            var particle = WordRun.Join(words, c.End, gap);
            if (!RomanceParticles.Contains(particle)) continue;
            // "a speech by Mrs. Ines M. de la Vega": a person's name ending in a middle initial goes on over the particle and the surname,
            // whatever the recogniser took the surname for
            if (c.Type == EntityType.Person && c.Length >= 2 && IsInitial(words[c.End - 1]) && next.Source != "gazetteer" && IsTitleCase(words[next.First]))
            {
                settled[k] = c with { End = next.First + 1, Canonical = null };
                if (next.End > next.First + 1) settled[k + 1] = next with { First = next.First + 1, Canonical = null }; else settled.RemoveAt(k + 1);
                continue;
            }
            // "Ingenieros sans Murallas": after a body's first half, a preposition ("sans", "für") goes on with the body's name,
            // whatever the recogniser took the second half for
            bool bodys = particle is "sans" or "f\u00FCr" && c.Type == EntityType.Organization && c.Source != "gazetteer" && next.Source != "gazetteer";
            if (!bodys && c.Type != next.Type && (c.Source != "ner" || next.Type != EntityType.Location || next.Source == "gazetteer")) continue;
            if (bodys) { settled[k] = c with { End = next.End, Canonical = null }; settled.RemoveAt(k + 1); k--; continue; }
            settled[k] = c with { End = next.End, Canonical = null, Type = next.Type, FineType = c.FineType ?? next.FineType, Role = next.Type == c.Type ? c.Role : null };
            settled.RemoveAt(k + 1);
            k--;
        }
    }

    /// <summary>"Russia-Ukraine", "Paris-Berlin": a hyphen between names the gazetteer knows pairs them, it makes no longer name.</summary>
    private bool JoinsKnownPlaces(string w)
    {
        int dash = w.LastIndexOf('-');
        return _lex.Gazetteer.Lookup(w[..dash]).Count > 0 || _lex.Gazetteer.Lookup(w[(dash + 1)..]).Count > 0;
    }

    /// <summary>"Antonio-Fort": two capitalised names joined by a hyphen in one word.</summary>
    private static bool NameJoin(string w)
    {
        int dash = w.LastIndexOf('-');
        return dash > 0 && dash + 1 < w.Length && char.IsUpper(w[0]) && char.IsLetter(w[dash - 1]) && char.IsUpper(w[dash + 1]) && w[(dash + 1)..].All(char.IsLetter);
    }

    /// <summary>
    /// "Sunni", "Catholics", "Hindu", "Sunni Muslims": words that the agents dictionary codes as a religion or its followers name a faith
    /// or its people, which are no entity of their own (an actor such as "Sunni militants" is the agent noun's phrase); a
    /// community node where an actor is tied to it (<see cref="Communities"/>).
    /// </summary>
    private bool IsFaith(List<string> words, Candidate c)
    {
        if (c.Length > 3 || c.CharStart >= 0) return false;
        // (a loop, not a closure over the words: asked for every candidate)
        for (int i = c.First; i < c.End; i++)
            if (!Communities.IsFaithWord(_lex, words[i])) return false;
        return true;
    }

    /// <summary>Determiners and quantifiers capitalised at a sentence's start never open a name: "All Amira can do", "Both Chad and Niger".</summary>
    private static readonly HashSet<string> Quantifiers = new(StringComparer.Ordinal)
        { "All", "Both", "Each", "Every", "Some", "Many", "Most", "Several", "Few", "Any", "Another", "Other", "Such", "No", "Neither", "Either", "This", "That", "These", "Those" };

    /// <summary>Kinds of spacecraft in lower case: they name a craft after its name ("the Webb telescope"), never before one ("his
    /// satellite Lucas" is a follower).</summary>
    private static readonly HashSet<string> SpaceCraftKinds = new(StringComparer.OrdinalIgnoreCase) { "telescope", "satellite", "lander", "orbiter", "spaceship" };

    /// <summary>Nouns for vessels and aircraft: a name they go with ("the tanker Horten", "Coast Guard Cutter Eagle") names a vehicle, which is no actor.</summary>
    private static readonly HashSet<string> VehicleNouns = new(new[]
    {
        "ship", "ships", "vessel", "boat", "tanker", "destroyer", "frigate", "cruiser", "corvette", "warship", "submarine", "carrier",
        "cutter", "barque", "schooner", "yacht", "ferry", "freighter", "trawler", "aircraft", "airliner", "helicopter", "jet", "plane", "spacecraft", "drone",
        // (kinds of warship and working vessel of general English, WordNet's hyponyms of "ship" and "boat"; and the crewless
        // craft under water, "the submersible Sealark")
        "minehunter", "minesweeper", "battleship", "gunboat", "icebreaker", "dredger", "tugboat", "hovercraft", "submersible",
        "wreck", "shipwreck",
    }
    // and the craft of space: a telescope, satellite or rover flies or drives on its own and is named as a vessel is ("the Webb telescope")
    .Concat(SpaceCraftKinds), StringComparer.OrdinalIgnoreCase);

    /// <summary>A name the gazetteer knows as a place only: "United Kingdom", "Marovia".</summary>
    private bool IsKnownPlace(string name) => _lex.Gazetteer.Lookup(name) is { Count: > 0 } hits && hits.All(h => h.Entry.Type == EntityType.Location);

    /// <summary>"Hurricanes", "Typhoons", "Cyclones": the plural of a storm's kind (capitalised before names); returns the singular.</summary>
    private static string? StormKindPlural(string w) => w switch { "Hurricanes" => "Hurricane", "Typhoons" => "Typhoon", "Cyclones" => "Cyclone", _ => null };

    /// <summary>Opening quotation marks as the tokenizer writes them.</summary>
    private static bool IsOpeningQuote(string w) => w is "\"" or "``" or "\u201C";

    /// <summary>Closing quotation marks as the tokenizer writes them.</summary>
    private static bool IsClosingQuote(string w) => w is "\"" or "''" or "\u201D";

    /// <summary>"\"Brellin\"": one to four capitalised words in quotation marks opening at token <paramref name="at"/>; returns
    /// how many words the name has, 0 when none.</summary>
    private static int QuotedNameAt(List<string> words, int at)
    {
        if (at >= words.Count || !IsOpeningQuote(words[at])) return 0;
        int k = at + 1;
        while (k < words.Count && k - at <= 4 && IsCapitalized(words[k]) && !IsClosingQuote(words[k])) k++;
        return k > at + 1 && k < words.Count && IsClosingQuote(words[k]) ? k - at - 1 : 0;
    }

    /// <summary>"Cutters", "ships": the plural of a vessel's or aircraft's kind.</summary>
    private static bool IsPluralVehicleNoun(string w) =>
        w.Length > 4 && w[^1] == 's' && (VehicleNouns.Contains(w[..^1]) || w.EndsWith("ies", StringComparison.Ordinal) && VehicleNouns.Contains(w[..^3] + "y"));

    /// <summary>Capitalised kinds of spacecraft that end a craft's name: "Space Telescope", "Explorer Satellite".</summary>
    private static readonly HashSet<string> CraftNouns = new(SpaceCraftKinds.Select(w => char.ToUpperInvariant(w[0]) + w[1..]).Append("Spacecraft"), StringComparer.Ordinal);


    /// <summary>Generic top-level domains of web addresses ("fema.gov", "navy.mil").</summary>
    private static readonly HashSet<string> TopLevelDomains = new(StringComparer.OrdinalIgnoreCase) { "gov", "mil", "com", "org", "net", "edu", "int", "info" };

    /// <summary>Suffixes of abstract nouns ("Cybersecurity", "Preparedness" is left out: surnames end in -ness): one such word is no person's name.</summary>
    private static readonly string[] AbstractNounSuffixes = { "ity", "tion", "sion", "ment", "ism" };

    /// <summary>Suffixes of nouns of a fear, a fondness or a doctrine ("Xenophobia", "Anglophilia", "Pacifism").</summary>
    private static readonly string[] DoctrineSuffixes = { "phobia", "philia", "ism" };

    /// <summary>Head words of roads that take a number after them: "County Road 12", "State Route 9", "Highway 61".</summary>
    private static readonly HashSet<string> RoadHeads = new(StringComparer.Ordinal) { "Road", "Route", "Highway", "Street", "Avenue" };

    /// <summary>Ship prefixes before a vessel's name: the commissioned-ship prefixes of the world's navies and coast guards
    /// (the common list of national ship prefixes: "USS Mason", "HMS Argyll", "INS Vikrant", "TCG Anadolu"), merchant and
    /// research prefixes ("MV", "MT", "FV", "RV") and the type prefixes navies write for patrol craft ("OPV", "FPB"). Only
    /// prefixes that are not also common acronyms of bodies ("SAS", "ITS", "SS" are left out).</summary>
    private static readonly HashSet<string> VesselPrefixes = new(StringComparer.Ordinal)
    {
        "USS", "USNS", "USCGC", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "ARA", "BAP", "BNS", "BRP", "ESPS", "FGS", "HDMS",
        "HNLMS", "HNoMS", "HSwMS", "HTMS", "KD", "KRI", "NRP", "PNS", "ROKS", "TCG",
        "MV", "M/V", "MT", "FV", "RV", "OPV", "FPB",
        // (the Royal Fleet Auxiliary's prefix of its support ships: "RFA Tarn Bay"; alone, "RFA" is the service, a body)
        "RFA",
    };

    /// <summary>Capitals that may be a common thing's acronym: two to seven characters, plain ASCII capitals (at least two) with
    /// "&amp;" allowed between them ("PPE", "R&amp;D"); stricter than <see cref="NameKey.IsAcronymShape"/> (no digits, dots,
    /// slashes or hyphens: "G20", "U.N." are names).</summary>
    private static bool IsLetterAcronym(string w) =>
        w.Length is >= 2 and <= 7 && char.IsAsciiLetterUpper(w[0]) && char.IsAsciiLetterUpper(w[^1]) && w.All(ch => char.IsAsciiLetterUpper(ch) || ch == '&')
        && w.Count(char.IsAsciiLetterUpper) >= 2;

    /// <summary>A common noun in lower case that names no body, people or office (descriptors, agents, titles): "customs",
    /// "demining" (<paramref name="after"/>: a word of the list after the capitals, which may be tagged as a participle or an
    /// adjective: "and demining").</summary>
    private bool IsPlainCommonNoun(Sentence s, List<string> words, int k, bool after = false) =>
        k >= 0 && k < words.Count && (s.Tokens[k].Tag is "NN" or "NNS" || after && s.Tokens[k].Tag is "VBG" or "JJ") && words[k].Length > 1 && char.IsLower(words[k][0])
        && _lex.Descriptors.Lookup(words[k]).Count == 0 && _lex.Agents.Lookup(words[k]).Count == 0 && _lex.Titles.Lookup(words[k]).Count == 0;

    /// <summary>
    /// Whether the one-word candidate [first, end) is an item of a list of common nouns: a comma, "and" or "or" joins it to a
    /// plain common noun in lower case on its right after "and"/"or" ("WASH and demining"; "including FTAAP, promotion of
    /// trade" names the agreement), or on its left with a comma after it ("customs, PPE, WASH"), and the list is joined by
    /// "and"/"or" (that separator, or one within the next six words before any verb) or has such a noun on both sides.
    /// </summary>
    private bool ListedWithCommonNouns(Sentence s, List<string> words, int first, int end)
    {
        bool left = first >= 2 && words[first - 1] is "," or "and" or "or" && IsPlainCommonNoun(s, words, first - 2);
        bool right = end + 1 < words.Count && words[end] is "and" or "or" && IsPlainCommonNoun(s, words, end + 1, after: true);
        // (a common noun on the left only counts when a comma after the capitals goes on with the list: "years, NASA
        // astronauts", "charities, SCIAF and Mercy Corps", "engagement, USEUCOM and its allies" name a body)
        if (left && !right && !(end < words.Count && words[end] == ",")) return false;
        if (!left && !right) return false;
        if (left && right) return true;
        if (left && words[first - 1] is "and" or "or" || right && words[end] is "and" or "or") return true;
        for (int k = end; k < Math.Min(words.Count, end + 6); k++)
        {
            // (a verb in lower case ends the list; capitals tagged as a verb are another item: "PPE, WASH and ...")
            if (s.Tokens[k].Tag is { } tag && (tag.StartsWith("VB", StringComparison.Ordinal) || tag == "MD") && char.IsLower(words[k][0])) return false;
            if (words[k] is "and" or "or") return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the candidate [first, end) lies inside quotation marks (with only capitalised words, acronyms or hyphens beside
    /// it there) that close right before a common noun in lower case which is no body's, people's, title's or vessel's noun:
    /// "the so-called ‘Zero Waste’ policy".
    /// </summary>
    private bool QuotedModifierOfCommonNoun(Sentence s, List<string> words, int first, int end)
    {
        static bool Inside(string w) => w.Length > 0 && (char.IsUpper(w[0]) || char.IsDigit(w[0]) || w is "-" or "of" or "and" or "the");
        static bool Closing(string w) => w is "\u2019" or "'" or "\u201D" or "\"" or "''";
        // (the span may hold the quotation marks themselves)
        while (first < end - 1 && IsOpenQuote(words[first])) first++;
        while (end > first + 1 && Closing(words[end - 1])) end--;
        int open = first - 1;
        while (open >= 0 && first - open <= 4 && !IsOpenQuote(words[open]) && Inside(words[open])) open--;
        if (open < 0 || first - open > 4 || !IsOpenQuote(words[open])) return false;
        int close = end;
        while (close < words.Count && close - end <= 4 && !Closing(words[close]) && Inside(words[close])) close++;
        if (close >= words.Count || close - end > 4 || !Closing(words[close])) return false;
        // the marks hug the words they quote (an opening mark touches the word after it, a closing one the word before it), so
        // a closing mark before a name or a possessive apostrophe after it is no pair: 'proving" Velm News' registration'
        if (s.Tokens[open].End != s.Tokens[open + 1].Start || s.Tokens[close].Start != s.Tokens[close - 1].End
            || open > 0 && s.Tokens[open - 1].End == s.Tokens[open].Start || close + 1 < words.Count && s.Tokens[close].End == s.Tokens[close + 1].Start) return false;
        int noun = close + 1;
        if (noun >= words.Count || s.Tokens[noun].Tag is not ("NN" or "NNS") || !char.IsLower(words[noun][0])) return false;
        var w = words[noun];
        return _lex.Descriptors.Lookup(w).Count == 0 && _lex.Agents.Lookup(w).Count == 0 && _lex.Titles.Lookup(w).Count == 0
            && !VehicleNouns.Contains(w) && !IsPluralVehicleNoun(w) && _lex.OrgKeywords.Lookup(w).Count == 0;
    }

    /// <summary>One word of two words joined by "-to-" ("Tarvo-to-Tarvo", "ship-to-shore"), or a word opened by the prefix
    /// "Inter-" or "Intra-" ("Inter-Velmish"): English makes adjectives of relations between two of a kind so.</summary>
    internal static bool IsRelationalAdjective(string word)
    {
        var parts = word.Split('-');
        if (parts.Length == 3 && parts[1] == "to" && parts[0].Length > 1 && parts[2].Length > 1 && char.IsLetter(parts[0][0]) && char.IsLetter(parts[2][0])) return true;
        return parts.Length == 2 && parts[1].Length > 2 && char.IsLetter(parts[1][0])
               && parts[0] is "Inter" or "inter" or "Intra" or "intra" or "INTER" or "INTRA";
    }

    /// <summary>
    /// What no name looks like, whatever proposed it: an adjective of origin with no head ("Central American", "North
    /// African"), a modifier made of a name and "-class" or "-based" ("Arleigh Burke-class"), a name that ends in a title
    /// ("Machinery Technician", "Federal Coordinating" before "Officer"), a person named by a plural common noun
    /// ("Bicycles"), a lone capitalised adjective ("Radiological"), a hull designation in brackets ("(CVN 78)"), and
    /// the name of a vessel or aircraft.
    /// </summary>
    private bool IsName(Sentence s, List<string> words, Candidate c, List<string> span)
    {
        var last = span[^1];
        // "• Logistics", "• Laboratory testing": an item of a bulleted list opens with a capital by the list's convention, as a
        // sentence does; one word there is a name only when the gazetteer knows it or it is an acronym
        if (span.Count == 1 && c.First == 1 && Bullets.Contains(words[0]) && char.IsLower(last[^1]) && _lex.Gazetteer.Lookup(last).Count == 0) return false;
        // "Central American countries": a demonym ends the phrase, so it is an adjective, not a name
        if (span.Count >= 2 && _lex.Gazetteer.Lookup(last).Any(h => h.Kind == MentionKind.Demonym)
            && _lex.Gazetteer.Lookup(string.Join(' ', span)).Count == 0) return false;
        int dash = last.LastIndexOf('-');
        if (dash > 0 && dash + 1 < last.Length && char.IsLower(last[dash + 1]) && last[(dash + 1)..] is "class" or "based" or "style" or "type" or "era" or "born" or "made") return false;
        // "Tarvo-to-Tarvo links", "the Inter-Velmish talks": one word of two words joined by "-to-", or opened by the prefix
        // "Inter-"/"Intra-", is an adjective of relations between two of a kind, no name (other44)
        if (span.Count == 1 && IsRelationalAdjective(last) && _lex.Gazetteer.Lookup(last).Count == 0) return false;
        // a title word ends it: the words before a title are the office, not a name
        if (c.Type == EntityType.Person && span.Count >= 2 && _lex.Titles.Lookup(last).Any(t => t.ImpliesPerson)) return false;
        // ... whatever the recogniser took it for, when no name keyword and no gazetteer entry makes it a body's name
        // ("Avionics Electrical Technician 1st Class Ona Ruiz"; "Coast Guard Commandant" keeps its keyword)
        // (a place's name too, when a capitalised word follows the title: "a U.S. Magistrate Judge in Orvin")
        if ((c.Type == EntityType.Organization || c.Type == EntityType.Location && c.End < words.Count && IsCapitalized(words[c.End]))
            && c.Source == "ner" && span.Count >= 2 && IsTitleCase(last) && _lex.Titles.Lookup(last).Any(t => t.ImpliesPerson)
            && Enumerable.Range(c.First, c.Length).All(k => _lex.OrgKeywords.Lookup(words[k]).Count == 0)
            && _lex.Gazetteer.Lookup(string.Join(' ', span)).Count == 0) return false;
        if (c.Source == "ner" && c.End < words.Count && IsCapitalized(words[c.End]) && _lex.Titles.Lookup(words[c.End]).Any(t => t.PrecedesNames && t.ImpliesPerson)
            // ("Dara Quill MP said": post-nominal letters with no name after them follow a person's name)
            && !(IsPostNominal(words[c.End]) && (c.End + 1 >= words.Count || !IsCapitalized(words[c.End + 1])))
            && Keyword(words, c.First, c.End) is null && _lex.Gazetteer.Lookup(string.Join(' ', span)).Count == 0 && c.Type != EntityType.Location) return false;
        // "more than 5,000 Sailors", "40 Volunteers": a number counts a common noun, so a capitalised plural it counts is no name
        // (a year is no count: "2024 Olympics")
        if (span.Count == 1 && c.First > 0 && s.Tokens[c.First - 1].Tag == "CD" && s.Tokens[c.First].Tag is "NNS" or "NNPS" && last.EndsWith('s')
            && !(words[c.First - 1].Length == 4 && words[c.First - 1].All(char.IsDigit))) return false;
        // "Bicycles", "Recovery Centers": a plural common noun is no person's name, nor is a plural a body's name is headed by
        // (a surname that looks so after a title and a given name is a name: "Cmdr. Lena Rivers")
        if (c.Type == EntityType.Person && last.Length > 3 && last.EndsWith('s') && char.IsLower(last[1]) && !(span.Count >= 2 && c.Role is not null && TitleEndingAt(words, c.First) is not null)
            && (IsCommonPlural(last) || _lex.OrgKeywords.Lookup(last[..^1]).Count > 0 && !last.EndsWith("ss", StringComparison.Ordinal))) return false;
        // "Coastal League Fisheries Ministers signed", "Defence Ministers will meet": a name headed (its last word, or the word
        // before its "of" or "for") by the plural of a person's title names several office holders, no one actor; a body's
        // keyword heads a body's name ("Council of Ministers"), and the gazetteer's names and people's names (a given name
        // before the head) stay
        if (c.Source != "gazetteer" && PluralTitleHead(span) && _lex.Gazetteer.Lookup(string.Join(' ', span)).Count == 0
            && !(c.Type == EntityType.Person && span.Count >= 2 && _lex.GivenNames.Contains(span[0]))) return false;
        // "Remembering the Past and Embracing the Future", "our Kidnappings page": one capitalised word that is a verb's -ing
        // form (or its plural, the act as a noun) of a verb the trigger lexicon knows is that verb capitalised, not a name
        if (span.Count == 1 && c.Source == "ner" && IsTitleCase(last) && IsVerbalNoun(last.ToLowerInvariant()) && _lex.Gazetteer.Lookup(last).Count == 0) return false;
        if (c.Source == "ner" && span.Count == 1 && s.Tokens[c.First].Tag == "JJ" && !last.Contains('-')) return false;
        // "with your Harbor Hour", "our Rescue Desk": a possessive determiner before a name owns a thing; people are not so named
        if (c.Type == EntityType.Person && c.Source == "ner" && c.First > 0 && s.Tokens[c.First - 1].Tag == "PRP$" && words[c.First - 1] is "your" or "our" or "Your" or "Our") return false;
        // "the Coastie of the Year Award": a name before "of the Year" is part of an award's title
        if (c.Source == "ner" && c.End + 2 < words.Count && words[c.End] == "of" && words[c.End + 1] == "the" && words[c.End + 2] == "Year") return false;
        // "Infrastructure Systems and Cybersecurity": one word with the suffix of an abstract noun is no person's name
        if (c.Type == EntityType.Person && span.Count == 1 && IsTitleCase(last) && last.Length > 6
            && AbstractNounSuffixes.Any(x => last.EndsWith(x, StringComparison.Ordinal))) return false;
        // "The Special Envoy has spoken", "the Chief Whip said": one word that closes a person's title opening before it (titles.tsv)
        // is the end of that title, no person's name
        if (c.Type == EntityType.Person && span.Count == 1 && c.First > 0 && IsTitleCase(last) && TitleEndingAt(words, c.End) is { } whole && whole.First < c.First) return false;
        // "Tarvish State Councilor and Envoy Li Weimin": so does the last word of a government office of two words the agents
        // dictionary knows (GOV: "State Councilor"), stripped before a name like a title
        if (c.Type == EntityType.Person && span.Count == 1 && c.First > 0 && IsTitleCase(last) && IsTitleCase(words[c.First - 1])
            && IsGovernmentOffice(words[c.First - 1] + " " + last)) return false;
        // "the spread of Ruritanophobia", "a wave of Slavophilia", "the rise of Nordism": one word made with the suffix of a fear,
        // a fondness or a doctrine ("-phobia", "-philia", "-ism") names a state of mind or a creed, no person, body or place
        if (span.Count == 1 && c.Source != "gazetteer" && IsTitleCase(last) && last.Length > 6
            && DoctrineSuffixes.Any(x => last.EndsWith(x, StringComparison.Ordinal)) && _lex.Gazetteer.Lookup(last).Count == 0) return false;
        // "Kessa Media, LLC", "Orvin Tools, Inc.": a company's legal form after a comma closes the company's name; alone it names nothing
        // (a U.S. state's code after a town's comma is the state: "Orvin, CO")
        if (span.Count == 1 && c.Source != "gazetteer" && c.First > 0 && words[c.First - 1] == "," && last.TrimEnd('.').Length <= 4
            && !_lex.UsStatePostalCodes.ContainsKey(last) && _lex.OrgKeywords.Lookup(last.TrimEnd('.'), KeywordPosition.Suffix).Any(k => k.FineType == "Company")) return false;
        // "(CVN 78)", "(DDG 87)": a designation, not a name
        if (c.First > 0 && words[c.First - 1] == "(" && c.End + 1 < words.Count && words[c.End].All(char.IsDigit) && words[c.End + 1] == ")") return false;
        // "States, Marines": a comma inside a person's or organisation's name joins two names
        if (c.Type != EntityType.Location && span.Skip(1).SkipLast(1).Any(w => w == ",")) return false;
        // "Public Affairs", "Launch Complex": a phrase of ordinary English words, capitalised as in headings and office names,
        // with no name keyword and unknown to the gazetteer, is the words themselves, not a name
        if (c.Source == "ner" && span.Count >= 2 && span.All(IsOrdinaryWord) && Keyword(words, c.First, c.End) is null
            && _lex.Gazetteer.Lookup(string.Join(' ', span)).Count == 0) return false;
        // "A Sailor stationed aboard ...": one capitalised word heading a noun phrase opened by the indefinite article is a
        // common noun capitalised as a rank of service ("a Marine", "an Airman"), not a name (a name takes no "a"); a word
        // the gazetteer knows ("an American") and one modifying a noun after it ("a NATO exercise") are left alone
        if (span.Count == 1 && c.First > 0 && words[c.First - 1] is "a" or "A" or "an" or "An" && char.IsLower(last[^1])
            && (c.End >= words.Count || s.Tokens[c.End].Tag is not ("NN" or "NNS" or "NNP" or "NNPS" or "CD" or "POS"))
            && _lex.Gazetteer.Lookup(last).Count == 0) return false;
        // "the course gives Welders a chance", "About 40 Riggers arrived": one capitalised word the tagger reads as a plural
        // noun for people, with no article, names people of a kind (a rank of service capitalised), not one body, where the
        // noun phrase says so: counted or determined ("40 Riggers", "these Riggers"), modified ("harbor support Riggers"),
        // a verb's first of two objects ("gives Welders a chance") or joined to another plural ("Pilots and Riggers"); a
        // plural alone as a subject or joined to a name ("Kessa Rovers and Wanderers", "Wanderers said") may be a club, a
        // body named by a plural takes "the" ("the Rangers") or is known to the gazetteer ("Reuters"), and a department's
        // field ("Fisheries said ...") names no people
        if (span.Count == 1 && IsPeopleOfAKind(s, c.First) && c.Source == "ner" && c.Type == EntityType.Organization && c.FineType is null && IsTitleCase(last) && last.Length > 4
            && (s.Tokens[c.First].Tag is "NNS" or "NNPS" && last.EndsWith('s') && IsPeopleNoun(last)
                // ("Airmen" read as a singular proper noun: a "-men" plural whose "-man" singular is an agent noun of PETRARCH's or
                // a word of UD's is a plural still)
                || last.EndsWith("men", StringComparison.Ordinal) && (last[..^3] + "man").ToLowerInvariant() is var man
                   && (_lex.Agents.Lookup(man).Count > 0 || _lex.CommonWords.Contains(man)))
            && !(c.First > 0 && words[c.First - 1] is "the" or "The") && _lex.Gazetteer.Lookup(last).Count == 0 && _lex.OrgKeywords.Lookup(last).Count == 0) return false;
        // "H.E.", "T.D.", "MP": a person's title written in capitals (an honorific or post-nominal letters) alone names no one
        if (span.Count == 1 && c.Source != "gazetteer" && !last.Any(char.IsLower) && _lex.Gazetteer.Lookup(last).Count == 0
            && _lex.Titles.Lookup(last).Any(t => t.ImpliesPerson && t.Form == last)) return false;
        // "Bureau", "Sailors", "Battalion": one word that is itself a common noun of ours (an agent, a title, a description's head
        // or a name keyword) is that noun capitalised, not a name
        if (span.Count == 1 && char.IsLower(last[^1]) && _lex.Gazetteer.Lookup(last).Count == 0
            && (_lex.Agents.Lookup(last).Count > 0 || _lex.Titles.Lookup(last).Count > 0 || _lex.Descriptors.Lookup(last).Count > 0
                || _lex.OrgKeywords.Lookup(last).Any(k => k.FineType is not ("ArmedForces" or "MediaOrganization")))) return false;
        // "Senator Dara Quill (D-New Hampshire)", "(R-Ohio)": a party's letter and a hyphen before a U.S. state's name, right after
        // an opening bracket, is a member of Congress's tag of party and state, no name of its own
        if (c.First > 0 && words[c.First - 1] == "(" && span[0].Length > 2 && span[0][0] is 'D' or 'R' or 'I' && span[0][1] == '-'
            && _lex.UsStates.Contains(string.Join(' ', span.Skip(1).Prepend(span[0][2..])))) return false;
        return true;
    }

    /// <summary>
    /// "Foreign Ministers", "Volunteers", "Governors of the Provinces": the name's head is the plural of a one-word title of a
    /// person (titles.tsv) and no name keyword: its last word, a role noun ("Ministers", "Volunteers"; a title only put before
    /// a name, "Marshals", may name a service), or the word before its first "of", "for" or "on", an office's title that is also a
    /// role noun ("Governors of ..."; a plural role noun alone there names members of a body: "Veterans of Foreign Wars").
    /// ("the Tarvel Council on Smugglers", "the U.N. Working Group on Pirates": the field after "on" is no head; "Council" and
    /// "Group" are, and name a body.)
    /// </summary>
    /// <summary>The readings of the one-word title a plural names ("Senators": "Senator") when that title goes before names and
    /// says its holder is a person; null otherwise.</summary>
    private IReadOnlyList<TitleEntry>? PluralOfPrefixTitle(string w)
    {
        if (w.Length < 5 || !IsTitleCaseParts(w) || SingularOf(w) is not { } single) return null;
        var one = _lex.Titles.Lookup(single).Where(t => t.PrecedesNames && t.ImpliesPerson && !t.Form.Contains(' ') && t.Form == single).ToList();
        return one.Count > 0 ? one : null;
    }

    /// <summary>
    /// The longest title at <paramref name="k"/> (titles.tsv), also after "then-" written onto its first word: "then-Governor
    /// Brel", "then-Secretary of State Brel" name the person by the title he held then, which is no part of his name.
    /// </summary>
    private (int Length, IReadOnlyList<TitleEntry> Entries) TitleAt(List<string> words, int k)
    {
        var found = _lex.Titles.LongestMatchAt(words, k);
        if (found.Length > 0 || !words[k].StartsWith("then-", StringComparison.OrdinalIgnoreCase) || words[k].Length < 7 || !char.IsUpper(words[k][5])) return found;
        var tail = new List<string>(Math.Min(words.Count - k, _lex.Titles.MaxWords)) { words[k][5..] };
        for (int j = k + 1; j < words.Count && tail.Count < _lex.Titles.MaxWords; j++) tail.Add(words[j]);
        return _lex.Titles.LongestMatchAt(tail, 0);
    }

    /// <summary>
    /// Where a person's title put before names (titles.tsv, capitalised) opens when it opens before <paramref name="first"/>
    /// and ends inside words[first..end) with a word of the span after it ("Secretary of State" over "State Brel"), or null.
    /// </summary>
    private int? TitleAcrossStart(List<string> words, int first, int end)
    {
        for (int f = Math.Max(0, first - 3); f < first; f++)
            if (IsCapitalized(words[f]) && _lex.Titles.LongestMatchAt(words, f) is { Length: > 0 } t && f + t.Length > first && f + t.Length < end
                && t.Entries.Any(e => e.PrecedesNames && e.ImpliesPerson)) return f;
        return null;
    }

    /// <summary>Whether <c>words[i]</c>, title case and no given name, ends a government office the agents dictionary knows
    /// (code GOV): alone ("Undersecretary") or with the capitalised word before it ("State Councilor").</summary>
    private bool IsGovernmentOfficeWord(List<string> words, int i)
    {
        if (!IsTitleCase(words[i]) || _lex.GivenNames.Contains(words[i])) return false;
        return IsGovernmentOffice(words[i]) || i > 0 && IsTitleCase(words[i - 1]) && IsGovernmentOffice(words[i - 1] + " " + words[i]);
    }

    /// <summary>Whether PETRARCH's agents dictionary (agents.tsv) codes the office, in any case, GOV ("envoy", "state councilor").</summary>
    private bool IsGovernmentOffice(string form) => _lex.Agents.Lookup(form.ToLowerInvariant()).Any(a => a.Code == "GOV");

    private bool PluralTitleHead(List<string> span)
    {
        int of = span.FindIndex(w => w is "of" or "for" or "on");
        var head = of > 0 ? span[of - 1] : span[^1];
        if (head.Length < 4 || !IsTitleCaseParts(head) || SingularOf(head) is not { } one || _lex.OrgKeywords.Lookup(head).Count > 0) return false;
        return _lex.Titles.Lookup(one).Any(t => t.ImpliesPerson && !t.Form.Contains(' ') && (of > 0 ? t.Usage == TitleUsage.Both : t.IsRoleNoun));
    }

    /// <summary>
    /// The singular of a title's or a head noun's plural as English makes it: "-ies" to "-y" ("Deputies", "Agencies"), "-men"
    /// to "-man" ("Congressmen", "Chairwomen"), "-s" dropped ("Co-Chairs", "Committees"); null when the word has no plural's
    /// ending ("Boss", "Chairman", "Congress").
    /// </summary>
    private static string? SingularOf(string w) =>
        w.EndsWith("ies", StringComparison.Ordinal) ? w[..^3] + "y"
        : w.EndsWith("men", StringComparison.Ordinal) && w.Length > 4 ? w[..^3] + "man"
        : w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : null;

    /// <summary>Title case, or title-case parts joined by hyphens ("Co-Chairs", "Vice-Chairmen").</summary>
    private static bool IsTitleCaseParts(string w) => IsTitleCase(w) || w.Contains('-') && w.Split('-').All(IsTitleCase);

    /// <summary>Marks that open the items of a list at the start of a line.</summary>
    private static readonly HashSet<string> Bullets = new(StringComparer.Ordinal) { "\u2022", "\u00B7", "\u25AA", "\u25E6", "\u2023", "\u25CF", "\u25A0", "*", "-", "\u2013", "\u2014" };

    /// <summary>"embracing", "kidnappings": the -ing form of a verb the trigger lexicon knows, or its plural.</summary>
    private bool IsVerbalNoun(string w)
    {
        if (w.EndsWith("ings", StringComparison.Ordinal)) w = w[..^1];
        return w.EndsWith("ing", StringComparison.Ordinal)
               && Relations.SentenceView.RegularStems(w).Any(stem => _lex.Triggers.Lookup(stem, TriggerPos.Verb).Count > 0);
    }

    /// <summary>
    /// "40 Riggers", "these Riggers", "harbor support Riggers", "gives Welders a chance", "Pilots and Riggers": the noun
    /// phrase around the plural at <paramref name="at"/> makes it people of a kind (a count, a determiner, a modifier, a verb's
    /// first of two objects, a plural it is joined to); "the club Wanderers" names the body a description's noun gives.
    /// </summary>
    private bool IsPeopleOfAKind(Sentence s, int at)
    {
        if (at == 0) return false;
        var prev = s.Tokens[at - 1];
        var before = at >= 2 ? s.Tokens[at - 2] : null;
        if (prev.Tag is "CD" or "PRP$" or "PDT" || prev.Tag == "DT" && prev.Text is not ("the" or "The")) return true;
        if (prev.Tag is "JJ" or "JJR" or "JJS" or "NN" or "NNS" or "NNP" or "NNPS" && char.IsLetter(prev.Text[0])
            && _lex.Descriptors.Lookup(prev.Text.ToLowerInvariant()).Count == 0) return true;
        if (prev.Tag is { } tag && tag.StartsWith("VB", StringComparison.Ordinal) && at + 1 < s.Tokens.Count && s.Tokens[at + 1].Tag is "DT" or "PRP$") return true;
        return prev.Text is "and" or "or" && before is { Tag: "NNS" or "NNPS" };
    }

    /// <summary>
    /// "Welders", "Inspectors", "Chemists": a plural noun for people, one PETRARCH knows as an agent or one made with a
    /// suffix of English that forms nouns for persons (-er, -or, -ist, -ant, -ent, -ian); a department's field ("Fisheries") is none.
    /// </summary>
    private bool IsPeopleNoun(string plural)
    {
        var w = plural.ToLowerInvariant();
        if (_lex.Agents.Lookup(w).Count > 0) return true;
        var one = w[..^1];
        return one.Length > 5 && PersonSuffixes.Any(x => one.EndsWith(x, StringComparison.Ordinal));
    }

    private static readonly string[] PersonSuffixes = { "er", "or", "ist", "ant", "ent", "ian" };

    private bool IsOrdinaryWord(string word)
    {
        if (!IsTitleCase(word) || _lex.OrgKeywords.Lookup(word).Count > 0) return false;
        var w = word.ToLowerInvariant();
        return _lex.CommonWords.Contains(w) || w.EndsWith('s') && _lex.CommonWords.Contains(w[..^1]);
    }

    private bool IsCommonPlural(string word)
    {
        var w = word.ToLowerInvariant();
        return _lex.CommonWords.Contains(w) && _lex.OrgKeywords.Lookup(word).Count == 0
               || w.EndsWith("ies", StringComparison.Ordinal) && _lex.CommonWords.Contains(w[..^3] + "y")
               || _lex.CommonWords.Contains(w[..^1]) && _lex.OrgKeywords.Lookup(word).Count == 0;
    }

    /// <summary>Generic nouns of craft, which make compounds with the word after them ("Boat Ramp", "Ship Repair").</summary>
    private static readonly HashSet<string> GenericCraftNouns = new(StringComparer.OrdinalIgnoreCase) { "ship", "ships", "vessel", "boat", "aircraft", "plane", "jet", "wreck", "shipwreck" };

    /// <summary>"the Harbor Guard Cutter Faith": a body's name (its head keyword), a vessel's kind at <paramref name="kind"/> that is
    /// no generic noun of craft, and one last word that is no name keyword: the body's vessel of that name. Not before a
    /// noun of a group of people (surface.rules: "team", "staff"): "the Harbor Guard Cutter Repair team" is a team of
    /// the body, the words before it modify "team"; a vessel's own people, its crew, are the vessel's ("the Harbor Guard
    /// Cutter Faith crew": still the vessel Faith).</summary>
    private bool IsBodysVesselNamed(List<string> words, Candidate c, int kind) =>
        kind == c.End - 2 && kind > c.First && !GenericCraftNouns.Contains(words[kind]) && !words[c.End - 1].EndsWith('s')
        && Keyword(words, c.First, kind) is { Type: EntityType.Organization } && Keyword(words, kind + 1, c.End) is null
        && _lex.OrgKeywords.Lookup(words[c.End - 1]).Count == 0
        && !(c.End < words.Count && IsGroupOfPeopleButCrew(words[c.End]));

    private static bool IsGroupOfPeopleButCrew(string word)
    {
        var w = word.EndsWith('s') && !Relations.Grammar.PeopleCollectiveNouns.Contains(word) ? word[..^1] : word;
        return Relations.Grammar.PeopleCollectiveNouns.Contains(w) && !w.Equals("crew", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// "the tanker Horten", "Horten Liberian-flagged tanker ship", "Coast Guard Cutter Eagle", "USS Gerald R. Ford": a
    /// vehicle's name; returns the name (the words after the vessel's kind), or null when the span names no vehicle.
    /// </summary>
    private string? IsVehicle(Sentence s, List<string> words, Candidate c, bool headline, out int end)
    {
        end = c.End;
        string Name(int from) => WordRun.Join(words, from, c.End - from);
        // "Inspector Nadia Cutter said": a person's title before a name makes it a person's, whatever vessel's kind ends it
        // (not a title after a vessel's kind or prefix: "the ferry Lady Marlow" is a vessel)
        if (NameAfterTitle(s, words, c.First, c.End) && (TitleEndingAt(words, c.First)?.First ?? c.First) is var title
            && !(title > 0 && (VehicleNouns.Contains(words[title - 1]) || VesselPrefixes.Contains(words[title - 1])))) return null;
        // "the Orbital Space Station": a space station is a crewed spacecraft, named whole
        if (c.Length >= 3 && words[c.End - 2] == "Space" && words[c.End - 1] == "Station") return Name(c.First);
        // "two F-21E Storm Kites", "a C-140J Sky Mule", "an HU-29 Heron jet": an aircraft's designation of the U.S.
        // military system (mission letters, a hyphen, the design number, a series letter) before capitalised words names the
        // aircraft's type, the designation with it ("F-14 Sea Kestrel" and "HU-29 Kestrel" are two aircraft); not a
        // name a head keyword makes a body's or a place's ("the F-35 Joint Program Office")
        // (the designation opens the span, or stands before it over at most one more capitalised word: "F-14 Sea" before
        // a span "Kestrel")
        int named = IsAircraftDesignation(words[c.First]) ? c.First + 1
            : c.First >= 1 && IsAircraftDesignation(words[c.First - 1]) ? c.First
            : c.First >= 2 && IsAircraftDesignation(words[c.First - 2]) && IsTitleCase(words[c.First - 1]) ? c.First - 1 : -1;
        if (named >= 0 && named < c.End
            && Enumerable.Range(named, c.End - named).All(k => IsTitleCase(words[k]) || words[k] is "II" or "III" or "IV")
            && Keyword(words, named, c.End) is null && _lex.OrgKeywords.Lookup(words[c.End - 1]).Count == 0
            // (nor people or a description after a group's code: "the G-7 Finance Ministers", "K-12 Schools")
            && !Enumerable.Range(named, c.End - named).Any(k => _lex.Agents.Lookup(words[k].ToLowerInvariant()).Count > 0 || _lex.Titles.Lookup(words[k]).Count > 0
                || _lex.Descriptors.Lookup(words[k].ToLowerInvariant()).Count > 0))
            return WordRun.Join(words, named - 1, c.End - named + 1);
        // "a Kestrel Mk2 helicopter", "a Kestrel Mk 2 from 8 Squadron": a mark number after a capitalised name names a model of
        // aircraft or craft (the mark is part of its name), no person or body; the mark ends the span or follows it
        if (MarkAt(words, c.End - 1) is > 0 and var inMark && c.Length >= 2)
        {
            if (MarkedModel(words, c.First, c.End - 1))
            {
                end = c.End - 1 + inMark;
                return WordRun.Join(words, c.First, end - c.First);
            }
        }
        else if (MarkAt(words, c.End) is > 0 and var afterMark && MarkedModel(words, c.First, c.End))
        {
            end = c.End + afterMark;
            return WordRun.Join(words, c.First, end - c.First);
        }
        // "a 2012 Halden Roadster": an indefinite article and a model year before a name make it a maker's model, a vehicle
        if (c.Length >= 2 && c.First >= 2 && words[c.First - 2] is "a" or "A" && words[c.First - 1] is { Length: 4 } year
            && year.All(char.IsDigit) && year[0] is '1' or '2' && Keyword(words, c.First, c.End) is null) return Name(c.First);
        // "Destroyer Squadron 2": a unit of vessels is a unit
        if (UnitNouns.Contains(words[c.End - 1]) || c.End - 2 >= c.First && UnitNouns.Contains(words[c.End - 2]) && IsCardinal(words[c.End - 1])) return null;
        // "a 27-foot Harbor Launch-Small boatcrew", "the Patrol Boat": a capitalised name ending in a vessel's or aircraft's kind
        // (or its first half before a hyphen) names a kind of vehicle, not a body
        // (a craft's kind is evidence enough whatever the recogniser typed: "the Harriet Vance Space Telescope" as a person)
        // (not a given name and a surname spelt like a kind the recogniser read as a person's: "Maya Carrier said")
        if (c.Length >= 2 && c.Type != EntityType.Event && words[c.End - 1].Split('-')[0] is { } kind && VehicleNouns.Contains(kind) && IsTitleCase(kind)
            && !(c.Length == 2 && c.Type == EntityType.Person && _lex.GivenNames.Contains(words[c.First]))
            && Keyword(words, c.First, c.End) is null && !Enumerable.Range(c.First, c.Length).Any(k => VesselPrefixes.Contains(words[k]))) return Name(c.First);
        for (int k = c.End - 2; k >= c.First; k--)
            if (VesselPrefixes.Contains(words[k]) || (VehicleNouns.Contains(words[k]) || IsPluralVehicleNoun(words[k])) && char.IsUpper(words[k][0])
                && Keyword(words, c.First, c.End) is not { Type: EntityType.Organization })
                // "Boat Ramp": a kind followed by ordinary words is a compound ("a boat ramp"), not a vehicle's name, except one
                // word ending the name after a body's name and a kind that is no generic noun of craft ("the Harbor Guard
                // Cutter Faith": the body's vessel of that kind, named by a word of ordinary English)
                return Enumerable.Range(k + 1, c.End - k - 1).All(i => IsFieldWord(words[i])) && !VesselPrefixes.Contains(words[k]) && !IsBodysVesselNamed(words, c, k) ? null : Name(k + 1);
        // a vessel prefix or kind before the name, over its other names and initials: "USS Gerald R. Ford", "the cutter Eagle"
        // (over the quotation marks of a quoted name: "the Oil Tanker "Brellin"")
        int quoted = c.First >= 2 && IsOpeningQuote(words[c.First - 1]) && QuotedNameAt(words, c.First - 1) == c.Length ? 1 : 0;
        for (int before = c.First - 1 - quoted; before >= 0 && before >= c.First - 3 - quoted; before--)
        {
            if (VesselPrefixes.Contains(words[before]) || VehicleNouns.Contains(words[before]) && !SpaceCraftKinds.Contains(words[before]) && !(before + 1 < words.Count && words[before + 1] is "of"))
                return Name(c.First);
            // "the minehunters Brel, Tarn and Vale": a plural kind in lower case right before a list of names opens the list
            // (each conjunct a vessel: the later ones below); before one name alone it says nothing ("two frigates Monday")
            if (before == c.First - 1 && quoted == 0 && IsPluralVehicleNoun(words[before]) && char.IsLower(words[before][0]) && !SpaceCraftKinds.Contains(words[before][..^1])
                && c.End + 1 < words.Count && words[c.End] is "," or "and" && IsCapitalized(words[c.End + 1]))
                return Name(c.First);
            if (!IsCapitalized(words[before]) || words[before].All(ch => !char.IsLetter(ch))) break;
        }
        if (IsListedAfterVesselKind(words, c.First)) return Name(c.First);
        // "aboard the Brelcombe", "on board Tarnwick": what one is aboard is a craft, so a name the recogniser read as a person
        // or a body right after "aboard", "onboard" or "on board" (over "the") is a vessel, unless it modifies a noun after it
        // or owns something ("aboard the Velmar ferry", "aboard Anna's yacht"); no place, no name with a keyword
        int at = c.First >= 1 && words[c.First - 1] is "the" ? c.First - 2 : c.First - 1;
        // (not after "bring" or "welcome": "brought on board Kessel Partners", "welcomed aboard Ilse Marn" take someone into a team, review40)
        int verb = at >= 0 && words[at] is "board" ? at - 2 : at - 1;
        if (c.Type is EntityType.Person or EntityType.Organization && at >= 0 && (words[at] is "aboard" or "onboard" or "Aboard" or "Onboard" || words[at] is "board" && at >= 1 && words[at - 1] is "on" or "On")
            && !(verb >= 0 && TeamTakingVerbs.Contains(words[verb].ToLowerInvariant()))
            && Keyword(words, c.First, c.End) is null && _lex.OrgKeywords.Lookup(words[c.End - 1]).Count == 0
            && !(c.End < words.Count && (s.Tokens[c.End].Tag is "POS" or "NN" or "NNS" || IsCapitalized(words[c.End]))))
            return Name(c.First);
        // "Brelcombe, a chartered cargo ship, ...": a name in apposition to an indefinite or definite noun phrase headed by a
        // vessel's kind (up to two modifiers before it; the kind ends the phrase: not "a ship captain", "the ship's master")
        if (c.End + 2 < words.Count && words[c.End] == "," && words[c.End + 1] is "a" or "an" or "the" && Keyword(words, c.First, c.End) is null)
            for (int k = c.End + 2; k < words.Count && k <= c.End + 4; k++)
            {
                if (VehicleNouns.Contains(words[k]) && char.IsLower(words[k][0]) && !SpaceCraftKinds.Contains(words[k]))
                {
                    if (k + 1 >= words.Count || !(s.Tokens[k + 1].Tag is "POS" or "NN" or "NNS" or "NNP" or "NNPS")) return Name(c.First);
                    break;
                }
                if (!(s.Tokens[k].Tag is "JJ" or "VBN" or "NN" || words[k].Contains('-'))) break;
            }
        // a name followed by its kind, over at most two modifiers: "Horten Liberian-flagged tanker ship"; an organisation's
        // name before a vehicle noun owns it ("a Coast Guard helicopter", "Navy ships")
        if (Keyword(words, c.First, c.End) is not null || _lex.OrgKeywords.Lookup(words[c.End - 1]).Count > 0 || NameKey.IsAcronymShape(words[c.End - 1])) return null;
        for (int k = c.End; k < words.Count && k <= c.End + 2; k++)
        {
            // ... the kind ending the noun phrase: "the Cedar Key boat ramp" is a ramp
            if (VehicleNouns.Contains(words[k]) && char.IsLower(words[k][0]))
            {
                if (k + 1 < words.Count && VehicleNouns.Contains(words[k + 1])) continue; // "tanker ship": the kind goes on
                // "the Coastal Fleet Auxiliary ship Marrow": a name after the kind is the vessel's, so the name before it is
                // its owner's or maker's, no vessel
                if (!headline && k + 1 < words.Count && (IsTitleCase(words[k + 1]) || VesselPrefixes.Contains(words[k + 1])) && s.Tokens[k + 1].Tag is "NNP" or "NNPS")
                    return null;
                // (a noun the trigger lexicon knows as a verb goes on the clause: "Horten tanker ship rescue capsized rower")
                if (!headline && k + 1 < words.Count && s.Tokens[k + 1].Tag is "NN" or "NNS" && _lex.Triggers.Lookup(words[k + 1].ToLowerInvariant(), TriggerPos.Verb).Count == 0)
                    return null;
                // "the Zarya MS-27 spacecraft", "the Apollo 11 capsule": a model or serial number between the name and its kind
                // is part of the name (it tells one craft of the series from the others)
                int d = c.End;
                while (d < k && IsDesignation(words[d])) d++;
                end = d;
                return WordRun.Join(words, c.First, d - c.First);
            }
            if (!(s.Tokens[k].Tag is "JJ" or "VBN" or "NN" || words[k].Contains('-') || k == c.End && IsDesignation(words[k]))) break;
        }
        return null;
    }

    /// <summary>The verbs of "bring on board" and "welcome aboard", which take someone into a team, not onto a craft.</summary>
    private static readonly HashSet<string> TeamTakingVerbs = new(StringComparer.Ordinal)
    {
        "bring", "brings", "brought", "bringing", "welcome", "welcomes", "welcomed", "welcoming",
    };

    /// <summary>"Mk2", "Mk.4A", "MK 3": a mark number at token <paramref name="at"/>; returns how many tokens it takes, 0 when none.</summary>
    private static int MarkAt(List<string> words, int at)
    {
        if (at < 0 || at >= words.Count) return 0;
        var w = words[at];
        if (w is "Mk" or "Mk." or "MK") return at + 1 < words.Count && words[at + 1].Length <= 3 && char.IsAsciiDigit(words[at + 1][0]) && words[at + 1].All(char.IsAsciiLetterOrDigit) ? 2 : 0;
        if (!(w.StartsWith("Mk", StringComparison.Ordinal) || w.StartsWith("MK", StringComparison.Ordinal))) return 0;
        var rest = w[2..].TrimStart('.');
        return rest.Length is >= 1 and <= 3 && char.IsAsciiDigit(rest[0]) && rest.All(char.IsAsciiLetterOrDigit) ? 1 : 0;
    }

    /// <summary>One or two capitalised words before a mark number, no name keyword: a model's name ("Kestrel" in "Kestrel Mk2").</summary>
    private bool MarkedModel(List<string> words, int first, int end) =>
        end > first && end - first <= 2 && Enumerable.Range(first, end - first).All(k => IsTitleCase(words[k])) && Keyword(words, first, end) is null
        && _lex.OrgKeywords.Lookup(words[end - 1]).Count == 0;

    /// <summary>
    /// "the Cutters Linden, Marta Quell and ...", "the minehunters Brel, Tarn and Vale", "HMS Brel, Tarn and Vale": a name
    /// listed after a vessel's name that a plural kind or one hull prefix opens is a vessel too (the prefix or the kind
    /// stands before the whole list: each conjunct is a ship). Back over the earlier items, each a run of one to four
    /// capitalised words after a comma or "and", to the plural kind or the prefix (at most twelve words back).
    /// </summary>
    private static bool IsListedAfterVesselKind(List<string> words, int first)
    {
        for (int b = first - 1; b >= 1 && b >= first - 12 && words[b] is "," or "and";)
        {
            int e = b--;
            while (b >= 0 && e - b <= 4 && IsCapitalized(words[b]) && words[b].Any(char.IsLetter) && !IsPluralVehicleNoun(words[b]) && !VesselPrefixes.Contains(words[b])) b--;
            if (b == e - 1 || b < 0) break;
            if ((IsPluralVehicleNoun(words[b]) || VesselPrefixes.Contains(words[b])) && IsCapitalized(words[b + 1])) return true;
        }
        return false;
    }

    /// <summary>
    /// "F-21E", "C-140J", "KC-150", "MQ-7": the shape of a designation of the U.S. military aircraft system (DoD 4120.15-L):
    /// its letters in the system's order (a status prefix, a modified mission, a basic mission, a vehicle type; a basic
    /// mission or a vehicle type at least: so not "AK-47", whose K is no basic mission after a modified one), a hyphen, a
    /// design number of one to three digits, and at most one series letter.
    /// </summary>
    internal static bool IsAircraftDesignation(string w)
    {
        int dash = w.IndexOf('-');
        if (dash is < 1 or > 4 || !DesignationLetters.IsMatch(w[..dash])) return false;
        var rest = w[(dash + 1)..];
        int digits = rest.TakeWhile(char.IsAsciiDigit).Count();
        return digits is >= 1 and <= 3 && rest.Length - digits <= 1 && (rest.Length == digits || char.IsAsciiLetterUpper(rest[^1]));
    }

    /// <summary>
    /// The letters of a U.S. military aircraft designation in their order (DoD 4120.15-L): status prefix (G J N X Y Z),
    /// modified mission (A C D E H K L M O P Q R S T U V W), basic mission (A B C E F L O P R S T U X), vehicle type (D G H Q S V Z).
    /// </summary>
    private static readonly System.Text.RegularExpressions.Regex DesignationLetters =
        new("^(?=[A-Z]*[ABCEFLOPRSTUXDGHQSVZ]$)[GJNXYZ]?[ACDEHKLMOPQRSTUVW]?[ABCEFLOPRSTUX]?[DGHQSVZ]?$", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Points of the compass that open a region's name: "Southeast Europe", "North Africa", "Central Asia".</summary>
    private static readonly HashSet<string> CompassPoints = new(StringComparer.Ordinal)
    {
        "North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest", "Northern", "Southern", "Eastern", "Western",
        "Central", "North-East", "North-West", "South-East", "South-West",
    };

    /// <summary>The Arabic article assimilated to a "sun letter" as transliterations write it: "Ar Rimal", "As Sahil", "An Nahr".</summary>
    private static readonly HashSet<string> SunArticles = new(StringComparer.Ordinal) { "Ar", "As", "Ad", "At", "Az", "An", "Ash", "Adh", "Ath" };

    /// <summary>A word of two or more capitals only: "WINGS" in a line written in capitals.</summary>
    private static bool IsCapitalsWord(string w) => w.Length >= 2 && w.All(char.IsAsciiLetterUpper);

    /// <summary>"R-TX", "D-Vt.", "I-Maine": a U.S. party's initial (Republican, Democrat, Independent), a hyphen and a state.</summary>
    /// (The abbreviation's period may be cut off by the tokenizer: "R-La." read as "R-La" and a full stop.)
    private bool IsPartyStateTag(string w) =>
        w.Length >= 4 && w[0] is 'R' or 'D' or 'I' && w[1] == '-'
        && (UsStateOf(w[2..]) ?? UsStateCode(w[2..])) is not null;

    /// <summary>"OR", "Tex.", "Tex": a U.S. state's postal code or AP abbreviation (with or without its period); the state or null.</summary>
    private string? UsStateCode(string w) =>
        _lex.UsStatePostalCodes.TryGetValue(w, out var p) ? p
        : _lex.UsStateAbbreviations.TryGetValue(w.EndsWith('.') ? w : w + ".", out var a) ? a : null;

    /// <summary>A U.S. legislator's title written before his or her name ("Senator", "Sen.", "Rep.", "Congresswoman").</summary>
    private static readonly HashSet<string> LegislatorTitles = new(StringComparer.Ordinal)
    {
        "Senator", "Senators", "Sen.", "Sens.", "Representative", "Representatives", "Rep.", "Reps.", "Congressman", "Congresswoman",
        "Congressmen", "Congresswomen", "SENATOR", "SEN.", "REP.",
    };

    /// <summary>The bracket at <paramref name="open"/> follows a legislator's name: the capitalised words (and initials) just
    /// before it, at most five, are preceded by a legislator's title ("Senator Tavin J. Orrel (").</summary>
    private static bool AfterLegislatorsName(List<string> words, int open)
    {
        int k = open - 1;
        if (k < 0 || !IsCapitalized(words[k]) || LegislatorTitles.Contains(words[k])) return false;
        for (int n = 0; k >= 0 && n < 6; k--, n++)
        {
            if (LegislatorTitles.Contains(words[k])) return true;
            if (!IsCapitalized(words[k]) && words[k] != ".") return false;
        }
        return false;
    }

    /// <summary>"EDT", "UTC", "CEST": a time zone's abbreviation, three to five capitals ending in "T" (for time) or "UTC".</summary>
    private static bool IsTimeZoneShape(string w) => w.Length is >= 3 and <= 5 && w.All(char.IsAsciiLetterUpper) && (w[^1] == 'T' || w == "UTC");

    /// <summary>"20,000", "7.5", "50 billion": an amount of money opens at token i (a number with a thousands separator or a
    /// decimal point, or a number and a magnitude word); "2024" or "28" alone is none (a year, an ordinal event: "COP 28").</summary>
    private static bool IsAmountAt(List<string> words, int i)
    {
        if (i >= words.Count || !IsNumeral(words[i])) return false;
        return HasSeparator(words[i]) || i + 1 < words.Count && IsMagnitude(words[i + 1]);
    }

    /// <summary>"20,000", "7.5", "12": digits, with thousands separators or a decimal point.</summary>
    private static bool IsNumeral(string w) => w.Length > 0 && char.IsAsciiDigit(w[0]) && w.All(ch => char.IsAsciiDigit(ch) || ch is ',' or '.');

    /// <summary>A numeral with a thousands separator or a decimal point ("20,000", "7.5"): an amount, no year or count.</summary>
    private static bool HasSeparator(string w) => w.Contains(',') || w.Contains('.') && char.IsAsciiDigit(w[^1]);

    /// <summary>"million", "bn": a word that multiplies the number before it.</summary>
    private static bool IsMagnitude(string w) => w.ToLowerInvariant() is "thousand" or "million" or "billion" or "trillion" or "mn" or "bn";

    private static readonly HashSet<string> StandingWords = new(StringComparer.Ordinal) { "Member", "State", "States", "Party", "Parties" };

    /// <summary>"Member States", "State Party", "States Parties": two different words of a country's standing, "State(s)" one of them.</summary>
    private static bool IsStandingPair(string a, string b) =>
        a != b && StandingWords.Contains(a) && StandingWords.Contains(b) && (a is "State" or "States" || b is "State" or "States");

    /// <summary>
    /// "Member States", "State Party", "States Parties": only the words of a country's standing in a body or a treaty, with
    /// "State" or "States" among them; or "States" alone after a lower-case modifier or a possessive ("participating States",
    /// "its States"; "the States" may be the United States and stays).
    /// </summary>
    private static bool IsStandingInABody(Sentence s, List<string> words, Candidate c, List<string> span)
    {
        if (span.Count == 2) return IsStandingPair(span[0], span[1]);
        return span.Count == 1 && span[0] == "States" && c.First > 0 && (words[c.First - 1] is "Member" or "member"
               || char.IsLower(words[c.First - 1][0]) && words[c.First - 1] != "the" && s.Tokens[c.First - 1].Tag is "JJ" or "VBG" or "VBN" or "NN" or "PRP$");
    }

    /// <summary>"20,000", "$7", "7.5 million": an amount of money ends at token i (a number with a thousands separator or a decimal
    /// point, a number after a currency sign, or a number and a magnitude word).</summary>
    private static bool IsAmountEndingAt(List<string> words, int i)
    {
        if (IsMagnitude(words[i])) return i > 0 && IsNumeral(words[i - 1]);
        return IsNumeral(words[i]) && (HasSeparator(words[i]) || i > 0 && words[i - 1] is "$" or "\u20AC" or "\u00A3" or "\u00A5");
    }

    /// <summary>"8 a.m.", "14:30", "1200" (a 24-hour clock time of four digits), "noon": a clock time ends at token i.</summary>
    private static bool IsClockTime(List<string> words, int i)
    {
        var w = words[i];
        if (w.ToLowerInvariant() is "a.m." or "p.m." or "am" or "pm" or "a.m" or "p.m" or "noon" or "midnight") return true;
        int colon = w.IndexOf(':');
        if (colon is 1 or 2 && w.Length == colon + 3 && w.Remove(colon, 1).All(char.IsAsciiDigit)) return true;
        // "16:25", "03:12:40" split by the tokenizer into hours, colons and two-digit minutes (and seconds)
        if (w.Length == 2 && w.All(char.IsAsciiDigit) && i >= 2 && words[i - 1] == ":" && words[i - 2].Length is 1 or 2 && words[i - 2].All(char.IsAsciiDigit))
            return true;
        // a four-digit 24-hour time is no year: "(1200 UTC)" opens a bracket or follows "at"
        return w.Length == 4 && w.All(char.IsAsciiDigit) && int.Parse(w) % 100 < 60 && int.Parse(w) / 100 < 24
               && i > 0 && words[i - 1] is "(" or "at" or "At";
    }

    /// <summary>"IDPs", "NGOs": two or more capitals and a plural "s".</summary>
    private static bool IsPluralAcronym(string w) => w.Length >= 3 && w[^1] == 's' && w[..^1].All(char.IsAsciiLetterUpper);

    /// <summary>"MS-27", "11", "X-37B": a model or serial number, digits with capitals and hyphens (not "27-foot", a measure).</summary>
    private static bool IsDesignation(string w) =>
        w.Any(char.IsDigit) && w.All(ch => char.IsAsciiDigit(ch) || char.IsAsciiLetterUpper(ch) || ch is '-' or '.') && char.IsLetterOrDigit(w[^1]);

    /// <summary>
    /// "Pentagon Press Secretary Navy Rear Adm. Karl Brenner": a body's name after an office and right before a rank is the
    /// service of the person the rank opens; the office's body and the service are two names, the office none.
    /// </summary>
    private bool SplitOfficeAndService(List<string> words, Candidate c, List<Candidate> result)
    {
        if (c.Type != EntityType.Organization || c.End - c.First < 3 || c.End >= words.Count
            || !_lex.Titles.LongestMatchAt(words, c.End).Entries.Any(t => t.PrecedesNames && t.ImpliesPerson)) return false;
        for (int k = c.First + 1; k < c.End - 1; k++)
        {
            var (len, titles) = _lex.Titles.LongestMatchAt(words, k);
            if (len == 0 || k + len >= c.End || !titles.Any(t => t.PrecedesNames && t.ImpliesPerson) || !IsCapitalized(words[k])) continue;
            var head = _lex.OrgKeywords.Lookup(words[c.End - 1], KeywordPosition.Suffix);
            if (head.Count == 0 || head[0].Type != EntityType.Organization) return false;
            result.Add(c with { End = k, FineType = null, Canonical = null });
            result.Add(c with { First = k + len, FineType = head[0].FineType, Canonical = null });
            return true;
        }
        return false;
    }

    /// <summary>
    /// "the Federal Bureau of Investigation Christopher Wray", "FEMA Administrator Criswell": a recogniser's organisation
    /// span that is a known organisation (or an organisation and a title) followed by a person's name is two mentions.
    /// </summary>
    private bool SplitOrganisationAndPerson(Sentence s, List<string> words, Candidate c, List<Candidate> result)
    {
        if (c.Type != EntityType.Organization || c.End - c.First < 3) return false;
        for (int k = c.First + 1; k < c.End - 1; k++)
        {
            var (len, titles) = _lex.Titles.LongestMatchAt(words, k);
            // "the Kessa Senators Tarn Vale and ...": the plural of a title put before names splits so too (the first name holds it)
            // (not a body's field after "of", "the Association of Judges for ...", and only before name words: "Officers Operations Room" is none)
            if (len == 0 && k + 1 < c.End && words[k - 1] != "of" && PluralOfPrefixTitle(words[k]) is { } plural
                && Enumerable.Range(k + 1, c.End - k - 1).All(i => IsNameWord(words[i]) && !IsOrdinaryWord(words[i]) || IsInitial(words[i]))) (len, titles) = (1, plural);
            if (len == 0 || k + len >= c.End || !titles.Any(t => t.PrecedesNames && t.ImpliesPerson) || !IsCapitalized(words[k])) continue;
            if (Enumerable.Range(k + len, c.End - k - len).Any(i => _lex.OrgKeywords.Lookup(words[i]).Count > 0)) return false;
            // "State Councillor H.E.": titles after the title name no one; the words before them stay a body only when a name
            // keyword or the gazetteer makes them one
            if (Enumerable.Range(k + len, c.End - k - len).All(i => _lex.Titles.Lookup(words[i]).Any(t => t.ImpliesPerson)))
            {
                if (Keyword(words, c.First, k) is { Type: EntityType.Organization } || _lex.Gazetteer.Lookup(WordRun.Join(words, c.First, k - c.First)).Count > 0)
                    result.Add(c with { End = k });
                return true;
            }
            // (the words before the title keep what the gazetteer knows them as: "U.S. Senators Tarn Vale" -> the country)
            var before = _lex.Gazetteer.Lookup(WordRun.Join(words, c.First, k - c.First));
            result.Add(before.Count > 0 && before[0].Entry.Type != c.Type
                ? c with { End = k, Type = before[0].Entry.Type, FineType = before[0].Entry.FineType, Canonical = before[0].Entry.Name }
                : c with { End = k });
            result.Add(c with { First = k + len, Type = EntityType.Person, FineType = null, Role = RoleOf(titles) });
            return true;
        }
        if (_lex.Gazetteer.LongestMatchAt(words, c.First) is { } known && known.Best.Entry.Type == EntityType.Organization
            && c.End - known.End is 2 or 3 && Enumerable.Range(known.End, c.End - known.End).All(i => IsCapitalized(words[i]) && words[i].All(char.IsLetter)
                && _lex.OrgKeywords.Lookup(words[i]).Count == 0 && _lex.Gazetteer.Lookup(words[i]).Count == 0)
            // "the NATO Quick Response Force": a body's head noun ends the words after the name, a body of its, not a person
            && !_lex.Descriptors.Lookup(words[c.End - 1].ToLowerInvariant()).Any(d => d.Type == EntityType.Organization))
        {
            // "the Coastal League Fisheries Ministers": the plural of a title after the name is the body's office holders, no person;
            // "the Kessa League Relief Coordinator": a person's title closing the words after the name is an office of the body's
            if (PluralTitleHead(words.GetRange(known.End, c.End - known.End)) || _lex.Titles.Lookup(words[c.End - 1]).Any(t => t.ImpliesPerson))
            {
                result.Add(c with { End = known.End, Canonical = known.Best.Entry.Name, FineType = known.Best.Entry.FineType });
                return true;
            }
            result.Add(c with { End = known.End, Canonical = known.Best.Entry.Name, FineType = known.Best.Entry.FineType });
            result.Add(c with { First = known.End, Type = EntityType.Person, FineType = null });
            return true;
        }
        // "Director of National Intelligence James Clapper": an office opens the span, a person's two names close it; "the
        // Honorable Lena Marsh", "Administrator Tomas Reyl": a person's title right before the two names (not when they end
        // in a body's head word, "the Queen Alia Foundation", nor when a word after the title is a title again or a known
        // name: "the Judge Advocate General" names an office)
        var (tl, tt) = _lex.Titles.LongestMatchAt(words, c.First);
        if (tl > 0 && tt.Any(t => t.PrecedesNames && t.ImpliesPerson) && c.End - c.First >= tl + 2 && Enumerable.Range(c.End - 2, 2).All(i => IsProperTag(s.Tokens[i])
                && _lex.OrgKeywords.Lookup(words[i]).Count == 0)
            && (c.End - c.First > tl + 2 || Enumerable.Range(c.First + tl, 2).All(i => IsTitleCase(words[i]) && _lex.Titles.Lookup(words[i]).Count == 0 && _lex.Gazetteer.Lookup(words[i]).Count == 0)))
        {
            result.Add(c with { First = c.End - 2, Type = EntityType.Person, FineType = null, Role = RoleOf(tt) });
            return true;
        }
        return false;
    }

    /// <summary>
    /// "Brevard, Broward and St. Lucie counties", "the Idlib and Hama provinces": names listed before a plural place noun
    /// are all places of that kind, whatever the recogniser thought of each.
    /// </summary>
    private void RetypeListsOfPlaces(Sentence s, List<string> words, List<Candidate> settled)
    {
        // "Kessa, Dunmore, and Velbo states": the last name of a list right before its plural place noun is a place even where
        // no recogniser found it (a capitalised word after "and", "or" or a comma that follows a found name)
        for (int t = 2; t < words.Count; t++)
        {
            if (words[t - 2] is not ("and" or "or" or ",") || !IsTitleCase(words[t - 1]) || !IsProperTag(s.Tokens[t - 1]) || ListPlaceHead(s, words, t) is null) continue;
            // (the rest in a block: the variables its lambdas capture are made only for the words that get here)
            {
                int at = settled.FindIndex(c => c.End > t - 1);
                if (at >= 0 && settled[at].First <= t - 1) continue;
                int prevEnd = words[t - 2] != "," && t >= 3 && words[t - 3] == "," ? t - 3 : t - 2;
                if (!settled.Any(c => c.End == prevEnd)) continue;
                settled.Insert(at < 0 ? settled.Count : at, new Candidate(s.Index, t - 1, t, EntityType.Location, null, MentionKind.Name, "rule", PriorityNer - 2));
            }
        }
        for (int k = settled.Count - 1; k >= 0; k--)
        {
            var c = settled[k];
            if (c.End >= words.Count || !char.IsLower(words[c.End][0])) continue;
            var places = ListPlaceHead(s, words, c.End);
            if (places is null) continue;
            // "Velbo states" in a list: the tagger may read the plural as a verb; it is the list's head noun there
            if (s.Tokens[c.End].Tag != "NNS" && !(k > 0 && settled[k - 1].End < c.First && words[settled[k - 1].End] is "," or "and" or "or")) continue;
            var fine = places.FineTypes.FirstOrDefault();
            int j = k;
            while (true)
            {
                settled[j] = settled[j] with { Type = EntityType.Location, FineType = fine ?? settled[j].FineType, Role = null };
                if (j == 0) break;
                var prev = settled[j - 1];
                int gap = settled[j].First - prev.End;
                bool joined = gap == 1 && words[prev.End] is "," or "and" or "or" || gap == 2 && words[prev.End] == "," && words[prev.End + 1] is "and" or "or";
                if (!joined) break;
                j--;
            }
        }
    }

    /// <summary>
    /// "the Commerce, Justice, Science, and Related Agencies Subcommittee": a body named for the fields it covers lists them,
    /// one capitalised word each, before "and" and the body's head (a keyword of a body that is no company); the list belongs
    /// to the name. Each field is a word no
    /// name keyword, gazetteer entry, place or two-word person reading claims, so a list of bodies ("the Army, Navy, and
    /// Coastal Defense Agency"), of places or of people stays a list.
    /// </summary>
    private void JoinBodiesNamedForFields(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.Type != EntityType.Organization || c.CharStart >= 0) continue;
            // the body's head: a name after "and" that the recogniser's organisation ends (or runs on to)
            int a = c.First - 1;
            while (a > c.First - 4 && a > 0 && words[a] != "and" && IsTitleCase(words[a])) a--;
            // (a field and the head at least: "Related Agencies Subcommittee"; a lone name after "and" is a list's last item)
            if (a < 4 || words[a] != "and" || words[a - 1] != "," || c.End - a - 1 < 2) continue;
            // ... and the head is a body's keyword that is no company's (a committee, a council; "Subcommittee" is a committee):
            // "Reliant, Sempra, and BP Energy" lists companies
            var headWord = words[c.End - 1].StartsWith("Sub", StringComparison.Ordinal) && words[c.End - 1].Length > 4 && char.IsLower(words[c.End - 1][3])
                ? char.ToUpperInvariant(words[c.End - 1][3]) + words[c.End - 1][4..] : words[c.End - 1];
            if (!_lex.OrgKeywords.Lookup(headWord, KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization && h.FineType != "Company")) continue;
            // back over "Field ," pairs from the comma before "and"; p ends on the token before the first field
            int p = a - 1, items = 0;
            while (p >= 1 && words[p] == "," && IsTitleCase(words[p - 1]) && _lex.OrgKeywords.Lookup(words[p - 1]).Count == 0
                   && _lex.Gazetteer.Lookup(words[p - 1]).Count == 0
                   && !settled.Any(o => o.First <= p - 1 && p - 1 < o.End && (o.Type == EntityType.Location || o.Type == EntityType.Person && o.Length >= 2)))
            {
                p -= 2;
                items++;
            }
            if (items < 2) continue;
            int first = p + 1;
            settled.RemoveAll(o => o.First < c.End && first < o.End && o != c);
            int at = settled.IndexOf(c);
            settled[at] = c with { First = first, Canonical = null };
            k = at;
        }
    }

    /// <summary>
    /// "the Harbour and Coastal Affairs Committee", "the Regional Fisheries and Tidal Research Council": two modifiers joined by
    /// "and" before one singular head name one body that covers both fields, not a word and a body. When a body the
    /// recogniser found (two words or more, ending in a body's keyword that is no company's) opens right after "and", and the
    /// word before "and" is a capitalised word no gazetteer entry, name keyword, person, date or acronym claims, that word and
    /// the capitalised words right before it (up to three more, back to a lower-case word, punctuation, a possessive or an
    /// article) go on the body's name, unless one of them is a body's head keyword (a body of its own before "and") or the
    /// body opens with an acronym or a name the gazetteer knows (its owner's: "NATO Allied Command"). Not in a headline (capitals there say nothing), nor after a comma ("A, B and C
    /// Committee" is JoinBodiesNamedForFields' list).
    /// </summary>
    private void JoinModifiersCoordinatedBeforeOneHead(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.Type != EntityType.Organization || c.CharStart >= 0 || c.Source == "gazetteer" || c.Length < 2) continue;
            int and = c.First - 1;
            if (and < 1 || words[and] != "and") continue;
            if (!_lex.OrgKeywords.Lookup(words[c.End - 1], KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization && h.FineType != "Company")) continue;
            // a plural head keyword over two modifiers is two bodies (SplitPluralHeadsOverTwoModifiers)
            if (SingularOf(words[c.End - 1]) is { } one && _lex.OrgKeywords.Lookup(one, KeywordPosition.Suffix).Count > 0) continue;
            // the body opens with a modifier, not with a name of its owner ("NATO Allied Command", "U.S. Navy")
            if (!IsTitleCase(words[c.First]) || _lex.Gazetteer.Lookup(words[c.First]).Count > 0) continue;
            bool Free(int i) => IsTitleCase(words[i]) && !DateWords.Contains(words[i]) && words[i] is not ("The" or "A" or "An")
                && !settled.Any(o => o.First <= i && i < o.End && o.Type == EntityType.Person);
            // the word before "and": a modifier of the head, no name of its own ("Kessland and Coastal Affairs Committee" lists two)
            int last = and - 1;
            if (!Free(last) || _lex.Gazetteer.Lookup(words[last]).Count > 0 || _lex.OrgKeywords.Lookup(words[last]).Count > 0) continue;
            int first = last;
            while (first > 0 && last - first < 3 && Free(first - 1)) first--;
            // "a meeting on Tidal Affairs and Harbour Development Fund": after "on" or "about" the words are a subject, and the
            // subjects coordinated there are two
            if (first > 0 && words[first - 1] is "on" or "about") continue;
            // ... and the words before "and" are no body's name of their own head ("the Air Forces Alba and Coastal Command")
            bool ownHead = false;
            for (int i = first; i <= last && !ownHead; i++) ownHead = _lex.OrgKeywords.Lookup(words[i], KeywordPosition.Suffix).Count > 0;
            if (ownHead) continue;
            // a name over those words that starts before them keeps them (it is another name, not a modifier)
            if (settled.Any(o => o != c && o.First < first && o.End > first)) continue;
            settled.RemoveAll(o => o != c && o.First < c.First && first < o.End);
            int at = settled.IndexOf(c);
            settled[at] = c with { First = first, Canonical = null };
            k = at;
        }
    }

    /// <summary>
    /// "the Kessan Ministry of Foreign Affairs", "the Orvin Department of the Treasury's Office ...", "the Southern District of
    /// Velmar": a body's head keyword (a ministry, a department, a district) before "of" and capitalised words is named by them;
    /// cut before "of" it is a name every such body shares ("Kessan Ministry"). The capitalised words after "of" (and "the")
    /// join the body, through "of" between capitalised words and "and" between words of ordinary English ("the Bureau of Prisons and Interpol" are two), up to a possessive, which leaves the body's office to a
    /// name of its own ("Office ..."). Not when a person's name or a date is among the words,
    /// nor when they are another body's name, of its own head or found as a body ("the Emergency Committee of the World Health
    /// Organization" is part of that organisation), nor after a company's or a medium's head ("Kessa Bank of Orvin").
    /// </summary>
    private void JoinHeadsToTheirOfPhrase(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.Type != EntityType.Organization || c.CharStart >= 0 || c.Source == "gazetteer") continue;
            // the head: the name's last word, or the word before a trailing "of" the name took without its field
            int of = words[c.End - 1] == "of" && c.Length >= 2 ? c.End - 1 : c.End;
            if (of >= words.Count || words[of] != "of" || !IsTitleCase(words[of - 1])) continue;
            if (!_lex.OrgKeywords.Lookup(words[of - 1], KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization && h.FineType is not ("Company" or "MediaOrganization"))) continue;
            int first = of + 1;
            if (first < words.Count && words[first] == "the") first++;
            int end = FieldEnd(words, first);
            if (end == first) continue;
            // "the Standing Committee of the Kessan Trade Organization": words with a body's head of their own name another
            // body, the one the first is part of ("of the Kessan Navy"), not its field
            if (end - first >= 2 && Keyword(words, first, end) is { Type: EntityType.Organization }) continue;
            bool possessive = end < words.Count && words[end] is "’s" or "'s";
            // "the Fraud Division of the District Attorney's Office": a possessive whose owner is a person's title names
            // the holder's office, another body (the one the first is part of), not the first body's field
            if (possessive && _lex.Titles.Lookup(words[end - 1]).Any(t => t.ImpliesPerson)) continue;
            // what the other names over those words are: a person or a date stops the join; a name running on past them must
            // start after a possessive
            var others = settled.Where(o => o != c && o.First < end && of < o.End).ToList();
            if (others.Any(o => o.Type == EntityType.Person || o.First < of || o.End <= end && o.Length >= 2 && o.Type == EntityType.Organization)) continue;
            if (others.Any(o => o.End > end && !(possessive && o.First >= first))) continue;
            foreach (var o in others)
            {
                int at = settled.IndexOf(o);
                if (o.End > end) settled[at] = o with { First = end + 1, Canonical = null };
                else settled.RemoveAt(at);
            }
            int self = settled.IndexOf(c);
            settled[self] = c with { End = end, Canonical = null };
            k = self;
        }
    }

    /// <summary>Where the field a body's head names after "of", "on" or "for" ends, from its first word: capitalised words (no
    /// date word), "of" before another capitalised word, and "and" between two words of ordinary English ("of Soil and Water
    /// Research": two fields of one body).</summary>
    private int FieldEnd(List<string> words, int first)
    {
        int end = first;
        while (end < words.Count)
        {
            if (IsCapitalized(words[end]) && !DateWords.Contains(words[end]) && words[end].Any(char.IsLetter)) { end++; continue; }
            if (end > first && words[end] == "of" && end + 1 < words.Count && IsCapitalized(words[end + 1])) { end++; continue; }
            if (end > first && words[end] == "and" && end + 1 < words.Count && IsOrdinaryWord(words[end - 1]) && IsOrdinaryWord(words[end + 1])) { end++; continue; }
            break;
        }
        return end;
    }

    /// <summary>
    /// "the Standing Committee on Coastal Fisheries", "the Regional Court for the Eastern District of Norland", "the Charter
    /// on Civil and Maritime Rights": a body's head keyword (no company's or medium's) or a meeting's or agreement's head
    /// before "on" or "for" and capitalised words that open with a word of ordinary English (UD's common words: a field or
    /// an area, not a name) is named by them; cut before the preposition it is a name every such body shares ("Senate
    /// Committee"). The words join as after "of" (capitalised words, "of" between them, "and" between words of ordinary
    /// English). Not when a person's name, a date, another body's name or a possessive is among or after them ("thanked
    /// the Council for Kessland's help"), nor in a headline, whose every word is capitalised.
    /// </summary>
    private void JoinHeadsToTheirFieldAfterOnOrFor(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.CharStart >= 0 || c.Source == "gazetteer" || c.End + 1 >= words.Count || words[c.End] is not ("on" or "for")) continue;
            var head = words[c.End - 1];
            if (!IsTitleCase(head)) continue;
            var heads = _lex.OrgKeywords.Lookup(head, KeywordPosition.Suffix);
            bool named = c.Type == EntityType.Organization && heads.Any(h => h.Type == EntityType.Organization && h.FineType is not ("Company" or "MediaOrganization"))
                         || c.Type == EntityType.Event && heads.Any(h => h.Type == EntityType.Event && h.FineType is "Agreement" or "Meeting");
            if (!named) continue;
            int first = c.End + 1;
            if (words[first] == "the") first++;
            if (first >= words.Count || !IsOrdinaryWord(words[first]) || DateWords.Contains(words[first])) continue;
            int end = FieldEnd(words, first);
            if (end < words.Count && words[end] is "'s" or "\u2019s") continue;
            // what the other names over those words are: a place, an area's name or a field the recogniser took for a name is
            // part of the field ("for the Eastern District of Norland", "on Civil Rights"); a person, a body of its own head
            // keyword or the gazetteer's (the body the first is part of: "the Planning Group for the Harbor Guard Bureau") or a
            // name running on past them stops it
            var others = settled.Where(o => o != c && o.First < end && c.End < o.End).ToList();
            if (others.Any(o => o.End > end || o.Type == EntityType.Person || o.Source == "gazetteer" && o.Type != EntityType.Location
                                || o.Type == EntityType.Organization && Keyword(words, o.First, o.End) is { Type: EntityType.Organization })) continue;
            foreach (var o in others) settled.Remove(o);
            int self = settled.IndexOf(c);
            settled[self] = c with { End = end, Canonical = null };
            k = self;
        }
    }

    /// <summary>
    /// "the Bureau of Ports, Canals, and Waterways", "the Office of Trade and Tourism": a body named "A of B" for the fields it
    /// covers lists them after "of", one capitalised word each, the last after "and"; the list belongs to the name (the
    /// recogniser stops at the first field and makes names of the others). A field is a word no name keyword, gazetteer entry,
    /// place or two-word person reading claims; with two fields only, both are words of ordinary English (UD's common words),
    /// so "the Ministry of Justice and Interpol" stays two bodies; a capitalised word after the list ("... and Commerce
    /// Secretary") leaves the name alone.
    /// </summary>
    private void JoinFieldsListedAfterOf(Sentence s, List<string> words, List<Candidate> settled)
    {
        for (int of = 1; of + 4 < words.Count; of++)
        {
            if (words[of] != "of") continue;
            // (the rest in a block: the variables its lambdas capture are made only for the words that get here)
            {
                // the body: an organisation the recogniser ends at the first field, or, when it found none there (it may have
                // read the whole list as one name and the comma rule dropped it), the capitalised words before "of" ending in a
                // body's keyword that is no company's ("the Bureau of ...")
                var c = settled.FirstOrDefault(o => o.Type == EntityType.Organization && o.CharStart < 0 && o.First < of && o.End == of + 2);
                if (c is null)
                {
                    if (settled.Any(o => o.First < of && of - 1 < o.End && o.CharStart < 0)
                        || !_lex.OrgKeywords.Lookup(words[of - 1], KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization && h.FineType != "Company")) continue;
                    int start = of - 1;
                    while (start > 0 && of - start < 3 && IsTitleCase(words[start - 1]) && !settled.Any(o => o.First <= start - 1 && start - 1 < o.End)) start--;
                    c = new Candidate(s.Index, start, of + 2, EntityType.Organization, null, MentionKind.Name, "rule", PriorityKeyword);
                }
                else if (HeadBeforeOf(words, c.First, of + 1) is null) continue;
                bool Field(int i) => i < words.Count && IsTitleCase(words[i]) && words[i].All(char.IsLetter) && _lex.OrgKeywords.Lookup(words[i]).Count == 0
                    && _lex.Gazetteer.Lookup(words[i]).Count == 0
                    && !settled.Any(o => o != c && o.First <= i && i < o.End && (o.Type == EntityType.Location || o.Type == EntityType.Person && o.Length >= 2));
                if (!Field(of + 1)) continue;
                int p = of + 2, fields = 1;
                while (p + 1 < words.Count && words[p] == "," && Field(p + 1)) { p += 2; fields++; }
                // (the serial comma before "and")
                if (fields > 1 && p + 1 < words.Count && words[p] == "," && words[p + 1] == "and") p++;
                if (p + 1 >= words.Count || words[p] != "and" || !Field(p + 1)) continue;
                int end = p + 2;
                if (end < words.Count && IsCapitalized(words[end])) continue;
                if (fields == 1 && !(IsOrdinaryWord(words[of + 1]) && IsOrdinaryWord(words[p + 1]))) continue;
                // named without the serial comma, so both ways of writing the list name one body
                var listed = words.Skip(of + 2).Take(end - of - 2).Where(w => w is not ("," or "and")).ToList();
                var name = WordRun.Join(words, c.First, of + 2 - c.First) + string.Concat(listed.SkipLast(1).Select(w => ", " + w)) + " and " + listed[^1];
                var joined = c with { End = end, Canonical = name };
                settled.RemoveAll(o => o.First < end && joined.First < o.End);
                int at = settled.FindIndex(o => o.First > joined.First);
                settled.Insert(at < 0 ? settled.Count : at, joined);
                of = end - 1;
            }
        }
    }

    /// <summary>
    /// "U.S. Army Europe and Africa": a force named for its area after its head word ("Army Europe", "Naval Forces Europe")
    /// goes on over "and" and a second one-word place; the second place is part of the name, not a place of the sentence.
    /// A body whose head word is no force's ("the European Union and Africa") stays apart from the place.
    /// </summary>
    private void JoinAreasOfCommands(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k + 1 < settled.Count; k++)
        {
            var (c, n) = (settled[k], settled[k + 1]);
            if (c.Type != EntityType.Organization || c.Source == "gazetteer" || c.CharStart >= 0 || c.Length < 2 || c.End + 1 >= words.Count
                || words[c.End] != "and" || n.First != c.End + 1 || n.Type != EntityType.Location || n.CharStart >= 0) continue;
            if (!IsTitleCase(words[c.End - 1]) || _lex.OrgKeywords.Lookup(words[c.End - 1]).Count > 0 || n.Length != 1 || !IsTitleCase(words[n.First])
                || !_lex.OrgKeywords.Lookup(words[c.End - 2], KeywordPosition.Suffix).Any(h => h.FineType == "ArmedForces")) continue;
            settled[k] = c with { End = n.End, Canonical = null };
            settled.RemoveAt(k + 1);
        }
    }

    /// <summary>
    /// "the Velbo and Kessa Straits", "the Kessa and Dunmore Islands": one plural head of a natural feature's name (a
    /// plural that is itself a name keyword: "Straits", "Islands", "Mountains") after two names joined by "and" heads both;
    /// the first is named with it, not left a bare word; and so when the recogniser took the four words for one name (not
    /// one the gazetteer knows: "the Turks and Caicos Islands" is one territory).
    /// </summary>
    private void ShareFeatureHeads(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var w = settled[k];
            if (w.Length != 4 || w.Source == "gazetteer" || w.CharStart >= 0 || words[w.First + 1] != "and"
                || !IsTitleCase(words[w.First]) || !IsTitleCase(words[w.First + 2])
                || _lex.Gazetteer.Lookup(WordRun.Join(words, w.First, 4)).Count > 0 || _lex.Gazetteer.Lookup(words[w.First]).Count > 0) continue;
            var plural = words[w.End - 1];
            if (plural.Length < 4 || plural[^1] != 's') continue;
            var heads = _lex.OrgKeywords.Lookup(plural, KeywordPosition.Suffix);
            if (heads.Count == 0 || heads[0].Type != EntityType.Location) continue;
            settled[k] = w with { End = w.First + 1, Type = EntityType.Location, FineType = heads[0].FineType, Role = null, Canonical = words[w.First] + " " + plural };
            settled.Insert(k + 1, w with { First = w.First + 2, Type = EntityType.Location, FineType = heads[0].FineType, Role = null, Canonical = null });
        }
        for (int k = 0; k + 1 < settled.Count; k++)
        {
            var (c, n) = (settled[k], settled[k + 1]);
            if (c.Length != 1 || c.Source == "gazetteer" || c.CharStart >= 0 || n.CharStart >= 0 || n.Length != 2 || c.End + 1 >= words.Count
                || words[c.End] != "and" || n.First != c.End + 1 || !IsTitleCase(words[c.First]) || _lex.Gazetteer.Lookup(words[c.First]).Count > 0) continue;
            var head = words[n.End - 1];
            if (head.Length < 4 || head[^1] != 's') continue;
            var kw = _lex.OrgKeywords.Lookup(head, KeywordPosition.Suffix);
            if (kw.Count == 0 || kw[0].Type != EntityType.Location) continue;
            settled[k] = c with { Type = EntityType.Location, FineType = kw[0].FineType, Role = null, Canonical = words[c.First] + " " + head };
        }
    }

    /// <summary>A plural noun for places ("counties", "provinces") at token i, or "states" (a country's first-level
    /// divisions, left out of the descriptions lexicon: "the states" refers to too much) when a list ends before it.</summary>
    private static readonly DescriptorEntry StatesHead = new("states", "state", EntityType.Location, new[] { "Region" });

    private DescriptorEntry? ListPlaceHead(Sentence s, List<string> words, int i)
    {
        if (i >= words.Count || i < 2) return null;
        if (words[i] == "states" && s.Tokens[i].Tag is "NNS" or "VBZ" && words[i - 2] is "," or "and" or "or")
            return StatesHead;
        if (s.Tokens[i].Tag is not ("NNS" or "VBZ")) return null;
        var places = _lex.Descriptors.Lookup(words[i]);
        // (a noun plural in form only, its own lemma, names one place and heads no list: "the Harbor Agency headquarters" is
        // the agency's, "Kessa, Harbor Agency headquarters and Velbo" a list of three)
        return places.Count > 0 && places[0].Type == EntityType.Location && !string.Equals(places[0].Lemma, words[i], StringComparison.OrdinalIgnoreCase) ? places[0] : null;
    }

    /// <summary>
    /// "Newport, Rhode Island", "Locust Grove, Virginia": a name the recogniser typed otherwise, followed by a comma and a
    /// place that ends the clause, is a place in that place (the way news text writes a town and its state or country).
    /// </summary>
    private void RetypePlacesBeforeTheirRegion(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k + 1 < settled.Count; k++)
        {
            var (c, next) = (settled[k], settled[k + 1]);
            if (c.Type == EntityType.Location || c.Source != "ner" || next.Type != EntityType.Location || next.First != c.End + 1 || words[c.End] != ",") continue;
            // "Agent in Charge, U.S. Fish & Wildlife Service, Miami": a body's head word ending the name keeps it a body (the
            // place after the comma is where its office is)
            if (c.CharStart < 0 && Keyword(words, c.First, c.End) is { Type: EntityType.Organization, Position: KeywordPosition.Suffix }) continue;
            if (next.End < words.Count && words[next.End] is not ("," or "." or ";" or ")" or "-" or "\u2014")) continue;
            // a list of names, not a town and its state; but a state as news style abbreviates it ("Ga.", "Ariz.") follows only
            // a town: "Harwick Pipe Company, Dunmore, Ga., agreed" names the company's town
            if (k > 0 && settled[k - 1].End == c.First - 1 && words[c.First - 1] == ","
                && !_lex.UsStateAbbreviations.ContainsKey(WordRun.Join(words, next.First, next.Length))) continue;
            settled[k] = c with { Type = EntityType.Location, FineType = null, Role = null };
        }
    }

    /// <summary>
    /// "Lake Wallace, Louisiana", "Mount Pleasant, S.C.": a place named after a natural feature and followed by a comma and a
    /// U.S. state is a town in that state (the way news text writes a town and its state), not the lake or mountain.
    /// </summary>
    private void RetypeTownsBeforeTheirState(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k + 1 < settled.Count; k++)
        {
            var (c, next) = (settled[k], settled[k + 1]);
            if (c.Type != EntityType.Location || c.FineType != "NaturalFeature" || next.First != c.End + 1 || words[c.End] != ",") continue;
            if (!IsUsState(words, next)) continue;
            settled[k] = c with { FineType = "City" };
        }
        // "Coast Guard Station Harbor City", "Air Base Kestrel City": a facility's head before the town it is named after
        // says what the whole is; the town's keyword at the end does not make it a city
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.Type != EntityType.Location || c.FineType != "City" || c.Source == "gazetteer") continue;
            for (int j = c.First; j < c.End - 1; j++)
                if (FacilityHeads.Contains(words[j])) { settled[k] = c with { FineType = "Facility" }; break; }
        }
    }

    /// <summary>Heads of a name for a tie between two parties: "the U.S.-ROK Alliance".</summary>
    private static readonly HashSet<string> TieHeads = new(StringComparer.Ordinal) { "Alliance", "Partnership" };

    /// <summary>"U.S.-ROK": a hyphen token written between a capitalised word and the one at <paramref name="i"/>, with no spaces.</summary>
    private static bool HyphenPairBefore(Sentence s, int i) =>
        i >= 2 && s.Tokens[i - 1].Text is "-" or "\u2013" && s.Tokens[i - 1].Start == s.Tokens[i - 2].End && s.Tokens[i].Start == s.Tokens[i - 1].End
        && IsCapitalized(s.Tokens[i - 2].Text);

    /// <summary>Heads that say what kind of body an international organisation is: "the NATO Alliance" is NATO.</summary>
    private static readonly HashSet<string> InternationalKindHeads = new(StringComparer.Ordinal) { "Alliance", "Bloc", "Organization", "Organisation" };

    /// <summary>
    /// "the NATO Alliance": an international organisation's name (the gazetteer's) followed by a head that only says what
    /// kind of body it is names that organisation. A country's name before the head names another body, an alliance with
    /// that country ("the ROK Alliance"), and stays a name of its own.
    /// </summary>
    private void NameAlliancesByTheirKind(Sentence s, List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.Type != EntityType.Organization || c.Length < 2 || c.Source == "gazetteer" || c.CharStart >= 0) continue;
            // "the U.S.-ROK Alliance", "the Marovia-Tessaly Partnership": a head of ties after two names joined by a hyphen names
            // the tie between them, no body of its own (and no fragment "ROK Alliance" either)
            if (TieHeads.Contains(words[c.End - 1]) && (HyphenPairBefore(s, c.First) || words[c.First].IndexOf('-') is int dash and > 0
                    && dash + 1 < words[c.First].Length && char.IsUpper(words[c.First][0]) && char.IsUpper(words[c.First][dash + 1])))
            {
                settled.RemoveAt(k--);
                continue;
            }
            // "the UN Relief and Settlement Agency", "the EU Agency for ...": an agency named after an international organisation
            // (the gazetteer's) is that organisation's, not a government's
            if (c.FineType == "GovernmentAgency" && c.Length >= 3 && _lex.Gazetteer.LongestMatchAt(words, c.First) is { } owner && owner.End < c.End
                && owner.Best.Entry.Type == EntityType.Organization && owner.Best.Entry.FineType == "InternationalOrganization")
            {
                settled[k] = c with { FineType = "InternationalOrganization" };
                continue;
            }
            if (!InternationalKindHeads.Contains(words[c.End - 1])) continue;
            var hits = _lex.Gazetteer.Lookup(WordRun.Join(words, c.First, c.Length - 1));
            if (hits.FirstOrDefault(h => h.Entry.Type == EntityType.Organization && h.Entry.FineType == "InternationalOrganization") is not { } body) continue;
            settled[k] = c with { FineType = "InternationalOrganization", Canonical = body.Entry.Name };
        }
    }

    /// <summary>Prepositions of place before "Town, State": "near Cedar Key, Florida", "from Sand Harbor, Maine".</summary>
    private static readonly HashSet<string> TownPrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "near", "from", "to", "into", "outside", "around", "off" };

    /// <summary>
    /// "near Cedar Key, Florida": capitalised proper nouns after a preposition of place, then a comma and a U.S. state that
    /// ends the clause, are a town in that state, whether or not the recogniser proposed them (news text writes a town and
    /// its state so); not when a name keyword says the words name a body ("at Stone Reach Inc., Texas").
    /// </summary>
    private void AddTownsBeforeTheirState(Sentence s, List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var state = settled[k];
            if (state.Type != EntityType.Location || state.First < 3 || words[state.First - 1] != ",") continue;
            if (!IsUsState(words, state)) continue;
            if (state.End < words.Count && words[state.End] is not ("," or "." or ";" or ")" or "-" or "\u2014")) continue;
            int end = state.First - 1, first = end;
            while (first > 0 && end - first < 3 && s.Tokens[first - 1].Tag == "NNP" && IsCapitalized(words[first - 1]) && words[first - 1].Any(char.IsLower)) first--;
            if (first == end || first == 0 || !TownPrepositions.Contains(words[first - 1])) continue;
            if (settled.Any(c => c.First < end && first < c.End) || Keyword(words, first, end) is not null) continue;
            settled.Insert(k, new Candidate(s.Index, first, end, EntityType.Location, "City", MentionKind.Name, "rule", PriorityGazetteer + 1));
            k++;
        }
    }

    /// <summary>
    /// "Coast Guard Air Station Kestrel Point", "Air Station Kestrel Point": a facility's head among the first words and only
    /// the words of a place's name after it (not after another body's head: "Training Center Camp Alder" is a centre at a camp).
    /// </summary>
    private bool IsFacilityNamedAfterPlace(List<string> words, int first, int end)
    {
        for (int j = first; j < end - 1 && j <= first + 4; j++)
        {
            if (!FacilityHeads.Contains(words[j])) continue;
            if (end - j > 4 || j > first && _lex.OrgKeywords.Lookup(words[j - 1]).Any(k => k.FineType != "ArmedForces")) return false;
            return Enumerable.Range(j + 1, end - j - 1).All(k => IsTitleCase(words[k]) && (_lex.OrgKeywords.Lookup(words[k]).Count == 0 || PlacePrefixes.Contains(words[k]))
                && !DateWords.Contains(words[k]));
        }
        return false;
    }

    /// <summary>Head nouns of facilities that are named after a place: "Station Harbor City", "Air Base Kestrel City".</summary>
    internal static readonly HashSet<string> FacilityHeads = new(StringComparer.Ordinal) { "Station", "Base", "Airport", "Airfield", "Camp" };

    /// <summary>Courtesy titles ("Mr.", "Ms.", "Sir") say someone is a person, not what they do: no role. The reading as a
    /// title before names comes first; a role noun with no such reading ("candidate", written in an apposition or, as in
    /// "backed candidate Ana Ruiz", right before a name) gives its own role; no reading at all gives none.</summary>
    internal static string? RoleOf(IReadOnlyList<TitleEntry> titles)
    {
        var role = (titles.FirstOrDefault(t => t.PrecedesNames) ?? titles.FirstOrDefault(t => t.ImpliesPerson))?.Role;
        return role is "mister" or "missus" or "ms" or "miss" or "sir" or "madam" or "mister." or "excellency" or "honourable" or "honorable" ? null : role;
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
    /// Any other plural or collective agent noun after the country ("Peruvian police", "Chadian rebels", "Norway's
    /// doctors") is a generic actor: the country plus the agent's CAMEO code, named by the demonym and the noun.
    /// </summary>
    private void AddAnchoredDescriptions(Document doc, Sentence s, List<string> words, List<PlacedMention> mentions)
    {
        NameCountryGovernments(doc, s, mentions);
        NameCountryForces(doc, s, mentions);
        for (int k = mentions.Count - 1; k >= 0 && mentions[k].Mention.SentenceIndex == s.Index; k--)
        {
            var m = mentions[k];
            if (m.Mention.Type != EntityType.Location || m.Mention.FineType != "Country" || m.Mention.Canonical is null) continue;
            if (m.Mention.Span.End != s.Tokens[m.EndToken - 1].End) continue; // "French-led": a prefix, not a possessor
            if (PremodifiedByGroup(s, mentions, k)) continue; // "the Tarnic-run Velbian army": the group's, not the country's
            int i = m.EndToken;
            if (m.Mention.Kind != MentionKind.Demonym)
            {
                if (i >= words.Count || words[i] is not ("'s" or "\u2019s")) continue;
                i++;
            }
            // skip adjectives: "Chad's own defense forces", "the Chadian armed forces"
            int headStart = i;
            while (headStart < words.Count && s.Tokens[headStart].Tag is "JJ" or "VBN" && _lex.Descriptors.LongestMatchAt(words, headStart).Length == 0
                   && _lex.Agents.LongestMatchAt(words, headStart).Length == 0) headStart++;
            if (headStart >= words.Count) continue;
            var country = m.Mention.Canonical;
            var (len, entries) = _lex.Descriptors.LongestMatchAt(words, headStart);
            string? fine = len == 0 ? null : entries.SelectMany(e => e.FineTypes).FirstOrDefault(f => f is "Government" or "ArmedForces");
            string? agent = fine switch { "Government" => "GOV", "ArmedForces" => "MIL", _ => null };
            // "the Iraqi parliament", "the Latvian Parliament": a legislature (agents.tsv's LEG) is the country's actor of
            // its own, not the country's government
            if (fine == "Government" && IsLegislature(words, headStart, len)) (fine, agent) = ("Agent", "LEG");
            if (fine is null)
            {
                var head = AgentHead(s, words, headStart);
                if (head is null) continue;
                (len, agent) = (head.Value.Length, head.Value.Code);
                fine = agent switch { "GOV" => "Government", "MIL" => "ArmedForces", _ => "Agent" };
            }
            int headEnd = headStart + len;
            // the head must end the noun phrase: "Chadian army officers" is about officers
            if (headEnd < words.Count && s.Tokens[headEnd].Tag is "NN" or "NNS" or "NNP" or "NNPS") continue;
            // "Kessland's steady military, financial and diplomatic help": a one-word head that English also uses as an
            // adjective ("military"), followed by a comma or "and"/"or" and an adjective, is one of coordinated modifiers of a
            // later noun, no body (other42)
            if (len == 1 && (words[headStart].Equals("military", StringComparison.OrdinalIgnoreCase) || s.Tokens[headStart].Tag == "JJ")
                && headEnd + 1 < words.Count && words[headEnd] is "," or "and" or "or" && s.Tokens[headEnd + 1].Tag == "JJ") continue;
            var canonical = fine switch
            {
                "Government" => $"Government of {country}",
                "ArmedForces" => $"Armed Forces of {country}",
                _ => $"{_lex.Demonyms.GetValueOrDefault(country, country)} {WordRun.Join(words, headStart, len).ToLowerInvariant()}",
            };
            int start = m.Mention.Span.Start, end = s.Tokens[headEnd - 1].End;
            var mention = new Mention(new TextSpan(start, end), doc.Text[start..end], s.Index, EntityType.Organization, fine,
                MentionKind.Descriptor, "rule", canonical);
            mentions[k] = new PlacedMention(mention, m.FirstToken, headEnd, null, country, agent, null, m.Mention);
        }
        AddPlacedAgents(doc, s, words, mentions);
        AddUnplacedAgents(doc, s, words, mentions);
    }

    /// <summary>
    /// "The Kessland Government seized the funds", "the US Government": an organisation's name made of a country's name or
    /// acronym (as the gazetteer knows it) and "Government" is that country's government, the node "Peru's government" and
    /// "the Peruvian government" name too ("Government of Peru", agent GOV, NATIONALITY to the country). Not a name with
    /// more words ("U.S. Government Accountability Office"), nor a region's or a city's ("Kessland City Government").
    /// </summary>
    private void NameCountryGovernments(Document doc, Sentence s, List<PlacedMention> mentions)
    {
        for (int k = mentions.Count - 1; k >= 0 && mentions[k].Mention.SentenceIndex == s.Index; k--)
        {
            var m = mentions[k];
            if (m.Mention is not { Type: EntityType.Organization, Kind: MentionKind.Name } || m.Agent is not null || m.EndToken - m.FirstToken < 2
                || s.Tokens[m.EndToken - 1].Text != "Government") continue;
            var prefixEnd = s.Tokens[m.EndToken - 2].End;
            var prefix = doc.Text[m.Mention.Span.Start..prefixEnd];
            var country = _lex.Gazetteer.CountryNamed(prefix);
            if (country is null) continue;
            var anchor = new Mention(new TextSpan(m.Mention.Span.Start, prefixEnd), prefix, s.Index, EntityType.Location, "Country", MentionKind.Name, "gazetteer", country);
            mentions[k] = m with
            {
                Mention = m.Mention with { FineType = "Government", Source = "rule", Canonical = $"Government of {country}" },
                AnchorCountry = country, Agent = "GOV", Anchor = anchor,
            };
        }
    }

    /// <summary>
    /// "The Kessland Defence Forces trained", "the Velbian Armed Forces", "UK Armed Forces": an organisation's name made of
    /// a country (its name, acronym or demonym, as the gazetteer knows it) and a head the descriptions lexicon reads as a
    /// country's whole armed forces (a compound ending in "forces" or its singular: "armed forces", "defence forces",
    /// "security forces", "military forces"; or "military") is that country's armed forces, the node the same words in
    /// lower case ("Kessland defence forces", "Velbian troops") name ("Armed Forces of Kessland", agent MIL, NATIONALITY
    /// to the country). Not one service ("Kessland Army", "Kessland Air Force": a branch of its own), nor a name with
    /// other words ("Kessland Special Forces", "Velbian Rapid Support Forces", "Kessland Self-Defence Forces"), nor one a group
    /// premodifies ("the Tarnic-run Velbian Armed Forces": that group's forces).
    /// </summary>
    private void NameCountryForces(Document doc, Sentence s, List<PlacedMention> mentions)
    {
        for (int k = mentions.Count - 1; k >= 0 && mentions[k].Mention.SentenceIndex == s.Index; k--)
        {
            var m = mentions[k];
            if (m.Mention is not { Type: EntityType.Organization, Kind: MentionKind.Name } || m.Agent is not null || m.EndToken - m.FirstToken < 2) continue;
            if (PremodifiedByGroup(s, mentions, k)) continue;
            for (int p = m.EndToken - 1; p >= Math.Max(m.FirstToken + 1, m.EndToken - 2); p--)
            {
                var head = string.Join(' ', Enumerable.Range(p, m.EndToken - p).Select(t => s.Tokens[t].Text.ToLowerInvariant()));
                if (!IsWholeForceHead(head)) continue;
                var prefixEnd = s.Tokens[p - 1].End;
                var prefix = doc.Text[m.Mention.Span.Start..prefixEnd];
                var country = _lex.Gazetteer.Lookup(prefix).FirstOrDefault(h => h.Kind is MentionKind.Name or MentionKind.Acronym or MentionKind.Demonym
                    && h.Entry.Type == EntityType.Location && h.Entry.FineTypes.Contains("Country"))?.Entry.Name;
                if (country is null) continue;
                var anchor = new Mention(new TextSpan(m.Mention.Span.Start, prefixEnd), prefix, s.Index, EntityType.Location, "Country", MentionKind.Name, "gazetteer", country);
                mentions[k] = m with
                {
                    Mention = m.Mention with { FineType = "ArmedForces", Source = "rule", Canonical = $"Armed Forces of {country}" },
                    AnchorCountry = country, Agent = "MIL", Anchor = anchor,
                };
                break;
            }
        }
    }

    /// <summary>Participles that make a group the controller of what follows: "the Tarnic-run ...", "the Vessim-backed ...".</summary>
    private static readonly HashSet<string> GroupControlParticiples = new(StringComparer.OrdinalIgnoreCase) { "run", "led", "controlled", "aligned", "backed", "allied", "dominated", "held" };

    /// <summary>
    /// "the Tarnic-run Velbian Armed Forces", "the Red Hand Velbian Armed Forces": a name premodified by a group (a hyphenated
    /// "X-run / -led / -controlled / -aligned / -backed" word, or an armed group's name right before it) names that group's
    /// forces, a rival body to the state's own, not the country's whole armed forces
    /// </summary>
    private bool PremodifiedByGroup(Sentence s, List<PlacedMention> mentions, int k)
    {
        int first = mentions[k].FirstToken;
        if (first == 0) return false;
        var before = s.Tokens[first - 1].Text;
        int dash = before.LastIndexOf('-');
        // (a country's "Kessland-backed" or "Velbian-led" is a state's support, no rival group's control)
        if (dash > 0 && GroupControlParticiples.Contains(before[(dash + 1)..]) && !IsCountryWord(before[..dash])) return true;
        if (first >= 3 && GroupControlParticiples.Contains(before) && s.Tokens[first - 2].Text is "-" or "\u2010" or "\u2011" && !IsCountryWord(s.Tokens[first - 3].Text)) return true;
        for (int j = k - 1; j >= 0 && mentions[j].Mention.SentenceIndex == s.Index; j--)
            if (mentions[j].EndToken == first) return mentions[j].Mention.FineType == "ArmedGroup";
        return false;
    }

    /// <summary>A country's name, acronym or demonym as the gazetteer knows it ("Kessland", "Velbian").</summary>
    private bool IsCountryWord(string word) => _lex.Gazetteer.Lookup(word).Any(h => h.Entry.Type == EntityType.Location && h.Entry.FineTypes.Contains("Country"));

    /// <summary>A head naming a country's whole armed forces: "military", or a compound of descriptors.tsv ending in "forces" (or its singular).</summary>
    private bool IsWholeForceHead(string head)
    {
        static bool Force(IReadOnlyList<DescriptorEntry> entries) => entries.Any(e => e.Type == EntityType.Organization && e.FineTypes.Contains("ArmedForces"));
        if (head == "military") return Force(_lex.Descriptors.Lookup(head));
        if (!head.Contains(' ')) return false;
        if (head.EndsWith(" forces", StringComparison.Ordinal)) return Force(_lex.Descriptors.Lookup(head));
        return head.EndsWith(" force", StringComparison.Ordinal) && Force(_lex.Descriptors.Lookup(head + "s"));
    }

    /// <summary>
    /// Agent codes whose nouns without a country are left to other readers: a government or army noun ("the government",
    /// "the army") is the document's country's (coreference), and "people" is everyone.
    /// </summary>
    private static readonly HashSet<string> UnplacedAgentsLeftOut = new(StringComparer.Ordinal) { "GOV", "MIL", "PPL" };

    /// <summary>
    /// "Protesters clashed with police", "militants attacked the convoy": a plural or collective agent noun with no country
    /// or place is a generic actor of this document (its node's id names the document, and it never merges with another
    /// article's); the pipeline keeps it only when it takes part in a relationship. A noun owned by someone ("their
    /// supporters", "the group's fighters") or followed by "of"/"in" belongs to what owns or places it, and is left alone.
    /// </summary>
    /// <summary>Whether a mention of the list (of the kind, when given) covers token <paramref name="t"/> (a loop: no
    /// closure per token).</summary>
    private static bool Covers(List<PlacedMention> list, int t, MentionKind? kind)
    {
        foreach (var x in list)
            if (x.FirstToken <= t && t < x.EndToken && (kind is null || x.Mention.Kind == kind)) return true;
        return false;
    }

    private void AddUnplacedAgents(Document doc, Sentence s, List<string> words, List<PlacedMention> mentions)
    {
        int from = mentions.Count;
        while (from > 0 && mentions[from - 1].Mention.SentenceIndex == s.Index) from--;
        var here = mentions.GetRange(from, mentions.Count - from);
        bool Covered(int t) => Covers(here, t, null);
        int added = 0;
        for (int i = 0; i < words.Count; i++)
        {
            if (Covered(i)) continue;
            var head = AgentHead(s, words, i);
            if (head is null || UnplacedAgentsLeftOut.Contains(head.Value.Code)) continue;
            int after = i + head.Value.Length;
            // the dictionary's CVL and BUS also hold places and things ("villages", "tankers"): people only
            var lemma = s.Tokens[after - 1].Lemma ?? words[after - 1].ToLowerInvariant();
            if (VehicleNouns.Contains(lemma) || VehicleNouns.Contains(words[after - 1])
                || _lex.Descriptors.Lookup(words[after - 1].ToLowerInvariant()).Any(d => d.Type == EntityType.Location)) continue;
            if (Enumerable.Range(i, head.Value.Length).Any(Covered)) continue;
            if (after < words.Count && words[after] is "of" or "in" or "from" or "'s" or "’s") continue;
            // modifiers before the noun belong to the phrase ("riot police", "armed militants"); an owner takes it away
            int first = i;
            // (adjectives only: "detained several insurgents" is a verb and a quantifier before the noun)
            while (first > 0 && s.Tokens[first - 1].Tag is "JJ" && char.IsLower(words[first - 1][0]) && !Covered(first - 1)
                   && !Quantifiers.Contains(char.ToUpperInvariant(words[first - 1][0]) + words[first - 1][1..]) && words[first - 1] is not ("more" or "other")) first--;
            // "the company", "the militants": a definite description the descriptors lexicon knows refers back to a named
            // body (coreference resolves it), it introduces no actor
            // the determiner of the noun phrase, past its modifiers ("a Russian state-funded private military company")
            int det = first - 1;
            while (det >= 0 && (s.Tokens[det].Tag is "JJ" or "JJR" or "JJS" or "VBN" or "VBG" || words[det].Contains('-') && char.IsLetter(words[det][0])
                                || Covered(det) && Covers(here, det, MentionKind.Demonym))) det--;
            var determiner = det >= 0 ? words[det].ToLowerInvariant() : "";
            if (determiner is "the" or "this" or "these" or "that" or "those" && _lex.Descriptors.Lookup(words[after - 1].ToLowerInvariant()).Count > 0) continue;
            // "The Redwood Group is a private military company": a singular noun after "a" describes one thing (often what
            // the sentence says a named body is), not a group of people
            if (determiner is "a" or "an" or "another" or "each" or "every" or "one") continue;
            if (first > 0 && (s.Tokens[first - 1].Tag is "PRP$" or "POS" || words[first - 1] is "'s" or "\u2019s" || Covered(first - 1)
                              || s.Tokens[first - 1].Tag is "NNP" or "NNPS" or "NN" or "CD")) continue;
            var agentWords = WordRun.Join(words, i, head.Value.Length).ToLowerInvariant();
            var canonical = char.ToUpperInvariant(agentWords[0]) + agentWords[1..];
            int start = s.Tokens[first].Start, end = s.Tokens[after - 1].End;
            var mention = new Mention(new TextSpan(start, end), doc.Text[start..end], s.Index, EntityType.Organization, "Agent",
                MentionKind.Descriptor, "rule", canonical);
            mentions.Add(new PlacedMention(mention, first, after, null, null, head.Value.Code, DocumentScoped: true));
            added++;
            i = after - 1;
        }
        if (added > 0)
            mentions.Sort(from, mentions.Count - from, Comparer<PlacedMention>.Create((a, b) => a.FirstToken.CompareTo(b.FirstToken)));
    }

    /// <summary>
    /// An agent noun that heads a noun phrase for a group: plural ("rebels", "doctors", "border guards") or collective
    /// ("police", "military"), lower case, and not followed by another noun ("police officers" is about officers).
    /// A singular person noun ("a Peruvian doctor", "the French president") is one person, not an actor.
    /// </summary>
    /// <summary>Whether the words at <paramref name="start"/> are a legislature's noun (agents.tsv code LEG: "parliament", "legislature", "senate").</summary>
    private bool IsLegislature(List<string> words, int start, int length) =>
        _lex.Agents.IsLegislature(WordRun.Join(words, start, length).ToLowerInvariant());

    private (int Length, string Code)? AgentHead(Sentence s, List<string> words, int start)
    {
        // lower case, or capitalised only because it opens the sentence ("Police in Lima said ...")
        if (start >= words.Count || !(char.IsLower(words[start][0]) || start == 0 && words[start].Skip(1).All(char.IsLower))) return null;
        var (len, entries) = _lex.Agents.LongestMatchAt(words, start);
        if (len == 0) return null;
        int last = start + len - 1;
        if (last + 1 < words.Count && s.Tokens[last + 1].Tag is "NN" or "NNS" or "NNPS") return null;
        var entry = entries[0];
        // the head of "minister of foreign affairs" is "minister": the noun before "of", not the last word
        int of = words.FindIndex(start, len, w => w == "of");
        int headWord = of > start ? of - 1 : last;
        bool plural = s.Tokens[headWord].Tag is "NNS" || of < 0 && !string.Equals(entry.Form, entry.Lemma, StringComparison.Ordinal);
        bool collective = _lex.Descriptors.Lookup(entry.Form).Any(d => d.Type == EntityType.Organization);
        if (!plural && !collective) return null;
        return (len, entry.Primary);
    }

    /// <summary>
    /// Whether the places after the comma at <paramref name="comma"/> go on into a list ("Brevard, Broward and Pasco"): the
    /// run of places split by commas ends in "and" or "or". A run that ends otherwise is an address, a place and the larger
    /// place it lies in ("in Orvin County, Upper Kessa State, on Monday").
    /// </summary>
    private static bool ListOfPlaces(List<string> words, List<PlacedMention> here, int comma)
    {
        int q = comma;
        while (q + 1 < words.Count && words[q] == "," && here.FirstOrDefault(x => x.FirstToken == q + 1 && x.Mention.Type == EntityType.Location) is { } next) q = next.EndToken;
        if (q == comma) return false;
        if (q < words.Count && words[q] == ",") q++;
        return q < words.Count && words[q] is "and" or "or";
    }

    /// <summary>
    /// "police in Lima", "rebels in Chad", "the army of Chad": a plural or collective agent noun followed by "in" or "of"
    /// and a place the text names. The agent words are the mention (the place keeps its own); a country gives the actor
    /// its country, a city or region its place (LOCATED_IN). "of" with a country is that country's government or army.
    /// </summary>
    private void AddPlacedAgents(Document doc, Sentence s, List<string> words, List<PlacedMention> mentions)
    {
        int from = mentions.Count;
        while (from > 0 && mentions[from - 1].Mention.SentenceIndex == s.Index) from--;
        var here = mentions.GetRange(from, mentions.Count - from);
        bool Covered(int t) => Covers(here, t, null);
        PlacedMention? PlaceAfter(int after)
        {
            if (after + 1 >= words.Count || words[after] is not ("in" or "of")) return null;
            int p = after + 1;
            if (p < words.Count && words[p] == "the") p++;
            // (a loop, not a closure over p: this is asked at every token)
            foreach (var x in here)
                if (x.FirstToken == p && x.Mention.Type == EntityType.Location && x.Mention.Kind is MentionKind.Name or MentionKind.Acronym) return x;
            return null;
        }
        // The agent's words end right before "in"/"of" and a place: the token after which such a place comes next, so
        // the agent lexicon is only asked at tokens a phrase of its length (MaxWords at most) can reach one from.
        var nextPlaceAfter = new int[words.Count + 1];
        nextPlaceAfter[words.Count] = int.MaxValue;
        for (int a = words.Count - 1; a >= 0; a--)
            nextPlaceAfter[a] = here.Count > 0 && PlaceAfter(a) is not null ? a : nextPlaceAfter[a + 1];
        for (int i = 0; i + 2 < words.Count; i++)
        {
            if (nextPlaceAfter[i + 1] - i > _lex.Agents.MaxWords) continue;
            if (Covered(i)) continue;
            var head = AgentHead(s, words, i);
            if (head is null) continue;
            int after = i + head.Value.Length;
            var place = PlaceAfter(after);
            if (place is null) continue;
            // the place ends the phrase: "police in Lima province" is about the province, "residents of Brevard, Broward
            // and Pasco counties" about all three
            if (place.EndToken < words.Count && (s.Tokens[place.EndToken].Tag is "NN" or "NNS" || words[place.EndToken] is "and" or "or"
                || words[place.EndToken] == "," && ListOfPlaces(words, here, place.EndToken))) continue;
            bool isCountry = place.Mention.FineType == "Country" && place.Mention.Canonical is not null;
            var code = head.Value.Code;
            if (!isCountry && code is "GOV" or "MIL" && words[after] == "of") continue; // "the government of Lima province": a local body
            var placeName = place.Mention.Canonical ?? place.Mention.Text;
            // "the government in Vellmar", "the regime in Vellmar", where the gazetteer's countries list Vellmar as a
            // country's capital: that country's government, as "the government of Kessland" ("the harsh regime in Vellmar"
            // too, whatever the tagger makes of its adjectives); not a government a word before it places lower ("the city
            // government", "the local government in Vellmar") or a name owns, nor "the government of Vellmar" (the city's, above)
            if (!isCountry && code == "GOV" && head.Value.Length == 1 && words[i] is "government" or "regime" && words[after] == "in"
                && !Enumerable.Range(0, i).Reverse().TakeWhile(k => s.Tokens[k].Tag is "JJ" or "NN" or "NNP" or "," || words[k] == "and")
                    .Any(k => s.Tokens[k].Tag is "NNP" || LowerGovernments.Contains(words[k]))
                && CapitalsCountry(place.Mention.Text) is { } ofCapital)
                (isCountry, placeName) = (true, ofCapital);
            string? country = isCountry ? placeName : null;
            if (country is null && _lex.Gazetteer.Lookup(place.Mention.Text) is { Count: > 0 } hits && hits[0].Entry.Country is { } cca3
                && hits[0].Entry.Type == EntityType.Location && !hits[0].Entry.FineTypes.Contains("Country"))
                country = _lex.CountryNames.GetValueOrDefault(cca3);
            // modifiers before the noun belong to the phrase: "riot police in Lima"
            int first = i;
            while (first > 0 && s.Tokens[first - 1].Tag is "JJ" or "NN" && char.IsLower(words[first - 1][0]) && !Covered(first - 1)) first--;
            var agentWords = WordRun.Join(words, i, head.Value.Length).ToLowerInvariant();
            string fine = isCountry ? code switch { "GOV" => "Government", "MIL" => "ArmedForces", _ => "Agent" } : "Agent";
            var canonical = fine switch
            {
                "Government" => $"Government of {placeName}",
                "ArmedForces" => $"Armed Forces of {placeName}",
                // a node's name is capitalised: "Riot police in Accra"
                _ => isCountry ? $"{_lex.Demonyms.GetValueOrDefault(placeName, placeName)} {agentWords}"
                    : $"{char.ToUpperInvariant(agentWords[0])}{agentWords[1..]} {words[after]} {placeName}",
            };
            int start = s.Tokens[first].Start, end = s.Tokens[after - 1].End;
            var mention = new Mention(new TextSpan(start, end), doc.Text[start..end], s.Index, EntityType.Organization, fine,
                MentionKind.Descriptor, "rule", canonical);
            var phrase = doc.Text[start..place.Mention.Span.End];
            mentions.Add(new PlacedMention(mention, first, after, null, isCountry ? placeName : null, code, isCountry ? null : placeName, place.Mention, phrase));
            i = after;
        }
        mentions.Sort(from, mentions.Count - from, Comparer<PlacedMention>.Create((a, b) => a.FirstToken.CompareTo(b.FirstToken)));
    }

    /// <summary>
    /// The country a regime's name at [first, end) is tied to: "in" (and "the") and a country's name right after it ("the
    /// Kessler Regime in Ostland"), or a country's name and its possessive right before it ("Ostland's Kessler Regime"); else null.
    /// </summary>
    private string? RegimeCountry(List<string> words, int first, int end)
    {
        if (end + 1 < words.Count && words[end] == "in")
        {
            int p = end + 1;
            if (p < words.Count && words[p] is "the") p++;
            for (int len = Math.Min(3, words.Count - p); len >= 1; len--)
                if (_lex.Gazetteer.CountryNamed(WordRun.Join(words, p, len)) is { } after
                    && (p + len >= words.Count || !IsCapitalized(words[p + len]))) return after;
        }
        if (first >= 2 && words[first - 1] is "'s" or "\u2019s")
            for (int len = Math.Min(3, first - 1); len >= 1; len--)
                if (_lex.Gazetteer.CountryNamed(WordRun.Join(words, first - 1 - len, len)) is { } before) return before;
        return null;
    }

    /// <summary>Adjectives that put a government below the country's (a closed class of English): "the local government".</summary>
    private static readonly HashSet<string> LowerGovernments = new(StringComparer.OrdinalIgnoreCase)
        { "local", "municipal", "provincial", "regional", "state", "city", "county", "district", "metropolitan", "tribal" };

    /// <summary>The country whose capital the gazetteer's countries list names so ("Vellmar" -> "Kessland"), or null.</summary>
    private string? CapitalsCountry(string name) =>
        _lex.Gazetteer.Lookup(name) is { Count: > 0 } hits && hits[0].Entry is { Type: EntityType.Location, Country: { } cca3 } entry
        && entry.Source.EndsWith("(capital)", StringComparison.Ordinal) && entry.Name == name
            ? _lex.CountryNames.GetValueOrDefault(cca3) : null;

    /// <summary>
    /// "Libyan smugglers left the port ... the smugglers clashed with police": an agent noun written without a country
    /// refers back to the group the article last named with that noun; when that is an actor the article gave one country
    /// or place ("Libyan smugglers"), it is that actor. Not when the article gives the noun two countries or places
    /// ("Libyan smugglers and Tunisian smugglers ... the smugglers"), nor when the noun's last use before it is another
    /// group ("arrested three smugglers from different countries ... the smugglers"), nor before the country's actor is named
    /// (nothing to refer back to), nor after "other" ("other smugglers" are others), nor for another noun of the code
    /// ("Libyan smugglers ... kidnappers"). Nor when the noun is generic or quantified, a description of any such people
    /// rather than a reference back: after "all", "any", "most", "many" or "some" ("all smugglers pay a fee"), with an
    /// adjective of its own ("armed smugglers", a country's demonym would have anchored it), or followed by a relative
    /// clause ("smugglers who cross the desert"). One pass over the article's tokens; actors looked up by code and noun, each use answered by a binary search.
    /// </summary>
    private static void GiveScopedAgentsTheirCountry(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        // the anchored actors by code and by each noun their name may be written with: its words after the demonym
        // ("Libyan smugglers": "smugglers") or before the place ("Smugglers in Tobruk": "smugglers"), in text order
        var anchored = new Dictionary<(string Agent, string Noun), List<PlacedMention>>();
        foreach (var x in result)
        {
            if (x.Agent is null || x.Mention.FineType != "Agent" || x.DocumentScoped || x.AnchorCountry is null && x.AnchorPlace is null
                || x.Mention.Canonical is not { } canonical) continue;
            var name = canonical.ToLowerInvariant();
            for (int sp = name.IndexOf(' '); sp > 0; sp = name.IndexOf(' ', sp + 1))
                foreach (var noun in new[] { name[(sp + 1)..], name[..sp] })
                {
                    if (!anchored.TryGetValue((x.Agent, noun), out var list)) anchored[(x.Agent, noun)] = list = [];
                    if (list.Count == 0 || !ReferenceEquals(list[^1], x)) list.Add(x);
                }
        }
        if (anchored.Count == 0) return;
        foreach (var list in anchored.Values) list.Sort((a, b) => a.Mention.Span.Start.CompareTo(b.Mention.Span.Start));
        // per list: how many of its first actors are one actor (same name, country and place), and the first of them whose
        // words cover each token, so that each use below is answered by a binary search, not a scan of the list
        var uniform = new Dictionary<(string, string), int>();
        var cover = new Dictionary<(string, string), Dictionary<(int Sentence, int Token), int>>();
        foreach (var (key, list) in anchored)
        {
            int u = 1;
            while (u < list.Count && (list[u].Mention.Canonical, list[u].AnchorCountry, list[u].AnchorPlace) == (list[0].Mention.Canonical, list[0].AnchorCountry, list[0].AnchorPlace)) u++;
            uniform[key] = u;
            var first = new Dictionary<(int Sentence, int Token), int>();
            for (int i = 0; i < list.Count; i++)
                for (int t = list[i].FirstToken; t < list[i].EndToken; t++) first.TryAdd((list[i].Mention.SentenceIndex, t), i);
            cover[key] = first;
        }
        // every use of a scoped actor's head noun, in text order: where the noun was last written before each actor
        var heads = result.Where(m => m.DocumentScoped && m.Mention.Canonical is not null)
            .Select(m => HeadNoun(m.Mention.Canonical!)).ToHashSet(StringComparer.Ordinal);
        if (heads.Count == 0) return;
        var lastBefore = new Dictionary<(int Sentence, int Token), (int Sentence, int Token)>();
        var last = new Dictionary<string, (int Sentence, int Token)>(StringComparer.Ordinal);
        foreach (var s in sentences)
            for (int t = 0; t < s.Tokens.Count; t++)
            {
                var head = s.Tokens[t].Text.ToLowerInvariant();
                if (!heads.Contains(head)) continue;
                if (last.TryGetValue(head, out var before)) lastBefore[(s.Index, t)] = before;
                last[head] = (s.Index, t);
            }
        // the tokens of the uses already found to be an actor's, with that actor's name
        var joined = new Dictionary<(int Sentence, int Token), string>();
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (!m.DocumentScoped || m.Agent is null || m.Mention.Canonical is not { } own) continue;
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            if (m.FirstToken > 0 && tokens[m.FirstToken - 1].Text.ToLowerInvariant() is "other" or "all" or "any" or "most" or "many" or "some") continue;
            // (an adjective before the noun, or a relative clause after it: a kind of people, not the group named before)
            if (m.FirstToken < m.EndToken - own.Count(c => c == ' ') - 1
                || m.EndToken < tokens.Count && tokens[m.EndToken].Text.ToLowerInvariant() is "who" or "whom" or "that") continue;
            var noun = own.ToLowerInvariant();
            // the actor's name is the country's demonym and the noun ("Libyan smugglers") or the noun and its place ("Smugglers in Tobruk")
            if (!anchored.TryGetValue((m.Agent, noun), out var candidates)) continue;
            // the actors written before this use (a binary search): one actor only
            int lo = 0, hi = candidates.Count;
            while (lo < hi) { int mid = (lo + hi) / 2; if (candidates[mid].Mention.Span.Start < m.Mention.Span.Start) lo = mid + 1; else hi = mid; }
            if (lo == 0 || lo > uniform[(m.Agent, noun)]) continue;
            int before = lo;
            // the noun's last use before this one must be that actor's
            if (!lastBefore.TryGetValue((m.Mention.SentenceIndex, m.EndToken - 1), out var previous)) continue;
            // (or a use already found to be that actor's: "Libyan smugglers ... the smugglers ... the smugglers")
            var actor = candidates[0];
            if (!(joined.TryGetValue(previous, out var joinedTo) && joinedTo == actor.Mention.Canonical
                  || cover[(m.Agent, noun)].TryGetValue(previous, out int coveredBy) && coveredBy < before)) continue;
            result[k] = m with { Mention = m.Mention with { Canonical = actor.Mention.Canonical }, DocumentScoped = false,
                AnchorCountry = actor.AnchorCountry, AnchorPlace = actor.AnchorPlace };
            for (int t = m.FirstToken; t < m.EndToken; t++) joined[(m.Mention.SentenceIndex, t)] = actor.Mention.Canonical!;
        }
    }

    /// <summary>CAMEO's code for the civilian population (agents.tsv: civilians, women, children, residents, victims ...).</summary>
    private const string PopulationCode = "CVL";

    private static string HeadNoun(string canonical) => canonical[(canonical.LastIndexOf(' ') + 1)..].ToLowerInvariant();

    /// <summary>
    /// One actor per country (or place) and agent inside a document: "Peruvian police" and "police in Peru" are one node,
    /// named by the first form the text uses. An actor with no country or place is one per agent noun when its code is
    /// the population's (CVL): the dictionary files women, children, residents, victims, villagers and communities under
    /// that one code, and a text that writes two of these nouns names two groups ("the women ... the children"), while the
    /// nouns of one role name one group ("protesters ... demonstrators", "police ... policemen").
    /// </summary>
    private static void UnifyAgents(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        GiveScopedAgentsTheirCountry(sentences, result);
        var names = new Dictionary<(string, string), string>();
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (m.Agent is null || m.Mention.FineType != "Agent") continue;
            var key = (m.DocumentScoped ? "#" : m.AnchorCountry ?? "@" + m.AnchorPlace,
                m.DocumentScoped && m.Agent == PopulationCode ? m.Agent + "|" + m.Mention.Canonical!.ToLowerInvariant() : m.Agent);
            if (!names.TryGetValue(key, out var name)) names[key] = name = m.Mention.Canonical!;
            if (name != m.Mention.Canonical) result[k] = m with { Mention = m.Mention with { Canonical = name } };
        }
    }
}
