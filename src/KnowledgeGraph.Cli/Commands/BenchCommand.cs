using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using KnowledgeGraph.Core;
using KnowledgeGraph.Core.Inputs;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Nlp;
using KnowledgeGraph.Nlp.Coreference;
using KnowledgeGraph.Nlp.Entities;
using KnowledgeGraph.Nlp.Tagging;
using KnowledgeGraph.Nlp.Tokenization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// <c>kg bench</c>: measures the real build (the code path of <c>kg build</c>) over several MB of real English text
/// assembled at run time from the shared data, once per input size and thread count, each in its own child process
/// so that peak memory belongs to that run alone.
/// </summary>
public sealed class BenchCommand : ICommand
{
    private const string ResultMarker = "KG-BENCH-RESULT ";
    private const double Megabyte = 1024 * 1024;

    public string Name => "bench";
    public string Summary => "Measure build throughput and peak memory on real text from the shared data";
    public string Help => """
        Usage: kg bench [--mb <sizes>] [--threads-list <counts>] [--data <dir>] [--out <dir>] [--profile]

        Assembles real English text at run time from the shared data (never stored in the repository): the
        UD English Web Treebank train/dev/test sentences grouped into ~500-word articles at document
        boundaries, and the re3d development documents, repeated with a counter until the size is reached.
        Writes it as a JSON lines file, then runs the real build ('kg build' code path) once per size and
        thread count, each in a child process, and prints a Markdown table: words/s, documents/s, MB/s,
        elapsed time, pipeline load time, peak working set, allocated and retained memory. It also checks
        that the graph files are byte-identical across thread counts.

        Options:
          --mb <sizes>           comma-separated input sizes in MiB of article text (default: 5)
          --threads-list <list>  comma-separated thread counts (default: 1,<all cores>)
          --data <dir>           the shared data folder (default: found above the current directory, or $KG_SHARED_DATA)
          --out <dir>            where to write the corpus and the graphs (default: a temporary folder, deleted)
          --repeat <n>           run each size and thread count n times and report the fastest run (default: 1)
          --write-corpus <file>  only write the text of the first --mb size to <file> (JSON lines) and stop
          --profile              also time each pipeline stage on one thread and print where the time goes
          --resources <dir>      folder with models/ and lexicons/ (default: the program's resources/)

        Words are tokens that start with a letter or digit, counted the way 'kg build' counts them.
        (kg bench --child <corpus.jsonl> --threads <n> --out <dir> is the measured build each row runs in its own process.)
        Run it in Release: dotnet run -c Release --project src/KnowledgeGraph.Cli -- bench
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Contains("--child")) return RunChild(args, context);
        var a = CommandArgs.Parse(args, new[] { "mb", "threads-list", "data", "out", "resources", "repeat", "write-corpus" }, new[] { "profile" });
        if (a.Positionals.Count > 0) throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        var sizes = ParseList(a.Value("mb") ?? "5", "mb", s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture))
            .Where(v => v > 0 && v <= 4096).ToList();
        if (sizes.Count == 0) throw new UsageException("--mb needs sizes between 0 and 4096");
        var threadCounts = ParseList(a.Value("threads-list") ?? $"1,{Environment.ProcessorCount}", "threads-list",
            s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (threadCounts.Any(t => t < 1 || t > 1024)) throw new UsageException("--threads-list needs whole numbers between 1 and 1024");
        int repeat = a.Int("repeat", 1, 1, 100);
        var data = a.Value("data") ?? DataPaths.RequireSharedData();
        if (!Directory.Exists(data)) throw new UserErrorException($"{data}: no such folder (give the shared data folder with --data)");

        if (a.Value("write-corpus") is { } corpusFile)
        {
            // Only the text: for benchmarks run by hand or by a script (docs/benchmarks.md, sharded builds).
            var written = BenchCorpus.Write(data, (long)(sizes[0] * Megabyte), corpusFile);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{corpusFile}: {written.Articles} articles, {written.TextBytes} bytes of text"));
            return 0;
        }

        bool temporary = a.Value("out") is null;
        var outDir = a.Value("out") ?? Path.Combine(Path.GetTempPath(), "kg-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(outDir);
        try
        {
            var results = new List<(double Mb, BenchCorpus.Stats Corpus, ChildResult Result, double Min, double Max)>();
            bool allIdentical = true;
            var identity = new List<string>();
            foreach (var mb in sizes)
            {
                var label = mb.ToString("0.##", CultureInfo.InvariantCulture);
                var corpusPath = Path.Combine(outDir, $"corpus-{label}mb.jsonl");
                var stats = BenchCorpus.Write(data, (long)(mb * Megabyte), corpusPath);
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"kg bench: {corpusPath}: {stats.Articles} articles, {stats.TextBytes / Megabyte:0.00} MiB of text ({stats.Copies} pass(es) over the sources)"));
                var graphDirs = new List<(int Threads, string Dir)>();
                foreach (var t in threadCounts)
                {
                    var graphDir = Path.Combine(outDir, $"graph-{label}mb-t{t}");
                    context.Error.WriteLine($"kg bench: building {label} MiB with {t} thread(s) ...");
                    // With --repeat, the fastest run stands for the configuration: on a shared machine other work only ever
                    // slows a run down, so the minimum is the least disturbed figure; the spread is shown beside it.
                    var runs = Enumerable.Range(0, repeat).Select(_ => RunChildProcess(corpusPath, t, graphDir, a.Value("resources")))
                        .OrderBy(r => r.BuildSeconds).ToList();
                    results.Add((mb, stats, runs[0], runs[0].BuildSeconds, runs[^1].BuildSeconds));
                    graphDirs.Add((t, graphDir));
                }
                if (graphDirs.Count > 1)
                {
                    var differing = GraphFileNames.Where(f => graphDirs.Skip(1).Any(g => !SameBytes(Path.Combine(graphDirs[0].Dir, f), Path.Combine(g.Dir, f)))).ToList();
                    allIdentical &= differing.Count == 0;
                    identity.Add(differing.Count == 0
                        ? $"{label} MiB: graph.jsonl, graph.graphml and graph.cypher are byte-identical for threads {string.Join(", ", graphDirs.Select(g => g.Threads))}."
                        : $"{label} MiB: DIFFERENT output across thread counts in {string.Join(", ", differing)}.");
                }
            }
            PrintReport(context.Out, args, results, identity);
            if (a.Flag("profile"))
            {
                var corpusPath = Path.Combine(outDir, $"corpus-{sizes[0].ToString("0.##", CultureInfo.InvariantCulture)}mb.jsonl");
                StageProfile.Run(corpusPath, a.Value("resources"), context.Out);
            }
            return allIdentical ? 0 : 1;
        }
        finally
        {
            if (temporary) { try { Directory.Delete(outDir, recursive: true); } catch (IOException) { } }
        }
    }

    private static readonly string[] GraphFileNames = { "graph.jsonl", "graph.graphml", "graph.cypher" };

    private static List<T> ParseList<T>(string value, string option, Func<string, T> parse)
    {
        try { return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToList(); }
        catch (FormatException) { throw new UsageException($"option '--{option}' needs a comma-separated list of numbers, got '{value}'"); }
        catch (OverflowException) { throw new UsageException($"option '--{option}' has a number out of range: '{value}'"); }
    }

    private static bool SameBytes(string a, string b) =>
        File.Exists(a) && File.Exists(b) && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    /// <summary>What one child run measured.</summary>
    private sealed record ChildResult(int Threads, int Documents, long Words, long TextBytes, double LoadSeconds, double BuildSeconds,
        double ExportSeconds, double BuildCpuSeconds, long PeakAfterLoad, long PeakWorkingSet, long Allocated, long RetainedAfterLoad, long RetainedAfterBuild,
        int Entities, int Relationships, int Failures, string LoadAverage);

    private static ChildResult RunChildProcess(string corpus, int threads, string graphDir, string? resources)
    {
        var (file, prefix) = SelfCommand();
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var p in prefix) psi.ArgumentList.Add(p);
        foreach (var p in new[] { "bench", "--child", corpus, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", graphDir })
            psi.ArgumentList.Add(p);
        if (resources is not null) { psi.ArgumentList.Add("--resources"); psi.ArgumentList.Add(resources); }
        using var process = Process.Start(psi) ?? throw new UserErrorException($"{file}: cannot start the benchmark child process");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith(ResultMarker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new UserErrorException($"{corpus}: the benchmark child (threads {threads}) failed with exit code {process.ExitCode}: {stderr.Result.Trim()}");
        return JsonConvert.DeserializeObject<ChildResult>(line[ResultMarker.Length..])!;
    }

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

    /// <summary>The child: one build, measured, result printed as one JSON line.</summary>
    private static int RunChild(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, new[] { "threads", "out", "resources" }, new[] { "child" });
        if (a.Positionals.Count != 1) throw new UsageException("--child needs exactly one corpus file");
        int threads = a.Int("threads", 1, 1, 1024);
        var outDir = a.Require("out");
        var corpus = a.Positionals[0];

        var clock = Stopwatch.StartNew();
        var schema = OntologySchema.LoadDefault();
        var pipeline = ExtractionPipeline.Load(new PipelineOptions { ResourcesDirectory = a.Value("resources"), Allows = schema.Allows });
        var load = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        long retainedAfterLoad = GC.GetTotalMemory(forceFullCollection: true);
        self.Refresh();
        long peakAfterLoad = self.PeakWorkingSet64;

        var failures = 0;
        var cpuBefore = self.TotalProcessorTime;
        var result = GraphBuild.Run(pipeline, schema, new[] { corpus }, new InputOptions(), TextReader.Null, threads, _ => failures++, progress: null);
        // What the build keeps alive at the end (the graph and whatever it holds), measured before export.
        self.Refresh();
        var buildCpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        long retainedAfterBuild = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(pipeline); // or optimised code may let the models go before this measurement
        clock.Restart();
        Directory.CreateDirectory(outDir);
        GraphFiles.WriteAll(result.Graph.Snapshot, schema, outDir);
        var export = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var snapshot = result.Graph.Snapshot;
        var r = new ChildResult(threads, result.Statistics.Documents, result.Words, BenchCorpus.TextBytesOf(corpus), load, result.Elapsed.TotalSeconds,
            export, buildCpu, peakAfterLoad, self.PeakWorkingSet64, GC.GetTotalAllocatedBytes(precise: true), retainedAfterLoad, retainedAfterBuild,
            snapshot.Nodes.Count(n => n.Labels.Contains(OntologySchema.EntityLabel)), result.Graph.Relationships.Count(), failures, LoadAverage());
        GC.KeepAlive(result);
        context.Out.WriteLine(ResultMarker + JsonConvert.SerializeObject(r));
        return 0;
    }

    private static void PrintReport(TextWriter o, IReadOnlyList<string> args,
        IReadOnlyList<(double Mb, BenchCorpus.Stats Corpus, ChildResult Result, double Min, double Max)> results, IReadOnlyList<string> identity)
    {
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine("## kg build throughput and memory");
        o.WriteLine();
        o.WriteLine($"Command: `kg bench {string.Join(' ', args)}`  ");
        o.WriteLine($"Machine: {Environment.ProcessorCount} logical cores ({CpuModel()}), {RamGiB().ToString("0.0", ic)} GiB RAM, {RuntimeInformation.OSDescription.Trim()}  ");
        o.WriteLine($"Runtime: {RuntimeInformation.FrameworkDescription}, {(IsOptimized() ? "Release" : "Debug (unoptimised: use -c Release for real figures)")} build of kg  ");
        o.WriteLine("Text: UD English Web Treebank sentences grouped into ~500-word articles, plus the re3d development documents, repeated with a counter to reach the size.");
        o.WriteLine();
        o.WriteLine("| text (MiB) | articles | words | threads | build (s) | words/s | docs/s | MiB/s | CPU (s) | words per CPU-s | load (s) | export (s) | peak WS after load (MiB) | peak WS (MiB) | graph retained (MiB) | allocated (MiB) | entities | relationships | load average after |");
        o.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (mb, c, r, min, max) in results)
        {
            var s = Math.Max(r.BuildSeconds, 1e-9);
            var spread = max > min ? string.Create(ic, $" ({min:0.00}-{max:0.00})") : "";
            o.WriteLine(string.Create(ic,
                $"| {r.TextBytes / Megabyte:0.00} | {r.Documents} | {r.Words} | {r.Threads} | {r.BuildSeconds:0.00}{spread} | {r.Words / s:0} | {r.Documents / s:0.0} | {r.TextBytes / Megabyte / s:0.000} | {r.BuildCpuSeconds:0.00} | {r.Words / Math.Max(r.BuildCpuSeconds, 1e-9):0} | {r.LoadSeconds:0.00} | {r.ExportSeconds:0.00} | {r.PeakAfterLoad / Megabyte:0} | {r.PeakWorkingSet / Megabyte:0} | {(r.RetainedAfterBuild - r.RetainedAfterLoad) / Megabyte:0.0} | {r.Allocated / Megabyte:0} | {r.Entities} | {r.Relationships} | {r.LoadAverage} |"));
        }
        o.WriteLine();
        o.WriteLine("Build time covers reading the JSONL, analysing every article and merging the graph (as `kg build` reports it); " +
            "load is reading models and lexicons; export writes graph.jsonl, graph.graphml and graph.cypher. " +
            "Peak WS is the child process's peak working set (Process.PeakWorkingSet64, one process per row); " +
            "graph retained is the managed heap after a full collection at the end of the build (the graph alive) minus the same after loading the pipeline. " +
            "CPU is the process's user+system time during the build (all threads, GC and JIT included): words per CPU-second hardly depends on what else the machine runs, " +
            "while wall-clock figures do (the load average, from /proc/loadavg, says how busy the machine was). " +
            "With --repeat, each row is the fastest of the runs (other work on a shared machine only slows a run down), the range of build times in brackets.");
        foreach (var line in identity) o.WriteLine("- " + line);
        var one = results.Where(x => x.Result.Threads == 1).ToList();
        if (one.Count > 1)
        {
            o.WriteLine();
            o.WriteLine("Linearity (1 thread): " + string.Join("; ", one.Select(x => string.Create(ic,
                $"{x.Result.TextBytes / Megabyte:0.00} MiB in {x.Result.BuildSeconds:0.00} s wall, {x.Result.BuildCpuSeconds:0.00} s CPU = {x.Result.BuildSeconds / (x.Result.TextBytes / Megabyte):0.00} s/MiB wall, {x.Result.BuildCpuSeconds / (x.Result.TextBytes / Megabyte):0.00} CPU-s/MiB"))));
        }
        var failed = results.Sum(x => x.Result.Failures);
        if (failed > 0) o.WriteLine($"Warning: {failed} article(s) failed to build.");
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    private static bool IsOptimized() =>
        typeof(BenchCommand).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static double RamGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null)
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / Megabyte / 1024;
    }
}

/// <summary>Assembles the benchmark text from the shared data; nothing of it is stored in the repository.</summary>
public static class BenchCorpus
{
    public sealed record Stats(int Articles, long TextBytes, int Copies);

    private sealed record Article(string Text, string? Title, string? Url);

    private const int ArticleWords = 500;

    /// <summary>Writes articles as JSON lines until at least <paramref name="targetBytes"/> bytes of UTF-8 text.</summary>
    public static Stats Write(string dataDir, long targetBytes, string path)
    {
        var sources = Sources(dataDir).ToList();
        if (sources.Count == 0) throw new UserErrorException($"{dataDir}: no UD EWT (.conllu) or re3d documents found to build the benchmark text from");
        long bytes = 0;
        int articles = 0, copy = 0;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        while (bytes < targetBytes)
        {
            copy++;
            foreach (var a in sources)
            {
                // A copy must differ from the original, or the build would skip it as a duplicate document.
                var text = copy == 1 ? a.Text : a.Text + $"\n\n(copy {copy})";
                var line = new JObject { ["text"] = text };
                if (a.Title is not null) line["title"] = copy == 1 ? a.Title : $"{a.Title} (copy {copy})";
                if (a.Url is not null) line["url"] = a.Url;
                writer.WriteLine(line.ToString(Formatting.None));
                bytes += Encoding.UTF8.GetByteCount(text);
                articles++;
                if (bytes >= targetBytes) break;
            }
        }
        return new Stats(articles, bytes, copy);
    }

    /// <summary>The UTF-8 size of the article texts in a corpus file written by <see cref="Write"/>.</summary>
    public static long TextBytesOf(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Sum(l => (long)Encoding.UTF8.GetByteCount((string)JObject.Parse(l)["text"]!));

    private static IEnumerable<Article> Sources(string dataDir)
    {
        var re3d = Path.Combine(dataDir, "re3d-dev");
        if (Directory.Exists(re3d))
            foreach (var docs in Directory.EnumerateFiles(re3d, "documents.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
                foreach (var line in File.ReadLines(docs))
                {
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    var o = JObject.Parse(line.TrimStart('\uFEFF'));
                    var text = (string?)o["text"];
                    if (!string.IsNullOrWhiteSpace(text)) yield return new Article(text, (string?)o["title"], (string?)o["sourceUrl"]);
                }
        var ewt = Path.Combine(dataDir, "ud-english-ewt");
        foreach (var split in new[] { "train", "dev", "test" })
        {
            var file = Path.Combine(ewt, $"en_ewt-ud-{split}.conllu");
            if (File.Exists(file))
                foreach (var a in EwtArticles(file)) yield return a;
        }
    }

    /// <summary>
    /// Groups the treebank's <c># text</c> sentences into articles of about 500 words: paragraphs follow <c># newpar</c>,
    /// an article ends at a <c># newdoc</c> boundary once it has 500 words (or at a paragraph boundary past 1,000).
    /// </summary>
    private static IEnumerable<Article> EwtArticles(string conllu)
    {
        var article = new StringBuilder();
        var paragraph = new StringBuilder();
        int words = 0;
        string? title = null;

        void EndParagraph()
        {
            if (paragraph.Length == 0) return;
            if (article.Length > 0) article.Append("\n\n");
            article.Append(paragraph);
            paragraph.Clear();
        }

        Article? TakeArticle()
        {
            EndParagraph();
            if (article.Length == 0) return null;
            var a = new Article(article.ToString(), title is null ? null : "UD EWT " + title, null);
            article.Clear();
            words = 0;
            title = null;
            return a;
        }

        foreach (var line in File.ReadLines(conllu))
        {
            if (line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                if (words >= ArticleWords && TakeArticle() is { } done) yield return done;
                EndParagraph();
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                title ??= eq >= 0 ? line[(eq + 1)..].Trim() : null;
            }
            else if (line.StartsWith("# newpar", StringComparison.Ordinal))
            {
                if (words >= 2 * ArticleWords && TakeArticle() is { } done) yield return done;
                EndParagraph();
            }
            else if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                var sentence = line["# text = ".Length..].Trim();
                if (sentence.Length == 0) continue;
                if (paragraph.Length > 0) paragraph.Append(' ');
                paragraph.Append(sentence);
                words += sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
            }
        }
        if (TakeArticle() is { } last) yield return last;
    }
}

/// <summary>
/// Times each stage of the document analysis on one thread, through the pipeline's own stage timings, plus reading,
/// merging into the graph and writing the files; and measures the heap kept per document until the graph is built.
/// </summary>
internal static class StageProfile
{
    public static void Run(string corpus, string? resources, TextWriter o)
    {
        var ic = CultureInfo.InvariantCulture;
        var schema = OntologySchema.LoadDefault();
        var pipeline = ExtractionPipeline.Load(new PipelineOptions { ResourcesDirectory = resources, Allows = schema.Allows });
        var timings = new StageTimings();
        var sw = new Stopwatch();
        double Lap() { var t = sw.Elapsed.TotalSeconds; sw.Restart(); return t; }
        double read = 0, merge = 0, analyse = 0;

        long heapAfterFirst = 0, textAfterFirst = 0, textAll = 0;
        var builder = new GraphBuilder(schema);
        var reader = new InputReader(new InputOptions(), TextReader.Null);
        int documents = 0;
        sw.Start();
        foreach (var item in reader.Read(new[] { corpus }))
        {
            read += Lap();
            if (item.Document is not { } doc) continue;
            documents++;
            var analysis = pipeline.Analyze(doc, timings);
            analyse += Lap();
            builder.Add(analysis);
            merge += Lap();
            textAll += Encoding.UTF8.GetByteCount(doc.Text);
            if (documents == 1)
            {
                // Heap with the pipeline and one document in the builder: the baseline for growth per document.
                heapAfterFirst = GC.GetTotalMemory(forceFullCollection: true);
                textAfterFirst = textAll;
                sw.Restart();
            }
        }
        // What GraphBuilder keeps alive before Build(): the graph-to-be plus anything it holds per document.
        long heapWithBuilder = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(pipeline);
        sw.Restart();
        var graph = builder.Build();
        var outDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(corpus))!, "graph-profile");
        Directory.CreateDirectory(outDir);
        GraphFiles.WriteAll(graph.Snapshot, schema, outDir);
        double write = Lap();

        double staged = timings.Stages.Sum(s => s.Seconds);
        o.WriteLine();
        o.WriteLine(string.Create(ic, $"### Where the time goes (1 thread, {documents} articles of {Path.GetFileName(corpus)})"));
        o.WriteLine();
        o.WriteLine("| stage | seconds | share of analysis |");
        o.WriteLine("|---|---:|---:|");
        o.WriteLine(string.Create(ic, $"| read JSONL | {read:0.00} | |"));
        foreach (var (stage, seconds) in timings.Stages)
            o.WriteLine(string.Create(ic, $"| {stage} | {seconds:0.00} | {(seconds / Math.Max(staged, 1e-9)).ToString("0.0%", ic)} |"));
        o.WriteLine(string.Create(ic, $"| graph merge (GraphBuilder.Add) | {merge:0.00} | |"));
        o.WriteLine(string.Create(ic, $"| graph build + export | {write:0.00} | |"));
        o.WriteLine();
        var grown = (heapWithBuilder - heapAfterFirst) / 1048576.0;
        var text = (textAll - textAfterFirst) / 1048576.0;
        o.WriteLine(string.Create(ic, $"Memory per document: from the first to the last of the {documents} articles the managed heap (after a full collection, GraphBuilder not yet built) grew by {grown:0.0} MiB while {text:0.00} MiB of article text was read: {grown / Math.Max(text, 1e-9):0.0} bytes kept per byte of text, until Build()."));
        o.WriteLine(string.Create(ic, $"Analysis took {analyse:0.00} s in all, {staged:0.00} s of it inside the timed stages."));
    }
}
