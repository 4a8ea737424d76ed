namespace KnowledgeGraph.Nlp.Lexicons;

/// <summary>One argument check of event_checks.tsv: for these categories, if the argument passes the test, read <see cref="Then"/> (a category, a CAMEO code, keep or none).</summary>
public sealed record EventCheck(IReadOnlySet<string> Categories, string Argument, string Test, string Then, int Line)
{
    /// <summary>"keep": the category holds and later checks are not tried.</summary>
    public bool Keeps => Then == "keep";
    /// <summary>"none": no event at all.</summary>
    public bool Drops => Then == "none";
}

/// <summary>
/// The argument checks (event_checks.tsv) with the word classes they name: CAMEO synonym sets (cameo_classes.tsv),
/// our classes (event_classes.tsv), trigger nouns of a category (triggers.tsv) and generic agents (agents.tsv).
/// Immutable; shared by all threads.
/// </summary>
public sealed class EventChecks
{
    public static readonly string[] Columns = { "category", "argument", "test", "then" };
    public static readonly string[] ClassColumns = { "class", "word" };
    public const string ChecksFile = "event_checks.tsv";
    public const string ClassesFile = "event_classes.tsv";

    private readonly Dictionary<string, HashSet<string>> _classes;

    public EventChecks(IReadOnlyList<EventCheck> checks, Dictionary<string, HashSet<string>> classes)
    {
        Checks = checks;
        _classes = classes;
    }

    public static EventChecks Empty { get; } = new(Array.Empty<EventCheck>(), new Dictionary<string, HashSet<string>>());

    public IReadOnlyList<EventCheck> Checks { get; }

    /// <summary>Whether a lemma is in a class named by a test ("class:&amp;WEAPON", "class:@MEASURE", "trigger:SANCTION", "agent:MED").</summary>
    public bool InClass(string test, string lemma) => _classes.TryGetValue(test, out var set) && set.Contains(lemma);

    /// <summary>
    /// Loads event_checks.tsv and event_classes.tsv from <paramref name="directory"/>, resolving every class a test names
    /// against the CAMEO synonym sets, the trigger nouns and the agents; an unknown class or category is an error.
    /// </summary>
    public static EventChecks Load(string directory, CameoLexicon cameo, TriggerLexicon triggers, AgentLexicon agents)
    {
        var own = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var classesPath = Path.Combine(directory, ClassesFile);
        foreach (var row in TsvFile.Read(classesPath, ClassColumns))
        {
            if (!row[0].StartsWith('@')) throw Lexicon.Bad(classesPath, row, $"class '{row[0]}' must start with @");
            if (!own.TryGetValue(row[0], out var set)) own[row[0]] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(Lexicon.NonEmpty(classesPath, row, 1));
        }
        var path = Path.Combine(directory, ChecksFile);
        var checks = new List<EventCheck>();
        var classes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(path, Columns))
        {
            var categories = TsvFile.List(row[0]).ToHashSet(StringComparer.Ordinal);
            var types = triggers.Entries.Select(e => e.Type).ToHashSet(StringComparer.Ordinal);
            foreach (var c in categories)
                if (!TriggerLexicon.Categories.Contains(c) && !types.Contains(c)) throw Lexicon.Bad(path, row, $"unknown category or relationship type '{c}'");
            var argument = row[1];
            if (argument is not ("object" or "subject" or "noun" or "target") && !argument.StartsWith("obl:", StringComparison.Ordinal))
                throw Lexicon.Bad(path, row, $"argument must be object, subject, noun, target or obl:<prep>, found '{argument}'");
            var test = row[2];
            var then = row[3];
            if (then is not ("keep" or "none") && !TriggerLexicon.Categories.Contains(then) && (!then.All(char.IsAsciiDigit) || cameo.VerbCount > 0 && cameo.Coding(then) is null))
                throw Lexicon.Bad(path, row, $"then must be a category, a CAMEO code of cameo_plover.tsv, keep or none, found '{then}'");
            if (test.StartsWith("type:", StringComparison.Ordinal))
            {
                if (argument != "target") throw Lexicon.Bad(path, row, "a type: test applies to the target");
            }
            else if (!classes.ContainsKey(test))
            {
                var words = Resolve(test, own, cameo, triggers, agents) ?? throw Lexicon.Bad(path, row, $"unknown class '{test}'");
                classes[test] = words;
            }
            checks.Add(new EventCheck(categories, argument, test, then, row.Line));
        }
        // every class of our own, also one no check names: the engine reads some directly (@RELATIONSHIP)
        foreach (var (name, words) in own) classes.TryAdd("class:" + name, words);
        return new EventChecks(checks, classes);
    }

    private static HashSet<string>? Resolve(string test, Dictionary<string, HashSet<string>> own, CameoLexicon cameo, TriggerLexicon triggers, AgentLexicon agents)
    {
        int colon = test.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return null;
        var kind = test[..colon];
        var name = test[(colon + 1)..];
        switch (kind)
        {
            case "class" when name.StartsWith('@'):
                return own.TryGetValue(name, out var mine) ? mine : null;
            case "class" when name.StartsWith('&'):
                if (!cameo.Classes.TryGetValue(name[1..], out var members)) return null;
                // one-word members and the heads of multiword ones ("unmanned drone" -> drone), singular as lemmas are
                return members.SelectMany(m => new[] { m.Split(' ')[^1], PhraseConstraint.Singular(m.Split(' ')[^1]) }).ToHashSet(StringComparer.Ordinal);
            case "trigger":
                if (!TriggerLexicon.Categories.Contains(name)) return null;
                return triggers.Entries.Where(e => e.Pos == TriggerPos.Noun && e.Category == name && !e.Lemma.Contains(' ', StringComparison.Ordinal))
                    .Select(e => e.Lemma).ToHashSet(StringComparer.Ordinal);
            case "agent":
                // one-word agents whose primary code is the name ("newspaper", "television" for MED); the heads of multiword
                // ones ("publishing house") are too general
                var set = agents.Entries.Where(e => e.Primary == name && !e.Lemma.Contains(' ', StringComparison.Ordinal)).Select(e => e.Lemma).ToHashSet(StringComparer.Ordinal);
                return set.Count == 0 ? null : set;
            default:
                return null;
        }
    }
}
