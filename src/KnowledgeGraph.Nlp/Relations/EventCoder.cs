using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

/// <summary>
/// Event coding with PETRARCH2's CAMEO verb dictionary and the argument checks (docs/lexicons.md, "CAMEO event rules"
/// and "Argument checks"), shared by the surface reader (RelationExtractor) and the rule engine. For an event reading of
/// a trigger, the rules of the trigger verb's CAMEO blocks are matched on its dependents (object, particle,
/// prepositional phrases, subject); the most specific match gives the CAMEO code and, through PLOVER's table, the
/// category, mode and context; a null code blocks the reading. Then event_checks.tsv says whether the participants fit
/// the category. Immutable; shared by all threads.
/// </summary>
public sealed class EventCoder
{
    /// <summary>No phrase words: a CAMEO object constraint tested on its head alone.</summary>
    private static readonly IReadOnlySet<string> NoWords = new HashSet<string>();

    private readonly CameoLexicon _cameo;
    private readonly EventChecks _checks;
    private readonly EventTypes _eventTypes;

    public EventCoder(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _cameo = lexicons.Cameo;
        _checks = lexicons.EventChecks;
        _eventTypes = lexicons.EventTypes;
        // verbs whose CAMEO blocks have a pattern naming a deadline ("give", "set"): the verbs of an ultimatum
        var blocks = _cameo.AllRules.Where(r => r.Object is { } o && o.Matches(Deadline, Deadline, NoWords)).Select(r => r.Block).ToHashSet(StringComparer.Ordinal);
        _deadlineVerbs = _cameo.Verbs.Where(e => blocks.Contains(e.Block)).Select(e => e.Lemma).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Verbs whose CAMEO blocks have a pattern naming a deadline.</summary>
    private readonly HashSet<string> _deadlineVerbs;

    public bool IsEmpty => _cameo.VerbCount == 0 && _checks.Checks.Count == 0;

    /// <summary>One event reading: the trigger's first token, whether it is a noun, its text and entries, the target's mention.</summary>
    internal readonly record struct Reading(int Trigger, bool IsNoun, bool Intent, string TriggerText, IReadOnlyList<TriggerEntry> Entries, MentionRef Target);

    /// <summary>The decision on one event reading: its entries, CAMEO coding and target (the reading's own, or the partner of a relationship).</summary>
    internal readonly record struct Decision(IReadOnlyList<TriggerEntry> Entries, EventCoding? Coding, MentionRef Target);

    /// <summary>The reading's entries, CAMEO coding and target after the rules and checks; null when it is no event.</summary>
    internal Decision? Decide(SentenceView v, Reading r, EventCoding? coding = null)
    {
        if (IsEmpty || !r.Entries.Any(e => IsEvent(e.Category))) return new Decision(r.Entries, coding, r.Target);
        var a = EventArguments.Of(v, r.Trigger);
        // "broke the alliance with X", "cut its ties with X": the relationship is no participant; the partner is
        var partner = RelationshipPartner(v, a, out int with);
        // the relationship read as the target gives way to its partner; a target outside the "with" phrase is none
        var target = r.Target;
        if (with >= 0)
        {
            if (Covers(v, r.Target, a.Object)) target = partner ?? r.Target;
            else if (!InPhraseOf(v, r.Target, with)) return null;
            if (Covers(v, target, a.Object)) return null;
        }
        if (!r.IsNoun && ActOfDeadline(v, r.Trigger)) return null;
        var coded = r.Intent ? (r.Entries, coding) : r.IsNoun ? (r.Entries, coding ?? NounCoding(r)) : Code(v, r, a);
        if (coded is null) return null;
        var checkedReading = Check(v, r with { Entries = coded.Value.Entries }, a, coded.Value.Coding);
        if (checkedReading is not { } d) return null;
        return new Decision(d.Entries, d.Coding, target);
    }

    /// <summary>
    /// The partner of a relationship named as the object of an event verb: "X broke its alliance with Y", "X cut ties
    /// with Y", "X strengthened cooperation with Y". The object's head is a relationship noun (event_classes.tsv
    /// @RELATIONSHIP) and a "with" phrase on it or on the verb names the other party, or names it in apposition ("with
    /// its former ally, Y"). <paramref name="with"/> is the token of "with" (-1 when the construction is not there); the
    /// partner is null when the phrase names no entity.
    /// </summary>
    private MentionRef? RelationshipPartner(SentenceView v, EventArguments a, out int with)
    {
        with = -1;
        if (a.Object < 0 || !InClass(v, RelationshipClass, a.Object)) return null;
        foreach (var (prep, head) in a.Preps)
        {
            if (prep != "with" || head < 0) continue;
            int w = head;
            while (w > a.Object && v.Lower(w) != "with") w--;
            if (v.Lower(w) != "with") continue;
            with = w;
            // without a tree the phrase's head is its last noun ("with X last year": year): the first mention after "with"
            var mention = v.MentionAt(head);
            if (!v.HasTree)
                for (int k = w + 1; k <= head; k++)
                    if (v.MentionAt(k) is { } m) { mention = m; break; }
            if (mention is { Mention.Kind: MentionKind.Name }) return mention;
            return Appositive(v, mention?.EndToken - 1 ?? head) ?? mention;
        }
        return null;
    }

    /// <summary>
    /// Whether the target stands in the phrase of "with" at <paramref name="with"/>: its object, a conjunct or an
    /// appositive of it ("with X and Y", "with the former ally, X"); from the tree, or without one anywhere after "with"
    /// in the same clause.
    /// </summary>
    private static bool InPhraseOf(SentenceView v, MentionRef target, int with)
    {
        if (target.FirstToken <= with) return false;
        var tokens = v.Sentence.Tokens;
        if (v.HasTree)
        {
            int head = tokens[with].Head;
            for (int i = target.FirstToken; i < target.EndToken; i++)
            {
                int h = i;
                for (int steps = 0; steps < 4 && h >= 0 && h != head; steps++)
                    h = tokens[h].Deprel is "conj" or "appos" or "flat" or "compound" or "nmod:poss" ? tokens[h].Head : -1;
                if (h == head) return true;
            }
            return false;
        }
        for (int k = with + 1; k < target.FirstToken; k++)
            if (v.IsVerb(k) || v.IsClauseBreak(k) || v.IsRelativePronoun(k)) return false;
        return target.FirstToken - with <= 12;
    }

    /// <summary>The event class of relationship nouns ("ties", "alliance", "relations").</summary>
    private const string RelationshipClass = "class:@RELATIONSHIP";

    /// <summary>Whether the word at <paramref name="k"/>, by its lemma or its lower-case form, is in the event class.</summary>
    private bool InClass(SentenceView v, string cls, int k) => _checks.InClass(cls, v.Lemma(k)) || _checks.InClass(cls, v.Lower(k));

    /// <summary>
    /// The mention in apposition to the noun at <paramref name="head"/> ("the former ally, Y"): from the tree, or without
    /// one a name right after a comma that ends at a comma or the sentence's end.
    /// </summary>
    private static MentionRef? Appositive(SentenceView v, int head)
    {
        var tokens = v.Sentence.Tokens;
        if (v.HasTree)
        {
            for (int i = head + 1; i < tokens.Count && i - head <= 8; i++)
                if (tokens[i].Head == head && tokens[i].Deprel == "appos" && v.MentionAt(i) is { } m) return m;
            return null;
        }
        if (!v.IsComma(head + 1) || v.MentionStartingAt(head + 2) is not { } named) return null;
        int after = named.EndToken;
        return after >= v.Count || v.IsComma(after) || v.IsClauseBreak(after) || v.Words[after] == "." ? named : null;
    }

    /// <summary>Whether the mention covers the token, or a mention in apposition to it.</summary>
    private static bool Covers(SentenceView v, MentionRef target, int token)
    {
        if (token < 0) return false;
        if (token >= target.FirstToken && token < target.EndToken) return true;
        return Appositive(v, token) is { } m && m.Entity == target.Entity;
    }

    private static bool IsEvent(string category) => category is "AGREE" or "CONSULT" or "SUPPORT" or "CONCEDE" or "COOPERATE" or "AID"
        or "RETREAT" or "INVESTIGATE" or "DEMAND" or "DISAPPROVE" or "REJECT" or "THREATEN" or "PROTEST" or "MOBILIZE" or "SANCTION"
        or "COERCE" or "ASSAULT" or "FIGHT" or "CRIME";

    /// <summary>The candidate coded by the CAMEO rules of its verb; null when a null code or a missing rule blocks it.</summary>
    private (IReadOnlyList<TriggerEntry> Entries, EventCoding? Coding)? Code(SentenceView v, Reading c, EventArguments a)
    {
        int t = c.Trigger;
        var keep = ((IReadOnlyList<TriggerEntry>)c.Entries, (EventCoding?)null);
        if (!v.IsVerb(t)) return keep;
        var verbs = VerbEntries(v, t, a, c);
        bool derived = c.Entries.All(e => e.Derived);
        if (verbs.Count == 0) return keep;
        // a time limit given for an act is a deadline, whatever else the object is ("gave the brigade until Friday to ...")
        EventRule? best = GivesDeadline(v, a)
            ? verbs.SelectMany(e => _cameo.Rules(e.Block)).FirstOrDefault(rule => rule.Object is { } o && o.Matches(Deadline, Deadline, NoWords) && Matches(v, rule, a, c))
            : null;
        // the deadline says more than a hand-written giving verb ("granted X two more days to comply" is no aid)
        if (best?.Coding is { } limit) return Recode(c, limit);
        if (best is null)
        {
            foreach (var entry in verbs)
                foreach (var rule in _cameo.Rules(entry.Block))
                {
                    if (best is not null && rule.Specificity <= best.Specificity) break;
                    if (Matches(v, rule, a, c)) { best = rule; break; }
                }
        }
        // hand-written entries win unless they are vague ("hold", "take": strength below 0.5), where the complement says more
        bool vague = !derived && c.Entries.All(e => e.Strength < 0.5);
        if (best is not null)
        {
            // a null code on a specific complement ("hold talks") says the verb with it is no event
            if (OtherSense(v, best, a, c)) return null;
            if (best.Blocks) return derived || vague && best.Specificity >= 2 ? null : keep;
            if (best.Coding is null) return derived ? null : keep; // a public statement (CAMEO 01): no event of ours
            if (derived || vague && best.Specificity >= 2) return Recode(c, best.Coding);
            return c.Entries.Any(e => e.Category == best.Coding.Category) ? Recode(c, best.Coding) : keep;
        }
        // the bare verb: its own code, or the null code. A verb only CAMEO knows ("come", "give", "contain") codes an event
        // only through one of its patterns, whose object or preposition says what the verb means there; read bare it
        // is too often no event at all (measured: dropping bare readings keeps PLOVER and raises re3d on both halves).
        if (derived) return null;
        var bare = verbs.Select(e => e.Coding).FirstOrDefault(x => x is not null);
        // the code is kept where both say the same
        return bare is not null && c.Entries.Any(e => e.Category == bare.Category) ? (c.Entries, bare) : keep;
    }

    /// <summary>
    /// Whether the verb is used in another sense than the event: CAMEO's most specific rule names its direct object and
    /// codes no event (`---`: "released a report on X", "fighting crime in X") or the bare making of a statement (010:
    /// "released the following statement ahead of the anniversary of X's invasion"), and the target is no part of that
    /// object but stands after it. A comment on something (011-019: "expressed appreciation for X's contributions"),
    /// a target before the object's head ("released the X migrants") or the object itself keeps the reading.
    /// </summary>
    private static bool OtherSense(SentenceView v, EventRule best, EventArguments a, Reading c) =>
        (best.Blocks || best.Code == StatementCode) && best.Object is not null && a.Object >= 0
        && c.Target.FirstToken > a.Object && !Covers(v, c.Target, a.Object);

    /// <summary>CAMEO 010, "make statement, not specified below".</summary>
    private const string StatementCode = "010";

    /// <summary>
    /// The CAMEO code of an event noun: the bare code of the verb it is derived from ("the bombing of", "its withdrawal
    /// from", "the expulsion of" -> bomb, withdraw, expel), kept only where the verb's code says the same category as the
    /// noun's own entry. The noun's complements are not matched against the verb's patterns (a noun has no object).
    /// </summary>
    private EventCoding? NounCoding(Reading r)
    {
        var words = r.TriggerText.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        foreach (var verb in VerbsOfNoun(PhraseConstraint.Singular(words[^1])))
            foreach (var e in _cameo.Verb(verb))
                if (e.Coding is { } code && r.Entries.Any(x => x.Category == code.Category)) return code;
        return null;
    }

    /// <summary>
    /// Verbs an English event noun may be derived from, by the regular suffixes of nominalisation: the same form
    /// ("attack"), -ing ("shelling", "kidnapping"), -al ("withdrawal", "refusal"), -ment ("imprisonment"),
    /// -ure ("seizure"), -sion ("invasion" -> invade, "expulsion" -> expel), -ion/-ation ("condemnation", "negotiation",
    /// "abduction"), -ance/-ence ("assistance", "interference"). Only candidates the CAMEO dictionary knows are used.
    /// </summary>
    internal static IEnumerable<string> VerbsOfNoun(string noun)
    {
        yield return noun;
        if (noun.Length < 5) yield break;
        // -ing: the stems of the regular inflection ("shelling" -> shell, "kidnapping" -> kidnap)
        if (noun.EndsWith("ing", StringComparison.Ordinal))
            foreach (var stem in SentenceView.RegularStems(noun)) yield return stem;
        if (noun.EndsWith("al", StringComparison.Ordinal)) { yield return noun[..^2]; yield return noun[..^2] + "e"; }
        if (noun.EndsWith("ment", StringComparison.Ordinal)) yield return noun[..^4];
        if (noun.EndsWith("ure", StringComparison.Ordinal)) yield return noun[..^3] + "e";
        if (noun.EndsWith("ulsion", StringComparison.Ordinal)) yield return noun[..^6] + "el";
        if (noun.EndsWith("sion", StringComparison.Ordinal)) { yield return noun[..^4] + "de"; yield return noun[..^4] + "t"; }
        if (noun.EndsWith("ation", StringComparison.Ordinal)) { yield return noun[..^5]; yield return noun[..^5] + "e"; yield return noun[..^3] + "e"; }
        if (noun.EndsWith("ion", StringComparison.Ordinal)) { yield return noun[..^3]; yield return noun[..^3] + "e"; }
        if (noun.EndsWith("ance", StringComparison.Ordinal) || noun.EndsWith("ence", StringComparison.Ordinal))
        { yield return noun[..^4]; yield return noun[..^4] + "e"; }
    }

    /// <summary>The candidate read with a CAMEO coding: its own entries of that category, or a new entry of the coding's type.</summary>
    private (IReadOnlyList<TriggerEntry> Entries, EventCoding? Coding) Recode(Reading c, EventCoding coding)
    {
        var same = c.Entries.Where(e => e.Category == coding.Category).ToList();
        if (same.Count > 0) return (same, coding);
        if (_eventTypes.TypeOf(coding) is not { } type) return (c.Entries, null);
        double strength = Math.Max(0.55, c.Entries.Max(e => e.Strength));
        var entry = new TriggerEntry(c.Entries[0].Lemma, TriggerPos.Verb, type, coding.Category, TriggerDirection.Active, strength, coding, Derived: true);
        return (new[] { entry }, coding);
    }

    /// <summary>CAMEO verbs for the verb at <paramref name="t"/>: phrasal ones with its particle or preposition first, then the verb.</summary>
    private List<CameoVerbEntry> VerbEntries(SentenceView v, int t, EventArguments a, Reading c)
    {
        var lemma = v.Lemma(t);
        var list = new List<CameoVerbEntry>();
        var extra = new List<string>();
        if (a.Particle is not null) extra.Add(a.Particle);
        // the trigger's own words ("pull out", "lash out at")
        foreach (var w in c.TriggerText.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)) extra.Add(w);
        foreach (var (p, _) in a.Preps) extra.Add(p);
        foreach (var w in extra.Distinct(StringComparer.Ordinal))
            list.AddRange(_cameo.Verb(lemma + " " + w));
        list.AddRange(_cameo.Verb(lemma));
        return list;
    }

