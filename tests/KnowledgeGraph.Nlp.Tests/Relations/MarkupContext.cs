using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Tagging;
using KnowledgeGraph.Nlp.Tokenization;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Nlp.Tests.Relations;

/// <summary>
/// Builds an <see cref="AnalysisContext"/> from marked-up text, so relation extraction is tested alone: the text is
/// split and tagged by the real tokenizer and tagger, and entity mentions come from the markup
/// <c>[surface|Type]</c>, <c>[surface|Type|Entity name]</c> or <c>[surface|Type|Entity name|kind]</c>
/// (kind: name, acronym, demonym, descriptor, pronoun; by default pronoun for he/it/its/they..., descriptor for a
/// lowercase surface, else name). Mentions with the same entity name are one entity.
/// </summary>
public sealed class MarkupContext
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
        { "he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "we", "our", "us", "who", "which" };

    private readonly SentenceSplitter _splitter;
    private readonly PosTagger _tagger;
    private readonly KnowledgeGraph.Nlp.Parsing.DependencyParser? _parser;

    /// <param name="parser">When given, sentences are also parsed (Token.Head, Token.Deprel), as the pipeline does.</param>
    public MarkupContext(PosTagger tagger, AbbreviationLexicon abbreviations, KnowledgeGraph.Nlp.Parsing.DependencyParser? parser = null)
    {
        _parser = parser;
        var all = new HashSet<string>(abbreviations.Entries.Select(e => e.Form), StringComparer.Ordinal);
        var neverFinal = new HashSet<string>(abbreviations.Entries.Where(e => !e.CanEndSentence).Select(e => e.Form), StringComparer.Ordinal);
        _splitter = new SentenceSplitter(new Tokenizer(all), neverFinal);
        _tagger = tagger;
    }

    public AnalysisContext Build(string markup, string? date = null)
    {
        var text = new StringBuilder();
        var marks = new List<(int Start, int End, string Surface, EntityType Type, string Name, MentionKind Kind)>();
        int i = 0;
        while (i < markup.Length)
        {
            if (markup[i] == '[')
            {
                int close = markup.IndexOf(']', i);
                if (close < 0) throw new FormatException($"unclosed [ in: {markup}");
                var parts = markup[(i + 1)..close].Split('|');
                if (parts.Length < 2) throw new FormatException($"mention needs [surface|Type]: {markup[i..(close + 1)]}");
                var surface = parts[0];
                var type = Enum.Parse<EntityType>(parts[1].Trim());
                var name = parts.Length > 2 && parts[2].Trim().Length > 0 ? parts[2].Trim() : surface;
                var kind = parts.Length > 3 ? Enum.Parse<MentionKind>(parts[3].Trim(), ignoreCase: true)
                    : Pronouns.Contains(surface) ? MentionKind.Pronoun
                    : char.IsLower(surface[0]) ? MentionKind.Descriptor : MentionKind.Name;
                marks.Add((text.Length, text.Length + surface.Length, surface, type, name, kind));
                text.Append(surface);
                i = close + 1;
                continue;
            }
            text.Append(markup[i]);
            i++;
        }
        var plain = text.ToString();
        var document = Document.Create(plain, date: date);
        var sentences = _splitter.Split(plain).Select(Tag).ToList();

        var names = marks.Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
        var refs = new List<MentionRef>();
        var mentionsByEntity = names.ToDictionary(n => n, _ => new List<Mention>(), StringComparer.Ordinal);
        foreach (var m in marks)
        {
            var s = sentences.First(x => x.Span.Start <= m.Start && m.Start < x.Span.End);
            int first = -1, end = -1;
            for (int t = 0; t < s.Tokens.Count; t++)
                if (s.Tokens[t].Start < m.End && m.Start < s.Tokens[t].End) { if (first < 0) first = t; end = t + 1; }
            var mention = new Mention(new TextSpan(m.Start, m.End), m.Surface, s.Index, m.Type, null, m.Kind, "spec");
            mentionsByEntity[m.Name].Add(mention);
            refs.Add(new MentionRef(mention, names.IndexOf(m.Name), s.Index, first, end));
        }
        var entities = names.Select((n, idx) =>
        {
            var ms = mentionsByEntity[n];
            var aliases = ms.Where(x => x.Kind is not MentionKind.Pronoun and not MentionKind.Descriptor).Select(x => x.Text)
                .Append(n).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList();
            return new DocumentEntity(idx, n, ms[0].Type, Array.Empty<string>(), aliases, ms, new Dictionary<string, string>());
        }).ToList();
        return new AnalysisContext(document, sentences, entities, refs, date);
    }

    private Sentence Tag(Sentence s)
    {
        var words = s.Tokens.Select(t => t.Text).ToList();
        var (xpos, upos) = _tagger.Tag(words);
        var tree = _parser?.Parse(words, xpos);
        var tokens = s.Tokens.Select((t, k) => t with
        {
            Tag = xpos[k], Upos = upos[k], Lemma = _tagger.Lemmatizer.Lemma(t.Text, xpos[k]),
            Head = tree?.Heads[k] ?? -1, Deprel = tree?.Deprels[k],
        }).ToList();
        return s with { Tokens = tokens };
    }
}

/// <summary>The schema's domain/range rules read from graph-schema/schema.json (Nlp does not reference the Graph project).</summary>
public static class SchemaRules
{
    public static Func<string, EntityType, EntityType, bool> Load()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "graph-schema", "schema.json"))) dir = dir.Parent;
        if (dir is null) throw new FileNotFoundException("graph-schema/schema.json not found above the test folder");
        var json = JObject.Parse(File.ReadAllText(Path.Combine(dir.FullName, "graph-schema", "schema.json")));
        var rules = new Dictionary<string, (HashSet<string> Domain, HashSet<string> Range)>(StringComparer.Ordinal);
        foreach (var r in (JArray)json["relationshipTypes"]!)
            rules[(string)r["type"]!] = (r["domain"]!.Select(x => (string)x!).ToHashSet(StringComparer.Ordinal), r["range"]!.Select(x => (string)x!).ToHashSet(StringComparer.Ordinal));
        return (type, from, to) => rules.TryGetValue(type, out var rule) && rule.Domain.Contains(from.ToString()) && rule.Range.Contains(to.ToString());
    }
}
