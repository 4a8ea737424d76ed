using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>
/// Every rule's <c>example</c> line (Resources/rules/*.rules): the sentence is tokenised, tagged and parsed by the
/// shipped models, mentions come from its markup, and this rule must give the stated edge on it.
/// </summary>
public sealed class RuleExampleTests
{
    private static Lazy<(MarkupContext Markup, RuleEngine Engine)> Shared => ShippedRules.Parsed;

    public static IEnumerable<TestCaseData> Examples()
    {
        var lexicons = LexiconSet.Load();
        var rules = RuleSet.Load(RuleSet.DefaultDirectory, RuleEngine.CategoryLookup(lexicons.Triggers));
        foreach (var rule in rules.Rules)
            for (int i = 0; i < rule.Examples.Count; i++)
                yield return new TestCaseData(rule.Name, i).SetName($"{rule.Name} #{i + 1}");
    }

    [TestCaseSource(nameof(Examples))]
    public void RuleGivesItsExample(string ruleName, int index)
    {
        var (markup, engine) = Shared.Value;
        var rule = engine.Rules.Rules.Single(r => r.Name == ruleName);
        var example = rule.Examples[index];
        var context = markup.Build(example.Text);
        var fired = engine.Matches(context).ToList();
        string Describe(RuleMatch m) => $"{m.Rule.Name}: {context.Entities[m.Edge.Subject].Name} -[{m.Edge.Type}]-> {context.Entities[m.Edge.Object].Name}";
        var tree = string.Join(" ", context.Sentences.SelectMany(s => s.Tokens.Select(t => $"{t.Text}/{t.Upos}/{t.Lemma}<-{t.Head + 1}:{t.Deprel}")));
        Assert.That(fired.Any(m => m.Rule.Name == ruleName && context.Entities[m.Edge.Subject].Name == example.Subject
                && m.Edge.Type == example.Type && context.Entities[m.Edge.Object].Name == example.Object), Is.True,
            $"{ruleName} must give {example.Subject} -[{example.Type}]-> {example.Object}\nfired: {string.Join("; ", fired.Select(Describe))}\ntree: {tree}");
    }
}
