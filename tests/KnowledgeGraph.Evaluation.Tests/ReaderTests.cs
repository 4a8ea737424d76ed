using KnowledgeGraph.Core;
using KnowledgeGraph.Evaluation.Plover;
using KnowledgeGraph.Evaluation.Re3d;

namespace KnowledgeGraph.Evaluation.Tests;

public sealed class ReaderTests
{
    private const string Text = "The Kurdish YPG fought Daesh in Raqqa.";

    [Test]
    public void Re3dReaderReadsBomFilesAndDropsRejectedRows()
    {
        using var dir = new TempDir();
        new Re3dSample().Doc("D1", Text)
            .Entity("The Kurdish YPG", "Organisation")
            .Entity("Kurdish", "Nationality", confidence: 0)
            .Entity("Daesh", "Organisation", confidence: 0.8)
            .Entity("Raqqa", "Location")
            .Relation("The Kurdish YPG", "fought", "Daesh", "FightingAgainst")
            .Relation("Daesh", "in", "Raqqa", "CoLocated", confidence: 0)
            .WriteTo(dir, "Source A");

        var corpus = Re3dReader.Read(dir.Path);

        Assert.That(corpus.Documents, Has.Count.EqualTo(1));
        Assert.That(corpus.Documents[0].Text, Is.EqualTo(Text), "the BOM must not leak into the first field");
        Assert.That(corpus.Entities.Select(e => e.Value), Is.EqualTo(new[] { "The Kurdish YPG", "Daesh", "Raqqa" }));
        Assert.That(corpus.RejectedEntities, Is.EqualTo(1));
        Assert.That(corpus.Relations.Select(r => r.Type), Is.EqualTo(new[] { "FightingAgainst" }));
        Assert.That(corpus.RejectedRelations, Is.EqualTo(1));
        var daesh = corpus.Entities[1];
        Assert.That(Text[daesh.Span.Start..daesh.Span.End], Is.EqualTo("Daesh"));
        Assert.That(corpus.Relations[0].Trigger, Is.EqualTo("fought"));
    }

    [Test]
    public void Re3dReaderAppliesMinimumConfidence()
    {
        using var dir = new TempDir();
        new Re3dSample().Doc("D1", Text).Entity("Daesh", "Organisation", 0.3).Entity("Raqqa", "Location", 0.9).WriteTo(dir, "S");
        var corpus = Re3dReader.Read(dir.Path, minConfidence: 0.5);
        Assert.That(corpus.Entities.Select(e => e.Value), Is.EqualTo(new[] { "Raqqa" }));
    }

    [Test]
    public void Re3dReaderReadsSourcesInOrdinalOrder()
    {
        using var dir = new TempDir();
        new Re3dSample().Doc("B", "Second text.").WriteTo(dir, "b");
        new Re3dSample().Doc("A", "First text.").WriteTo(dir, "a");
        Assert.That(Re3dReader.Read(dir.Path).Documents.Select(d => d.Id), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void Re3dReaderNamesFileAndLineOfBadOffsets()
    {
        using var dir = new TempDir();
        dir.Write("S/documents.json", "{ \"_id\" : \"D\", \"text\" : \"short\" }\n");
        var ents = dir.Write("S/entities.json", "{ \"_id\" : \"x\", \"begin\" : 2, \"end\" : 99, \"type\" : \"Person\", \"value\" : \"x\", \"documentId\" : \"D\", \"confidence\" : 1 }\n");
        var e = Assert.Throws<UserErrorException>(() => Re3dReader.Read(dir.Path));
        Assert.That(e!.Message, Does.StartWith(ents + ":1:").And.Contain("outside"));
    }

    [Test]
    public void Re3dReaderNamesFileAndLineOfMalformedJson()
    {
        using var dir = new TempDir();
        var docs = dir.Write("S/documents.json", "{ \"_id\" : \"D\", \"text\" : \"fine\" }\n{ \"_id\" : \"E\", \"text\" : \n");
        var e = Assert.Throws<UserErrorException>(() => Re3dReader.Read(dir.Path));
        Assert.That(e!.Message, Does.StartWith(docs + ":2:"));
    }

    [Test]
    public void MissingFolderIsAUserError()
    {
        Assert.Throws<UserErrorException>(() => Re3dReader.Read(Path.Combine(Path.GetTempPath(), "kg-no-such-folder-" + Guid.NewGuid().ToString("N"))));
    }

    [Test]
    public void PloverReaderReadsActorsAndDropsEmptyTargets()
    {
        using var dir = new TempDir();
        var file = dir.Write("p.jsonl",
            "{\"id\": \"P1\", \"event\": \"AGREE\", \"text\": \"Jordan and Britain have agreed.\", \"source\": [\"Jordan\", \"Britain\"], \"target\": [], \"eventText\": \"agreed\", \"comment\": \"Compound actor\"}\n"
            + "\n"
            + "{\"id\": \"P2\", \"event\": \"reject\", \"text\": \"Teachers will not end their strike.\", \"source\": [\"Serbian teachers\"], \"target\": [\"\"], \"eventText\": \"will not end\", \"comment\": \"\"}\n");
        var records = PloverReader.Read(file);
        Assert.That(records.Select(r => r.Id), Is.EqualTo(new[] { "P1", "P2" }));
        Assert.That(records[0].Sources, Is.EqualTo(new[] { "Jordan", "Britain" }));
        Assert.That(records[1].Targets, Is.Empty, "an empty actor string is no actor");
        Assert.That(records[1].Category, Is.EqualTo("REJECT"));
        Assert.That(records[0].HasTarget, Is.False);
    }
}
