using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Relations;

/// <summary>
/// Event coding with PETRARCH2's CAMEO verb dictionary and the argument checks (docs/lexicons.md, "CAMEO event rules"
/// and "Argument checks"). Every event candidate of the other families is coded here: the rules of its verb's CAMEO
/// blocks are matched on the verb's dependents (object, particle, prepositional phrases, subject), the most specific
/// match gives the CAMEO code and through PLOVER's table the category, mode and context; a null code blocks the
/// reading. Then event_checks.tsv says whether the participants fit the category.
/// </summary>
public sealed partial class RelationExtractor
{
    private sealed partial class SentenceRun
    {
        private List<Candidate> CodeEvents(List<Candidate> list)
        {
            if (_x._cameo.VerbCount == 0 && _x._checks.Checks.Count == 0) return list;
            var result = new List<Candidate>(list.Count);
            var args = new Dictionary<int, EventArguments>();
            foreach (var c in list)
            {
                if (!c.Entries.Any(e => IsEvent(e.Category))) { result.Add(c); continue; }
                if (!args.TryGetValue(c.TriggerFirst, out var a)) args[c.TriggerFirst] = a = EventArguments.Of(_v, c.TriggerFirst);
                var coded = c.IsNoun || c.Intent ? c : Code(c, a);
                if (coded is null) continue;
                var checkedCandidate = Check(coded, a);
                if (checkedCandidate is not null) result.Add(checkedCandidate);
            }
            return result;
        }

        private static bool IsEvent(string category) => category is "AGREE" or "CONSULT" or "SUPPORT" or "CONCEDE" or "COOPERATE" or "AID"
            or "RETREAT" or "INVESTIGATE" or "DEMAND" or "DISAPPROVE" or "REJECT" or "THREATEN" or "PROTEST" or "MOBILIZE" or "SANCTION"
            or "COERCE" or "ASSAULT" or "FIGHT" or "CRIME";

        /// <summary>The candidate coded by the CAMEO rules of its verb; null when a null code or a missing rule blocks it.</summary>
        private Candidate? Code(Candidate c, EventArguments a)
        {
            var v = _v;
            int t = c.TriggerFirst;
            if (!v.IsVerb(t)) return c;
            var verbs = VerbEntries(t, a, c);
            bool derived = c.Entries.All(e => e.Derived);
            if (verbs.Count == 0) return c;
            EventRule? best = null;
            foreach (var entry in verbs)
                foreach (var rule in _x._cameo.Rules(entry.Block))
                {
                    if (best is not null && rule.Specificity <= best.Specificity) break;
                    if (Matches(rule, a, c)) { best = rule; break; }
                }
            // hand-written entries win unless they are vague ("hold", "take": strength below 0.5), where the complement says more
            bool vague = !derived && c.Entries.All(e => e.Strength < 0.5);
            if (best is not null)
            {
                // a null code on a specific complement ("hold talks") says the verb with it is no event
                if (best.Blocks) return derived || vague && best.Specificity >= 2 ? null : c;
                if (best.Coding is null) return derived ? null : c; // a public statement (CAMEO 01): no event of ours
                if (derived || vague && best.Specificity >= 2) return Recode(c, best.Coding);
                return c.Entries.Any(e => e.Category == best.Coding.Category) ? Recode(c, best.Coding) : c;
            }
            // the bare verb: its own code, or the null code
            var bare = verbs.Select(e => e.Coding).FirstOrDefault(x => x is not null);
            if (derived)
            {
                if (bare is null || c.Entries.All(e => e.NeedsPattern)) return null;
                return c with { Coding = bare };
            }
            // the code is kept where both say the same
            return bare is not null && c.Entries.Any(e => e.Category == bare.Category) ? c with { Coding = bare } : c;
        }

        /// <summary>The candidate read with a CAMEO coding: its own entries of that category, or a new entry of the coding's type.</summary>
        private Candidate Recode(Candidate c, EventCoding coding)
        {
            var same = c.Entries.Where(e => e.Category == coding.Category).ToList();
            if (same.Count > 0) return c with { Entries = same, Coding = coding };
            if (_x._eventTypes.TypeOf(coding) is not { } type) return c;
            double strength = Math.Max(0.55, c.Entries.Max(e => e.Strength));
            var entry = new TriggerEntry(c.Entries[0].Lemma, TriggerPos.Verb, type, coding.Category, TriggerDirection.Active, strength, coding, Derived: true);
            return c with { Entries = new[] { entry }, Coding = coding };
        }

