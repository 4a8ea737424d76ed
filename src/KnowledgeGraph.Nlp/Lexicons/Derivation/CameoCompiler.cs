namespace KnowledgeGraph.Nlp.Lexicons.Derivation;

/// <summary>
/// A CAMEO pattern compiled to constraints on a verb's dependents in a dependency tree. Noun phrases are lists of
/// alternatives, each a phrase whose last word is the head lemma and the others its modifiers ("peace plan"), or a
/// synonym set reference (<c>&amp;WEAPON</c>). <see cref="Preps"/>: prepositional phrases, each "prep=alternatives" (empty
/// alternatives: any object; <c>$</c>/<c>+</c>: the source or target is there). Source and target say where the actors are:
/// <c>subj</c>, <c>obj</c> or <c>prep:to</c>.
/// </summary>
public sealed record CameoRule(string Block, int Line, string Subject, string Object, string Particle, string Preps,
    string Source, string Target, string Code, string ReverseCode, string Verb)
{
    public static readonly string[] Columns = { "block", "line", "subject", "object", "particle", "preps", "source", "target", "code", "reverse_code", "verb" };

    public IReadOnlyList<string> ToCells() => new[]
        { Block, LexiconDerivation.Invariant(Line), Subject, Object, Particle, Preps, Source, Target, Code, ReverseCode, Verb };
}

/// <summary>Why a pattern did not compile.</summary>
public static class CameoRejection
{
    public const string UnknownSet = "names an undefined synonym set";
    public const string BeforeVerb = "words before the verb other than one subject noun phrase (auxiliaries, negation, a second verb)";
    public const string TwoPhrases = "more than one noun phrase after the verb outside prepositional phrases (a second clause)";
    public const string CompoundActor = "compound-actor marker %";
    public const string NoVerb = "no verb marker *";
    public const string BadCode = "no CAMEO code";
}

/// <summary>Compiles CAMEO patterns (<see cref="CameoPatternLine"/>) into <see cref="CameoRule"/>s, or says why not.</summary>
public static class CameoCompiler
{
    /// <summary>Words after the verb that are verb particles ("set OUT", "put DOWN"), read as compound:prt.</summary>
    public static readonly IReadOnlySet<string> Particles = new HashSet<string>(StringComparer.Ordinal)
        { "out", "up", "down", "off", "away", "back", "forward", "aside", "together", "ahead", "apart", "forth" };

    /// <summary>Prepositions: a bare one after the verb opens a prepositional phrase ("* ON + BY $").</summary>
    public static readonly IReadOnlySet<string> Prepositions = new HashSet<string>(StringComparer.Ordinal)
    {
        "to", "for", "with", "against", "from", "into", "on", "in", "at", "of", "by", "over", "toward", "towards", "about",
        "under", "before", "after", "behind", "between", "among", "across", "through", "along", "near", "upon", "onto",
        "within", "without", "despite", "amid", "around", "beyond", "via", "as", "during", "until", "outside", "inside",
    };

    private static readonly IReadOnlySet<string> Determiners = new HashSet<string>(StringComparer.Ordinal) { "a", "an", "the" };

    /// <summary>Auxiliaries and negation: before the verb they make a pattern about the verb group, not its subject.</summary>
    private static readonly IReadOnlySet<string> Auxiliaries = new HashSet<string>(StringComparer.Ordinal)
    {
        "will", "would", "not", "has", "have", "had", "is", "are", "was", "were", "been", "be", "can", "could", "may", "might",
        "must", "should", "shall", "did", "does", "do", "to", "never",
    };

