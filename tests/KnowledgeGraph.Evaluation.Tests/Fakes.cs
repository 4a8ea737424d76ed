using KnowledgeGraph.Core;

namespace KnowledgeGraph.Evaluation.Tests;

/// <summary>An analyzer that answers from a table of hand-written analyses, keyed by document text; unknown texts get an empty analysis.</summary>
internal sealed class FakeAnalyzer : IDocumentAnalyzer
{
    private readonly Dictionary<string, Func<Document, DocumentAnalysis>> _byText = new(StringComparer.Ordinal);

    public FakeAnalyzer Add(string text, Func<Document, DocumentAnalysis> build) { _byText[text] = build; return this; }

    public DocumentAnalysis Analyze(Document document, CancellationToken cancellationToken = default) =>
        _byText.TryGetValue(document.Text, out var build) ? build(document) : AnalysisBuilder.For(document.Text).Build(document);
}

/// <summary>Builds a DocumentAnalysis by naming surface forms in the text instead of counting offsets by hand.</summary>
internal sealed class AnalysisBuilder
{
    private readonly string _text;
    private readonly List<DocumentEntity> _entities = new();
    private readonly List<RelationMention> _relations = new();

    private AnalysisBuilder(string text) { _text = text; }

    public static AnalysisBuilder For(string text) => new(text);

    /// <summary>The span of the <paramref name="occurrence"/>-th (0-based) occurrence of <paramref name="surface"/>.</summary>
    public TextSpan Find(string surface, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = _text.IndexOf(surface, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{surface}' (occurrence {occurrence}) is not in the text");
        }
        return new TextSpan(at, at + surface.Length);
    }

    /// <summary>Adds an entity whose mentions are the given surface forms (first occurrence each); returns its index.</summary>
    public int Entity(string name, EntityType type, params (string Surface, MentionKind Kind)[] mentions)
    {
        var list = mentions.Select(m =>
        {
            var span = Find(m.Surface);
            return new Mention(span, m.Surface, 0, type, null, m.Kind, "test", m.Kind == MentionKind.Demonym ? name : null);
        }).ToList();
        var aliases = list.Where(m => m.Kind != MentionKind.Pronoun).Select(m => m.Text).Append(name)
            .Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToList();
        _entities.Add(new DocumentEntity(_entities.Count, name, type, Array.Empty<string>(), aliases, list, new Dictionary<string, string>()));
        return _entities.Count - 1;
    }

    public int Entity(string name, EntityType type, params string[] surfaces) =>
        Entity(name, type, surfaces.Select(s => (s, MentionKind.Name)).ToArray());

    /// <summary>Adds an edge; its evidence is the whole text unless <paramref name="evidence"/> names a part of it.</summary>
    public AnalysisBuilder Relation(int subject, int obj, string category, string? type = null, bool negated = false, string? evidence = null,
        double confidence = 0.9)
    {
        var span = evidence is null ? new TextSpan(0, _text.Length) : Find(evidence);
        _relations.Add(new RelationMention(subject, obj, type ?? category, category, 0, _text[span.Start..span.End], span,
            "test", new TextSpan(0, 0), confidence, Negated: negated));
        return this;
    }

    public DocumentAnalysis Build(Document document) => new(
        document,
        new[] { new Sentence(0, new TextSpan(0, _text.Length), Array.Empty<Token>()) },
        _entities.SelectMany(e => e.Mentions).OrderBy(m => m.Span.Start).ToList(),
        _entities.ToList(),
        _relations.ToList());
}

/// <summary>Temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kg-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string content, bool bom = true)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content, new System.Text.UTF8Encoding(bom));
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
