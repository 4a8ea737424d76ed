using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>The shipped lexicons, tagger and rules, loaded once for every rule test: <see cref="Parsed"/> parses the
/// sentences with the shipped parser; <see cref="OnGivenTrees"/> leaves the trees to the test (hand-written trees).</summary>
internal static class ShippedRules
{
    internal static readonly Lazy<(MarkupContext Markup, RuleEngine Engine)> Parsed = new(() => Load(parse: true));
    internal static readonly Lazy<(MarkupContext Markup, RuleEngine Engine)> OnGivenTrees = new(() => Load(parse: false));

    private static readonly Lazy<(LexiconSet Lexicons, RuleEngine Engine)> Engine = new(() =>
    {
        var lexicons = LexiconSet.Load();
        var rules = RuleSet.Load(RuleSet.DefaultDirectory, RuleEngine.CategoryLookup(lexicons.Triggers));
        return (lexicons, new RuleEngine(rules, lexicons, SchemaRules.Load()));
    });

    /// <summary>The edges the tree rules read from a sentence of our own parsed by the shipped parser, as "Subject TYPE Object".</summary>
    internal static List<string> ParsedEdges(string markup, bool fallback)
    {
        var (m, engine) = Parsed.Value;
        var c = m.Build(markup);
        return engine.Extract(c, fallback).Select(r => $"{c.Entities[r.Subject].Name} {r.Type} {c.Entities[r.Object].Name}").ToList();
    }

    private static (MarkupContext, RuleEngine) Load(bool parse)
    {
        var (lexicons, engine) = Engine.Value;
        return (new MarkupContext(NlpModels.LoadPos(), lexicons.Abbreviations, parse ? NlpModels.LoadParser() : null), engine);
    }
}
