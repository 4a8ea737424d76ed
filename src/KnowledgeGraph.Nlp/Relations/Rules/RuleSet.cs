using System.Globalization;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Relations.Rules;

/// <summary>
/// Every relation rule and word set of the rule files (<c>resources/rules/*.rules</c>, read in ordinal file order). The
/// format is in docs/rules.md; a malformed line is a <see cref="UserErrorException"/> naming file and line. Immutable.
/// </summary>
public sealed class RuleSet
{
    public const string Extension = ".rules";

    private readonly Dictionary<string, IReadOnlySet<string>> _sets;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _maps;

    private RuleSet(IReadOnlyList<RelationRule> rules, Dictionary<string, IReadOnlySet<string>> sets, Dictionary<string, IReadOnlyDictionary<string, string>> maps)
    {
        Rules = rules;
        _sets = sets;
        _maps = maps;
    }

    public IReadOnlyList<RelationRule> Rules { get; }

    /// <summary>Whether some rule is marked <c>default yes</c>: the default build then parses for it (docs/rules.md, "Default rules").</summary>
    public bool HasDefaultRules => Rules.Any(r => r.Default);

    /// <summary>The folder the pipeline reads: <c>resources/rules</c> beside the program.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "resources", "rules");

    /// <summary>A word set declared with <c>set name: w1 w2 ...</c>; empty when not declared.</summary>
    public IReadOnlySet<string> Set(string name) => _sets.TryGetValue(name, out var s) ? s : EmptySet;

    /// <summary>A word map declared with <c>map name: key=value ...</c>; empty when not declared.</summary>
    public IReadOnlyDictionary<string, string> Map(string name) => _maps.TryGetValue(name, out var m) ? m : EmptyMap;

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>(StringComparer.Ordinal);
    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Reads every <c>*.rules</c> file of <paramref name="directory"/>.</summary>
    /// <param name="categoryOf">Category of a schema type, or null when unknown (from the trigger lexicon and the stative types).</param>
    public static RuleSet Load(string? directory, Func<string, string?> categoryOf)
    {
        directory ??= DefaultDirectory;
        if (!Directory.Exists(directory)) throw new UserErrorException($"{directory}: rule folder not found");
        var files = Directory.GetFiles(directory, "*" + Extension).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new UserErrorException($"{directory}: no {Extension} files");
        return Parse(files.Select(f => (f, File.ReadAllText(f))), categoryOf);
    }

