using System.Text;

namespace KnowledgeGraph.Nlp.Lexicons.Derivation;

/// <summary>One verb or phrasal verb of a CAMEO verb block: lemma in lower case ("meet with"), its forms, and its own code if it has one.</summary>
public sealed record CameoVerb(string Lemma, IReadOnlyList<string> Forms, string? Code, int Line);

/// <summary>One pattern line of a verb block, as written ("- * (FOR TALKS)   [036:036]   # MEET").</summary>
public sealed record CameoPatternLine(string Text, string Code, string? ReverseCode, string Comment, int Line);

/// <summary>A verb block: heading, default code ("---" is the null code: the bare verb codes no event), verbs and patterns.</summary>
public sealed record CameoBlock(string Name, string Code, IReadOnlyList<CameoVerb> Verbs, IReadOnlyList<CameoPatternLine> Patterns, int Line);

/// <summary>The PETRARCH2 CAMEO verb dictionary as read: synonym sets and verb blocks.</summary>
public sealed record CameoDictionary(IReadOnlyDictionary<string, IReadOnlyList<string>> SynonymSets, IReadOnlyList<CameoBlock> Blocks);

/// <summary>
/// Reads PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, format in the petrarch2 docs, dictionaries.rst): <c>#</c>
/// comments; synonym sets <c>&amp;NAME</c> with <c>+WORD</c> members (regular plurals generated unless the set's name or the
/// member ends with <c>_</c>); after <c>####### VERB PATTERNS #######</c>, blocks headed <c>--- NAME [code] ---</c>, verb lines
/// (<c>HURRY {HURRIES HURRYING HURRIED}</c>, phrasal <c>+MEET_WITH {...}</c>, optional own <c>[code]</c>) and patterns
/// <c>- ... [code:code] # comment</c>. Transformation rules (<c>~</c>) are skipped.
/// </summary>
public static class CameoReader
{
    public static CameoDictionary Read(string path) => Parse(File.ReadAllText(path, Encoding.Latin1));

    public static CameoDictionary Parse(string text)
    {
        var sets = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var blocks = new List<CameoBlock>();
        bool inVerbs = false;
        string? setName = null;
        List<string>? members = null;
        string? blockName = null, blockCode = null;
        int blockLine = 0;
        var verbs = new List<CameoVerb>();
        var patterns = new List<CameoPatternLine>();
        void CloseSet()
        {
            if (setName is not null && members is not null) sets[setName] = members;
            setName = null; members = null;
        }
        void CloseBlock()
        {
            if (blockName is not null) blocks.Add(new CameoBlock(blockName, blockCode!, verbs.ToList(), patterns.ToList(), blockLine));
            blockName = null; verbs.Clear(); patterns.Clear();
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            int lineNo = n + 1;
            var raw = lines[n];
            if (raw.StartsWith("####### VERB PATTERNS", StringComparison.Ordinal)) { CloseSet(); inVerbs = true; continue; }
            if (raw.StartsWith('#') || raw.StartsWith('~')) continue;
            if (!inVerbs)
            {
                var s = StripComment(raw).Trim();
                if (s.Length == 0) continue;
                if (s.StartsWith('&')) { CloseSet(); setName = s[1..].Trim(); members = new List<string>(); continue; }
                if (s.StartsWith('+') && members is not null)
                {
                    var word = s[1..].Trim();
                    bool noPlural = setName!.EndsWith('_') || word.EndsWith('_');
                    var phrase = Words(word.TrimEnd('_'));
                    if (phrase.Length == 0) continue;
                    Add(members, phrase);
                    if (!noPlural) Add(members, PluralOf(phrase));
                }
                continue;
            }
            if (raw.StartsWith("---", StringComparison.Ordinal))
            {
                CloseBlock();
                var head = raw.Trim('-', ' ', '\t');
                int lb = head.IndexOf('[', StringComparison.Ordinal), rb = head.IndexOf(']', StringComparison.Ordinal);
                blockName = (lb > 0 ? head[..lb] : head).Trim();
                blockCode = lb >= 0 && rb > lb ? head[(lb + 1)..rb].Trim() : "---";
                if (blockCode.Length == 0) blockCode = "---";
                blockLine = lineNo;
                continue;
            }
            if (blockName is null) continue;
            if (raw.StartsWith('-'))
            {
                int hash = raw.IndexOf('#', StringComparison.Ordinal);
                var comment = hash >= 0 ? raw[(hash + 1)..].Trim() : "";
                var body = (hash >= 0 ? raw[..hash] : raw)[1..];
                int lb = body.LastIndexOf('[');
                int rb = body.LastIndexOf(']');
                if (lb < 0 || rb < lb) continue;
                var codes = body[(lb + 1)..rb].Trim();
                var pattern = body[..lb].Trim();
                int colon = codes.IndexOf(':', StringComparison.Ordinal);
                var code = colon >= 0 ? codes[..colon].Trim() : codes;
                var reverse = colon >= 0 ? codes[(colon + 1)..].Trim() : null;
                patterns.Add(new CameoPatternLine(pattern, code, string.IsNullOrEmpty(reverse) ? null : reverse, comment, lineNo));
                continue;
            }
            var v = StripComment(raw).Trim();
            if (v.Length == 0) continue;
            verbs.Add(ParseVerb(v, lineNo));
        }
        CloseSet();
        CloseBlock();
        return new CameoDictionary(sets, blocks);
    }

