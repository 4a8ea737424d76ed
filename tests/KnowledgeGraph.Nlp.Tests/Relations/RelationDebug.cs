namespace KnowledgeGraph.Nlp.Tests.Relations;

/// <summary>Prints what the extractor finds in the marked-up text of $KG_REL_DEBUG (a developer aid).</summary>
[Explicit("developer aid: set KG_REL_DEBUG to a marked-up sentence")]
public sealed class RelationDebug
{
    [Test]
    public void Print()
    {
        var markup = Environment.GetEnvironmentVariable("KG_REL_DEBUG");
        if (string.IsNullOrEmpty(markup)) Assert.Ignore("KG_REL_DEBUG is not set");
        var (m, x) = RelationSpecTests.Tools;
        var context = m.Build(markup!, Environment.GetEnvironmentVariable("KG_REL_DATE"));
        var found = x.Extract(context);
        TestContext.Out.WriteLine(string.Join(" ", context.Sentences.SelectMany(s => s.Tokens).Select(t => $"{t.Text}/{t.Tag}/{t.Lemma}")));
        TestContext.Out.WriteLine(RelationSpecReader.Describe(found, e => context.Entities[e].Name));
    }
}
