using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Nlp.Lexicons.Derivation;

/// <summary>One country from mledoze/countries, with the English forms the gazetteer needs.</summary>
internal sealed record CountryInfo(string Cca3, string Cca2, string Common, string Official, bool Independent,
    IReadOnlyList<string> AltSpellings, IReadOnlyList<string> NativeNames, IReadOnlyList<string> Demonyms, IReadOnlyList<string> Capitals);

/// <summary>Finds a country's cca3 from any of its English names (common, official, alternative; "Russia (Soviet Union)" -> RUS).</summary>
internal sealed class CountryIndex
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CountryInfo> _byCode = new(StringComparer.Ordinal);

    public CountryIndex(IEnumerable<CountryInfo> countries)
    {
        foreach (var c in countries)
        {
            _byCode[c.Cca3] = c;
            foreach (var n in c.AltSpellings.Prepend(c.Official).Prepend(c.Common))
                if (n.Length > 2) _byName.TryAdd(ActorDeriver.Key(n), c.Cca3);
        }
    }

    public IReadOnlyCollection<CountryInfo> All => _byCode.Values;
    public bool IsCode(string cca3) => _byCode.ContainsKey(cca3);
    public string CommonName(string cca3) => _byCode[cca3].Common;
    public string OfficialName(string cca3) => _byCode[cca3].Official;

    public string? Find(string name)
    {
        if (_byName.TryGetValue(ActorDeriver.Key(name), out var code)) return code;
        var stripped = ActorDeriver.StripParens(name);
        if (_byName.TryGetValue(ActorDeriver.Key(stripped), out code)) return code;
        int open = name.IndexOf('(', StringComparison.Ordinal), close = name.IndexOf(')', StringComparison.Ordinal);
        if (open >= 0 && close > open && _byName.TryGetValue(ActorDeriver.Key(name[(open + 1)..close]), out code)) return code;
        return null;
    }

    public static List<CountryInfo> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
        var list = new List<CountryInfo>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var name = c.GetProperty("name");
            var natives = new List<string>();
            if (name.TryGetProperty("native", out var native))
                foreach (var lang in native.EnumerateObject())
                {
                    natives.Add(lang.Value.GetProperty("official").GetString() ?? "");
                    natives.Add(lang.Value.GetProperty("common").GetString() ?? "");
                }
            var demonyms = new List<string>();
            if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                foreach (var g in new[] { "m", "f" })
                    if (eng.TryGetProperty(g, out var v) && v.GetString() is { Length: > 0 } s)
                        // (a land of two parts has two demonyms in one string: "Bosnian, Herzegovinian", "Kittitian or Nevisian")
                        foreach (var one in s.Split(new[] { ", ", " or " }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            if (!demonyms.Contains(one)) demonyms.Add(one);
            list.Add(new CountryInfo(
                c.GetProperty("cca3").GetString()!,
                c.GetProperty("cca2").GetString()!,
                name.GetProperty("common").GetString()!,
                name.GetProperty("official").GetString()!,
                c.TryGetProperty("independent", out var ind) && ind.ValueKind == JsonValueKind.True,
                Strings(c, "altSpellings"), natives, demonyms, Strings(c, "capital")));
        }
        return list.OrderBy(c => c.Cca3, StringComparer.Ordinal).ToList();
    }

    private static List<string> Strings(JsonElement e, string property) =>
        e.TryGetProperty(property, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0).ToList()
            : new List<string>();
}

/// <summary>A finished countries.tsv row.</summary>
internal sealed record CountryRow(string Cca3, string Name, string Official, IReadOnlyList<string> Alternatives, IReadOnlyList<string> Demonyms, IReadOnlyList<string> Capitals,
    bool Independent)
{
    public static readonly string[] Columns = LexiconFormats.CountryColumns;
    public IReadOnlyList<string> ToCells() => new[] { Cca3, Name, Official, TsvFile.JoinList(Alternatives), TsvFile.JoinList(Demonyms), TsvFile.JoinList(Capitals),
        Independent ? "yes" : "no" };
}

