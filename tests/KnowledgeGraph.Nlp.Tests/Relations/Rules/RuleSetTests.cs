using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Relations.Rules;

namespace KnowledgeGraph.Nlp.Tests.Relations.Rules;

/// <summary>The rule file format: the shipped files load, and mistakes are reported with file and line.</summary>
public sealed class RuleSetTests
{
    private static Func<string, string?> Categories() => RuleEngine.CategoryLookup(LexiconSet.Load().Triggers);

    private static RuleSet Parse(string text) => RuleSet.Parse(new[] { ("test.rules", text) }, Categories());

    [Test]
    public void ShippedRulesLoadWithAnExampleEach()
    {
        var rules = RuleSet.Load(RuleSet.DefaultDirectory, Categories());
        Assert.That(rules.Rules, Is.Not.Empty);
        Assert.That(rules.Rules.Select(r => r.Family).Distinct(), Is.SupersetOf(new[] { "verbs", "nominals", "roles", "membership", "places", "control" }));
        Assert.That(rules.Rules.All(r => r.Examples.Count > 0), Is.True);
        Assert.That(rules.Set("negators"), Does.Contain("not"));
        Assert.That(rules.Map("modals")["could"], Is.EqualTo("may"));
    }

    [Test]
    public void ARuleReadsAsWritten()
    {
        var set = Parse("""
            set light: launch mount
            rule attack-on   # a comment
              trigger  noun deprel=obj
              subject  <obj[lemma=@light] nsubj
              object   nmod[case=on|against] | obl:agent
              yields   lexicon category=ASSAULT|FIGHT
              base     LightVerbNominal
              example  [A|Organization] launched an attack on [B|Location]. => A -[ATTACKED]-> B
            """);
        var r = set.Rules.Single();
        Assert.That(r.Name, Is.EqualTo("test.attack-on"));
        Assert.That(r.Trigger, Is.EqualTo(TriggerKind.Noun));
        Assert.That(r.Subject.Single().Steps.Select(s => (s.Up, s.Relation)), Is.EqualTo(new[] { (true, "obj"), (false, "nsubj") }));
        Assert.That(r.Object.Select(p => p.Text), Is.EqualTo(new[] { "nmod[case=on|against]", "obl:agent" }));
        Assert.That(r.Object[0].Steps[0].CaptureCase, Is.True);
        Assert.That(r.Yield.Categories, Is.EquivalentTo(new[] { "ASSAULT", "FIGHT" }));
        Assert.That(r.Examples.Single().Type, Is.EqualTo("ATTACKED"));
    }

    [Test]
    public void OnlyRulesMarkedDefaultRunInTheDefaultBuild()
    {
        const string Rule = "rule {0}\n  trigger token entity=Location\n  subject .\n  object appos[entity=Location]\n  yields LOCATED_IN\n{1}  example [Arlit|Location], [Niger|Location], lies far north. => Arlit -[LOCATED_IN]-> Niger\n";
        var set = Parse(string.Format(Rule, "marked", "  default  yes\n") + string.Format(Rule, "unmarked", "") + string.Format(Rule, "off", "  default  no\n"));
        Assert.That(set.Rules.Where(r => r.Default).Select(r => r.Name), Is.EqualTo(new[] { "test.marked" }));
    }

    [TestCase("rule x\n  trigger verb\n  subject nsubj\n  object obj\n  yields lexicon\n", "test.rules:1: rule test.x has no 'example' line")]
    [TestCase("rule x\n  trigger verb\n  default maybe\n", "test.rules:3: default is yes or no, found 'maybe'")]
    [TestCase("rule x\n  trigger verb colour=red\n", "test.rules:2: unknown test 'colour'")]
    [TestCase("rule x\n  trigger adverb\n", "test.rules:2: trigger is verb, noun, role, token or lemma=a|b")]
    [TestCase("rule x\n  trigger verb\n  subject nsubj[lemma=@nowhere]\n  object obj\n  yields lexicon\n  example [A|Person] x [B|Person]. => A -[LEADS]-> B\n", "word set @nowhere")]
    [TestCase("rule x\n  trigger verb\n  subject Nsubj\n", "test.rules:3: path step 'Nsubj' needs a UD relation")]
    [TestCase("  subject nsubj\n", "test.rules:1: indented line outside a rule")]
    [TestCase("rule x\n  trigger verb\n  subject nsubj\n  object obj\n  yields NOT_A_TYPE\n  example a => A -[X]-> B\n", "give the category of NOT_A_TYPE")]
    public void MistakesNameFileAndLine(string text, string expected)
    {
        var e = Assert.Throws<UserErrorException>(() => Parse(text));
        Assert.That(e!.Message, Does.Contain(expected));
    }
}
