using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Coreference;
using KnowledgeGraph.Nlp.Entities;
using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Parsing;
using KnowledgeGraph.Nlp.Tagging;
using KnowledgeGraph.Nlp.Tokenization;

namespace KnowledgeGraph.Nlp;

/// <summary>Where the pipeline's resources live and which schema rules it must respect.</summary>
public sealed record PipelineOptions
{
    /// <summary>Folder with models/ and lexicons/; default: resources/ beside the program.</summary>
    public string? ResourcesDirectory { get; init; }
    /// <summary>Whether an edge of a type may join entities of these coarse types (the ontology's domain and range).</summary>
    public Func<string, EntityType, EntityType, bool> Allows { get; init; } = (_, _, _) => true;
    /// <summary>Whether to run the trained named-entity recogniser (false: gazetteers and naming rules only).</summary>
    public bool UseRecognizer { get; init; } = true;
    /// <summary>Which relation reader runs: the rules over dependency trees, the surface reader (default until the rules
    /// match it on the check halves), or both (docs/rules.md, "Status").</summary>
    public RelationReader Relations { get; init; } = RelationReader.Surface;
    /// <summary>
    /// Whether every sentence gets a dependency tree (<see cref="Token.Head"/>, <see cref="Token.Deprel"/>) even when the
    /// relation reader does not read trees (the surface reader). The rules and "both" readers always parse; the surface
    /// reader parses only when this is set (kg analyze --tree), since the parse costs about half of a build's time.
    /// </summary>
    public bool ParseTrees { get; init; }

    /// <summary>Whether the pipeline parses: when asked to, or when the relation reader reads trees (the default build
    /// parses too when a rule is marked <c>default yes</c>: <see cref="ExtractionPipeline.Load"/>).</summary>
    public bool Parses => ParseTrees || Relations != RelationReader.Surface;
}

/// <summary>Which relation reader the pipeline runs (docs/rules.md, "Status").</summary>
public enum RelationReader
{
    /// <summary>The relation rules over dependency trees (Resources/rules).</summary>
    Rules,
    /// <summary>The surface reader over POS windows (RelationExtractor), being replaced by the rules.</summary>
    Surface,
    /// <summary>Both; one edge per (sentence, subject, type, object, polarity, modality), the most confident reading.</summary>
    Both,
}

/// <summary>
/// The document analyser: sentences and tokens, part-of-speech tags and lemmas, a dependency tree per sentence, entity mentions (gazetteer, naming
/// rules, statistical recogniser), entities, coreference, relations. Built once from read-only resources and
/// shared by all worker threads (like Markdig's MarkdownPipeline).
/// </summary>
public sealed class ExtractionPipeline : IDocumentAnalyzer
{
    private readonly SentenceSplitter _splitter;
    private readonly PosTagger _tagger;
    private readonly DependencyParser? _parser; // loaded only when the pipeline parses (PipelineOptions.Parses)
    private readonly Func<IReadOnlyList<IReadOnlyList<string>>, IReadOnlyList<string[]>, IReadOnlyList<NerSpan>>? _ner;
    private readonly MentionFinder _mentions;
    private readonly EntityClusterer _clusterer;
    private readonly CorefResolver _coref;
    private readonly Relations.RelationExtractor _relations;
    private readonly Relations.Rules.RuleEngine _rules;
    private readonly PipelineOptions _options;

    private ExtractionPipeline(LexiconSet lexicons, Relations.Rules.RuleSet rules, PosTagger tagger, DependencyParser? parser,
        Func<IReadOnlyList<IReadOnlyList<string>>, IReadOnlyList<string[]>, IReadOnlyList<NerSpan>>? ner, PipelineOptions options)
    {
        Lexicons = lexicons;
        var abbreviations = lexicons.Abbreviations.Entries.Select(e => e.Form).ToHashSet(StringComparer.Ordinal);
        var neverFinal = lexicons.Abbreviations.Entries.Where(e => !e.CanEndSentence).Select(e => e.Form).ToHashSet(StringComparer.Ordinal);
        _splitter = new SentenceSplitter(new Tokenizer(abbreviations), neverFinal);
        _tagger = tagger;
        _parser = parser;
        _ner = ner;
        _mentions = new MentionFinder(lexicons);
        _clusterer = new EntityClusterer(lexicons);
        _coref = new CorefResolver(lexicons);
        _relations = new Relations.RelationExtractor(lexicons, options.Allows, tagger.Lemmatizer.Lemma);
        _rules = new Relations.Rules.RuleEngine(rules, lexicons, options.Allows);
        _options = options;
    }