/// <summary>
/// countries.tsv: common and official names, English alternative names (no ISO codes, no native-language or
/// inverted "Congo, the ..." forms), the short forms PETRARCH lists when they are the name's initials
/// ("U.S.", "U.K.") or a distinctive word of its name ("America", "Britain"), demonyms and capitals.
/// A short form or demonym claimed by several countries goes to the only independent one, else to none.
/// Demonyms are mledoze's, and the one-word forms PETRARCH lists for the country that English writes as an adjective (the
/// UD EWT treebank tags them ADJ, capitalised inside a sentence): "Philippine" beside mledoze's "Filipino".
/// </summary>
internal static class CountryDeriver
{
    /// <param name="properAdjectives">Words the treebank tags ADJ written capitalised inside a sentence ("Philippine", "Bosnian").</param>
    public static List<CountryRow> Derive(IReadOnlyList<CountryInfo> countries, IReadOnlyList<PetrarchActor> petrarchCountries, NameRules rules,
        IReadOnlySet<string> properAdjectives)
    {
        var alternatives = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var adjectival = countries.ToDictionary(c => c.Cca3, c => c.Demonyms.ToList(), StringComparer.Ordinal); // demonyms, PETRARCH's added
        var allDemonyms = new HashSet<string>(countries.SelectMany(c => c.Demonyms).Select(d => d.ToUpperInvariant()), StringComparer.Ordinal);
        foreach (var c in countries)
        {
            // English alternatives: no ISO codes or other 2-letter forms (their dotted short forms come from PETRARCH),
            // no native-language or romanised forms, no inverted "Congo, the Democratic Republic of the".
            var english = c.AltSpellings.Where(a => !a.Contains(',', StringComparison.Ordinal) && a.All(ch => ch < 0x100)
                && !(c.NativeNames.Contains(a) && !string.Equals(a, c.Common, StringComparison.Ordinal))).ToList();
            var names = new List<string> { c.Common, c.Official };
            names.AddRange(english.Where(a => a.Contains(' ', StringComparison.Ordinal)));
            var alts = new List<string>();
            foreach (var a in english)
            {
                if (NameKey.Normalize(a).Length <= 2) continue;
                if (NameKey.IsAcronymShape(a) && (NameKey.Normalize(a).Length > 4 || !names.Any(n => n.Contains(' ', StringComparison.Ordinal) && NameRules.IsAcronymOf(a, n)))) continue;
                alts.Add(a);
            }
            var block = petrarchCountries.FirstOrDefault(p => p.MainCode?.Code == c.Cca3 && !p.MainCode.Dated
                && ActorDeriver.CleanPetrarch(p.Name) is { } main
                && (ActorDeriver.Key(main.Upper) == ActorDeriver.Key(c.Common) || ActorDeriver.Key(main.Upper) == ActorDeriver.Key(c.Official)));
            if (block is not null)
            {
                var nameWords = new HashSet<string>(names.SelectMany(NameKey.Words).Select(w => w.ToUpperInvariant()), StringComparer.Ordinal);
                foreach (var raw in block.Aliases)
                {
                    var clean = ActorDeriver.CleanPetrarch(raw);
                    if (clean is null) continue;
                    // a short form PETRARCH writes in brackets after the country's name ("KESSLAND_(FRK)") is the country's
                    // when it spells the initials of its official or another long name ("Federal Republic of Kessland"): the
                    // country reading of an acronym another body may share ("deter the FRK")
                    foreach (var acronym in clean.ParenAcronyms)
                        if (acronym.Length is >= 3 and <= 4 && names.Any(n => n.Contains(' ', StringComparison.Ordinal) && IsCountryAcronym(acronym, n)))
                            alts.Add(acronym);
                    var bare = NameKey.Normalize(clean.Upper);
                    if (bare.Contains(' ', StringComparison.Ordinal)) continue;
                    // (a word of the country's own name stays a short form of it: "Saudi"; a common word in lower case is no
                    // demonym: "Male", the Maldives' capital, is "male" too)
                    if (!clean.Dotted && !nameWords.Contains(bare) && !rules.IsCommon(bare) && properAdjectives.FirstOrDefault(a => string.Equals(a, bare, StringComparison.OrdinalIgnoreCase)) is { } adjective
                        && !allDemonyms.Contains(bare) && !adjectival[c.Cca3].Contains(adjective))
                    {
                        adjectival[c.Cca3].Add(adjective);
                        continue;
                    }
                    if (clean.Dotted && NameKey.IsAcronymShape(clean.Upper) && bare.Length <= 4 && names.Any(n => n.Contains(' ', StringComparison.Ordinal) && IsCountryAcronym(bare, n)))
                        alts.Add(clean.Upper);
                    else if (!clean.Dotted && nameWords.Contains(bare) && bare.Length > 3 && !rules.IsCommon(bare) && !NameRules.IsSmallWord(bare.ToLowerInvariant())
                             && !allDemonyms.Contains(bare))
                        alts.Add(rules.ProperCase(bare, new HashSet<string>()));
                    else if (!clean.Dotted && bare.Length >= 3 && bare.Length <= 4 && names.Any(n => n.Contains(' ', StringComparison.Ordinal) && IsCountryAcronym(bare, n)))
                        alts.Add(bare);
                }
            }
            var own = new HashSet<string>(new[] { ActorDeriver.Key(c.Common), ActorDeriver.Key(c.Official) }, StringComparer.Ordinal);
            alternatives[c.Cca3] = alts.Where(a => own.Add(ActorDeriver.Key(a))).ToList();
        }

        var byCode = countries.ToDictionary(c => c.Cca3, StringComparer.Ordinal);
        var canonical = new HashSet<string>(countries.SelectMany(c => new[] { ActorDeriver.Key(c.Common), ActorDeriver.Key(c.Official) }), StringComparer.Ordinal);
        var altOwners = Owners(alternatives);
        var demonymOwners = Owners(adjectival);

        bool Owns(Dictionary<string, List<string>> owners, string form, string cca3)
        {
            var list = owners[ActorDeriver.Key(form)];
            if (list.Count == 1) return true;
            var independent = list.Where(code => byCode[code].Independent).ToList();
            return independent.Count == 1 && independent[0] == cca3;
        }

        var rows = new List<CountryRow>();
        foreach (var c in countries)
        {
            var alts = alternatives[c.Cca3].Where(a => !canonical.Contains(ActorDeriver.Key(a)) && Owns(altOwners, a, c.Cca3))
                .Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToList();
            var demonyms = adjectival[c.Cca3].Where(d => Owns(demonymOwners, d, c.Cca3)).OrderBy(d => d, StringComparer.Ordinal).ToList();
            var capitals = c.Capitals.Where(NameRules.IsLatin).OrderBy(x => x, StringComparer.Ordinal).ToList();
            rows.Add(new CountryRow(c.Cca3, c.Common, c.Official, alts, demonyms, capitals, c.Independent));
        }
        return rows;
    }

