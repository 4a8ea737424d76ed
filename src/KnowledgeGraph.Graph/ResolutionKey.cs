using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph;

/// <summary>The form in which two names are taken to denote the same entity across documents.</summary>
public static class ResolutionKey
{
    /// <summary>"The U.N." -> "UN"; "Côte d’Ivoire" -> "COTE D'IVOIRE": case, accents, periods, spacing, a leading article and a possessive ignored.</summary>
    public static string Of(string name)
    {
        var s = NameKey.Fold(name);
        if (s.StartsWith("THE ", StringComparison.Ordinal)) s = s[4..];
        if (s.EndsWith("'S", StringComparison.Ordinal)) s = s[..^2];
        return s;
    }

    /// <summary>
    /// "Xi Jin Ping" / "Xi Jinping", "Harbor News Briefs" / "Harbor Newsbriefs": a name of two words or more keyed by its
    /// letters with the spaces and hyphens between them left out, so one name written with its parts apart or together is
    /// one name; null for a name of one word (it cannot collide with a name's key: it starts with a control character).
    /// </summary>
    public static string? OfSpacing(string name)
    {
        var key = Of(name);
        if (!key.Contains(' ', StringComparison.Ordinal)) return null;
        return "\u0007" + new string(key.Where(ch => ch is not (' ' or '-')).ToArray());
    }

    /// <summary>
    /// A generic actor is its country (or place) plus its CAMEO agent code: "Peruvian police" in one article and
    /// "police in Peru" in another are one node. The key cannot collide with a name's key (it starts with a control character).
    /// </summary>
    public static string? OfAgent(IEnumerable<KeyValuePair<string, string>> attributeList)
    {
        var attributes = attributeList as IReadOnlyDictionary<string, string> ?? attributeList.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (!attributes.TryGetValue("agent", out var agent)) return null;
        if (attributes.TryGetValue("country", out var country)) return "\u0001" + agent + "|" + Of(country);
        return attributes.TryGetValue("place", out var place) ? "\u0001" + agent + "|@" + Of(place) : null;
    }

    /// <summary>
    /// A place that shares a country's name but is in another country ("Georgia", the U.S. state): property country
    /// without an agent. Its names are keys only together with that country, so it never meets the country of the same name.
    /// </summary>
    public static string? Within(IEnumerable<KeyValuePair<string, string>> attributes)
    {
        string? country = null;
        foreach (var (k, v) in attributes)
        {
            if (k == "agent") return null;
            if (k == "country") country = v;
        }
        return country;
    }

    /// <summary>The key of a name of a place in <paramref name="country"/> that shares another country's name.</summary>
    public static string OfWithin(string name, string country) => Of(name) + "\u0003" + Of(country);

    /// <summary>The words that say what kind of storm a name is: "Tropical Storm Ian" and "Hurricane Ian" are one storm, Ian.</summary>
    private static readonly string[] StormKinds =
        { "Super Typhoon ", "Tropical Storm ", "Tropical Depression ", "Post-Tropical Cyclone ", "Hurricane ", "Typhoon ", "Cyclone ", "Storm " };

    /// <summary>
    /// A named storm's key: its own name without the kind, which changes as the storm strengthens or weakens ("Tropical
    /// Storm Ian" becomes "Hurricane Ian"); null when the name does not start with a storm's kind.
    /// The key cannot collide with a name's key (it starts with a control character).
    /// </summary>
    public static string? OfStorm(string name)
    {
        foreach (var kind in StormKinds)
            if (name.StartsWith(kind, StringComparison.OrdinalIgnoreCase) && name.Length > kind.Length)
                return "\u0004" + Of(name[kind.Length..]);
        return null;
    }

    /// <summary>
    /// "the Kessland Marines Service" and "the Kessland Marines": a service is named by the plural of those who serve in it,
    /// so the service's name without "Service" is a key of it (that of the plural name, which then finds it in any article).
    /// Null unless the word before "Service" is a capitalised plural of a noun of people who serve the state: a state agent
    /// of agents.tsv (PETRARCH/Phoenix: government, military, police, judiciary, intelligence, legislature) or a title
    /// titles.tsv writes before a person's name ("Marshals", "Agents"). "Secret Service", "Postal Service" have no plural;
    /// "Kessland News Service" is no "Kessland News", "Kessland Veterans Service" no "Kessland Veterans" (it serves them).
    /// </summary>
    /// <param name="servers">Those nouns, lower case (<see cref="GraphLexicons.Servers"/>).</param>
    public static string? OfService(string name, IReadOnlySet<string> servers)
    {
        const string head = " Service";
        if (!name.EndsWith(head, StringComparison.Ordinal)) return null;
        var rest = name[..^head.Length];
        var last = rest[(rest.LastIndexOf(' ') + 1)..];
        return NameKey.IsCapitalisedPlural(last) && ServesTheState(last.ToLowerInvariant(), servers) ? Of(rest) : null;
    }

