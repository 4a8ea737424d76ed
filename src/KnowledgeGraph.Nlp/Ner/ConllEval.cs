using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Nlp.Ner;

/// <summary>An entity span over a sentence's tokens: [Start, End) and its type (PER, ORG, LOC, MISC).</summary>
public sealed record EntitySpan(int Start, int End, string Type);

/// <summary>Counts per type as conlleval keeps them.</summary>
public sealed record ChunkCounts(int Gold, int Found, int Correct)
{
    public double Precision => Found == 0 ? 0 : 100.0 * Correct / Found;
    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The result of scoring: overall and per-type chunk counts plus token accuracy.</summary>
public sealed record ConllScore(int Tokens, int CorrectTags, ChunkCounts Overall, IReadOnlyDictionary<string, ChunkCounts> ByType)
{
    /// <summary>The report in conlleval's own format.</summary>
    public string Report()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.Append(ci, $"processed {Tokens} tokens with {Overall.Gold} phrases; found: {Overall.Found} phrases; correct: {Overall.Correct}.\n");
        if (Tokens > 0)
            sb.Append(ci, $"accuracy: {100.0 * CorrectTags / Tokens,6:F2}%; precision: {Overall.Precision,6:F2}%; recall: {Overall.Recall,6:F2}%; FB1: {Overall.F1,6:F2}\n");
        foreach (var (type, c) in ByType)
            sb.Append(ci, $"{type,17}: precision: {c.Precision,6:F2}%; recall: {c.Recall,6:F2}%; FB1: {c.F1,6:F2}  {c.Found}\n");
        return sb.ToString();
    }
}

/// <summary>
/// A faithful port of conlleval.pl (2004-01-26): chunk starts and ends are decided by its startOfChunk/endOfChunk
/// rules, so IOB1, IOB2, IOE and BILOU-like files score exactly as the Perl script scores them. Feed it lines
/// (token, gold, guess) with <see cref="Add"/> and sentence breaks with <see cref="Boundary"/>.
/// </summary>
public sealed class ConllEvaluator
{
    private readonly SortedDictionary<string, int[]> _byType = new(StringComparer.Ordinal); // gold, found, correct
    private int _correctChunk, _foundCorrect, _foundGuessed, _correctTags, _tokens;
    private bool _inCorrect;
    private string _lastCorrect = "O", _lastGuessed = "O", _lastCorrectType = "", _lastGuessedType = "";

    /// <summary>A blank line (conlleval's "-X-" boundary): closes any open chunk.</summary>
    public void Boundary() => Step("O", "", "O", "", boundary: true);

    /// <summary>One token with its gold and guessed tag (e.g. I-PER, B-LOC, O).</summary>
    public void Add(string gold, string guessed)
    {
        var (c, ct) = Split(gold);
        var (g, gt) = Split(guessed);
        Step(c, ct, g, gt, boundary: false);
    }

    private static (string, string) Split(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (tag, "") : (tag[..dash], tag[(dash + 1)..]);
    }

    private void Step(string correct, string correctType, string guessed, string guessedType, bool boundary)
    {
        if (boundary) guessed = "O";
        if (_inCorrect)
        {
            bool endC = EndOfChunk(_lastCorrect, correct, _lastCorrectType, correctType);
            bool endG = EndOfChunk(_lastGuessed, guessed, _lastGuessedType, guessedType);
            if (endC && endG && _lastGuessedType == _lastCorrectType)
            {
                _inCorrect = false;
                _correctChunk++;
                Counts(_lastCorrectType)[2]++;
            }
            else if (endC != endG || guessedType != correctType) _inCorrect = false;
        }
        bool startC = StartOfChunk(_lastCorrect, correct, _lastCorrectType, correctType);
        bool startG = StartOfChunk(_lastGuessed, guessed, _lastGuessedType, guessedType);
        if (startC && startG && guessedType == correctType) _inCorrect = true;
        if (startC) { _foundCorrect++; Counts(correctType)[0]++; }
        if (startG) { _foundGuessed++; Counts(guessedType)[1]++; }
        if (!boundary)
        {
            if (correct == guessed && guessedType == correctType) _correctTags++;
            _tokens++;
        }
        _lastGuessed = guessed; _lastCorrect = correct; _lastGuessedType = guessedType; _lastCorrectType = correctType;
    }