    private bool Matches(SentenceView v, EventRule r, EventArguments a, Reading c)
    {
        if (r.Source != "subj") return false; // slots before the verb for the target: not read
        if (r.Subject is not null && !PhraseMatches(v, r.Subject, a.Subject)) return false;
        if (r.Object is not null && !PhraseMatches(v, r.Object, a.Object) && !(r.Object.Matches(Deadline, Deadline, NoWords) && GivesDeadline(v, a))) return false;
        if (r.Particle is not null && a.Particle != r.Particle
            && !c.TriggerText.ToLowerInvariant().Split(' ').Skip(1).Contains(r.Particle, StringComparer.Ordinal)) return false;
        foreach (var p in r.Preps)
        {
            bool found = false;
            foreach (var (prep, head) in a.Preps)
            {
                if (prep != p.Prep) continue;
                if (p.Object is not null && !PhraseMatches(v, p.Object, head)) continue;
                found = true;
                break;
            }
            if (!found) return false;
        }
        // the target where the rule puts it: "(WITH +)" needs the target in that phrase
        if (r.Target.StartsWith("prep:", StringComparison.Ordinal))
        {
            if (!TargetInPrep(v, a, c.Target, r.Target[5..])) return false;
        }
        // a prepositional verb's complement is the object of its preposition ("come to X", "break with X"): a pattern that
        // names prepositions and no object takes its target there, or as the verb's direct object, never from elsewhere
        // in the sentence ("came to an end ... following a request by the government" comes to no government)
        else if (r.Object is null && r.Preps.Count > 0)
        {
            if (!Covers(v, c.Target, a.Object) && !TargetInRulePrep(v, r, a, c.Target)) return false;
        }
        return true;
    }

