using KnowledgeGraph.Core;
using KnowledgeGraph.Evaluation.Re3d;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Evaluation.Tests;

public sealed class MappingTests
{
    private static Re3dCorpus DevOrIgnore()
    {
        var shared = DataPaths.FindSharedData();
        var dir = shared is null ? null : Path.Combine(shared, "re3d-dev");
        if (dir is null || !Directory.Exists(dir)) Assert.Ignore("shared data re3d-dev not found (set KG_SHARED_DATA)");
        return Re3dReader.Read(dir!, minConfidence: 0);
    }

    [Test]
    public void EveryMappedCategoryIsInTheSchema()
    {
        var schema = OntologySchema.LoadDefault();
        var categories = schema.StativeCategories.Concat(schema.EventCategories).ToHashSet(StringComparer.Ordinal);
        foreach (var m in Re3dMapping.RelationTypes)
            Assert.That(m.Categories, Is.SubsetOf(categories), m.Re3dType);
    }

    [Test]
    public void PeopleOrganisationsAndPlacesAreScored()
    {
        Assert.That(Re3dMapping.CoarseOf("Person"), Is.EqualTo(EntityType.Person));
        Assert.That(Re3dMapping.CoarseOf("Organisation"), Is.EqualTo(EntityType.Organization));
        Assert.That(Re3dMapping.CoarseOf("Location"), Is.EqualTo(EntityType.Location));
        Assert.That(Re3dMapping.CoarseOf("Weapon"), Is.Null);
        Assert.That(Re3dMapping.Relation("FightingAgainst")!.Categories, Does.Contain("FIGHT"));
        Assert.That(Re3dMapping.Relation("AlliesOf")!.Symmetric, Is.True);
    }

    [Test]
    public void EveryTypeInTheDevDataIsInTheMappingTable()
    {
        var corpus = DevOrIgnore();
        var entityTypes = corpus.Entities.Select(e => e.Type).Distinct().ToList();
        var relationTypes = corpus.Relations.Select(r => r.Type).Distinct().ToList();
        Assert.That(entityTypes, Has.Count.GreaterThanOrEqualTo(10), "dev data has at least ten entity types");
        Assert.That(entityTypes.Where(t => Re3dMapping.Entity(t) is null), Is.Empty);
        Assert.That(relationTypes.Where(t => Re3dMapping.Relation(t) is null), Is.Empty);
    }

    [Test]
    public void DevOffsetsIndexTheTextAsUtf16()
    {
        var corpus = DevOrIgnore();
        var texts = corpus.Documents.ToDictionary(d => d.Id, d => d.Text);
        int agree = corpus.Entities.Count(e => texts[e.DocumentId][e.Span.Start..e.Span.End] == e.Value);
        // A handful of values have re3d's quote or line-break normalisation; everything else lines up exactly.
        Assert.That(corpus.Entities.Count - agree, Is.LessThanOrEqualTo(5));
        Assert.That(corpus.Relations.Count(r => texts[r.DocumentId][r.SourceSpan.Start..r.SourceSpan.End] != r.Source), Is.LessThanOrEqualTo(2));
    }
}
