using System.Text;

namespace KnowledgeGraph.Neo4j;

/// <summary>One statement of a .cypher file, with the comment lines just above it (its header).</summary>
public sealed record CypherScriptStatement(string Text, string Header, int Line);

/// <summary>
/// Splits a .cypher script (as cypher-shell reads it) into statements at semicolons outside strings, backtick names
/// and comments. Comments before a statement become its header; they are removed from the statement text.
/// </summary>
public static class CypherScript
{
    public static IReadOnlyList<CypherScriptStatement> Split(string script)
    {
        var result = new List<CypherScriptStatement>();
        var text = new StringBuilder();
        var header = new StringBuilder();
        int line = 1, startLine = 0;
        bool lineHasContent = false, blankSinceComment = false;
        for (int i = 0; i < script.Length; i++)
        {
            char c = script[i];
            if (c == '/' && i + 1 < script.Length && script[i + 1] == '/')
            {
                int end = script.IndexOf('\n', i);
                if (end < 0) end = script.Length;
                if (text.ToString().Trim().Length == 0)
                {
                    // A blank line separates a file's preamble from the header of the statement below it.
                    if (blankSinceComment) header.Clear();
                    blankSinceComment = false;
                    header.AppendLine(script[(i + 2)..end].Trim());
                }
                lineHasContent = true;
                i = end - 1;
                continue;
            }
            if (c == '/' && i + 1 < script.Length && script[i + 1] == '*')
            {
                int end = script.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? script.Length : end + 2;
                line += script.AsSpan(i, end - i).Count('\n');
                i = end - 1;
                continue;
            }
            if (c is '\'' or '"' or '`')
            {
                int j = i + 1;
                while (j < script.Length)
                {
                    if (script[j] == '\\' && c != '`') { j += 2; continue; }
                    if (script[j] == c)
                    {
                        if (c == '`' && j + 1 < script.Length && script[j + 1] == '`') { j += 2; continue; } // `` inside a name
                        break;
                    }
                    j++;
                }
                var end = Math.Min(j + 1, script.Length);
                if (startLine == 0) startLine = line;
                text.Append(script, i, end - i);
                line += script.AsSpan(i, end - i).Count('\n');
                i = end - 1;
                continue;
            }
            if (c == ';')
            {
                Flush();
                continue;
            }
            if (c == '\n')
            {
                line++;
                if (!lineHasContent && text.ToString().Trim().Length == 0) blankSinceComment = true;
                lineHasContent = false;
            }
            else if (!char.IsWhiteSpace(c)) lineHasContent = true;
            if (!char.IsWhiteSpace(c) && startLine == 0) startLine = line;
            text.Append(c);
        }
        Flush();
        return result;

        void Flush()
        {
            var t = text.ToString().Trim();
            if (t.Length > 0) result.Add(new CypherScriptStatement(t, header.ToString().TrimEnd(), startLine));
            text.Clear();
            header.Clear();
            blankSinceComment = false;
            startLine = 0;
        }
    }
}
