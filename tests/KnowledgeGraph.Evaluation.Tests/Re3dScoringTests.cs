using KnowledgeGraph.Core;
using KnowledgeGraph.Evaluation.Re3d;

namespace KnowledgeGraph.Evaluation.Tests;

/// <summary>Hand-built cases whose expected counts are worked out in the comments, not copied from output.</summary>
public sealed class Re3dScoringTests
{
    private static Re3dReport Run(Re3dSample sample, string text, Func<AnalysisBuilder, AnalysisBuilder> predict)
    {
        using var dir = new TempDir();
        sample.WriteTo(dir, "S");
        var corpus = Re3dReader.Read(dir.Path);
        var analyzer = new FakeAnalyzer().Add(text, doc => predict(AnalysisBuilder.For(text)).Build(doc));
        return Re3dEvaluator.Evaluate(analyzer, corpus, maxDegreeOfParallelism: 1);
    }

    private const string EntText = "Yesterday the Kurdish YPG fought Daesh in Raqqa, and Iraqi troops moved toward Aleppo.";

    private static Re3dSample EntityGold() => new Re3dSample().Doc("D", EntText)
        .Entity("the Kurdish YPG", "Organisation")
        .Entity("Daesh", "Organisation")
        .Entity("Raqqa", "Location")
        .Entity("Iraqi", "Nationality");

    [Test]
    public void ThreeGoldTwoPredictedOneMatch()
    {
        // gold: YPG, Daesh (Org), Raqqa (Loc) = 3. predicted: "Kurdish YPG" (Org, overlaps gold), "Aleppo" (Loc, no gold) = 2.
        // "Iraqi" (Loc) lies inside a Nationality span and overlaps no scored gold: ignored. Demonym mentions are never scored.
        var r = Run(EntityGold(), EntText, b =>
        {
            b.Entity("Kurdish YPG", EntityType.Organization, "Kurdish YPG");
            b.Entity("Aleppo", EntityType.Location, "Aleppo");
            b.Entity("Iraq", EntityType.Location, "Iraqi");
            b.Entity("Kurd", EntityType.Location, ("Kurdish", MentionKind.Demonym));
            return b;
        });
        var lenient = r.Headline;
        Assert.That(lenient.Variant, Is.EqualTo(Re3dEvaluator.Lenient));
        Assert.That((lenient.Overall.Gold, lenient.Overall.Predicted, lenient.Overall.MatchedGold), Is.EqualTo((3, 2, 1)));
        Assert.That(lenient.Overall.Precision, Is.EqualTo(0.5));
        Assert.That(lenient.Overall.Recall, Is.EqualTo(1.0 / 3).Within(1e-12));
        Assert.That(lenient.Overall.F1, Is.EqualTo(0.4).Within(1e-12));
        // per type: Organization 1 predicted / 2 gold / 1 match; Location 1 / 1 / 0.
        Assert.That(lenient.ByType["Organization"].Precision, Is.EqualTo(1.0));
        Assert.That(lenient.ByType["Organization"].Recall, Is.EqualTo(0.5));
        Assert.That(lenient.ByType["Location"].F1, Is.EqualTo(0.0));

        var exact = r.Entities.Single(e => e.Variant == Re3dEvaluator.Exact);
        Assert.That(exact.Overall.MatchedGold, Is.EqualTo(0), "'Kurdish YPG' is not the gold span 'the Kurdish YPG'");
        var head = r.Entities.Single(e => e.Variant == Re3dEvaluator.Head);
        Assert.That(head.Overall.MatchedGold, Is.EqualTo(1), "dropping the leading 'the' makes the spans equal");

        Assert.That(r.EntityErrors.Where(e => e.Kind == "missed").Select(e => e.Text), Is.EquivalentTo(new[] { "Daesh", "Raqqa" }));
        Assert.That(r.EntityErrors.Where(e => e.Kind == "false").Select(e => e.Text), Is.EqualTo(new[] { "Aleppo" }));
    }