    private static CameoVerb ParseVerb(string s, int line)
    {
        string? code = null;
        int lb = s.IndexOf('[', StringComparison.Ordinal);
        if (lb >= 0)
        {
            int rb = s.IndexOf(']', lb);
            code = s[(lb + 1)..(rb > lb ? rb : s.Length)].Trim();
            s = s[..lb].Trim();
        }
        var forms = new List<string>();
        int ob = s.IndexOf('{', StringComparison.Ordinal);
        if (ob >= 0)
        {
            int cb = s.IndexOf('}', ob);
            foreach (var f in s[(ob + 1)..(cb > ob ? cb : s.Length)].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                forms.Add(Words(f.TrimStart('+')));
            s = s[..ob].Trim();
        }
        var lemma = Words(s.TrimStart('+'));
        // regular forms are generated unless the line lists its own
        var all = new List<string> { lemma };
        if (forms.Count == 0) all.AddRange(RegularForms(lemma));
        else all.AddRange(forms);
        return new CameoVerb(lemma, all.Distinct(StringComparer.Ordinal).ToList(), string.IsNullOrEmpty(code) ? null : code, line);
    }

    /// <summary>"MEET_WITH" -> "meet with"; lower case, single spaces.</summary>
    public static string Words(string s) =>
        string.Join(' ', s.Replace('_', ' ').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>PETRARCH's regular verb forms of the first word: -s/-es/-ies, -ed/-d/-ied, -ing (dropping a final e).</summary>
    public static IEnumerable<string> RegularForms(string lemma)
    {
        int sp = lemma.IndexOf(' ', StringComparison.Ordinal);
        var w = sp < 0 ? lemma : lemma[..sp];
        var rest = sp < 0 ? "" : lemma[sp..];
        bool consonantY = w.Length > 1 && w.EndsWith('y') && !"aeiou".Contains(w[^2], StringComparison.Ordinal);
        string third = consonantY ? w[..^1] + "ies" : w.EndsWith('s') || w.EndsWith('x') || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith("sh", StringComparison.Ordinal) ? w + "es" : w + "s";
        string past = consonantY ? w[..^1] + "ied" : w.EndsWith('e') ? w + "d" : w + "ed";
        string ing = w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal) ? w[..^1] + "ing" : w + "ing";
        return new[] { third + rest, past + rest, ing + rest };
    }

    /// <summary>Regular plural of a phrase's last word, as PETRARCH forms it: +S, Y -> IES, SS -> SSES.</summary>
    public static string PluralOf(string phrase)
    {
        int sp = phrase.LastIndexOf(' ');
        var head = phrase[..(sp + 1)];
        var w = phrase[(sp + 1)..];
        if (w.Length > 1 && w.EndsWith('y') && !"aeiou".Contains(w[^2], StringComparison.Ordinal)) return head + w[..^1] + "ies";
        if (w.EndsWith("ss", StringComparison.Ordinal)) return head + w + "es";
        return head + w + "s";
    }

    private static void Add(List<string> list, string item)
    {
        if (!list.Contains(item, StringComparer.Ordinal)) list.Add(item);
    }

    private static string StripComment(string s)
    {
        int i = s.IndexOf('#', StringComparison.Ordinal);
        return i >= 0 ? s[..i] : s;
    }
}
