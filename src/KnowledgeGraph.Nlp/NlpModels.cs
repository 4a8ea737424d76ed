using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Ner;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp;

/// <summary>The trained models the pipeline uses, loaded once and shared (all immutable and thread-safe).</summary>
public sealed record NlpModels(PosTagger Pos, NerTagger Ner)
{
    public const string PosFile = "pos.bin";
    public const string NerFile = "ner.bin";
    public const string ParseFile = "parse.bin";

    /// <summary>The shipped model folder: resources/models beside the program.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "resources", "models");

    /// <summary>
    /// Loads pos.bin and ner.bin from <paramref name="directory"/> (default <see cref="DefaultDirectory"/>).
    /// A missing or corrupt file raises <see cref="ModelLoadException"/> naming it.
    /// </summary>
    public static NlpModels LoadDefault(string? directory = null)
    {
        var dir = directory ?? DefaultDirectory;
        return new NlpModels(PosTagger.Load(Path.Combine(dir, PosFile)), NerTagger.Load(Path.Combine(dir, NerFile)));
    }

    /// <summary>Loads only the POS tagger (the NER model is not needed to tag parts of speech).</summary>
    public static PosTagger LoadPos(string? directory = null) => PosTagger.Load(Path.Combine(directory ?? DefaultDirectory, PosFile));

    /// <summary>Loads the dependency parser (parse.bin).</summary>
    public static Parsing.DependencyParser LoadParser(string? directory = null) => Parsing.DependencyParser.Load(Path.Combine(directory ?? DefaultDirectory, ParseFile));
}
