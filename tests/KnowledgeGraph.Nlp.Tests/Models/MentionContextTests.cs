using System.Text.RegularExpressions;
using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Entities;

namespace KnowledgeGraph.Nlp.Tests.Models;

/// <summary>Where an entity's name mentions stand: the context evidence of its node (docs/entities.md, "Node confidence").</summary>
public sealed class MentionContextTests
{
    // One line per sentence: a headline in title case, a dateline, a bulleted list item, a reference line.
    private const string Text =
        "Norland Signs Harbour Deal\n" +
        "DUNMORE, Norland (Wire) — Talia Brennecke welcomed Oskar Vell in Dunmore on Monday.\n" +
        "• Oskar Vell said the talks went well.\n" +
        "Vell, O. (2019). Harbour notes. https://example.org/notes\n";

    /// <summary>The lines as sentences, words and punctuation as tokens; a capitalised word is PROPN, any other word NOUN.</summary>
    private static List<Sentence> Sentences()
    {
        var sentences = new List<Sentence>();
        int start = 0;
        foreach (var line in Text.Split('\n'))
        {
            if (line.Length > 0)
            {
                var tokens = Regex.Matches(line, @"[\w.]+(?<!\.)|[^\w\s]").Select(m => new Token(m.Value, start + m.Index, start + m.Index + m.Length)
                {
                    Upos = char.IsLetterOrDigit(m.Value[0]) ? (char.IsUpper(m.Value[0]) ? "PROPN" : "NOUN") : "PUNCT",
                }).ToList();
                sentences.Add(new Sentence(sentences.Count, new TextSpan(start, start + line.Length), tokens));
            }
            start += line.Length + 1;
        }
        return sentences;
    }

    private static Mention M(string name, int occurrence, List<Sentence> sentences)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = Text.IndexOf(name, at + 1, StringComparison.Ordinal);
        int sentence = sentences.FindIndex(s => s.Span.Start <= at && at < s.Span.End);
        return new Mention(new TextSpan(at, at + name.Length), name, sentence, EntityType.Location, null, MentionKind.Name, "gazetteer");
    }

    /// <summary>The context of an entity named by the given surface forms, each at its n-th occurrence in the text.</summary>
    private static MentionContext ContextOf(params (string Surface, int Occurrence)[] mentions)
    {
        var sentences = Sentences();
        var name = mentions[^1].Surface;
        var entity = new DocumentEntity(0, name, EntityType.Location, [], [name], mentions.Select(m => M(m.Surface, m.Occurrence, sentences)).ToList(),
            new Dictionary<string, string>());
        return EntityConfidence.Attach([entity], sentences, [], Text)[0].Evidence!.Context!;
    }

    [Test]
    public void AMentionInTheHeadlineAndTheDatelineCountsBoth()
    {
        // "Norland" opens the headline, then stands in the dateline before its dash
        var c = ContextOf(("Norland", 0), ("Norland", 1));
        Assert.That(c.Names, Is.EqualTo(2));
        Assert.That((c.Headline, c.TitleLine, c.Unpunctuated), Is.EqualTo((1, 1, 1)), "the headline is in title case, without a full stop");
        Assert.That(c.Dateline, Is.EqualTo(1));
        Assert.That(c.Opening, Is.EqualTo(1), "the headline's first word");
        Assert.That((c.ListItem, c.Citation), Is.EqualTo((0, 0)));
        // the words around the first mention: none before (the line's start), a capitalised word after
        Assert.That(c.Keys, Is.EqualTo(new[] { "next=PROPN", "nextw=signs", "prev=^", "prevw=^" }));
    }

    [Test]
    public void OnlyTheDatelinesHeadCountsAsTheDateline()
    {
        // "DUNMORE" opens the dateline, and the story names it again after the bracket
        var c = ContextOf(("DUNMORE", 0), ("Dunmore", 0));
        Assert.That((c.Names, c.Dateline, c.Opening), Is.EqualTo((2, 1, 1)));
        Assert.That(c.Headline, Is.EqualTo(0));
    }

    [Test]
    public void ListItemsAndReferenceLinesAreTold()
    {
        // "Oskar Vell" in the dateline's sentence, then after a bullet; "Vell" alone on the reference line
        var vell = ContextOf(("Oskar Vell", 0), ("Oskar Vell", 1));
        Assert.That((vell.Names, vell.ListItem, vell.Opening, vell.Citation), Is.EqualTo((2, 1, 1, 0)), "a bullet before a name still opens its sentence");
        Assert.That(vell.Keys, Is.EqualTo(new[] { "next=NOUN", "nextw=in", "prev=NOUN", "prevw=welcomed" }));
        var cited = ContextOf(("Vell", 2));
        Assert.That((cited.Citation, cited.Unpunctuated, cited.Opening), Is.EqualTo((1, 1, 1)), "a year in brackets and a web address; no full stop at the end");
    }

    [Test]
    public void WithoutTheTextOnlySentencesAndWordsAreCounted()
    {
        var sentences = Sentences();
        var entity = new DocumentEntity(0, "Dunmore", EntityType.Location, [], ["Dunmore"], [M("DUNMORE", 0, sentences)], new Dictionary<string, string>());
        var c = EntityConfidence.Attach([entity], sentences, [])[0].Evidence!.Context!;
        Assert.That((c.Names, c.Opening, c.Dateline, c.Headline), Is.EqualTo((1, 1, 0, 0)));
        Assert.That(c.Keys, Does.Contain("nextw=,"));
    }

    [Test]
    public void ContextsAddUpAndKeepABoundedOrderFreeSetOfKeys()
    {
        MentionContext C(int names, params string[] keys) => new(names, 1, 0, 0, 0, 0, 0, 0, 2f, 1, MentionContext.Bounded(keys));
        var a = C(2, "prev=ADP", "prevw=in", "next=VERB", "nextw=said");
        var b = C(3, "prev=DET", "prevw=the", "next=PUNCT", "nextw=,", "prevw=a", "prevw=of", "prevw=by", "prevw=to");
        var ab = MentionContext.Combine(a, b)!;
        var ba = MentionContext.Combine(b, a)!;
        Assert.That((ab.Names, ab.Opening, ab.MarginSum, ab.MarginCount), Is.EqualTo((5, 2, 4f, 2)));
        Assert.That(ab.Keys, Is.EqualTo(ba.Keys), "the order of the articles does not matter");
        Assert.That(ab.Keys.Count(k => k.StartsWith("prevw=", StringComparison.Ordinal)), Is.EqualTo(MentionContext.MaxKeysPerKind));
        Assert.That(ab.Keys, Does.Contain("prev=ADP").And.Contain("prev=DET").And.Contain("nextw=said"));
        Assert.That(MentionContext.Combine(null, a), Is.SameAs(a));
    }
}
