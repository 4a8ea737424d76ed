using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Relations.Rules;

/// <summary>One parsed sentence as a tree: heads, relations, children and lower-cased lemmas. Lives for one sentence.</summary>
internal sealed class RuleTree
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly int[] _children;      // every token's children, in token order, token by token
    private readonly int[] _childStart;    // token i's children are _children[_childStart[i] .. _childStart[i + 1])
    private readonly string[] _lemma;
    private readonly string?[] _lower; // lower-cased surface forms, filled as asked for
    private string?[]? _rel, _upos, _tag; // the tree reader's repairs of the tagger and parser (null: as parsed)

    public RuleTree(Sentence sentence)
    {
        _tokens = sentence.Tokens;
        int n = _tokens.Count;
        _lemma = new string[n];
        _lower = new string?[n];
        for (int i = 0; i < n; i++) _lemma[i] = (_tokens[i].Lemma ?? _tokens[i].Text).ToLowerInvariant();
        // children by a counting sort on the head: each head's children stay in token order
        _childStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            int h = _tokens[i].Head;
            if (h >= 0 && h < n && h != i) _childStart[h + 1]++;
        }
        for (int i = 0; i < n; i++) _childStart[i + 1] += _childStart[i];
        _children = new int[_childStart[n]];
        var next = _childStart[..n];
        for (int i = 0; i < n; i++)
        {
            int h = _tokens[i].Head;
            if (h >= 0 && h < n && h != i) _children[next[h]++] = i;
        }
    }

    /// <summary>Whether the parser filled the sentence (every token has a relation).</summary>
    public static bool IsParsed(Sentence s) => s.Tokens.Count > 0 && s.Tokens.All(t => t.Deprel is not null);

    public int Count => _tokens.Count;
    public Token Token(int i) => _tokens[i];
    public string Lemma(int i) => _lemma[i];
    public string Lower(int i) => _lower[i] ??= _tokens[i].Text.ToLowerInvariant();
    public string Rel(int i) => _rel?[i] ?? _tokens[i].Deprel ?? "";
    public int Head(int i) => _tokens[i].Head;
    public string Upos(int i) => _upos?[i] ?? _tokens[i].Upos ?? "";
    public string Tag(int i) => _tag?[i] ?? _tokens[i].Tag ?? "";

    private void Relabel(int i, string rel) => (_rel ??= new string?[Count])[i] = rel;

    /// <summary>
    /// A present-tense verb the tagger read as a plural noun heading the sentence ("Ostland calls on Westmark to free the
    /// envoy": "calls" NNS, with "Ostland" as its subject or adjective, "on Westmark" as its nmod, "to free" as its acl):
    /// a root plural noun with no determiner, possessor, number, copula, preposition or object of its own (an object under
    /// a noun is a parse gone astray: "calls on Y to free Z" with "free" an adjective) whose lemma starts a
    /// verb entry of the trigger lexicon, and that has a subject or a capitalised word before it as modifier, is read as
    /// the verb (VBZ) with its phrases as a verb's: the word before as subject, a prepositional nmod after it as obl, an
    /// infinitive acl as xcomp.
    /// </summary>
    public void RepairPluralVerbs(IReadOnlySet<string> known)
    {
        for (int i = 0; i < Count; i++)
        {
            if (Tag(i) != "NNS" || Rel(i) != "root" || !known.Contains(_lemma[i])) continue;
            int subject = FirstChild(i, "nsubj");
            if (Children(i).Any(c => Rel(c) is "det" or "nmod:poss" or "nummod" or "cop" or "case" or "obj")) continue; // an obj: the parse went astray
            if (subject < 0)
            {
                // "Ostland calls": an unknown name tagged an adjective right before the noun, opening the sentence
                int a = i - 1;
                if (a < 0 || Head(a) != i || Rel(a) is not ("amod" or "compound") || !char.IsUpper(_tokens[a].Text[0])) continue;
                for (int k = 0; k < a; k++) if (Head(k) != a) { a = -1; break; }
                if (a < 0) continue;
                subject = a;
                Relabel(a, "nsubj");
            }
            (_upos ??= new string?[Count])[i] = "VERB";
            (_tag ??= new string?[Count])[i] = "VBZ";
            foreach (var c in Children(i))
            {
                if (c < i) continue;
                if (Rel(c) == "nmod" && FirstChild(c, "case") >= 0) Relabel(c, "obl");
                else if (Rel(c) == "acl" && ChildrenWith(c, "mark").Any(m => Lower(m) == "to")) Relabel(c, "xcomp");
            }
        }
    }

    /// <summary>
    /// "X urged Y to free Z" parsed with the infinitive as an adverbial clause: under a verb of object control
    /// (<paramref name="objectControl"/>) that has an object (or "on"/"upon" phrase: "called on Y to ..."), an infinitive
    /// advcl with "to" is its complement (xcomp), whose subject is that object and whose act is asked for, not stated;
    /// not under "call" with a bare object ("X called Y to discuss Z": a telephone call and its purpose).
    /// </summary>
    public void RepairObjectControl(IReadOnlySet<string> objectControl)
    {
        for (int i = 0; i < Count; i++)
        {
            if (Rel(i) != "advcl" || Upos(i) != "VERB" || !ChildrenWith(i, "mark").Any(m => Lower(m) == "to")) continue;
            int h = Head(i);
            if (h < 0 || h > i || Upos(h) != "VERB" || !objectControl.Contains(_lemma[h]) || ControlledObject(h) is not (>= 0 and var o) || o > i) continue;
            // "call" asks through its "on"/"upon" phrase; with a bare object it is a telephone call whose infinitive says why
            // the caller called ("Ostland called Vale on Sunday to protest the deal": Ostland protests, nobody is asked)
            if (_lemma[h] == "call" && Rel(o) != "obl") continue;
            Relabel(i, "xcomp");
        }
    }

    /// <summary>The object an object-control verb passes to its complement: its obj or iobj, else an "on"/"upon" phrase ("call on Y to ..."); -1 when none.</summary>
    public int ControlledObject(int verb)
    {
        if (FirstChild(verb, "obj") is var o and >= 0 || (o = FirstChild(verb, "iobj")) >= 0) return o;
        foreach (var c in ChildrenWith(verb, "obl"))
            if (CaseOf(c) is "on" or "upon") return c;
        return -1;
    }
    public ArraySegment<int> Children(int i) => new(_children, _childStart[i], _childStart[i + 1] - _childStart[i]);

    /// <summary>
    /// A tagger slip on a verb lemma ("blamed" lemmatised "blam", "expelled" "expell"): when a verb's lemma is no known
    /// trigger word but a regular stem of its surface is, the stem is taken.
    /// </summary>
    public void RepairVerbLemmas(IReadOnlySet<string> known)
    {
        for (int i = 0; i < Count; i++)
        {
            if (Upos(i) != "VERB" || known.Contains(_lemma[i])) continue;
            if (SentenceView.RegularStems(Lower(i)).FirstOrDefault(known.Contains) is { } stem) _lemma[i] = stem;
        }
    }

    /// <summary>"obl" matches "obl" and every "obl:*"; "obl:agent" only itself; "*" anything.</summary>
    public static bool RelMatches(string pattern, string deprel) =>
        pattern == "*" || deprel == pattern
        || (!pattern.Contains(':', StringComparison.Ordinal) && deprel.Length > pattern.Length && deprel[pattern.Length] == ':' && deprel.StartsWith(pattern, StringComparison.Ordinal));

    public IEnumerable<int> ChildrenWith(int i, string pattern)
    {
        foreach (var c in Children(i)) if (RelMatches(pattern, Rel(c))) yield return c;
    }

    public int FirstChild(int i, string pattern)
    {
        foreach (var c in Children(i)) if (RelMatches(pattern, Rel(c))) return c;
        return -1;
    }

    /// <summary>The preposition of a nominal: its case child's lemma, with a fixed continuation ("according to", "because of"); null when none.</summary>
    public string? CaseOf(int i) => CaseToken(i) is var c and >= 0 ? CaseWords(c) : null;

    public int CaseToken(int i) => FirstChild(i, "case");

    private string CaseWords(int c)
    {
        var fixedParts = ChildrenWith(c, "fixed").ToList();
        return fixedParts.Count == 0 ? _lemma[c] : _lemma[c] + " " + string.Join(" ", fixedParts.Select(f => _lemma[f]));
    }

    /// <summary>Passive: a passive subject or auxiliary, an agent, or a past participle modifying a noun ("the force led by X").</summary>
    public bool IsPassive(int i)
    {
        // a loop, not Any(): every rule with a voice test asks this of every verb
        foreach (var c in Children(i))
            if (Rel(c) is "nsubj:pass" or "aux:pass" or "obl:agent" or "csubj:pass") return true;
        return Tag(i) == "VBN" && (Rel(i) is "acl" or "amod");
    }

    /// <summary>The clause a token belongs to: up over conj and xcomp links to the verb that heads its clause.</summary>
    public int ClauseHead(int i)
    {
        int guard = 0;
        while (Rel(i) is "conj" or "xcomp" && Head(i) >= 0 && guard++ < Count) i = Head(i);
        return i;
    }
}
