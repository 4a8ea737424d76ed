using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Nlp.Lexicons.Derivation;

/// <summary>
/// Turns PETRARCH actor blocks and UCDP actor rows into organisation / armed-group records: cleans and cases the
/// names, keeps organisations and drops people, generic words and junk, then merges records that name the same
/// actor (shared full name, or an acronym and its expansion) and drops aliases shared by different actors.
/// </summary>
internal static partial class ActorDeriver
{
    [GeneratedRegex(@"\(([^)]*)\)")]
    private static partial Regex ParenRegex();

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex BracketRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRegex();

    /// <summary>A raw PETRARCH name made readable but not yet cased: underscores to spaces, "(ACRONYM)" taken out, "THE " dropped.</summary>
    internal sealed record RawName(string Upper, IReadOnlyList<string> ParenAcronyms, bool Dotted);

    internal static RawName? CleanPetrarch(string raw)
    {
        var s = raw.Replace('_', ' ').Trim();
        if (s.Length == 0 || s.IndexOfAny(":{}!<>=#*\"".ToCharArray()) >= 0) return null;
        var acronyms = new List<string>();
        s = ParenRegex().Replace(s, m =>
        {
            var inner = m.Groups[1].Value.Trim();
            if (NameKey.IsAcronymShape(inner)) acronyms.Add(NameKey.Normalize(inner));
            return " ";
        });
        s = SpaceRegex().Replace(s, " ").Trim().Trim('-', ',', ' ', '+');
        if (s.StartsWith("THE ", StringComparison.Ordinal)) s = s[4..];
        if (s.Length < 2 || !s.Any(char.IsLetter)) return null;
        return new RawName(s, acronyms, s.Contains('.', StringComparison.Ordinal));
    }

    /// <summary>Records from one PETRARCH actors file. <paramref name="fineTypes"/> maps a code to fine types, or null to skip the actor.</summary>
    public static List<ActorRecord> FromPetrarch(IReadOnlyList<PetrarchActor> actors, string source, int priority,
        Func<string, IReadOnlyList<string>?> fineTypes, Func<string, string> countryOfCode, NameRules rules)
    {
        // Pass 1: clean names, and learn which single words are acronyms of a longer name with the same code.
        var cleaned = new List<(PetrarchActor Actor, RawName Main, List<RawName> Aliases)>();
        var initialsByCode = new HashSet<(string, string)>();
        var singleWordsByCode = new HashSet<(string, string)>();
        foreach (var a in actors)
        {
            var code = a.MainCode;
            if (code is null || fineTypes(code.Code) is null) continue;
            var main = CleanPetrarch(a.Name);
            if (main is null) continue;
            var aliases = a.Aliases.Select(CleanPetrarch).OfType<RawName>().ToList();
            cleaned.Add((a, main, aliases));
            foreach (var n in aliases.Prepend(main))
            {
                if (n.Upper.Contains(' ', StringComparison.Ordinal)) initialsByCode.Add((code.Code, NameRules.Initials(n.Upper)));
                else singleWordsByCode.Add((code.Code, NameKey.Normalize(n.Upper)));
            }
        }

        var records = new List<ActorRecord>();
        int order = 0;
        foreach (var (actor, main, aliases) in cleaned)
        {
            var code = actor.MainCode!;
            var all = aliases.Prepend(main).ToList();
            var local = new HashSet<string>(all.SelectMany(n => n.ParenAcronyms), StringComparer.Ordinal);
            foreach (var n in all)
            {
                var bare = NameKey.Normalize(n.Upper);
                if (bare.Contains(' ', StringComparison.Ordinal)) continue;
                bool expands = all.Any(o => o != n && o.Upper.Contains(' ', StringComparison.Ordinal) && NameRules.IsAcronymOf(bare, o.Upper))
                               || initialsByCode.Contains((code.Code, bare));
                if (expands || n.Dotted) local.Add(bare);
            }

            bool isAcronymMain = local.Contains(NameKey.Normalize(main.Upper));
            var mainName = isAcronymMain ? main.Upper : rules.ProperCase(main.Upper, local);
            if (actor.Codes.All(c => c.Dated) && !rules.HasOrgWord(mainName)) continue;
            if (rules.StartsWithPersonTitle(mainName)) continue;
            bool singleWord = !NameKey.Normalize(mainName).Contains(' ', StringComparison.Ordinal);
            bool orgLike = isAcronymMain || rules.HasOrgWord(mainName) || singleWord || main.ParenAcronyms.Count > 0
                           || singleWordsByCode.Contains((code.Code, NameRules.Initials(mainName)))
                           || all.Any(n => !n.Upper.Contains(' ', StringComparison.Ordinal) && NameRules.IsAcronymOf(n.Upper, mainName));
            if (!orgLike) continue;
            if (!isAcronymMain && rules.IsGeneric(mainName)) continue;
            if (isAcronymMain && !AcceptAcronym(main.Upper, main.Dotted, all.Select(n => n.Upper), rules)) continue;

            var rec = new ActorRecord { Source = source, Code = code.Code, Priority = priority, Order = order++ };
            foreach (var ft in fineTypes(code.Code)!) rec.FineTypes.Add(ft);
            rec.Country = countryOfCode(code.Code);
            if (isAcronymMain) rec.Acronyms.Add(main.Upper); else rec.Names.Add(mainName);
            foreach (var acr in main.ParenAcronyms) if (AcceptAcronym(acr, false, all.Select(n => n.Upper), rules)) rec.Acronyms.Add(acr);
            foreach (var alias in aliases)
            {
                foreach (var acr in alias.ParenAcronyms) if (AcceptAcronym(acr, false, all.Select(n => n.Upper), rules)) rec.Acronyms.Add(acr);
                var bare = NameKey.Normalize(alias.Upper);
                if (local.Contains(bare))
                {
                    if (AcceptAcronym(alias.Upper, alias.Dotted, all.Select(n => n.Upper), rules)) rec.Acronyms.Add(alias.Upper);
                    continue;
                }
                var cased = rules.ProperCase(alias.Upper, local);
                if (AcceptAlias(cased, mainName, rules)) rec.Names.Add(cased);
            }
            if (rec.FineTypes.Contains("Company"))
                foreach (var n in rec.Names.ToList())
                    if (WithoutCorporateSuffix(n) is { } shortName && !rules.IsGeneric(shortName) && shortName.Count(char.IsLetter) >= 3) rec.Names.Add(shortName);
            if (rec.Names.Count == 0 && rec.Acronyms.Count == 0) continue;
            records.Add(rec);
        }
        return records;
    }