        /// <summary>CAMEO verbs for the verb at <paramref name="t"/>: phrasal ones with its particle or preposition first, then the verb.</summary>
        private List<CameoVerbEntry> VerbEntries(int t, EventArguments a, Candidate c)
        {
            var v = _v;
            var lemma = v.Lemma(t);
            var list = new List<CameoVerbEntry>();
            var extra = new List<string>();
            if (a.Particle is not null) extra.Add(a.Particle);
            // the trigger's own words ("pull out", "lash out at")
            foreach (var w in c.TriggerText.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)) extra.Add(w);
            foreach (var (p, _) in a.Preps) extra.Add(p);
            foreach (var w in extra.Distinct(StringComparer.Ordinal))
                list.AddRange(_x._cameo.Verb(lemma + " " + w));
            list.AddRange(_x._cameo.Verb(lemma));
            return list;
        }

        private bool Matches(EventRule r, EventArguments a, Candidate c)
        {
            var v = _v;
            if (r.Source != "subj") return false; // slots before the verb for the target: not read
            if (r.Subject is not null && !PhraseMatches(r.Subject, a.Subject)) return false;
            if (r.Object is not null && !PhraseMatches(r.Object, a.Object)) return false;
            if (r.Particle is not null && a.Particle != r.Particle
                && !c.TriggerText.ToLowerInvariant().Split(' ').Skip(1).Contains(r.Particle, StringComparer.Ordinal)) return false;
            foreach (var p in r.Preps)
            {
                bool found = false;
                foreach (var (prep, head) in a.Preps)
                {
                    if (prep != p.Prep) continue;
                    if (p.Object is not null && !PhraseMatches(p.Object, head)) continue;
                    found = true;
                    break;
                }
                if (!found) return false;
            }
            // the target where the rule puts it: "(WITH +)" needs the target in that phrase
            if (r.Target.StartsWith("prep:", StringComparison.Ordinal))
            {
                var prep = r.Target[5..];
                if (!a.Preps.Any(p => p.Prep == prep && p.Head >= c.B.FirstToken && p.Head < c.B.EndToken)) return false;
            }
            return true;
        }

        private bool PhraseMatches(PhraseConstraint constraint, int head)
        {
            if (head < 0) return false;
            var v = _v;
            return constraint.Matches(v.Lemma(head), v.Lower(head), EventArguments.PhraseWords(v, head));
        }

        // ---------------------------------------------------------------- argument checks

        /// <summary>The candidate after the argument checks of its category: kept, read with another category, or dropped (null).</summary>
        private Candidate? Check(Candidate c, EventArguments a)
        {
            var best = c.Entries.OrderByDescending(e => e.Strength).First();
            var category = best.Category;
            foreach (var check in _x._checks.Checks)
            {
                if (!check.Categories.Contains(category) && !check.Categories.Contains(best.Type) || !Fits(check, a, c)) continue;
                if (check.Keeps) return c;
                if (check.Drops) return null;
                if (check.Then == category) return c;
                var coding = new EventCoding("", check.Then, "", "");
                if (_x._eventTypes.TypeOf(coding) is not { } type) return c;
                var entry = new TriggerEntry(best.Lemma, best.Pos, type, check.Then, TriggerDirection.Active, best.Strength);
                return c with { Entries = new[] { entry }, Coding = null };
            }
            return c;
        }

        private bool Fits(EventCheck check, EventArguments a, Candidate c)
        {
            var v = _v;
            if (check.Argument == "target")
            {
                var label = check.Test[5..];
                var entity = v.Context.Entities[c.B.Entity];
                return entity.Type.ToString() == label || entity.FineTypes.Contains(label);
            }
            foreach (var head in Words(check.Argument, a, c))
            {
                if (head < 0) continue;
                if (_x._checks.InClass(check.Test, v.Lemma(head)) || _x._checks.InClass(check.Test, v.Lower(head))
                    || _x._checks.InClass(check.Test, PhraseConstraint.Singular(v.Lower(head)))) return true;
            }
            return false;
        }

        /// <summary>The heads an argument names: object, common-noun subject (or the noun a participle modifies), prepositional phrases.</summary>
        private IEnumerable<int> Words(string argument, EventArguments a, Candidate c)
        {
            var v = _v;
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
}
