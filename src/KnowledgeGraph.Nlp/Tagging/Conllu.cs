namespace KnowledgeGraph.Nlp.Tagging;

/// <summary>One sentence of a treebank: words with gold Penn tag, universal tag and lemma.</summary>
public sealed record TaggedSentence(string[] Words, string[] Xpos, string[] Upos, string[] Lemmas);

/// <summary>Reads CoNLL-U files (Universal Dependencies). Multiword token ranges (3-4) and empty nodes (5.1) are skipped; their word lines are kept.</summary>
public static class ConlluReader
{
    public static List<TaggedSentence> Read(string path)
    {
        if (!File.Exists(path)) throw new KnowledgeGraph.Core.UserErrorException($"{path}: CoNLL-U file not found");
        var result = new List<TaggedSentence>();
        var words = new List<string>(); var xpos = new List<string>(); var upos = new List<string>(); var lemmas = new List<string>();
        void Flush()
        {
            if (words.Count > 0) result.Add(new TaggedSentence(words.ToArray(), xpos.ToArray(), upos.ToArray(), lemmas.ToArray()));
            words.Clear(); xpos.Clear(); upos.Clear(); lemmas.Clear();
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) { Flush(); continue; }
            if (line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 5) throw new KnowledgeGraph.Core.UserErrorException($"{path}: not CoNLL-U (line has {cols.Length} columns): {line}");
            if (cols[0].Contains('-', StringComparison.Ordinal) || cols[0].Contains('.', StringComparison.Ordinal)) continue;
            words.Add(cols[1]); lemmas.Add(cols[2]); upos.Add(cols[3]); xpos.Add(cols[4] == "_" ? cols[3] : cols[4]);
        }
        Flush();
        return result;
    }
}