    public LexiconSet Lexicons { get; }

    /// <summary>Work counted by <see cref="Analyze(Document, StageTimings?, CancellationToken)"/>: sentences, and the sentences and words parsed.</summary>
    public const string SentencesWork = "sentences", ParsedWork = "sentences parsed", ParsedWordsWork = "words of the sentences parsed";

    /// <summary>Loads models and lexicons; a missing or corrupt file is a <see cref="ModelLoadException"/> naming it.</summary>
    public static ExtractionPipeline Load(PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        var root = options.ResourcesDirectory ?? Path.Combine(AppContext.BaseDirectory, "resources");
        Relations.GrammarSource.Use(root);
        var lexicons = LexiconSet.Load(Path.Combine(root, "lexicons"));
        var rules = Relations.Rules.RuleSet.Load(Path.Combine(root, "rules"), Relations.Rules.RuleEngine.CategoryLookup(lexicons.Triggers));
        var tagger = PosTagger.Load(Path.Combine(root, "models", NlpModels.PosFile));
        // the 21 MB parser model is read only when something reads trees: the default build parses only for the rules
        // marked `default yes` (docs/rules.md, "Default rules")
        var parser = options.Parses || rules.HasDefaultRules ? DependencyParser.Load(Path.Combine(root, "models", NlpModels.ParseFile)) : null;
        if (!options.UseRecognizer) return new ExtractionPipeline(lexicons, rules, tagger, parser, null, options);
        var ner = Ner.NerTagger.Load(Path.Combine(root, "models", NlpModels.NerFile));
        return new ExtractionPipeline(lexicons, rules, tagger, parser, (words, tags) =>
        {
            // the whole document at once: the recogniser's second pass uses evidence from every sentence
            var spans = ner.TagWithMargins(words, tags);
            var result = new List<NerSpan>();
            for (int s = 0; s < spans.Count; s++)
                foreach (var (e, margin) in spans[s]) result.Add(new NerSpan(s, e.Start, e.End, e.Type, margin));
            return result;
        }, options);
    }

    /// <summary>A common word of English written in lower case (common_words.tsv), or an inflection of one ("condemns").</summary>
    private bool IsCommonWord(string lower) =>
        Lexicons.CommonWords.Contains(lower) || lower.Length > 3 && LemmasOf(lower).Any(Lexicons.CommonWords.Contains);

    private static readonly string[] InflectedTags = { "VBZ", "VBD", "VBG", "NNS" };

    /// <summary>The lemmas a lower-case word has read as an inflected verb or a plural noun ("denounced" -> "denounce").</summary>
    private IEnumerable<string> LemmasOf(string lower) => InflectedTags.Select(t => _tagger.Lemmatizer.Lemma(lower, t)).Append(lower).Distinct();

    public DocumentAnalysis Analyze(Document document, CancellationToken cancellationToken = default) =>
        Analyze(document, null, cancellationToken);

