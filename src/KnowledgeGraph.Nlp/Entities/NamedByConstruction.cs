using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>
/// What the words around a name say it names, read over the whole article once the names are found: "an outbreak of
/// Tarsin" names a disease, "a memorandum of agreement (MOA)" an agreement, "Veltro pistols" the pistols' maker,
/// "said Okafor" a person (docs/entities.md, "Types from constructions"; specs in Entities/Specs/constructions.md).
/// Each rule is a construction of English with a small closed class of words, not a list of names.
/// </summary>
internal static class NamedByConstruction
{
    public static void Apply(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        TypeStatesAsPlaces(result, lex);
        TypeTitledSurnames(sentences, result, lex);
        TypeNamesOpenedByGivenNames(sentences, result, lex);
        TypePeopleByAge(sentences, result, lex);
        TypePlacesWrittenWithTheirCountry(sentences, result, lex);
        TypePlacesListedWithPlaces(sentences, result, lex);
        TypeSubdivisionsOfPlaces(sentences, result, lex);
        TypeExamplesOfPlaceNouns(sentences, result, lex);
        TypeEndsOfJourneys(sentences, result, lex);
        DropCountriesOfAmericanPeoples(sentences, result);
        TypeIslandsNamedKey(result);
        DropDiseases(sentences, result, lex);
        TypeAcronymsOfDescriptions(sentences, result, lex);
        TypeMakersBeforeProducts(sentences, result, lex);
        DropWeaponModels(sentences, result, lex);
        TypeSpeakersAfterSpeechVerbs(sentences, result, lex);
        TypePeopleBeforeWho(sentences, result, lex);
        TypeVictims(sentences, result, lex);
        TypeMeetingsHeld(sentences, result, lex);
        TypeMeetingsByTime(sentences, result, lex);
        TypeDrillsAndRecurringEvents(sentences, result, lex);
        TypeNamesAfterUndertakingTitles(sentences, result, lex);
        TypeBodiesAfterNgo(sentences, result, lex);
        JoinNumberedUnitAcronyms(sentences, result);
        JoinAliasesNamedAfterAka(sentences, result);
        TypeByAppositives(sentences, result, lex);
        TypeByAppositiveTitles(sentences, result, lex);
        UntypeCivilDivisions(sentences, result, lex);
    }

    private static bool IsNamed(PlacedMention m) => m.Mention.Kind is MentionKind.Name or MentionKind.Acronym;

    private static string Word(IReadOnlyList<Sentence> sentences, PlacedMention m, int k) =>
        k >= 0 && k < sentences[m.Mention.SentenceIndex].Tokens.Count ? sentences[m.Mention.SentenceIndex].Tokens[k].Text : "";

    /// <summary>A name that says what it is by its own words: a given name opening it ("Ana Ruiz"), a name keyword or a title
    /// in it, or the whole name a keyword.</summary>
    internal static bool HasOwnEvidence(LexiconSet lex, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && lex.GivenNames.Contains(words[0])
               || words.Any(w => lex.OrgKeywords.Lookup(w).Count > 0 || lex.Titles.Lookup(w).Count > 0)
               || lex.OrgKeywords.Lookup(name).Count > 0;
    }

    private static bool Known(LexiconSet lex, string name) => lex.Gazetteer.Lookup(name).Count > 0 || lex.UsStates.Contains(name);

    /// <summary>
    /// "arrested in New York Dec. 14", "Vermont's State Police": a name that is the whole name of a U.S. state is that state,
    /// a place, whatever the recogniser took it for (a body named after a state is a longer name: "New York Police Department")
    /// </summary>
    private static void TypeStatesAsPlaces(List<PlacedMention> result, LexiconSet lex)
    {
        for (int k = 0; k < result.Count; k++)
            if (result[k].Mention is { Type: EntityType.Organization or EntityType.Person, Kind: MentionKind.Name } m && m.Source != "gazetteer" && lex.UsStates.Contains(m.Text))
                result[k] = result[k] with { Mention = m with { Type = EntityType.Location, FineType = null, Canonical = null }, Role = null, Agent = null };
    }

    /// <summary>
    /// "Captain Orrin Dace led the patrol. ... 'We are ready,' Captain Dace said": a name the recogniser took for a body or a
    /// place that is a person's title written before names (titles.tsv: a prefix title of a person) and one capitalised
    /// word is that person when the article also names a person with that word as the surname (a given name or an initial
    /// before it); the title is cut off the mention and kept as the role ("Mr." gives none), so the surname joins the full
    /// name. Without such a person the two words may name a ship, a brand or a place named after one ("the frigate Admiral
    /// Orlov", "fighting near Sheikh Zarin"), and the recogniser's type stands. Not when the word is a name keyword, a
    /// title, a common word of English, a U.S. state or a place the gazetteer knows, nor when it knows the whole name, nor
    /// after a one-word title that is a common word too ("General Dynamics": "general" reads as an adjective).
    /// </summary>
    private static void TypeTitledSurnames(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        HashSet<string>? surnames = null;
        for (int k = 0; k < result.Count; k++)
        {
            if (result[k].Mention is not { Type: EntityType.Organization or EntityType.Location, Kind: MentionKind.Name } m || m.Source == "gazetteer") continue;
            var words = m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (len, titles) = lex.Titles.LongestMatchAt(words, 0);
            if (len == 0 || words.Length != len + 1 || !char.IsUpper(words[0][0]) || !titles.Any(t => t.PrecedesNames && t.ImpliesPerson)) continue;
            // (a one-word title that is a common word of English reads as an adjective or noun too: "General Dynamics")
            if (len == 1 && lex.CommonWords.Contains(words[0].ToLowerInvariant())) continue;
            var last = words[^1];
            if (!MentionFinder.IsTitleCase(last.Replace("-", "", StringComparison.Ordinal)) || lex.OrgKeywords.Lookup(last).Count > 0 || lex.Titles.Lookup(last).Count > 0
                || lex.CommonWords.Contains(last.ToLowerInvariant()) || Known(lex, m.Text) || lex.UsStates.Contains(last)
                || lex.Gazetteer.Lookup(last).Any(h => h.Entry.Type == EntityType.Location)) continue;
            var token = sentences[m.SentenceIndex].Tokens[result[k].EndToken - 1];
            if (token.Text != last || !(surnames ??= PersonSurnames(result, lex)).Contains(last)) continue;
            result[k] = result[k] with
            {
                FirstToken = result[k].EndToken - 1, Role = MentionFinder.RoleOf(titles), Agent = null, AnchorCountry = null,
                Mention = m with { Span = token.Span, Text = last, Type = EntityType.Person, FineType = null, Canonical = null, Source = "rule" },
            };
        }
    }