    /// <summary>Compiles one pattern of <paramref name="block"/>; the rule, or null with the reason.</summary>
    public static (CameoRule? Rule, string? Reason) Compile(CameoBlock block, CameoPatternLine p, IReadOnlyDictionary<string, IReadOnlyList<string>> sets)
    {
        if (p.Code.Length == 0 && p.ReverseCode is null) return (null, CameoRejection.BadCode);
        if (p.Text.Contains('%', StringComparison.Ordinal)) return (null, CameoRejection.CompoundActor);
        var elements = Elements(p.Text);
        int star = elements.FindIndex(e => e == "*" || e == "**");
        if (star < 0) return (null, CameoRejection.NoVerb);
        foreach (var e in elements)
            foreach (var w in e.Split(' ', '(', ')', '{', '}'))
                if (w.StartsWith('&') && !sets.ContainsKey(w[1..])) return (null, CameoRejection.UnknownSet);

        string source = "subj", target = "obj";
        // before the verb: at most one noun phrase (the subject), or a slot marker
        var pre = elements.Take(star).Where(e => e != "^").ToList();
        string subject = "";
        if (pre.Count == 1 && pre[0] is "$" or "+")
        {
            if (pre[0] == "+") { target = "subj"; source = "obj"; }
        }
        else if (pre.Count > 0)
        {
            var np = pre.Where(e => e is not ("$" or "+")).ToList();
            if (np.Count != 1 && !(np.All(IsWord) && np.Count <= 2)) return (null, CameoRejection.BeforeVerb);
            if (np.Any(e => !IsNounPhrase(e) || Auxiliaries.Contains(e.ToLowerInvariant()))) return (null, CameoRejection.BeforeVerb);
            subject = NounPhrase(np.Count == 1 ? np[0] : "{" + string.Join(' ', np) + "}");
            if (pre.Contains("+")) { target = "subj"; source = "obj"; }
        }

        string obj = "", particle = "";
        var preps = new List<string>();
        var post = elements.Skip(star + 1).ToList();
        var words = new List<string>(); // bare content words of the object noun phrase
        bool objectDone = false;
        for (int i = 0; i < post.Count; i++)
        {
            var e = post[i];
            if (e == "^") continue;
            if (e.StartsWith('('))
            {
                var inner = Elements(e[1..^1]).Where(x => !Determiners.Contains(x.ToLowerInvariant())).ToList();
                if (inner.Count == 0) continue;
                var first = inner[0].ToLowerInvariant();
                if (Particles.Contains(first) && !Prepositions.Contains(first))
                {
                    if (particle.Length == 0) particle = first;
                    if (inner.Count > 1 && !AddObject(string.Join(' ', inner.Skip(1)))) return (null, CameoRejection.TwoPhrases);
                    continue;
                }
                var (cell, slot) = Prep(first, inner.Skip(1).ToList());
                if (slot == "$") source = "prep:" + first;
                if (slot == "+") target = "prep:" + first;
                preps.Add(cell);
                continue;
            }
            var lw = e.ToLowerInvariant();
            if (e is "$" or "+")
            {
                if (words.Count > 0 || objectDone) return (null, CameoRejection.TwoPhrases);
                if (e == "+") target = "obj"; else source = "obj";
                objectDone = true;
                continue;
            }
            if (IsWord(e) && Particles.Contains(lw) && words.Count == 0 && !objectDone && particle.Length == 0)
            {
                particle = lw;
                continue;
            }
            if (IsWord(e) && Prepositions.Contains(lw) && !Determiners.Contains(lw))
            {
                // unbracketed preposition: it takes the next element as its object if that is a noun phrase or a slot
                FlushWords();
                var rest = new List<string>();
                if (i + 1 < post.Count && (IsNounPhrase(post[i + 1]) || post[i + 1] is "$" or "+"))
                {
                    rest.Add(post[++i]);
                }
                var (cell, slot) = Prep(lw, rest);
                if (slot == "$") source = "prep:" + lw;
                if (slot == "+") target = "prep:" + lw;
                preps.Add(cell);
                continue;
            }
            if (Determiners.Contains(lw)) continue;
            if (!IsNounPhrase(e)) return (null, CameoRejection.TwoPhrases);
            // a noun phrase after a prepositional phrase starts another clause ("* ON + BY $ SYMPATHISER")
            if (preps.Count > 0 && words.Count == 0) return (null, CameoRejection.TwoPhrases);
            if (objectDone && words.Count == 0) return (null, CameoRejection.TwoPhrases);
            if (e.StartsWith('{') || e.StartsWith('&'))
            {
                if (words.Count > 0) return (null, CameoRejection.TwoPhrases);
                if (!AddObject(e)) return (null, CameoRejection.TwoPhrases);
                continue;
            }
            words.Add(e);
            if (words.Count > 2) return (null, CameoRejection.TwoPhrases);
        }
        FlushWords();
        if (obj == "failed") return (null, CameoRejection.TwoPhrases);
        var verb = p.Comment.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var rule = new CameoRule(block.Name, p.Line, subject, obj, particle, string.Join(';', preps), source, target,
            p.Code, p.ReverseCode ?? "", CameoReader.Words(verb.All(c => char.IsAsciiLetterUpper(c) || c == '_' || c == '-') ? verb : ""));
        return (rule, null);

        void FlushWords()
        {
            if (words.Count == 0) return;
            if (!AddObject("{" + string.Join(' ', words) + "}")) obj = "failed";
            words.Clear();
        }

        bool AddObject(string e)
        {
            if (objectDone || obj.Length > 0) return false;
            obj = NounPhrase(e);
            objectDone = true;
            return true;
        }
    }

    private static (string Cell, string? Slot) Prep(string prep, List<string> inner)
    {
        if (inner.Count == 0) return (prep + "=", null);
        if (inner.Count == 1 && inner[0] is "$" or "+") return (prep + "=" + inner[0], inner[0]);
        if (inner.All(x => x == "^")) return (prep + "=", null);
        var np = inner.Where(x => x is not ("^" or "$" or "+")).ToList();
        var slot = inner.Contains("+") ? "+" : inner.Contains("$") ? "$" : null;
        if (np.Count == 0) return (prep + "=" + (slot ?? ""), slot);
        return (prep + "=" + NounPhrase(np.Count == 1 ? np[0] : "{" + string.Join(' ', np) + "}"), slot);
    }

    /// <summary>A noun phrase element as a cell: "&amp;WEAPON", or lower-case words ("peace plan"); sets inside braces stay references.</summary>
    private static string NounPhrase(string e)
    {
        var s = e.Trim('{', '}').Trim();
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Determiners.Contains(w.ToLowerInvariant()) && w is not ("^" or "$" or "+"))
            .Select(w => w.StartsWith('&') ? w : CameoReader.Words(w));
        return string.Join(' ', words);
    }

    private static bool IsWord(string e) => e.Length > 0 && e[0] is not ('(' or '{' or '&' or '$' or '+' or '^' or '*');
    private static bool IsNounPhrase(string e) => e.Length > 0 && (e[0] is '{' or '&' || IsWord(e));

    /// <summary>Splits a pattern into elements: words, markers, and bracketed groups kept whole ("(OVER {&amp;WEAPON ATTACK})").</summary>
    public static List<string> Elements(string text)
    {
        var list = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            if (text[i] is '(' or '{')
            {
                char open = text[i], close = open == '(' ? ')' : '}';
                int depth = 0, j = i;
                for (; j < text.Length; j++)
                {
                    if (text[j] == open) depth++;
                    else if (text[j] == close && --depth == 0) break;
                }
                list.Add(text[i..Math.Min(j + 1, text.Length)]);
                i = j + 1;
                continue;
            }
            int k = i;
            while (k < text.Length && !char.IsWhiteSpace(text[k]) && text[k] is not ('(' or '{')) k++;
            list.Add(text[i..k]);
            i = k;
        }
        return list;
    }
}