    /// <summary>
    /// "U.K." for "United Kingdom", and "ROK" / "R.O.K." for "Republic of Korea": a short form PETRARCH lists for the country
    /// spells the initials of one of its names, either without the small words or with an "of" that joins a state's form to
    /// its name (English writes the O of "Republic of": ROK, DPRK, not "RK").
    /// </summary>
    internal static bool IsCountryAcronym(string acronym, string name)
    {
        if (NameRules.IsAcronymOf(acronym, name)) return true;
        var words = NameKey.Words(name).ToList();
        if (!words.Any(w => string.Equals(w, "of", StringComparison.OrdinalIgnoreCase))) return false;
        var withOf = string.Concat(words.Where(w => string.Equals(w, "of", StringComparison.OrdinalIgnoreCase) || NameRules.Initials(w).Length > 0)
            .Select(w => string.Equals(w, "of", StringComparison.OrdinalIgnoreCase) ? "O" : NameRules.Initials(w)));
        var a = NameKey.Normalize(acronym).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        return a.Length >= 3 && string.Equals(a, withOf, StringComparison.Ordinal);
    }

    private static Dictionary<string, List<string>> Owners(Dictionary<string, List<string>> forms)
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (code, list) in forms.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            foreach (var f in list)
            {
                var k = ActorDeriver.Key(f);
                if (!owners.TryGetValue(k, out var o)) owners[k] = o = new List<string>();
                if (!o.Contains(code)) o.Add(code);
            }
        return owners;
    }
}
