using System.Globalization;
using System.Text;
using KnowledgeGraph.Nlp;
using KnowledgeGraph.Nlp.Ner;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg ner</c>: tags a CoNLL file with the shipped models, keeping its tokenisation, and scores it like conlleval.</summary>
public sealed class NerCommand : ICommand
{
    public string Name => "ner";
    public string Summary => "tag a CoNLL file with the NER model and score it as conlleval does";
    public string Help => """
        Usage: kg ner --conll <file> --out <file> [--format iob1|iob2] [--models <dir>]

        Reads a CoNLL file (token in the first column, gold tag in the last, blank lines between
        sentences, DOCSTART lines between documents), keeps its tokens, and writes one line
        "token gold predicted" per token (blank lines and DOCSTART lines kept, the latter as
        "DOCSTART O O"). Then prints precision, recall and F1 per type and overall, computed with
        conlleval's chunk rules over the written file (gold may be IOB1 or IOB2).

          --format   tag scheme of the predicted column: iob2 (default; B- on every entity start)
                     or iob1 (B- only between two adjacent entities of the same type, as CoNLL-2003)
          --models   folder holding pos.bin and ner.bin (default: the shipped resources/models)
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var a = CommandArgs.Parse(args, ["conll", "out", "format", "models"], []);
        var input = a.Require("conll");
        var output = a.Require("out");
        var format = a.Value("format") ?? "iob2";
        if (format is not ("iob1" or "iob2")) throw new UsageException($"--format must be iob1 or iob2, got '{format}'");
        var models = NlpModels.LoadDefault(a.Value("models"));
        var docs = ConllReader.Read(input);
        var ev = new ConllEvaluator();
        var sb = new StringBuilder();
        foreach (var doc in docs)
        {
            if (doc.StartsWithDocStart)
            {
                sb.Append(ConllReader.DocStart).Append(" O O\n\n");
                ev.Add("O", "O");
                ev.Boundary();
            }
            var words = doc.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens).ToList();
            var spans = models.Ner.Tag(words, models.Pos);
            for (int s = 0; s < doc.Sentences.Count; s++)
            {
                var sent = doc.Sentences[s];
                var guess = ConllEvaluator.ToTags(sent.Tokens.Length, spans[s], iob2: format == "iob2");
                for (int i = 0; i < sent.Tokens.Length; i++)
                {
                    sb.Append(sent.Tokens[i]).Append(' ').Append(sent.Gold[i]).Append(' ').Append(guess[i]).Append('\n');
                    ev.Add(sent.Gold[i], guess[i]);
                }
                sb.Append('\n');
                ev.Boundary();
            }
        }
        File.WriteAllText(output, sb.ToString(), new UTF8Encoding(false));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {output} (token gold predicted, predicted in {format.ToUpperInvariant()})"));
        context.Out.Write(ev.Result().Report());
        return 0;
    }
}
