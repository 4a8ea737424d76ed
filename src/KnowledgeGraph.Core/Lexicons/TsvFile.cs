using System.Text;

namespace KnowledgeGraph.Core.Lexicons;

/// <summary>One data row of a lexicon TSV file, with its 1-based line number for error messages.</summary>
public sealed record TsvRow(int Line, IReadOnlyList<string> Cells)
{
    public string this[int index] => Cells[index];
}

/// <summary>
/// The lexicon file format: UTF-8, lines starting with '#' are comments (the first says source and licence),
/// the first other line names the columns, every following non-empty line is a row with exactly that many
/// tab-separated cells. List-valued cells separate their items with '|'.
/// </summary>
public static class TsvFile
{
    /// <summary>Separator of items inside a list-valued cell.</summary>
    public const char ListSeparator = '|';

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="path"/> and checks its header is exactly <paramref name="columns"/>.</summary>
    /// <exception cref="ModelLoadException">Missing file, invalid UTF-8, wrong header or a row with the wrong number of cells.</exception>
    public static IReadOnlyList<TsvRow> Read(string path, IReadOnlyList<string> columns)
    {
        string text;
        try { text = File.ReadAllText(path, StrictUtf8); }
        catch (FileNotFoundException) { throw new ModelLoadException(path, "lexicon file not found"); }
        catch (DirectoryNotFoundException) { throw new ModelLoadException(path, "lexicon folder not found"); }
        catch (DecoderFallbackException) { throw new ModelLoadException(path, "not valid UTF-8"); }
        catch (IOException e) { throw new ModelLoadException(path, "cannot read: " + e.Message); }
        catch (UnauthorizedAccessException e) { throw new ModelLoadException(path, "cannot read: " + e.Message); }
        return Parse(path, text, columns);
    }

    /// <summary>Parses file content; <paramref name="path"/> only names the file in errors.</summary>
    public static IReadOnlyList<TsvRow> Parse(string path, string text, IReadOnlyList<string> columns)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rows = new List<TsvRow>();
        bool headerSeen = false;
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (!headerSeen)
            {
                if (!cells.SequenceEqual(columns, StringComparer.Ordinal))
                    throw new ModelLoadException(path, $"line {lineNo}: expected header '{string.Join("\\t", columns)}', found '{line}'");
                headerSeen = true;
                continue;
            }
            if (cells.Length != columns.Count)
                throw new ModelLoadException(path, $"line {lineNo}: expected {columns.Count} tab-separated cells, found {cells.Length}");
            rows.Add(new TsvRow(lineNo, cells));
        }
        if (!headerSeen) throw new ModelLoadException(path, "no header line (the file is empty or only comments)");
        return rows;
    }

    /// <summary>Splits a list cell; empty cell -> empty list.</summary>
    public static IReadOnlyList<string> List(string cell) =>
        cell.Length == 0 ? Array.Empty<string>() : cell.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Writes a lexicon file: comment lines, header, rows; '\n' line ends, UTF-8 without BOM, so output is byte-identical across platforms.</summary>
    public static void Write(string path, IEnumerable<string> comments, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        foreach (var c in comments) sb.Append("# ").Append(c).Append('\n');
        sb.Append(string.Join('\t', columns)).Append('\n');
        foreach (var row in rows)
        {
            if (row.Count != columns.Count) throw new InvalidOperationException($"row has {row.Count} cells, expected {columns.Count}");
            for (int i = 0; i < row.Count; i++)
            {
                if (row[i].AsSpan().IndexOfAny("\t\n\r") >= 0) throw new InvalidOperationException($"cell contains a tab or newline: '{row[i]}'");
                if (i > 0) sb.Append('\t');
                sb.Append(row[i]);
            }
            sb.Append('\n');
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, sb.ToString(), new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Joins list items into one cell.</summary>
    public static string JoinList(IEnumerable<string> items) => string.Join(ListSeparator, items);
}
