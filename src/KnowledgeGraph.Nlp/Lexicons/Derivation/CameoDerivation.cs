namespace KnowledgeGraph.Nlp.Lexicons.Derivation;

/// <summary>What the CAMEO derivation did: patterns compiled, not compiled (by reason), null-coded, and coding no category.</summary>
public sealed record CameoReport(int Blocks, int Verbs, int Patterns, int Compiled, int NullCoded, int NoCategory,
    IReadOnlyList<(string Reason, int Count)> NotCompiled, IReadOnlyList<(string File, int Rows)> Files);

/// <summary>
/// Derives the event lexicon from PETRARCH2's CAMEO verb dictionary and PLOVER's CAMEO-to-PLOVER table:
/// cameo_verbs.tsv (every verb and phrasal verb with its forms, block and code), cameo_rules.tsv (every pattern that
/// compiles to constraints on a verb's dependents), cameo_classes.tsv (the synonym sets, expanded), and
/// cameo_plover.tsv (CAMEO code -> our category, PLOVER mode and context; CC BY-SA 4.0 like its source).
/// </summary>
public static class CameoDerivation
{
    public const string VerbsFile = "cameo_verbs.tsv";
    public const string RulesFile = "cameo_rules.tsv";
    public const string ClassesFile = "cameo_classes.tsv";
    public const string PloverFile = "cameo_plover.tsv";

    public static readonly string[] VerbColumns = { "lemma", "forms", "block", "code" };
    public static readonly string[] ClassColumns = { "class", "phrase" };

    public static CameoReport Derive(string cameoFile, string ploverFile, string outDir)
    {
        var dict = CameoReader.Read(cameoFile);
        var plover = PloverTable.Read(ploverFile);
        var table = plover.ToDictionary(r => r.Code, StringComparer.Ordinal);

        var verbRows = new List<IReadOnlyList<string>>();
        var rules = new List<CameoRule>();
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int patterns = 0, nullCoded = 0, noCategory = 0, verbs = 0;
        foreach (var block in dict.Blocks)
        {
            foreach (var v in block.Verbs)
            {
                verbs++;
                verbRows.Add(new[] { v.Lemma, TsvFile.JoinList(v.Forms), block.Name, v.Code ?? block.Code });
            }
            foreach (var p in block.Patterns)
            {
                patterns++;
                var (rule, reason) = CameoCompiler.Compile(block, p, dict.SynonymSets);
                if (rule is null) { reasons[reason!] = reasons.GetValueOrDefault(reason!) + 1; continue; }
                rules.Add(rule);
                if (rule.Code == "---") nullCoded++;
                else if (rule.Code.Length > 0 && PloverTable.Find(table, rule.Code) is null) noCategory++;
            }
        }
        var classRows = dict.SynonymSets.SelectMany(kv => kv.Value.Select(p => (IReadOnlyList<string>)new[] { kv.Key, p })).ToList();

        var files = new List<(string, int)>();
        TsvFile.Write(Path.Combine(outDir, VerbsFile), new[]
        {
            "source: PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt (Open Event Data Alliance, openeventdata/petrarch2); licence: MIT",
            "derived by `kg lexicons`; do not edit by hand. forms: the verb's forms ('|'-separated); code: its own CAMEO code or its block's ('---': the bare verb codes no event).",
        }, VerbColumns, verbRows);
        files.Add((VerbsFile, verbRows.Count));
        TsvFile.Write(Path.Combine(outDir, RulesFile), new[]
        {
            "source: PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt (Open Event Data Alliance, openeventdata/petrarch2); licence: MIT",
            "derived by `kg lexicons`; do not edit by hand. One compiled pattern a line, for every verb of its block (docs/lexicons.md, 'CAMEO event rules').",
            "subject/object: noun phrase alternatives ('|'), last word the head lemma, '&SET' a synonym set of cameo_classes.tsv; particle: compound:prt;",
            "preps: ';'-separated prep=alternatives (empty: any object, '$'/'+': the source/target is there); source/target: subj, obj or prep:<p>; code '---': blocks the verb.",
        }, CameoRule.Columns, rules.Select(r => r.ToCells()));
        files.Add((RulesFile, rules.Count));
        TsvFile.Write(Path.Combine(outDir, ClassesFile), new[]
        {
            "source: PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt, synonym sets (mostly from WordNet); licence: MIT",
            "derived by `kg lexicons`; do not edit by hand. Regular plurals generated as PETRARCH does.",
        }, ClassColumns, classRows);
        files.Add((ClassesFile, classRows.Count));
        TsvFile.Write(Path.Combine(outDir, PloverFile), new[]
        {
            "source: PLOVER CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, manual draft 0.8); licence: CC BY-SA 4.0 (this derived table stays CC BY-SA 4.0)",
            "derived by `kg lexicons`; do not edit by hand. category in our names (REQUEST -> DEMAND, ACCUSE -> DISAPPROVE or INVESTIGATE for CAMEO 09, CAMEO 19 -> FIGHT); 02 (appeal) added as DEMAND.",
        }, PloverRow.Columns, plover.Select(r => r.ToCells()));
        files.Add((PloverFile, plover.Count));
        return new CameoReport(dict.Blocks.Count, verbs, patterns, rules.Count, nullCoded, noCategory,
            reasons.Select(kv => (kv.Key, kv.Value)).ToList(), files);
    }
}