    // loops, not lambdas: a lambda over the parameters made Matches allocate its closure at every call
    private static bool TargetInPrep(SentenceView v, EventArguments a, MentionRef target, string prep)
    {
        foreach (var p in a.Preps)
            if (p.Prep == prep && Covers(v, target, p.Head)) return true;
        return false;
    }

    /// <summary>Whether the target is the object of one of the prepositions the rule names.</summary>
    private static bool TargetInRulePrep(SentenceView v, EventRule r, EventArguments a, MentionRef target)
    {
        foreach (var p in a.Preps)
        {
            bool named = false;
            foreach (var q in r.Preps)
                if (q.Prep == p.Prep) { named = true; break; }
            if (named && Covers(v, target, p.Head)) return true;
        }
        return false;
    }

    private const string Deadline = "deadline";

    /// <summary>
    /// Whether the verb gives a time limit for an act: "gave X 14 days to leave" (a time span as object, a to-infinitive
    /// after it), "gave X until Friday to withdraw" (an "until" phrase, a to-infinitive after it). English states a
    /// deadline so without the noun; CAMEO's patterns name it ("give a deadline", 139, an ultimatum), and this lets them
    /// read both. The time units are event_classes.tsv @TIMESPAN.
    /// </summary>
    private bool GivesDeadline(SentenceView v, EventArguments a)
    {
        int limit = -1;
        if (a.Object >= 0 && InClass(v, TimeSpanClass, a.Object)) limit = a.Object;
        foreach (var (prep, head) in a.Preps)
            if (prep is "until" or "till" && head > a.Word && (limit < 0 || head > limit)) limit = head;
        if (limit < 0) return false;
        // the act the limit is for: a to-infinitive right after the limit's phrase
        for (int k = limit + 1; k < v.Count && k - limit <= 4; k++)
        {
            if (v.Tag(k) == "TO") return k + 1 < v.Count && v.IsVerb(k + 1);
            if (v.IsComma(k) || v.IsClauseBreak(k) || v.IsVerb(k)) return false;
        }
        return false;
    }

