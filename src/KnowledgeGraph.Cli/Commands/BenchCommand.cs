using System.Globalization;
using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;
using KnowledgeGraph.Evaluation.Benchmarking;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Nlp;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// <c>kg bench</c>: measures the real build (the code path of <c>kg build</c>) over real English text assembled at run
/// time from the shared data, once per text, size and thread count, each in its own child process. The corpora,
/// child-process measurement, report and stage profile are in KnowledgeGraph.Evaluation's Benchmarking folder; this
/// command parses options and composes them with the build.
/// </summary>
public sealed class BenchCommand : ICommand
{
    private const double Megabyte = 1024 * 1024;

    public string Name => "bench";
    public string Summary => "Measure build throughput and peak memory on real text from the shared data";
    public string Help => """
        Usage: kg bench [--text web|news|both] [--mb <sizes>] [--article-mb <sizes>] [--threads-list <counts>]
                        [--data <dir>] [--seeds <dir>] [--out <dir>] [--repeat <n>] [--profile]

        Assembles real English text at run time from the shared data (never stored in the repository) and runs
        the real build ('kg build' code path) once per text, size and thread count, each in a child process.
        Prints Markdown tables: words/s, documents/s, MB/s, elapsed and CPU time, pipeline load time, peak working
        set, allocated and retained memory; checks that the graph files are byte-identical across thread counts.

        Texts (--text, default both; each gets its own table):
          web    UD English Web Treebank sentences (blogs, reviews, e-mail) grouped into ~500-word articles at
                 document boundaries, plus the re3d development documents
          news   the re3d development documents (CENTCOM, US State Department releases) and the seed article(s)
        Each is repeated with a counter until the size is reached.

        Options:
          --mb <sizes>           comma-separated corpus sizes in MiB of article text (default: 5; 0 for none)
          --article-mb <sizes>   also build ONE article of each size (MiB) of news prose on one thread: the seed
                                 article(s) and re3d documents one after the other, repeated (e.g. 0.25,1,4,10);
                                 with --article-mb alone, --mb defaults to 0
          --threads-list <list>  comma-separated thread counts (default: 1,<all cores>)
          --data <dir>           the shared data folder (default: found above the current directory, or $KG_SHARED_DATA)
          --seeds <dir>          the seed articles for the news text (default: seeds/ beside the shared data, or ./seeds)
          --out <dir>            where to write the corpora and the graphs (default: a temporary folder, deleted)
          --repeat <n>           run each row n times and report the fastest run (default: 1)
          --write-corpus <file>  only write the first --text (web when both) at the first --mb size to <file> (JSON lines) and stop
          --profile              also time each pipeline stage on one thread and print where the time goes
          --resources <dir>      folder with models/, lexicons/ and rules/ (default: the program's resources/)
          --relations <r>        relation reader of the measured build: rules, surface or both (default: as kg build)

        Words are tokens that start with a letter or digit, counted the way 'kg build' counts them.
        (kg bench --child <corpus.jsonl> --threads <n> --out <dir> is the measured build each row runs in its own process.)
        Run it in Release: dotnet run -c Release --project src/KnowledgeGraph.Cli -- bench
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Contains("--child")) return RunChild(args, context);
        var a = CommandArgs.Parse(args, new[] { "mb", "article-mb", "text", "threads-list", "data", "seeds", "out", "resources", "repeat", "write-corpus", "relations" }, new[] { "profile" });
        if (a.Positionals.Count > 0) throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        var articleSizes = a.Value("article-mb") is { } am ? Sizes(am, "article-mb") : new List<double>();
        var sizes = Sizes(a.Value("mb") ?? (articleSizes.Count > 0 ? "0" : "5"), "mb");
        if (sizes.Count == 0 && articleSizes.Count == 0) throw new UsageException("give corpus sizes (--mb) or article sizes (--article-mb) above 0");
        var texts = (a.Value("text") ?? "both") switch
        {
            "web" => new[] { BenchText.Web },
            "news" => new[] { BenchText.News },
            "both" => new[] { BenchText.Web, BenchText.News },
            var t => throw new UsageException($"--text must be web, news or both, not '{t}'"),
        };
        var threadCounts = ParseList(a.Value("threads-list") ?? $"1,{Environment.ProcessorCount}", "threads-list",
            s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (threadCounts.Any(t => t < 1 || t > 1024)) throw new UsageException("--threads-list needs whole numbers between 1 and 1024");
        int repeat = a.Int("repeat", 1, 1, 100);
        var data = a.Value("data") ?? DataPaths.RequireSharedData();
        if (!Directory.Exists(data)) throw new UserErrorException($"{data}: no such folder (give the shared data folder with --data)");
        var seeds = a.Value("seeds") ?? BenchCorpus.FindSeeds(data);
        if (seeds is not null && !Directory.Exists(seeds)) throw new UserErrorException($"{seeds}: no such folder (give the seed articles' folder with --seeds)");

        if (a.Value("write-corpus") is { } corpusFile)
        {
            // Only the text: for benchmarks run by hand or by a script (docs/benchmarks.md, sharded builds).
            if (sizes.Count == 0) throw new UsageException("--write-corpus needs a size (--mb)");
            var written = BenchCorpus.Write(data, texts[0], seeds, (long)(sizes[0] * Megabyte), corpusFile);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{corpusFile}: {written.Articles} articles, {written.TextBytes} bytes of text"));
            return 0;
        }

        bool temporary = a.Value("out") is null;
        var outDir = a.Value("out") ?? Path.Combine(Path.GetTempPath(), "kg-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(outDir);
        try
        {
            bool allIdentical = true;
            BenchReport.WriteHeader(context.Out, $"kg bench {string.Join(' ', args)}", MachineInfo.IsOptimized(typeof(BenchCommand).Assembly),
                MachineInfo.CodeGeneration(typeof(BenchCommand).Assembly));
            string? firstCorpus = null;
            foreach (var text in sizes.Count == 0 ? Array.Empty<BenchText>() : texts)
            {
                var rows = new List<BenchRow>();
                var identity = new List<string>();
                foreach (var mb in sizes)
                {
                    var label = $"{text.ToString().ToLowerInvariant()}-{mb.ToString("0.##", CultureInfo.InvariantCulture)}mb";
                    var corpusPath = Path.Combine(outDir, $"corpus-{label}.jsonl");
                    firstCorpus ??= corpusPath;
                    var stats = BenchCorpus.Write(data, text, seeds, (long)(mb * Megabyte), corpusPath);
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"kg bench: {corpusPath}: {stats.Articles} articles, {stats.TextBytes / Megabyte:0.00} MiB of text ({stats.Copies} pass(es) over the sources)"));
                    var graphDirs = new List<(int Threads, string Dir)>();
                    foreach (var t in threadCounts)
                    {
                        var graphDir = Path.Combine(outDir, $"graph-{label}-t{t}");
                        context.Error.WriteLine($"kg bench: building {label} with {t} thread(s) ...");
                        rows.Add(Measured(mb, stats, corpusPath, t, graphDir, ChildOptions(a), repeat));
                        graphDirs.Add((t, graphDir));
                    }
                    if (graphDirs.Count > 1) allIdentical &= CheckIdentical(label, graphDirs, identity);
                }
                BenchReport.WriteCorpusTable(context.Out, text == BenchText.Web ? "Web text (UD EWT and re3d)" : "News (re3d and the seed)", BenchCorpus.Describe(text), rows, identity);
            }
            if (articleSizes.Count > 0)
            {
                var rows = new List<BenchRow>();
                foreach (var mb in articleSizes)
                {
                    var label = $"article-{mb.ToString("0.##", CultureInfo.InvariantCulture)}mb";
                    var corpusPath = Path.Combine(outDir, $"{label}.jsonl");
                    var stats = BenchCorpus.WriteLongArticle(data, seeds, (long)(mb * Megabyte), corpusPath);
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kg bench: {corpusPath}: one article of {stats.TextBytes / Megabyte:0.00} MiB; building on 1 thread ..."));
                    rows.Add(Measured(mb, stats, corpusPath, 1, Path.Combine(outDir, $"graph-{label}"), ChildOptions(a), repeat));
                }
                BenchReport.WriteLongArticleTable(context.Out, rows);
            }
            BenchReport.WriteNotes(context.Out);
            if (a.Flag("profile") && firstCorpus is not null)
            {
                var schema = OntologySchema.LoadDefault();
                var profileDir = Path.Combine(outDir, "graph-profile");
                StageProfile.Run(firstCorpus, a.Value("resources"), graph =>
                {
                    Directory.CreateDirectory(profileDir);
                    GraphFiles.WriteAll(graph.Snapshot, schema, profileDir);
                }, context.Out, EvalCommand.ParseReader(a.Value("relations")));
            }
            return allIdentical ? 0 : 1;
        }
        finally
        {
            if (temporary) { try { Directory.Delete(outDir, recursive: true); } catch (IOException) { } }
        }
    }

    private static List<double> Sizes(string value, string option)
    {
        var sizes = ParseList(value, option, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
        if (sizes.Any(v => v < 0 || v > 4096)) throw new UsageException($"--{option} needs sizes between 0 and 4096");
        return sizes.Where(v => v > 0).ToList();
    }

    /// <summary>
    /// With --repeat, the fastest run stands for the configuration: on a shared machine other work only ever slows a run
    /// down, so the minimum is the least disturbed figure; the spread is shown beside it.
    /// </summary>
    /// <summary>The options the parent passes on to each measured child (resources folder, relation reader).</summary>
    private static string[] ChildOptions(CommandArgs a)
    {
        var options = new List<string>();
        if (a.Value("resources") is { } resources) options.AddRange(new[] { "--resources", resources });
        if (a.Value("relations") is { } reader) { EvalCommand.ParseReader(reader); options.AddRange(new[] { "--relations", reader }); }
        return options.ToArray();
    }

    private static BenchRow Measured(double mb, BenchCorpus.Stats stats, string corpus, int threads, string graphDir, string[] childOptions, int repeat)
    {
        var (file, prefix) = SelfCommand();
        var arguments = prefix.Concat(new[] { "bench", "--child", corpus, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", graphDir })
            .Concat(childOptions).ToList();
        var runs = Enumerable.Range(0, repeat).Select(_ => BenchRun.RunChild(file, arguments, $"{corpus} (threads {threads})"))
            .OrderBy(r => r.BuildSeconds).ToList();
        return new BenchRow(mb, stats, runs[0], runs[0].BuildSeconds, runs[^1].BuildSeconds);
    }

    private static readonly string[] GraphFileNames = { "graph.jsonl", "graph.graphml", "graph.cypher" };

    private static bool CheckIdentical(string label, List<(int Threads, string Dir)> graphDirs, List<string> identity)
    {
        var differing = GraphFileNames.Where(f => graphDirs.Skip(1).Any(g => !SameBytes(Path.Combine(graphDirs[0].Dir, f), Path.Combine(g.Dir, f)))).ToList();
        identity.Add(differing.Count == 0
            ? $"{label}: graph.jsonl, graph.graphml and graph.cypher are byte-identical for threads {string.Join(", ", graphDirs.Select(g => g.Threads))}."
            : $"{label}: DIFFERENT output across thread counts in {string.Join(", ", differing)}.");
        return differing.Count == 0;
    }

    private static List<T> ParseList<T>(string value, string option, Func<string, T> parse)
    {
        try { return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToList(); }
        catch (FormatException) { throw new UsageException($"option '--{option}' needs a comma-separated list of numbers, got '{value}'"); }
        catch (OverflowException) { throw new UsageException($"option '--{option}' has a number out of range: '{value}'"); }
    }

    private static bool SameBytes(string a, string b) =>
        File.Exists(a) && File.Exists(b) && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    /// <summary>How to start this program again: the apphost itself, or <c>dotnet kg.dll</c>.</summary>
    private static (string File, string[] Prefix) SelfCommand()
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var name = Path.GetFileNameWithoutExtension(processPath);
        if (string.Equals(name, "kg", StringComparison.Ordinal)) return (processPath, Array.Empty<string>());
        var dll = typeof(BenchCommand).Assembly.Location;
        var dotnet = string.Equals(name, "dotnet", StringComparison.Ordinal) ? processPath
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return (dotnet, new[] { "exec", dll });
    }

    /// <summary>The child: one build through the real build code path, measured by <see cref="BenchRun.Measure"/>.</summary>
    private static int RunChild(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, new[] { "threads", "out", "resources", "relations" }, new[] { "child" });
        if (a.Positionals.Count != 1) throw new UsageException("--child needs exactly one corpus file");
        int threads = a.Int("threads", 1, 1, 1024);
        var outDir = a.Require("out");
        var corpus = a.Positionals[0];
        var schema = OntologySchema.LoadDefault();
        var lexicons = GraphLexicons.Load(a.Value("resources"));
        BenchRun.Measure(corpus, threads,
            () => ExtractionPipeline.Load(new PipelineOptions { ResourcesDirectory = a.Value("resources"), Allows = schema.Allows, Relations = EvalCommand.ParseReader(a.Value("relations")) }),
            pipeline =>
            {
                var failures = 0;
                // the corpus is ours: its long articles (--article-mb up to 4096) must not meet kg build's default size limit
                var inputs = new InputOptions { MaxArticleBytes = 8L * 1024 * 1024 * 1024 };
                var result = GraphBuild.Run(pipeline, schema, new[] { corpus }, inputs, TextReader.Null, threads, _ => failures++, progress: null,
                    lexicons: lexicons);
                return new BuildOutcome(result.Graph, result.Statistics.Documents, result.Words, result.Elapsed.TotalSeconds, failures);
            },
            graph =>
            {
                Directory.CreateDirectory(outDir);
                GraphFiles.WriteAll(graph.Snapshot, schema, outDir);
            },
            context.Out);
        return 0;
    }
}
