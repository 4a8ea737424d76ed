using KnowledgeGraph.Core;
using KnowledgeGraph.Evaluation;
using KnowledgeGraph.Evaluation.Plover;
using KnowledgeGraph.Evaluation.Re3d;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg eval re3d|plover</c>: runs the extraction pipeline over gold data and prints precision, recall and F1.</summary>
public sealed class EvalCommand : ICommand
{
    private readonly Func<bool, Nlp.RelationReader, IDocumentAnalyzer> _analyzerFactory;

    /// <param name="analyzerFactory">Builds the analyzer to measure (its argument: use the statistical recogniser);
    /// tests pass a fake. Default: the product pipeline.</param>
    public EvalCommand(Func<bool, IDocumentAnalyzer>? analyzerFactory = null)
    {
        _analyzerFactory = analyzerFactory is null ? DefaultAnalyzer : (r, _) => analyzerFactory(r);
    }

    // pipeline factory: the one place that says which analyzer `kg eval` measures.
    private static IDocumentAnalyzer DefaultAnalyzer(bool useRecognizer, Nlp.RelationReader relations) =>
        Nlp.ExtractionPipeline.Load(new Nlp.PipelineOptions { Allows = Graph.OntologySchema.LoadDefault().Allows, UseRecognizer = useRecognizer, Relations = relations });

    public string Name => "eval";
    public string Summary => "measure extraction against gold data (re3d, PLOVER)";
    public string Help => """
        Usage: kg eval re3d   [--data <dir>] [--half tune|check|all] [--out <report.json>] [--misses N] [--min-confidence X] [--threads N] [--no-recognizer] [--relations R]
                              [--min-edge-confidence X] [--edge-confidence-sweep]
               kg eval plover [--data <file>] [--half tune|check|all] [--out <report.json>] [--misses N] [--threads N] [--no-recognizer] [--relations R]
                              [--min-edge-confidence X] [--edge-confidence-sweep]

        --relations rules|surface|both chooses the relation reader: the rules over dependency trees (docs/rules.md),
        the surface reader they are to replace (the default, as in kg build), or both.

        --no-recognizer measures the pipeline without the trained named-entity recogniser (gazetteers and naming
        rules only), to show what the model adds.

        Runs the extraction pipeline over gold-annotated text and prints precision, recall and F1.

          re3d     entity mentions (exact, head, lenient overlap = headline) per type, and relations
                   labelled through the re3d -> schema mapping (docs/evaluation.md), overall, by re3d type
                   and by our category; then the first N misses and false edges with their sentences.
          plover   each sentence as one document: actor detection, right category when both actors are
                   found, full (source, category, target) triples, per-category confusion.

        Every run first prints the headline figures of both halves of the dev set and of the whole:
          tune    re3d CENTCOM documents; PLOVER records on odd line numbers. Read its misses while developing.
          check   re3d US State Department documents (and any other source); PLOVER records on even line numbers.
                  A change counts when the check half improves; its misses are not read while developing.
        then the full tables of the half chosen with --half (default: all). Misses and false edges are printed,
        and written by --out, for tune-half documents only.

        Options:
          --half <h>            tune, check or all (default): whose full tables are printed and written by --out
          --show-check-misses   also print the check half's misses (warns: not to be read while developing rules)
          --data <path>         re3d folder (default: re3d-dev in the shared data) or PLOVER .jsonl file
                                (default: plover/plover-dev.jsonl in the shared data)
          --out <file>          also write the full report (every miss) as JSON
          --misses <N>          how many misses and false edges to print (default 10, 0 for none)
          --min-confidence <X>  re3d: drop gold rows below this confidence (default 0: only rejects dropped)
          --min-edge-confidence <X>
                                score only the edges kg build of each document alone keeps: the relations of each
                                document's edges whose confidence is at or above X (default 0.2, as kg build;
                                0 scores every edge)
          --edge-confidence-sweep
                                first print the relation figures of both halves with the edges gated at 0, 0.2, 0.3,
                                0.4 and 0.5 (re3d: P/R/F1; PLOVER: P = gold category among the predicted ones, of the
                                sentences with a prediction, R = full triples); one analysis serves every row
          --threads <N>         documents analysed in parallel (default: all cores); output does not depend on it
        """;