    /// <summary>
    /// Whether the verb at <paramref name="t"/> is the act a deadline is given for ("gave X 14 days to leave": leave): that
    /// act is demanded, not done, and the ultimatum is the event. The giving verb is one whose CAMEO patterns name a deadline.
    /// </summary>
    private bool ActOfDeadline(SentenceView v, int t)
    {
        if (t < 2 || v.Tag(t - 1) != "TO") return false;
        for (int g = t - 2; g >= 0 && t - g <= 12; g--)
        {
            if (v.IsClauseBreak(g)) return false;
            if (!v.IsVerb(g) || !_deadlineVerbs.Contains(v.Lemma(g))) continue;
            return GivesDeadline(v, EventArguments.Of(v, g)) && NextInfinitive(v, g) == t - 1;
        }
        return false;
    }

    /// <summary>The first "to" of an infinitive after token <paramref name="g"/>, or -1.</summary>
    private static int NextInfinitive(SentenceView v, int g)
    {
        for (int k = g + 1; k + 1 < v.Count && k - g <= 12; k++)
            if (v.Tag(k) == "TO" && v.IsVerb(k + 1)) return k;
        return -1;
    }

    /// <summary>The event class of time units ("day", "week") a deadline is counted in.</summary>
    private const string TimeSpanClass = "class:@TIMESPAN";

