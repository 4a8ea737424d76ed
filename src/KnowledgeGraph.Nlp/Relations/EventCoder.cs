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
    private readonly CameoLexicon _cameo;
    private readonly EventChecks _checks;
    private readonly EventTypes _eventTypes;

    public EventCoder(CameoLexicon cameo, EventChecks checks, EventTypes types)
    {
        _cameo = cameo ?? throw new ArgumentNullException(nameof(cameo));
        _checks = checks ?? throw new ArgumentNullException(nameof(checks));
        _eventTypes = types ?? throw new ArgumentNullException(nameof(types));
    }

    public EventCoder(LexiconSet lexicons) : this(lexicons.Cameo, lexicons.EventChecks, lexicons.EventTypes) { }

    /// <summary>No CAMEO lexicon and no checks: every reading passes unchanged.</summary>
    public static EventCoder None { get; } = new(CameoLexicon.Empty, EventChecks.Empty, new EventTypes(Array.Empty<(string, string, string)>()));

    public bool IsEmpty => _cameo.VerbCount == 0 && _checks.Checks.Count == 0;

    /// <summary>One event reading: the trigger's first token, whether it is a noun, its text and entries, the target's mention.</summary>
    internal readonly record struct Reading(int Trigger, bool IsNoun, bool Intent, string TriggerText, IReadOnlyList<TriggerEntry> Entries, MentionRef Target);

    /// <summary>The reading's entries and CAMEO coding after the rules and checks; null when it is no event.</summary>
    internal (IReadOnlyList<TriggerEntry> Entries, EventCoding? Coding)? Decide(SentenceView v, Reading r, EventCoding? coding = null)
    {
        if (IsEmpty || !r.Entries.Any(e => IsEvent(e.Category))) return (r.Entries, coding);
        var a = EventArguments.Of(v, r.Trigger);
        var coded = r.Intent ? (r.Entries, coding) : r.IsNoun ? (r.Entries, coding ?? NounCoding(r)) : Code(v, r, a);
        if (coded is null) return null;
        return Check(v, r with { Entries = coded.Value.Entries }, a, coded.Value.Coding);
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
        EventRule? best = null;
        foreach (var entry in verbs)
            foreach (var rule in _cameo.Rules(entry.Block))
            {
                if (best is not null && rule.Specificity <= best.Specificity) break;
                if (Matches(v, rule, a, c)) { best = rule; break; }
            }
        // hand-written entries win unless they are vague ("hold", "take": strength below 0.5), where the complement says more
        bool vague = !derived && c.Entries.All(e => e.Strength < 0.5);
        if (best is not null)
        {
            // a null code on a specific complement ("hold talks") says the verb with it is no event
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

    private static bool Matches(SentenceView v, EventRule r, EventArguments a, Reading c)
    {
        if (r.Source != "subj") return false; // slots before the verb for the target: not read
        if (r.Subject is not null && !PhraseMatches(v, r.Subject, a.Subject)) return false;
        if (r.Object is not null && !PhraseMatches(v, r.Object, a.Object)) return false;
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
            var prep = r.Target[5..];
            if (!a.Preps.Any(p => p.Prep == prep && p.Head >= c.Target.FirstToken && p.Head < c.Target.EndToken)) return false;
        }
        // a prepositional verb's complement is the object of its preposition ("come to X", "break with X"): a pattern that
        // names prepositions and no object takes its target there, or as the verb's direct object, never from elsewhere
        // in the sentence ("came to an end ... following a request by the government" comes to no government)
        else if (r.Object is null && r.Preps.Count > 0)
        {
            bool Inside(int head) => head >= c.Target.FirstToken && head < c.Target.EndToken;
            if (!Inside(a.Object) && !a.Preps.Any(p => r.Preps.Any(q => q.Prep == p.Prep) && Inside(p.Head))) return false;
        }
        return true;
    }

    private static bool PhraseMatches(SentenceView v, PhraseConstraint constraint, int head)
    {
        if (head < 0) return false;
        return constraint.Matches(v.Lemma(head), v.Lower(head), EventArguments.PhraseWords(v, head));
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
            if (_checks.InClass(check.Test, v.Lemma(head)) || _checks.InClass(check.Test, v.Lower(head))
                || _checks.InClass(check.Test, PhraseConstraint.Singular(v.Lower(head)))) return true;
        }
        return false;
    }

    /// <summary>The heads an argument names: object, common-noun subject (or the noun a participle modifies), prepositional phrases.</summary>
    private static IEnumerable<int> Words(SentenceView v, string argument, EventArguments a)
    {
        bool noun = argument == "noun";
        if (argument == "object" || noun) yield return a.Object;
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
