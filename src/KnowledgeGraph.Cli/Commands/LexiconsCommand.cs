using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Lexicons.Derivation;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg lexicons</c>: regenerates the derived gazetteers from the shared source data.</summary>
public sealed class LexiconsCommand : ICommand
{
    public string Name => "lexicons";
    public string Summary => "regenerate the derived gazetteers (countries, organisations, armed groups, agents) and the CAMEO event lexicon";
    public string Help => """
        kg lexicons: regenerate the derived gazetteer files from the shared source data.

        Usage: kg lexicons [--data <gazetteers dir>] --out <dir> [--hand-written <dir>] [--treebank <file>]

          --data <dir>          the shared data/gazetteers folder (countries/, petrarch2/, ucdp/);
                                default: gazetteers in the shared data folder ($KG_SHARED_DATA or shared/data above here)
          --out <dir>           where countries.tsv, organisations.tsv, armed_groups.tsv, agents.tsv, common_words.tsv, given_names.tsv
                                and the event lexicon (cameo_verbs.tsv, cameo_rules.tsv, cameo_classes.tsv,
                                cameo_plover.tsv) are written, e.g. src/KnowledgeGraph.Nlp/Resources/lexicons
          --hand-written <dir>  folder with org_keywords.tsv and titles.tsv (default: --out if it has them,
                                else the lexicons shipped with kg)
          --treebank <file>     UD English EWT training CoNLL-U, used to know common English words
                                (default: ../ud-english-ewt/en_ewt-ud-train.conllu beside --data)

        The event lexicon comes from petrarch2/CAMEO.2.0.txt under --data and plover/CAMEO2PLOVER-2021.txt beside it;
        the command prints how many CAMEO patterns compiled and why the others did not.
        The output is deterministic: the same sources give byte-identical files.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, new[] { "data", "out", "hand-written", "treebank" }, Array.Empty<string>());
        if (a.Positionals.Count > 0) throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        var data = a.Value("data") ?? Path.Combine(DataPaths.RequireSharedData(), "gazetteers");
        if (!Directory.Exists(data)) throw new UserErrorException($"{data}: gazetteers folder not found");
        var output = a.Require("out");
        var handWritten = a.Value("hand-written")
            ?? (File.Exists(Path.Combine(output, LexiconSet.OrgKeywordsFile)) && File.Exists(Path.Combine(output, LexiconSet.TitlesFile)) ? output : LexiconSet.DefaultDirectory);
        var report = LexiconDerivation.Derive(data, handWritten, output, a.Value("treebank"));
        foreach (var (file, rows) in report.Files) context.Out.WriteLine($"{Path.Combine(output, file)}: {rows} rows");
        if (report.Cameo is { } c)
        {
            context.Out.WriteLine($"CAMEO: {c.Blocks} verb blocks, {c.Verbs} verbs, {c.Patterns} patterns: {c.Compiled} compiled "
                                  + $"({c.NullCoded} null-coded, {c.NoCategory} coding no PLOVER category), {c.Patterns - c.Compiled} not compiled");
            foreach (var (reason, count) in c.NotCompiled) context.Out.WriteLine($"  not compiled, {reason}: {count}");
        }
        return 0;
    }
}
