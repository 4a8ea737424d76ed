using System.Text;
using KnowledgeGraph.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Evaluation.Benchmarking;

/// <summary>Which real text a benchmark corpus is made of.</summary>
public enum BenchText
{
    /// <summary>UD English Web Treebank sentences (blogs, reviews, e-mail, answers) grouped into ~500-word articles, plus the re3d documents.</summary>
    Web,
    /// <summary>News: the re3d development documents (CENTCOM and US State Department releases) and the seed article(s).</summary>
    News,
}

/// <summary>
/// Assembles benchmark text from the shared data at run time (nothing of it is stored in the repository): corpora of
/// many articles (<see cref="Write"/>) and single long articles (<see cref="WriteLongArticle"/>).
/// </summary>
public static class BenchCorpus
{
    public sealed record Stats(int Articles, long TextBytes, int Copies);

    private sealed record Article(string Text, string? Title, string? Url);

    private const int ArticleWords = 500;

    /// <summary>One line for reports: what the corpus is made of.</summary>
    public static string Describe(BenchText text) => text switch
    {
        BenchText.Web => "UD English Web Treebank sentences grouped into ~500-word articles, plus the re3d development documents, repeated with a counter to reach the size",
        _ => "news: the re3d development documents (CENTCOM, US State Department) and the seed article(s), repeated with a counter to reach the size",
    };

    /// <summary>The seed articles' folder: <c>seeds/</c> beside the shared data folder, else <c>seeds/</c> in the current directory; null when neither exists.</summary>
    public static string? FindSeeds(string dataDir)
    {
        foreach (var dir in new[] { Path.Combine(dataDir, "..", "seeds"), Path.Combine(Environment.CurrentDirectory, "seeds") })
            if (Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.txt").Any()) return Path.GetFullPath(dir);
        return null;
    }

    /// <summary>Writes articles as JSON lines until at least <paramref name="targetBytes"/> bytes of UTF-8 text.</summary>
    public static Stats Write(string dataDir, BenchText kind, string? seedsDir, long targetBytes, string path)
    {
        var sources = Sources(dataDir, kind, seedsDir).ToList();
        if (sources.Count == 0) throw new UserErrorException($"{dataDir}: no {(kind == BenchText.Web ? "UD EWT (.conllu) or re3d" : "re3d or seed")} documents found to build the benchmark text from");
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
                WriteLine(writer, text, a.Title is null ? null : copy == 1 ? a.Title : $"{a.Title} (copy {copy})", a.Url);
                bytes += Encoding.UTF8.GetByteCount(text);
                articles++;
                if (bytes >= targetBytes) break;
            }
        }
        return new Stats(articles, bytes, copy);
    }

    /// <summary>
    /// Writes ONE article of at least <paramref name="targetBytes"/> bytes as a one-line JSONL file: the seed article(s)
    /// and the re3d documents one after the other, paragraphs kept, repeated until the size is reached (news prose,
    /// for the linearity of the per-article stages).
    /// </summary>
    public static Stats WriteLongArticle(string dataDir, string? seedsDir, long targetBytes, string path)
    {
        var sources = Sources(dataDir, BenchText.News, seedsDir).ToList();
        if (sources.Count == 0) throw new UserErrorException($"{dataDir}: no re3d or seed documents found to build the long article from");
        var sb = new StringBuilder();
        long bytes = 0;
        int copy = 0;
        while (bytes < targetBytes)
        {
            copy++;
            foreach (var a in sources)
            {
                var piece = (sb.Length > 0 ? "\n\n" : "") + (a.Title is null ? "" : a.Title + "\n") + a.Text.Trim();
                sb.Append(piece);
                bytes += Encoding.UTF8.GetByteCount(piece);
                if (bytes >= targetBytes) break;
            }
        }
        var text = sb.ToString();
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        WriteLine(writer, text, $"One long article ({Encoding.UTF8.GetByteCount(text) / 1048576.0:0.00} MiB)", null);
        return new Stats(1, Encoding.UTF8.GetByteCount(text), copy);
    }

    private static void WriteLine(StreamWriter writer, string text, string? title, string? url)
    {
        var line = new JObject { ["text"] = text };
        if (title is not null) line["title"] = title;
        if (url is not null) line["url"] = url;
        writer.WriteLine(line.ToString(Formatting.None));
    }

    /// <summary>The UTF-8 size of the article texts in a corpus file written here.</summary>
    public static long TextBytesOf(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Sum(l => (long)Encoding.UTF8.GetByteCount((string)JObject.Parse(l)["text"]!));

    private static IEnumerable<Article> Sources(string dataDir, BenchText kind, string? seedsDir)
    {
        if (kind == BenchText.News && seedsDir is not null)
            foreach (var file in Directory.EnumerateFiles(seedsDir, "*.txt").OrderBy(p => p, StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                if (!string.IsNullOrWhiteSpace(text)) yield return new Article(text, null, null);
            }
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
        if (kind != BenchText.Web) yield break;
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
