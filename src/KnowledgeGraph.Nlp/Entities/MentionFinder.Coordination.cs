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
            int e = c.End, end = -1;
            while (e < words.Count)
            {
                var w = words[e];
                if (w is "," or "and") { if (e + 1 < words.Count && (IsTitleCase(words[e + 1]) || words[e + 1] == "and")) { e++; continue; } break; }
                if (!IsTitleCase(w) || DateWords.Contains(w) || _lex.GivenNames.Contains(w) || _lex.Titles.LongestMatchAt(words, e).Length > 0) break;
                e++;
                if (w.Length > 3 && w.EndsWith('s') && IsOrdinaryWord(w) && (e >= words.Count || !IsCapitalized(words[e]))) { end = e; break; }
            }
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
    /// "RFE/RL", "the Harbor POW/MIA Accounting Agency", "Radio Oster/Radio Vale": a slash with no space on either side
    /// between capitalised words joins them inside one name; the sides are no names of their own. The name takes in the
    /// names on both sides (and capitalised words right before the first that no other name holds), typed as the side with
    /// a body's head keyword, else as a body when either side is one. Not when either side is a place the gazetteer knows
    /// ("the Tarn/Vale border", "US/UK talks" name two places), nor a person.
    /// </summary>
    private void JoinSlashCompounds(Sentence s, List<string> words, List<Candidate> settled)
    {
        var tokens = s.Tokens;
        for (int j = 1; j + 1 < words.Count; j++)
        {
            if (words[j] != "/" || tokens[j - 1].End != tokens[j].Start || tokens[j].End != tokens[j + 1].Start) continue;
            if (!IsCapitalized(words[j - 1]) || !IsCapitalized(words[j + 1])) continue;
            var a = settled.FirstOrDefault(o => o.First <= j - 1 && j - 1 < o.End && o.CharStart < 0);
            var b = settled.FirstOrDefault(o => o.First <= j + 1 && j + 1 < o.End && o.CharStart < 0);
            if (a is null && b is null) continue;
            if (a is not null && a.End != j || b is not null && b.First != j + 1) continue;
            if ((a?.Type ?? EntityType.Organization) != EntityType.Organization && (b?.Type ?? EntityType.Organization) != EntityType.Organization
                || a is { Type: not EntityType.Organization } && b is { Type: not EntityType.Organization }) continue;
            bool Refuses(Candidate? o) => o is not null && (o.Type == EntityType.Person || o.Type == EntityType.Location && o.Source == "gazetteer"
                                                          || o.Type == EntityType.Location && _lex.Gazetteer.Lookup(WordRun.Join(words, o.First, o.End - o.First)).Any(g => g.Entry.Type == EntityType.Location));
            if (Refuses(a) || Refuses(b)) continue;
            int first = a?.First ?? j - 1, end = b?.End ?? j + 2;
            // a side no name holds: its capitalised word alone ("POW" before the slash)
            if (a is null) while (first > 0 && IsCapitalized(words[first - 1]) && !settled.Any(o => o.First <= first - 1 && first - 1 < o.End)) first--;
            else while (first > 0 && IsTitleCase(words[first - 1]) && words[first - 1] is not ("The" or "A" or "An") && !settled.Any(o => o.First <= first - 1 && first - 1 < o.End) && a.First - first < 3) first--;
            if (b is null) while (end < words.Count && IsCapitalized(words[end]) && !settled.Any(o => o.First <= end && end < o.End) && end - j < 4) end++;
            var typed = b is not null && Keyword(words, b.First, b.End) is { Type: EntityType.Organization } ? b
                      : a is not null && Keyword(words, a.First, a.End) is { Type: EntityType.Organization } ? a
                      : a is { Type: EntityType.Organization } ? a : b!;
            var joined = typed with { First = first, End = end, Type = EntityType.Organization, FineType = typed.Type == EntityType.Organization ? typed.FineType : null, Canonical = null };
            settled.RemoveAll(o => o.First < end && first < o.End);
            settled.Add(joined);
            settled.Sort((x, y) => x.First.CompareTo(y.First));
        }
    }
    /// <summary>
    /// "the Velmar Trade and Harbor Affairs Committees": two modifiers coordinated under one plural head keyword name two
    /// bodies, each with the head in the singular ("Velmar Trade Committee", "Harbor Affairs Committee"); the name before
    /// "and" is no body alone, and the one after it no plural body. Only when the words before "and" are a name with no
    /// head keyword of its own, ending right before "and", and the plural head is a body's keyword whose singular is one
    /// too ("Committees", "Councils"); "the Senate and House Committees" keep "Senate" a body of its own (a gazetteer or
    /// keyword name before "and").
    /// </summary>
    private void SplitPluralHeadsOverTwoModifiers(List<string> words, List<Candidate> settled)
    {
        for (int k = 0; k < settled.Count; k++)
        {
            var b = settled[k];
            if (b.Type != EntityType.Organization || b.CharStart >= 0 || b.Length < 2 || b.First < 2 || words[b.First - 1] != "and") continue;
            var head = words[b.End - 1];
            if (!IsTitleCase(head) || !head.EndsWith('s') || head.Length < 4) continue;
            var singular = head.EndsWith("ies", StringComparison.Ordinal) ? head[..^3] + "y" : head[..^1];
            if (!_lex.OrgKeywords.Lookup(head, KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization)
                || !_lex.OrgKeywords.Lookup(singular, KeywordPosition.Suffix).Any(h => h.Type == EntityType.Organization)) continue;
            var a = settled.FirstOrDefault(o => o.End == b.First - 1 && o.CharStart < 0);
            if (a is null || a.Type == EntityType.Person || a.Source == "gazetteer" || Keyword(words, a.First, a.End) is not null
                || !Enumerable.Range(a.First, a.Length).All(i => IsTitleCase(words[i]) || words[i].All(char.IsAsciiLetterUpper))
                || _lex.Gazetteer.Lookup(WordRun.Join(words, a.First, a.Length)).Count > 0) continue;
            int ai = settled.IndexOf(a);
            settled[ai] = a with { Type = EntityType.Organization, FineType = b.FineType, Canonical = WordRun.Join(words, a.First, a.Length) + " " + singular };
            settled[k] = b with { Canonical = WordRun.Join(words, b.First, b.Length - 1) + " " + singular };
        }
    }
}

