using KnowledgeGraph.Nlp.Entities;
using KnowledgeGraph.Nlp.Lexicons;

namespace KnowledgeGraph.Nlp.Tests.Entities;

/// <summary>The role a title or role noun gives the person named after it. A role noun with no reading as a title before
/// names ("candidate") once threw, and the whole article failed to build (found by `kg bench` on web text).</summary>
public class RoleOfTests
{
    private static TitleEntry T(string form, string role, bool person, TitleUsage usage) => new(form, role, person, usage);

    [Test]
    public void RoleNounWithoutAPrefixReadingGivesItsRole() =>
        Assert.That(MentionFinder.RoleOf(new[] { T("candidate", "candidate", true, TitleUsage.Noun) }), Is.EqualTo("candidate"));

    [Test]
    public void PrefixReadingComesFirst() =>
        Assert.That(MentionFinder.RoleOf(new[] { T("General", "general officer", true, TitleUsage.Noun), T("General", "general", true, TitleUsage.Prefix) }),
            Is.EqualTo("general"));

    [Test]
    public void CourtesyTitleGivesNoRole() =>
        Assert.That(MentionFinder.RoleOf(new[] { T("Mr.", "mister", true, TitleUsage.Prefix) }), Is.Null);

    [Test]
    public void NoReadingGivesNoRole()
    {
        Assert.That(MentionFinder.RoleOf(Array.Empty<TitleEntry>()), Is.Null);
        Assert.That(MentionFinder.RoleOf(new[] { T("OBE", "obe", false, TitleUsage.After) }), Is.Null);
    }
}