    private static bool PhraseMatches(SentenceView v, PhraseConstraint constraint, int head)
    {
        if (head < 0) return false;
        return constraint.Matches(v.Lemma(head), v.Lower(head), v.PhraseWords(head));
    }

    // ---------------------------------------------------------------- argument checks

    /// <summary>The candidate after the argument checks of its category: kept, read with another category, or dropped (null).</summary>
    private (IReadOnlyList<TriggerEntry> Entries, EventCoding? Coding)? Check(SentenceView v, Reading c, EventArguments a, EventCoding? coding)
    {
        var keep = (c.Entries, coding);
        var best = c.Entries.OrderByDescending(e => e.Strength).First();
        var category = best.Category;
        foreach (var check in _checks.Checks)
        {
            if (!check.Categories.Contains(category) && !check.Categories.Contains(best.Type) || !Fits(v, check, a, c)) continue;
            if (check.Keeps) return keep;
            if (check.Drops) return null;
            if (check.Then == category) return keep;
            // a CAMEO code: the event is that code ("broke the alliance with X" is 161, reducing relations, not a threat)
            if (check.Then.All(char.IsAsciiDigit))
                return _cameo.Coding(check.Then) is { } code ? Recode(c, code) : keep;
            if (_eventTypes.TypeOf(new EventCoding("", check.Then, "", "")) is not { } type) return keep;
            var entry = new TriggerEntry(best.Lemma, best.Pos, type, check.Then, TriggerDirection.Active, best.Strength);
            return (new[] { entry }, null);
        }
        return keep;
    }

