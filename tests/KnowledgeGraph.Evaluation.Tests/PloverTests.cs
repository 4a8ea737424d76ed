using KnowledgeGraph.Core;
using KnowledgeGraph.Evaluation.Plover;

namespace KnowledgeGraph.Evaluation.Tests;

public sealed class PloverTests
{
    private static PloverRecord Rec(string id, string category, string text, string[] sources, string[] targets) =>
        new(id, category, text, sources, targets, "", "");

    private const string Hungary = "Senior Hungarian and Romanian officials agreed on Wednesday that their countries should cooperate.";
    private const string Libya = "Libya has offered to hand over to Great Britain two of its nationals.";
    private const string Soldiers = "Israeli soldiers routinely beat up Palestinian detainees.";
    private const string Rebels = "Rebels killed two villagers in Kivu.";
    private const string Tanks = "Israeli tanks shelled positions of the Palestinian security forces.";

    private static PloverReport Run()
    {
        var records = new[]
        {
            Rec("P1", "AGREE", Hungary, new[] { "Hungarian", "Romanian" }, Array.Empty<string>()),
            Rec("P2", "AGREE", Libya, new[] { "Libya" }, new[] { "Great Britain" }),
            Rec("P3", "ASSAULT", Soldiers, new[] { "Israeli soldiers" }, new[] { "Palestinian" }),
            Rec("P4", "ASSAULT", Rebels, new[] { "Rebels" }, new[] { "villagers" }),
            Rec("P5", "FIGHT", Tanks, new[] { "Israeli tanks" }, new[] { "Palestinian security forces" }),
        };
        var analyzer = new FakeAnalyzer()
            .Add(Hungary, d =>
            {
                // demonyms resolved to countries by the pipeline: "Hungarian" is a mention of Hungary
                var b = AnalysisBuilder.For(Hungary);
                int hu = b.Entity("Hungary", EntityType.Location, ("Hungarian", MentionKind.Demonym));
                int ro = b.Entity("Romania", EntityType.Location, ("Romanian", MentionKind.Demonym));
                return b.Relation(hu, ro, "AGREE", "AGREED_WITH").Build(d);
            })
            .Add(Libya, d =>
            {
                var b = AnalysisBuilder.For(Libya);
                int ly = b.Entity("Libya", EntityType.Location, "Libya");
                int gb = b.Entity("Great Britain", EntityType.Location, "Great Britain");
                return b.Relation(gb, ly, "AGREE", "AGREED_WITH").Build(d); // the wrong way round
            })
            .Add(Soldiers, d =>
            {
                var b = AnalysisBuilder.For(Soldiers);
                int il = b.Entity("Israel", EntityType.Location, ("Israeli", MentionKind.Demonym));
                int ps = b.Entity("Palestine", EntityType.Location, ("Palestinian", MentionKind.Demonym));
                return b.Relation(il, ps, "ASSAULT", "ATTACKED").Build(d);
            })
            .Add(Rebels, d =>
            {
                var b = AnalysisBuilder.For(Rebels);
                b.Entity("Kivu", EntityType.Location, "Kivu");
                return b.Build(d);
            })
            .Add(Tanks, d =>
            {
                var b = AnalysisBuilder.For(Tanks);
                int il = b.Entity("Israel", EntityType.Location, ("Israeli", MentionKind.Demonym));
                int pf = b.Entity("Palestinian security forces", EntityType.Organization, "Palestinian security forces");
                return b.Relation(il, pf, "ASSAULT", "ATTACKED").Build(d); // gold says FIGHT
            });
        return PloverEvaluator.Evaluate(analyzer, records, maxDegreeOfParallelism: 1);
    }

    [Test]
    public void FiguresOnAHandBuiltSet()
    {
        var r = Run();
        // actors: 6 source + 4 target strings; not found: "Rebels" (source), "villagers" (target) -> 8/10.
        Assert.That((r.ActorsFound, r.Actors), Is.EqualTo((8, 10)));
        Assert.That((r.SourceActorsFound, r.SourceActors, r.TargetActorsFound, r.TargetActors), Is.EqualTo((5, 6, 3, 4)));
        // both found (sentences with a target): P2, P3, P5; right category only in P3.
        Assert.That((r.CategoryRightWhenBothFound, r.BothFound), Is.EqualTo((1, 3)));
        // triples over all 5 sentences: P1 (no target: a source edge of the category) and P3.
        Assert.That((r.TriplesAll, r.Sentences), Is.EqualTo((2, 5)));
        Assert.That(r.TripleRate, Is.EqualTo(0.4));
        Assert.That((r.TriplesWithTarget, r.SentencesWithTarget), Is.EqualTo((1, 4)));
    }

    [Test]
    public void DemonymActorMatchesTheCountryEntity()
    {
        var p1 = Run().Results.Single(x => x.Id == "P1");
        Assert.That(p1.SourceFound, Is.True);
        Assert.That(p1.Correct, Is.True);
    }

    [Test]
    public void ReversedEdgeIsNotCounted()
    {
        var p2 = Run().Results.Single(x => x.Id == "P2");
        Assert.That(p2.Correct, Is.False);
        Assert.That(p2.Reversed, Is.True);
        Assert.That(p2.PredictedCategories, Is.Empty);
    }

    [Test]
    public void ConfusionShowsWhatWePredictedInstead()
    {
        var rows = Run().ByCategory.ToDictionary(c => c.Category);
        Assert.That(rows.Keys, Is.EqualTo(new[] { "AGREE", "ASSAULT", "FIGHT" }));
        Assert.That(rows["FIGHT"].Predicted, Is.EqualTo(new Dictionary<string, int> { ["ASSAULT"] = 1 }));
        Assert.That((rows["FIGHT"].Sentences, rows["FIGHT"].BothFound, rows["FIGHT"].CategoryRight), Is.EqualTo((1, 1, 0)));
        Assert.That(rows["AGREE"].Predicted, Is.EqualTo(new Dictionary<string, int> { ["AGREE"] = 1, [PloverEvaluator.NoEdge] = 1 }));
        Assert.That(rows["AGREE"].Reversed, Is.EqualTo(1));
        Assert.That((rows["ASSAULT"].Sentences, rows["ASSAULT"].Triples), Is.EqualTo((2, 1)));
    }

    private static DocumentEntity Entity(string name, params string[] aliases) =>
        new(0, name, EntityType.Location, Array.Empty<string>(), aliases, Array.Empty<Mention>(), new Dictionary<string, string>());

    [TestCase("U.S.", "United States", "US", ExpectedResult = true)]
    [TestCase("Nicaragua's Sandinista government", "Nicaragua", "Nicaragua", ExpectedResult = true)]
    [TestCase("Jordan", "Hashemite Kingdom of Jordan", "Jordan", ExpectedResult = true)]
    [TestCase("Russia", "Prussia", "Prussia", ExpectedResult = false)]
    [TestCase("the", "The Hague", "The Hague", ExpectedResult = false)]
    public bool ActorMatchesOnWords(string actor, string name, string alias) => ActorMatcher.Matches(actor, Entity(name, alias));

    [Test]
    public void HarnessAddsNoDemonymKnowledgeOfItsOwn()
    {
        Assert.That(ActorMatcher.Matches("Hungarian", Entity("Hungary", "Hungary")), Is.False,
            "only a demonym the pipeline attached to the entity may match");
    }
}
