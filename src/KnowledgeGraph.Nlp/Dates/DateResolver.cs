using System.Globalization;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Dates;

/// <summary>A date written in a sentence: any of year, month, day; <see cref="RelativeYear"/> for "last year" (-1), "this year" (0), "next year" (+1).</summary>
public sealed record DateExpression(TextSpan Span, int? Year, int? Month, int? Day, int? RelativeYear = null)
{
    public bool HasExplicitYear => Year is not null;
}

/// <summary>
/// Finds dates in sentences ("on Dec. 9", "in 2022", "late October", "Jan. 1, 2024", "since 2012", "by Dec. 15",
/// "last year") and turns them into ISO strings: yyyy, yyyy-MM or yyyy-MM-dd.
/// <para>Year rule for dates written without one: with a document date (the anchor), the year that puts the date
/// closest to the anchor ("Dec. 9" in an article of 2024-01-03 is 2023-12-09); without an anchor, the latest (highest)
/// explicit year stated earlier in the document, this sentence included; with neither, the date is left out rather
/// than a year invented. "last/this/next year" needs the anchor.</para>
/// One resolver per document, fed sentence by sentence with <see cref="Observe"/>; not shared between threads.
/// </summary>
public sealed class DateResolver
{
    private static readonly Dictionary<string, int> Months = BuildMonths();
    private readonly DateOnly? _anchor;
    private readonly int? _anchorYear;
    private int? _latestYear;

