namespace KnowledgeGraph.Nlp.Tagging;

/// <summary>One sentence of a treebank: words with gold Penn tag, universal tag and lemma.</summary>
public sealed record TaggedSentence(string[] Words, string[] Xpos, string[] Upos, string[] Lemmas);

/// <summary>
/// One sentence of a treebank with its basic dependency tree: <see cref="Heads"/> are 0-based word indices (-1 for
/// the root), <see cref="Deprels"/> the DEPREL column as is (subtypes kept, "nsubj:pass").
/// </summary>
public sealed record TreebankSentence(string[] Words, string[] Xpos, string[] Upos, string[] Lemmas, int[] Heads, string[] Deprels)
{
    public TaggedSentence Tagged => new(Words, Xpos, Upos, Lemmas);
}

/// <summary>Reads CoNLL-U files (Universal Dependencies). Multiword token ranges (3-4) and empty nodes (5.1) are skipped; their word lines are kept.</summary>
public static class ConlluReader
{
    public static List<TaggedSentence> Read(string path) => ReadTrees(path).Select(s => s.Tagged).ToList();

    /// <summary>Sentences with their trees; the syntactic words are scored, as the CoNLL 2018 evaluation does.</summary>
    public static List<TreebankSentence> ReadTrees(string path)
    {
        if (!File.Exists(path)) throw new KnowledgeGraph.Core.UserErrorException($"{path}: CoNLL-U file not found");
        var result = new List<TreebankSentence>();
        var words = new List<string>(); var xpos = new List<string>(); var upos = new List<string>(); var lemmas = new List<string>();
        var heads = new List<int>(); var deprels = new List<string>();
        void Flush()
        {
            if (words.Count > 0) result.Add(new TreebankSentence(words.ToArray(), xpos.ToArray(), upos.ToArray(), lemmas.ToArray(), heads.ToArray(), deprels.ToArray()));
            words.Clear(); xpos.Clear(); upos.Clear(); lemmas.Clear(); heads.Clear(); deprels.Clear();
        }
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0) { Flush(); continue; }
            if (line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 5) throw new KnowledgeGraph.Core.UserErrorException($"{path}:{lineNo}: not CoNLL-U (line has {cols.Length} columns): {line}");
            if (cols[0].Contains('-', StringComparison.Ordinal) || cols[0].Contains('.', StringComparison.Ordinal)) continue;
            words.Add(cols[1]); lemmas.Add(cols[2]); upos.Add(cols[3]); xpos.Add(cols[4] == "_" ? cols[3] : cols[4]);
            // Files without a tree (columns 7-8 missing or "_") read as heads -1 and relation "_".
            heads.Add(cols.Length > 6 && int.TryParse(cols[6], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) ? h - 1 : -1);
            deprels.Add(cols.Length > 7 ? cols[7] : "_");
        }
        Flush();
        foreach (var s in result)
            foreach (var h in s.Heads)
                if (h >= s.Words.Length) throw new KnowledgeGraph.Core.UserErrorException($"{path}: head {h + 1} outside a sentence of {s.Words.Length} words");
        return result;
    }
}