    private int[] Counts(string type)
    {
        if (!_byType.TryGetValue(type, out var c)) _byType[type] = c = new int[3];
        return c;
    }

    /// <summary>The scores so far (an open chunk at the end counts as conlleval counts it).</summary>
    public ConllScore Result()
    {
        int correctChunk = _correctChunk;
        var byType = _byType.ToDictionary(kv => kv.Key, kv => (int[])kv.Value.Clone(), StringComparer.Ordinal);
        if (_inCorrect)
        {
            correctChunk++;
            if (!byType.TryGetValue(_lastCorrectType, out var c)) byType[_lastCorrectType] = c = new int[3];
            c[2]++;
        }
        var types = new SortedDictionary<string, ChunkCounts>(StringComparer.Ordinal);
        foreach (var (t, c) in byType)
            if ((c[0] > 0 || c[1] > 0) && t.Length > 0) types[t] = new ChunkCounts(c[0], c[1], c[2]);
        return new ConllScore(_tokens, _correctTags, new ChunkCounts(_foundCorrect, _foundGuessed, correctChunk), types);
    }

    public static bool EndOfChunk(string prevTag, string tag, string prevType, string type)
    {
        bool end = false;
        if (prevTag == "B" && tag == "B") end = true;
        if (prevTag == "B" && tag == "O") end = true;
        if (prevTag == "I" && tag == "B") end = true;
        if (prevTag == "I" && tag == "O") end = true;
        if (prevTag == "E" && tag == "E") end = true;
        if (prevTag == "E" && tag == "I") end = true;
        if (prevTag == "E" && tag == "O") end = true;
        if (prevTag != "O" && prevTag != "." && prevType != type) end = true;
        if (prevTag == "]" || prevTag == "[") end = true;
        return end;
    }

    public static bool StartOfChunk(string prevTag, string tag, string prevType, string type)
    {
        bool start = false;
        if (prevTag == "B" && tag == "B") start = true;
        if (prevTag == "I" && tag == "B") start = true;
        if (prevTag == "O" && tag == "B") start = true;
        if (prevTag == "O" && tag == "I") start = true;
        if (prevTag == "E" && tag == "E") start = true;
        if (prevTag == "E" && tag == "I") start = true;
        if (prevTag == "O" && tag == "E") start = true;
        if (tag != "O" && tag != "." && prevType != type) start = true;
        if (tag == "[" || tag == "]") start = true;
        return start;
    }

    /// <summary>The chunks of one sentence's tags, found with conlleval's rules (so IOB1 and IOB2 both work).</summary>
    public static List<EntitySpan> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<EntitySpan>();
        string lastTag = "O", lastType = "";
        int start = -1;
        for (int i = 0; i <= tags.Count; i++)
        {
            var (tag, type) = i < tags.Count ? Split(tags[i]) : ("O", "");
            if (start >= 0 && EndOfChunk(lastTag, tag, lastType, type)) { spans.Add(new EntitySpan(start, i, lastType)); start = -1; }
            if (i < tags.Count && StartOfChunk(lastTag, tag, lastType, type)) start = i;
            lastTag = tag; lastType = type;
        }
        return spans;
    }

    /// <summary>Writes spans as IOB2 (B- on every first token) or IOB1 (B- only where a chunk follows one of the same type).</summary>
    public static string[] ToTags(int length, IEnumerable<EntitySpan> spans, bool iob2)
    {
        var tags = Enumerable.Repeat("O", length).ToArray();
        int lastEnd = -1; string lastType = "";
        foreach (var s in spans.OrderBy(s => s.Start))
        {
            for (int i = s.Start; i < s.End; i++) tags[i] = "I-" + s.Type;
            if (iob2 || (lastEnd == s.Start && lastType == s.Type)) tags[s.Start] = "B-" + s.Type;
            lastEnd = s.End; lastType = s.Type;
        }
        return tags;
    }
}
