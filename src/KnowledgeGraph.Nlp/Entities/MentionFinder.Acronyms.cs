using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>
/// Long forms the recogniser cut that the acronym in brackets after them spells whole (branch acro41, issue 10 item 2:
/// acronyms next to long names).
/// </summary>
public sealed partial class MentionFinder
{
    /// <summary>Words an acronym's letters skip inside a long form, in whatever case a title writes them ("Union Of Coastal Courts").</summary>
    private static readonly HashSet<string> SkippedInLongForms = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "on", "in", "&" };

    /// <summary>
    /// "the Council of the Northern Lake States (CNLS)", "the Union Of Coastal Courts (UCC)": the capitalised words right
    /// before an acronym in brackets (with "of", "the", "and", "for", "on", "in" between them, in either case) whose
    /// initials the acronym spells (`EntityClusterer.IsAcronymOf`: the major words' initials, or every word's, a word
    /// joined by hyphens giving one for each part) are one name, the acronym's long form, whatever pieces the recogniser
    /// made of them ("Northern Lake States" a place, "Of Coastal Courts" a person): the pieces go and the whole run is one
    /// mention of the acronym's type, which the acronym in brackets joins. The longest such run is taken (it opens with a
    /// capitalised word); nothing changes when a mention already covers the run whole or runs on past its first word
    /// (that name is longer than what the acronym spells), when the acronym is no mention of a body, place or event or one the gazetteer reads as a body of another name, or
    /// when a person's name that no recogniser's guess alone made lies in the run. One look back of at most twelve words per bracketed
    /// acronym: linear in the article's length.
    /// </summary>
    private void JoinLongFormsTheirAcronymsSpell(Document doc, IReadOnlyList<Sentence> sentences, List<PlacedMention> result)
    {
        if (result.Count == 0) return;
        var bySentence = new Dictionary<int, List<int>>();
        for (int k = 0; k < result.Count; k++)
        {
            if (!bySentence.TryGetValue(result[k].Mention.SentenceIndex, out var list)) bySentence[result[k].Mention.SentenceIndex] = list = new List<int>();
            list.Add(k);
        }
        var drop = new HashSet<int>();
        var added = new List<PlacedMention>();
        foreach (var (si, here) in bySentence)
        {
            var tokens = sentences[si].Tokens;
            foreach (var a in here)
            {
                var acr = result[a];
                if (acr.Mention.Type is not (EntityType.Organization or EntityType.Location or EntityType.Event)
                    || acr.Mention.Kind is not (MentionKind.Name or MentionKind.Acronym) || !NameKey.IsAcronymShape(acr.Mention.Text)) continue;
                int open = acr.FirstToken - 1, close = acr.EndToken;
                if (open < 2 || close >= tokens.Count || tokens[open].Text != "(" || tokens[close].Text != ")" || acr.EndToken - acr.FirstToken != 1) continue;
                // the run of capitalised words and skipped words before the bracket
                int runStart = open;
                while (runStart > 0 && open - runStart < 12)
                {
                    var w = tokens[runStart - 1].Text;
                    if (IsTitleCaseParts(w) || SkippedInLongForms.Contains(w)) runStart--;
                    else break;
                }
                int first = -1;
                for (int j = runStart; j < open - 1 && first < 0; j++)
                {
                    if (!IsTitleCaseParts(tokens[j].Text) || SkippedInLongForms.Contains(tokens[j].Text)) continue;
                    var words = tokens.Skip(j).Take(open - j).Select(t => t.Text).ToArray();
                    if (EntityClusterer.IsAcronymOf(acr.Mention.Text, words)) first = j;
                }
                if (first < 0) continue;
                // the pieces inside the run; a mention covering it whole, or one that runs on before it, leaves it alone
                bool leave = false;
                var inside = new List<int>();
                foreach (var k in here)
                {
                    if (k == a) continue;
                    var m = result[k];
                    if (m.EndToken <= first || m.FirstToken >= open) continue;
                    if (m.FirstToken <= first && m.EndToken >= open || m.FirstToken < first || m.EndToken > open
                        || m.Mention.Type == EntityType.Person && m.Mention.Source != "ner") { leave = true; break; }
                    inside.Add(k);
                }
                if (leave || inside.Count == 0) continue;
                var span = new TextSpan(tokens[first].Start, tokens[open - 1].End);
                var text = doc.Text[span.Start..span.End];
                // (an acronym the gazetteer reads as a body of another name keeps that reading: "the Islamic State in Iraq and the
                // Levant (ISIL)" stays the armed group the gazetteer knows; acro36 and acro38 settle its other definitions)
                if (acr.Mention.Source == "gazetteer" && !string.Equals(acr.Mention.Canonical ?? acr.Mention.Text, text, StringComparison.OrdinalIgnoreCase)) continue;
                var fine = acr.Mention.Source == "gazetteer" ? acr.Mention.FineType : null;
                foreach (var k in inside) drop.Add(k);
                added.Add(new PlacedMention(new Mention(span, text, si, acr.Mention.Type, fine, MentionKind.Name, "rule", null), first, open, null, null));
            }
        }
        if (drop.Count == 0) return;
        var kept = result.Where((_, k) => !drop.Contains(k)).ToList();
        result.Clear();
        result.AddRange(kept);
        result.AddRange(added);
    }
}