    /// <summary>Parses rule texts given as (file name, content); the family of a rule is its file name without extension.</summary>
    public static RuleSet Parse(IEnumerable<(string File, string Text)> files, Func<string, string?> categoryOf)
    {
        var rules = new List<RelationRule>();
        var sets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var maps = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, text) in files)
        {
            var family = Path.GetFileNameWithoutExtension(file);
            RuleBuilder? current = null;
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            void Close()
            {
                if (current is null) return;
                var rule = current.Build(categoryOf);
                if (!names.Add(rule.Name)) throw current.Error($"rule {rule.Name} is defined twice");
                rules.Add(rule);
                current = null;
            }
            for (int i = 0; i < lines.Length; i++)
            {
                var line = StripComment(lines[i]);
                if (line.Trim().Length == 0) continue;
                var where = $"{file}:{i + 1}";
                bool indented = char.IsWhiteSpace(line[0]);
                var trimmed = line.Trim();
                var (keyword, rest) = SplitFirst(trimmed);
                if (!indented)
                {
                    Close();
                    switch (keyword)
                    {
                        case "rule":
                            if (rest.Length == 0 || rest.Contains(' ', StringComparison.Ordinal)) throw new UserErrorException($"{where}: 'rule' needs one name");
                            current = new RuleBuilder(family, $"{family}.{rest}", where);
                            break;
                        case "set":
                        {
                            var (name, words) = Declaration(rest, where);
                            sets[name] = words.ToHashSet(StringComparer.Ordinal);
                            break;
                        }
                        case "map":
                        {
                            var (name, words) = Declaration(rest, where);
                            var map = new Dictionary<string, string>(StringComparer.Ordinal);
                            foreach (var w in words)
                            {
                                var eq = w.IndexOf('=', StringComparison.Ordinal);
                                if (eq <= 0 || eq == w.Length - 1) throw new UserErrorException($"{where}: map entries are key=value, found '{w}'");
                                map[w[..eq]] = w[(eq + 1)..];
                            }
                            maps[name] = map;
                            break;
                        }
                        default:
                            throw new UserErrorException($"{where}: expected 'rule', 'set' or 'map' at the start of a line, found '{keyword}'");
                    }
                    continue;
                }
                if (current is null) throw new UserErrorException($"{where}: indented line outside a rule");
                current.Add(keyword, rest, where);
            }
            Close();
        }
        var result = new RuleSet(rules, sets, maps);
        foreach (var r in rules) result.CheckSets(r);
        return result;
    }

    private void CheckSets(RelationRule r)
    {
        var tests = r.TriggerTests.Concat(r.Subject.Concat(r.Object).SelectMany(p => p.Steps).SelectMany(s => s.Tests));
        foreach (var v in tests.SelectMany(t => t.Values).Where(v => v.StartsWith('@')))
            if (!_sets.ContainsKey(v[1..])) throw new UserErrorException($"{r.Source}: rule {r.Name} uses the word set {v}, which no 'set' line declares");
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf(" #", StringComparison.Ordinal);
        if (line.TrimStart().StartsWith('#')) return "";
        return hash >= 0 ? line[..hash] : line;
    }

    private static (string First, string Remainder) SplitFirst(string s)
    {
        int sp = s.IndexOfAny(new[] { ' ', '\t' });
        return sp < 0 ? (s, "") : (s[..sp], s[(sp + 1)..].Trim());
    }

    private static (string Name, string[] Words) Declaration(string rest, string where)
    {
        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw new UserErrorException($"{where}: declarations are 'set name: word word ...' or 'map name: key=value ...'");
        var words = rest[(colon + 1)..].Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Replace('_', ' ')).ToArray();
        return (rest[..colon].Trim(), words);
    }

    /// <summary>Parses <c>key=v1|v2</c>, <c>key</c>, <c>!key</c>, <c>key!=v</c>.</summary>
    internal static TokenTest ParseTest(string text, string where)
    {
        bool negated = text.StartsWith('!');
        if (negated) text = text[1..];
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        string key = eq < 0 ? text : text[..eq];
        if (key.EndsWith('!')) { negated = true; key = key[..^1]; }
        var values = eq < 0 ? Array.Empty<string>() : text[(eq + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Replace('_', ' ')).ToArray();
        if (!TestKeys.Contains(key)) throw new UserErrorException($"{where}: unknown test '{key}' (known: {string.Join(", ", TestKeys.Order(StringComparer.Ordinal))})");
        if (key == "voice" && values.Any(v => v is not ("active" or "passive"))) throw new UserErrorException($"{where}: voice is active or passive");
        if (key == "entity" && values.Any(v => !Enum.TryParse<EntityType>(v, out _))) throw new UserErrorException($"{where}: entity types are Person, Organization, Location, Event");
        return new TokenTest(key, values, negated);
    }

    private static readonly HashSet<string> TestKeys = new(StringComparer.Ordinal)
        { "case", "prep", "lemma", "upos", "tag", "deprel", "entity", "fine", "has", "mention", "voice", "role", "word", "before", "after", "det", "reads", "prev", "next", "listed" };

    internal static RulePath ParsePath(string text, string where)
    {
        var steps = new List<PathStep>();
        if (text == ".") return new RulePath(steps, text);
        foreach (var raw in text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var s = raw;
            bool up = s.StartsWith('<');
            if (up) s = s[1..];
            var tests = new List<TokenTest>();
            int br = s.IndexOf('[', StringComparison.Ordinal);
            if (br >= 0)
            {
                if (!s.EndsWith(']')) throw new UserErrorException($"{where}: unclosed '[' in path step '{raw}'");
                foreach (var t in s[(br + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries)) tests.Add(ParseTest(t.Trim(), where));
                s = s[..br];
            }
            bool capture = s.EndsWith('@');
            if (capture) s = s[..^1];
            if (s.Length == 0 || !(s == "*" || s.All(c => char.IsAsciiLetterLower(c) || c == ':')))
                throw new UserErrorException($"{where}: path step '{raw}' needs a UD relation (nsubj, obl:agent, ...) or '*'");
            bool captureCase = tests.Any(t => t.Key == "case" && !t.Negated);
            steps.Add(new PathStep(up, s, tests, captureCase, capture));
        }
        if (steps.Count == 0) throw new UserErrorException($"{where}: empty path");
        return new RulePath(steps, text);
    }

    private sealed class RuleBuilder(string family, string name, string where)
    {
        private TriggerKind? _trigger;
        private IReadOnlySet<string> _lemmas = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<TokenTest> _triggerTests = new();
        private readonly List<RulePath> _subject = new(), _object = new();
        private string? _yields;
        private string _yieldsWhere = "";
        private RelationPattern _pattern = RelationPattern.Verb;
        private readonly List<RuleExample> _examples = new();
        private bool _default;

        public UserErrorException Error(string message) => new($"{where}: {message}");

        public void Add(string keyword, string rest, string at)
        {
            switch (keyword)
            {
                case "trigger":
                {
                    var parts = rest.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length == 0) throw new UserErrorException($"{at}: 'trigger' needs verb, noun, role or lemma=...");
                    if (parts[0].StartsWith("lemma=", StringComparison.Ordinal))
                    {
                        _trigger = TriggerKind.Lemma;
                        _lemmas = parts[0][6..].Split('|', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Replace('_', ' ')).ToHashSet(StringComparer.Ordinal);
                    }
                    else
                    {
                        _trigger = parts[0] switch
                        {
                            "verb" => TriggerKind.Verb,
                            "noun" => TriggerKind.Noun,
                            "role" => TriggerKind.Role,
                            "token" => TriggerKind.Token,
                            _ => throw new UserErrorException($"{at}: trigger is verb, noun, role, token or lemma=a|b, found '{parts[0]}'"),
                        };
                    }
                    foreach (var part in parts.Skip(1)) _triggerTests.Add(ParseTest(part, at));
                    break;
                }
                case "subject":
                    foreach (var alt in rest.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) _subject.Add(ParsePath(alt, at));
                    break;
                case "object":
                    foreach (var alt in rest.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) _object.Add(ParsePath(alt, at));
                    break;
                case "yields":
                    _yields = rest; _yieldsWhere = at;
                    break;
                case "base":
                    if (!Enum.TryParse(rest, out RelationPattern p) || rest.Any(char.IsDigit))
                        throw new UserErrorException($"{at}: base is one of {string.Join(", ", Enum.GetNames<RelationPattern>())}");
                    _pattern = p;
                    break;
                case "example":
                    _examples.Add(ParseExample(rest, at));
                    break;
                case "default":
                    _default = rest.Trim() switch
                    {
                        "yes" => true,
                        "no" => false,
                        _ => throw new UserErrorException($"{at}: default is yes or no, found '{rest.Trim()}'"),
                    };
                    break;
                default:
                    throw new UserErrorException($"{at}: unknown rule line '{keyword}' (trigger, subject, object, yields, base, example, default)");
            }
        }

        private static RuleExample ParseExample(string rest, string at)
        {
            int arrow = rest.LastIndexOf(" => ", StringComparison.Ordinal);
            if (arrow < 0) throw new UserErrorException($"{at}: example is '<marked-up sentence> => Subject -[TYPE]-> Object'");
            var edge = rest[(arrow + 4)..].Trim();
            int open = edge.IndexOf(" -[", StringComparison.Ordinal), close = edge.IndexOf("]-> ", StringComparison.Ordinal);
            if (open <= 0 || close < open) throw new UserErrorException($"{at}: example edge is 'Subject -[TYPE]-> Object', found '{edge}'");
            return new RuleExample(rest[..arrow].Trim(), edge[..open].Trim(), edge[(open + 3)..close].Trim(), edge[(close + 4)..].Trim());
        }

        public RelationRule Build(Func<string, string?> categoryOf)
        {
            if (_trigger is null) throw Error($"rule {name} has no 'trigger' line");
            if (_subject.Count == 0 || _object.Count == 0) throw Error($"rule {name} needs 'subject' and 'object' lines");
            if (_yields is null) throw Error($"rule {name} has no 'yields' line");
            if (_examples.Count == 0) throw Error($"rule {name} has no 'example' line: every rule states the construction with a sentence of our own");
            return new RelationRule(name, family, _trigger.Value, _lemmas, _triggerTests, _subject, _object, ParseYield(_yields, _yieldsWhere, categoryOf),
                _pattern, _examples, where) { Default = _default };
        }

        private static RuleYield ParseYield(string text, string at, Func<string, string?> categoryOf)
        {
            var parts = text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            bool lexicon = parts[0] == "lexicon";
            string? type = lexicon ? null : parts[0], category = null;
            double strength = 0.8;
            bool inverse = false;
            var categories = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 1; i < parts.Length; i++)
            {
                var p = parts[i];
                if (p == "inverse") inverse = true;
                else if (p == "else" && lexicon && i + 1 < parts.Length) type = parts[++i];
                else if (p.StartsWith("strength=", StringComparison.Ordinal) && double.TryParse(p[9..], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 1) strength = s;
                else if (p.StartsWith("category=", StringComparison.Ordinal))
                {
                    if (lexicon) categories.UnionWith(p[9..].Split('|'));
                    else category = p[9..];
                }
                else throw new UserErrorException($"{at}: cannot read '{p}' in yields (lexicon [category=A|B] [inverse] [else TYPE strength=0.7], or TYPE [category=C] [strength=0.8] [inverse])");
            }
            if (type is not null)
            {
                if (!type.All(c => char.IsAsciiLetterUpper(c) || c == '_')) throw new UserErrorException($"{at}: '{type}' is no schema type (UPPER_SNAKE_CASE)");
                category ??= categoryOf(type) ?? throw new UserErrorException($"{at}: give the category of {type} (category=...)");
            }
            return new RuleYield(lexicon, type, category, strength, inverse, categories);
        }
    }
}
