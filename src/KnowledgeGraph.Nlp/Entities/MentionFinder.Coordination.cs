using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>
/// Names cut at a comma, "and" or a slash (branch cut40, issue 10 item 1: compounds and coordinated modifiers keep their
/// head): a body named for the fields it covers after "on"/"for" runs on to the fields' head noun; a capitalised slash
/// compound is one name.
/// </summary>
public sealed partial class MentionFinder
{
    /// <summary>
    /// "the Assembly of Members and Executive Board", "the Conference of Delegates and Standing Council": a body's name
    /// "A of B" or "A for B" (A ending in a body's head keyword of its own) and, after "and", capitalised words ending in a body's
    /// singular head keyword are two bodies, each named whole; "and" does not glue the second body's name to the first's
    /// field. A plural head after "and" is shared by both fields and stays one name ("the Council of Towns and Regional
    /// Authorities"), as does a field with no head keyword ("the Office on Ports and Harbours") and a singular field, a
    /// portfolio ("the Ministry of Youth and National Service", review44). Linear in the candidates.
    /// </summary>
    private void SplitTwoBodiesAtAnd(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.Type != EntityType.Organization || c.Kind != MentionKind.Name || c.Source == "gazetteer" || c.CharStart >= 0 || c.Length < 6) continue;
            int and = -1;
            for (int j = c.End - 3; j > c.First + 2 && and < 0; j--) if (words[j] == "and") and = j;
            if (and < 0) continue;
            // the second body: two capitalised words or more, none "and", ending in a singular head keyword of a body
            var head = words[c.End - 1];
            if (head.EndsWith('s') || !Enumerable.Range(and + 1, c.End - and - 1).All(j => IsTitleCase(words[j]))) continue;
            var second = _lex.OrgKeywords.Lookup(head, KeywordPosition.Suffix).FirstOrDefault(h => h.Type == EntityType.Organization);
            if (second is null || second.FineType is "Company" or "MediaOrganization" or "EducationalInstitution") continue;
            if (_lex.Gazetteer.Lookup(WordRun.Join(words, c.First, c.Length)).Count > 0) continue;
            // the first body: its own head keyword before "of"/"on"/"for", a field after it
            int of = -1;
            for (int j = c.First + 1; j < and - 1 && of < 0; j++) if (words[j] is "of" or "for") of = j;
            if (of < 0 || HeadBeforeOf(words, c.First, of + 1) is not { Type: EntityType.Organization } first) continue;
            // the first body's field is the people or bodies it gathers, a plural ("of Members", "of Delegates"); a singular
            // field is a portfolio the second words may extend ("the Ministry of Youth and National Service": one ministry)
            if (!words[and - 1].EndsWith('s')) continue;
            settled[k] = c with { End = and, FineType = first.Fine, Canonical = null, Role = null };
            settled.Insert(k + 1, c with { First = and + 1, FineType = second.FineType, Canonical = null, Role = null });
            k++;
        }
    }

    /// <summary>
    /// "the Armed Forces of Varnia and Kessaland", "the envoy's office in Varnia and Kessaland": a place the gazetteer
    /// knows by a name that holds "and" (one country, "Varnia and Kessaland") is one name wherever its words stand
    /// together; a body's or a place's name that runs into it and stops at its "and" ends after the whole place's name
    /// instead, so the place's last words make no place of their own. Before the candidates are settled; linear in them.
    /// </summary>
    private static void KeepCoordinatedPlaceNamesWhole(List<string> words, List<Candidate> candidates)
    {
        int count = candidates.Count;
        for (int g = 0; g < count; g++)
        {
            var place = candidates[g];
            if (place.Source != "gazetteer" || place.Type != EntityType.Location || place.Kind != MentionKind.Name || place.CharStart >= 0
                || place.Length < 3 || !Enumerable.Range(place.First + 1, place.Length - 2).Any(k => words[k] == "and")) continue;
            for (int k = 0; k < count; k++)
            {
                var c = candidates[k];
                // (a name opening before the place that ends inside it, right before its "and" or after it: "Forces of Varnia")
                if (k == g || c.CharStart >= 0 || c.First >= place.First || c.End <= place.First || c.End >= place.End) continue;
                if (words[place.First - 1] is not ("of" or "in" or "for" or "to")) continue;
                candidates[k] = c with { End = place.End, Canonical = null };
            }
        }
    }

    /// <summary>
    /// "the Velmar Appropriations Subcommittee on Energy, Water, and Related Programs", "the Subcommittee on Western
    /// Hemisphere and North and East Ostlandic Affairs": a body's head keyword (no company's or medium's) before "on" or
    /// "for" and its fields, listed with commas and "and", names the body (typed by that head keyword, not by a field's word: "Energy" is no company here) through the fields' head, a plural noun of
    /// ordinary English ("Programs", "Affairs", "Agencies") closing the list; cut at the first comma or "and" the name is a
    /// fragment and the rest no name. Every word between is capitalised (or a comma, "and"); no person, no body of a head
    /// keyword of its own, no gazetteer body among them (a lone word of ordinary English the recogniser read as a person is a field), and no capitalised word after the head, so "the Committee on
    /// Energy and Senator Ruiz" or "the Council for Trade and the Kessan Navy" stay apart.
    /// </summary>
    private void JoinFieldListsToTheirPluralHead(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var c = settled[k];
            if (c.Type != EntityType.Organization || c.CharStart >= 0 || c.Source == "gazetteer" || c.End + 2 >= words.Count) continue;
            if (words[c.End] is not ("," or "and")) continue;
            // the body's head keyword before "on"/"for" inside the name, with a field after it
            bool headed = false;
            string? fine = null;
            for (int p = c.First + 1; p < c.End - 1 && !headed; p++)
                if (words[p] is "on" or "for" && IsTitleCase(words[p - 1])
                    && _lex.OrgKeywords.Lookup(words[p - 1], KeywordPosition.Suffix).FirstOrDefault(h => h.Type == EntityType.Organization && h.FineType is not ("Company" or "MediaOrganization")) is { } h)
                {
                    headed = true;
                    fine = string.IsNullOrEmpty(h.FineType) ? null : h.FineType;
                }
            if (!headed) continue;
            // the list: capitalised words, commas and "and" up to a plural noun of ordinary English that no capitalised word follows
            // (the last word of the whole list is the head: "on State, Foreign Operations, and Related Programs")
            int e = c.End, end = -1;
            while (e < words.Count)
            {
                var w = words[e];
                if (w is "," or "and") { if (e + 1 < words.Count && (IsTitleCase(words[e + 1]) || words[e + 1] == "and")) { e++; continue; } break; }
                if (!IsTitleCase(w) || DateWords.Contains(w) || _lex.GivenNames.Contains(w) || _lex.Titles.LongestMatchAt(words, e).Length > 0) break;
                e++;
            }
            if (e > c.End && (e >= words.Count || !IsCapitalized(words[e])) && words[e - 1] is var last && last.Length > 3 && last.EndsWith('s') && IsOrdinaryWord(last)) end = e;
            if (end < 0) continue;
            var others = settled.Where(o => o != c && o.First < end && c.End < o.End).ToList();
            // (a one-word "person" that is a word of ordinary English is a field the recogniser misread: "Energy, Water, and ...")
            if (others.Any(o => o.End > end || o.Type == EntityType.Person && !(o.Length == 1 && IsOrdinaryWord(words[o.First])) || o.Source == "gazetteer" && o.Type == EntityType.Organization
                                || o.Type == EntityType.Organization && Keyword(words, o.First, o.End) is { Type: EntityType.Organization })) continue;
            foreach (var o in others) settled.Remove(o);
            int self = settled.IndexOf(c);
            settled[self] = c with { End = end, FineType = fine, Canonical = null };
            k = self;
        }
    }

    /// <summary>
    /// "the Search/Salvage Survey Agency", "the Kessan Search/Rescue Coordination Centre": a slash with no space on
    /// either side between two capitalised words joins them inside the name whose head follows: the words after the slash
    /// run on to a body's head keyword, and the word before it is no name of its own (one word, no head keyword, no
    /// gazetteer entry, no person). The name takes in capitalised words right before the slash's first word that no other
    /// name holds. Two names joined by a slash stay two: "the DEA/NSA team", "US/UK talks", "Ana Ruiz/Tomas Brell", and
    /// "Kessan Radio/Harbor TV" (a name of its own before the slash).
    /// </summary>
    private void JoinSlashCompounds(Sentence s, List<string> words, List<Candidate> settled)
    {
        var tokens = s.Tokens;
        for (int j = 1; j + 2 < words.Count; j++)
        {
            if (words[j] != "/" || tokens[j - 1].End != tokens[j].Start || tokens[j].End != tokens[j + 1].Start) continue;
            if (!IsCapitalized(words[j - 1]) || !IsCapitalized(words[j + 1])) continue;
            JoinSlashCompoundAt(words, settled, j);
        }
    }

    // the slash at j joins the words on its sides (the reading of JoinSlashCompounds; a method of its own, so that the
    // closures below are made only at a slash between two capitalised words, not for every token)
    private void JoinSlashCompoundAt(List<string> words, List<Candidate> settled, int j)
    {
        // the side after the slash: a body's name of two words or more, its head keyword after the slash's second word
        var b = settled.FirstOrDefault(o => o.First == j + 1 && o.CharStart < 0 && o.Type == EntityType.Organization && o.Length >= 2);
        if (b is null || Keyword(words, b.First, b.End) is not { Type: EntityType.Organization, Position: KeywordPosition.Suffix }
            || _lex.Gazetteer.Lookup(WordRun.Join(words, b.First, b.Length)).Count > 0) return;
        // the side before it: one word no name holds, or a one-word name that is no person, place, keyword or gazetteer entry
        var a = settled.FirstOrDefault(o => o.First <= j - 1 && j - 1 < o.End && o.CharStart < 0);
        if (a is not null && (a.Length != 1 || a.Type != EntityType.Organization || a.Source == "gazetteer")) return;
        if (_lex.OrgKeywords.Lookup(words[j - 1]).Count > 0 || _lex.Gazetteer.Lookup(words[j - 1]).Count > 0 || _lex.GivenNames.Contains(words[j - 1])) return;
        int first = j - 1;
        while (first > 0 && j - first < 4 && IsTitleCase(words[first - 1]) && words[first - 1] is not ("The" or "A" or "An")
               && _lex.Titles.LongestMatchAt(words, first - 1).Length == 0 && !settled.Any(o => o.First <= first - 1 && first - 1 < o.End)) first--;
        var joined = b with { First = first, Canonical = null };
        settled.RemoveAll(o => o.First < b.End && first < o.End);
        settled.Add(joined);
        settled.Sort((x, y) => x.First.CompareTo(y.First));
    }

    /// <summary>
    /// "the Velmar Trade and Harbor Affairs Committees": two modifiers coordinated under one plural head keyword name two
    /// bodies, each with the head in the singular ("Velmar Trade Committee", "Harbor Affairs Committee"); the name before
    /// "and" is no body alone, and the one after it no plural body. Only when the words before "and" are a name with no
    /// head keyword of its own, ending right before "and", and the plural head is a body's keyword whose singular is one
    /// too, of the same kind ("Committees", "Councils"; not "Corps"), and the words before "and" are in title case (an
    /// acronym there is a name of its own: "the KFA and Mercy Corps"); "the Senate and House Committees" keep "Senate" a body of its own (a gazetteer or
    /// keyword name before "and").
    /// </summary>
    private void SplitPluralHeadsOverTwoModifiers(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var b = settled[k];
            if (b.Type != EntityType.Organization || b.CharStart >= 0 || b.Length < 2 || b.First < 2 || words[b.First - 1] != "and") continue;
            var head = words[b.End - 1];
            if (!IsTitleCase(head) || head.Length < 4 || SingularOf(head) is not { } singular) continue;
            // (the singular a keyword of the same kind: "Corps" is no plural of a company's "Corp")
            var plural = _lex.OrgKeywords.Lookup(head, KeywordPosition.Suffix).FirstOrDefault(h => h.Type == EntityType.Organization);
            if (plural is null || !_lex.OrgKeywords.Lookup(singular, KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization && h.FineType == plural.FineType)) continue;
            var a = settled.FirstOrDefault(o => o.End == b.First - 1 && o.CharStart < 0);
            if (a is null || a.Type == EntityType.Person || a.Source == "gazetteer" || Keyword(words, a.First, a.End) is not null
                || !Enumerable.Range(a.First, a.Length).All(i => IsTitleCase(words[i]))
                || _lex.Gazetteer.Lookup(WordRun.Join(words, a.First, a.Length)).Count > 0) continue;
            int ai = settled.IndexOf(a);
            settled[ai] = a with { Type = EntityType.Organization, FineType = b.FineType, Canonical = WordRun.Join(words, a.First, a.Length) + " " + singular };
            settled[k] = b with { Canonical = WordRun.Join(words, b.First, b.Length - 1) + " " + singular };
        }
    }
}