    /// <param name="anchorDate">The document date: yyyy-MM-dd, yyyy-MM or yyyy (others are ignored).</param>
    public DateResolver(string? anchorDate)
    {
        if (anchorDate is null) return;
        var s = anchorDate.Trim();
        if (s.Length >= 10 && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { _anchor = d; _anchorYear = d.Year; }
        else if (s.Length >= 7 && DateOnly.TryParseExact(s[..7] + "-15", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)) { _anchor = m; _anchorYear = m.Year; }
        else if (s.Length >= 4 && int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1000 and < 3000) _anchorYear = y;
    }

    /// <summary>Records the explicit years of a sentence already read (for documents without an anchor date).</summary>
    public void Observe(IReadOnlyList<DateExpression> found)
    {
        foreach (var e in found)
            if (e.Year is int y && (_latestYear is null || y > _latestYear)) _latestYear = y;
    }

    /// <summary>ISO form of <paramref name="e"/>, or null when no year can be known.</summary>
    public string? Resolve(DateExpression? e, IReadOnlyList<DateExpression>? sameSentence = null)
    {
        if (e is null) return null;
        if (e.RelativeYear is int rel) return _anchorYear is int ay ? Iso(ay + rel, null, null) : null;
        if (e.Year is int year) return Iso(year, e.Month, e.Day);
        if (e.Month is not int month) return null;
        if (_anchor is DateOnly anchor)
        {
            int best = anchor.Year;
            double bestGap = double.MaxValue;
            foreach (var y in new[] { anchor.Year - 1, anchor.Year, anchor.Year + 1 })
            {
                var d = new DateOnly(y, month, Math.Min(e.Day ?? 15, DateTime.DaysInMonth(y, month)));
                double gap = Math.Abs(d.DayNumber - anchor.DayNumber);
                if (gap < bestGap) { bestGap = gap; best = y; }
            }
            return Iso(best, month, e.Day);
        }
        int? known = _anchorYear ?? _latestYear;
        if (sameSentence is not null)
            foreach (var o in sameSentence)
                if (o.Year is int oy && o.Span.End <= e.Span.Start && (known is null || oy > known)) known = oy;
        return known is int k ? Iso(k, month, e.Day) : null;
    }

    private static string? Iso(int year, int? month, int? day)
    {
        if (year is < 1000 or > 2999) return null;
        if (month is not int m) return year.ToString("D4", CultureInfo.InvariantCulture);
        if (day is int d && d <= DateTime.DaysInMonth(year, m))
            return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{m:D2}-{d:D2}");
        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{m:D2}");
    }

    /// <summary>The expression closest to character offset <paramref name="offset"/>, or null.</summary>
    public static DateExpression? Nearest(IReadOnlyList<DateExpression> found, int offset)
    {
        DateExpression? best = null;
        int bestGap = int.MaxValue;
        foreach (var e in found)
        {
            // Time adjuncts mostly follow the verb ("pushed out ... in 2022"); a date before it is often in a
            // parenthetical about someone else ("—which seized power in 2021—"), so it counts as further away.
            int gap = offset < e.Span.Start ? e.Span.Start - offset : offset >= e.Span.End ? offset - e.Span.End + 100 : 0;
            if (gap < bestGap) { bestGap = gap; best = e; }
        }
        return best;
    }

    /// <summary>Every date expression in a sentence, in text order.</summary>
    public static IReadOnlyList<DateExpression> Find(Sentence sentence, string text)
    {
        var t = sentence.Tokens;
        var list = new List<DateExpression>();
        for (int i = 0; i < t.Count; i++)
        {
            var w = t[i].Text;
            if (MonthOf(t, i) is int month)
            {
                int end = i;
                int? day = null, year = null;
                if (i + 1 < t.Count && Day(t[i + 1].Text) is int d1) { day = d1; end = i + 1; }
                else if (i > 0 && Day(t[i - 1].Text) is int d0 && (i < 2 || !IsYear(t[i - 2].Text))) { day = d0; }
                int y = end + 1;
                if (y < t.Count && t[y].Text == "," && y + 1 < t.Count && IsYear(t[y + 1].Text)) y++;
                else if (y < t.Count && t[y].Text.Equals("of", StringComparison.OrdinalIgnoreCase) && y + 1 < t.Count && IsYear(t[y + 1].Text)) y++;
                if (y < t.Count && IsYear(t[y].Text)) { year = int.Parse(t[y].Text, CultureInfo.InvariantCulture); end = y; }
                int start = day is not null && end == i && i > 0 ? i - 1 : i;
                list.Add(new DateExpression(new TextSpan(t[start].Start, t[end].End), year, month, day));
                i = end;
                continue;
            }
            if (IsYear(w) && !(i + 1 < t.Count && t[i + 1].Tag == "NNS") && !(i > 0 && t[i - 1].Text is "$" or "#"))
            {
                list.Add(new DateExpression(t[i].Span, int.Parse(w, CultureInfo.InvariantCulture), null, null));
                continue;
            }
            if (w.Equals("year", StringComparison.OrdinalIgnoreCase) && i > 0)
            {
                int? rel = t[i - 1].Text.ToLowerInvariant() switch { "last" => -1, "this" => 0, "next" => 1, "previous" => -1, _ => null };
                if (rel is not null) list.Add(new DateExpression(new TextSpan(t[i - 1].Start, t[i].End), null, null, null, rel));
            }
        }
        return list;
    }

    private static int? MonthOf(IReadOnlyList<Token> t, int i)
    {
        var w = t[i].Text;
        if (w.Length < 3 || !char.IsUpper(w[0])) return null;
        if (!Months.TryGetValue(w.TrimEnd('.').ToLowerInvariant(), out var m)) return null;
        // "May" the modal, "March" the verb: a month name is a proper noun or stands next to a number
        bool shortWithoutDot = !w.EndsWith('.') && w.Length <= 4 && w is not ("May" or "June" or "July");
        if (w is "May" or "March" || shortWithoutDot)
        {
            bool number = i + 1 < t.Count && (Day(t[i + 1].Text) is not null || IsYear(t[i + 1].Text)) || i > 0 && Day(t[i - 1].Text) is not null;
            bool preposition = i > 0 && t[i - 1].Text.ToLowerInvariant() is "in" or "since" or "by" or "until" or "early" or "late" or "mid" or "of" or "last" or "next" or "this";
            if (!number && (shortWithoutDot || !preposition)) return null;
        }
        return m;
    }

    private static int? Day(string w)
    {
        var s = w;
        foreach (var suffix in new[] { "st", "nd", "rd", "th" })
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && s.Length > suffix.Length) { s = s[..^suffix.Length]; break; }
        if (s.Length is < 1 or > 2 || !s.All(char.IsAsciiDigit)) return null;
        int d = int.Parse(s, CultureInfo.InvariantCulture);
        return d is >= 1 and <= 31 ? d : null;
    }

    private static bool IsYear(string w) =>
        w.Length == 4 && w.All(char.IsAsciiDigit) && int.Parse(w, CultureInfo.InvariantCulture) is >= 1900 and <= 2100;

    private static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        string[][] names =
        {
            new[] { "january", "jan" }, new[] { "february", "feb" }, new[] { "march", "mar" }, new[] { "april", "apr" },
            new[] { "may" }, new[] { "june", "jun" }, new[] { "july", "jul" }, new[] { "august", "aug" },
            new[] { "september", "sept", "sep" }, new[] { "october", "oct" }, new[] { "november", "nov" }, new[] { "december", "dec" },
        };
        for (int m = 0; m < 12; m++) foreach (var n in names[m]) d[n] = m + 1;
        return d;
    }
}