    /// <summary>
    /// Analyses one document, adding the time of each stage to <paramref name="timings"/> when given. A document that
    /// is not English in Latin script is refused with an <see cref="UnsupportedDocumentException"/> giving the reason.
    /// </summary>
    public DocumentAnalysis Analyze(Document document, StageTimings? timings, CancellationToken cancellationToken = default)
    {
        timings?.Start();
        if (Language.LanguageCheck.Refusal(document.Text) is { } refusal) throw new UnsupportedDocumentException(refusal);
        // a line in capitals (a headline) is recased word by word before anything reads case
        // (the entity stages read names from the recased text, so they are written as the article writes them elsewhere:
        // "Nice", not "NICE"; the relations' evidence stays the article's own text)
        var (raw, recased) = Truecaser.Recase(document.Text, _splitter.Split(document.Text), Lexicons.Gazetteer, IsCommonWord, LemmasOf);
        var named = ReferenceEquals(recased, document.Text) ? document : document with { Text = recased };
        timings?.Lap("split + tokenise");
        var sentences = new List<Sentence>(raw.Count);
        var words = new List<IReadOnlyList<string>>(raw.Count);
        var tags = new List<string[]>(raw.Count);
        var uposTags = new List<string[]>(raw.Count);
        var lemmas = new List<string[]>(raw.Count);
        foreach (var s in raw)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var w = s.Tokens.Select(t => t.Text).ToList();
            var (xpos, upos) = _tagger.Tag(w);
            var lemma = new string[w.Count];
            for (int i = 0; i < lemma.Length; i++) lemma[i] = _tagger.Lemmatizer.Lemma(w[i], xpos[i]);
            sentences.Add(s);
            words.Add(w);
            tags.Add(xpos);
            uposTags.Add(upos);
            lemmas.Add(lemma);
        }
        timings?.Lap("POS tag + lemmatise");
        for (int k = 0; k < sentences.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (w, xpos, upos, lemma) = (words[k], tags[k], uposTags[k], lemmas[k]);
            var s = sentences[k];
            var tokens = new Token[w.Count];
            for (int i = 0; i < tokens.Length; i++)
                tokens[i] = s.Tokens[i] with
                {
                    Tag = xpos[i], Upos = upos[i], Lemma = lemma[i],
                    Head = -1, Deprel = null,
                };
            sentences[k] = s with { Tokens = tokens };
        }
        var ner = _ner?.Invoke(words, tags) ?? Array.Empty<NerSpan>();
        timings?.Lap("named-entity recogniser");
        // a name in another script inside an English article ("Правительство Мали"): the models cannot judge it,
        // so only what a gazetteer lists is kept
        var placed = _mentions.Find(named, sentences, ner)
            .Where(p => p.Mention.Source == "gazetteer" || !Language.LanguageCheck.HasNonLatinLetter(p.Mention.Text));
        timings?.Lap("mentions (gazetteer, rules)");
        var clustered = _clusterer.Cluster(named, sentences, placed.ToList(), timings);
        timings?.Lap("entity clustering");
        var unresolved = new List<Mention>();
        var (mentions, introduced) = _coref.Resolve(named, sentences, clustered, unresolved, timings);
        timings?.Lap("coreference");
        var (entities, refs) = EntityAssembler.Assemble(mentions, introduced, Lexicons.CommonWords.Contains, d => Lexicons.Descriptors.Lookup(d).Count > 0);
        var context = new AnalysisContext(document, sentences, entities, refs, NormaliseDate(document.Date));
        timings?.Lap("entity assembly");
        // the default build: the surface reader reads the sentences before they are parsed, so its edges are those of a
        // build without trees, and only the rules marked `default yes` read the parse (docs/rules.md, "Default rules")
        var surfaceUnparsed = _options.Relations == RelationReader.Surface && _rules.HasDefaultRules ? _relations.Extract(context) : null;
        if (surfaceUnparsed is not null) timings?.Lap("relations (surface reader, before the parse)");
        if (_parser is not null)
        {
            // every sentence when asked for trees (kg analyze --tree); else the rules read only sentences with mentions of
            // two entities, and the others are not parsed (the parse is the costliest stage; docs/rules.md); the default
            // build parses only those where a rule marked `default yes` can fire (RuleEngine.DefaultRuleMayFire). Nothing
            // before the relation readers reads the tree.
            var parse = new bool[sentences.Count];
            for (int k = 0; k < sentences.Count; k++)
                parse[k] = _options.ParseTrees || (surfaceUnparsed is not null ? _rules.DefaultRuleMayFire(context, k) : context.NamesTwoEntities(k));
            timings?.Lap("pre-parse test");
            timings?.Count(SentencesWork, sentences.Count);
            for (int k = 0; k < sentences.Count; k++)
            {
                if (!parse[k]) continue;
                timings?.Count(ParsedWork, 1);
                timings?.Count(ParsedWordsWork, words[k].Count);
                cancellationToken.ThrowIfCancellationRequested();
                var tree = _parser.Parse(words[k], tags[k]);
                var tokens = sentences[k].Tokens.Select((t, i) => t with { Head = tree.Heads[i], Deprel = tree.Deprels[i] }).ToArray();
                sentences[k] = sentences[k] with { Tokens = tokens }; // the context reads this list
            }
            timings?.Lap("dependency parse");
        }
        var relations = new List<RelationMention>();
        relations.AddRange(StructuralRelations.FromAnchors(context, mentions, _options.Allows));
        relations.AddRange(StructuralRelations.FromNames(context, Lexicons, _options.Allows));
        timings?.Lap("structural relations");
        relations.AddRange(_options.Relations switch
        {
            RelationReader.Rules => _rules.Extract(context),
            RelationReader.Surface when surfaceUnparsed is not null => Relations.Rules.RuleEngine.Merge(surfaceUnparsed, _rules.ExtractDefault(context)),
            RelationReader.Surface => _relations.Extract(context),
            _ => Relations.Rules.RuleEngine.Merge(_relations.Extract(context), _rules.Extract(context, fallback: false)),
        });
        if (surfaceUnparsed is not null) timings?.Lap("rules marked default yes");
        var allMentions = refs.Select(r => r.Mention).Concat(unresolved).OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End).ToList();
        var kept = relations.Where(r => _options.Allows(r.Type, entities[r.Subject].Type, entities[r.Object].Type)).ToList();
        // faith and ethnic communities the text ties an actor to ("Ayla Morven, a Sunni cleric"): nodes with AFFILIATED_WITH edges
        var withCommunities = entities.ToList();
        Communities.Add(context, Lexicons, withCommunities, kept, _options.Allows);
        var (keptEntities, keptRelations) = DropIdleScopedActors(withCommunities, kept);
        var analysis = new DocumentAnalysis(document, sentences, allMentions, EntityConfidence.Attach(keptEntities, sentences, ner, document.Text), keptRelations);
        timings?.Lap("relations + dates");
        return analysis;
    }

    /// <summary>
    /// A generic actor of this document only ("protesters", "police" with no country) is an entity only when it takes part
    /// in a relationship (other than AFFILIATED_WITH a community); otherwise its mentions stay mentions without an entity,
    /// and a community node that only its actors' edges made goes with them. Entity indexes are renumbered.
    /// </summary>
    private static (IReadOnlyList<DocumentEntity>, List<RelationMention>) DropIdleScopedActors(IReadOnlyList<DocumentEntity> entities, List<RelationMention> relations)
    {
        bool Scoped(DocumentEntity e) => e.Attributes.TryGetValue(EntityAssembler.ScopeAttribute, out var v) && v == EntityAssembler.DocumentScope;
        bool Community(int i) => entities[i].FineTypes.Contains(Communities.Label);
        // a community the text names ("the Lihaib tribe") is a node like any name; one only its actors made is not
        bool MadeForEdges(int i) => Community(i) && entities[i].Mentions.All(m => m.Kind == MentionKind.Demonym);
        if (!Enumerable.Range(0, entities.Count).Any(i => Scoped(entities[i]) || MadeForEdges(i))) return (entities, relations);
        // an edge to a community describes the actor ("Shiite militias"); it keeps no idle actor, and a community whose
        // actors all go goes too
        var used = relations.Where(r => !Community(r.Object)).SelectMany(r => new[] { r.Subject, r.Object }).ToHashSet();
        var dropped = Enumerable.Range(0, entities.Count).Where(i => Scoped(entities[i]) && !used.Contains(i)).ToHashSet();
        used.UnionWith(relations.Where(r => Community(r.Object) && !dropped.Contains(r.Subject)).Select(r => r.Object));
        var newIndex = new int[entities.Count];
        var list = new List<DocumentEntity>(entities.Count);
        for (int i = 0; i < entities.Count; i++)
        {
            if ((Scoped(entities[i]) || MadeForEdges(i)) && !used.Contains(i)) { newIndex[i] = -1; continue; }
            newIndex[i] = list.Count;
            list.Add(entities[i] with { Index = list.Count });
        }
        return (list, relations.Where(r => newIndex[r.Subject] >= 0 && newIndex[r.Object] >= 0)
            .Select(r => r with { Subject = newIndex[r.Subject], Object = newIndex[r.Object] }).ToList());
    }

    /// <summary>"2023-12-20T10:00:00Z" or "2023-12-20" -> "2023-12-20"; anything unparseable -> null.</summary>
    public static string? NormaliseDate(string? date)
    {
        if (string.IsNullOrWhiteSpace(date)) return null;
        return DateTimeOffset.TryParse(date, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