    private bool Fits(SentenceView v, EventCheck check, EventArguments a, Reading c)
    {
        if (check.Argument == "target")
        {
            var label = check.Test[5..];
            var entity = v.Context.Entities[c.Target.Entity];
            return entity.Type.ToString() == label || entity.FineTypes.Contains(label);
        }
        foreach (var head in Words(v, check.Argument, a))
        {
            if (head < 0) continue;
            if (InClass(v, check.Test, head) || _checks.InClass(check.Test, PhraseConstraint.Singular(v.Lower(head)))) return true;
        }
        return false;
    }

    /// <summary>
    /// The common noun right before a name that says what kind of thing the name is ("hosted exercise Kessa Shield 2019":
    /// exercise), so the checks read the kind rather than the name: the name is a named event or a proper noun no entity
    /// took; -1 when the word at <paramref name="head"/> is no such name or no common noun precedes it.
    /// </summary>
    private static int EventKindNoun(SentenceView v, int head)
    {
        if (head < 0) return -1;
        int k;
        if (v.MentionAt(head) is { } m)
        {
            if (v.TypeOf(m) != EntityType.Event) return -1;
            k = m.FirstToken;
        }
        else
        {
            if (v.Tag(head) is not ("NNP" or "NNPS" or "CD")) return -1;
            k = head;
            while (k > 0 && v.MentionAt(k - 1) is null && v.Tag(k - 1) is "NNP" or "NNPS" or "CD") k--;
        }
        k--;
        return k >= 0 && v.MentionAt(k) is null && v.Tag(k) is "NN" or "NNS" ? k : -1;
    }

    /// <summary>The heads an argument names: object, common-noun subject (or the noun a participle modifies), prepositional phrases.</summary>
    private static IEnumerable<int> Words(SentenceView v, string argument, EventArguments a)
    {
        bool noun = argument == "noun";
        if (argument == "object" || noun)
        {
            yield return a.Object;
            if (EventKindNoun(v, a.Object) is var kind and >= 0) yield return kind;
        }
        if (argument == "subject" || noun)
        {
            if (a.Subject >= 0 && v.MentionAt(a.Subject) is null) yield return a.Subject;
            if (a.Modified >= 0 && v.MentionAt(a.Modified) is null) yield return a.Modified;
        }
        if (noun || argument.StartsWith("obl:", StringComparison.Ordinal))
        {
            var prep = noun ? null : argument[4..];
            foreach (var (p, h) in a.Preps)
                if (prep is null || p == prep)
                    yield return h;
        }
    }
}
