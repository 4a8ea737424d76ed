using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Language;

namespace KnowledgeGraph.Nlp.Tests.Linearity;

/// <summary>Text the models cannot read is refused with its reason, not turned into junk entities.</summary>
public sealed class LanguageTests
{
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipeline.Load());

    private const string Russian = "Правительство Мали потребовало вывода миротворцев\nПравительство Мали заявило в пятницу, что миссия должна покинуть страну до конца года.";
    private const string Arabic = "أعلنت الحكومة في باماكو يوم الجمعة أن البعثة يجب أن تغادر البلاد قبل نهاية العام";
    private const string French = "Le gouvernement de transition a demandé vendredi le retrait sans délai de la mission, estimant qu'elle n'avait pas réussi à ramener la sécurité dans le pays. " +
        "Selon les autorités de la capitale, la présence des casques bleus alimente les tensions communautaires dans le centre et le nord du pays. " +
        "Les responsables de la mission ont déclaré qu'ils prendraient acte de cette décision et qu'ils travailleraient avec les autorités pour organiser un départ ordonné.";
    private const string English = "Mali asks UN force to leave\nThe Government of Mali asked the United Nations to withdraw its peacekeepers on Friday, " +
        "saying the mission had failed to bring security. The foreign minister, Abdoulaye Diop, told reporters that the troops would leave by the end of the year " +
        "and that the army would take over their bases in the north of the country.";

    [TestCase(Russian, "Cyrillic")]
    [TestCase(Arabic, "Arabic")]
    [TestCase(French, "common English words")]
    public void ANonEnglishDocumentIsRefusedWithItsReason(string text, string reason)
    {
        var e = Assert.Throws<UnsupportedDocumentException>(() => Pipeline.Value.Analyze(Document.Create(text)));
        Assert.That(e!.Message, Does.StartWith("not English").And.Contain(reason));
    }

    [Test]
    public void EnglishIsRead() => Assert.That(LanguageCheck.Refusal(English), Is.Null);

    [Test]
    public void AListOfLinksOrFileNamesIsNoForeignLanguage()
    {
        // few English words, but no other language's either: read as it is, like any English page of links
        var links = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"http://www.example{i}.org/reports/mission{i}/index.html report-{i}.doc"));
        Assert.That(LanguageCheck.Refusal(links), Is.Null);
    }

    [Test]
    public void AShortEnglishHeadlineIsNotJudgedByItsWords() => Assert.That(LanguageCheck.Refusal("Rebels Seize Kidal"), Is.Null);

    [Test]
    public void ANameInAnotherScriptInsideAnEnglishArticleIsNoEntity()
    {
        var text = English + "\nПравительство Мали заявило, что Владимир Путин поддерживает армию.";
        var analysis = Pipeline.Value.Analyze(Document.Create(text));
        Assert.That(analysis.Entities.Select(e => e.Name), Has.None.Matches<string>(LanguageCheck.HasNonLatinLetter));
        Assert.That(analysis.Entities.Select(e => e.Name), Does.Contain("Abdoulaye Diop"));
    }
}