    private static readonly HashSet<string> CorporateSuffixes = new(StringComparer.Ordinal)
    {
        "Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Ltd", "Limited", "PLC", "Plc", "LLC", "Holdings", "SA", "AG", "NV",
    };

    /// <summary>"Kroger Company" -> "Kroger", "Carrols Restaurant Group, Inc" -> "Carrols Restaurant Group"; null when there is no such suffix.</summary>
    internal static string? WithoutCorporateSuffix(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        bool changed = false;
        while (words.Count > 1 && CorporateSuffixes.Contains(words[^1].TrimEnd('.', ',')))
        {
            words.RemoveAt(words.Count - 1);
            changed = true;
            if (words.Count > 1 && words[^1] is "and" or "&") words.RemoveAt(words.Count - 1);
        }
        return changed ? string.Join(' ', words).TrimEnd(',') : null;
    }

    /// <summary>An acronym is kept when it is 3+ letters and not an English word ("ACT"), or 2 letters written with dots or spelling the name's initials ("U.N.", "EU"; not "AL", "IS").</summary>
    internal static bool AcceptAcronym(string acronym, bool dotted, IEnumerable<string> names, NameRules rules)
    {
        var bare = NameKey.Normalize(acronym).Replace("-", "", StringComparison.Ordinal);
        int letters = bare.Count(char.IsLetter);
        if (letters < 2 || rules.IsCommon(bare)) return false;
        if (letters >= 3) return true;
        return dotted || names.Any(n => n.Contains(' ', StringComparison.Ordinal) && NameRules.IsAcronymOf(bare, n));
    }

