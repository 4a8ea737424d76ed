namespace KnowledgeGraph.Nlp.Tests.Relations;

/// <summary>
/// The plain-sentence cases of Relations/Specs/Pipeline/*.md through the whole <see cref="ExtractionPipeline"/>
/// (entities, coreference and relations found by the pipeline itself).
/// </summary>

public sealed class PipelineSpecTests
{
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipeline.Load());

    public static IEnumerable<TestCaseData> Cases() =>
        RelationSpecReader.ReadFolder(Path.Combine(AppContext.BaseDirectory, "Relations", "Specs", "Pipeline"))
            .Select(c => new TestCaseData(c).SetName($"pipeline: {c.Name}"));

    [TestCaseSource(nameof(Cases))]
    public void Spec(RelationSpecCase spec)
    {
        var analysis = Pipeline.Value.Analyze(KnowledgeGraph.Core.Document.Create(spec.Text, date: spec.Date));
        string Name(int e) => analysis.Entities[e].Name;
        var report = "found:\n" + RelationSpecReader.Describe(analysis.Relations, Name);
        Assert.Multiple(() =>
        {
            foreach (var e in spec.Edges)
            {
                var same = analysis.Relations.Where(r => Name(r.Subject) == e.Subject && Name(r.Object) == e.Object && r.Type == e.Type).ToList();
                if (e.Kind == Expectation.Absent) Assert.That(same, Is.Empty, $"must not appear: {e}\n{report}");
                else Assert.That(same, Is.Not.Empty, $"missing: {e}\n{report}");
            }
        });
    }
}
