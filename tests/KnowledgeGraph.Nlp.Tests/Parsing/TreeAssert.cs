using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Tagging;

namespace KnowledgeGraph.Nlp.Tests.Parsing;

/// <summary>Helpers shared by the parser tests: tree checks, hand-written trees and the shared treebank.</summary>
internal static class TreeAssert
{
    /// <summary>Why <paramref name="heads"/> is not a tree with one root, or null when it is.</summary>
    public static string? TreeProblem(IReadOnlyList<int> heads)
    {
        int roots = heads.Count(h => h == -1);
        if (heads.Count > 0 && roots != 1) return $"{roots} roots";
        for (int i = 0; i < heads.Count; i++)
        {
            if (heads[i] < -1 || heads[i] >= heads.Count || heads[i] == i) return $"word {i} has head {heads[i]}";
            int k = i, steps = 0;
            while (k >= 0 && steps++ <= heads.Count) k = heads[k];
            if (k >= 0) return $"word {i} is on a cycle";
        }
        return null;
    }

    /// <summary>
    /// A sentence written "word/TAG/head/relation ..." with 1-based heads (0 = root), as in CoNLL-U.
    /// </summary>
    public static TreebankSentence Tree(string text)
    {
        var items = text.Split(' ').Select(t => t.Split('/')).ToArray();
        return new TreebankSentence(items.Select(i => i[0]).ToArray(), items.Select(i => i[1]).ToArray(), items.Select(i => i[1]).ToArray(),
            items.Select(i => i[0].ToLowerInvariant()).ToArray(), items.Select(i => int.Parse(i[2], System.Globalization.CultureInfo.InvariantCulture) - 1).ToArray(),
            items.Select(i => i[3]).ToArray());
    }

    public static readonly TreebankSentence[] Tiny =
    [
        Tree("The/DT/2/det dog/NN/3/nsubj chased/VBD/0/root the/DT/5/det cat/NN/3/obj ././3/punct"),
        Tree("The/DT/2/det cat/NN/4/nsubj:pass was/VBD/4/aux:pass chased/VBN/0/root by/IN/7/case the/DT/7/det dog/NN/4/obl:agent ././4/punct"),
        Tree("Anna/NNP/2/nsubj gave/VBD/0/root up/RP/2/compound:prt her/PRP$/5/nmod:poss plan/NN/2/obj and/CC/7/cc left/VBD/2/conj ././2/punct"),
        Tree("The/DT/2/det man/NN/6/nsubj who/WP/4/nsubj left/VBD/2/acl:relcl was/VBD/6/cop tall/JJ/0/root ././6/punct"),
        // crossing arcs: "A hearing is scheduled on the issue today": "on the issue" depends on "hearing"
        Tree("A/DT/2/det hearing/NN/4/nsubj:pass is/VBZ/4/aux:pass scheduled/VBN/0/root on/IN/7/case the/DT/7/det issue/NN/2/nmod today/NN/4/obl:tmod ././4/punct"),
    ];

    /// <summary>The shared UD English EWT file, or null (the test is then skipped with a reason).</summary>
    public static string? Ewt(string split)
    {
        var shared = DataPaths.FindSharedData();
        var path = shared is null ? null : Path.Combine(shared, "ud-english-ewt", $"en_ewt-ud-{split}.conllu");
        return path is not null && File.Exists(path) ? path : null;
    }

    public static string RequireEwt(string split)
    {
        var path = Ewt(split);
        if (path is null) Assert.Ignore($"UD English EWT ({split}) not found under ../shared/data or $KG_SHARED_DATA: skipped");
        return path!;
    }
}
