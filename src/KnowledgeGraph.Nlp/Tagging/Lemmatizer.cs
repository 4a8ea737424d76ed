namespace KnowledgeGraph.Nlp.Tagging;

/// <summary>
/// Lemmas from a lexicon learned from treebank lemmas plus suffix rules for unseen words. The rules are learned too:
/// for each (Penn tag, last 0-4 letters) the most frequent "cut n letters, append s" edit; the longest matching
/// suffix wins. The lexicon only keeps words the rules get wrong. Immutable and thread-safe.
/// </summary>
public sealed class Lemmatizer
{
    private const int MaxSuffix = 4;
    private readonly Dictionary<string, string> _lexicon;               // form \t xpos -> lemma
    private readonly Dictionary<string, (int Cut, string Append)> _rules; // xpos \t suffix -> edit

    private Lemmatizer(Dictionary<string, string> lexicon, Dictionary<string, (int, string)> rules)
    {
        _lexicon = lexicon; _rules = rules;
        _lexiconSpan = lexicon.GetAlternateLookup<ReadOnlySpan<char>>();
        _rulesSpan = rules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // the same tables looked up by a key in a stack buffer: no key string per word and suffix
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lexiconSpan;
    private readonly Dictionary<string, (int Cut, string Append)>.AlternateLookup<ReadOnlySpan<char>> _rulesSpan;
    private const int MaxKey = 128;

    public int LexiconSize => _lexicon.Count;
    public int RuleCount => _rules.Count;

    /// <summary>The lemma of <paramref name="word"/> tagged <paramref name="xpos"/> (Penn tag): lower case except for proper nouns.</summary>
    public string Lemma(string word, string xpos)
    {
        // a small per-thread memo of recent (word, tag) pairs: most tokens are words seen a little before
        var memo = t_memo is { } m && ReferenceEquals(m.Owner, this) ? m : t_memo = new Memo(this);
        int slot = (word.GetHashCode() * 31 + xpos.GetHashCode()) & (Memo.Size - 1);
        if (ReferenceEquals(memo.Words[slot], word) || word.Equals(memo.Words[slot]))
        {
            var tag = memo.Tags[slot];
            if (ReferenceEquals(tag, xpos) || xpos.Equals(tag)) return memo.Lemmas[slot];
        }
        var lemma = Compute(word, xpos);
        memo.Words[slot] = word; memo.Tags[slot] = xpos; memo.Lemmas[slot] = lemma;
        return lemma;
    }

    [ThreadStatic] private static Memo? t_memo;

    private sealed class Memo(Lemmatizer owner)
    {
        public const int Size = 4096;
        public readonly Lemmatizer Owner = owner;
        public readonly string?[] Words = new string?[Size];
        public readonly string?[] Tags = new string?[Size];
        public readonly string[] Lemmas = new string[Size];
    }

    private string Compute(string word, string xpos)
    {
        var form = Form(word, xpos);
        if (form.Length + xpos.Length + 1 > MaxKey) return _lexicon.TryGetValue(form + "\t" + xpos, out var found) ? found : ApplyRules(form, xpos);
        Span<char> key = stackalloc char[form.Length + 1 + xpos.Length];
        form.CopyTo(key);
        key[form.Length] = '\t';
        xpos.CopyTo(key[(form.Length + 1)..]);
        if (_lexiconSpan.TryGetValue(key, out var lemma)) return lemma;
        return ApplyRules(form, xpos);
    }

    private static string Form(string word, string xpos) =>
        xpos.StartsWith("NNP", StringComparison.Ordinal) ? word : word.ToLowerInvariant();

    private string ApplyRules(string form, string xpos)
    {
        // key: xpos, tab, the form's last l characters
        Span<char> key = stackalloc char[Math.Min(xpos.Length, MaxKey) + 1 + MaxSuffix];
        bool inBuffer = xpos.Length <= MaxKey;
        if (inBuffer) { xpos.CopyTo(key); key[xpos.Length] = '\t'; }
        for (int l = Math.Min(MaxSuffix, form.Length); l >= 0; l--)
        {
            (int Cut, string Append) rule;
            bool found;
            if (inBuffer)
            {
                form.AsSpan(form.Length - l).CopyTo(key[(xpos.Length + 1)..]);
                found = _rulesSpan.TryGetValue(key[..(xpos.Length + 1 + l)], out rule);
            }
            else found = _rules.TryGetValue(xpos + "\t" + form[^l..], out rule);
            if (found && rule.Cut < form.Length)
                return form[..^rule.Cut] + rule.Append;
        }
        return form;
    }

    private static (int, string) Edit(string form, string lemma)
    {
        int p = 0;
        while (p < form.Length && p < lemma.Length && form[p] == lemma[p]) p++;
        return (form.Length - p, lemma[p..]);
    }

    /// <summary>Learns the lexicon and rules from treebank sentences; the result does not depend on sentence order.</summary>
    public static Lemmatizer Train(IEnumerable<TaggedSentence> sentences)
    {
        var ruleCounts = new Dictionary<string, Dictionary<(int, string), int>>(StringComparer.Ordinal);
        var lemmaCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (int i = 0; i < s.Words.Length; i++)
            {
                var xpos = s.Xpos[i];
                var form = Form(s.Words[i], xpos);
                var lemma = s.Lemmas[i];
                if (lemma == "_" || lemma.Length == 0) continue;
                Bump(lemmaCounts, form + "\t" + xpos, lemma);
                var edit = Edit(form, lemma);
                // A rule keyed on a suffix rewrites only that suffix: an edit reaching further back ("indian" -> "Indian"
                // rewrites the whole word) is no rule of the suffix, so such words stay in the lexicon.
                for (int l = Math.Min(MaxSuffix, form.Length); l >= edit.Item1; l--)
                {
                    var key = xpos + "\t" + form[^l..];
                    if (!ruleCounts.TryGetValue(key, out var d)) ruleCounts[key] = d = new();
                    d[edit] = d.GetValueOrDefault(edit) + 1;
                }
            }
        }
        var best = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var (key, counts) in ruleCounts)
            best[key] = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).First().Key;
        // A suffix rule that says the same as the next shorter suffix adds nothing: drop it.
        var rules = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var (key, edit) in best)
        {
            var tab = key.IndexOf('\t', StringComparison.Ordinal);
            var suffix = key[(tab + 1)..];
            if (suffix.Length > 0 && best.TryGetValue(key[..tab] + "\t" + suffix[1..], out var shorter) && shorter == edit) continue;
            rules[key] = edit;
        }
        var pruned = new Lemmatizer(new Dictionary<string, string>(StringComparer.Ordinal), rules);
        var lexicon = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, counts) in lemmaCounts)
        {
            var lemma = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            var tab = key.IndexOf('\t', StringComparison.Ordinal);
            if (pruned.ApplyRules(key[..tab], key[(tab + 1)..]) != lemma) lexicon[key] = lemma;
        }
        return new Lemmatizer(lexicon, rules);
    }

    private static void Bump(Dictionary<string, Dictionary<string, int>> d, string key, string value)
    {
        if (!d.TryGetValue(key, out var inner)) d[key] = inner = new(StringComparer.Ordinal);
        inner[value] = inner.GetValueOrDefault(value) + 1;
    }

    internal void Write(BinaryWriter w)
    {
        var lex = _lexicon.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        w.Write(lex.Count);
        foreach (var k in lex) { w.Write(k); w.Write(_lexicon[k]); }
        var rules = _rules.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        w.Write(rules.Count);
        foreach (var k in rules) { w.Write(k); w.Write(_rules[k].Cut); w.Write(_rules[k].Append); }
    }

    internal static Lemmatizer Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException("implausible lexicon size");
        var lex = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) lex[r.ReadString()] = r.ReadString();
        int m = r.ReadInt32();
        if (m < 0 || m > 10_000_000) throw new InvalidDataException("implausible rule count");
        var rules = new Dictionary<string, (int, string)>(m, StringComparer.Ordinal);
        for (int i = 0; i < m; i++)
        {
            var k = r.ReadString(); var cut = r.ReadInt32(); var app = r.ReadString();
            if (cut < 0) throw new InvalidDataException("negative lemma rule");
            rules[k] = (cut, app);
        }
        return new Lemmatizer(lex, rules);
    }
}