    /// <summary>An alias is kept when it names an organisation (head word), is a distinctive single word, or shares a distinctive word with the main name.</summary>
    internal static bool AcceptAlias(string alias, string mainName, NameRules rules)
    {
        if (rules.IsGeneric(alias) || rules.StartsWithPersonTitle(alias)) return false;
        var words = NameKey.Words(alias);
        if (words.Sum(w => w.Count(char.IsLetter)) < 3) return false;
        if (rules.HasOrgWord(alias)) return true;
        // A one-word alias must look like a spelling of the name ("Hizballah" for "Hezbollah"), not a person in the block ("Nasrallah").
        if (words.Length == 1) return Similarity(alias, mainName) >= 0.45 || NameKey.Words(mainName).Any(w => Similarity(alias, w) >= 0.45);
        var mainWords = new HashSet<string>(NameKey.Words(mainName).SelectMany(w => w.Split('-')).Select(w => w.ToLowerInvariant())
            .Where(w => w.Length > 2 && !NameRules.IsSmallWord(w) && !rules.IsCommon(w)), StringComparer.Ordinal);
        return words.SelectMany(w => w.Split('-')).Any(w => mainWords.Contains(w.ToLowerInvariant()));
    }

    /// <summary>Dice coefficient of letter bigrams, case-insensitive.</summary>
    internal static double Similarity(string a, string b)
    {
        static List<string> Bigrams(string s)
        {
            var letters = new string(s.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
            var list = new List<string>();
            for (int i = 0; i + 1 < letters.Length; i++) list.Add(letters.Substring(i, 2));
            return list;
        }
        var x = Bigrams(a); var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        int common = 0;
        var pool = new List<string>(y);
        foreach (var g in x) { int k = pool.IndexOf(g); if (k >= 0) { common++; pool.RemoveAt(k); } }
        return 2.0 * common / (x.Count + y.Count);
    }

    /// <summary>UCDP actors: Org 1 (formally organised non-state actors) become armed groups; Org 4 rows ("Government of X") governments.</summary>
    public static (List<ActorRecord> ArmedGroups, List<ActorRecord> Governments) FromUcdp(string path, CountryIndex countries, NameRules rules)
    {
        var armed = new List<ActorRecord>();
        var governments = new List<ActorRecord>();
        var rows = CsvReader.ReadWithHeader(path);
        int order = 0;
        foreach (var row in rows)
        {
            string Get(string column) => row.TryGetValue(column, out var v) ? v.Trim() : "";
            var org = Get("Org");
            var id = Get("ActorId");
            var location = Get("Location");
            var firstCountry = SplitList(location).Select(countries.Find).FirstOrDefault(c => c is not null) ?? "";
            if (org == "4")
            {
                var data = Clean(Get("NameData"));
                if (data is null || !data.StartsWith("Government of ", StringComparison.Ordinal)) continue;
                var place = data["Government of ".Length..];
                var cca3 = countries.Find(place) ?? countries.Find(StripParens(Get("NameData"))["Government of ".Length..]);
                var rec = new ActorRecord { Source = "ucdp:" + id, Code = "GOV", Priority = 0, Order = order++ };
                rec.FineTypes.Add("Government");
                if (cca3 is not null)
                {
                    var common = countries.CommonName(cca3);
                    var the = NeedsThe(common) ? "the " : "";
                    rec.Names.Add("Government of " + the + common);
                    if (the.Length > 0) rec.Names.Add("Government of " + common);
                    if (!string.Equals(place, common, StringComparison.Ordinal)) rec.Names.Add("Government of " + place);
                    var official = countries.OfficialName(cca3);
                    if (!string.Equals(official, common, StringComparison.Ordinal)) rec.Names.Add("Government of the " + official);
                    rec.Names.Add(common + " Government");
                    rec.Country = cca3;
                }
                else
                {
                    rec.Names.Add(data);
                    rec.Country = firstCountry;
                }
                governments.Add(rec);
                continue;
            }
            if (org != "1") continue;
            var names = new List<string>();
            var newEng = SplitList(Get("NewNameFullEng")).ToList();
            var origEng = Get("NameOrigFullEng");
            // Canonical: UCDP's own short name when it is a name, not an acronym ("Hezbollah", not "Party of God"),
            // else the latest full English name ("Islamic State" for "IS"), else the original English name.
            foreach (var candidate in newEng.AsEnumerable().Reverse().Append(origEng).Prepend(Get("NameData")))
            {
                var c = Clean(candidate);
                if (c is not null && !NameKey.IsAcronymShape(c) && !rules.IsGeneric(c)) { names.Add(c); break; }
            }
            var dataName = Get("NameData");
            foreach (Match m in BracketRegex().Matches(dataName)) names.Add(m.Groups[1].Value);
            names.Add(BracketRegex().Replace(dataName, ""));
            names.Add(Get("NameOrig"));
            names.Add(Get("NameOrigFull"));
            names.Add(origEng);
            names.AddRange(SplitList(Get("NewName")));
            names.AddRange(SplitList(Get("NewNameFullMotherTongue")));
            names.AddRange(newEng);
            var recArmed = new ActorRecord { Source = "ucdp:" + id, Code = "UCDP1", Priority = 0, Order = order++ };
            recArmed.FineTypes.Add("ArmedGroup");
            recArmed.Country = firstCountry;
            var fullNames = names.Select(Clean).OfType<string>().Where(n => n.Contains(' ', StringComparison.Ordinal)).ToList();
            string? main = null;
            foreach (var raw in names)
            {
                var n = Clean(raw);
                if (n is null) continue;
                if (NameKey.IsAcronymShape(n))
                {
                    if (AcceptAcronym(n, n.Contains('.', StringComparison.Ordinal), fullNames, rules)) recArmed.Acronyms.Add(n);
                    continue;
                }
                if (main is null)
                {
                    if (rules.IsGeneric(n) || rules.StartsWithPersonTitle(n)) continue;
                    main = n; recArmed.Names.Add(n);
                }
                else if (!rules.IsGeneric(n) && !rules.StartsWithPersonTitle(n)) recArmed.Names.Add(n);
            }
            if (recArmed.Names.Count == 0 && recArmed.Acronyms.Count == 0) continue;
            armed.Add(recArmed);
        }
        return (armed, governments);
    }

    /// <summary>"the United States", "the Netherlands", "the Central African Republic"; not "Chad".</summary>
    internal static bool NeedsThe(string country)
    {
        var words = country.Split(' ');
        var last = words[^1];
        if (last is "Republic" or "Kingdom" or "States" or "Emirates" or "Islands" or "Federation" or "Union") return true;
        return words[0] is "United" || (words.Length == 1 && last.EndsWith('s') && last is not "Laos" and not "Belarus" and not "Cyprus" and not "Mauritius" and not "Honduras");
    }

    private static IEnumerable<string> SplitList(string cell) =>
        cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0 && s != "n/a");