    [Test]
    public void WrongTypeCountsOnlyInTheUntypedVariant()
    {
        // "Daesh" predicted as a Person: the typed lenient score misses it; the untyped one matches it.
        var r = Run(EntityGold(), EntText, b =>
        {
            b.Entity("Kurdish YPG", EntityType.Organization, "Kurdish YPG");
            b.Entity("Daesh", EntityType.Person, "Daesh");
            b.Entity("Aleppo", EntityType.Location, "Aleppo");
            return b;
        });
        Assert.That(r.Headline.Overall.MatchedGold, Is.EqualTo(1));
        Assert.That(r.Headline.ByType["Person"].Predicted, Is.EqualTo(1));
        Assert.That(r.Headline.ByType["Person"].Precision, Is.EqualTo(0.0));
        var untyped = r.Entities.Single(e => e.Variant == Re3dEvaluator.LenientUntyped);
        Assert.That(untyped.Overall.MatchedGold, Is.EqualTo(2));
        Assert.That(untyped.Overall.Precision, Is.EqualTo(2.0 / 3).Within(1e-12));
    }

    [Test]
    public void OneGoldMentionMatchesOnlyOnePrediction()
    {
        // Two predictions inside "the Kurdish YPG": one matches, the other is a false mention.
        var r = Run(EntityGold(), EntText, b =>
        {
            b.Entity("Kurds", EntityType.Organization, "Kurdish");
            b.Entity("YPG", EntityType.Organization, "YPG");
            return b;
        });
        Assert.That((r.Headline.Overall.Predicted, r.Headline.Overall.MatchedPredicted), Is.EqualTo((2, 1)));
    }

    private const string RelText = "The Kurdish YPG fought Daesh in Raqqa with rockets, while the coalition supported the YPG.";

    private static Re3dSample RelationGold() => new Re3dSample().Doc("D", RelText)
        .Entity("The Kurdish YPG", "Organisation").Entity("Daesh", "Organisation").Entity("Raqqa", "Location")
        .Entity("rockets", "Weapon").Entity("the coalition", "Organisation").Entity("the YPG", "Organisation")
        .Relation("The Kurdish YPG", "fought", "Daesh", "FightingAgainst")
        .Relation("Raqqa", "in", "Daesh", "CoLocated")               // symmetric: our Daesh LOCATED_IN Raqqa matches it
        .Relation("the coalition", "supported", "the YPG", "AlliesOf")
        .Relation("rockets", "with", "Daesh", "FightingAgainst")     // a weapon endpoint: not scored
        .Relation("Daesh", "in", "Raqqa", "HasAttrOf");              // unmapped type: not scored