    private static bool ServesTheState(string plural, IReadOnlySet<string> servers) =>
        servers.Contains(plural) || servers.Contains(plural[..^1])
        || plural.EndsWith("es", StringComparison.Ordinal) && servers.Contains(plural[..^2]);

    /// <summary>Heads of a government body's name that English writes before or after its field: "the Defense Department", "the Department of Defense".</summary>
    private static readonly HashSet<string> BodyHeads = new(StringComparer.OrdinalIgnoreCase) { "Department", "Ministry", "Office", "Agency", "Bureau" };

    /// <summary>
    /// "the X Department" and "the Department of X" (also Ministry, Office, Agency, Bureau) name the same body: both have
    /// the key head + field ("Defense Department", "Department of Defense", "Department of the Defense"); an acronym
    /// opening the name stays part of the key ("U.S. Defense Department" = "U.S. Department of Defense", neither is
    /// "Department of Defense"). Null for any other name: "State Department of Health" neither opens nor ends with the
    /// head, so it is not "Department of State". The key cannot collide with a name's key (it starts with a control character).
    /// </summary>
    public static string? OfBody(string name)
    {
        var words = NameKey.Words(name).ToList();
        if (words.Count > 0 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        if (OfCommittee(words) is { } committee) return committee;
        string prefix = "";
        if (words.Count >= 3 && NameKey.IsAcronymShape(words[0]) && !BodyHeads.Contains(words[0])) { prefix = Of(words[0]); words.RemoveAt(0); }
        if (words.Count < 2) return null;
        List<string> field;
        string head;
        // the owner's words may come first ("Kessland Ministry of Fisheries" = "Kessland Fisheries Ministry"): capitalised
        // words that are no head nor "of", before the head and "of"; they open the field
        int at = 0;
        while (at + 1 < words.Count && !BodyHeads.Contains(words[at]) && char.IsUpper(words[at][0]) && !words[at].Equals("of", StringComparison.OrdinalIgnoreCase)) at++;
        if (at + 1 < words.Count && BodyHeads.Contains(words[at]) && words[at + 1].Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            head = words[at];
            var after = words.Skip(at + 2).ToList();
            if (after.Count > 0 && after[0].Equals("the", StringComparison.OrdinalIgnoreCase)) after.RemoveAt(0);
            field = words.Take(at).Concat(after).ToList();
            if (after.Count == 0) return null;
        }
        else if (BodyHeads.Contains(words[^1]) && !words.Take(words.Count - 1).Any(w => BodyHeads.Contains(w) || w.Equals("of", StringComparison.OrdinalIgnoreCase)))
        {
            head = words[^1];
            field = words.Take(words.Count - 1).ToList();
        }
        else return null;
        if (field.Count == 0 || !char.IsUpper(field[0][0]) || !field.All(w => IsNameWord(w) || w == "for")) return null;
        // "the Ministry of Foreign Affairs" is "the Foreign Ministry": "Affairs" closing a field is left out, when the
        // field keeps two words (an owner's and the field's: "Kessland Foreign"), so a bare "Foreign Ministry" of one
        // country never meets a bare "Ministry of Foreign Affairs" of another through it
        if (field.Count >= 3 && field[^1].Equals("Affairs", StringComparison.Ordinal)) field.RemoveAt(field.Count - 1);
        return "\u0005" + prefix + "|" + head.ToUpperInvariant() + "|" + Of(string.Join(' ', field));
    }

    /// <summary>
    /// A ministry's body key (<see cref="OfBody"/>) with "National" opening its field left out ("Ministry of National
    /// Fisheries" -> the key of "Fisheries Ministry"), for a join within one article only; null for any other key. Not a
    /// department's: "the Department of National Parks" and "the Parks Department" (a city's) of one story are two bodies.
    /// </summary>
    public static string? WithoutNational(string bodyKey)
    {
        if (!bodyKey.StartsWith('\u0005')) return null;
        int bar = bodyKey.LastIndexOf('|');
        if (bar < 1) return null;
        var head = bodyKey[(bodyKey.LastIndexOf('|', bar - 1) + 1)..bar];
        var field = bodyKey[(bar + 1)..];
        if (head != "MINISTRY" || !field.StartsWith("NATIONAL ", StringComparison.Ordinal)) return null;
        return bodyKey[..(bar + 1)] + field["NATIONAL ".Length..];
    }

    /// <summary>The complements that name a body's governing board: "Board of Directors", "of Governors", "of Trustees".</summary>
    private static readonly HashSet<string> BoardMembers = new(StringComparer.Ordinal) { "Directors", "Governors", "Trustees" };

    /// <summary>
    /// "the Kessa Harbour Fund's Board of Directors", "the KHF Board of Directors", "the Board of Directors of the Kessa
    /// Harbour Fund": one owner's governing board whichever way the name says whose it is, key owner + "BOARD"; a board
    /// named without "of Directors" (Governors, Trustees) is that board only after an owner written as one acronym ("the
    /// KHF Board", "KHF's Board"), since a board named after its field ("the Kessa Parole Board") is a body of its own and
    /// no owner's board. The owner's possessive is left out ("KHF's", "KHFs"). Null for any other name, and for a board
    /// with no owner ("the Board of Directors", "the Executive Board" stay apart from every owner's board).
    /// </summary>
    public static string? OfBoard(string name)
    {
        var words = NameKey.Words(name).ToList();
        if (words.Count > 0 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        int at = words.IndexOf("Board");
        if (at < 0) return null;
        int end = at + 1;
        bool governing = end + 1 < words.Count && words[end] == "of" && BoardMembers.Contains(words[end + 1]);
        if (governing) end += 2;
        List<string> owner;
        if (at == 0 && governing && end + 1 < words.Count && words[end] == "of")
        {
            owner = words.Skip(end + 1).ToList();
            if (owner.Count > 0 && owner[0].Equals("the", StringComparison.OrdinalIgnoreCase)) owner.RemoveAt(0);
        }
        else if (at > 0 && end == words.Count)
        {
            owner = words.Take(at).ToList();
            var last = owner[^1];
            if (last.EndsWith("'s", StringComparison.Ordinal) || last.EndsWith("s'", StringComparison.Ordinal)) owner[^1] = last[..^2];
            else if (last.Length >= 3 && last[^1] == 's' && NameKey.IsAcronymShape(last[..^1])) owner[^1] = last[..^1];
            else if (last == "'s" && owner.Count > 1) owner.RemoveAt(owner.Count - 1);
        }
        else return null;
        if (owner.Count == 0 || owner[0].Length == 0 || !char.IsUpper(owner[0][0]) || !owner.All(w => w.Length > 0 && IsNameWord(w))) return null;
        if (!governing && !(owner.Count == 1 && NameKey.IsAcronymShape(owner[0]))) return null;
        return "\u000E" + Of(string.Join(' ', owner)) + "|BOARD";
    }

    /// <summary>Words that say how a legislature set a committee up, which its short name leaves out: "Select", "Standing", "Permanent".</summary>
    private static readonly HashSet<string> CommitteeKinds = new(StringComparer.OrdinalIgnoreCase) { "Select", "Standing", "Permanent" };

    /// <summary>
    /// "the Senate Select Committee on Intelligence" and "the Senate Intelligence Committee", "the House Committee on Armed
    /// Services" and "the House Armed Services Committee": a committee's name with its owner, its kind (Select, Standing,
    /// Permanent) left out and its field before "Committee" or after "Committee on", has the key owner + field. The owner is
    /// required: the "on" form needs a capitalised word before "Committee" that is no kind, the short form two words before
    /// it, so "the Armed Services Committee" (no owner) never meets "the House Committee on Armed Services", and the
    /// House's and the Senate's committees of one field stay apart. Null for any other name.
    /// </summary>
    private static string? OfCommittee(List<string> words)
    {
        int at = words.FindIndex(w => w.Equals("Committee", StringComparison.Ordinal));
        if (at < 0) return null;
        List<string> key;
        var owner = words.Take(at).Where(w => !CommitteeKinds.Contains(w)).ToList();
        if (at + 2 < words.Count && words[at + 1] == "on")
        {
            var field = words.Skip(at + 2).ToList();
            if (field.Count > 0 && field[0].Equals("the", StringComparison.OrdinalIgnoreCase)) field.RemoveAt(0);
            if (owner.Count == 0 || field.Count == 0) return null;
            key = owner.Concat(field).ToList();
        }
        else if (at == words.Count - 1 && at >= 2)
        {
            key = owner;
            if (key.Count < 2) return null;
        }
        else return null;
        if (!key.All(IsNameWord)) return null;
        return "\u0006" + Of(string.Join(' ', key));
    }

    /// <summary>A word of a body's name: capitalised, or one of the connectors names keep ("and", "&amp;", "of", "on", "the").</summary>
    private static bool IsNameWord(string w) => char.IsUpper(w[0]) || w is "and" or "&" or "of" or "on" or "the";

    /// <summary>The node property that names the document of a document-scoped generic actor.</summary>
    public const string DocumentAttribute = "document";

    /// <summary>A generic actor with no country or place ("protesters", "police"): scope = document.</summary>
    public static bool IsDocumentScoped(IEnumerable<KeyValuePair<string, string>> attributes) =>
        attributes.Any(kv => kv.Key == "scope" && kv.Value == "document");

    /// <summary>The key of a document-scoped actor: its document, agent code and name; it cannot meet another document's key.</summary>
    public static string OfScopedAgent(IEnumerable<KeyValuePair<string, string>> attributes, string name, string docId) =>
        "\u0002" + docId + "|" + (attributes.FirstOrDefault(kv => kv.Key == "agent").Value ?? "") + "|" + Of(name);
}