    internal static string StripParens(string s) => SpaceRegex().Replace(ParenRegex().Replace(s, " "), " ").Trim();

    /// <summary>A UCDP name made usable: no "n/a", no parenthesised qualifier, straight apostrophes, Latin script only.</summary>
    private static string? Clean(string raw)
    {
        var s = StripParens(BracketRegex().Replace(raw, " ")).Replace('\u2019', '\'').Replace('\u2018', '\'').Trim().Trim(',', ';');
        if (s.Length < 2 || s == "n/a" || !NameRules.IsLatin(s) || !s.Any(char.IsLetter)) return null;
        if (char.IsLower(s[0]) && !s.StartsWith("al-", StringComparison.Ordinal)) return null;
        return s;
    }

    /// <summary>
    /// Merges records naming the same actor and returns sorted rows. Records merge when they share a full name
    /// (case and "The" ignored) or when one's acronym spells the initials of exactly one other record's name.
    /// Aliases and acronyms claimed by two different merged actors are dropped from both (ambiguous).
    /// </summary>
    public static List<ActorRow> Merge(IReadOnlyList<ActorRecord> records, string coarse)
    {
        var parent = Enumerable.Range(0, records.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); }

        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var byInitials = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < records.Count; i++)
        {
            foreach (var n in records[i].Names)
            {
                var key = Key(n);
                if (!byName.TryGetValue(key, out var j)) byName[key] = i;
                else if (!(records[i].Source.StartsWith("ucdp", StringComparison.Ordinal) && records[j].Source.StartsWith("ucdp", StringComparison.Ordinal))
                         || records[i].Country.Length == 0 || records[j].Country.Length == 0
                         || string.Equals(records[i].Country, records[j].Country, StringComparison.Ordinal)) Union(i, j);
                if (n.Contains(' ', StringComparison.Ordinal))
                {
                    var ik = records[i].Code + "\u0001" + NameRules.Initials(n);
                    if (!byInitials.TryGetValue(ik, out var l)) byInitials[ik] = l = new List<int>();
                    if (!l.Contains(i)) l.Add(i);
                }
            }
        }
        for (int i = 0; i < records.Count; i++)
            foreach (var a in records[i].Acronyms)
            {
                var ik = records[i].Code + "\u0001" + NameKey.Normalize(a).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
                if (byInitials.TryGetValue(ik, out var l) && l.Select(Find).Distinct().Count() == 1) Union(i, l[0]);
            }

        var groups = Enumerable.Range(0, records.Count).GroupBy(Find).Select(g => g.Select(i => records[i]).ToList()).ToList();
        var drafts = new List<(string Name, List<string> Names, List<string> Acronyms, ActorRecord[] Members)>();
        foreach (var g in groups)
        {
            var members = g.OrderBy(r => r.Priority).ThenBy(r => r.Order).ToArray();
            var name = members.SelectMany(r => r.Names).FirstOrDefault() ?? members.SelectMany(r => r.Acronyms).First();
            var names = members.SelectMany(r => r.Names).ToList();
            var acronyms = members.SelectMany(r => r.Acronyms).ToList();
            drafts.Add((name, names, acronyms, members));
        }

        // Which merged actors claim each surface form.
        var claims = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (int d = 0; d < drafts.Count; d++)
            foreach (var s in drafts[d].Names.Concat(drafts[d].Acronyms))
            {
                if (!claims.TryGetValue(Key(s), out var set)) claims[Key(s)] = set = new HashSet<int>();
                set.Add(d);
            }
        var canonicalKeys = new HashSet<string>(drafts.Select(d => Key(d.Name)), StringComparer.Ordinal);

        var rows = new List<ActorRow>();
        for (int d = 0; d < drafts.Count; d++)
        {
            var (name, names, acronyms, members) = drafts[d];
            var nameKey = Key(name);
            bool Keep(string s)
            {
                var k = Key(s);
                if (k == nameKey) return false;
                // Another actor's canonical name is never our alias; a form two actors share is nobody's alias.
                return claims[k].Count == 1 && !canonicalKeys.Contains(k);
            }
            var aliases = DistinctByKey(names.Where(Keep)).ToList();
            var acrs = DistinctByKey(acronyms.Where(Keep)).ToList();
            var fine = members.SelectMany(m => m.FineTypes).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList();
            // PETRARCH codes give a group's home country; UCDP's Location is where it fought, so it comes second.
            var country = members.Where(m => !m.Source.StartsWith("ucdp", StringComparison.Ordinal)).Select(m => m.Country).FirstOrDefault(c => c.Length > 0)
                          ?? members.Select(m => m.Country).FirstOrDefault(c => c.Length > 0) ?? "";
            var sources = members.Select(m => m.Source).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList();
            rows.Add(new ActorRow(name, coarse, fine, aliases, acrs, country, sources));
        }
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Country, StringComparer.Ordinal)
            .ThenBy(r => string.Join('|', r.Sources), StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> DistinctByKey(IEnumerable<string> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in items.OrderBy(x => x, StringComparer.Ordinal))
            if (seen.Add(s)) yield return s;
    }

    /// <summary>Comparison key of a name: folded, without a leading "The".</summary>
    internal static string Key(string name)
    {
        var k = NameKey.Fold(name);
        return k.StartsWith("THE ", StringComparison.Ordinal) ? k[4..] : k;
    }

    internal static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A minimal RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes) for the UCDP file.</summary>
internal static class CsvReader
{
    public static List<Dictionary<string, string>> ReadWithHeader(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = Parse(text);
        if (records.Count == 0) return new();
        var header = records[0];
        var result = new List<Dictionary<string, string>>();
        foreach (var r in records.Skip(1))
        {
            if (r.Count == 1 && r[0].Length == 0) continue;
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Count && i < r.Count; i++) d[header[i]] = r[i];
            result.Add(d);
        }
        return result;
    }

    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = new List<string>(); break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