    [Test]
    public void RelationsScoredThroughTheMapping()
    {
        var r = Run(RelationGold(), RelText, b =>
        {
            int ypg = b.Entity("YPG", EntityType.Organization, "Kurdish YPG", "the YPG");
            int daesh = b.Entity("Daesh", EntityType.Organization, "Daesh");
            int raqqa = b.Entity("Raqqa", EntityType.Location, "Raqqa");
            int coalition = b.Entity("coalition", EntityType.Organization, "coalition");
            return b.Relation(ypg, daesh, "FIGHT", "FOUGHT")          // matches FightingAgainst
                .Relation(daesh, raqqa, "LOCATED_IN")                  // matches CoLocated the other way round
                .Relation(daesh, ypg, "OPPOSES")                       // FightingAgainst is directed: false edge
                .Relation(coalition, ypg, "DEMAND", "CALLED_ON")       // a category no re3d type maps to: not scored
                .Relation(coalition, ypg, "FIGHT", "ATTACKED")         // right pair, wrong category: false (labelled)
                .Relation(ypg, raqqa, "FIGHT", negated: true);         // negated: not asserted, not scored
        });
        // labelled: 3 gold, 4 scored predictions (FIGHT, LOCATED_IN, OPPOSES, FIGHT), 2 matches.
        Assert.That((r.Relations.Gold, r.Relations.Predicted, r.Relations.MatchedGold), Is.EqualTo((3, 4, 2)));
        Assert.That(r.Relations.Precision, Is.EqualTo(0.5));
        Assert.That(r.Relations.Recall, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(r.Relations.F1, Is.EqualTo(4.0 / 7).Within(1e-12));
        // unlabelled: all 5 asserted predictions; the coalition -> YPG pair now matches AlliesOf.
        Assert.That((r.RelationsUnlabelled.Predicted, r.RelationsUnlabelled.MatchedGold), Is.EqualTo((5, 3)));
        Assert.That(r.RelationRecallByRe3dType["AlliesOf"].Recall, Is.EqualTo(0.0));
        Assert.That(r.RelationRecallByRe3dType["CoLocated"].Recall, Is.EqualTo(1.0));
        Assert.That(r.RelationPrecisionByCategory["FIGHT"].Precision, Is.EqualTo(0.5));
        Assert.That(r.RelationPrecisionByCategory["OPPOSES"].Precision, Is.EqualTo(0.0));
        Assert.That(r.PredictedRelationsNotScored, Is.EqualTo(new Dictionary<string, int> { ["(negated)"] = 1, ["DEMAND"] = 1 }));
        Assert.That(r.GoldRelationsExcluded, Is.EqualTo(new Dictionary<string, int>
        {
            ["FightingAgainst: endpoint not a Person/Organisation/Location"] = 1,
            ["HasAttrOf: type not mapped"] = 1,
        }));
        var missed = r.RelationErrors.Single(e => e.Kind == "missed");
        Assert.That((missed.Type, missed.Source, missed.Target), Is.EqualTo(("AlliesOf", "the coalition", "the YPG")));
        Assert.That(missed.Note, Does.StartWith("predicted as"));
        Assert.That(r.RelationErrors.Where(e => e.Kind == "false").Select(e => e.Type), Is.EquivalentTo(new[] { "OPPOSES/OPPOSES", "FIGHT/ATTACKED" }));
    }

    [Test]
    public void AVisitToAPlaceCountsForCoLocatedButAMeetingDoesNot()
    {
        const string text = "Minister Lind will travel to Paris and meet the YPG.";
        var gold = new Re3dSample().Doc("D", text).Entity("Minister Lind", "Person").Entity("Paris", "Location").Entity("the YPG", "Organisation")
            .Relation("Minister Lind", "will travel to", "Paris", "CoLocated")
            .Relation("Minister Lind", "meet", "the YPG", "CoLocated");
        var r = Run(gold, text, b =>
        {
            int lind = b.Entity("Lind", EntityType.Person, "Minister Lind");
            int paris = b.Entity("Paris", EntityType.Location, "Paris");
            int ypg = b.Entity("YPG", EntityType.Organization, "the YPG");
            return b.Relation(lind, paris, "CONSULT", "VISITED")   // VISITED with a place as object: counts for CoLocated
                .Relation(lind, ypg, "CONSULT", "VISITED");         // a visit to an organisation places nobody: false
        });
        // 2 gold, 2 scored predictions (CONSULT is a scored category), 1 match.
        Assert.That((r.Relations.Gold, r.Relations.Predicted, r.Relations.MatchedGold), Is.EqualTo((2, 2, 1)));
        Assert.That(r.RelationErrors.Single(e => e.Kind == "missed").Target, Is.EqualTo("the YPG"));
    }

    [Test]
    public void AnEdgeFromAnotherSentenceDoesNotMatch()
    {
        const string text = "The YPG fought Daesh. Later the YPG met Daesh.";
        var gold = new Re3dSample().Doc("D", text).Entity("The YPG", "Organisation").Entity("Daesh", "Organisation")
            .Relation("The YPG", "fought", "Daesh", "FightingAgainst");
        var r = Run(gold, text, b =>
        {
            int ypg = b.Entity("YPG", EntityType.Organization, "The YPG", "the YPG");
            int d = b.Entity("Daesh", EntityType.Organization, "Daesh");
            return b.Relation(ypg, d, "FIGHT", evidence: "Later the YPG met Daesh.");
        });
        Assert.That(r.Relations.MatchedGold, Is.EqualTo(0), "the gold relation is stated in the first sentence, the edge's evidence is the second");
    }
}