    /// <summary>
    /// The names the article writes as a speaker: the subject right before a finite verb of saying ("Marlow told reporters",
    /// "Marlow said"; not "Marlow, 54, said"), the name right after a verb of saying that a comma or a closing quotation
    /// mark opens ("..., said Marlow"), or a name written with a title or role ("Mayor Marlow"). One pass over the mentions.
    /// </summary>
    private static HashSet<string> Speakers(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        var speakers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in result)
        {
            if (p.Mention.Kind != MentionKind.Name) continue;
            var tokens = sentences[p.Mention.SentenceIndex].Tokens;
            int f = p.FirstToken, e = p.EndToken;
            static bool Saying(Token t) => t.Tag is "VBD" or "VBZ" or "VBP" && Relations.Grammar.ReportingVerbs.Contains((t.Lemma ?? t.Text).ToLowerInvariant());
            if (p.Role is not null
                || e < tokens.Count && Saying(tokens[e])
                || f >= 2 && Saying(tokens[f - 1]) && (tokens[f - 2].Text == "," || MentionFinder.IsCloseQuote(tokens[f - 2].Text)))
                speakers.Add(p.Mention.Text);
        }
        return speakers;
    }

    /// <summary>The names the article gives a body's evidence: the words before the head of a body named with a body's head
    /// word (a name keyword of org_keywords.tsv ending the name: "Velstra Inc" gives "Velstra", "Orvia Shipping Holdings"
    /// gives "Orvia Shipping"), and a name written after a role noun and "of" ("the chief executive of Norvane": titles.tsv).</summary>
    private static HashSet<string> BodyOpenings(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        var openings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in result)
        {
            if (p.Mention.Kind == MentionKind.Name && p.FirstToken >= 2 && Word(sentences, p, p.FirstToken - 1) == "of"
                && Word(sentences, p, p.FirstToken - 2) is { Length: > 0 } role && char.IsLower(role[0]) && lex.Titles.IsRoleNoun(role))
                openings.Add(p.Mention.Text);
            if (p.Mention is not { Type: EntityType.Organization, Kind: MentionKind.Name } m) continue;
            int space = m.Text.LastIndexOf(' ');
            if (space > 0 && lex.OrgKeywords.Lookup(m.Text[(space + 1)..], KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization))
                openings.Add(m.Text[..space]);
        }
        return openings;
    }

    /// <summary>The surnames of the article's people named with a given name or an initial before the surname ("Orrin Dace", "Admiral O. Dace").</summary>
    private static HashSet<string> PersonSurnames(List<PlacedMention> result, LexiconSet lex)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in result)
        {
            if (p.Mention is not { Type: EntityType.Person, Kind: MentionKind.Name } m) continue;
            var words = m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && lex.Titles.Lookup(words[^2]).Count == 0 && char.IsUpper(words[^2][0])) surnames.Add(words[^1]);
        }
        return surnames;
    }

    /// <summary>
    /// "said Tavin Orrel", "a report by Marta J. Quell": a name of two to four capitalised words (middle initials
    /// allowed) whose first word is a given name of the dictionaries' people names a person, whatever the recogniser took
    /// it for (two words also when the article writes the last one alone as a person, "Orvald Brenning ... Brenning's
    /// death", and the first opens no place's name: "Port Aldwin ... Aldwin said"), unless the gazetteer knows the name or its
    /// first word (a place or body named after a person: "Jordan", "Georgia"; not when the last word is written alone as a
    /// person), a name keyword heads a word of it ("Elena Valley", "Marta Foundation", "Nadia Street") or it is a U.S.
    /// state, or a word of it is no proper noun; the name's first word must open it in the text (no capitalised word right before it)
    /// </summary>
    private static void TypeNamesOpenedByGivenNames(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        if (lex.GivenNames.Count == 0) return;
        // "Orvald Brenning ... Brenning's death": a last word the article writes alone as a person's name is a surname, so the
        // word before it is a given name, even one the dictionaries lack or the gazetteer knows as a place ("Alton")
        var bareSurnames = result.Where(r => r.Mention is { Type: EntityType.Person, Kind: MentionKind.Name } p && p.Text.Length >= 3
                && !p.Text.Contains(' ', StringComparison.Ordinal) && MentionFinder.IsTitleCase(p.Text))
            .Select(r => r.Mention.Text).ToHashSet(StringComparer.Ordinal);
        for (int k = 0; k < result.Count; k++)
        {
            if (result[k].Mention is not { Type: EntityType.Organization or EntityType.Location, Kind: MentionKind.Name, Source: "ner" } m) continue;
            var words = m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // "TANAKA Hiroe, Foreign Minister, ... Minister Tanaka said": a surname in capitals before a given name (the
            // style of East Asian governments' readouts) that the article writes alone as a person is that person's name
            if (words.Length == 2 && words[0].Length >= 2 && words[0].All(char.IsUpper) && MentionFinder.IsTitleCase(words[1])
                && bareSurnames.Contains(words[0][0] + words[0][1..].ToLowerInvariant()))
            {
                result[k] = result[k] with { Mention = m with { Type = EntityType.Person, FineType = null, Canonical = null }, Role = null, Agent = null };
                continue;
            }
            // (two words whose last the article writes alone as a person need no listed given name: "Orvald Brenning")
            if (words.Length is < 2 or > 4 || !lex.GivenNames.Contains(words[0])
                && !(words.Length == 2 && bareSurnames.Contains(words[1]) && !MentionFinder.PlacePrefixes.Contains(words[0]))) continue;
            // (a surname after the first word may open with the Arabic article "al-"/"el-": "Samir al-Haddadi")
            // (and a double-barrelled surname's second part has its capital too: "Tomas Vidal-Arenas")
            if (!words.Select((w, i) => i > 0 && IsArticledSurname(w) || MentionFinder.IsInitial(w) || w.Length > 1 && char.IsUpper(w[0])
                    && w.Skip(1).Select((c, j) => char.IsLower(c) || c is '-' or '\'' || i > 0 && char.IsUpper(c) && w[j] == '-' && j > 0).All(ok => ok)).All(ok => ok)
                || MentionFinder.IsInitial(words[^1])) continue;
            if (words.Any(w => lex.OrgKeywords.Lookup(w).Count > 0) || Known(lex, m.Text)
                || lex.Gazetteer.Lookup(words[0]).Count > 0 && !bareSurnames.Contains(words[^1])
                   && !PersonsEvidenceAround(sentences[m.SentenceIndex].Tokens, result[k].FirstToken, result[k].EndToken, lex)) continue;
            // (every word a proper noun: "Sara Please" and "Charles V. This" end in a verb and a determiner, no surname)
            var tokens = sentences[m.SentenceIndex].Tokens;
            if (result[k].EndToken - result[k].FirstToken != words.Length
                || Enumerable.Range(result[k].FirstToken, words.Length).Any(t => tokens[t].Tag is not ("NNP" or "NNPS") && !MentionFinder.IsInitial(tokens[t].Text))) continue;
            var before = Word(sentences, result[k], result[k].FirstToken - 1);
            if (before.Length > 0 && char.IsUpper(before[0])) continue;
            result[k] = result[k] with { Mention = m with { Type = EntityType.Person, FineType = null, Canonical = null }, Role = null, Agent = null };
        }
    }

    /// <summary>
    /// "including 29-year-old Lima Tessaro", "Lima Tessaro, 41, was freed", "questioned Lima Tessaro, Deputy Minister of
    /// Harbours": an age written before the name as an adjective ("29-year-old"), an age between commas right after it, or a
    /// comma and a person's title (titles.tsv) right after it say the name is a person's. Things have ages too ("the
    /// 40-year-old Velbo Bridge"), so callers ask this only of a name with no name keyword in it.
    /// </summary>
    internal static bool PersonsEvidenceAround(IReadOnlyList<Token> tokens, int first, int end, LexiconSet lex)
    {
        if (AgeBefore(tokens, first) || AgeAfter(tokens, end, orFullStop: true)) return true;
        if (end + 2 >= tokens.Count || tokens[end].Text != ",") return false;
        int j = end + 1;
        if (tokens[j].Text is "the" or "a" or "an") j++;
        var words = new string[Math.Min(tokens.Count - j, 6)];
        for (int t = 0; t < words.Length; t++) words[t] = tokens[j + t].Text;
        var (len, titles) = lex.Titles.LongestMatchAt(words, 0);
        return len > 0 && titles.Any(t => t.ImpliesPerson);
    }

    /// <summary>"29-year-old Lima Tessaro": an age written as an adjective right before the name at <paramref name="first"/>.</summary>
    private static bool AgeBefore(IReadOnlyList<Token> tokens, int first) => first >= 1 && IsAgeAdjective(tokens[first - 1].Text);

    /// <summary>"Lima Tessaro, 41, was freed", "(Lima Tessaro, 41)": an age of one to three digits between a comma and a comma
    /// or a closing bracket (or a full stop, when <paramref name="orFullStop"/>) right after the name ending at <paramref name="end"/>.</summary>
    private static bool AgeAfter(IReadOnlyList<Token> tokens, int end, bool orFullStop) =>
        end + 2 < tokens.Count && tokens[end].Text == "," && tokens[end + 1].Text is { Length: >= 1 and <= 3 } age && age.All(char.IsAsciiDigit)
        && (tokens[end + 2].Text is "," or ")" || orFullStop && tokens[end + 2].Text == ".");

    /// <summary>"29-year-old", "7-year-old": a number of years joined to "year-old" (a person's age before the name).</summary>
    private static bool IsAgeAdjective(string w)
    {
        const string tail = "-year-old";
        if (!w.EndsWith(tail, StringComparison.OrdinalIgnoreCase) || w.Length - tail.Length is < 1 or > 3) return false;
        for (int i = 0; i < w.Length - tail.Length; i++) if (!char.IsAsciiDigit(w[i])) return false;
        return true;
    }

    /// <summary>
    /// "including 29-year-old Lima Tessaro", "Lima Tessaro, 41, was freed": a name of two or three title-case proper nouns
    /// that the recogniser alone took for a body or a place and that an age goes with (before it as an adjective, or
    /// between commas after it) is a person's, whether or not the dictionaries list its first word as a given name. Not a
    /// name with a name keyword in it ("the 40-year-old Velbo Bridge"), one the gazetteer or the states list knows whole, nor
    /// one that modifies a common noun after it ("a 30-year-old Velbo Harbor ferry"). A number between commas after a name
    /// is also a score ("Kessa United, 2, beat Vale Rovers"): there, a name whose last word is a word of ordinary English
    /// (UD EWT common words: "United", "City") is a person's only when its first word is a given name (given_names.tsv);
    /// a surname is rarely such a word ("Lima Orvath, 41," stays a person) (type40, review39)
    /// </summary>
    private static void TypePeopleByAge(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        for (int k = 0; k < result.Count; k++)
        {
            if (result[k].Mention is not { Type: EntityType.Organization or EntityType.Location, Kind: MentionKind.Name, Source: "ner" } m) continue;
            var tokens = sentences[m.SentenceIndex].Tokens;
            int first = result[k].FirstToken, end = result[k].EndToken;
            if (end - first is < 2 or > 3) continue;
            bool before = AgeBefore(tokens, first);
            if (!before && !AgeAfter(tokens, end, orFullStop: false)) continue;
            if (!Enumerable.Range(first, end - first).All(t => tokens[t].Tag is "NNP" && MentionFinder.IsTitleCase(tokens[t].Text))) continue;
            if (!before && lex.CommonWords.Contains(tokens[end - 1].Text.ToLowerInvariant()) && !lex.GivenNames.Contains(tokens[first].Text)) continue;
            if (end < tokens.Count && tokens[end].Tag is "NN" or "NNS" && char.IsLower(tokens[end].Text[0])) continue;
            var words = m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Any(w => lex.OrgKeywords.Lookup(w).Count > 0 || lex.Titles.Lookup(w).Count > 0) || Known(lex, m.Text)) continue;
            result[k] = result[k] with { Mention = m with { Type = EntityType.Person, FineType = null, Canonical = null }, Role = null, Agent = null };
        }
    }

    /// <summary>"al-Haddadi", "el-Sayed": the Arabic article, a hyphen and a title-case name (a surname or a nisba).</summary>
    private static bool IsArticledSurname(string w) =>
        w.Length > 4 && (w.StartsWith("al-", StringComparison.Ordinal) || w.StartsWith("el-", StringComparison.Ordinal))
        && char.IsUpper(w[3]) && w.Skip(4).All(c => char.IsLower(c) || c is '-' or '\'');

    /// <summary>
    /// "the premier of Vessaline, Canada", "from Tarvelo, Nuevo Orlan, Mexico": a name written before a comma and a
    /// country or a U.S. state that ends the address (no "'s" after it, no capitalised word continuing it) is a place of
    /// that country, whatever the recogniser took it for; a name with its own evidence stays (a given name opening it, a
    /// name keyword or a title in it, a role the text gives it, an acronym's shape: "Tavin Orrel, Canada's envoy"); a list
    /// ("Kessa, Canada and Orvia") is no address, nor is a fronted phrase's comma ("After talks with Tavin Orrel, Kessa
    /// agreed ...": see <see cref="ClosesFrontedPhrase"/>). A name the recogniser took for a person, with the country in
    /// brackets right after it ("the Orlu (Vessia) and Tarn Island (Varnia) phases"), is a place too when a lower-case common
    /// noun follows the bracket ("Marvel (Ostland) said", "Ilham Varo (Ostland), Tun Belo (Kessa)": a body or people listed
    /// with their countries)
    /// </summary>
    private static void TypePlacesWrittenWithTheirCountry(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        for (int k = 0; k < result.Count; k++)
        {
            if (result[k] is not { Role: null, Mention: { Type: EntityType.Organization or EntityType.Person, Kind: MentionKind.Name, Source: "ner", FineType: null } m }) continue;
            var tokens = sentences[m.SentenceIndex].Tokens;
            int comma = result[k].EndToken;
            // ("the Orlu (Vessia) phase": the country in brackets right after a name the recogniser took for a person (type44))
            bool bracket = comma + 1 < tokens.Count && tokens[comma].Text == "(" && m.Type == EntityType.Person;
            if (comma + 1 >= tokens.Count || tokens[comma].Text != "," && !bracket) continue;
            if (HasOwnEvidence(lex, m.Text) || Known(lex, m.Text) || NameKey.IsAcronymShape(m.Text)) continue;
            int end = -1;
            for (int n = 1; n <= 3 && comma + n < tokens.Count && end < 0; n++)
            {
                var place = string.Join(' ', Enumerable.Range(comma + 1, n).Select(t => tokens[t].Text));
                if (lex.UsStates.Contains(place) || lex.Gazetteer.Lookup(place).Any(h => h.Kind == MentionKind.Name && h.Entry.FineTypes.Contains("Country")))
                    end = comma + 1 + n;
            }
            if (end < 0) continue;
            if (bracket)
            {
                // (the bracket closes right after the country, and no verb, list or name goes on: "Rapidus (Japan) and IBM (U.S.)",
                // "Marvel (Ostland) said" keep the recogniser's reading)
                if (end >= tokens.Count || tokens[end].Text != ")") continue;
                end++;
                // (only a common noun the place modifies after the bracket: "Ilham Varo (Ostland), Tun Belo (Kessa)" lists people)
                if (end >= tokens.Count || tokens[end].Tag is not ("NN" or "NNS") || !char.IsLower(tokens[end].Text[0])) continue;
                result[k] = result[k] with { Mention = m with { Type = EntityType.Location, Canonical = null }, Agent = null };
                continue;
            }
            var after = end < tokens.Count ? tokens[end].Text : "";
            // ("the agency, Orvia and the maker": a list, no address; a country's possessive or a longer name goes on)
            if (after is "'s" or "\u2019s" or "'" or "and" or "or" || after.Length > 0 && char.IsUpper(after[0])) continue;
            if (ClosesFrontedPhrase(tokens, comma, end)) continue;
            result[k] = result[k] with { Mention = m with { Type = EntityType.Location, Canonical = null }, Agent = null };
        }
    }

    /// <summary>
    /// "near Dorvek town, Kessaly State", "in Tumbo, Upper Velna State", "the bridge built by Orvia State in 1950" with Orvia a
    /// place: a name the recogniser took for a body whose last word is a head of a country's subdivision (a Location:Region
    /// suffix of org_keywords.tsv: "State", "County", "Province") names that subdivision, a place, when the address puts it
    /// there (a comma after a place's name, or after a place's name and a place noun: "Dorvek town,") or the words before the
    /// head are a place the gazetteer, the U.S. states or the article itself knows ("Orvia" a place elsewhere in the story);
    /// every mention of that name in the article follows. Not a name the gazetteer knows ("Islamic State"), not a name with
    /// a lower-case word or a body's keyword before the head ("Government of Kessaly State", "Kessaly State University"),
    /// and not one a noun or a verb follows ("Kessaly State officials said", "Orvia State sued"): the body reads there.
    /// </summary>
    private static void TypeSubdivisionsOfPlaces(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        HashSet<string>? places = null, placed = null;
        Dictionary<(int, int), int>? endsAt = null;
        for (int k = 0; k < result.Count; k++)
        {
            if (result[k] is not { Role: null, Mention: { Type: EntityType.Organization, Kind: MentionKind.Name } m } || m.Source == "gazetteer" || Known(lex, m.Text)) continue;
            var words = m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || !lex.OrgKeywords.Lookup(words[^1], KeywordPosition.Suffix).Any(h => h is { Type: EntityType.Location, FineType: "Region" })) continue;
            if (words.Take(words.Length - 1).Any(w => !MentionFinder.IsTitleCase(w) || lex.OrgKeywords.Lookup(w).Any(h => h.Type != EntityType.Location) || lex.Titles.Lookup(w).Count > 0)) continue;
            var tokens = sentences[m.SentenceIndex].Tokens;
            int f = result[k].FirstToken, e = result[k].EndToken;
            if (e < tokens.Count && !(tokens[e].Tag is "," or "." or ":" or "''" or "-RRB-" or "IN" or "CC" or "TO" or "WDT" or "WRB" || tokens[e].Text is "\u2014" or "\u2013")) continue;
            if (places is null)
            {
                places = new HashSet<string>(StringComparer.Ordinal);
                endsAt = new Dictionary<(int, int), int>();
                for (int j = 0; j < result.Count; j++)
                {
                    if (result[j].Mention.Type == EntityType.Location) places.Add(result[j].Mention.Text);
                    endsAt.TryAdd((result[j].Mention.SentenceIndex, result[j].EndToken), j);
                }
            }
            bool PlaceEndsAt(int t) => endsAt!.TryGetValue((m.SentenceIndex, t), out var j) && result[j].Mention.Type == EntityType.Location;
            // the address: "Tumbo, Upper Velna State", "Dorvek town, Kessaly State"
            bool address = f >= 2 && tokens[f - 1].Text == ","
                           && (PlaceEndsAt(f - 1) || f >= 3 && tokens[f - 2].Tag == "NN" && IsPlaceNoun(lex, tokens[f - 2].Text) && PlaceEndsAt(f - 2));
            var baseName = string.Join(' ', words, 0, words.Length - 1);
            // (not after "from", which names where a player or a graduate comes from as often as a place: "transferred from Ohio State")
            bool knownPlace = !(f >= 1 && tokens[f - 1].Text == "from") && (lex.UsStates.Contains(baseName) || places.Contains(baseName)
                              || lex.Gazetteer.Lookup(baseName).Any(h => h.Kind == MentionKind.Name && h.Entry.Type == EntityType.Location));
            if (address || knownPlace) (placed ??= new HashSet<string>(StringComparer.Ordinal)).Add(m.Text);
        }
        if (placed is null) return;
        for (int k = 0; k < result.Count; k++)
            if (result[k].Mention is { Type: EntityType.Organization, Kind: MentionKind.Name } m && m.Source != "gazetteer" && placed.Contains(m.Text))
                result[k] = result[k] with { Mention = m with { Type = EntityType.Location, FineType = "Region", Canonical = null }, Role = null, Agent = null };
    }

    /// <summary>
    /// "flights landed in Varnesk and Olumbo", "the districts of Tessin, Kavra and Ostrel": names coordinated in one list
    /// after a preposition that takes places alone (in, at, near, into, across, throughout, outside, around), or after "of"
    /// after a place noun (descriptors.tsv, or a place keyword of org_keywords.tsv: "the oblasts of"), are things of one kind ("from" and "to" take people and firms as
    /// readily: "letters went to Varnesk and Kadrowski" stays a person), so a name the recogniser took for a person or a
    /// body is a place when another name of the list is a place and none is a person or body of another reading (the
    /// recogniser's guesses without evidence excepted). The list is a run of names joined by commas and a last "and" or
    /// "or", closed by no possessive, capitalised word or common noun (names before a noun modify it: "beside Navy and
    /// Reserve trainees"). Only a one-word name is retyped (two capitalised words are as often a given name and a
    /// surname: "Orla Tesk of Ontario, and Idris Vell of Quebec"), but for the examples a plural place noun introduces with
    /// "including", "such as" or "like" ("cities including Varnesk, Vell Oran and Tessin": places by what the noun says,
    /// one word or several, unless a given name opens them); a name with its own evidence stays (a name keyword or
    /// title in it, a role, an acronym's shape, a gazetteer entry), and so does a word the dictionaries list as a given
    /// name or the article writes after a given name as a person's surname.
    /// </summary>
    private static void TypePlacesListedWithPlaces(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        // (sentence, first token) -> mention index: each list is read once from its first name
        var at = new Dictionary<(int, int), int>();
        for (int k = 0; k < result.Count; k++) at.TryAdd((result[k].Mention.SentenceIndex, result[k].FirstToken), k);
        HashSet<string>? surnames = null;
        var list = new List<int>();
        for (int k = 0; k < result.Count; k++)
        {
            var first = result[k];
            if (!IsNamed(first) || first.FirstToken == 0) continue;
            var tokens = sentences[first.Mention.SentenceIndex].Tokens;
            var before = tokens[first.FirstToken - 1].Text;
            // (a preposition that takes places alone; "of" only after a place noun of descriptors.tsv, "the oblasts of";
            // "from" and "to" take people and firms as readily: "letters went to Varnesk and Kadrowski")
            // ("cities including Varnesk, Olumbo and Tessin", "ports such as ...": a plural place noun's examples are places too,
            // and say so of a name of several words as well)
            bool examples = before is "including" or "like" or "as" && first.FirstToken >= 2
                            && (before != "as" ? first.FirstToken - 2 : first.FirstToken - 3) is int head && head >= 0 && (before != "as" || tokens[first.FirstToken - 2].Text == "such")
                            && tokens[head].Tag == "NNS" && IsPlaceNoun(lex, tokens[head].Text);
            // ("polling in both Kessa and Vorn": "both" or "either" between the preposition and the list leaves it a list after it)
            bool placedList = ListPlacePrepositions.Contains(before) || examples
                              || before is "both" or "either" && first.FirstToken >= 2 && ListPlacePrepositions.Contains(tokens[first.FirstToken - 2].Text)
                              || before == "of" && first.FirstToken >= 2 && IsPlaceNoun(lex, tokens[first.FirstToken - 2].Text);
            list.Clear();
            list.Add(k);
            bool closed = false;
            int end = first.EndToken;
            while (end < tokens.Count)
            {
                int next = end;
                bool last = false;
                if (tokens[next].Text == ",") next++;
                if (next < tokens.Count && tokens[next].Text is "and" or "or") { next++; last = true; }
                if (next == end || !at.TryGetValue((first.Mention.SentenceIndex, next), out var j) || !IsNamed(result[j])) break;
                list.Add(j);
                end = result[j].EndToken;
                if (last) { closed = true; break; }
            }
            if (!closed || list.Count < 2) continue;
            var after = end < tokens.Count ? tokens[end].Text : "";
            if (after is "'s" or "\u2019s" or "'" || after.Length > 0 && char.IsUpper(after[0])) continue;
            // ("beside Navy and Reserve trainees": names before a common noun modify it, they are no list of things)
            if (end < tokens.Count && tokens[end].Tag is "NN" or "NNS") continue;
            bool Guess(PlacedMention p) => p is { Role: null, Mention: { Type: EntityType.Organization or EntityType.Person, Kind: MentionKind.Name, Source: "ner", FineType: null } g }
                                           && !HasOwnEvidence(lex, g.Text) && !Known(lex, g.Text) && !NameKey.IsAcronymShape(g.Text);
            if (!list.Any(j => result[j].Mention.Type == EntityType.Location)
                || list.Any(j => result[j].Mention.Type != EntityType.Location && !Guess(result[j]))) continue;
            // (with no preposition of place before it, a list of three names or more whose places the gazetteer knows:
            // "the columns advancing on Aleppo, Tolleby and Orvan" with Aleppo a known city and Tolleby and Orvan guesses; two
            // names, or a place only the recogniser read, leave the guesses their reading: "Ana, Tolleby and Orvan")
            // (and the list opens there: a name after a comma or "and" is the tail of a longer one, "from Peru, Chile and Bolivia,
            // Voss and Brandt told reporters": the clause's subject after the list is no item of it)
            if (!placedList && (list.Count < 3 || before is "," or "and" or "or"
                                || list.Any(j => result[j].Mention.Type == EntityType.Location && !Known(lex, result[j].Mention.Text)))) continue;
            foreach (var j in list)
            {
                if (result[j].Mention.Type == EntityType.Location) continue;
                var m = result[j].Mention;
                // (one word only: two capitalised words are as often a person's given name and surname, "and Idris Vell")
                if (m.Text.Contains(' ', StringComparison.Ordinal) && !(examples && !lex.GivenNames.Contains(m.Text.Split(' ')[0]))
                    || lex.GivenNames.Contains(m.Text) || (surnames ??= PersonSurnames(result, lex)).Contains(m.Text)) continue;
                result[j] = result[j] with { Mention = m with { Type = EntityType.Location, Canonical = null }, Agent = null };
            }
        }
    }

    /// <summary>
    /// "during her visit to Tessin", "the first trip to Vell Oran", "by road from Varnesk to Olumbo": the "to" phrase of a
    /// noun of a journey, and either end of "from A to B" whose other end is a place, name a place; a name only the recogniser
    /// took for a person there (no title, role, given name, name keyword or gazetteer entry behind it, not the surname of a
    /// person the article names: "a visit to Brenning" after "Orvald Brenning" stays the man; nor one a relative "who"
    /// follows: "a trip to Kowalczyk, who runs the mill") is that place. A body keeps its
    /// reading ("a visit to the Kessa Institute", "flights to Orvia Air": a body is a destination too).
    /// </summary>
    private static void TypeEndsOfJourneys(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        HashSet<string>? surnames = null, speakers = null;
        // (sentence, token) -> the mention ending there ("from A to": A ends at "to") and the one starting there
        var at = new Dictionary<(int, int), int>();
        var startsAt = new Dictionary<(int, int), int>();
        for (int k = 0; k < result.Count; k++)
        {
            at.TryAdd((result[k].Mention.SentenceIndex, result[k].EndToken), k);
            startsAt.TryAdd((result[k].Mention.SentenceIndex, result[k].FirstToken), k);
        }
        bool IsPlace(int j) => result[j].Mention.Type == EntityType.Location;
        for (int k = 0; k < result.Count; k++)
        {
            if (result[k] is not { Role: null, Mention: { Type: EntityType.Person, Kind: MentionKind.Name, Source: "ner", FineType: null } m }) continue;
            if (HasOwnEvidence(lex, m.Text) || Known(lex, m.Text) || NameKey.IsAcronymShape(m.Text) || lex.GivenNames.Contains(m.Text.Split(' ')[0])) continue;
            var tokens = sentences[m.SentenceIndex].Tokens;
            int f = result[k].FirstToken, e = result[k].EndToken;
            bool end = false;
            if (f >= 2 && tokens[f - 1].Text == "to")
                // "a visit to X"; "from A to X" with A a place
                end = lex.JourneyNouns.Contains(tokens[f - 2].Text) && tokens[f - 2].Tag is "NN" or "NNS"
                      || at.TryGetValue((m.SentenceIndex, f - 1), out var a) && IsPlace(a) && result[a].FirstToken >= 1 && tokens[result[a].FirstToken - 1].Text == "from";
            // "from X to B" with B a place
            if (!end && f >= 1 && tokens[f - 1].Text == "from" && e + 1 < tokens.Count && tokens[e].Text == "to"
                && startsAt.TryGetValue((m.SentenceIndex, e + 1), out var b) && IsPlace(b)) end = true;
            // "a trip to Kowalczyk, who runs the mill": a relative "who" says the end is a person
            if (end && (e < tokens.Count && tokens[e].Text is "who" or "whom" or "whose"
                        || e + 1 < tokens.Count && tokens[e].Text == "," && tokens[e + 1].Text is "who" or "whom" or "whose")) continue;
            if (!end || (surnames ??= PersonSurnames(result, lex)).Contains(m.Text)) continue;
            // "a visit to Marlow ... Marlow told reporters": a name the article writes elsewhere as the speaker of a verb of
            // saying, or after a title, is a person; places do not speak (round 36)
            if ((speakers ??= Speakers(sentences, result)).Contains(m.Text)) continue;
            result[k] = result[k] with { Mention = m with { Type = EntityType.Location, Canonical = null }, Agent = null };
        }
    }

    /// <summary>
    /// "After talks with Orrel, Kessa agreed ...", "Asked about Tavin, Orvia voters shrugged": a sentence that opens with a
    /// preposition, subordinator, adverb or participle opens with a fronted adverbial phrase, which ends at the sentence's
    /// first comma; the words after that comma open the main clause, so a country there is its subject, no address of the
    /// name before the comma. An address closed by its own comma ("In Tarvelo, Mexico, police said ...") stays one.
    /// </summary>
    private static bool ClosesFrontedPhrase(IReadOnlyList<Token> tokens, int comma, int countryEnd)
    {
        int first = 0;
        while (first < comma && tokens[first].Tag is "``" or "''" or "-LRB-" or ":") first++;
        // (an opening participle the tagger reads as a past tense still takes its preposition: "Asked/VBD about")
        bool participle = tokens[first].Tag is "VBN" or "VBG" || tokens[first].Tag == "VBD" && first + 1 < comma && tokens[first + 1].Tag is "IN" or "TO";
        if (first >= comma || !participle && tokens[first].Tag is not ("IN" or "RB" or "WRB")) return false;
        for (int t = first; t < comma; t++)
            if (tokens[t].Text == ",") return false;
        return countryEnd >= tokens.Count || tokens[countryEnd].Text != ",";
    }

    /// <summary>
    /// "of Big Pine Key in the Florida Keys": a name the recogniser took for a body, ending in "Key" (a low island of a reef
    /// coast), is that island ("Key" is a surname too, so it is no name keyword: "Prime Minister John Key" stays a person)
    /// </summary>
    private static void TypeIslandsNamedKey(List<PlacedMention> result)
    {
        for (int k = 0; k < result.Count; k++)
            if (result[k].Mention is { Type: EntityType.Organization, Kind: MentionKind.Name, Source: "ner" } m && m.Text.EndsWith(" Key", StringComparison.Ordinal))
                result[k] = result[k] with { Mention = m with { Type = EntityType.Location, FineType = "NaturalFeature", Canonical = null }, Role = null, Agent = null };
    }

    /// <summary>Nouns a disease's name modifies: "the Tarsin virus", "a Tarsin outbreak", "Tarsin fever".</summary>
    private static readonly HashSet<string> DiseaseHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "virus", "viruses", "outbreak", "outbreaks", "epidemic", "epidemics", "pandemic", "fever", "infection", "infections", "disease",
    };

    /// <summary>Words before a disease's name: "an outbreak of Tarsin", "cases of Tarsin", "infected with Tarsin", "died of Tarsin".</summary>
    private static readonly HashSet<(string, string)> DiseaseOpenings = new()
    {
        ("outbreak", "of"), ("outbreaks", "of"), ("epidemic", "of"), ("case", "of"), ("cases", "of"), ("symptoms", "of"),
        ("infected", "with"), ("infection", "with"), ("died", "of"), ("died", "from"), ("vaccinated", "against"), ("vaccine", "against"),
        ("vaccines", "against"), ("positive", "for"),
    };

    /// <summary>
    /// "Vasquel, who is the gentleman in the portrait, founded the school", "we met Darrow Keth, who had walked for days": the
    /// relative pronoun "who" (with its comma or without) refers to a person, so a name of one to three words that only the
    /// recogniser took for a body (no name keyword, title, role, acronym's shape or gazetteer entry behind it) is a person
    /// when "who" follows it and a verb follows "who". A body named like one keeps its reading ("the Kessa Trust, who ..."
    /// has a keyword), and so does a place the recogniser found ("Orvin, whose ..." is no "who").
    /// </summary>
    private static void TypePeopleBeforeWho(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        HashSet<string>? bodies = null;
        for (int k = 0; k < result.Count; k++)
        {
            if (result[k] is not { Role: null, Mention: { Type: EntityType.Organization, Kind: MentionKind.Name, Source: "ner", FineType: null } m }) continue;
            if (result[k].EndToken - result[k].FirstToken > 3) continue;
            var tokens = sentences[m.SentenceIndex].Tokens;
            int w = result[k].EndToken < tokens.Count && tokens[result[k].EndToken].Text == "," ? result[k].EndToken + 1 : result[k].EndToken;
            if (w + 1 >= tokens.Count || tokens[w].Text != "who" || tokens[w + 1].Tag is not { } tag || !(tag.StartsWith("VB", StringComparison.Ordinal) || tag == "MD" || tag == "RB")) continue;
            if (HasOwnEvidence(lex, m.Text) || Known(lex, m.Text) || NameKey.IsAcronymShape(m.Text)) continue;
            // "Velstra Inc said ... Velstra, who announced the deal": the short form of a body the article names with a
            // body's head word after it ("Inc", "Holdings", "Trust"), or a name written after a role noun and "of" ("the chief
            // executive of Norvane ... Norvane, who announced"), is a body (round 36)
            if ((bodies ??= BodyOpenings(sentences, result, lex)).Contains(m.Text)) continue;
            result[k] = result[k] with { Mention = m with { Type = EntityType.Person, Canonical = null }, Agent = null };
        }
    }

    /// <summary>
    /// "border villages such as Orlec, Tel Varra, Kessim and Dunmore", "coastal towns, including Ostrel and Vell Oran", "the
    /// provinces of Tessin and Kavra": the names a plural place noun introduces (with "including", "like" or "such as", a comma
    /// between them allowed, or with "of" right after it) are examples of that noun, places, whether the text writes one or a
    /// list of them (commas, "and" or "or" before the last), and whether or not the article's other items are names it found:
    /// a run of capitalised words between the commas counts as an item. A name only the recogniser took for a person or a
    /// body there is a place, one word or several, even one a given name opens (the noun says what it is: "villages such as
    /// Orlec and Miriam Tal"), unless the article writes it as a person's surname, it has its own evidence (a name keyword
    /// or title in it, a role, an acronym's shape, a gazetteer entry), or an item of
    /// the list is surely no place (a body or person with evidence). A list followed by a possessive, a capitalised word or a
    /// common noun modifies what follows ("towns such as Orlec and Kessim police") and is left alone. Only sentences holding
    /// such a guess are read, each once.
    /// </summary>
    private static void TypeExamplesOfPlaceNouns(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        // (a given name opening a name is no evidence against the noun: "villages such as Orlec and Miriam Tal" names a village)
        bool Guess(PlacedMention p) => p is { Role: null, Mention: { Type: EntityType.Organization or EntityType.Person, Kind: MentionKind.Name, Source: "ner", FineType: null } g }
                                       && !g.Text.Split(' ').Any(w => lex.OrgKeywords.Lookup(w).Count > 0 || lex.Titles.Lookup(w).Count > 0)
                                       && lex.OrgKeywords.Lookup(g.Text).Count == 0 && !Known(lex, g.Text) && !NameKey.IsAcronymShape(g.Text);
        var read = new SortedSet<int>();
        for (int k = 0; k < result.Count; k++)
            if (Guess(result[k])) read.Add(result[k].Mention.SentenceIndex);
        if (read.Count == 0) return;
        var at = new Dictionary<(int, int), int>();
        for (int k = 0; k < result.Count; k++)
            if (read.Contains(result[k].Mention.SentenceIndex) && IsNamed(result[k])) at.TryAdd((result[k].Mention.SentenceIndex, result[k].FirstToken), k);
        HashSet<string>? surnames = null;
        var items = new List<int>();
        // (a word of a name the tagger may have misread, "Jabal/JJ"; "al-Varra" goes on a name: a particle and a capital after its hyphen)
        static bool Capitalised(Token t) => t.Text.Length > 0 && char.IsUpper(t.Text[0]);
        static bool NameWord(Token t) => Capitalised(t) || t.Text.IndexOf('-') is > 0 and var h && h + 1 < t.Text.Length && char.IsUpper(t.Text[h + 1]);
        foreach (var si in read)
        {
            var tokens = sentences[si].Tokens;
            for (int t = 1; t + 1 < tokens.Count; t++)
            {
                // the plural place noun before the trigger word
                int head = tokens[t].Text switch
                {
                    "including" or "like" => tokens[t - 1].Text == "," ? t - 2 : t - 1,
                    "as" when tokens[t - 1].Text == "such" => t >= 3 && tokens[t - 2].Text == "," ? t - 3 : t - 2,
                    "of" => t - 1,
                    _ => -1,
                };
                // ("in two villages, Orlec and Kessim", "at three locations: Orlec, Tavo and Kessim": a counted plural place noun
                // and a comma, colon or dash before a list of names closed by "and" or "or" names those places; the count says the
                // list is what the noun counts)
                bool counted = false;
                if (head < 0 && tokens[t].Text is "," or ":" or "\u2014" or "\u2013" or "--" && t >= 2 && tokens[t - 1].Tag == "NNS"
                    && (tokens[t - 2].Tag == "CD" || tokens[t - 2].Text is "both" or "several")
                    && (IsPlaceNoun(lex, tokens[t - 1].Text) || CountedPlaceNouns.Contains(tokens[t - 1].Text)))
                {
                    head = t - 1;
                    counted = true;
                }
                if (head < 0 || tokens[head].Tag != "NNS" || !counted && !IsPlaceNoun(lex, tokens[head].Text)) continue;
                items.Clear();
                int p = t + 1, count = 0;
                bool closed = false;
                while (p < tokens.Count && count < 12)
                {
                    if (at.TryGetValue((si, p), out var j)) { items.Add(j); p = result[j].EndToken; }
                    else if (Capitalised(tokens[p]))
                    {
                        int run = 0;
                        while (p < tokens.Count && run < 5 && NameWord(tokens[p])) { p++; run++; }
                    }
                    else break;
                    count++;
                    if (closed) break;
                    int q = p;
                    if (q < tokens.Count && tokens[q].Text == ",") q++;
                    if (q < tokens.Count && tokens[q].Text is "and" or "or") { q++; closed = true; }
                    // (a comma not followed by another item ends the list: "towns such as Orlec, where ...")
                    if (q == p || q >= tokens.Count || !(at.ContainsKey((si, q)) || Capitalised(tokens[q]))) { closed = closed && false; break; }
                    p = q;
                }
                if (items.Count == 0 || count > 1 && !closed || counted && (count < 2 || !closed)) continue;
                var after = p < tokens.Count ? tokens[p] : null;
                if (after is not null && (after.Text is "'s" or "\u2019s" or "'" || char.IsUpper(after.Text[0]) || after.Tag is "NN" or "NNS")) continue;
                if (items.Any(j => result[j].Mention.Type != EntityType.Location && !Guess(result[j]))) continue;
                foreach (var j in items)
                {
                    if (result[j].Mention.Type == EntityType.Location) continue;
                    var m = result[j].Mention;
                    if ((surnames ??= PersonSurnames(result, lex)).Contains(m.Text)) continue;
                    result[j] = result[j] with { Mention = m with { Type = EntityType.Location, Canonical = null }, Agent = null };
                }
                t = p - 1;
            }
        }
    }

    /// <summary>
    /// A common noun of places: a Location head of descriptors.tsv ("provinces", "districts", "cities") or, singular and
    /// capitalised, a place's suffix keyword of org_keywords.tsv ("oblasts": "Oblast")
    /// </summary>
    internal static bool IsPlaceNoun(LexiconSet lex, string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length < 3 || !lower.All(char.IsLetter)) return false;
        if (lex.Descriptors.Lookup(lower).Any(e => e.Type == EntityType.Location)) return true;
        var singular = lower.EndsWith('s') ? lower[..^1] : lower;
        return lex.OrgKeywords.Lookup(char.ToUpperInvariant(singular[0]) + singular[1..], KeywordPosition.Suffix).Any(h => h.Type == EntityType.Location);
    }

    /// <summary>Plural nouns of place in general that descriptors.tsv does not hold as heads of descriptions: "two locations",
    /// "three sites", "both areas" count places.</summary>
    private static readonly HashSet<string> CountedPlaceNouns = new(StringComparer.OrdinalIgnoreCase) { "locations", "places", "sites", "areas", "localities", "settlements" };

    /// <summary>Prepositions that take places alone, no person or firm: the list of places after one ("in Varnesk and Olumbo").</summary>
    private static readonly HashSet<string> ListPlacePrepositions = new(StringComparer.Ordinal) { "in", "at", "near", "into", "across", "throughout", "outside", "around" };

    /// <summary>Prepositions of place: a name written after one somewhere in the article is a place there, whatever else it names.</summary>
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "in", "at", "near", "from", "to", "into", "across", "throughout" };

    /// <summary>
    /// "an outbreak of Tarsin", "the Tarsin virus", "infected with Tarsin": a name that modifies a disease's head noun or
    /// follows a disease's opening names a disease, no actor and no place; every mention of it in the article goes (a name
    /// the article also puts after a preposition of place, or the gazetteer knows, stays: "the Tessaly outbreak" in a story
    /// "in Tessaly")
    /// </summary>
    private static void DropDiseases(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        var diseases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in result)
        {
            if (!IsNamed(m) || m.Mention.Source == "gazetteer" || m.Role is not null || !char.IsUpper(m.Mention.Text[0])) continue;
            int f = m.FirstToken, e = m.EndToken;
            var after = Word(sentences, m, e);
            bool head = DiseaseHeads.Contains(after) && (char.IsLower(after[0]) || e + 1 >= sentences[m.Mention.SentenceIndex].Tokens.Count || !char.IsUpper(Word(sentences, m, e + 1)[0]));
            bool opening = f >= 2 && DiseaseOpenings.Contains((Word(sentences, m, f - 2).ToLowerInvariant(), Word(sentences, m, f - 1)));
            if ((head || opening) && !Known(lex, m.Mention.Text)) diseases.Add(m.Mention.Text);
        }
        if (diseases.Count == 0) return;
        foreach (var m in result)
            if (diseases.Contains(m.Mention.Text) && PlacePrepositions.Contains(Word(sentences, m, m.FirstToken - 1))) diseases.Remove(m.Mention.Text);
        result.RemoveAll(m => IsNamed(m) && diseases.Contains(m.Mention.Text));
    }

    /// <summary>Connectors inside a description whose initials an acronym may or may not take ("memorandum of agreement" MOA or MA).</summary>
    private static readonly HashSet<string> HeadConnectors = new(StringComparer.Ordinal) { "of", "for", "on", "against" };

    /// <summary>
    /// "a memorandum of agreement (MOA)", "oral rehydration salts (ORS)": an acronym in brackets right after lower-case
    /// words whose initials spell it abbreviates that description, and names what its head noun (the noun before "of",
    /// else the last) names: an agreement (an Event:Agreement) or a body, person or place when the descriptions, keywords
    /// or agents know the noun that way; a noun none of them knows ("salts", "device", "system") names a thing, no actor,
    /// and the acronym's organisation or person mentions go
    /// </summary>
    private static void TypeAcronymsOfDescriptions(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        var things = new HashSet<string>(StringComparer.Ordinal);
        var agreements = new Dictionary<string, string?>(StringComparer.Ordinal);
        var named = new Dictionary<(int Sentence, int End), PlacedMention>(); // names by the token they end before
        foreach (var m in result)
            if (m.Mention.Kind == MentionKind.Name) named.TryAdd((m.Mention.SentenceIndex, m.EndToken), m);
        foreach (var m in result)
        {
            int f = m.FirstToken;
            var text = m.Mention.Text;
            // "TERAs": a plural acronym spells its description's words without the plural's "s"
            var letters = text.Length > 2 && text[^1] == 's' && char.IsUpper(text[^2]) ? text[..^1] : text;
            if (!IsNamed(m) || m.Mention.Source == "gazetteer" || m.EndToken != f + 1 || !NameKey.IsAcronymShape(letters) || f < 3
                || Word(sentences, m, f - 1) != "(" || Word(sentences, m, f + 1) != ")" || Known(lex, text)) continue;
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            // "the Tribal Energy Resource Agreements (TERAs)": the acronym of an agreement's name is that agreement everywhere
            if (named.TryGetValue((m.Mention.SentenceIndex, f - 1), out var name) && name.Mention.Type == EntityType.Event && name.Mention.FineType == "Agreement"
                && EntityClusterer.IsAcronymOf(letters, NameKey.Words(name.Mention.Text).ToArray()))
            {
                agreements[text] = "Agreement";
                continue;
            }
            string[]? description = null;
            for (int n = 2; n <= 8 && f - 1 - n >= 0; n++)
            {
                var window = tokens.Skip(f - 1 - n).Take(n).Select(t => t.Text).ToArray();
                if (!window.All(w => w.Length > 0 && char.IsLower(w[0]) && w.All(ch => char.IsLetter(ch) || ch == '-'))) break;
                if (HeadConnectors.Contains(window[0])) continue;
                if (EntityClusterer.IsAcronymOf(letters, window)) { description = window; break; }
            }
            if (description is null) continue;
            int of = Array.FindIndex(description, 1, w => HeadConnectors.Contains(w));
            var head = of > 0 ? description[of - 1] : description[^1];
            var capital = char.ToUpperInvariant(head[0]) + head[1..];
            var readings = lex.Descriptors.Lookup(head).Select(d => (d.Type, Fine: d.FineTypes.FirstOrDefault()))
                .Concat(lex.OrgKeywords.Lookup(capital).Select(k => (k.Type, Fine: k.FineType))).ToList();
            if (readings.Count > 0 && readings[0].Type == EntityType.Event && readings[0].Fine == "Agreement") agreements[text] = readings[0].Fine;
            else if (readings.Count == 0 && lex.Agents.Lookup(head).Count == 0 && lex.Titles.Lookup(head).Count == 0) things.Add(text);
        }
        if (things.Count == 0 && agreements.Count == 0) return;
        result.RemoveAll(m => IsNamed(m) && things.Contains(m.Mention.Text) && m.Mention.Type is EntityType.Organization or EntityType.Person);
        for (int k = 0; k < result.Count; k++)
            if (IsNamed(result[k]) && agreements.TryGetValue(result[k].Mention.Text, out var fine) && result[k].Mention.Type != EntityType.Event)
                result[k] = result[k] with { Mention = result[k].Mention with { Type = EntityType.Event, FineType = fine }, Role = null, Agent = null };
    }

    /// <summary>Nouns of made things a maker's name modifies: "Veltro pistols", "Kestrel assault rifles", "Harlan trucks".</summary>
    private static readonly HashSet<string> ProductNouns = new(StringComparer.Ordinal)
    {
        "rifle", "rifles", "pistol", "pistols", "handgun", "handguns", "gun", "guns", "shotgun", "shotguns", "revolver", "revolvers",
        "firearm", "firearms", "carbine", "carbines", "ammunition", "truck", "trucks", "pickup", "pickups", "car", "cars", "sedan",
        "sedans", "tractor", "tractors", "engine", "engines", "phone", "phones", "smartphone", "smartphones", "laptop", "laptops",
    };

    /// <summary>
    /// "six Veltro assault rifles", "two Harlan pickup trucks": a name the recogniser took for a person, a place or a body of no
    /// known kind, right before a made thing's noun (with up to two lower-case modifiers between), names the thing's maker, a company (a name the article
    /// also puts after a preposition of place stays a place: "Detroit cars" in a story "in Detroit")
    /// </summary>
    private static void TypeMakersBeforeProducts(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        var makers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in result)
        {
            if (!IsNamed(m) || m.Mention.Source == "gazetteer" || m.Role is not null
                || m.Mention.Type is EntityType.Event or EntityType.Vehicle || m.Mention.FineType is not null) continue;
            // the name, its modifiers (adjectives, nouns: "assault") and the product's noun heading the phrase: no verb or
            // determiner between ("Ana made a phone call" is no maker's phone) and no noun after it ("the Ercot phone calls")
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            for (int k = m.EndToken; k < m.EndToken + 3 && k < tokens.Count; k++)
            {
                var w = tokens[k].Text;
                if (w.Length == 0 || !char.IsLower(w[0]) || tokens[k].Tag is not ("NN" or "NNS" or "JJ")) break;
                if (!ProductNouns.Contains(w)) continue;
                // a name the gazetteer or the states list knows is no maker (looked up last: the rarest test)
                if ((k + 1 >= tokens.Count || tokens[k + 1].Tag is not ("NN" or "NNS" or "NNP" or "NNPS")) && !Known(lex, m.Mention.Text)) makers.Add(m.Mention.Text);
                break;
            }
        }
        if (makers.Count == 0) return;
        foreach (var m in result)
            if (makers.Contains(m.Mention.Text) && (m.Role is not null || PlacePrepositions.Contains(Word(sentences, m, m.FirstToken - 1)))) makers.Remove(m.Mention.Text);
        for (int k = 0; k < result.Count; k++)
            if (IsNamed(result[k]) && makers.Contains(result[k].Mention.Text) && result[k].Mention.Type is not (EntityType.Event or EntityType.Vehicle) && result[k].Mention.FineType is null)
                result[k] = result[k] with { Mention = result[k].Mention with { Type = EntityType.Organization, FineType = "Company", Canonical = null }, Role = null };
    }

    /// <summary>Nouns of a weapon a model's name modifies: "the Kestrel missile", "Halder rockets", "a Varn interceptor".</summary>
    private static readonly HashSet<string> WeaponNouns = new(StringComparer.Ordinal)
        { "missile", "missiles", "rocket", "rockets", "interceptor", "interceptors" };

    /// <summary>Capitalised endings of a weapon system's name: "the Varn Air Defense System", "the Kestrel Missile System".</summary>
    private static readonly string[] WeaponSystemEnds =
        { "Missile System", "Rocket System", "Air Defense System", "Air Defence System", "Missile Defense System", "Missile Defence System" };

    /// <summary>
    /// "fired the Kestrel missile system", "two Halder missiles", "Varn rocket attacks", "the Ostland Air Defense System": a name
    /// right before a lower-case weapon's noun ("missile", "rocket", "interceptor"), or a name ending in a weapon system's
    /// capitalised words ("Missile System", "Air Defense System"), names a model of weapon, no actor: no node, there and
    /// wherever the article writes the name again. Only a name the recogniser alone typed, with no sublabel, no gazetteer entry
    /// and no given name opening it ("Hamas rockets", "Houthi missiles" name who fires), and before the noun only a name of one
    /// word or closed by a number ("Kessa Dynamics missiles" keeps the maker), and not a name a hyphenated participle of
    /// backing or leading modifies ("an Ostland-backed Brelite missile system") nor one the article writes before a hyphen
    /// and a participle ("a Brelite-controlled area"): those name who fires (type41)
    /// </summary>
    private static bool IsParticiple(string w) => w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal) && w.All(char.IsLower);

    /// <summary>"Ostland-backed", "Varn-led", "state-sponsored": a hyphenated participle of backing or leading, which modifies actors.</summary>
    private static bool ActorParticiple(string w) =>
        w.LastIndexOf('-') is var h and > 0 && w[(h + 1)..] is "backed" or "led" or "supported" or "sponsored" or "aligned" or "allied" or "funded";

    private static void DropWeaponModels(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        var weapons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in result)
        {
            // (an acronym before the noun names who fires: "NK missiles", a country's or a group's letters)
            if (m.Mention.Kind != MentionKind.Name || m.Mention.Source != "ner" || m.Role is not null || m.Mention.FineType is not null
                || m.Mention.Type is not (EntityType.Organization or EntityType.Person or EntityType.Location)) continue;
            var text = m.Mention.Text;
            if (NameKey.IsAcronymShape(text)) continue;
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            bool before = m.EndToken < tokens.Count && WeaponNouns.Contains(tokens[m.EndToken].Text) && tokens[m.EndToken].Tag is "NN" or "NNS";
            bool ends = WeaponSystemEnds.Any(e => text.EndsWith(" " + e, StringComparison.Ordinal));
            if (!before && !ends) continue;
            if (Known(lex, text) || lex.Agents.Lookup(text).Count > 0) continue;
            // (a model before the noun is one word, or words closed by a number: "the Kestrel 2 missile"; longer names are
            // makers': "Kessa Dynamics missiles")
            if (before && (HasOwnEvidence(lex, text) || m.EndToken - m.FirstToken > 1 && !tokens[m.EndToken - 1].Text.Any(char.IsDigit))) continue;
            // (a name a participle of backing or leading modifies is an actor: "an Ostland-backed Brelite missile system")
            if (before && m.FirstToken > 0 && ActorParticiple(tokens[m.FirstToken - 1].Text)) continue;
            weapons.Add(text);
        }
        if (weapons.Count == 0) return;
        // (a name the article puts before a participle after a hyphen, "a Brelite-controlled area", "Brelite-held towns", is
        // one who controls or holds: an actor, no weapon)
        foreach (var s in sentences)
        {
            var ts = s.Tokens;
            for (int t = 0; t < ts.Count; t++)
            {
                var w = ts[t].Text;
                int hyphen = w.IndexOf('-');
                if (hyphen > 0 && weapons.Contains(w[..hyphen]) && IsParticiple(w[(hyphen + 1)..])) weapons.Remove(w[..hyphen]);
                else if (weapons.Contains(w) && t + 2 < ts.Count && ts[t + 1].Text == "-" && IsParticiple(ts[t + 2].Text)) weapons.Remove(w);
                // (nor one the article writes right before a verb of saying, a title or a word for people who act for it: "Belvar
                // said", "Belvar leader Ali Sarem", "Belvar fighters": a weapon neither speaks nor has leaders or fighters (review41))
                else if (weapons.Contains(w) && t + 1 < ts.Count && ts[t + 1].Text is var next
                         && (SpeechVerbs.Contains(next) || lex.Titles.Lookup(next).Any() || lex.Agents.Lookup(next.ToLowerInvariant()).Any())) weapons.Remove(w);
            }
        }
        if (weapons.Count == 0) return;
        result.RemoveAll(m => IsNamed(m) && weapons.Contains(m.Mention.Text) && m.Mention.Source == "ner" && m.Role is null && m.Mention.FineType is null
                              && m.Mention.Type is EntityType.Organization or EntityType.Person or EntityType.Location);
    }

    /// <summary>Verbs of saying after a quotation, before the speaker: "... ," said Okafor.</summary>
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal) { "said", "says", "added", "adds", "explained", "noted", "stated", "continued", "concluded" };

    /// <summary>
    /// "'We will find him,' said Okafor.": one capitalised word after a verb of saying that closes a quotation, ending the
    /// sentence or clause, is the speaker's surname when the recogniser's organisation reading has no other evidence (no
    /// gazetteer entry, no name keyword, no acronym); the article's person of that surname is the speaker
    /// </summary>
    private static void TypeSpeakersAfterSpeechVerbs(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            int f = m.FirstToken;
            var text = m.Mention.Text;
            if (m.Mention.Type != EntityType.Organization || m.Mention.Source != "ner" || m.Mention.Kind != MentionKind.Name || m.EndToken != f + 1 || f < 2) continue;
            if (!SpeechVerbs.Contains(Word(sentences, m, f - 1)) || Word(sentences, m, f - 2) is var q && q != "," && !MentionFinder.IsCloseQuote(q)) continue;
            if (Word(sentences, m, f + 1) is not ("." or "," or ";" or "")) continue;
            if (!MentionFinder.IsTitleCase(text) || Known(lex, text) || lex.OrgKeywords.Lookup(text).Count > 0 || lex.Agents.Lookup(text).Count > 0) continue;
            result[k] = m with { Mention = m.Mention with { Type = EntityType.Person, FineType = null, Canonical = null }, Agent = null };
        }
    }

    /// <summary>Verbs whose object is a meeting when its head can name one: "held its Spring Forum", "to host the 2031 Harbour Ministerial".</summary>
    private static readonly HashSet<string> HoldVerbs = new(StringComparer.Ordinal) { "hold", "host", "attend", "convene", "organize", "organise", "open", "chair" };

    /// <summary>
    /// "the party held its Spring Forum", "selected to host the 2031 Harbour Ministerial": a name headed by a word that names
    /// a meeting as well as a body ("Forum", "Conference", "Ministerial"), the object of a verb of holding, hosting or
    /// attending (past a determiner, a possessive and a year), is that meeting, an Event:Meeting
    /// </summary>
    private static void TypeMeetingsHeld(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (m.Mention.Type != EntityType.Organization || m.Mention.Kind != MentionKind.Name || m.Mention.Source == "gazetteer") continue;
            var last = Word(sentences, m, m.EndToken - 1);
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            // ("the Varn Talks III conference", "the Kessa Process II summit": a name numbered by a Roman numeral, right before a
            // common noun of meeting, names that meeting of a series)
            if (m.EndToken - m.FirstToken >= 2 && RomanSeriesNumerals.Contains(last) && m.EndToken < tokens.Count
                && MeetingNouns.Contains(tokens[m.EndToken].Text))
            {
                result[k] = m with { Mention = m.Mention with { Type = EntityType.Event, FineType = "Meeting" }, Role = null, Agent = null };
                continue;
            }
            if (!lex.OrgKeywords.Lookup(last, KeywordPosition.Suffix).Any(h => h.Type == EntityType.Event && h.FineType == "Meeting")) continue;
            int v = m.FirstToken - 1;
            while (v >= 0 && m.FirstToken - v <= 3 && (tokens[v].Tag is "DT" or "PRP$" or "CD" or "POS" || tokens[v].Text is "the" or "a" or "an")) v--;
            if ((v < 0 || tokens[v].Lemma is not { } lemma || !HoldVerbs.Contains(lemma.ToLowerInvariant()) || tokens[v].Tag?.StartsWith("VB", StringComparison.Ordinal) != true)
                && !HeldAfter(tokens, m.EndToken, lex)) continue;
            result[k] = m with { Mention = m.Mention with { Type = EntityType.Event, FineType = "Meeting" }, Role = null, Agent = null };
        }
    }

    /// <summary>Roman numerals that number a meeting of a series ("the Varn Talks III conference"); not "I", a pronoun.</summary>
    private static readonly HashSet<string> RomanSeriesNumerals = new(StringComparer.Ordinal) { "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII" };

    /// <summary>Common nouns of a meeting that a numbered name can modify: "the Kessa Process II conference".</summary>
    private static readonly HashSet<string> MeetingNouns = new(StringComparer.Ordinal) { "conference", "summit", "meeting", "talks", "forum", "session" };

    /// <summary>Of <see cref="HoldVerbs"/>, those whose passive takes only a meeting: a body too is "organised by three
    /// universities", "opened to the public", "chaired by a banker" (review34).</summary>
    private static readonly HashSet<string> PassiveHoldVerbs = new(StringComparer.Ordinal) { "hold", "host", "attend", "convene" };

    /// <summary>
    /// "the Marsh Water Forum (MWF) will be held in a tent", "the Kessa Forum, hosted in Orvin": the name (and its
    /// bracketed acronym) is the subject of a passive verb of holding, hosting or attending ("was held", "will be hosted",
    /// "has been convened"), or a participle of one with a preposition after it follows the name: what is held is a
    /// meeting. Only a participle (VBN) counts: "the Kessa Forum hosted a dinner" (past tense) says the body hosted.
    /// </summary>
    private static bool HeldAfter(IReadOnlyList<Token> tokens, int end, LexiconSet lex)
    {
        int t = end;
        if (t + 2 < tokens.Count && tokens[t].Text == "(" && NameKey.IsAcronymShape(tokens[t + 1].Text) && tokens[t + 2].Text == ")") t += 3;
        int aux = 0;
        if (t < tokens.Count && tokens[t].Text == ",") t++;
        while (t < tokens.Count && aux < 3 && lex.PassiveAuxiliaries.Contains(tokens[t].Text)) { t++; aux++; }
        if (t >= tokens.Count || tokens[t].Tag != "VBN" || tokens[t].Lemma is not { } lemma || !PassiveHoldVerbs.Contains(lemma.ToLowerInvariant())) return false;
        // (with no auxiliary, a reduced relative clause: "the Kessa Forum held in Orvin", "... hosted by Varno")
        return aux > 0 && tokens[t - 1].Text is not ("to" or "have" or "has" or "had") || t + 1 < tokens.Count && tokens[t + 1].Tag is "IN";
    }

    /// <summary>Names of the months, written whole, that date a meeting after "in": "the Vessa Conference in October".</summary>
    private static readonly HashSet<string> MonthNames = new(StringComparer.Ordinal)
        { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

    /// <summary>Adjectives that place a meeting in time: "at the upcoming Harbour Fisheries Conference".</summary>
    private static readonly HashSet<string> MeetingTimeWords = new(StringComparer.Ordinal)
        { "recent", "upcoming", "forthcoming", "coming", "next", "last", "previous", "inaugural", "first", "second", "third" };

    /// <summary>
    /// "at the upcoming Harbour Fisheries Conference", "ahead of the Ostland Recovery Summit", "during the 12th Kessa Forum",
    /// "spoke at the Varn Trade Conference 2031": a name headed by a word that names a meeting as well as a body (a Meeting suffix
    /// of org_keywords.tsv: "Conference", "Summit", "Forum", "Session") is that meeting, an Event:Meeting, when the words
    /// around it place it in time: an adjective of time or an ordinal right before it ("the recent", "the 12th"), a year
    /// right before or after it ("the 2031 ...", "... 2031", "... of 2031"), or a preposition of time before it ("during",
    /// "ahead of", "on the sidelines of"); "at" alone is no sign, it also takes the body one works at ("a fellow at the
    /// Kessa Policy Forum"). Every mention of the name in the article follows; a name the gazetteer knows whole stays.
    /// A name headed by "Week" ("the World Bank Open Data Week") names a week of events, an Event, in any
    /// construction; not one a given name opens (a person's surname). A name that modifies a common noun after it ("the
    /// first Kessa Forum newsletter", "the Kessa Forum 2031 report") is not placed in time by those words: they date the noun.
    /// </summary>
    private static void TypeMeetingsByTime(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        var meetings = new Dictionary<string, string?>(StringComparer.Ordinal);
        var people = new HashSet<string>(StringComparer.Ordinal);
        static bool Year(string w) => w.Length == 4 && w.All(char.IsDigit) && w[0] is '1' or '2';
        foreach (var m in result)
        {
            // (a name longer than the gazetteer's entry it opens with is no known body: "the World Bank Open Data Week")
            if (!IsNamed(m) || m.Mention.Type is not (EntityType.Organization or EntityType.Person or EntityType.Location) || Known(lex, m.Mention.Text) || m.EndToken - m.FirstToken < 2) continue;
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            var last = tokens[m.EndToken - 1].Text;
            // (a place's name ends in "Day" or "Week" only as a day's or a week's: "Kessa Harbour Day" read as a place)
            if (m.Mention.Type == EntityType.Location && last is not ("Week" or "Day")) continue;
            // ("Day": "on Kessa Harbour Day", "the Varn Remembrance Day": a day of observance, an event, read as a week is)
            if (last is "Week" or "Day")
            {
                // (a person the recogniser read, of two words, with "of" and a capitalised word after the name, is a person from
                // a place, not a day: "Mara Day of Kessa said"; a day of observance writes "of" inside its name (type41))
                if (m.Mention.Type == EntityType.Person && m.EndToken - m.FirstToken == 2 && m.EndToken + 1 < tokens.Count
                    && tokens[m.EndToken].Text == "of" && tokens[m.EndToken + 1].Tag == "NNP")
                    people.Add(m.Mention.Text);
                else if (!lex.GivenNames.Contains(tokens[m.FirstToken].Text)) meetings[m.Mention.Text] = null;
                continue;
            }
            var heads = lex.OrgKeywords.Lookup(last, KeywordPosition.Suffix);
            if (!heads.Any(h => h.Type == EntityType.Event && h.FineType == "Meeting") || heads.Any(h => h.Type == EntityType.Location)) continue;
            string W(int k) => k >= 0 && k < tokens.Count ? tokens[k].Text : "";
            int f = m.FirstToken, e = m.EndToken;
            var first = W(f);
            // (a name that modifies a common noun after it, or its year does, names no meeting: the words before place the noun,
            // "the first Kessa Forum newsletter", "the Kessa Forum 2031 report")
            bool Modifies(int k) => k < tokens.Count && tokens[k].Tag is "NN" or "NNS" && char.IsLower(tokens[k].Text[0]);
            if (Modifies(e) || Year(W(e)) && Modifies(e + 1)) continue;
            // (a year or an ordinal opening the name or right before it: "the 2031 Varn Summit", "the 12th Kessa Forum")
            int b = Year(first) || MentionFinder.IsNumericOrdinal(first) ? f : f - 1;
            // ("after the Vessa Conference in October": "in" and a month's name right after it date it too (type44))
            bool dated = Year(W(b)) || MentionFinder.IsNumericOrdinal(W(b)) || MeetingTimeWords.Contains(W(b))
                         || Year(W(e)) || W(e) == "of" && Year(W(e + 1)) || W(e) == "in" && MonthNames.Contains(W(e + 1));
            // (the preposition before the determiner: "during the ...", "ahead of the ...", "on the sidelines of the ...")
            int p = W(f - 1) is "the" or "this" or "its" ? f - 2 : f - 1;
            if (MeetingTimeWords.Contains(W(p + 1)) && W(p) is "the") p--;
            var prep = W(p);
            // ("at" is no sign of time: "at the Kessa Conference" may be where a body sits as well as a meeting)
            bool timed = prep is "during" or "During" || prep == "of" && W(p - 1) is "ahead" or "sidelines" or "margins" or "eve";
            if (dated || timed) meetings[m.Mention.Text] = "Meeting";
        }
        foreach (var p in people) if (meetings.TryGetValue(p, out var f0) && f0 is null) meetings.Remove(p);
        if (meetings.Count == 0) return;
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (!IsNamed(m) || m.Mention.Type is not (EntityType.Organization or EntityType.Person or EntityType.Location) || !meetings.TryGetValue(m.Mention.Text, out var fine)) continue;
            if (m.Mention.Type == EntityType.Location && fine is not null) continue;
            result[k] = m with { Mention = m.Mention with { Type = EntityType.Event, FineType = fine, Canonical = null }, Role = null, Agent = null };
        }
    }

    /// <summary>
    /// "the 488th Expeditionary Rescue Squadron arrived ... Airmen of the 488th ERS": an acronym right after an ordinal, in an
    /// article that names exactly one body of that ordinal whose other words it spells, is that body, named with its number
    /// (so "ERS" is no body of its own, and "the 489th ERS" no alias of the 488th squadron)
    /// </summary>
    private static void JoinNumberedUnitAcronyms(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        var units = result.Where(m => m.Mention.Type == EntityType.Organization && IsNamed(m)).Select(m => m.Mention.Canonical ?? m.Mention.Text)
            .Where(t => t.Split(' ') is { Length: >= 3 } w && MentionFinder.IsNumericOrdinal(w[0])).Distinct(StringComparer.Ordinal).ToList();
        if (units.Count == 0) return;
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (!IsNamed(m) || m.FirstToken == 0 || m.EndToken - m.FirstToken != 1 || !NameKey.IsAcronymShape(m.Mention.Text)) continue;
            var ordinal = sentences[m.Mention.SentenceIndex].Tokens[m.FirstToken - 1];
            if (!MentionFinder.IsNumericOrdinal(ordinal.Text)) continue;
            var spelled = units.Where(u => u.Split(' ') is var w && w[0] == ordinal.Text && EntityClusterer.IsAcronymOf(m.Mention.Text, w[1..])).ToList();
            if (spelled.Count != 1) continue;
            result[k] = m with
            {
                FirstToken = m.FirstToken - 1, Role = null, Agent = null,
                Mention = m.Mention with { Span = new TextSpan(ordinal.Start, m.Mention.Span.End), Text = ordinal.Text + " " + m.Mention.Text,
                    Type = EntityType.Organization, Canonical = spelled[0] },
            };
        }
    }

    /// <summary>A comma or a quotation mark, double or single, straight or curly (around a nickname: a/k/a "X", a/k/a 'X').</summary>
    internal static bool IsQuoteOrComma(string w) => w is "," or "\"" or "``" or "''" or "\u201c" or "\u201d" or "'" or "`" or "\u2018" or "\u2019";

    /// <summary>
    /// The first token of an "also known as" before token <paramref name="end"/> (exclusive): "a/k/a", "aka", "a.k.a.",
    /// "also known as", "alias"; -1 when there is none.
    /// </summary>
    private static int AkaStart(IReadOnlyList<Token> tokens, int end)
    {
        string W(int i) => i >= 0 && i < tokens.Count ? tokens[i].Text : "";
        if (W(end - 1) == "a" && W(end - 2) == "/" && W(end - 3) == "k" && W(end - 4) == "/" && W(end - 5) == "a") return end - 5;
        if (W(end - 1) is "a/k/a" or "aka" or "a.k.a." or "AKA" or "alias") return end - 1;
        if (W(end - 1) == "as" && W(end - 2) == "known" && W(end - 3) == "also") return end - 3;
        return -1;
    }

    /// <summary>
    /// "Rafael Dalo, 45, of Tucson, Arizona, a/k/a": where the name ends that a place of origin ("of" or "from", place
    /// names and commas, after a comma and an age or not) follows, given the end of that place; <paramref name="end"/> itself when none.
    /// </summary>
    internal static int PastPlaceOfOrigin(IReadOnlyList<Token> tokens, int end)
    {
        int j = end;
        while (j > 0 && end - j <= 8 && (tokens[j - 1].Tag is "NNP" or "NNPS" || tokens[j - 1].Text == ",")) j--;
        if (j == end || j < 2 || tokens[j - 1].Text is not ("of" or "from") || tokens[j - 2].Text != ",") return end;
        j -= 2;
        if (j >= 2 && tokens[j - 1].Tag == "CD" && tokens[j - 2].Text == ",") j -= 2;
        return j;
    }

    /// <summary>
    /// "Tomas Arvelo-Quint, a/k/a \"Don Tito,\" a/k/a \"Relampago\"", "Marta Quell, also known as \"La Jefa\"": a name after
    /// "a/k/a", "aka", "also known as" or "alias" (past a quotation mark), right after another name and a comma, is another
    /// name of the same person or body, and so is each further one of the chain; it takes that one's type (never a place's
    /// for a person) and the clusterer joins the two (EntityClusterer.LinkExpansionsAndNicknames); its own name stays its
    /// own, so a surname in it is still found ("Umm Dareth ... Dareth") (a name after a comma with no such words is another one: "Ana Ruiz, Tomas Vell")
    /// </summary>
    private static void JoinAliasesNamedAfterAka(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        var named = new Dictionary<(int Sentence, int End), int>();
        for (int k = 0; k < result.Count; k++)
            if (IsNamed(result[k])) named.TryAdd((result[k].Mention.SentenceIndex, result[k].EndToken), k);
        var anchorOf = new Dictionary<int, int>();
        foreach (var k in named.Values.OrderBy(k => result[k].Mention.SentenceIndex).ThenBy(k => result[k].FirstToken))
        {
            var m = result[k];
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            int j = m.FirstToken;
            if (j > 0 && IsQuoteOrComma(tokens[j - 1].Text) && tokens[j - 1].Text != ",") j--;
            int aka = AkaStart(tokens, j);
            if (aka < 0) continue;
            // back over the comma and a closing quotation mark to the name before
            int e = aka, skipped = 0;
            while (e > 0 && skipped < 2 && IsQuoteOrComma(tokens[e - 1].Text)) { e--; skipped++; }
            if (skipped == 0 || !tokens.Skip(e).Take(aka - e).Any(t => t.Text == ",") || !named.TryGetValue((m.Mention.SentenceIndex, e), out var before)) continue;
            // "Rafael Dalo, 45, of Tucson, Arizona, a/k/a ...": the alias is the person's, not the place of origin's
            if (result[before].Mention.Type == EntityType.Location && PastPlaceOfOrigin(tokens, e) is var origin && origin != e
                && named.TryGetValue((m.Mention.SentenceIndex, origin), out var person))
                before = person;
            int anchor = anchorOf.TryGetValue(before, out var a) ? a : before;
            anchorOf[k] = anchor;
            var target = result[anchor].Mention;
            // the alias takes the type of the name it is another name of (the clusterer joins the two: LinkExpansionsAndNicknames);
            // a place never makes a person of it a place
            if (target.Type == EntityType.Location && m.Mention.Type == EntityType.Person) continue;
            result[k] = m with { Mention = m.Mention with { Type = target.Type, FineType = target.FineType }, Role = null, Agent = null };
        }
    }

    /// <summary>Head nouns of a drill's noun phrase: "the Kessaran 2024 exercise", "the VELMAR coastal patrol training exercise".</summary>
    private static readonly HashSet<string> DrillHeads = new(StringComparer.Ordinal) { "exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres" };

    /// <summary>Adjectives that say an event recurs: "the biennial Coastal Rescue Activity".</summary>
    private static readonly HashSet<string> RecurrenceWords = new(StringComparer.Ordinal) { "annual", "biennial", "biannual", "yearly", "triennial" };

    /// <summary>
    /// "for the coming Kessaran 2024 exercise", "sailed in the VELMAR coastal patrol training exercise": a name that
    /// modifies the head noun of a drill (past a year and words in lower case) names the drill; "the biennial Coastal
    /// Rescue Activity", "flew to Dalvik for the triennial Ostland Fisheries Conference": a name after an adjective of recurrence,
    /// and heading its noun phrase, names an event that recurs, no body. Either way an event (a meeting when its head word
    /// names one), in every mention of the article; not when the drill word is a verb ("Varkon drills off the coast"), not
    /// a person's name, nor a name a body's or a place's head word makes ("the Kessa Navy training exercise"), the gazetteer knows, or the article also writes after a preposition of place ("in Kessaran").
    /// </summary>
    private static void TypeDrillsAndRecurringEvents(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        var events = new HashSet<string>(StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in result)
        {
            if (!IsNamed(m) || m.Mention.Type is not (EntityType.Organization or EntityType.Location or EntityType.Person)) continue;
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            if (m.FirstToken > 0 && PlacePrepositions.Contains(tokens[m.FirstToken - 1].Text)) placed.Add(m.Mention.Text);
            if (m.Mention.Source == "gazetteer" || m.Role is not null || Known(lex, m.Mention.Text)) continue;
            var heads = lex.OrgKeywords.Lookup(tokens[m.EndToken - 1].Text, KeywordPosition.Suffix);
            if (heads.Count > 0 && heads.All(h => h.Type != EntityType.Event)) continue;
            int e = m.EndToken, j = e;
            if (j < tokens.Count && tokens[j].Tag == "CD") j++;
            while (j < tokens.Count && j - e <= 5 && char.IsLower(tokens[j].Text[0]) && tokens[j].Tag is "JJ" or "NN" or "VBG" && !DrillHeads.Contains(tokens[j].Text)) j++;
            // the drill word is a noun ("exercises" of "Tomas Reyl exercises every morning" is a verb), and a person's name
            // (a given name first) names no drill
            bool drill = j < tokens.Count && DrillHeads.Contains(tokens[j].Text) && tokens[j].Tag is "NN" or "NNS"
                         && !(m.Mention.Type == EntityType.Person && lex.GivenNames.Contains(tokens[m.FirstToken].Text));
            bool recurring = m.FirstToken > 0 && RecurrenceWords.Contains(tokens[m.FirstToken - 1].Text.ToLowerInvariant())
                && !(e < tokens.Count && char.IsLower(tokens[e].Text[0]) && tokens[e].Tag is "NN" or "NNS");
            // "Kessa-Orvia Exercise STORMRIDGE": the title word "Exercise" inside the name opens the drill's own name (not after
            // "of" or another lower-case word, "the Academy of Exercise Science", nor in a name a body's head word makes: "the
            // Exercise Science Department")
            var words = m.Mention.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int x = words.Length >= 3 ? Array.IndexOf(words, "Exercise", 1, words.Length - 2) : -1;
            bool titled = x > 0 && !char.IsLower(words[x - 1][0])
                          && !words.Any(w => lex.OrgKeywords.Lookup(w).Any(kw => kw.Type != EntityType.Event));
            if (drill || recurring || titled || DescribedAsDrill(tokens, m, lex)) events.Add(m.Mention.Text);
        }
        events.ExceptWith(placed);
        if (events.Count == 0) return;
        // ... and so does its acronym, written in brackets right after it: "the biennial Coastal Rescue Activity (CRA)"
        // (the names ending before each bracket found once, so the pass stays linear in the article's mentions)
        ILookup<(int Sentence, int End), string>? endingAt = null;
        foreach (var m in result)
            if (IsNamed(m) && NameKey.IsAcronymShape(m.Mention.Text) && m.FirstToken >= 2 && Word(sentences, m, m.FirstToken - 1) == "("
                && (endingAt ??= result.ToLookup(n => (n.Mention.SentenceIndex, n.EndToken), n => n.Mention.Text))[(m.Mention.SentenceIndex, m.FirstToken - 1)].Any(events.Contains))
                events.Add(m.Mention.Text);
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (!IsNamed(m) || !events.Contains(m.Mention.Text) || m.Mention.Type == EntityType.Event) continue;
            var last = Word(sentences, m, m.EndToken - 1);
            var meeting = lex.OrgKeywords.Lookup(last, KeywordPosition.Suffix).Any(h => h.Type == EntityType.Event && h.FineType == "Meeting");
            result[k] = m with { Mention = m.Mention with { Type = EntityType.Event, FineType = meeting ? "Meeting" : null, Canonical = null }, Role = null, Agent = null };
        }
    }

    /// <summary>Title words of an undertaking that open its own name: "Project Kestran", "Operation Tarn Shield", "Exercise Kessa Wave".</summary>
    private static readonly HashSet<string> UndertakingTitles = new(StringComparer.OrdinalIgnoreCase) { "Project", "Operation", "Exercise", "Programme", "Program" };

    /// <summary>Of <see cref="UndertakingTitles"/>, the word that opens a name only in lower case with a quotation mark: a
    /// capitalised "Operation" left out of a mention ("Somalia Operation ATALANTA's", "Special Operation Maritime Task Unit")
    /// is part of a longer name the article also writes whole (type44: "Operation Kessa" gave a second node beside the
    /// operation's own).</summary>
    private static bool OnlyQuoted(string w) => w == "Operation";

    /// <summary>Opening quotation marks that may stand between an undertaking's title word and its name.</summary>
    private static bool IsOpeningQuote(string w) => w is "\"" or "``" or "\u201C" or "'" or "\u2018" or "`";

    /// <summary>
    /// "destroying old shells as part of Project Kestran", "fish seized in an operation \"Velmor\" led by the police",
    /// "joined Exercise Kessa Wave": a name right after the title word of an undertaking ("Project", "Exercise", "Programme",
    /// "Program") that the mention does not take in, written with a capital (not after another capitalised word: the title
    /// is then inside a longer name) or, in lower case ("operation" too), with an opening quotation mark before the name, names
    /// that undertaking, an Event, no actor; every mention of the name in the article follows (type44). Not a name opened by a
    /// given name ("the Project Manager Ana Ruiz" has its title between), not one the gazetteer knows or that holds a role,
    /// nor a name the article also writes after a preposition of place.
    /// </summary>
    private static void TypeNamesAfterUndertakingTitles(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        var events = new HashSet<string>(StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in result)
        {
            if (!IsNamed(m) || m.Mention.Type is not (EntityType.Organization or EntityType.Location or EntityType.Person)) continue;
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            int f = m.FirstToken;
            if (f > 0 && PlacePrepositions.Contains(tokens[f - 1].Text)) placed.Add(m.Mention.Text);
            if (m.Mention.Source == "gazetteer" || m.Role is not null || Known(lex, m.Mention.Text) || lex.GivenNames.Contains(tokens[f].Text)) continue;
            int t = f - 1;
            bool quoted = t >= 0 && IsOpeningQuote(tokens[t].Text);
            if (quoted) t--;
            if (t < 0 || !UndertakingTitles.Contains(tokens[t].Text) || OnlyQuoted(tokens[t].Text)) continue;
            // (the title word inside a longer capitalised name: "the Kessa Special Project Velm Unit")
            if (t > 0 && char.IsUpper(tokens[t - 1].Text[0]) && tokens[t - 1].Tag is "NNP" or "NNPS") continue;
            // (lower case, the word is a common noun, and only a quotation mark makes what follows its name: "the operation
            // Velmor led" may be a body's object)
            if (char.IsLower(tokens[t].Text[0]) && !quoted) continue;
            events.Add(m.Mention.Text);
        }
        events.ExceptWith(placed);
        if (events.Count == 0) return;
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (!IsNamed(m) || !events.Contains(m.Mention.Text) || m.Mention.Type is not (EntityType.Organization or EntityType.Location or EntityType.Person)) continue;
            result[k] = m with { Mention = m.Mention with { Type = EntityType.Event, FineType = null, Canonical = null }, Role = null, Agent = null };
        }
    }

    /// <summary>
    /// "the Executive Director of NGO Marvel, Dana Orr": a name right after "NGO" (a non-governmental organisation's common
    /// name used as its title) is that organisation, whatever the recogniser read it as; not a name opened by a given name
    /// (type44)
    /// </summary>
    private static void TypeBodiesAfterNgo(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (!IsNamed(m) || m.Mention.Type is not (EntityType.Person or EntityType.Location) || m.Mention.Source == "gazetteer" || m.FirstToken == 0) continue;
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            if (tokens[m.FirstToken - 1].Text != "NGO" || lex.GivenNames.Contains(tokens[m.FirstToken].Text)) continue;
            result[k] = m with { Mention = m.Mention with { Type = EntityType.Organization, FineType = null, Canonical = null }, Role = null, Agent = null };
        }
    }

    /// <summary>
    /// "Steel Tide was a week-long live-fire drill along the border", "Velstrand 9, a joint air drill over the northern plain,
    /// drew ...": a name (past a number) that is the subject of "is"/"was" with an indefinite complement, or that an
    /// appositive after its comma restates, whose noun phrase's head (the last of its lower-case words: no noun after it) is
    /// a drill noun, names that drill. Not a name in a list, nor the subject after a preposition ("the goal of Velmora was
    /// an exercise in patience"), nor a person's name opened by a given name, nor a drill noun that only modifies the head
    /// ("an exercise physiologist"), owns a noun ("said Dace, the drill's chief umpire"), begins the idiom of an effort
    /// ("Marlowe, an exercise in restraint for his critics") or opens a main clause ("Once the convoy left Pellmoor, the
    /// exercise ended").
    /// </summary>
    private static bool DescribedAsDrill(IReadOnlyList<Token> tokens, PlacedMention m, LexiconSet lex)
    {
        int r = m.EndToken;
        if (r < tokens.Count && tokens[r].Tag == "CD") r++;
        if (r + 2 >= tokens.Count || tokens[r + 1].Text is not ("a" or "an" or "the")) return false;
        // (neither branch takes a name in a list; the subject of "is" follows no preposition, and neither does a name that
        // ", the <drill noun>" follows: "After a briefing by Orsk, the drill moved inland" closes a fronted phrase and opens
        // the main clause; an indefinite appositive restates a name after a preposition too: "the frigates sailed
        // for Gellan 12, a week-long drill off the cape")
        var before = m.FirstToken > 0 ? tokens[m.FirstToken - 1] : null;
        if (before?.Text is "," or "and" or "or") return false;
        bool afterPreposition = before?.Tag is "IN" or "TO";
        bool copula = tokens[r].Text is "is" or "was" && tokens[r + 1].Text != "the" && !afterPreposition;
        bool apposed = tokens[r].Text == "," && !(afterPreposition && tokens[r + 1].Text == "the");
        if (!copula && !apposed) return false;
        if (m.Mention.Type == EntityType.Person && lex.GivenNames.Contains(tokens[m.FirstToken].Text)) return false;
        int h = r + 2;
        while (h < tokens.Count && h - r <= 7 && !DrillHeads.Contains(tokens[h].Text)
               && (tokens[h].Text == "-" || char.IsLower(tokens[h].Text[0]) && tokens[h].Tag is "JJ" or "NN" or "VBG" or "VBN" or "HYPH" or "CD")) h++;
        if (h >= tokens.Count || !DrillHeads.Contains(tokens[h].Text) || tokens[h].Tag is not ("NN" or "NNS")) return false;
        if (h + 1 >= tokens.Count) return true;
        var next = tokens[h + 1];
        // the drill noun heads the phrase: no noun after it ("an exercise physiologist"), no owner's "'s" ("the drill's
        // planner": the name is the owner's planner), no "in"/"of" ("an exercise in restraint", "an exercise of will": the
        // idiom of an effort, no drill), and no finite verb or modal ("Once the convoy left Pellmoor, the drill ended": the
        // drill noun opens a main clause after a fronted one, it restates no name; a past form after "a"/"an" is read as a
        // participle, "an exercise held off the cape", which the tagger may tag as a past tense)
        return !(next.Tag is "NN" or "NNS" && char.IsLower(next.Text[0])) && next.Tag != "POS" && next.Text is not ("in" or "of")
               && !(next.Tag is "VBZ" or "VBP" or "MD" || next.Tag == "VBD" && tokens[r + 1].Text == "the");
    }

    /// <summary>
    /// "Harlan Vance, the Kessa-based law firm, said": a noun phrase after a name and a comma, opened by "the" or "a" and
    /// closed by a comma, a full stop or a relative pronoun, restates the name; its head noun (the last noun before the close)
    /// says what the name names when the descriptions know the noun as a person's, a body's or a place's ("firm" a company,
    /// "founder" a person). A name in a list ("Ana, the police and the army") or a phrase that goes on into a list is left alone.
    /// </summary>
    private static void TypeByAppositives(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            // (a company's sublabel that only its head word gave, "Corporation", yields to an appositive that calls it a state's
            // agency: "the Ostland Development Corporation, a federal agency" (type40))
            bool company = m.Mention is { Type: EntityType.Organization, FineType: "Company" };
            // (so does a unit lettered by the spelling alphabet, "Delta Company", whose appositive calls it something else:
            // "Delta Company, a software firm" (type41))
            bool letteredUnit = m.Mention is { Type: EntityType.Organization, FineType: "ArmedForces" } && MentionFinder.IsLetteredUnit(m.Mention.Text);
            if (m.Mention.Kind != MentionKind.Name || m.Mention.Source != "ner" && !company && !letteredUnit || m.Role is not null
                || m.Mention.FineType is not null && !company && !letteredUnit) continue;
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            int e = m.EndToken;
            if (e + 2 >= tokens.Count || tokens[e].Text != "," || tokens[e + 1].Text is not ("the" or "a" or "an")) continue;
            if (m.FirstToken > 0 && tokens[m.FirstToken - 1].Text is "," or "and" or "or") continue;
            int j = e + 2, head = -1;
            while (j < tokens.Count && j - e <= 7 && tokens[j].Tag is "JJ" or "JJS" or "NN" or "NNS" or "NNP" or "VBN" or "POS" or "HYPH" or "CD")
            {
                if (tokens[j].Tag is "NN" or "NNS" && char.IsLower(tokens[j].Text[0])) head = j;
                j++;
            }
            // (or the head is closed by its own post-modifier, a participle or a preposition other than "of": "Kessa Hall, a
            // nine-member tribunal established in 2031", "Orvan, a disputed district within Varnesk"; after "of" the head may be a
            // quantity's, "a group of islands")
            if (head >= 0 && head < j - 1 && tokens[head + 1].Tag == "VBN") j = head + 1;
            bool postModified = head >= 0 && head == j - 1 && j < tokens.Count
                                && (tokens[j].Tag == "VBN" || tokens[j].Tag == "IN" && tokens[j].Text is not ("of" or "that"));
            if (head < 0 || head != j - 1 || j >= tokens.Count || !postModified && tokens[j].Text is not ("," or "." or "who" or "which" or "that" or "whose")) continue;
            if (tokens[j].Text == "," && j + 1 < tokens.Count && tokens[j + 1].Text is "and" or "or") continue;
            var readings = lex.Descriptors.Lookup(tokens[head].Text);
            if (company)
            {
                if (readings.Count > 0 && readings[0] is { Type: EntityType.Organization } agency && agency.FineTypes.FirstOrDefault() == "GovernmentAgency")
                    result[k] = m with { Mention = m.Mention with { FineType = "GovernmentAgency", Canonical = null }, Agent = null };
                continue;
            }
            if (letteredUnit)
            {
                if (readings.Count > 0 && readings[0].Type == EntityType.Organization && readings[0].FineTypes.FirstOrDefault() is { } sub and not "ArmedForces" and not "Organization")
                    result[k] = m with { Mention = m.Mention with { FineType = sub, Canonical = null }, Agent = null };
                continue;
            }
            if (readings.Count == 0 || readings[0].Type == m.Mention.Type || readings[0].Type == EntityType.Event) continue;
            var fine = readings[0].FineTypes.FirstOrDefault(f => f is not ("Facility" or "ArmedGroup" or "Organization"));
            result[k] = m with { Mention = m.Mention with { Type = readings[0].Type, FineType = fine, Canonical = null }, Agent = null };
        }
    }

    /// <summary>
    /// "TARVO Henrik, Foreign Minister of Kessa, arrived", "a radio order from Varno Teskel, the Minister of Harbours,": a name that a
    /// comma, "the" or not, and a person's title (titles.tsv, capitalised) followed by "of" or "to" restate is the office
    /// holder, a person, whatever the recogniser took it for (and a person it took for one stays one, whatever a
    /// preposition of place before the name suggests). The title must go on into its field ("of", "to"): a title
    /// right before a name opens another person ("Kessa, President Orvin said"), and so does one whose field a person's name
    /// closes ("Kessa, Secretary of Harbours Orla Venn, said"). A name with its own evidence (a name
    /// keyword or a title in it, a given name opening it), a name the gazetteer knows or holding a word it knows, an acronym's shape, a name in a list
    /// and a name with a fine type stay.
    /// </summary>
    private static void TypeByAppositiveTitles(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        HashSet<(int, int)>? persons = null, ends = null;
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (m.Mention is not { Kind: MentionKind.Name, Type: EntityType.Organization or EntityType.Location or EntityType.Person, FineType: null } mention
                || mention.Source is not ("ner" or "rule") || m.Role is not null) continue;
            var tokens = sentences[mention.SentenceIndex].Tokens;
            int e = m.EndToken;
            if (e + 3 >= tokens.Count || tokens[e].Text != ",") continue;
            // (a name in a list: after "and"/"or", or after a comma that closes another name; a comma closing a fronted phrase,
            // "Once the ballots were counted, OSKARI Lenna, Prime Minister of Kessa, thanked", opens the clause)
            if (m.FirstToken > 0 && (tokens[m.FirstToken - 1].Text is "and" or "or"
                                     || tokens[m.FirstToken - 1].Text == "," && (ends ??= result.Select(p => (p.Mention.SentenceIndex, p.EndToken)).ToHashSet())
                                         .Contains((mention.SentenceIndex, m.FirstToken - 1)))) continue;
            if (HasOwnEvidence(lex, mention.Text) || NameKey.IsAcronymShape(mention.Text)) continue;
            // (a place or body closing a phrase that opens the sentence with a preposition is followed by the clause, no
            // apposition: "At Brellin, Head of the delegation Mira Tols spoke", "In Kovarra, Chair of the council told us")
            if (mention.Type != EntityType.Person && OpensWithPrepositionBefore(tokens, m.FirstToken)) continue;
            // (a name holding a known place's or body's name is no person's: "South Kessa", "the OSCE Chairmanship")
            if (Known(lex, mention.Text) || NameKey.Words(mention.Text).Any(w => Known(lex, w))) continue;
            int j = e + 1;
            if (tokens[j].Text == "the") j++;
            if (!char.IsUpper(tokens[j].Text[0])) continue;
            var words = new string[Math.Min(tokens.Count - j, 6)];
            for (int t = 0; t < words.Length; t++) words[t] = tokens[j + t].Text;
            var (len, titles) = lex.Titles.LongestMatchAt(words, 0);
            if (len == 0 || len >= words.Length || !titles.Any(t => t.ImpliesPerson) || words[len] is not ("of" or "to")) continue;
            // ("Kessa, Secretary of Harbours Orla Venn, said": a person named after the title's field holds the office)
            persons ??= result.Where(p => p.Mention.Type == EntityType.Person).Select(p => (p.Mention.SentenceIndex, p.FirstToken)).ToHashSet();
            int f = j + len;
            while (f < tokens.Count && f - j <= 16 && tokens[f].Text is not ("," or "." or ";" or ":") && !persons.Contains((mention.SentenceIndex, f))) f++;
            if (f < tokens.Count && persons.Contains((mention.SentenceIndex, f))) continue;
            // (a rule's reading: a preposition of place before the name, "a radio order from Varno Teskel, the Minister of ...", does not
            // correct it back to a place)
            result[k] = m with { Mention = mention with { Type = EntityType.Person, Canonical = null, Source = "rule" }, Agent = null };
        }
    }

    /// <summary>The sentence opens with a preposition and only determiners, adjectives and names lie between it and
    /// <paramref name="first"/> ("In northern Kovarra", "At the Brellin").</summary>
    private static bool OpensWithPrepositionBefore(IReadOnlyList<Token> tokens, int first)
    {
        if (first < 1 || tokens[0].Upos != "ADP") return false;
        for (int k = 1; k < first; k++)
            if (tokens[k].Upos is not ("DET" or "ADJ" or "PROPN")) return false;
        return true;
    }

    /// <summary>
    /// "American Indian records ... to train Indian students": a people named with "American" before a demonym ("American
    /// Indian"), or a demonym before "reservation(s)" ("the Apache Indian Reservation"), is a people of the Americas, and the article's other uses of that demonym name it too, no country ("Indian"
    /// is no India there, nor are "Indian students" India's); the demonym's mentions go and the descriptions it anchored
    /// lose their country
    /// </summary>
    private static void DropCountriesOfAmericanPeoples(IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        var peoples = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
            for (int i = 0; i + 1 < s.Tokens.Count; i++)
            {
                // "American Indian"; and "Indian reservations": a reservation is the land of a people of the Americas
                var demonym = s.Tokens[i].Text == "American" ? s.Tokens[i + 1].Text
                    : s.Tokens[i + 1].Text is "reservation" or "reservations" or "Reservation" or "Reservations" ? s.Tokens[i].Text : null;
                if (demonym is null || !MentionFinder.IsTitleCase(demonym) || !demonym.EndsWith("an", StringComparison.Ordinal)) continue;
                peoples.Add(demonym);
                peoples.Add(demonym + "s");
            }
        if (peoples.Count == 0) return;
        result.RemoveAll(m => m.Mention.Kind == MentionKind.Demonym && peoples.Contains(m.Mention.Text));
        for (int k = 0; k < result.Count; k++)
            if (result[k].AnchorCountry is not null && result[k].Mention.Text.Split(' ')[0] is var first && peoples.Contains(first))
                result[k] = result[k] with { AnchorCountry = null };
    }

    /// <summary>Nouns of what is done to a person, before "of" and the person's name: "the murder of Ana Brel".</summary>
    private static readonly HashSet<string> HarmNouns = new(StringComparer.Ordinal)
    {
        "murder", "murders", "killing", "killings", "assassination", "kidnapping", "abduction", "rape", "beheading", "torture", "disappearance",
    };

    /// <summary>
    /// "charged with the murder of Eduardo Brel Quell in Valdoria": a name of capitalised words after a noun of harm done to a
    /// person and "of" is the victim, a person, when the recogniser's organisation reading has no other evidence (no
    /// gazetteer entry, no name keyword among its words, no acronym); the surname alone later is that person
    /// </summary>
    private static void TypeVictims(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            int f = m.FirstToken;
            if (m.Mention.Type != EntityType.Organization || m.Mention.Source != "ner" || m.Mention.Kind != MentionKind.Name || f < 2) continue;
            if (Word(sentences, m, f - 1) != "of" || !HarmNouns.Contains(Word(sentences, m, f - 2)) || Known(lex, m.Mention.Text)) continue;
            var words = Enumerable.Range(f, m.EndToken - f).Select(i => Word(sentences, m, i)).ToList();
            if (!words.All(MentionFinder.IsTitleCase) || words.Any(w => lex.OrgKeywords.Lookup(w).Count > 0)) continue;
            result[k] = m with { Mention = m.Mention with { Type = EntityType.Person, FineType = null, Canonical = null }, Agent = null };
        }
    }

    /// <summary>Words of the arms of a force that make a division a military one: "Airborne Division", "Armored Division".</summary>
    private static readonly HashSet<string> ArmsOfService = new(StringComparer.Ordinal)
    {
        "Infantry", "Armored", "Armoured", "Airborne", "Cavalry", "Mechanized", "Mechanised", "Motorized", "Artillery", "Marine", "Mountain",
        "Tank", "Panzer", "Rifle", "Guards", "Air", "Naval", "Military",
    };

    /// <summary>
    /// "the Justice Department's Criminal Division", "the FBI's Miami Division": "Division" heads a force's unit only with an
    /// ordinal ("82nd Airborne Division"), an arm of service ("Armored Division") or a force's own head word ("Army
    /// Division"); a division without any of them is a civil body's, a plain organisation, no ArmedForces ("Corps" is left
    /// as it was: paramilitary corps are named without an arm, "the Frontier Corps", "the Badr Corps")
    /// </summary>
    private static void UntypeCivilDivisions(IReadOnlyList<Sentence> sentences, List<PlacedMention> result, LexiconSet lex)
    {
        for (int k = 0; k < result.Count; k++)
        {
            var m = result[k];
            if (m.Mention.Type != EntityType.Organization || m.Mention.FineType != "ArmedForces" || m.Mention.Kind != MentionKind.Name || m.Mention.Source == "gazetteer") continue;
            var words = Enumerable.Range(m.FirstToken, m.EndToken - m.FirstToken).Select(i => Word(sentences, m, i)).ToList();
            if (words.Count < 2 || words[^1] is not ("Division" or "Divisions")) continue;
            if (words.Take(words.Count - 1).Any(w => MentionFinder.IsNumericOrdinal(w) || w.Any(char.IsDigit) || ArmsOfService.Contains(w)
                || lex.OrgKeywords.Lookup(w, KeywordPosition.Suffix).Any(h => h.FineType == "ArmedForces"))) continue;
            result[k] = m with { Mention = m.Mention with { FineType = null } };
        }
    }
}
