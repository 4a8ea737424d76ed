using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Entities;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Coreference;

/// <summary>
/// Resolves definite descriptions ("the junta", "the mission", "the group") and pronouns (he, she, it, its, they,
/// their) to the entity they refer to, so that relationships land on entities, not on words.
/// A description goes to the most recently mentioned entity whose type fits its head noun (a junta is a
/// Government, a mission a PeacekeepingMission); a government or army description with nothing to refer to goes
/// to the government or armed forces of the document's dominant country. A pronoun goes to the most recent
/// entity of the right kind within the last two sentences; "it" in "it is hard to ..." refers to nothing.
/// </summary>
public sealed class CorefResolver
{
    private readonly LexiconSet _lex;

    public CorefResolver(LexiconSet lexicons) { _lex = lexicons; }

    /// <summary>A new entity coreference had to introduce, e.g. "Government of Chad" for "the junta".</summary>
    public sealed record IntroducedEntity(int Cluster, string Name, EntityType Type, string FineType, string Country);

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "this", "these" };

    private enum PronounKind { Person, Thing, Plural }

    private static PronounKind? Pronoun(string w) => w.ToLowerInvariant() switch
    {
        "he" or "him" or "his" or "she" or "her" or "hers" or "himself" or "herself" => PronounKind.Person,
        "it" or "its" or "itself" => PronounKind.Thing,
        "they" or "them" or "their" or "theirs" or "themselves" => PronounKind.Plural,
        _ => null,
    };

    /// <summary>
    /// How many sentences back a description ("the junta", "the coalition") looks for the entity it refers to. Longer
    /// than nearly every news article, so it changes nothing there; it keeps a book-length text linear.
    /// </summary>
    public const int DescriptionWindow = 200;

    /// <summary>Work counted in <see cref="StageTimings"/>: mentions looked at while searching antecedents.</summary>
    public const string MentionsWork = "coreference: mentions examined";

    /// <param name="unresolved">Receives descriptions that refer to nothing named in the text: mentions without an entity.</param>
    public (List<ClusteredMention> Mentions, List<IntroducedEntity> Introduced) Resolve(
        Document doc, IReadOnlyList<Sentence> sentences, List<ClusteredMention> named, List<Mention> unresolved, StageTimings? timings = null)
    {
        var all = new SentenceMentions(sentences.Count, named.OrderBy(m => m.Mention.Span.Start));
        var introduced = new List<IntroducedEntity>();
        int nextCluster = named.Count == 0 ? 0 : named.Max(m => m.Cluster) + 1;
        var fineOf = new Dictionary<int, HashSet<string>>();
        var typeOf = new Dictionary<int, EntityType>();
        var rolesOf = new Dictionary<int, HashSet<string>>(); // the roles the text gives a person ("Secretary Ana Ruiz": secretary)
        var executives = new HashSet<int>(); // clusters of a country's government ("Government of Kessland"), for a legislature's description
        foreach (var m in named)
        {
            if (m.Mention.Canonical?.StartsWith("Government of ", StringComparison.Ordinal) == true) executives.Add(m.Cluster);
            if (!fineOf.TryGetValue(m.Cluster, out var set)) fineOf[m.Cluster] = set = new HashSet<string>(StringComparer.Ordinal);
            if (m.Mention.FineType is not null) set.Add(m.Mention.FineType);
            typeOf.TryAdd(m.Cluster, m.Mention.Type);
            if (m.Placed.Role is { } role)
            {
                if (!rolesOf.TryGetValue(m.Cluster, out var roles)) rolesOf[m.Cluster] = roles = new HashSet<string>(StringComparer.Ordinal);
                roles.Add(role);
            }
        }
        var genderOf = GendersOf(sentences, named);
        var firstPerson = new FirstPerson(sentences, _lex.Titles);
        var kin = new Dictionary<(int, string), int>(); // (possessor's cluster, kinship noun) -> the person the text names so
        foreach (var s in sentences)
        {
            var words = s.Tokens.Select(t => t.Text).ToList();
            for (int i = 0; i < words.Count; i++)
            {
                if (Blocked(all, s, i)) continue;
                if (FirstPerson.IsFirstPerson(words[i]) && s.Tokens[i].Tag is "PRP" or "PRP$")
                {
                    // "we" in a quotation is the speaker's organisation; with no speaker known it stays unresolved
                    var speaker = firstPerson.Resolve(s.Index, i, words[i], all, c => typeOf[c], c => fineOf[c]);
                    if (speaker is null) continue;
                    var tok = s.Tokens[i];
                    var fp = new Mention(tok.Span, tok.Text, s.Index, typeOf[speaker.Cluster], null, MentionKind.Pronoun, "coref");
                    all.Insert(new ClusteredMention(new PlacedMention(fp, i, i + 1, null, null), speaker.Cluster));
                    if (Kin(doc, s, words, i, speaker.Cluster, kin, all, typeOf) is { } afterKin) i = afterKin - 1;
                    continue;
                }
                if (GroupPhrase(s, words, i, all) is { } group)
                {
                    i = ResolveGroup(doc, s, words, i, group, all, introduced, typeOf, fineOf, ref nextCluster) - 1;
                    continue;
                }
                // the pronoun, role and description readings each in a block of their own: a variable a lambda captures at the
                // loop body's level made the body allocate its closure at every token; now only a token read so pays for it
                if (Pronoun(words[i]) is { } pronounFound)
                {
                    PronounKind? pronoun = pronounFound;
                    if (pronoun == PronounKind.Thing && IsPleonastic(words, i)) continue;
                    // "It lowered the flag at its headquarters": a second pronoun of the same kind in a sentence refers with the first
                    // (a gendered pronoun only with one of its gender: "He met her" are two people)
                    var gender = GenderOf(words[i]);
                    var earlier = all.In(s.Index).LastOrDefault(x => x.Placed.EndToken <= i
                        && x.Mention.Kind == MentionKind.Pronoun && Pronoun(x.Mention.Text) == pronoun && GenderOf(x.Mention.Text) == gender);
                    Func<int, bool> fitsPronoun = c => pronoun switch
                    {
                        // "Mr. Tomas Brell met Ms. Ana Ruiz. She said ...": a pronoun of one gender never goes to a person the text
                        // marks as of the other (a courtesy title or a gendered title before the name); with none it may
                        PronounKind.Person => typeOf[c] == EntityType.Person && (gender == '?' || !genderOf.TryGetValue(c, out var g) || g == gender),
                        PronounKind.Thing => typeOf[c] is EntityType.Organization or EntityType.Location or EntityType.Event,
                        _ => typeOf[c] is EntityType.Organization || (fineOf[c].Contains("Country")),
                    };
                    // A pronoun opening a clause usually continues the previous sentence's subject.
                    var target = earlier ?? (OpensClause(words, i) ? PreviousSubject(sentences, all, s, fitsPronoun) : null)
                        ?? Antecedent(sentences, all, s, i, fitsPronoun, maxSentencesBack: 2);
                    if (target is null) continue;
                    var t = s.Tokens[i];
                    var mention = new Mention(t.Span, t.Text, s.Index, target.Mention.Type, null, MentionKind.Pronoun, "coref");
                    all.Insert(new ClusteredMention(new PlacedMention(mention, i, i + 1, null, null), target.Cluster));
                    if (pronoun == PronounKind.Person && Kin(doc, s, words, i, target.Cluster, kin, all, typeOf) is { } afterKin) i = afterKin - 1;
                    continue;
                }
                if (!Determiners.Contains(words[i]) && !(words[i] is "its" or "their")) continue;
                // "Secretary Ana Ruiz arrived ... The Secretary met ...": the title alone is the last person named with that role
                if (RoleDescription(s, words, i, all) is { } byRoleFound)
                {
                    var byRole = byRoleFound;
                    var roleSuffix = " " + byRole.Role;
                    var holder = Antecedent(sentences, all, s, i, c => typeOf[c] == EntityType.Person && rolesOf.TryGetValue(c, out var rs)
                        && rs.Any(r => r == byRole.Role || r.EndsWith(roleSuffix, StringComparison.Ordinal)), DescriptionWindow);
                    if (holder is not null)
                    {
                        int a = s.Tokens[i].Start, b = s.Tokens[byRole.End - 1].End;
                        var rm = new Mention(new TextSpan(a, b), doc.Text[a..b], s.Index, EntityType.Person, null, MentionKind.Descriptor, "coref");
                        all.Insert(new ClusteredMention(new PlacedMention(rm, i, byRole.End, byRole.Role, null), holder.Cluster));
                        i = byRole.End - 1;
                        continue;
                    }
                }
                var description = Description(s, words, i, all);
                if (description is null) continue;
                {
                    var (end, headStart, entries) = description.Value;
                    var fines = entries.SelectMany(e => e.FineTypes).ToHashSet(StringComparer.Ordinal);
                    var coarse = entries[0].Type;
                    // "Protesters clashed with soldiers ... the team met them": a singular noun ("the team") describes one body, never
                    // a generic actor, which is people named by the plural of their kind ("protesters", "farmers")
                    bool singular = entries.All(e => e.Word == e.Lemma);
                    // "the parliament", "the legislature": a legislature is a body of its own, never a country's government
                    // ("the Parliament and government of Kessland"), though the descriptors type both Government
                    bool legislature = entries.All(e => _lex.Agents.IsLegislature(e.Lemma));
                    // "Velmar Armed Forces drilled in Ostria. The allies agreed ...": the plural of a noun that may describe a
                    // body of any kind ("allies", "partners", "teams") is several parties, never the one body named before
                    // (nor the body named inside it: "the Velmar allies" are Velmar's members); "the team" still is that body
                    bool several = entries.All(e => e.Word != e.Lemma && e.FineTypes.Count == 0);
                    bool Fits(int c) => typeOf[c] == coarse && (fines.Count == 0 || fines.Overlaps(fineOf[c]))
                        && !(singular && fineOf[c].Count == 1 && fineOf[c].Contains("Agent"))
                        && !(legislature && executives.Contains(c));
                    // A name inside the description ("the U.N. force") points at an entity named with it ("U.N. mission in South Sudan").
                    var modifiers = all.In(s.Index).Where(x => x.Placed.FirstToken > i && x.Placed.EndToken <= end)
                        .Select(x => x.Mention.Text).ToList();
                    // "the United States government": a country's name (as the gazetteer knows it) before the head names the
                    // owner, so it is only a body named with it or that country's government or forces, never the nearest body
                    // of its type nor the government of the country the text mentions most (a leader's name is no such owner:
                    // "the Halvorsen regime" is still the government named before)
                    // (a country the recogniser found there counts as well, whatever its tag: "the Omani authorities")
                    var owner = (OwnerWords(s, words, i, headStart) is { } ownerWords ? _lex.Gazetteer.CountryNamed(ownerWords) : null)
                        ?? CountryBetween(all, s.Index, i, headStart);
                    ClusteredMention? antecedent = null;
                    // "the Chadian capital, N'Djamena": an apposition names what the description describes
                    var apposition = end + 1 < words.Count && words[end] == ","
                        ? all.In(s.Index).FirstOrDefault(x => x.Placed.FirstToken == end + 1 && x.Mention.Kind is MentionKind.Name && Fits(x.Cluster))
                        : null;
                    if (apposition is not null) antecedent = apposition;
                    if (antecedent is null && modifiers.Count > 0 && !several)
                        antecedent = Antecedent(sentences, all, s, i, c => Fits(c) && all.AnyTextOf(c,
                            text => modifiers.Any(mod => ContainsWords(text, mod) && text.Length > mod.Length)), DescriptionWindow);
                    // "the contractors of the Air Force" after "the U.S. Air Force" and "U.S. Air Forces Central Command": a
                    // description written in capitals is the entity whose name ends with its words, before a nearer one of the type
                    bool capitalised = i + 1 < end && Enumerable.Range(i + 1, end - i - 1).All(k => char.IsUpper(words[k][0]));
                    if (antecedent is null && capitalised)
                    {
                        var tail = " " + string.Join(' ', words.GetRange(i + 1, end - i - 1));
                        // (a name that modifies a noun counts here: "the U.S. Air Force colors" names the force)
                        antecedent = Latest(all, s.Index, i, m => Fits(m.Cluster) && all.AnyTextOf(m.Cluster, text => text.EndsWith(tail, StringComparison.Ordinal)), DescriptionWindow);
                    }
                    // "the administration" is the executive of a leader the text may never name: it is only a body the text named
                    // as someone's administration ("the Velk Administration ... the administration"), never the government of
                    // another name nor the country the text mentions most (a press release's "the Administration" is its own)
                    bool administration = entries.All(e => e.Lemma == "administration");
                    if (administration) antecedent = Latest(all, s.Index, i, m => m.Mention.Kind is MentionKind.Name && IsLeadersAdministration(m.Mention.Text)
                        && modifiers.All(mod => ContainsWords(m.Mention.Text, mod)), DescriptionWindow);
                    // "the governments of A, B and C": the plural of a government noun is several governments, none of those named
                    // before; "the Air Force", "the Army" written in capitals are a service's name, so only a body whose name ends
                    // with it ("Velmar Air Force"), never the nearest unit of another name ("... Air Forces Central Command"); any
                    // other description in capitals ("the Government") is still the nearest body of its type
                    // (a country's name before any other head, "the U.S. company", says where the body is from, not which one it
                    // is: still the nearest body of its type)
                    // "the Harbour Board fined Kessel Freight. The Commission's report ...": any other body noun written in capitals
                    // (a body's: a person's title in capitals, "the Minister", is still the person named before with it)
                    // ("the Commission", "the Agency", "the Council") is the name a body goes by, so only a body whose own name has
                    // that noun ("Velmar Trade Commission"), never the nearest body of another name; a government's or armed
                    // force's noun ("the Authorities", "the Government") still describes the nearest one, whatever its name
                    else if (!Plural(entries) && !several && !(capitalised && Service(entries)) && (owner is null || !OwnedByCountry(fines)))
                    {
                        var head = words[end - 1];
                        bool namedHead = capitalised && coarse == EntityType.Organization && !entries.Any(e => e.FineTypes.Contains("Government") || e.FineTypes.Contains("ArmedForces"));
                        antecedent ??= Antecedent(sentences, all, s, i, namedHead ? c => Fits(c) && all.AnyTextOf(c, text => ContainsWords(text, head)) : Fits,
                            DescriptionWindow);
                    }
                    int cluster;
                    if (antecedent is not null) cluster = antecedent.Cluster;
                    else
                    {
                        var fine = administration || legislature || Plural(entries) ? null : fines.FirstOrDefault(f => f is "Government" or "ArmedForces");
                        var country = fine is null ? null : owner ?? DominantCountry(all);
                        // "Egypt objects to the warrant and the government will appeal": a sentence that names other countries
                        // and not the one the text mentions most gives no ground for that one's government; the noun refers to none
                        // (a country's bare name after the noun is where the government acts, no rival owner: "the government will
                        // send engineers to Mali" in a story about Ghana is Ghana's)
                        if (owner is null && country is not null && NamesOnlyOtherCountries(all, s.Index, country, i)) country = null;
                        // "the international military said it would honour the truce", "the foreign troops left Kessland": an
                        // armed force described as of several nations or of another is no force of the country the text mentions
                        // most; the noun refers to none (other42)
                        if (owner is null && country is not null && fine == "ArmedForces"
                            && Enumerable.Range(i + 1, Math.Max(0, headStart - i - 1)).Any(k => OtherNationsModifiers.Contains(words[k]))) country = null;
                        if (fine is null || country is null)
                        {
                            // a description of something the text never names ("the enemy forces"): a mention, but no entity
                            int f0 = words[i] is "its" or "their" ? i + 1 : i;
                            int a0 = s.Tokens[f0].Start, b0 = s.Tokens[end - 1].End;
                            unresolved.Add(new Mention(new TextSpan(a0, b0), doc.Text[a0..b0], s.Index, coarse, fines.FirstOrDefault(), MentionKind.Descriptor, "coref-unresolved"));
                            // "the Velk administration": the leader's name modifies the administration, no body of its own (the
                            // recogniser's misreading of it as an organisation goes; a person or a country named there stays: "the
                            // Chad administration" still names Chad)
                            if (administration) all.RemoveIn(s.Index, x => x.Placed.FirstToken >= f0 && x.Placed.EndToken <= end
                                && x.Mention.Type == EntityType.Organization && x.Mention.FineType != "Country");
                            i = end - 1;
                            continue;
                        }
                        var name = fine == "Government" ? $"Government of {country}" : $"Armed Forces of {country}";
                        var namedCluster = all.FirstWithCanonical(name);
                        var existing = introduced.FirstOrDefault(x => x.Name == name);
                        if (namedCluster is not null) existing = new IntroducedEntity(namedCluster.Cluster, name, EntityType.Organization, fine, country);
                        else if (existing is null)
                        {
                            existing = new IntroducedEntity(nextCluster++, name, EntityType.Organization, fine, country);
                            introduced.Add(existing);
                            typeOf[existing.Cluster] = EntityType.Organization;
                            fineOf[existing.Cluster] = new HashSet<string>(StringComparer.Ordinal) { fine };
                            if (fine == "Government") executives.Add(existing.Cluster);
                        }
                        cluster = existing.Cluster;
                    }
                    int first = words[i] is "its" or "their" ? i + 1 : i;
                    int start = s.Tokens[first].Start, stop = s.Tokens[end - 1].End;
                    var m = new Mention(new TextSpan(start, stop), doc.Text[start..stop], s.Index, typeOf[cluster],
                        fineOf[cluster].FirstOrDefault(), MentionKind.Descriptor, "coref");
                    // names used as modifiers inside the description ("the U.N. mission") are part of it, not mentions of their own
                    all.RemoveIn(s.Index, x => x.Placed.FirstToken >= first && x.Placed.EndToken <= end && x.Cluster != cluster);
                    all.Insert(new ClusteredMention(new PlacedMention(m, first, end, null, null), cluster));
                    i = end - 1;
                }
            }
        }
        AddBareDescriptions(doc, sentences, all, unresolved);
        timings?.Count(MentionsWork, all.Examined);
        return (all.ToList(), introduced);
    }

    /// <summary>The gender a personal pronoun marks: 'm' (he, him, his, himself), 'f' (she, her, hers, herself), else '?'.</summary>
    private static char GenderOf(string pronoun) => pronoun.ToLowerInvariant() switch
    {
        "he" or "him" or "his" or "himself" => 'm',
        "she" or "her" or "hers" or "herself" => 'f',
        _ => '?',
    };

    /// <summary>
    /// The gender a title marks, a closed class of English: courtesy and noble titles ("Mr.", "Sir", "King"; "Ms.", "Mrs.",
    /// "Miss", "Dame", "Queen") and role nouns made with "-man" or "-woman" ("Congresswoman", "spokesman"); '?' for any
    /// other ("Minister", "Chairman", which English writes for either, and "Airman", a rank).
    /// </summary>
    private static char GenderOfRole(string role) => role switch
    {
        "mister" or "sir" or "lord" or "king" or "prince" or "congressman" or "spokesman" or "assemblyman" or "councilman" or "businessman" => 'm',
        "missus" or "ms" or "miss" or "madam" or "dame" or "lady" or "queen" or "princess" => 'f',
        _ when role.EndsWith("woman", StringComparison.Ordinal) => 'f',
        _ => '?',
    };

    /// <summary>
    /// The gender the text marks for each person's cluster: a title of one gender right before one of its names ("Ms. Ana
    /// Ruiz", "Congressman Tomas Brell") or the role the text gives it ("the spokeswoman, Ana Ruiz"); a cluster marked both ways
    /// has none.
    /// </summary>
    private Dictionary<int, char> GendersOf(IReadOnlyList<Sentence> sentences, List<ClusteredMention> named)
    {
        var result = new Dictionary<int, char>();
        var mixed = new HashSet<int>();
        foreach (var m in named)
        {
            if (m.Mention.Type != EntityType.Person) continue;
            var marks = new List<char>();
            if (m.Placed.Role is { } role) marks.Add(GenderOfRole(role));
            var tokens = sentences[m.Mention.SentenceIndex].Tokens;
            // the title right before the name, or inside the mention's first word ("Ms. Ana Ruiz" may be one mention)
            for (int k = Math.Max(0, m.Placed.FirstToken - 1); k <= m.Placed.FirstToken && k < tokens.Count; k++)
                foreach (var t in _lex.Titles.Lookup(tokens[k].Text))
                    if (t.PrecedesNames) marks.Add(GenderOfRole(t.Role));
            foreach (var g in marks)
            {
                if (g == '?') continue;
                if (result.TryGetValue(m.Cluster, out var had) && had != g) mixed.Add(m.Cluster);
                result[m.Cluster] = g;
            }
        }
        foreach (var c in mixed) result.Remove(c);
        return result;
    }

    /// <summary>Kinship nouns, a closed class of English: "his son", "my father", "her sisters".</summary>
    private static readonly Dictionary<string, string> KinNouns = new(StringComparer.Ordinal)
    {
        ["son"] = "son", ["sons"] = "son", ["daughter"] = "daughter", ["daughters"] = "daughter", ["father"] = "father",
        ["mother"] = "mother", ["brother"] = "brother", ["brothers"] = "brother", ["sister"] = "sister", ["sisters"] = "sister",
        ["wife"] = "wife", ["husband"] = "husband", ["uncle"] = "uncle", ["aunt"] = "aunt", ["nephew"] = "nephew", ["niece"] = "niece",
        ["cousin"] = "cousin", ["grandson"] = "grandson", ["granddaughter"] = "granddaughter", ["grandfather"] = "grandfather",
        ["grandmother"] = "grandmother", ["stepson"] = "stepson", ["stepdaughter"] = "stepdaughter", ["stepfather"] = "stepfather",
        ["stepmother"] = "stepmother", ["son-in-law"] = "son-in-law", ["daughter-in-law"] = "daughter-in-law",
        ["father-in-law"] = "father-in-law", ["mother-in-law"] = "mother-in-law", ["fiancee"] = "fiancee", ["fiance"] = "fiance",
    };

    /// <summary>
    /// "Ahmed Yusuf said his son, Omar Yusuf, was hurt. His son was later released.": a possessive and a singular kinship
    /// noun, with the person's name in apposition after it, is that person; the same possessor's same kin later in the
    /// article ("his son") is that person again, not the possessor. Returns the token after the kinship noun when it
    /// made a mention, else null (the possessive alone was resolved by the caller).
    /// </summary>
    private static int? Kin(Document doc, Sentence s, List<string> words, int possessive, int possessor,
        Dictionary<(int, string), int> kin, SentenceMentions all, Dictionary<int, EntityType> typeOf)
    {
        if (s.Tokens[possessive].Tag != "PRP$" || possessive + 1 >= words.Count) return null;
        int noun = possessive + 1;
        // "his late father", "her younger brother": adjectives between
        while (noun < words.Count - 1 && noun - possessive <= 2 && s.Tokens[noun].Tag is "JJ" or "JJR" or "JJS") noun++;
        if (!KinNouns.TryGetValue(words[noun].ToLowerInvariant(), out var lemma) || s.Tokens[noun].Tag is "NNS" or "NNPS") return null;
        int cluster;
        var named = noun + 2 < words.Count && words[noun + 1] == ","
            ? all.In(s.Index).FirstOrDefault(x => x.Placed.FirstToken == noun + 2 && x.Mention.Kind == MentionKind.Name && typeOf.GetValueOrDefault(x.Cluster) == EntityType.Person)
            : null;
        if (named is not null && named.Cluster != possessor) kin[(possessor, lemma)] = cluster = named.Cluster;
        else if (!kin.TryGetValue((possessor, lemma), out cluster)) return null;
        var tok = s.Tokens[noun];
        var m = new Mention(new TextSpan(s.Tokens[possessive + 1].Start, tok.End), doc.Text[s.Tokens[possessive + 1].Start..tok.End], s.Index,
            EntityType.Person, null, MentionKind.Descriptor, "coref");
        all.Insert(new ClusteredMention(new PlacedMention(m, possessive + 1, noun + 1, null, null), cluster));
        return noun + 1;
    }

    /// <summary>
    /// Indefinite and bare plural descriptions of organisations and places that name nothing ("security forces",
    /// "a supply route"): mentions without an entity, so that mention counts and evaluations see them.
    /// </summary>
    private void AddBareDescriptions(Document doc, IReadOnlyList<Sentence> sentences, SentenceMentions all, List<Mention> unresolved)
    {
        // unresolved descriptions by sentence: a span can only overlap one of its own sentence
        var unresolvedIn = unresolved.GroupBy(u => u.SentenceIndex).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var s in sentences)
        {
            var words = s.Tokens.Select(t => t.Text).ToList();
            for (int h = 0; h < words.Count; h++)
            {
                if (s.Tokens[h].Tag is not ("NN" or "NNS") || !char.IsLower(words[h][0])) continue;
                // (the rest in a block: the variables its lambdas capture are made only for the words that get here)
                {
                    var entries = _lex.Descriptors.Lookup(words[h]);
                    if (entries.Count == 0 || entries[0].Type is not (EntityType.Organization or EntityType.Location)) continue;
                    if (h + 1 < words.Count && s.Tokens[h + 1].Tag is "NN" or "NNS" or "NNP" or "NNPS") continue; // not the head
                    int start = h;
                    while (start > 0 && s.Tokens[start - 1].Tag is "JJ" or "NN" or "VBN" or "CD" or "DT" && !Covered(all, s.Index, start - 1)) start--;
                    if (Covered(all, s.Index, start) || Covered(all, s.Index, h) || start > 0 && Covered(all, s.Index, start - 1)) continue;
                    int a = s.Tokens[start].Start, b = s.Tokens[h].End;
                    var span = new TextSpan(a, b);
                    if (!unresolvedIn.TryGetValue(s.Index, out var here)) unresolvedIn[s.Index] = here = new List<Mention>();
                    if (here.Any(u => u.Span.Overlaps(span))) continue;
                    var bare = new Mention(span, doc.Text[a..b], s.Index, entries[0].Type, entries[0].FineTypes.FirstOrDefault(), MentionKind.Descriptor, "coref-unresolved");
                    unresolved.Add(bare);
                    here.Add(bare);
                }
            }
        }
    }

    // Adjectives that make a force several nations' or another nation's: "the international military", "the foreign troops".
    private static readonly HashSet<string> OtherNationsModifiers = new(StringComparer.OrdinalIgnoreCase) { "international", "multinational", "foreign" };

    // Collective bodies news text names by a common noun: "the coalition", "Coalition nations", "member states".
    private static readonly HashSet<string> GroupHeads = new(StringComparer.Ordinal) { "coalition", "alliance" };
    private static readonly HashSet<string> MemberHeads = new(StringComparer.Ordinal) { "nations", "countries", "partners", "allies", "members", "states" };
    private static readonly HashSet<string> GroupModifiers = new(StringComparer.Ordinal) { "coalition", "alliance", "partner", "member", "allied" };

    /// <summary>Whether a name already holds token <paramref name="k"/>; a lone "Coalition" the recogniser took for a name does not count.</summary>
    private static bool Blocked(SentenceMentions all, Sentence s, int k)
    {
        ClusteredMention? m = null;
        var inSentence = all.In(s.Index);
        for (int j = 0; j < inSentence.Count; j++)
            if (inSentence[j].Placed.FirstToken <= k && k < inSentence[j].Placed.EndToken) { m = inSentence[j]; break; }
        if (m is null) return false;
        var w = s.Tokens[k].Text.ToLowerInvariant();
        return !(m.Placed.FirstToken == k && m.Placed.EndToken == k + 1 && m.Mention.Kind == MentionKind.Name && m.Mention.Canonical is null
                 && (GroupHeads.Contains(w) || GroupModifiers.Contains(w)));
    }

    private static bool IsNounTag(string? tag) => tag is "NN" or "NNS" or "NNP" or "NNPS";

    /// <summary>
    /// A noun phrase naming a coalition or its members from token <paramref name="i"/>: an optional determiner or
    /// possessive, up to three modifiers, then "coalition"/"alliance" ending the phrase (with a determiner, or
    /// capitalised as a proper noun), or a member noun after a coalition word ("Coalition nations", "member states").
    /// </summary>
    private static (int First, int End, bool Members)? GroupPhrase(Sentence s, List<string> words, int i, SentenceMentions all)
    {
        bool determiner = words[i] is "the" or "The" or "its" or "their" or "this" or "This";
        int first = words[i] is "its" or "their" ? i + 1 : i;
        int k = determiner ? i + 1 : i;
        for (int steps = 0; k < words.Count && steps < 4; k++, steps++)
        {
            var w = words[k].ToLowerInvariant();
            var next = k + 1 < words.Count ? s.Tokens[k + 1] : null;
            if (GroupModifiers.Contains(w) && next is not null && !Blocked(all, s, k) && !Covered(all, s.Index, k + 1) && MemberHeads.Contains(next.Text.ToLowerInvariant())
                && !(k + 2 < words.Count && IsNounTag(s.Tokens[k + 2].Tag)))
                // "Coalition nations" are the members of a coalition, a body; "partner nations", "member states" and "allied
                // countries" are countries with some tie to the speaker, no body of their own
                return GroupHeads.Contains(w) ? (first, k + 2, true) : null;
            if (GroupHeads.Contains(w))
            {
                if (Blocked(all, s, k)) return null; // part of a name already ("Global Coalition to Counter X")
                bool proper = char.IsUpper(words[k][0]) && (k > 0 || determiner || next is not null && (IsNounTag(next.Tag) || next.Tag == "JJ"));
                if (!determiner && !proper) return null;
                // "U.S.-ROK Alliance": a capitalised head after two names joined by a hyphen names the tie between them, no body
                if (!determiner && k >= 1 && char.IsUpper(words[k - 1][0]) && (k >= 3 && words[k - 2] is "-" or "\u2013" && char.IsUpper(words[k - 3][0])
                    || words[k - 1].IndexOf('-') is int dash and > 0 && dash + 1 < words[k - 1].Length && char.IsUpper(words[k - 1][dash + 1]))) return null;
                // "the coalition government" is a government: the head must end the phrase, unless it is the proper noun
                if (next is not null && IsNounTag(next.Tag) && !proper) return null;
                if (next is not null && MemberHeads.Contains(next.Text.ToLowerInvariant())) continue;
                // "broke the old alliance with Y", "its coalition with Z": a group noun with a "with" phrase names a tie
                // with Y, not a body of its own nor an earlier one
                if (next is not null && next.Text == "with") return null;
                return (first, k + 1, false);
            }
            // "the global coalition", "the U.S.-led coalition", "the 60-nation coalition": modifiers of the head
            var t = s.Tokens[k];
            if (!(t.Tag is "JJ" or "VBN" or "CD" or "HYPH" || t.Text.Contains('-') || t.Tag is "NNP" && Covered(all, s.Index, k))) return null;
            if (!determiner) return null;
        }
        return null;
    }

    /// <summary>
    /// Gives a coalition phrase its entity: an earlier one named with the same head ("Global Coalition", "the
    /// coalition"), else a new entity named by the phrase, so that membership lists and actions attach to it.
    /// Returns the token after the phrase.
    /// </summary>
    private static int ResolveGroup(Document doc, Sentence s, List<string> words, int i, (int First, int End, bool Members) group,
        SentenceMentions all, List<IntroducedEntity> introduced, Dictionary<int, EntityType> typeOf, Dictionary<int, HashSet<string>> fineOf, ref int nextCluster)
    {
        var (first, end, members) = group;
        int nameFrom = words[first] is "the" or "The" or "this" or "This" ? first + 1 : first;
        var phrase = string.Join(' ', Enumerable.Range(nameFrom, end - nameFrom).Select(k => words[k]));
        var head = words[end - 1].ToLowerInvariant();
        // an earlier mention of the same body: "the Coalition" after "the Global Coalition to Counter X"; members by their phrase
        bool SameBody(ClusteredMention m) => m.Mention.Kind != MentionKind.Pronoun && typeOf[m.Cluster] == EntityType.Organization && (members
            ? m.Mention.Text.EndsWith(phrase, StringComparison.OrdinalIgnoreCase)
            : IsGroupDescription(m) && !MemberHeads.Contains(m.Mention.Text.Split(' ')[^1].ToLowerInvariant())
              // a name with the head inside, not at its end: "Global Coalition to Counter X" is "the coalition"; "Free Arab Coalition" need not be
              || m.Mention.Kind is MentionKind.Name && HeadInside(m.Mention.Text, head));
        var antecedent = Latest(all, s.Index, i, SameBody, DescriptionWindow);
        int cluster;
        if (antecedent is not null) cluster = antecedent.Cluster;
        else
        {
            var existing = introduced.FirstOrDefault(x => x.FineType == "InternationalOrganization" && x.Name.Equals(Capitalised(phrase), StringComparison.OrdinalIgnoreCase));
            if (existing is null)
            {
                existing = new IntroducedEntity(nextCluster++, Capitalised(phrase), EntityType.Organization, "InternationalOrganization", "");
                introduced.Add(existing);
                typeOf[existing.Cluster] = EntityType.Organization;
                fineOf[existing.Cluster] = new HashSet<string>(StringComparer.Ordinal) { "InternationalOrganization" };
            }
            cluster = existing.Cluster;
        }
        int start = s.Tokens[first].Start, stop = s.Tokens[end - 1].End;
        var m = new Mention(new TextSpan(start, stop), doc.Text[start..stop], s.Index, EntityType.Organization, "InternationalOrganization", MentionKind.Descriptor, "coref");
        all.RemoveIn(s.Index, x => x.Placed.FirstToken >= first && x.Placed.EndToken <= end && x.Cluster != cluster);
        all.Insert(new ClusteredMention(new PlacedMention(m, first, end, null, null), cluster));
        return end;
    }

    private static bool IsGroupDescription(ClusteredMention m) =>
        m.Mention.Kind == MentionKind.Descriptor && m.Mention.Source == "coref" && m.Mention.FineType == "InternationalOrganization";

    /// <summary>Whether <paramref name="words"/> occur in <paramref name="text"/> as whole words: "Air Force" in "U.S. Air Force", not in "Air Forces".</summary>
    private static bool ContainsWords(string text, string words)
    {
        for (int at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            int after = at + words.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (after == text.Length || !char.IsLetterOrDigit(text[after]))) return true;
        }
        return false;
    }

    private static bool HeadInside(string name, string head)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && words[..^1].Any(w => w.Equals(head, StringComparison.OrdinalIgnoreCase)) && !words[^1].Equals(head, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"Velk Administration", "the Velk administration": one or two capitalised words that are no common words (a
    /// leader's name, not "Coastal Shipping Administration") before "administration".</summary>
    private bool IsLeadersAdministration(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0 && words[0] is "the" or "The") words = words[1..];
        return words.Length is 2 or 3 && words[^1] is "Administration" or "administration"
            && words[..^1].All(w => char.IsUpper(w[0]) && !_lex.CommonWords.Contains(w.ToLowerInvariant()) && _lex.OrgKeywords.Lookup(w).Count == 0);
    }

    /// <summary>"governments", "regimes", "juntas": the plural of a government noun whose singular is one body.</summary>
    private bool Plural(IReadOnlyList<DescriptorEntry> entries) =>
        entries.All(e => e.Word != e.Lemma && e.FineTypes.Contains("Government") && _lex.Descriptors.Lookup(e.Lemma).Any(d => d.Word == d.Lemma));

    /// <summary>"army", "navy", "air force": a noun of an armed service (the descriptor lexicon's ArmedForces nouns first of all).</summary>
    private static bool Service(IReadOnlyList<DescriptorEntry> entries) =>
        entries.All(e => e.FineTypes.Count > 0 && e.FineTypes[0] == "ArmedForces");

    private static string Capitalised(string phrase) => phrase.Length == 0 ? phrase : char.ToUpperInvariant(phrase[0]) + phrase[1..];

    private static bool Covered(SentenceMentions all, int sentence, int token)
    {
        var inSentence = all.In(sentence);
        for (int j = 0; j < inSentence.Count; j++)
            if (inSentence[j].Placed.FirstToken <= token && token < inSentence[j].Placed.EndToken) return true;
        return false;
    }

    private static bool OpensClause(List<string> words, int i) =>
        i == 0 || words[i - 1] is "," or ";" or "and" or "but" or "But" or "And" or "\u201C" or "\"" or "because" or "as" or "so" or "while";

    /// <summary>The subject of the nearest of the last two sentences that has a fitting mention before its first finite verb.</summary>
    private static ClusteredMention? PreviousSubject(IReadOnlyList<Sentence> sentences, SentenceMentions all, Sentence s, Func<int, bool> fits)
    {
        for (int back = 1; back <= 2 && s.Index - back >= 0; back++)
        {
            var prev = sentences[s.Index - back];
            int verb = prev.Tokens.ToList().FindIndex(t => t.Tag is "VBD" or "VBZ" or "VBP" or "MD");
            if (verb < 0) continue;
            var subject = all.In(prev.Index).FirstOrDefault(m => m.Placed.EndToken <= verb && fits(m.Cluster) && !IsNounModifier(sentences, m));
            if (subject is not null) return subject;
        }
        return null;
    }

    /// <summary>"it is hard to imagine", "it's one thing for", "it seems that": "it" that refers to nothing.</summary>
    private static bool IsPleonastic(List<string> words, int i)
    {
        if (!words[i].Equals("it", StringComparison.OrdinalIgnoreCase)) return false;
        if (i + 1 >= words.Count) return false;
        var next = words[i + 1].ToLowerInvariant();
        if (next is "seems" or "appears" or "remains" or "means") return true;
        if (next is not ("is" or "was" or "'s" or "\u2019s" or "has" or "would")) return false;
        for (int k = i + 2; k < Math.Min(words.Count, i + 7); k++)
            if (words[k] is "to" or "that" or "for" or "whether") return true;
        return false;
    }

    /// <summary>
    /// "the Secretary", "the foreign minister": "the" and a title of a person (titles.tsv) that ends the noun phrase, with no
    /// name, "of"-phrase or possessive after it (those name the holder or the office's owner). The end token and the role.
    /// </summary>
    private (int End, string Role)? RoleDescription(Sentence s, List<string> words, int i, SentenceMentions all)
    {
        if (!words[i].Equals("the", StringComparison.OrdinalIgnoreCase) || i + 1 >= words.Count || Covered(all, s.Index, i + 1)) return null;
        var (len, entries) = _lex.Titles.LongestMatchAt(words, i + 1);
        var title = entries.FirstOrDefault(e => e.ImpliesPerson);
        if (len == 0 || title is null) return null;
        int end = i + 1 + len;
        if (end < words.Count && (Covered(all, s.Index, end) || IsNounTag(s.Tokens[end].Tag) || words[end] is "of" or "'s" or "\u2019s" or "for")) return null;
        return (end, title.Role);
    }

    /// <summary>A definite description starting at <paramref name="i"/>: determiner, up to three modifiers, a descriptor head that ends the noun phrase.</summary>
    private (int End, int Head, IReadOnlyList<DescriptorEntry> Entries)? Description(Sentence s, List<string> words, int i, SentenceMentions all)
    {
        for (int head = i + 1; head < Math.Min(words.Count, i + 5); head++)
        {
            var (len, entries) = _lex.Descriptors.LongestMatchAt(words, head);
            if (len > 0 && entries.Count > 0 && !Covered(all, s.Index, head + len - 1))
            {
                int end = head + len;
                if (end < words.Count && s.Tokens[end].Tag is "NN" or "NNS" or "NNP" or "NNPS") { continue; }
                // "the alliance with Y": a group noun with a "with" phrase is the tie with Y, not a body to look back for
                if (end < words.Count && words[end] == "with" && GroupHeads.Contains(words[end - 1].ToLowerInvariant())) return null;
                // "the town of Ostburg", "the city of Kessel": the place named after "of" is the one meant, nothing to look back for
                if (end + 1 < words.Count && words[end] == "of" && entries.All(e => e.Type == EntityType.Location)
                    && all.In(s.Index).Any(x => x.Placed.FirstToken == end + 1 && x.Mention.Type == EntityType.Location && x.Mention.Kind == MentionKind.Name))
                    return null;
                // "the soldiers of the Kessland Guard": an "of" phrase with a name names whose body they are, nothing to look
                // back for (a person's title with "of" is the office's holder, read by the title rules)
                // "the government and navy of Tarvia", "the courts and government of Tarvia": nouns joined by "and" share the
                // "of" phrase after the last one, so it names the owner of the first as well
                int of = SharedOf(s, words, end);
                if (of + 1 < words.Count && words[of] == "of" && entries.All(e => e.Type == EntityType.Organization))
                {
                    int owner = of + 1 < words.Count && words[of + 1] is "the" or "The" ? of + 2 : of + 1;
                    // (any name there, whatever its type and whether the recogniser found it or not: "the presidency of the
                    // Velmar Lakes Summit" is the summit's presidency, not an earlier government)
                    if (all.In(s.Index).Any(x => x.Placed.FirstToken == owner && x.Mention.Kind is MentionKind.Name or MentionKind.Acronym)
                        || owner < words.Count && s.Tokens[owner].Tag is "NNP" or "NNPS" && char.IsUpper(words[owner][0])) return null;
                }
                // "the group's leader": a possessive description still refers; "the country's north" too
                return (end, head, entries);
            }
            var t = s.Tokens[head];
            bool modifier = t.Tag is "JJ" or "JJR" or "JJS" or "VBN" or "NNP" or "NNPS" or "CD" || t.Text.Contains('-')
                || Covered(all, s.Index, head);
            if (!modifier) return null;
        }
        return null;
    }

    /// <summary>
    /// Where the "of" phrase of a description ending before <paramref name="end"/> would start: <paramref name="end"/> itself,
    /// or, when "and" joins one or two more nouns to the head ("the government and navy of ..."), the token after them.
    /// </summary>
    private static int SharedOf(Sentence s, List<string> words, int end)
    {
        if (end + 2 >= words.Count || words[end] is not ("and" or "&")) return end;
        int k = end + 1;
        while (k < words.Count && k - end <= 2 && IsNounTag(s.Tokens[k].Tag)) k++;
        return k > end + 1 && k < words.Count && words[k] == "of" ? k : end;
    }

    /// <summary>
    /// The proper nouns between a description's determiner and its head ("United States" of "the United States
    /// government"), written as in the text; null when there are none. A name the description holds counts as well.
    /// </summary>
    private static string? OwnerWords(Sentence s, List<string> words, int determiner, int head)
    {
        int from = determiner + 1;
        while (from < head && !(s.Tokens[from].Tag is "NNP" or "NNPS" && char.IsUpper(words[from][0]))) from++;
        if (from >= head) return null;
        int to = from;
        while (to < head && s.Tokens[to].Tag is "NNP" or "NNPS" && char.IsUpper(words[to][0])) to++;
        return string.Join(' ', words.GetRange(from, to - from));
    }

    /// <summary>The country (its gazetteer name) of a country's mention lying between a description's determiner and its head.</summary>
    private static string? CountryBetween(SentenceMentions all, int sentence, int determiner, int head) =>
        all.In(sentence).FirstOrDefault(x => x.Placed.FirstToken > determiner && x.Placed.EndToken <= head
            && x.Mention.Type == EntityType.Location && x.Mention.FineType == "Country" && x.Mention.Canonical is not null)?.Mention.Canonical;

    /// <summary>Whether a sentence names a country (by name, acronym or demonym, alone or anchoring a body: "the Australian
    /// Armed Forces") other than <paramref name="country"/> and never that one; a country named by its bare name after the
    /// description's first token (<paramref name="from"/>) is not counted as another: "... send engineers to Mali".</summary>
    private static bool NamesOnlyOtherCountries(SentenceMentions all, int sentence, string country, int from)
    {
        bool other = false;
        foreach (var x in all.In(sentence))
        {
            if (x.Placed.FirstToken > from && x.Placed.AnchorCountry is null && x.Mention.Kind == MentionKind.Name
                && x.Mention.Canonical != country) continue;
            var named = x.Placed.AnchorCountry
                ?? (x.Mention.Type == EntityType.Location && x.Mention.FineType == "Country" ? x.Mention.Canonical : null);
            if (named is null) continue;
            if (named == country) return false;
            other = true;
        }
        return other;
    }

    /// <summary>A government's or an army's noun: a country's name before it names its owner ("the United States government").</summary>
    private static bool OwnedByCountry(HashSet<string> fines) => fines.Contains("Government") || fines.Contains("ArmedForces");


    /// <summary>The latest mention before token <paramref name="i"/> whose entity fits, looking back at most the given number of sentences.</summary>
    private static ClusteredMention? Antecedent(IReadOnlyList<Sentence> sentences, SentenceMentions all, Sentence s, int i, Func<int, bool> fits, int maxSentencesBack) =>
        Latest(all, s.Index, i, m => fits(m.Cluster) && !IsNounModifier(sentences, m), maxSentencesBack);

    /// <summary>
    /// The latest mention that matches, among those of sentence <paramref name="sentence"/> before token
    /// <paramref name="i"/> (up to the first that ends after it) and those of the <paramref name="maxSentencesBack"/>
    /// sentences before, searched from the nearest back.
    /// </summary>
    private static ClusteredMention? Latest(SentenceMentions all, int sentence, int i, Func<ClusteredMention, bool> match, int maxSentencesBack)
    {
        var here = all.In(sentence);
        int stop = 0;
        while (stop < here.Count && here[stop].Placed.EndToken <= i) stop++;
        for (int k = stop - 1; k >= 0; k--)
        {
            all.Examined++;
            if (match(here[k])) return here[k];
        }
        for (int back = 1; back <= maxSentencesBack && sentence - back >= 0; back++)
        {
            var earlier = all.In(sentence - back);
            for (int k = earlier.Count - 1; k >= 0; k--)
            {
                all.Examined++;
                if (match(earlier[k])) return earlier[k];
            }
        }
        return null;
    }

    /// <summary>"the U.N. flag", "Free Army fighters": a name used as a modifier of another noun is rarely what a later pronoun means.</summary>
    private static bool IsNounModifier(IReadOnlyList<Sentence> sentences, ClusteredMention m)
    {
        var tokens = sentences[m.Mention.SentenceIndex].Tokens;
        if (m.Placed.EndToken >= tokens.Count || m.Mention.Kind is MentionKind.Pronoun) return false;
        return tokens[m.Placed.EndToken].Tag is "NN" or "NNS";
    }

    /// <summary>The country the document is about: the most mentioned Country entity, when clearly ahead of the next.</summary>
    private static string? DominantCountry(SentenceMentions all)
    {
        var counts = all.CountryMentions.Select(kv => (Name: kv.Key, Count: kv.Value))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
        if (counts.Count == 0 || counts[0].Count < 2) return null;
        if (counts.Count > 1 && counts[0].Count < 1.5 * counts[1].Count) return null;
        return counts[0].Name;
    }
}
