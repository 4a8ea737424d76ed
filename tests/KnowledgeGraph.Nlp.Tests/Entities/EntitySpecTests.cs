using System.Text.RegularExpressions;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Tests.Entities;

/// <summary>One case of Entities/Specs/*.md: a text of our own and what the entity stage must (and must not) make of it.</summary>
public sealed record EntitySpecCase(string File, string Name, string Text, IReadOnlyList<string> Expectations, string? Known = null)
{
    public override string ToString() => $"{File}: {Name}";
}

/// <summary>
/// The entity specs: each "## name" section has a text ("> ..." lines, joined by line breaks) and expectations:
/// <c>+ entity: Name (Type[:Fine])</c> an entity so named and typed exists; <c>+ attr: Name key=value</c> it has the attribute;
/// <c>+ alias: Name = form</c> the form is among its aliases; <c>! entity: form</c> no entity has that name or alias;
/// <c>! entity: Name (Type[:Fine])</c> no entity so named has that type (and label);
/// <c>+ same: A = B</c> one entity holds both forms; <c>! same: A = B</c> no entity holds both;
/// <c>+ edge: A -[TYPE]-> B</c> and <c>! edge: ...</c> a relation between the entities so named;
/// <c>+ mention: Name = form</c> (and <c>!</c>) the entity so named has (has not) a mention written so.
/// A line <c>~ known: reason</c> marks the case a known regression of the recogniser (the rule under test still works
/// when the name is found, shown by a sibling case): the case must then FAIL, and the test fails with "now passes:
/// remove the known marker" the day every expectation holds again.
/// </summary>
public sealed class EntitySpecTests
{
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipeline.Load());

    public static IEnumerable<TestCaseData> Cases()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Entities", "Specs");
        foreach (var file in Directory.GetFiles(dir, "*.md").OrderBy(f => f, StringComparer.Ordinal))
        {
            string? name = null;
            var text = new List<string>();
            var expect = new List<string>();
            string? known = null;
            IEnumerable<TestCaseData> Flush()
            {
                if (name is not null && text.Count > 0)
                    yield return new TestCaseData(new EntitySpecCase(Path.GetFileName(file), name, string.Join('\n', text), expect.ToList(), known))
                        .SetName($"entities: {Path.GetFileNameWithoutExtension(file)}: {name}");
            }
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    foreach (var c in Flush()) yield return c;
                    name = line[3..].Trim(); text.Clear(); expect.Clear(); known = null;
                }
                else if (line.StartsWith("> ", StringComparison.Ordinal) || line == ">") text.Add(line.Length > 2 ? line[2..] : "");
                else if (line.StartsWith("+ ", StringComparison.Ordinal) || line.StartsWith("! ", StringComparison.Ordinal)) expect.Add(line);
                else if (line.StartsWith("~ known: ", StringComparison.Ordinal)) known = line["~ known: ".Length..].Trim();
            }
            foreach (var c in Flush()) yield return c;
        }
    }

    private static readonly Regex EntityLine = new(@"^(?<name>.+?) \((?<type>[A-Za-z]+)(:(?<fine>[A-Za-z]+))?\)$");
    private static readonly Regex AttrLine = new(@"^(?<name>.+?) (?<key>[a-z_]+)=(?<value>.+)$");
    private static readonly Regex EdgeLine = new(@"^(?<s>.+?) -\[(?<t>[A-Z_]+)\]-> (?<o>.+)$");

    [TestCaseSource(nameof(Cases))]
    public void Spec(EntitySpecCase spec)
    {
        var failures = Check(spec);
        if (spec.Known is null)
        {
            Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
            return;
        }
        // a known regression of the recogniser: the case must still fail (any expectation), and be unmarked the day it passes
        Assert.That(failures, Is.Not.Empty, $"now passes: remove the known marker ({spec.Known})");
        TestContext.Out.WriteLine($"known regression ({spec.Known}), still failing:\n{string.Join("\n\n", failures)}");
    }

    /// <summary>Every expectation of the case that does not hold, one message each (with the entities found).</summary>
    private static List<string> Check(EntitySpecCase spec)
    {
        var failures = new List<string>();
        void That(bool holds, string message) { if (!holds) failures.Add(message); }
        var analysis = Pipeline.Value.Analyze(Document.Create(spec.Text));
        var entities = analysis.Entities;
        bool Has(DocumentEntity e, string form) => e.Name == form || e.Aliases.Contains(form);
        var report = "entities:\n" + string.Join('\n', entities.Select(e =>
            $"  {e.Name} ({e.Type}:{string.Join(':', e.FineTypes)}) aliases: {string.Join(" | ", e.Aliases)} {string.Join(' ', e.Attributes.Select(a => a.Key + "=" + a.Value))}"))
            + "\nrelations:\n" + string.Join('\n', analysis.Relations.Select(r => $"  {entities[r.Subject].Name} -[{r.Type}]-> {entities[r.Object].Name}"));
        {
            foreach (var line in spec.Expectations)
            {
                bool must = line[0] == '+';
                var body = line[2..];
                int colon = body.IndexOf(": ", StringComparison.Ordinal);
                var (kind, arg) = (body[..colon], body[(colon + 2)..].Trim());
                switch (kind)
                {
                    case "entity" when must:
                        var m = EntityLine.Match(arg);
                        That(m.Success, $"bad spec line: {line}");
                        if (!m.Success) break;
                        var found = entities.Where(e => e.Name == m.Groups["name"].Value).ToList();
                        That(found.Count > 0, $"missing entity: {arg}\n{report}");
                        if (found.Count == 0) break;
                        That(found[0].Type.ToString() == m.Groups["type"].Value, $"type of {arg}\n{report}");
                        if (m.Groups["fine"].Success) That(found[0].FineTypes.Contains(m.Groups["fine"].Value), $"label of {arg}\n{report}");
                        break;
                    case "entity" when EntityLine.Match(arg) is { Success: true } typed:
                        // "! entity: Name (Type[:Fine])": no entity so named has that type (and fine label)
                        That(!entities.Any(e => e.Name == typed.Groups["name"].Value && e.Type.ToString() == typed.Groups["type"].Value
                                                        && (!typed.Groups["fine"].Success || e.FineTypes.Contains(typed.Groups["fine"].Value))),
                            $"must not be so typed: {arg}\n{report}");
                        break;
                    case "entity":
                        That(!entities.Any(e => Has(e, arg)), $"must not be an entity or alias: {arg}\n{report}");
                        break;
                    case "attr":
                        // "Name key=value": the value may have spaces ("country=United States")
                        var am = AttrLine.Match(arg);
                        That(am.Success, $"bad spec line: {line}");
                        if (!am.Success) break;
                        var kv = new[] { am.Groups["key"].Value, am.Groups["value"].Value };
                        var named = am.Groups["name"].Value;
                        That(entities.Any(e => e.Name == named && e.Attributes.TryGetValue(kv[0], out var v) && v == kv[1]) == must, $"{line}\n{report}");
                        break;
                    case "alias":
                    case "same":
                        var pair = arg.Split(" = ");
                        bool one = kind == "alias"
                            ? entities.Any(e => e.Name == pair[0] && e.Aliases.Contains(pair[1]))
                            : entities.Any(e => Has(e, pair[0]) && Has(e, pair[1]));
                        That(one == must, $"{line}\n{report}");
                        break;
                    case "mention":
                        // "+ mention: Name = form": the entity so named has a mention written so (descriptions and pronouns too)
                        var mp = arg.Split(" = ");
                        bool said = entities.Any(e => e.Name == mp[0] && e.Mentions.Any(x => x.Text == mp[1]));
                        That(said == must, $"{line}\n{report}");
                        break;
                    case "edge":
                        var em = EdgeLine.Match(arg);
                        That(em.Success, $"bad spec line: {line}");
                        if (!em.Success) break;
                        bool any = analysis.Relations.Any(r => entities[r.Subject].Name == em.Groups["s"].Value && r.Type == em.Groups["t"].Value
                                                               && entities[r.Object].Name == em.Groups["o"].Value);
                        That(any == must, $"{line}\n{report}");
                        break;
                    default:
                        That(false, $"unknown spec line: {line}");
                        break;
                }
            }
        }
        return failures;
    }
}