    /// <summary>The relation reader an option names (rules, surface or both; default: the pipeline's default).</summary>
    internal static Nlp.RelationReader ParseReader(string? value) => value switch
    {
        null => new Nlp.PipelineOptions().Relations,
        "surface" => Nlp.RelationReader.Surface,
        "rules" => Nlp.RelationReader.Rules,
        "both" => Nlp.RelationReader.Both,
        var other => throw new UsageException($"unknown relation reader '{other}'; use rules, surface or both"),
    };

    /// <summary>The edge gates <c>--edge-confidence-sweep</c> scores.</summary>
    private static readonly double[] SweepThresholds = [0, 0.2, 0.3, 0.4, 0.5];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, new[] { "data", "out", "misses", "min-confidence", "threads", "half", "relations", "min-edge-confidence" },
            new[] { "no-recognizer", "show-check-misses", "edge-confidence-sweep" });
        bool useRecognizer = !a.Flag("no-recognizer");
        if (a.HelpRequested) { context.Out.Write(Help); return 0; }
        if (a.Positionals.Count != 1) throw new UsageException("say what to evaluate: 're3d' or 'plover'");
        int misses = a.Int("misses", 10, 0, 100_000);
        int threads = a.Int("threads", 0, 0, 1024);
        var outPath = a.Value("out");
        DevHalf half;
        try { half = DevSplit.Parse(a.Value("half")); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
        bool checkMisses = a.Flag("show-check-misses");
        var relations = ParseReader(a.Value("relations"));
        double minEdge = a.Fraction("min-edge-confidence", Graph.EdgeConfidence.DefaultMinimum);
        bool sweep = a.Flag("edge-confidence-sweep");
        if (checkMisses)
            context.Error.WriteLine("kg eval: warning: printing misses of the check half; do not read them while developing rules (docs/evaluation.md)");
        switch (a.Positionals[0])
        {
            case "re3d":
            {
                double minConfidence = a.Fraction("min-confidence");
                var corpus = Re3dReader.Read(a.Value("data") ?? Re3dReader.DefaultDirectory(), minConfidence);
                var analyses = Analysis.AnalyzeAll(_analyzerFactory(useRecognizer, relations), Re3dEvaluator.Documents(corpus), threads, context.Cancellation);
                if (sweep) ReportWriter.WriteRe3dSweep(context.Out, SweepThresholds.Select(m => (m, DevSplit.ScoreRe3d(corpus, analyses, m))));
                var halves = DevSplit.ScoreRe3d(corpus, analyses, minEdge);
                ReportWriter.WriteRe3dHalves(context.Out, halves);
                var report = halves.Of(half);
                if (!checkMisses) report = DevSplit.WithoutCheckMisses(report, corpus);
                context.Out.WriteLine($"Half: {DevSplit.Name(half)}" + (checkMisses ? "" : " (misses of tune-half documents only)"));
                ReportWriter.WriteRe3d(context.Out, report, misses);
                if (outPath is not null) ReportWriter.WriteJson(outPath, report);
                return 0;
            }
            case "plover":
            {
                if (a.Value("min-confidence") is not null) throw new UsageException("option '--min-confidence' applies to re3d only");
                var records = PloverReader.Read(a.Value("data") ?? PloverReader.DefaultFile());
                var analyses = DevSplit.AnalyzePlover(_analyzerFactory(useRecognizer, relations), records, threads, context.Cancellation);
                if (sweep) ReportWriter.WritePloverSweep(context.Out, SweepThresholds.Select(m => (m, DevSplit.ScorePlover(records, analyses, m))));
                var halves = DevSplit.ScorePlover(records, analyses, minEdge);
                ReportWriter.WritePloverHalves(context.Out, halves);
                var report = halves.Of(half);
                if (!checkMisses) report = DevSplit.WithoutCheckMisses(report, records, half);
                context.Out.WriteLine($"Half: {DevSplit.Name(half)}" + (checkMisses ? "" : " (misses of tune-half sentences only)"));
                ReportWriter.WritePlover(context.Out, report, misses);
                if (outPath is not null) ReportWriter.WriteJson(outPath, report);
                return 0;
            }
            default:
                throw new UsageException($"unknown gold set '{a.Positionals[0]}'; use 're3d' or 'plover'");
        }
    }
}
