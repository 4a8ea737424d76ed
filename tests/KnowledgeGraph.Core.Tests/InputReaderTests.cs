using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;

namespace KnowledgeGraph.Core.Tests;

public sealed class InputReaderTests
{
    internal static string TempDir()
    {
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "tmp", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Test]
    public void FolderIsReadRecursivelyInPathOrderAndOtherFilesAreIgnored()
    {
        var dir = TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "b"));
        File.WriteAllText(Path.Combine(dir, "b", "two.txt"), "Second article.");
        File.WriteAllText(Path.Combine(dir, "a.md"), "# First\nFirst article.");
        File.WriteAllText(Path.Combine(dir, "notes.pdf"), "not an article");
        var items = new InputReader(new InputOptions(), TextReader.Null).Read(new[] { dir }).ToList();
        Assert.That(items.Select(i => Path.GetFileName(i.Origin)), Is.EqualTo(new[] { "a.md", "two.txt" }));
        Assert.That(items[0].Document!.Title, Is.EqualTo("First"));
        Assert.That(items.All(i => i.Error is null), Is.True);
    }

    [Test]
    public void JsonLinesKeepTitleUrlAndDateAndReportBadLinesByNumber()
    {
        var path = Path.Combine(TempDir(), "a.jsonl");
        File.WriteAllText(path, "{\"text\":\"One.\",\"title\":\"T\",\"url\":\"https://e.org/1\",\"date\":\"2024-01-02\"}\n\n[1,2]\n{\"text\":\"Two.\"}\n");
        var items = new InputReader(new InputOptions(), TextReader.Null).Read(new[] { path }).ToList();
        Assert.That(items, Has.Count.EqualTo(3));
        Assert.That((items[0].Document!.Title, items[0].Document!.Source, items[0].Document!.Date), Is.EqualTo(("T", "https://e.org/1", "2024-01-02")));
        Assert.That(items[1].Origin, Is.EqualTo(path + ":3"), "line numbers count blank lines");
        Assert.That(items[1].Error, Does.Contain("malformed JSON"));
        Assert.That(items[2].Document!.Text, Is.EqualTo("Two."));
    }

    [Test]
    public void DocumentIdDependsOnTheTextOnlyAndIgnoresLineEndings()
    {
        var a = Document.Create("Line one.\nLine two.\n", "A", "a.txt");
        var b = Document.Create("Line one.\r\nLine two.", "B", "b.txt");
        var c = Document.Create("Line one.\nLine three.");
        Assert.That(a.Id, Is.EqualTo(b.Id));
        Assert.That(a.Id, Is.Not.EqualTo(c.Id));
        Assert.That(a.Id, Does.Match("^d:[0-9a-f]{16}$"));
    }

    [Test]
    public void DecodeRefusesBinaryInvalidUtf8AndEmptyTextAndDropsTheByteOrderMark()
    {
        Assert.That(InputReader.Decode(new byte[] { 0x41, 0, 0x42 }).Error, Does.Contain("binary"));
        Assert.That(InputReader.Decode(new byte[] { 0x41, 0xC3, 0x28 }).Error, Does.Contain("invalid UTF-8"));
        Assert.That(InputReader.Decode(Encoding.UTF8.GetBytes(" \n\t")).Error, Does.Contain("empty"));
        Assert.That(InputReader.Decode(new byte[] { 0xEF, 0xBB, 0xBF, 0x48, 0x69 }).Text, Is.EqualTo("Hi"));
    }

    [TestCase("Wagner Group", "wagner-group")]
    [TestCase("Côte d’Ivoire", "cote-divoire")]
    [TestCase("U.N. Multidimensional Mission", "un-multidimensional-mission")]
    [TestCase("!!!", "x")]
    public void SlugsAreStableReadableIds(string name, string slug)
    {
        Assert.That(Ids.Slug(name), Is.EqualTo(slug));
        Assert.That(Ids.Entity(EntityType.Organization, name), Is.EqualTo("e:org:" + slug));
    }
}
