using KnowledgeGraph.Core;
using KnowledgeGraph.Graph;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Export.Html;

/// <summary>
/// <c>kg analyze --html</c>: one article as the pipeline read it, in displaCy's entity style. Every mention is
/// highlighted with its entity's type (colours from <c>graph-schema/style.grass</c>), mentions of one entity are linked
/// (names, descriptions and pronouns alike), and each relation is listed under its sentence with its subject, type,
/// object and confidence, negated and hedged ones marked as such, clickable to the words it was read from.
/// </summary>
public static class ArticleViewPage
{
    public const string FileName = "article.html";

    /// <summary>Nested mentions are shown inside each other up to this depth.</summary>
    private const int MaxDepth = 3;

    public static void WriteFile(DocumentAnalysis analysis, string path, GrassStyle? style = null) =>
        AtomicFile.WriteText(path, w => Write(analysis, w, style));

    public static void Write(DocumentAnalysis analysis, TextWriter output, GrassStyle? style = null) =>
        HtmlPage.Write(output, "article-view", Data(analysis, style ?? GrassStyle.Default), Array.Empty<string>());

    /// <summary>A mention to show, with the entity it belongs to (-1: a description that names nothing).</summary>
    public sealed record ShownMention(Mention Mention, int Entity);

    /// <summary>
    /// The mentions to highlight, in text order: every entity's mentions, then mentions that belong to no entity. A mention
    /// inside another is nested in it; one that crosses another's boundary cannot be drawn and is left out (returned in
    /// <paramref name="dropped"/>).
    /// </summary>
    public static IReadOnlyList<ShownMention> Layout(DocumentAnalysis analysis, out IReadOnlyList<ShownMention> dropped)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var all = new List<ShownMention>();
        var seen = new HashSet<TextSpan>();
        foreach (var e in analysis.Entities)
            foreach (var m in e.Mentions)
                if (seen.Add(m.Span)) all.Add(new ShownMention(m, e.Index));
        foreach (var m in analysis.Mentions)
            if (seen.Add(m.Span)) all.Add(new ShownMention(m, -1));
        var text = analysis.Document.Text;
        all = all.Where(m => m.Mention.Span.Start >= 0 && m.Mention.Span.End <= text.Length && m.Mention.Span.Length > 0)
            .OrderBy(m => m.Mention.Span.Start).ThenByDescending(m => m.Mention.Span.End).ThenBy(m => m.Entity < 0 ? 1 : 0).ToList();
        var shown = new List<ShownMention>();
        var skipped = new List<ShownMention>();
        var open = new Stack<TextSpan>();
        foreach (var m in all)
        {
            var span = m.Mention.Span;
            while (open.Count > 0 && open.Peek().End <= span.Start) open.Pop();
            if (open.Count >= MaxDepth || (open.Count > 0 && !open.Peek().Contains(span))) { skipped.Add(m); continue; }
            open.Push(span);
            shown.Add(m);
        }
        dropped = skipped;
        return shown;
    }

    public static JObject Data(DocumentAnalysis analysis, GrassStyle style)
    {
        var doc = analysis.Document;
        var text = doc.Text;
        var shown = Layout(analysis, out var dropped);
        var mentionIndex = new Dictionary<TextSpan, int>();
        var mentions = new JArray();
        for (int i = 0; i < shown.Count; i++)
        {
            var m = shown[i].Mention;
            mentionIndex[m.Span] = i;
            // A linked mention shows its entity's type, so every mention of one entity looks the same.
            var entity = shown[i].Entity >= 0 ? analysis.Entities[shown[i].Entity] : null;
            mentions.Add(new JObject
            {
                ["start"] = m.Span.Start,
                ["end"] = m.Span.End,
                ["type"] = (entity?.Type ?? m.Type).ToString(),
                ["fine"] = entity is null ? m.FineType : entity.FineTypes.LastOrDefault(),
                ["kind"] = m.Kind.ToString(),
                ["entity"] = shown[i].Entity,
                ["sentence"] = m.SentenceIndex,
            });
        }

        var entities = new JArray();
        foreach (var e in analysis.Entities)
        {
            var s = style.NodeStyleFor(new[] { OntologySchema.EntityLabel, e.Type.ToString() }.Concat(e.FineTypes));
            entities.Add(new JObject
            {
                ["name"] = e.Name,
                ["type"] = e.Type.ToString(),
                ["fine"] = new JArray(e.FineTypes),
                ["aliases"] = new JArray(e.Aliases),
                ["attributes"] = new JObject(e.Attributes.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new JProperty(kv.Key, kv.Value))),
                ["mentions"] = new JArray(e.Mentions.Where(m => mentionIndex.ContainsKey(m.Span)).Select(m => mentionIndex[m.Span]).Distinct()),
                ["color"] = s.Color,
                ["border"] = s.BorderColor,
            });
        }

        var types = new JObject();
        foreach (var t in Enum.GetValues<EntityType>())
        {
            var s = style.NodeStyleFor(new[] { OntologySchema.EntityLabel, t.ToString() });
            types[t.ToString()] = new JObject { ["color"] = s.Color, ["border"] = s.BorderColor };
        }

        var relations = new JArray();
        var relationsOf = new Dictionary<int, List<int>>();
        for (int i = 0; i < analysis.Relations.Count; i++)
        {
            var r = analysis.Relations[i];
            if (!relationsOf.TryGetValue(r.SentenceIndex, out var list)) relationsOf[r.SentenceIndex] = list = new List<int>();
            list.Add(i);
            relations.Add(new JObject
            {
                ["subject"] = r.Subject,
                ["object"] = r.Object,
                ["type"] = r.Type,
                ["category"] = r.Category,
                ["confidence"] = Math.Round(r.Confidence, 2, MidpointRounding.AwayFromZero), // shown with 2 decimals, rounded as kg analyze rounds them
                ["trigger"] = r.Trigger,
                ["triggerStart"] = r.TriggerSpan.Start,
                ["triggerEnd"] = r.TriggerSpan.End,
                ["sentence"] = r.SentenceIndex,
                ["negated"] = r.Negated,
                ["modality"] = r.Modality,
                ["attributedTo"] = r.AttributedTo,
                ["date"] = r.Date,
            });
        }

        var placed = new HashSet<int>();
        var blocks = Blocks(analysis, shown, mentionIndex, relationsOf, placed);
        var notPlaced = dropped.Select(d => d.Mention.Span).Concat(Enumerable.Range(0, shown.Count).Where(i => !placed.Contains(i)).Select(i => shown[i].Mention.Span))
            .OrderBy(sp => sp.Start).ThenBy(sp => sp.End).ToList();
        return new JObject
        {
            ["title"] = doc.Title,
            ["source"] = doc.Source,
            ["date"] = doc.Date,
            ["id"] = doc.Id,
            ["types"] = types,
            ["entities"] = entities,
            ["mentions"] = mentions,
            ["relations"] = relations,
            ["blocks"] = blocks,
            // Mentions that cross another's boundary (or a sentence's) cannot be drawn; the page says how many.
            ["dropped"] = new JArray(notPlaced.Select(sp => new JObject { ["start"] = sp.Start, ["end"] = sp.End })),
        };
    }

    /// <summary>
    /// The text cut into blocks: the gaps between sentences (plain text, where paragraph breaks are) and the sentences,
    /// each a list of parts: a string, or <c>{m: mention, parts: [...]}</c> for a highlighted mention. Concatenating every
    /// string gives back the document text exactly.
    /// </summary>
    private static JArray Blocks(DocumentAnalysis analysis, IReadOnlyList<ShownMention> shown, Dictionary<TextSpan, int> mentionIndex,
        Dictionary<int, List<int>> relationsOf, HashSet<int> placed)
    {
        var text = analysis.Document.Text;
        var blocks = new JArray();
        int pos = 0;
        int next = 0; // next shown mention, in text order
        foreach (var s in analysis.Sentences.OrderBy(s => s.Span.Start))
        {
            if (s.Span.Start < pos || s.Span.End > text.Length) continue;
            if (s.Span.Start > pos) blocks.Add(new JObject { ["gap"] = text[pos..s.Span.Start] });
            // Mentions that start before this sentence (a sentence split inside a name) are shown as plain text.
            while (next < shown.Count && shown[next].Mention.Span.Start < s.Span.Start) next++;
            var parts = Parts(text, s.Span.Start, s.Span.End, shown, ref next, mentionIndex, placed);
            blocks.Add(new JObject
            {
                ["s"] = s.Index,
                ["start"] = s.Span.Start,
                ["parts"] = parts,
                ["rels"] = new JArray(relationsOf.GetValueOrDefault(s.Index, new List<int>())),
            });
            pos = s.Span.End;
        }
        if (pos < text.Length) blocks.Add(new JObject { ["gap"] = text[pos..] });
        return blocks;
    }

    private static JArray Parts(string text, int start, int end, IReadOnlyList<ShownMention> shown, ref int next, Dictionary<TextSpan, int> mentionIndex,
        HashSet<int> placed)
    {
        var parts = new JArray();
        int pos = start;
        while (next < shown.Count && shown[next].Mention.Span.Start < end)
        {
            var span = shown[next].Mention.Span;
            if (span.End > end) { next++; continue; } // crosses the sentence's end: plain text
            if (span.Start > pos) parts.Add(text[pos..span.Start]);
            next++;
            var inner = Parts(text, span.Start, span.End, shown, ref next, mentionIndex, placed);
            placed.Add(mentionIndex[span]);
            parts.Add(new JObject { ["m"] = mentionIndex[span], ["parts"] = inner });
            pos = span.End;
        }
        if (end > pos) parts.Add(text[pos..end]);
        return parts;
    }
}
