using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph;

/// <summary>Counts a build reports besides the graph itself.</summary>
/// <param name="EdgesBelowConfidence">Relationship edges left out because their confidence was below <see cref="GraphBuilder.MinEdgeConfidence"/>.</param>
public sealed record BuildStatistics(int Documents, int DuplicateDocuments, int RelationsDroppedBySchema, int RelationsNotAsserted, int EdgesBelowConfidence = 0);

/// <summary>
/// Merges document analyses into one knowledge graph: entities are resolved across documents (same coarse type and
/// the same normalised name or alias -> one node, carrying the evidence of every document), relationships are
/// aggregated per (subject, type, object), and everything is checked against the ontology.
/// Add documents in input order: the result depends only on the inputs and their order, never on timing.
/// Not thread-safe; call <see cref="Add"/> from one thread.
/// </summary>
public sealed class GraphBuilder
{
    private readonly OntologySchema _schema;
    private readonly List<GlobalEntity> _entities = new();
    private readonly Dictionary<(EntityType, string), int> _index = new();
    private readonly Dictionary<string, int> _documentIndex = new(StringComparer.Ordinal);
    private readonly List<DocumentInfo> _documents = new();
    private readonly List<RelationEntry> _relations = new();
    // Type, trigger, evidence and the optional facts of relation mentions recur across documents: kept once.
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<RelationFacts, RelationFacts> _facts = new();
    private int _duplicates, _droppedBySchema, _notAsserted, _belowConfidence, _documentCount;
    private bool _built;
    private readonly GraphLexicons _lexicons;

    /// <param name="lexicons">What the joins know from the pipeline's lexicons: those of the resource folder the
    /// documents were analysed with (default: the shipped ones, <see cref="GraphLexicons.Shipped"/>).</param>
    public GraphBuilder(OntologySchema schema, GraphLexicons? lexicons = null)
    {
        _schema = schema;
        _lexicons = lexicons ?? GraphLexicons.Shipped;
    }

    /// <summary>
    /// The gate: an entity node whose <c>confidence</c> is below this and that no relationship edge touches is left out of
    /// the graph (its mentions with it). 0, the default, keeps every node.
    /// </summary>
    public double MinConfidence { get; init; }

    /// <summary>
    /// The edge gate: a relationship edge whose <c>confidence</c> (<see cref="EdgeConfidence"/>) is below this is left out;
    /// a node it alone touched then follows <see cref="MinConfidence"/>. MENTIONS edges are not gated. Default
    /// <see cref="EdgeConfidence.DefaultMinimum"/>; 0 keeps every edge.
    /// </summary>
    public double MinEdgeConfidence { get; init; } = EdgeConfidence.DefaultMinimum;

    /// <summary>Hears each entity node's confidence features (<see cref="NodeConfidence.FeatureNames"/>) and its context keys
    /// (<see cref="MentionContext.Keys"/>), to train the weights on judged nodes.</summary>
    public Action<GraphNode, IReadOnlyList<double>, IReadOnlyList<string>>? OnNodeFeatures { get; init; }


    private sealed class GlobalEntity
    {
        public int Parent;
        public EntityType Type;
        public readonly Dictionary<string, int> NameVotes = new(StringComparer.Ordinal);
        public readonly SortedSet<string> Aliases = new(StringComparer.Ordinal);
        public SortedSet<string>? FineTypes;
        public SortedDictionary<string, string>? Attributes;
        /// <summary>Per attribute and value, the document entities that gave it: an attribute the documents disagree on
        /// ("role": "secretary", "defence secretary") takes the value most give, then the longer, then the ordinal first,
        /// so the node's value does not depend on which document came first.</summary>
        public Dictionary<(string Key, string Value), int>? AttributeVotes;
        public EntityEvidence? Evidence;
        /// <summary>The U.S. states the articles wrote a town with ("Orvin, Fla."); null for none.</summary>
        public SortedSet<string>? States;
        /// <summary>Whether an article that names no place of the United States wrote the place alone.</summary>
        public bool Abroad;
        /// <summary>Whether an article named it by a ministry's bare name only (<see cref="IsBareMinistry"/>), or an agreement
        /// or a meeting by its kind alone (<see cref="IsKindOnlyAccord"/>): another node of its name is another country's
        /// ministry, another agreement or meeting; or a body by an indefinite description and acronyms only
        /// (<see cref="IndefiniteOnly"/>): another node of its name is another body of that kind.</summary>
        public bool Bare;
        /// <summary>Per document that mentions it, ascending by document: (document index &lt;&lt; 32) | mentions.</summary>
        public List<long> Mentions = new(1);
    }

    /// <summary>What a Document node needs: not the text, so memory does not grow with the input until Build().</summary>
    private sealed record DocumentInfo(string Id, string? Title, string? Source, string? Date, long Characters);

    /// <summary>What a relation edge needs of one relation mention; its position in the list is its order.</summary>
    private readonly record struct RelationEntry(int Subject, int Object, int Document, string Type, string Evidence, int EvidenceStart,
        int EvidenceEnd, string Trigger, double Confidence, RelationFacts? Facts, bool Doubted)
    {
        public bool Hedged => Facts?.Modality is not null;
    }

    /// <summary>The optional facts of a relation mention (most have none): shared between mentions with the same ones.</summary>
    private sealed record RelationFacts(string? Date, string? Modality, string? AttributedTo, string? Cameo, string? Mode, string? EventContext);

    private string Intern(string s)
    {
        if (_strings.TryGetValue(s, out var kept)) return kept;
        _strings.Add(s, s);
        return s;
    }

    private RelationFacts? Facts(GraphDocumentRelation r)
    {
        if (r.Date is null && r.Modality is null && r.AttributedTo is null && r.Cameo is null && r.Mode is null && r.EventContext is null) return null;
        string? I(string? s) => s is null ? null : Intern(s);
        var f = new RelationFacts(I(r.Date), I(r.Modality), I(r.AttributedTo), I(r.Cameo), I(r.Mode), I(r.EventContext));
        if (_facts.TryGetValue(f, out var kept)) return kept;
        _facts.Add(f, f);
        return f;
    }

    /// <summary>Adds one document's analysis. A document whose id was already added (same text) is skipped and counted.</summary>
    public void Add(DocumentAnalysis analysis) => Add(GraphDocument.From(analysis));

    /// <summary>
    /// Adds what the graph needs of one document's analysis (a single build and a merge of shards both come here, so
    /// they give the same graph). A document whose id was already added (same text) is skipped and counted.
    /// </summary>
    public void Add(GraphDocument doc)
    {
        if (_built) throw new InvalidOperationException("the graph was built: a GraphBuilder builds once");
        if (_documentIndex.ContainsKey(doc.Id)) { _duplicates++; return; }
        int docIndex = _documents.Count;
        _documentIndex[doc.Id] = docIndex;
        _documents.Add(new DocumentInfo(doc.Id, doc.Title, doc.Source, doc.Date, doc.Characters));
        _documentCount++;

        var global = new int[doc.Entities.Count];
        bool abroad = !doc.Entities.Any(NamesAPlaceOfTheUnitedStates);
        for (int i = 0; i < doc.Entities.Count; i++)
            global[i] = Resolve(doc.Entities[i], docIndex, doc.Id, abroad);
        JoinOwnedMinistries(doc, global);
        JoinScopedAgents(doc, global);
        foreach (var r in doc.Relations)
        {
            if (r.Negated) { _notAsserted++; continue; }
            var s = doc.Entities[r.Subject];
            var o = doc.Entities[r.Object];
            if (!_schema.Allows(r.Type, s.Type, o.Type) || _schema.Type(r.Type)!.Category != r.Category) { _droppedBySchema++; continue; }
            if (Find(global[r.Subject]) == Find(global[r.Object])) continue;
            _relations.Add(new RelationEntry(global[r.Subject], global[r.Object], docIndex, Intern(r.Type), Intern(r.Evidence), r.EvidenceStart,
                r.EvidenceEnd, Intern(r.Trigger), r.Confidence, Facts(r), r.Doubted));
        }
    }

    /// <summary>
    /// Whether an organisation's names are an indefinite description ("a", "an" and a noun phrase whose head is in lower
    /// case: "A survey mission", "a Joint survey mission") and acronyms only (descriptions in lower case aside): English
    /// introduces a new thing of a kind so, not a body with a name of its own ("An Garda Siochana" has its head in capitals).
    /// </summary>
    private static bool IndefiniteOnly(GraphDocumentEntity e)
    {
        if (e.Type != EntityType.Organization) return false;
        bool any = false;
        foreach (var name in e.Aliases.Append(e.Name))
        {
            if (name.Length == 0 || char.IsLower(name[0]) && !IsIndefinite(name) || NameKey.IsAcronymShape(name)) continue;
            if (!IsIndefinite(name)) return false;
            any = true;
        }
        return any;
        static bool IsIndefinite(string name)
        {
            int space = name.IndexOf(' ');
            if (space < 0 || !(name[..space].Equals("a", StringComparison.OrdinalIgnoreCase) || name[..space].Equals("an", StringComparison.OrdinalIgnoreCase))) return false;
            int last = name.LastIndexOf(' ');
            return last > space && last + 1 < name.Length && char.IsLower(name[last + 1]);
        }
    }

    /// <summary>
    /// Names identify across documents; a bare surname does not, nor does a description ("the junta", "the group"),
    /// which starts in lower case and names whatever the article is about.
    /// </summary>
    private static bool IsCrossDocumentKey(string alias, EntityType type) =>
        alias.Length > 0 && !char.IsLower(alias[0]) && (type != EntityType.Person || alias.Contains(' ', StringComparison.Ordinal));

    /// <summary>
    /// "Supreme Court" beside "Philippine Supreme Court", "Secret Service" beside "United States Secret Service": an
    /// organisation's name of two words or more that another of its names opens with one or two more words (a country, the
    /// owning body's acronym) is that body only in its article; as a key it would join the Philippine court to another
    /// article's U.S. Supreme Court. It stays an alias. (One word stays a key as before: an acronym, "ERO" beside "ICE ERO",
    /// a force's head, "Corps" beside "Marine Corps", which joins another article's "the Corps", and "Marshals".)
    /// </summary>
    private static bool IsShortFormOfAnother(string alias, GraphDocumentEntity e)
    {
        if (e.Type != EntityType.Organization || !alias.Contains(' ', StringComparison.Ordinal)) return false;
        foreach (var other in e.Aliases.Append(e.Name))
        {
            if (other.Length <= alias.Length + 1 || !other.EndsWith(alias, StringComparison.Ordinal) || other[other.Length - alias.Length - 1] != ' ') continue;
            var prefix = other[..(other.Length - alias.Length - 1)];
            if (prefix.Length > 0 && char.IsUpper(prefix[0]) && prefix.Count(ch => ch == ' ') <= 1) return true;
        }
        return false;
    }

    /// <summary>The U.S. state an article wrote a place with ("Orvin, Fla."), or null.</summary>
    private static string? StateOf(IEnumerable<KeyValuePair<string, string>> attributes)
    {
        foreach (var (k, v) in attributes) if (k == EntityAttributes.State) return v;
        return null;
    }

    /// <summary>A place of the United States: the country, one of its states, or a town written with its state.</summary>
    private bool NamesAPlaceOfTheUnitedStates(GraphDocumentEntity e) =>
        e.Type == EntityType.Location && (e.Name == EntityAttributes.UnitedStates || _lexicons.UsStates.Contains(e.Name) || StateOf(e.Attributes) is not null
                                          || ResolutionKey.Within(e.Attributes) == EntityAttributes.UnitedStates);

    /// <summary>
    /// A place one article writes with its U.S. state ("St. Albans, Vt.") and one of the same name that another article
    /// writes with another state ("St. Albans, W.Va.") are two towns; nor is it the place of that name an article names
    /// alone when that article names no place of the United States (a town abroad: "flights from St. Albans to Leeds").
    /// A join needs the states to agree, or no state on one side from an article that may be American.
    /// </summary>
    private bool PlacesAgree(int node, string? state, bool alone)
    {
        var g = _entities[node];
        if (state is not null) return !g.Abroad && (g.States is null || g.States.Count == 1 && g.States.Contains(state));
        return !alone || g.States is null;
    }

    /// <summary><see cref="PlacesAgree"/> for two nodes: no two states, and no state beside a place written alone abroad.</summary>
    private bool NodesAgree(int a, int b)
    {
        var (ga, gb) = (_entities[a], _entities[b]);
        if (ga.States is not null && gb.States is not null && !ga.States.SetEquals(gb.States)) return false;
        return !(ga.States is not null && gb.Abroad || gb.States is not null && ga.Abroad);
    }

    private int Resolve(GraphDocumentEntity e, int docIndex, string docId, bool abroad = false)
    {
        string? state = e.Type == EntityType.Location ? StateOf(e.Attributes) : null;
        bool alone = e.Type == EntityType.Location && state is null && abroad;
        int found = -1;
        var keys = new List<string>();
        // the entity's names that are a ministry's bare name (IsBareMinistry), found once
        HashSet<string>? bare = null;
        if (e.Type == EntityType.Organization)
            foreach (var name in e.Aliases.Append(e.Name))
                if (IsBareMinistry(name)) (bare ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        bool keyedByArticle = false, kindOnly = false, indefinite = false;
        bool scoped = ResolutionKey.IsDocumentScoped(e.Attributes);
        if (scoped) keys.Add(ResolutionKey.OfScopedAgent(e.Attributes, e.Name, docId));
        else if (ResolutionKey.Within(e.Attributes) is { } within)
        {
            keys.Add(ResolutionKey.OfWithin(e.Name, within));
            keys.AddRange(e.Aliases.Where(a => IsCrossDocumentKey(a, e.Type)).Select(a => ResolutionKey.OfWithin(a, within)));
        }
        else
        {
            // a ministry's bare name is a key only within its article (IsBareMinistry)
            keyedByArticle = bare is not null;
            bool Bare(string name) => bare?.Contains(name) == true;
            // an agreement or a meeting named by its kind alone, and the acronym of such a name, is a key only within its
            // article (IsKindOnlyAccord)
            // (also a name of it that is so, beside one that says which: "the Kessa Ministerial Meeting ... the Ministerial Meeting")
            bool accord = e.Type == EntityType.Event && (e.FineTypes.Contains("Agreement") || e.FineTypes.Contains("Meeting"));
            kindOnly = accord && IsKindOnlyAccord(e.Name);
            bool Local(string name) => accord && IsKindOnlyAccord(name) || kindOnly && NameKey.IsAcronymShape(name);
            // "A survey mission (ASM) went to Velm ... ASM members": a body the article names only by an indefinite
            // description (its head in lower case) and acronyms is one of a kind, a new one in each article; all its names
            // are keys only within its article (IndefiniteOnly)
            indefinite = IndefiniteOnly(e);
            string Key(string name) => indefinite || Bare(name) || Local(name) ? ResolutionKey.Of(name) + "\u0003" + docId : ResolutionKey.Of(name);
            keys.Add(Key(e.Name));
            var names = e.Aliases.Where(a => IsCrossDocumentKey(a, e.Type) && !IsShortFormOfAnother(a, e)).ToList();
            keys.AddRange(names.Select(Key));
            // one person's name written with its parts apart or together ("Xi Jin Ping" / "Xi Jinping"); not a body's or a
            // place's, whose words apart and together may name two things ("New Port Authority", "Newport Authority")
            if (e.Type == EntityType.Person)
                foreach (var name in IsCrossDocumentKey(e.Name, e.Type) ? names.Prepend(e.Name) : names)
                    if (ResolutionKey.OfSpacing(name) is { } spacing) keys.Add(spacing);
            if (ResolutionKey.OfAgent(e.Attributes) is { } agent) keys.Add(agent);
            if (e.Type == EntityType.Event && e.FineTypes.Contains("Storm") && ResolutionKey.OfStorm(e.Name) is { } storm) keys.Add(storm);
            if (e.Type == EntityType.Organization)
                foreach (var name in names.Prepend(e.Name))
                {
                    if (ResolutionKey.OfBody(name) is { } body)
                    {
                        // within its article a body's key meets the same field's bare ministry ("the National Harbour
                        // Ministry", three words, is no bare name, "the Ministry of National Harbour" is), and a ministry's
                        // field read without "National" ("the Ministry of National Harbour" is "the Harbour Ministry" of
                        // its article; not across articles, where each country has a harbour ministry)
                        if (!Bare(name)) keys.Add(body);
                        keys.Add(body + "\u0003" + docId);
                        if (ResolutionKey.WithoutNational(body) is { } shorter) keys.Add(shorter + "\u0003" + docId);
                    }
                    if (ResolutionKey.OfService(name, _lexicons.Servers) is { } service) keys.Add(service);
                    if (!Bare(name) && ResolutionKey.OfBoard(name) is { } board) keys.Add(board);
                    // one country's ministry of one field, whichever way its name says whose it is ("the Kessan Foreign
                    // Ministry", "Kessland's Ministry of Foreign Affairs", "the Ministry of Foreign Affairs of Kessland")
                    if (!Bare(name) && OwnedMinistry(name) is { Country: { } country } owned) keys.Add("\u0008" + country + "|" + owned.Field);
                    // the Arabic article joined to a body's name by a hyphen may be left out: "the Al-Kessar Brigades" are
                    // "the Kessar Brigades" (not a space: "Al Kessar" may be a person's name in a body's)
                    if (name.Length > 3 && name.StartsWith("Al-", StringComparison.OrdinalIgnoreCase) && char.IsUpper(name[3])) keys.Add(ResolutionKey.Of(name[3..]));
                }
        }
        // a town written with its state is looked up first by its name in that state (the bare name may be another town's)
        if (state is not null) keys.Insert(0, "\u0005" + ResolutionKey.Of(e.Name) + "|" + ResolutionKey.Of(state));
        foreach (var k in keys)
            if (k.Length > 0 && _index.TryGetValue((e.Type, k), out var idx) && PlacesAgree(Find(idx), state, alone)) { found = Find(idx); break; }
        if (found < 0)
        {
            found = _entities.Count;
            _entities.Add(new GlobalEntity { Parent = found, Type = e.Type });
        }
        var g = _entities[found];
        g.NameVotes[e.Name] = g.NameVotes.GetValueOrDefault(e.Name) + e.Mentions;
        foreach (var a in e.Aliases) g.Aliases.Add(a);
        g.Aliases.Add(e.Name);
        foreach (var f in e.FineTypes) if (_schema.HasLabel(f) && _schema.Refines(f, e.Type)) (g.FineTypes ??= new(StringComparer.Ordinal)).Add(f);
        if (e.Attributes.Count > 0)
        {
            g.AttributeVotes ??= new();
            foreach (var (k, v) in e.Attributes) g.AttributeVotes[(k, v)] = g.AttributeVotes.GetValueOrDefault((k, v)) + 1;
            ElectAttributes(g);
        }
        g.Evidence = EntityEvidence.Combine(g.Evidence, e.Evidence);
        if (state is not null) (g.States ??= new(StringComparer.Ordinal)).Add(state);
        g.Abroad |= alone;
        g.Bare |= bare?.Contains(e.Name) == true || kindOnly || indefinite;
        AddMentions(g.Mentions, docIndex, e.Mentions);
        if (scoped) (g.Attributes ??= new(StringComparer.Ordinal)).TryAdd(ResolutionKey.DocumentAttribute, docId);
        if (keyedByArticle)
            foreach (var name in bare!.Select(ResolutionKey.Of).Distinct(StringComparer.Ordinal))
            {
                if (!_bareMinistries.TryGetValue(name, out var list)) _bareMinistries[name] = list = new List<int>();
                list.Add(found);
            }
        foreach (var k in keys)
        {
            if (k.Length == 0) continue;
            if (_index.TryGetValue((e.Type, k), out var other) && Find(other) != found)
            {
                if (NodesAgree(found, Find(other))) Union(found, Find(other));
            }
            else _index.TryAdd((e.Type, k), found);
        }
        if (e.Type == EntityType.Person && !scoped) found = ResolvePersonForms(e, found);
        return found;
    }

    /// <summary>The nodes of each ministry's bare name (folded), keyed only within their articles (<see cref="IsBareMinistry"/>),
    /// for <see cref="JoinCountryPrefixedBodies"/>.</summary>
    private readonly Dictionary<string, List<int>> _bareMinistries = new(StringComparer.Ordinal);

    /// <summary>Each person's full name without middle initials and generational suffix, with the forms seen of it.</summary>
    private readonly Dictionary<string, List<(int Entity, PersonName.Form Form)>> _personForms = new(StringComparer.Ordinal);

    /// <summary>
    /// "Lloyd Austin" in one article and "Lloyd J. Austin III" in another are one person: the same first and last name,
    /// one adding only middle initials or a generational suffix. Two forms that add different initials or suffixes
    /// ("John A. Smith", "John B. Smith") are two people, and a bare "John Smith" beside both is neither.
    /// </summary>
    private int ResolvePersonForms(GraphDocumentEntity e, int found)
    {
        var forms = new List<PersonName.Form>();
        foreach (var name in e.Aliases.Append(e.Name).Where(a => IsCrossDocumentKey(a, EntityType.Person)).Distinct(StringComparer.Ordinal))
        {
            if (PersonName.Parse(name, e.Aliases as IReadOnlyCollection<string>) is { } parsed) forms.Add(parsed);
            if (PersonName.WithoutSecondSurname(name, _lexicons.GivenNames, e.Aliases as IReadOnlyCollection<string>) is { } first) forms.Add(first);
        }
        foreach (var form in forms.Distinct())
        {
            if (!_personForms.TryGetValue(form.Core, out var seen)) _personForms[form.Core] = seen = new();
            var roots = seen.Where(s => PersonName.Compatible(s.Form, form)).Select(s => Find(s.Entity)).Distinct().ToList();
            bool clash = seen.Any(s => !PersonName.Compatible(s.Form, form) && Find(s.Entity) != Find(found));
            if (!clash && roots.Count == 1 && roots[0] != Find(found)) Union(roots[0], found);
            found = Find(found);
            // one entry per form and person: the same person named the same way in every article adds nothing, and the
            // list stays as short as the distinct forms (a famous name seen in 100,000 articles is not scanned 100,000 times)
            if (!seen.Any(s => s.Form == form && Find(s.Entity) == found)) seen.Add((found, form));
            found = ResolveShortFirstName(form, found);
        }
        return found;
    }

    /// <summary>Each person's last and first name (folded, TAB between) with the forms seen of it, for short first names.</summary>
    private readonly Dictionary<string, List<(int Entity, PersonName.Form Form)>> _personsByLast = new(StringComparer.Ordinal);

    /// <summary>
    /// "Jim Calder" in one article and "James N. Calder" in another are one person: the same last name, one first name
    /// the usual short form of the other, and nothing else that disagrees (<see cref="PersonName.Agree"/>). Taken only
    /// when exactly one other person has a matching first name and this last name, every form of it agrees with every
    /// form of this one, and one of its first names differs from this one's (the same first name was decided above):
    /// "Jim Marsh" beside "James A. Marsh" and "James B. Marsh" joins neither.
    /// </summary>
    private int ResolveShortFirstName(PersonName.Form form, int found)
    {
        // the forms seen with a matching first name: a few lists, each as long as the distinct forms of one first and last name
        var seen = PersonName.MatchingFirstNames(form.First).Distinct(StringComparer.Ordinal)
            .SelectMany(f => _personsByLast.TryGetValue(form.Last + "\t" + f, out var list) ? list : Enumerable.Empty<(int Entity, PersonName.Form Form)>()).ToList();
        var others = seen.Where(s => Find(s.Entity) != found).GroupBy(s => Find(s.Entity)).ToList();
        if (others.Count == 1 && others[0].Any(s => s.Form.First != form.First))
        {
            var mine = seen.Where(s => Find(s.Entity) == found).Select(s => s.Form).Append(form).ToList();
            if (others[0].All(o => mine.All(m => !PersonName.FirstNamesMatch(o.Form, m) || PersonName.Agree(o.Form, m))))
            {
                Union(others[0].Key, found);
                found = Find(found);
            }
        }
        var key = form.Last + "\t" + form.First;
        if (!_personsByLast.TryGetValue(key, out var own)) _personsByLast[key] = own = new();
        if (!own.Any(s => s.Form == form && Find(s.Entity) == found)) own.Add((found, form));
        return found;
    }

    /// <summary>
    /// An acronym that some articles write alone, typed by the recogniser's guess (a place or an organisation with no finer
    /// label: "funds from ODRA", "CJTF-NV said"), is the node its letters spell: the one node that holds the acronym
    /// beside a name it spells ("the Office for Development and Relief Aid (ODRA)" in another article), else, for an
    /// acronym of four letters or more, the one node of the graph with a name it spells ("Combined Joint Task Force
    /// Operation Inherent Resolve"). The acronym's node joins it
    /// and takes its type; every name of the acronym's node must be an acronym of three letters or more. Two nodes that
    /// spell it: neither. A place a gazetteer or a rule labelled (a Country, a City) stays what it is.
    /// </summary>
    private void JoinAcronyms()
    {
        var held = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var spelled = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        void Enter(Dictionary<string, List<int>> index, string key, int i)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = new List<int>();
            if (list.Count == 0 || list[^1] != i) list.Add(i);
        }
        var acronyms = new List<(int Entity, string Letters)>();
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            if (Find(i) != i || g.Type == EntityType.Person || g.Attributes is not null && ResolutionKey.IsDocumentScoped(g.Attributes)) continue;
            foreach (var alias in g.Aliases)
            {
                if (AcronymLetters(alias) is { } letters)
                {
                    if (g.Aliases.Any(name => SpellsOut(letters, name))) Enter(held, letters, i);
                }
                else if (alias.Length > 0 && char.IsUpper(alias[0]))
                    foreach (var initials in InitialsOf(alias)) Enter(spelled, initials, i);
            }
            if (g.Type is EntityType.Location or EntityType.Organization && g.FineTypes is not { Count: > 0 } && g.Attributes is not { Count: > 0 }
                && g.Aliases.Count > 0 && g.Aliases.Select(AcronymLetters).Distinct().ToList() is [{ } only])
                acronyms.Add((i, only));
        }
        foreach (var (i, letters) in acronyms)
        {
            if (Find(i) != i) continue;
            // (an agreement or a meeting named by its kind alone, IsKindOnlyAccord, holds its acronym for its own articles only:
            // another article's "the MOU" is another memorandum)
            var owners = held.TryGetValue(letters, out var holders)
                ? holders.Select(Find).Where(o => o != Find(i) && (!IsKindOnlyNode(o) || WithinArticlesOf(i, o))).Distinct().ToList() : new List<int>();
            // a name of the graph that spells it without holding it: only for four letters or more (three-letter acronyms
            // spell too many names: "GOP" is no "Government of Pakistan", "SEC" no "Shakespeare Electronic Conference")
            if (owners.Count == 0 && letters.Length >= 4 && spelled.TryGetValue(letters, out var spellers)) owners = spellers.Select(Find).Where(o => o != Find(i)).Distinct().ToList();
            if (owners.Count != 1) continue;
            _entities[i].NameVotes.Clear(); // the node it joins keeps its own name: the acronym becomes one of its aliases
            Union(owners[0], i);
        }
        // "the Kessa Trade Office (KFTO)" in one article and "the Kessa Foreign Trade Office" in another: a body that holds an
        // acronym of three letters or more its own names do not spell, beside a short name whose words are all words of a
        // name the acronym spells (the same last word, the head, and fewer words), is that name's body: the one node of the
        // same type holding such a name joins it (two such nodes: neither)
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            if (Find(i) != i || g.Type != EntityType.Organization || g.Attributes is not null && ResolutionKey.IsDocumentScoped(g.Attributes)) continue;
            var names = g.Aliases.Where(a => AcronymLetters(a) is null && NameKey.Words(a).Length >= 2).ToList();
            if (names.Count == 0) continue;
            foreach (var alias in g.Aliases)
            {
                if (AcronymLetters(alias) is not { } letters || g.Aliases.Any(name => SpellsOut(letters, name))) continue;
                var candidates = (held.TryGetValue(letters, out var h) ? h : new List<int>()).Concat(spelled.TryGetValue(letters, out var sp) ? sp : new List<int>())
                    .Select(Find).Where(o => o != Find(i) && _entities[o].Type == g.Type).Distinct().ToList();
                var owners = candidates.Where(o => _entities[o].Aliases.Any(full => SpellsOut(letters, full) && names.Any(shortName => ShortFormOf(shortName, full)))).ToList();
                if (owners.Count != 1) continue;
                Union(owners[0], i);
                break;
            }
        }
    }

    /// <summary>Whether <paramref name="shortName"/> is <paramref name="full"/> with words left out: every major word of it is
    /// one of the full name's, in order, the last words are the same (the head), and the full name has more major words.</summary>
    private static bool ShortFormOf(string shortName, string full)
    {
        static string[] Major(string n) => NameKey.Words(n).Where(w => !NameKey.MinorWords.Contains(w)).Select(NameKey.Fold).ToArray();
        var (a, b) = (Major(shortName), Major(full));
        if (a.Length < 1 || b.Length <= a.Length || a[^1] != b[^1]) return false;
        int j = 0;
        foreach (var w in b)
            if (j < a.Length && w == a[j]) j++;
        return j == a.Length;
    }

    /// <summary>
    /// A person node named only by a short form of a name joins the one person of the graph whose full name it shortens:
    /// a surname alone ("Secretary Varga met ...", "Varga said", any letter case: "VARGA"), an initial and the surname
    /// ("T. VARGA" of a speaker tag, only a person whose first name opens with that letter), a title glued before the
    /// surname that titles.tsv writes before names, misspelt by one letter, in the plural or by its initials ("Minsiter
    /// Varga", "Ministers Varga", "DPM Varga" of "Deputy Prime Minister"; not a given name: "Marshall Varga" is a person), or a
    /// surname written with a space that the person's node also writes alone with a hyphen ("Amir Varga" /
    /// "Amir-Varga"). Only when exactly one person of the graph has a full name with that surname (two: neither joins,
    /// unless the short form has a role and exactly one of them has any role, that one; with an initial, exactly one
    /// whose first name opens with it), and the roles do not disagree: a role the short form's
    /// articles give it must be one an article gives the person, when the person has one ("Imam Varga" is not "President
    /// Tomas Varga"). Not a node known only within one article or country.
    /// </summary>
    private void JoinBareSurnames()
    {
        var byLast = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var shortForms = new List<(int Entity, string Last, char Initial)>();
        var hyphened = new List<(int Entity, string Last)>();
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            if (Find(i) != i || g.Type != EntityType.Person || g.NameVotes.Count == 0) continue;
            if (Confined(g)) continue;
            var names = g.Aliases.Where(a => a.Length > 0 && char.IsUpper(a[0])).ToList();
            if (names.Count == 0) continue;
            var forms = names.Select(ShortForm).ToList();
            if (forms.All(f => f is not null) && forms.Select(f => f!.Value).Distinct().Count() == 1)
            {
                var (last, initial) = forms[0]!.Value;
                shortForms.Add((i, last, initial));
                continue;
            }
            if (names.Count == 1 && names[0].Split(' ') is [var w1, var w2] && PersonName.Parse(names[0]) is not null)
                hyphened.Add((i, NameKey.Fold(w1 + "-" + w2)));
            // a surname in capitals ("Sergey VARGA", "VARGA Tomas") is read as the surname here even when no article of the
            // node writes it alone: the short forms it meets are written alone by another article
            var withCapitals = names.Concat(names.SelectMany(n => n.Split(' ')).Where(w => w.Length >= 2 && w.All(c => char.IsUpper(c) || c is '-' or '\''))
                .Select(w => w[0] + w[1..].ToLowerInvariant())).ToList();
            foreach (var last in names.Select(n => PersonName.Parse(n, withCapitals)).OfType<PersonName.Form>().Select(f => f.Last).Distinct(StringComparer.Ordinal))
            {
                if (!byLast.TryGetValue(last, out var list)) byLast[last] = list = new List<int>();
                list.Add(i);
            }
        }
        var joins = new List<(int Person, int Short)>();
        foreach (var (i, last, initial) in shortForms)
        {
            if (!byLast.TryGetValue(last, out var full)) continue;
            var people = full.Select(Find).Distinct().ToList();
            if (initial != '\0')
                people = people.Where(p => _entities[p].Aliases.Select(a => PersonName.Parse(a, _entities[p].Aliases)).OfType<PersonName.Form>()
                    .Any(f => f.Last == last && f.First.Length > 0 && f.First[0] == initial)).ToList();
            // (two people of the surname: the one person with a role some article gives the short form too, when no other
            // of them has a role: "Secretary Varga" is "Secretary of Defense Chuck Varga", not a "Lena Varga" named bare)
            if (people.Count > 1 && initial == '\0' && _entities[i].AttributeVotes is { } own && people.Where(HasRole).ToList() is [var titled]
                && own.Keys.Any(k => k.Key == "role" && _entities[titled].AttributeVotes!.ContainsKey(k)))
                people = new List<int> { titled };
            // (a surname alone with no role both share: another person of that surname in an article on something else,
            // "Hollis, a retired teacher" beside "Senator Maria Hollis" of another state; the two must share a neighbour)
            if (people.Count == 1 && RolesAgree(people[0], i)
                && (initial != '\0' || !_entities[i].Aliases.All(a => !a.Contains(' ')) || SharedRole(people[0], i) || ShareNeighbour(people[0], i)))
                joins.Add((people[0], i));
        }
        foreach (var (i, last) in hyphened)
        {
            if (!byLast.TryGetValue(last, out var full)) continue;
            var people = full.Select(Find).Distinct().Where(p => p != i).ToList();
            if (people.Count == 1 && _entities[people[0]].Aliases.Any(a => a.Contains('-') && NameKey.Fold(a) == last) && RolesAgree(people[0], i))
                joins.Add((people[0], i));
        }
        foreach (var (person, i) in joins)
        {
            if (Find(person) == Find(i)) continue;
            _entities[i].NameVotes.Clear(); // the person keeps the full name
            Union(Find(person), Find(i));
        }
    }

    /// <summary>
    /// "Operation Kestrel", "VUFOR Operation Kestrel" and "Kestrel" alone ("the Kestrel mission", "Operation 'KESTREL'"
    /// with the word quoted) are one operation: a node named only by the words after "Operation" (any letter case) joins
    /// the node of the graph named "Operation" + those words (the plain form first, else the one written after a force's
    /// acronym), and the acronym's form joins the plain form too; the operation keeps its name. The acronym's form joins when
    /// the two are named in one article or share another node (<see cref="ShareNeighbour"/>); the bare node only when every
    /// article that writes it also writes the operation (a namesake elsewhere is another thing); never a person,
    /// a place the gazetteer knows ("Operation Vessa" is no node of the country Vessa), a generic actor of one article,
    /// nor when two forces' acronyms write the name ("VUFOR Operation Kestrel" and "KSF Operation Kestrel" are two
    /// countries' operations: nothing joins). Names are indexed by their folded words (linear).
    /// </summary>
    private void JoinOperationShortForms()
    {
        static string? OperationWords(string alias, out string prefix)
        {
            prefix = "";
            var words = alias.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int k = Array.FindIndex(words, w => w is "Operation" or "OPERATION");
            if (k < 0 || k > 2 || k == words.Length - 1 || words.Length - k - 1 > 4) return null;
            if (!words.Take(k).All(NameKey.IsAcronymShape)) return null;
            if (!words.Skip(k + 1).All(w => w.Length > 0 && (char.IsUpper(w[0]) || char.IsDigit(w[0])))) return null;
            prefix = string.Join(" ", words.Take(k));
            return NameKey.Fold(string.Join(" ", words.Skip(k + 1)));
        }
        var operations = new Dictionary<string, List<(int Entity, string Prefix)>>(StringComparer.Ordinal);
        var bare = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            if (Find(i) != i || g.NameVotes.Count == 0 || g.Type == EntityType.Person) continue;
            if (Confined(g)) continue;
            var names = g.Aliases.Where(a => a.Length > 0 && char.IsUpper(a[0])).ToList();
            if (names.Count == 0) continue;
            bool isOperation = false;
            foreach (var n in names)
                if (OperationWords(n, out var prefix) is { } key)
                {
                    isOperation = true;
                    if (!operations.TryGetValue(key, out var list)) operations[key] = list = new();
                    list.Add((i, prefix));
                }
            if (isOperation || g.Evidence?.Gazetteer == true) continue;
            var folded = names.Select(n => NameKey.Fold(n)).Distinct(StringComparer.Ordinal).ToList();
            if (folded.Count != 1 || folded[0].Length < 3) continue;
            if (!bare.TryGetValue(folded[0], out var b)) bare[folded[0]] = b = new();
            b.Add(i);
        }
        foreach (var (key, forms) in operations)
        {
            if (forms.Select(f => f.Prefix).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Count() > 1) continue;
            var nodes = forms.OrderBy(f => f.Prefix.Length > 0).ThenByDescending(f => _entities[f.Entity].Mentions.Sum(m => m & 0xFFFFFFFF))
                .ThenBy(f => f.Entity).Select(f => f.Entity).Distinct().ToList();
            int winner = nodes[0];
            foreach (var i in nodes.Skip(1))
            {
                if (Find(i) == Find(winner)) continue;
                if (!OneArticleWritesBoth(Find(winner), i) && !ShareNeighbour(winner, i)) continue;
                _entities[i].NameVotes.Clear(); // the operation keeps its name
                JoinRetyped(Find(winner), i);
            }
            foreach (var i in bare.GetValueOrDefault(key) ?? new List<int>())
            {
                // a bare name joins only when every article that writes it also writes the operation: a namesake of
                // another story ("Sentinel, a software firm") is not pulled in through a shared country or body
                if (Find(i) == Find(winner) || !WithinArticlesOf(i, Find(winner))) continue;
                _entities[i].NameVotes.Clear();
                JoinRetyped(Find(winner), i);
            }
        }
    }

    /// <summary>
    /// "the Executive Council of the VUO" in one article and "the VUO Executive Council" in another: a body's organ named
    /// by its parent's acronym after "of" (one to four capitalised words before "of", the acronym alone after it, with or
    /// without "the") is the body named by the acronym before the same words, in any article. Only an acronym: "the
    /// Ministry of Justice of Kessa" and "the Justice Ministry" of another article may be two countries' ministries, and
    /// "the Executive Council of the VUO" is no "KSF Executive Council". Organisations only. Names are indexed by their
    /// folded form (linear).
    /// </summary>
    private void JoinOrgansOfBodies()
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var organs = new List<(int Entity, string Key)>();
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            if (Find(i) != i || g.NameVotes.Count == 0 || g.Type != EntityType.Organization) continue;
            if (Confined(g)) continue;
            foreach (var alias in g.Aliases)
            {
                var words = alias.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                int start = words.Length > 0 && words[0] is "the" or "The" ? 1 : 0;
                if (start < words.Length && char.IsUpper(words[start][0]))
                {
                    var folded = NameKey.Fold(string.Join(' ', words.Skip(start)));
                    if (!byName.TryGetValue(folded, out var list)) byName[folded] = list = new();
                    if (!list.Contains(i)) list.Add(i);
                }
                int of = Array.IndexOf(words, "of");
                if (of - start < 1 || of - start > 4 || !words.Skip(start).Take(of - start).All(w => w.Length > 1 && char.IsUpper(w[0]))) continue;
                int acr = of + 1 < words.Length && words[of + 1] == "the" ? of + 2 : of + 1;
                if (acr != words.Length - 1 || !NameKey.IsAcronymShape(words[acr]) || words[acr].Count(char.IsLetter) < 2) continue;
                organs.Add((i, NameKey.Fold(words[acr] + " " + string.Join(' ', words.Skip(start).Take(of - start)))));
            }
        }
        foreach (var (i, key) in organs)
        {
            if (!byName.TryGetValue(key, out var list)) continue;
            var others = list.Select(Find).Where(j => j != Find(i)).Distinct().ToList();
            if (others.Count == 1) Union(others[0], i);
        }
    }

    /// <summary>Whether the short form has a role its articles give it that an article gives the person too.</summary>
    private bool SharedRole(int person, int shortForm) =>
        _entities[shortForm].AttributeVotes is { } own && _entities[person].AttributeVotes is { } theirs
        && own.Keys.Any(k => k.Key == "role" && theirs.Keys.Any(q => q.Key == "role" && SameRank(q.Value, k.Value)));

    private HashSet<long> ArticlesOf(int entity) => _entities[entity].Mentions.Select(m => m >> 32).ToHashSet();

    /// <summary>Whether a node is kept to one article (a generic actor of its story) or to a stated place ("Orlen" of
    /// Kessa): such a node joins no other by name across articles.</summary>
    private static bool Confined(GlobalEntity g) =>
        g.Attributes is not null && (ResolutionKey.IsDocumentScoped(g.Attributes) || ResolutionKey.Within(g.Attributes) is not null);

    /// <summary>Whether one article names both (it told them apart).</summary>
    private bool OneArticleWritesBoth(int a, int b)
    {
        var docs = ArticlesOf(a);
        return _entities[b].Mentions.Any(m => docs.Contains(m >> 32));
    }

    private static bool IsTwoWordsOrFewer(string folded) => folded.Count(c => c == ' ') < 2;

    /// <summary>
    /// Whether some other node of the graph (not a document) is named in an article of <paramref name="a"/> and in an
    /// article of <paramref name="b"/>: the two are written about in one story's setting (a country, a body, a person), not
    /// two namesakes of unrelated stories. Reads the articles of the two nodes only (an index of articles to nodes, built once).
    /// </summary>
    private bool ShareNeighbour(int a, int b)
    {
        if (_nodesByArticle is null)
        {
            _nodesByArticle = new Dictionary<long, List<int>>();
            for (int i = 0; i < _entities.Count; i++)
            {
                if (Find(i) != i) continue;
                foreach (var m in _entities[i].Mentions)
                {
                    if (!_nodesByArticle.TryGetValue(m >> 32, out var list)) _nodesByArticle[m >> 32] = list = new List<int>();
                    list.Add(i);
                }
            }
        }
        (a, b) = (Find(a), Find(b));
        var aDocs = ArticlesOf(a);
        var bDocs = _entities[b].Mentions.Select(m => m >> 32).Where(d => !aDocs.Contains(d)).ToList();
        var near = new HashSet<int>();
        foreach (var d in aDocs)
            if (_nodesByArticle.TryGetValue(d, out var list))
                foreach (var e in list) { var r = Find(e); if (r != a && r != b) near.Add(r); }
        foreach (var d in bDocs)
            if (_nodesByArticle.TryGetValue(d, out var list))
                foreach (var e in list) if (near.Contains(Find(e))) return true;
        return false;
    }

    private Dictionary<long, List<int>>? _nodesByArticle;

    private bool HasRole(int person) => _entities[person].AttributeVotes?.Keys.Any(k => k.Key == "role") == true;

    /// <summary>Whether the role the articles give <paramref name="shortForm"/> (a role some article gives it, not only
    /// the elected one) is one an article gives <paramref name="person"/>, when both have roles.</summary>
    private bool RolesAgree(int person, int shortForm)
    {
        var (p, s) = (_entities[person], _entities[shortForm]);
        if (s.AttributeVotes is null || !s.AttributeVotes.Keys.Any(k => k.Key == "role")) return true;
        if (p.AttributeVotes is null || !p.AttributeVotes.Keys.Any(k => k.Key == "role")) return true;
        return s.AttributeVotes.Keys.Where(k => k.Key == "role").Any(k => p.AttributeVotes.Keys.Any(q => q.Key == "role" && SameRank(q.Value, k.Value)));
    }

    /// <summary>
    /// Two roles of one person: the same role, or a compound military rank and the rank word that heads it, by which the
    /// holder is also called ("Major General Tomas Vell" is "General Vell", "Rear Admiral" "Admiral", "Lieutenant Colonel"
    /// "Colonel"; written with a hyphen too, "Major-General"). Only the rank modifiers lieutenant, major, brigadier, rear and vice before general, admiral or colonel:
    /// "Attorney General Vell" is no general, and "Vice President Vell" is no "President Vell" (no rank).
    /// </summary>
    internal static bool SameRank(string a, string b)
    {
        // ("Major-General", a hyphenated title since title44, is the rank "major general")
        (a, b) = (a.Replace('-', ' '), b.Replace('-', ' '));
        if (string.Equals(a, b, StringComparison.Ordinal)) return true;
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        if (shorter is not ("general" or "admiral" or "colonel") || !longer.EndsWith(" " + shorter, StringComparison.Ordinal)) return false;
        return longer[..^(shorter.Length + 1)] is "lieutenant" or "major" or "brigadier" or "rear" or "vice";
    }

    /// <summary>A person's name as a short form of a full name (<see cref="JoinBareSurnames"/>): its surname folded and
    /// the initial before it (or NUL); null for a name that is no short form.</summary>
    private (string Last, char Initial)? ShortForm(string alias)
    {
        var words = alias.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        static bool Surname(string w) => w.Length >= 2 && char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\'' or '\u2019')
                                         && w.Count(char.IsLetter) >= 2;
        if (words.Length == 1) return Surname(words[0]) ? (NameKey.Fold(words[0]), '\0') : null;
        if (words.Length != 2 || !Surname(words[1])) return null;
        var first = words[0];
        if (first.TrimEnd('.').Length == 1 && char.IsUpper(first[0]) && char.IsLetter(first[0])) return (NameKey.Fold(words[1]), char.ToUpperInvariant(NameKey.Fold(first)[0]));
        return IsGluedTitle(first) ? (NameKey.Fold(words[1]), '\0') : null;
    }

    /// <summary>
    /// A word before a surname that is a title of persons (titles.tsv, written before names) glued to it: the title's
    /// plural ("Ministers"), its initials in capitals ("DPM" of "Deputy Prime Minister"), or a title of eight letters or more misspelt
    /// by one letter added, dropped, changed or two swapped ("Minster", "Minsiter"); never a given name (given_names.tsv),
    /// nor the title rightly spelt (the finder keeps "Pope Francis", "King Harald" as names: a given name follows), nor a
    /// shorter title misspelt ("Marshall" is a person's name as often as a misspelt "Marshal").
    /// </summary>
    private bool IsGluedTitle(string word)
    {
        if (!word.All(char.IsLetter) || word.Length < 2) return false;
        var lower = word.ToLowerInvariant();
        if (word.All(char.IsUpper)) return word.Length <= 4 && _lexicons.TitleInitials.Contains(lower);
        if (!word.Skip(1).All(char.IsLower) || _lexicons.GivenNames.Contains(word)) return false;
        // (the title itself, rightly spelt, is no sign of a glued name: the finder kept "Pope Francis", "King Harald" as names)
        if (lower.EndsWith('s') && _lexicons.TitleWords.Contains(lower[..^1])) return true;
        return lower.Length >= 7 && _lexicons.TitleWords.Any(t => t.Length >= 8 && OneEditApart(lower, t));
    }

    /// <summary>Whether two words differ by one letter added, dropped or changed, or two neighbours swapped.</summary>
    private static bool OneEditApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (a.Length == b.Length)
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                   || i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    /// <summary>
    /// "Mohammed Tarik Velasi" / "Mohamed Tarik Velasi", "Volodymir Kessenko" / "Volodimir Kessenki": one person whose
    /// name two spellings write with a doubled letter written once, or "y" for "i", inside a given name of five letters
    /// or more (every word but the last), and the surname the same or with a final "y" for "i" (a transliteration's
    /// variants). Never another letter ("Daniela" / "Daniel", "Marian" / "Marion" are two people), a change of the
    /// surname inside it, nor a name of one word. Two spellings of one article join only for a name of three words or
    /// more (a short name written two ways in one article may be two people, "Jon Ellis" / "John Ellis"). Names are
    /// indexed by their spelling with those letters normalised (linear).
    /// </summary>
    private void JoinPersonSpellings()
    {
        var byKey = new Dictionary<string, List<(int Entity, string Folded)>>(StringComparer.Ordinal);
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            if (Find(i) != i || g.Type != EntityType.Person || g.NameVotes.Count == 0) continue;
            if (Confined(g)) continue;
            foreach (var alias in g.Aliases)
            {
                if (!IsCrossDocumentKey(alias, g.Type) || PersonName.Parse(alias) is null) continue;
                var folded = NameKey.Fold(alias);
                var key = SpellingKey(folded);
                if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = new();
                if (!list.Contains((i, folded))) list.Add((i, folded));
            }
        }
        foreach (var group in byKey.Values)
        {
            if (group.Count < 2) continue;
            for (int x = 0; x < group.Count; x++)
                for (int y = x + 1; y < group.Count; y++)
                {
                    int a = Find(group[x].Entity), b = Find(group[y].Entity);
                    if (a == b) continue;
                    bool twoWords = IsTwoWordsOrFewer(group[x].Folded);
                    if (twoWords && OneArticleWritesBoth(a, b)) continue;
                    if (!RolesAgree(a, b) || !RolesAgree(b, a)) continue;
                    // (two words: "Brian Moore" and "Bryan Moore", "Terry Walsh" and "Terri Walsh" are often two people; the
                    // articles must share a neighbour)
                    if (twoWords && !ShareNeighbour(a, b)) continue;
                    Union(a, b);
                }
        }
    }

    /// <summary>A folded person's name with, in each word but the last of five letters or more, a doubled letter written
    /// once and "Y" as "I", and a final "Y" of any word of five letters or more as "I".</summary>
    private static string SpellingKey(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int w = 0; w < words.Length; w++)
        {
            var word = words[w];
            if (word.Length < 5 || !word.All(char.IsLetter)) continue;
            if (w < words.Length - 1)
            {
                var sb = new System.Text.StringBuilder(word.Length);
                foreach (var c in word)
                {
                    var d = c == 'Y' && sb.Length > 0 ? 'I' : c;
                    if (sb.Length > 0 && sb[^1] == d) continue;
                    sb.Append(d);
                }
                word = sb.ToString();
            }
            if (word[^1] == 'Y') word = word[..^1] + "I";
            words[w] = word;
        }
        return string.Join(' ', words);
    }

    /// <summary>
    /// "U.S. Department of Justice" in one article and "Department of Justice" in another: a body's name opened by a
    /// country of the graph, written as the country node's name or as an acronym it holds ("U.S.", "United States"; not a
    /// demonym, which opens names of their own: "American Red Cross"), joins the one body named without it (its name of two
    /// words or more, or its "Department of X" key), when no other country's name opens the same name anywhere in the graph
    /// ("Philippine Department of Justice" beside it: neither joins the bare one) and every article that writes the bare
    /// name names that country as well (or a place the lexicons put in it: <see cref="DocumentsNaming"/>). Neither one of
    /// the country's generic actors ("U.S. diplomats") nor another body named with the country's name ("the U.S. Chamber of
    /// Shipping") names it for this: a story about another country's "Harbours Department" may well name both.
    /// An international organisation owns bodies the same way ("EU Agency for Fisheries" / "European Union Agency for
    /// Fisheries", "AU Commission" / "African Union Commission"): its node's name and the acronyms it holds open names
    /// like a country's. Any other body owns its units by an acronym of three letters or more that its node holds ("the
    /// KFP Harbour Response Unit" of one article, "the Harbour Response Unit" of another that names the KFP too): the same
    /// conditions, the bare name's articles all naming that body.
    /// </summary>
    private void JoinCountryPrefixedBodies()
    {
        var countryOf = new Dictionary<string, int>(StringComparer.Ordinal); // a country's written form -> the country node
        var shared = new HashSet<string>(StringComparer.Ordinal); // a form two country nodes hold names neither (whichever came first)
        var countries = new List<int>(); // the owners that are countries, whose demonyms open names too (below)
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            bool country = g.Type == EntityType.Location && g.FineTypes?.Contains("Country") == true;
            bool owner = country || g.Type == EntityType.Organization && g.FineTypes?.Contains("InternationalOrganization") == true;
            // any other body owns units by its acronym of three letters or more only ("the KFP Harbour Unit" / "the Harbour
            // Unit" of an article that names the KFP too), not by its name or a two-letter form, which open names of their own
            bool body = !owner && g.Type == EntityType.Organization && !(g.Attributes is not null && ResolutionKey.IsDocumentScoped(g.Attributes));
            if (Find(i) != i || !owner && !body || g.NameVotes.Count == 0) continue;
            if (country) countries.Add(i);
            var forms = body ? g.Aliases.Where(a => AcronymLetters(a) is not null)
                : g.Aliases.Where(a => AcronymLetters(a) is not null || a.Length == 2 && a.All(char.IsUpper) || a.EndsWith('.') && a.Count(ch => ch == '.') >= 2)
                    .Append(CanonicalName(g));
            foreach (var form in forms)
                if (!countryOf.TryAdd(form, i) && countryOf[form] != i) shared.Add(form);
        }
        foreach (var form in shared) countryOf.Remove(form);
        if (countryOf.Count == 0) return;
        // a country's demonyms (countries.tsv) open names too, for the join of one country written two ways only
        // ("Lithuania Army" / "Lithuanian Army"); a demonym opens names of their own ("American Red Cross" is no "Red Cross")
        var demonymOf = new Dictionary<string, int>(StringComparer.Ordinal);
        shared.Clear();
        foreach (int i in countries)
        {
            foreach (var name in _entities[i].Aliases)
                if (_lexicons.Demonyms.TryGetValue(name, out var demonyms))
                    foreach (var demonym in demonyms)
                        if (!countryOf.ContainsKey(demonym) && !demonymOf.TryAdd(demonym, i) && demonymOf[demonym] != i) shared.Add(demonym);
        }
        foreach (var form in shared) demonymOf.Remove(form);
        var prefixed = new List<(int Entity, int Country, string Bare, bool Demonym)>();
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            if (Find(i) != i || g.Type is not (EntityType.Organization or EntityType.Event) || g.Attributes is not null && ResolutionKey.IsDocumentScoped(g.Attributes)) continue;
            foreach (var name in g.Aliases)
            {
                var words = name.Split(' ');
                for (int p = 1; p <= 2 && p + 1 <= words.Length; p++)
                {
                    if (!char.IsUpper(words[p][0])) continue;
                    var opening = string.Join(' ', words.Take(p));
                    if (countryOf.TryGetValue(opening, out var country)) prefixed.Add((i, country, string.Join(' ', words.Skip(p)), false));
                    else if (g.Type == EntityType.Organization && demonymOf.TryGetValue(opening, out country)) prefixed.Add((i, country, string.Join(' ', words.Skip(p)), true));
                }
            }
        }
        var naming = new Dictionary<int, HashSet<long>>(); // country node -> the documents naming it (one pass over the graph each)
        // (groups in the order of their keys, and the bare name of a group its ordinal first: no outcome depends on the input order)
        // (an event's group apart from a body's: "the UN Charter" and "the United Nations Charter" are one charter, joined
        // as one owner written two ways only: an event's bare name, "the Charter", joins nothing)
        foreach (var group in prefixed.GroupBy(x => (_entities[x.Entity].Type == EntityType.Event ? "\u0008" : "") + ResolutionKey.Of(x.Bare), StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rest = group.Select(x => x.Bare).Min(StringComparer.Ordinal)!;
            // one country written two ways, "U.S. Fisheries Department" and "United States Fisheries Department", is one
            // body, whatever other countries have one of that name and whether or not the graph has the bare name; not an
            // office named after its holder's title ("U.S. Attorney's Office", "United States Attorney's Office"): each
            // district has one, which the name leaves out
            if (!NamesAHoldersOffice(rest))
                foreach (var same in group.GroupBy(x => Find(x.Country)))
                    foreach (var x in same.Skip(1)) Union(same.First().Entity, x.Entity);
            if (group.Key.StartsWith('\u0008')) continue;
            var named = group.Where(x => !x.Demonym).ToList();
            if (named.Count == 0) continue;
            if (named.Select(x => x.Country).Distinct().Count() != 1) continue; // two countries' bodies of one name: neither
            // a bare name of one word ("Army" beside "U.S. Army") is any country's
            if (!rest.Contains(' ', StringComparison.Ordinal)) continue;
            var keys = new[] { ResolutionKey.Of(rest), ResolutionKey.OfBody(rest) }.OfType<string>();
            var bare = keys.Select(k => _index.TryGetValue((EntityType.Organization, k), out var idx) ? Find(idx) : -1).Where(x => x >= 0).Distinct().ToList();
            // a ministry's bare name, keyed only within its articles: the one node of that name
            if (bare.Count == 0 && _bareMinistries.TryGetValue(ResolutionKey.Of(rest), out var ministries)) bare = ministries.Select(Find).Distinct().ToList();
            var bodies = named.Select(x => Find(x.Entity)).Distinct().ToList();
            if (bare.Count != 1 || bodies.Contains(bare[0])) continue;
            // ... and only when every article writing the bare name names that country too, or its capital ("the Armed
            // Forces" of other stories is not Jordan's)
            int country = Find(named[0].Country);
            if (!naming.TryGetValue(country, out var countryDocs)) naming[country] = countryDocs = DocumentsNaming(country);
            if (!_entities[bare[0]].Mentions.All(m => countryDocs.Contains(m >> 32))) continue;
            foreach (var body in bodies) Union(body, bare[0]);
        }
    }

    /// <summary>
    /// "the Ministry of Foreign Affairs", "the Justice Ministry": a ministry named without its country ("Ministry of" and its
    /// field, or one field word and "Ministry"; no word or words of it a country's name or demonym, countries.tsv, nor an
    /// acronym, which names an owner: "UK Ministry of Defence", "Ministry of Defence of Peru") is
    /// the ministry of whichever country its article speaks for, and every country has one of that name: the name is a
    /// key only within its article (two articles' bare "Ministry of Foreign Affairs" may be Mexico's and Ukraine's), and
    /// the node joins another article's only through a name that says whose it is (an acronym, "Ministry of Foreign
    /// Affairs of Kessland"). Not "Department": "the Department of Defense" of most English news is one body.
    /// </summary>
    private bool IsBareMinistry(string name)
    {
        var words = WordsOf(name);
        if (words.Count < 2) return false;
        // "Ministry of W ..." or one field word before "Ministry" ("Justice Ministry"; in "Kessland Foreign Ministry" the
        // first word may be an owner no lexicon knows)
        bool opens = words[0] == "Ministry" && words[1] == "of", ends = words.Count == 2 && words[1] == "Ministry" && char.IsUpper(words[0][0]);
        if (!opens && !ends || words.Count(w => w == "Ministry") != 1) return false;
        if (words.Any(NameKey.IsAcronymShape)) return false;
        for (int i = 0; i < words.Count; i++)
            for (int n = 1; n <= 4 && i + n <= words.Count; n++)
                if (_lexicons.CountryWords.Contains(string.Join(' ', words.Skip(i).Take(n)))) return false;
        return true;
    }

    /// <summary>
    /// "The Kessan Ministry of Fisheries opened the port on Monday. The Ministry of Fisheries said ...": an article that
    /// names one owner's ministry of a field (a country's name or demonym, countries.tsv, or an acronym before the name; or
    /// "of" and the country after it: "the Ministry of Fisheries of Kessland"; or the country's possessive: "Kessland's
    /// Fisheries Ministry") and also a ministry of that field by its bare name (<see cref="IsBareMinistry"/>) means that
    /// ministry by the bare name: the bare node joins it and keeps no vote for its name. The field is the words after
    /// "Ministry of" (or "for") or before "Ministry", "Affairs" closing it left out ("the Foreign Ministry" is "the Ministry
    /// of Foreign Affairs"). Two owners' ministries of the field in the article, or none: the bare name joins neither (it
    /// stays keyed within its article), nor when a relation of the article (not PART_OF) links the bare and the owned one.
    /// Linear in the article's entities and relations.
    /// </summary>
    private void JoinOwnedMinistries(GraphDocument doc, int[] global)
    {
        List<(int Entity, string Field)>? bare = null, owned = null;
        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var e = doc.Entities[i];
            if (e.Type != EntityType.Organization || ResolutionKey.IsDocumentScoped(e.Attributes)) continue;
            // only an entity named by bare ministries alone (and descriptions): another name of it (an acronym, "MOFA") is a
            // key across articles, and would bring other articles' ministry into the owner's
            var names = e.Aliases.Append(e.Name).Distinct(StringComparer.Ordinal).Select(n => (Name: n, Bare: IsBareMinistry(n))).ToList();
            bool onlyBare = names.All(n => n.Name.Length == 0 || char.IsLower(n.Name[0]) || n.Bare);
            foreach (var (name, isBare) in names)
            {
                if (isBare) { if (onlyBare && MinistryField(WordsOf(name)) is { } field) (bare ??= new()).Add((i, field)); }
                else if (OwnedMinistry(name) is { } field) (owned ??= new()).Add((i, field.Field));
            }
        }
        if (bare is null || owned is null) return;
        // "The Ministry of Foreign Affairs welcomed the statement of the Ministry of Foreign Affairs of Kessland": a relation
        // the article states between the bare ministry and the owned one (not PART_OF) says they are two ministries, the
        // bare one most often the writer's own (a ministry's press release about another country's)
        HashSet<(int, int)>? related = null;
        foreach (var r in doc.Relations)
            if (r.Type != "PART_OF" && r.Subject != r.Object) (related ??= new()).Add((Math.Min(r.Subject, r.Object), Math.Max(r.Subject, r.Object)));
        foreach (var (i, field) in bare)
        {
            if (related is not null && owned.Any(o => o.Field == field && related.Contains((Math.Min(i, o.Entity), Math.Max(i, o.Entity))))) continue;
            var owners = owned.Where(o => o.Field == field).Select(o => Find(global[o.Entity])).Distinct().ToList();
            int root = Find(global[i]);
            if (owners.Count != 1 || owners[0] == root) continue;
            // the node keeps the name that says whose ministry it is (and is no bare name's node: GlobalEntity.Bare)
            var g = _entities[root];
            foreach (var name in g.NameVotes.Keys.Where(IsBareMinistry).ToList()) g.NameVotes.Remove(name);
            bool ownerBare = _entities[owners[0]].Bare;
            Union(owners[0], root);
            _entities[Find(owners[0])].Bare = ownerBare;
        }
    }

    /// <summary>
    /// "Kessish police closed the border on Monday. Police said ...": a generic actor with no country (scoped to its
    /// document) names the one actor of its article keyed by a country or place with the same CAMEO agent and the same head
    /// noun ("police", "refugees", "children"; the last word before a preposition, "police in Vell"): it joins that node, which keeps its name ("Kessish police") and takes the
    /// bare form as an alias. Not when two countries' actors of that agent and head are in the article ("Kessish soldiers
    /// and Ostlandic soldiers clashed ... soldiers fired": neither), nor when a relation of the article links the two, nor a
    /// head that differs ("officials" is not "the Kessish government"). Linear in the article's entities and relations.
    /// </summary>
    private void JoinScopedAgents(GraphDocument doc, int[] global)
    {
        // the agent code and the head noun: the last word before a preposition ("police in Tarn": "police")
        static string? Head(GraphDocumentEntity e)
        {
            if (e.Attributes.FirstOrDefault(kv => kv.Key == "agent").Value is not { } agent) return null;
            var words = WordsOf(e.Name);
            int end = words.FindIndex(w => w is "in" or "of" or "from" or "at" or "on" or "for");
            if (end < 0) end = words.Count;
            return end > 0 ? agent + "|" + words[end - 1].ToLowerInvariant() : null;
        }
        Dictionary<string, List<int>>? keyed = null;
        List<(int Entity, string Head)>? scoped = null;
        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var e = doc.Entities[i];
            if (e.Type != EntityType.Organization || Head(e) is not { } head) continue;
            if (ResolutionKey.IsDocumentScoped(e.Attributes)) (scoped ??= new()).Add((i, head));
            else if (ResolutionKey.OfAgent(e.Attributes) is not null)
            {
                keyed ??= new(StringComparer.Ordinal);
                if (!keyed.TryGetValue(head, out var list)) keyed[head] = list = new List<int>();
                list.Add(i);
            }
        }
        if (scoped is null || keyed is null) return;
        HashSet<(int, int)>? related = null;
        foreach (var r in doc.Relations)
            if (r.Subject != r.Object) (related ??= new()).Add((Math.Min(r.Subject, r.Object), Math.Max(r.Subject, r.Object)));
        foreach (var (i, head) in scoped)
        {
            if (!keyed.TryGetValue(head, out var list)) continue;
            if (related is not null && list.Any(o => related.Contains((Math.Min(i, o), Math.Max(i, o))))) continue;
            var actors = list.Select(o => Find(global[o])).Distinct().ToList();
            int root = Find(global[i]);
            if (actors.Count != 1 || actors[0] == root) continue;
            // the scoped node is this article's alone: it gives up its name, its scope and its votes, and keeps its aliases
            var g = _entities[root];
            g.NameVotes.Clear();
            g.Attributes = null;
            g.AttributeVotes = null;
            Union(actors[0], root);
        }
    }

    /// <summary>
    /// "the Memorandum of Understanding", "the Joint Declaration", "the Summit Meeting": an agreement or a meeting named by
    /// its kind alone (a head of org_keywords.tsv's agreements and meetings, at most one other word, every word of English
    /// written in lower case, common_words.tsv: no place, person, body, acronym or number says whose or which) is whichever
    /// one its article is about, and every pair of states signs one of that name: the name is a key only within its
    /// article, as a ministry's bare name is (<see cref="IsBareMinistry"/>). "the Kessa Accord", "the Treaty of Orvia", "the
    /// Free Trade Agreement of the Americas", "the G9 Summit" name one each and stay keys across articles.
    /// </summary>
    private bool IsKindOnlyAccord(string name)
    {
        var words = WordsOf(name);
        if (words.Count == 0) return false;
        int kinds = 0, others = 0;
        foreach (var w in words)
        {
            if (w is "of" or "on" or "and" or "for" or "the") continue;
            if (NameKey.IsAcronymShape(w) || !w.All(char.IsLetter)) return false;
            var lower = w.ToLowerInvariant();
            if (_lexicons.AccordKinds.Contains(lower)) kinds++;
            else if (_lexicons.CommonWords.Contains(lower)) others++;
            else return false;
        }
        return kinds > 0 && others <= 1;
    }

    /// <summary>An agreement's or a meeting's node named by its kind alone (<see cref="IsKindOnlyAccord"/>).</summary>
    private bool IsKindOnlyNode(int node) => _entities[node].Type == EntityType.Event && _entities[node].Bare;

    /// <summary>Whether every article that mentions node <paramref name="a"/> mentions node <paramref name="b"/> too.</summary>
    private bool WithinArticlesOf(int a, int b)
    {
        var docs = _entities[b].Mentions.Select(m => m >> 32).ToHashSet();
        return _entities[a].Mentions.All(m => docs.Contains(m >> 32));
    }

    /// <summary>A name's words, a leading "the" left out.</summary>
    private static List<string> WordsOf(string name)
    {
        var words = NameKey.Words(name).ToList();
        if (words.Count > 0 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        return words;
    }

    /// <summary>The field of a ministry's name without its owner (folded): "Ministry of Foreign Affairs", "Ministry for
    /// Foreign Affairs", "Foreign Ministry" -> "FOREIGN"; "Ministry of Fisheries" -> "FISHERIES"; null for any other name.</summary>
    private static string? MinistryField(List<string> words)
    {
        List<string> field;
        if (words.Count >= 3 && words[0] == "Ministry" && words[1] is "of" or "for")
            field = words.Skip(2).SkipWhile(w => w.Equals("the", StringComparison.OrdinalIgnoreCase)).ToList();
        else if (words.Count >= 2 && words[^1] == "Ministry") field = words.Take(words.Count - 1).ToList();
        else return null;
        if (field.Count >= 2 && field[^1] == "Affairs") field.RemoveAt(field.Count - 1);
        if (field.Count == 0 || field.Any(w => w == "Ministry") || !field.All(w => char.IsUpper(w[0]) || w is "and" or "of" or "for" or "the" or "&")) return null;
        return NameKey.Fold(string.Join(' ', field));
    }

    /// <summary>The owner and field of a ministry's name that says whose it is (<see cref="JoinOwnedMinistries"/>): "Kessan
    /// Ministry of Fisheries", "Ministry of Fisheries of the Kessland", "Kessland's Fisheries Ministry" -> (Kessland,
    /// FISHERIES); "KR Fisheries Ministry" -> (null, FISHERIES): an acronym says whose it is, but no lexicon says which
    /// country it names. Null for any other name.</summary>
    private (string? Country, string Field)? OwnedMinistry(string name)
    {
        var words = WordsOf(name);
        if (words.Count < 3 || words.Count(w => w == "Ministry") != 1) return null;
        bool IsOwner(IEnumerable<string> owner)
        {
            var list = owner.SkipWhile(w => w.Equals("the", StringComparison.OrdinalIgnoreCase)).ToList();
            return list.Count is > 0 and <= 4 && _lexicons.CountryWords.Contains(string.Join(' ', list));
        }
        string? CountryOf(IEnumerable<string> owner) =>
            _lexicons.CountryOf.GetValueOrDefault(string.Join(' ', owner.SkipWhile(w => w.Equals("the", StringComparison.OrdinalIgnoreCase))));
        (string?, string)? With(string? country, string? field) => field is null ? null : (country, field);
        // "of" and the owner after the field
        for (int k = 2; k < words.Count - 1; k++)
            if (words[k] == "of" && IsOwner(words.Skip(k + 1)))
                return With(CountryOf(words.Skip(k + 1)), MinistryField(words.Take(k).ToList()));
        // the owner before: its name, demonym or possessive, or an acronym of one word
        for (int p = 1; p <= 3 && p < words.Count - 1; p++)
        {
            var owner = words.Take(p).ToList();
            var last = owner[^1];
            if (last.EndsWith("'s", StringComparison.Ordinal) || last.EndsWith("\u2019s", StringComparison.Ordinal)) owner[^1] = last[..^2];
            if (IsOwner(owner)) return With(CountryOf(owner), MinistryField(words.Skip(p).ToList()));
            if (p == 1 && NameKey.IsAcronymShape(owner[0])) return With(null, MinistryField(words.Skip(p).ToList()));
        }
        return null;
    }

    /// <summary>
    /// "Attorney's Office", "Sheriff’s Office": a body named after the title of the one who holds it (a possessive before
    /// its last word), of which each district, county or city has its own.
    /// </summary>
    private static bool NamesAHoldersOffice(string name) =>
        name.Contains("'s ", StringComparison.Ordinal) || name.Contains("\u2019s ", StringComparison.Ordinal);

    /// <summary>
    /// "Port Velmora" typed a place in the articles that write "in Port Velmora" and a body in one that writes "Port Velmora announced":
    /// one name of the graph typed organisation and place in articles that never share one is one thing the recogniser read
    /// two ways. Never a person: places and bodies are named after people ("Marek Dovrin" the man and the university). The node its confidence trusts more (<see cref="NodeConfidence"/>: its
    /// evidence, mentions and documents) takes the others; their finer labels that do not fit its type and their
    /// attributes are left behind. Names of two words or more only: one word ("Kessler") is a first name, a surname, a
    /// company or a place alike. An article that writes the name under both types told two things apart ("Lindon" the
    /// town and "Lindon" the company of one story): those stay apart, and so does a generic actor of one article or a name
    /// known only within another (a U.S. state named like a country).
    /// </summary>
    private void JoinNamesTypedTwoWays()
    {
        HashSet<int>? related = null;
        // organisation and place only: a person's name is also that of the places and bodies named after the person
        // ("George Washington" the president and the university), and a wrong join is worse than two nodes
        foreach (var group in GroupsTypedTwoWays(includePersons: false))
        {
            // a name of one word ("Kessler", "Orbix") is a first name, a surname, a company or a place alike: no reading
            // tells the others apart (on web text the more trusted one was as often wrong as right)
            if (!CanonicalName(_entities[group[0]]).Contains(' ', StringComparison.Ordinal)) continue;
            if (related is null)
            {
                related = new HashSet<int>();
                foreach (var r in _relations) // as the node confidence of Build counts them: an edge the schema allows
                {
                    int s = Find(r.Subject), o = Find(r.Object);
                    if (s != o && _schema.Allows(r.Type, _entities[s].Type, _entities[o].Type)) { related.Add(s); related.Add(o); }
                }
            }
            double Trust(int i)
            {
                var g = _entities[i];
                return Confidence(g, CanonicalName(g), LabelsOf(g), g.Mentions.Sum(m => m & 0xFFFFFFFF), related.Contains(i)).Score;
            }
            var ranked = group.OrderByDescending(Trust).ThenByDescending(i => _entities[i].Mentions.Sum(m => m & 0xFFFFFFFF)).ThenBy(i => i).ToList();
            foreach (var i in ranked.Skip(1)) JoinRetyped(ranked[0], i);
        }
    }

    /// <summary>
    /// "Orvanta" written in four articles as a place and in one as a person ("Supreme Commander Orvanta" read as a title and
    /// its holder), or "Kestrin" the president in two articles and a place in one: one name of the graph typed two ways
    /// (person, organisation or place) in articles that never share one is the thing of the articles' majority when that
    /// reading is in two articles or more and in at least twice as many as every other reading together; the others join
    /// it (their labels that do not fit its type and their attributes are left behind, their mentions and articles are
    /// its). Names of one word too, and persons too: the text of most articles says what the name is. Two readings that
    /// each have support of their own type stay apart, for the majority is then no evidence: "Georgia" the country of the
    /// gazetteer and "Ms. Georgia" with a title, "Washington" the capital and "President Washington". So do a tie, a name an
    /// article writes both ways (it told them apart), a generic actor of one article and a name known only within another.
    /// </summary>
    private void JoinNamesTypedTwoWaysByMajority()
    {
        static bool Supported(GlobalEntity g) => g.Evidence is { } e && (e.Gazetteer || e.Rule || e.Canonical) || g.Attributes?.ContainsKey("role") == true;
        foreach (var group in GroupsTypedTwoWays(includePersons: true))
        {
            // the articles of each type (nodes of one type that other rules kept apart are left as they are)
            var byType = group.GroupBy(i => _entities[i].Type).Select(t => (Type: t.Key, Nodes: t.ToList(), Articles: t.Sum(i => _entities[i].Mentions.Count)))
                .OrderByDescending(t => t.Articles).ToList();
            var top = byType[0];
            int others = byType.Skip(1).Sum(t => t.Articles);
            if (top.Nodes.Count != 1 || top.Articles < 2 || top.Articles < 2 * others) continue;
            if (Supported(_entities[top.Nodes[0]]) && byType.Skip(1).Any(t => t.Nodes.Any(i => Supported(_entities[i])))) continue; // two supported readings
            foreach (var i in byType.Skip(1).SelectMany(t => t.Nodes)) JoinRetyped(top.Nodes[0], i);
        }
    }

    /// <summary>
    /// The clusters of one name (<see cref="ResolutionKey"/> of the canonical name) typed two ways or more, organisation and
    /// place (and person when <paramref name="includePersons"/>), that may be one thing: no article writes two of them (it
    /// told them apart), they agree on what keeps nodes apart (<see cref="NodesAgree"/>: towns of two U.S. states are not
    /// joined through a third article's bare name), and none is a generic actor of one article or a name known only within another.
    /// </summary>
    private IEnumerable<List<int>> GroupsTypedTwoWays(bool includePersons)
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            if (Find(i) != i || g.NameVotes.Count == 0
                || g.Type is not (EntityType.Organization or EntityType.Location) && !(includePersons && g.Type == EntityType.Person)) continue;
            if (Confined(g)) continue;
            var key = ResolutionKey.Of(CanonicalName(g));
            if (key.Length == 0) continue;
            if (!byName.TryGetValue(key, out var list)) byName[key] = list = new List<int>();
            list.Add(i);
        }
        foreach (var group in byName.Values)
        {
            if (group.Count < 2 || group.Select(i => _entities[i].Type).Distinct().Count() < 2) continue;
            var seen = new HashSet<long>();
            if (!group.All(i => _entities[i].Mentions.All(m => seen.Add(m >> 32)))) continue; // an article wrote both
            if (group.Any(i => group.Any(j => i < j && !NodesAgree(i, j)))) continue;
            yield return group;
        }
    }

    /// <summary>Joins cluster <paramref name="i"/> into <paramref name="winner"/>; read as another type, it leaves behind its
    /// finer labels that do not fit the winner's type and its attributes.</summary>
    private void JoinRetyped(int winner, int i)
    {
        var g = _entities[i];
        var type = _entities[winner].Type;
        if (g.Type != type)
        {
            g.FineTypes = g.FineTypes?.Where(f => _schema.Refines(f, type)).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } kept
                ? new SortedSet<string>(kept, StringComparer.Ordinal) : null;
            g.Attributes = null;
            g.AttributeVotes = null;
        }
        Union(winner, i);
    }

    /// <summary>
    /// "Sergey Lavrov" / "Sergei Lavrov", "Kata'ib Hezbollah" / "Kata'ib Hizbollah": one name
    /// of two words or more that two articles spell with one vowel written for another inside a word of five letters or
    /// more (a transliteration's or a typist's variant), or with a final "y" for "i" ("-ey" / "-ei"), is one node. Not a
    /// word's first letter, nor another final vowel ("Maria" / "Mario", "Carla" / "Carlo" name two people), nor a
    /// consonant ("Hansen" / "Jansen", "Colombia" / "Columbia"), nor a name of one word; and not when one article writes
    /// both spellings (it told them apart). A person's names join only on the final "y" / "i" (review33: "Marian" / "Marion
    /// Kowalski", "Erik Andersen" / "Erik Anderson" are two people as often as one), and a person's two-word name only
    /// when the two stories share another node (<see cref="ShareNeighbour"/>). Names are indexed by their letters with those vowels blanked, so each name
    /// is compared only with the few that share its consonants.
    /// </summary>
    private void JoinVowelVariants()
    {
        var bySkeleton = new Dictionary<(EntityType, string), List<(int Entity, string Folded)>>();
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            if (Find(i) != i || g.NameVotes.Count == 0) continue;
            if (Confined(g)) continue;
            foreach (var alias in g.Aliases)
            {
                if (!IsCrossDocumentKey(alias, g.Type) || !alias.Contains(' ', StringComparison.Ordinal)) continue;
                var folded = ResolutionKey.Of(alias);
                var skeleton = VowelSkeleton(folded);
                if (skeleton is null) continue;
                if (!bySkeleton.TryGetValue((g.Type, skeleton), out var list)) bySkeleton[(g.Type, skeleton)] = list = new();
                if (!list.Contains((i, folded))) list.Add((i, folded));
            }
        }
        foreach (var group in bySkeleton.Values)
        {
            if (group.Count < 2) continue;
            for (int x = 0; x < group.Count; x++)
                for (int y = x + 1; y < group.Count; y++)
                {
                    int a = Find(group[x].Entity), b = Find(group[y].Entity);
                    if (a == b || !NodesAgree(a, b)) continue;
                    var (fa, fb) = (group[x].Folded, group[y].Folded);
                    // (one skeleton: the same length, differing only where vowels were blanked)
                    int at = -1, count = 0;
                    for (int k = 0; k < fa.Length && count < 2; k++) if (fa[k] != fb[k]) { at = k; count++; }
                    if (count != 1) continue;
                    // (a person's names differing inside a word are two people as often as one: given names "Marian" /
                    // "Marion", surnames "Andersen" / "Anderson"; only the final "y" / "i" of a transliteration joins them)
                    if (_entities[a].Type == EntityType.Person && !IsFinalYOrI(fa, fb, at)) continue;
                    // (a two-word person's name spelt two ways in two stories that share nobody else: two namesakes, as in
                    // JoinPersonSpellings; review38: "Terry Walsh" / "Terri Walsh")
                    if (_entities[a].Type == EntityType.Person && IsTwoWordsOrFewer(fa) && !ShareNeighbour(a, b)) continue;
                    if (OneArticleWritesBoth(a, b)) continue;
                    Union(a, b);
                }
        }
    }

    private static bool IsFinalYOrI(string a, string b, int k) =>
        (k + 1 == a.Length || !char.IsLetter(a[k + 1])) && char.ToLowerInvariant(a[k]) is 'y' or 'i' && char.ToLowerInvariant(b[k]) is 'y' or 'i';

    /// <summary>A folded name with each vowel inside a word of five letters or more, and a final Y or I of such a word,
    /// blanked; null for a name of one word.</summary>
    private static string? VowelSkeleton(string folded)
    {
        if (!folded.Contains(' ', StringComparison.Ordinal)) return null;
        var chars = folded.ToCharArray();
        int start = 0;
        for (int k = 0; k <= chars.Length; k++)
        {
            if (k < chars.Length && char.IsLetter(chars[k])) continue;
            int length = k - start;
            if (length >= 5)
            {
                for (int q = start + 1; q < k - 1; q++) if (chars[q] is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y') chars[q] = '*';
                if (chars[k - 1] is 'Y' or 'I') chars[k - 1] = '*';
            }
            start = k + 1;
        }
        return new string(chars);
    }

    /// <summary>
    /// The documents that name a country: its own node's, and those naming its capital (countries.tsv: "Lima" for Peru,
    /// "Washington D.C." for the United States) when they name no other country and, for a country other than the United
    /// States, no U.S. state (us_states.tsv): many capitals are also towns of the United States ("LIMA, Ohio" names no Peru).
    /// A U.S. state alone names no country: a state has departments of its own ("AUSTIN, Texas: the Department of
    /// Transportation" is the state's, not the federal one).
    /// </summary>
    private HashSet<long> DocumentsNaming(int country)
    {
        var docs = ArticlesOf(country);
        var capitals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _entities[country].Aliases)
            if (_lexicons.Capitals.TryGetValue(name, out var known)) capitals.UnionWith(known);
        if (capitals.Count == 0) return docs;
        bool ofUnitedStates = _entities[country].Aliases.Contains(EntityAttributes.UnitedStates);
        var naming = new HashSet<long>();
        var elsewhere = new HashSet<long>(); // documents naming another country, or a U.S. state (for another country)
        for (int i = 0; i < _entities.Count; i++)
        {
            var g = _entities[i];
            if (Find(i) != i || g.Type != EntityType.Location) continue;
            if (g.FineTypes?.Contains("Country") == true)
            {
                if (i != country) elsewhere.UnionWith(g.Mentions.Select(m => m >> 32));
            }
            else if (g.Aliases.Any(capitals.Contains)) naming.UnionWith(g.Mentions.Select(m => m >> 32));
            else if (!ofUnitedStates && g.Aliases.Any(_lexicons.UsStates.Contains)) elsewhere.UnionWith(g.Mentions.Select(m => m >> 32));
        }
        naming.ExceptWith(elsewhere);
        docs.UnionWith(naming);
        return docs;
    }

    /// <summary>
    /// A node's confidence features (<see cref="NodeConfidence.Features"/>) and its score with the sparse features of its
    /// labels after Entity and its name: the same reading for the node <see cref="Build"/> writes and for the cluster a join
    /// of one id trusts most.
    /// </summary>
    private static (double[] Features, double Score) Confidence(GlobalEntity g, string name, List<string> labels, long mentions, bool related)
    {
        var features = NodeConfidence.Features(g.Type, name, g.Evidence, g.Attributes?.ContainsKey("role") == true,
            g.Attributes?.ContainsKey("agent") == true, mentions, g.Mentions.Count, related, g.Aliases.Count);
        return (features, NodeConfidence.Default.Score(features, NodeConfidence.SparseFeatures(string.Join(':', labels.Skip(1)), name, g.Evidence?.Context?.Keys)));
    }

    /// <summary>A node's labels: Entity, its type, its fine types.</summary>
    private static List<string> LabelsOf(GlobalEntity g)
    {
        var labels = new List<string> { OntologySchema.EntityLabel, g.Type.ToString() };
        // "Syria" read as a country in one article and as a region or a city in another is one country: a place the
        // gazetteer knows as a country is no city or region of its own (a city-state is its country)
        if (g.FineTypes is not null) labels.AddRange(g.Type == EntityType.Location && g.FineTypes.Contains("Country")
            ? g.FineTypes.Where(f => f is not ("City" or "Region")) : g.FineTypes);
        return labels;
    }

    /// <summary>A text file of this assembly's own embedded in it (Resources/: nicknames, node confidence weights), to read once.</summary>
    internal static StreamReader Embedded(string file) =>
        new(typeof(GraphBuilder).Assembly.GetManifestResourceStream("KnowledgeGraph.Graph.Resources." + file)
            ?? throw new InvalidOperationException($"{file} is not embedded in KnowledgeGraph.Graph"));

    /// <summary>The letters of an acronym of three letters or more ("O.D.R.A." -> "ODRA"); null for any other name.</summary>
    private static string? AcronymLetters(string name)
    {
        if (!NameKey.IsAcronymShape(name)) return null;
        var letters = new string(NameKey.Normalize(name).Where(char.IsLetter).ToArray());
        return letters.Length >= 3 ? letters : null;
    }

    /// <summary>
    /// "ODRA" spells out "Office for Development and Relief Aid": the initials of the name's words, an acronym in
    /// it counting with all its letters, with or without the small words (of, for, and, the ...).
    /// </summary>
    private static bool SpellsOut(string letters, string name) => InitialsOf(name).Contains(letters);

    /// <summary>The letters an acronym of a name of two words or more would have, with and without its small words.</summary>
    private static IEnumerable<string> InitialsOf(string name)
    {
        var words = NameKey.Words(name);
        if (words.Length < 2) return Array.Empty<string>();
        string Initials(bool small) => string.Concat(words.Where(w => small || !NameKey.MinorWords.Contains(w))
            .Select(w => NameKey.IsAcronymShape(w) ? new string(w.Where(char.IsLetter).ToArray()) : char.ToUpperInvariant(w[0]).ToString()));
        var (without, with) = (Initials(false), Initials(true));
        return without == with ? new[] { with } : new[] { without, with };
    }

    private int Find(int i)
    {
        while (_entities[i].Parent != i) { _entities[i].Parent = _entities[_entities[i].Parent].Parent; i = _entities[i].Parent; }
        return i;
    }

    private static void AddMentions(List<long> mentions, int docIndex, long count)
    {
        if (mentions.Count > 0 && (int)(mentions[^1] >> 32) == docIndex) mentions[^1] += count;
        else mentions.Add(((long)docIndex << 32) | count);
    }

    /// <summary>Merges <paramref name="b"/> into <paramref name="a"/>.</summary>
    private void Union(int a, int b)
    {
        a = Find(a); b = Find(b);
        if (a == b) return;
        var (ga, gb) = (_entities[a], _entities[b]);
        gb.Parent = a;
        foreach (var (n, v) in gb.NameVotes) ga.NameVotes[n] = ga.NameVotes.GetValueOrDefault(n) + v;
        ga.Aliases.UnionWith(gb.Aliases);
        if (gb.FineTypes is not null) (ga.FineTypes ??= new(StringComparer.Ordinal)).UnionWith(gb.FineTypes);
        if (gb.Attributes is not null) foreach (var (k, v) in gb.Attributes) (ga.Attributes ??= new(StringComparer.Ordinal)).TryAdd(k, v);
        if (gb.AttributeVotes is not null)
        {
            ga.AttributeVotes ??= new();
            foreach (var (kv, n) in gb.AttributeVotes) ga.AttributeVotes[kv] = ga.AttributeVotes.GetValueOrDefault(kv) + n;
            ElectAttributes(ga);
        }
        ga.Evidence = EntityEvidence.Combine(ga.Evidence, gb.Evidence);
        if (gb.States is not null) (ga.States ??= new(StringComparer.Ordinal)).UnionWith(gb.States);
        ga.Abroad |= gb.Abroad;
        ga.Bare |= gb.Bare;
        // both lists ascend by document: merge them, adding the counts of a document both have
        var merged = new List<long>(ga.Mentions.Count + gb.Mentions.Count);
        int i = 0, j = 0;
        while (i < ga.Mentions.Count || j < gb.Mentions.Count)
        {
            long next = j >= gb.Mentions.Count || (i < ga.Mentions.Count && (ga.Mentions[i] >> 32) <= (gb.Mentions[j] >> 32)) ? ga.Mentions[i++] : gb.Mentions[j++];
            AddMentions(merged, (int)(next >> 32), next & 0xFFFFFFFF);
        }
        ga.Mentions = merged;
        gb.Mentions = new List<long>(0);
        gb.NameVotes.Clear();
        gb.Aliases.Clear();
        gb.FineTypes = null;
        gb.Attributes = null;
        gb.AttributeVotes = null;
        gb.Evidence = null;
    }

    /// <summary>Sets each voted attribute of <paramref name="g"/> to its value most document entities gave, then the
    /// longer, then the ordinal first (<see cref="GlobalEntity.AttributeVotes"/>).</summary>
    private static void ElectAttributes(GlobalEntity g)
    {
        g.Attributes ??= new(StringComparer.Ordinal);
        foreach (var group in g.AttributeVotes!.GroupBy(kv => kv.Key.Key, StringComparer.Ordinal))
            g.Attributes[group.Key] = group.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key.Value.Length)
                .ThenBy(kv => kv.Key.Value, StringComparer.Ordinal).First().Key.Value;
    }

    /// <summary>A cluster's node id: its type and canonical name; a generic actor of one document only also names the
    /// document (so it never meets another article's), an entity known only within another names that one.</summary>
    private static string NodeId(GlobalEntity g, string name) =>
        g.Attributes is not null && g.Attributes.TryGetValue(ResolutionKey.DocumentAttribute, out var scope) && ResolutionKey.IsDocumentScoped(g.Attributes)
            ? Ids.Entity(g.Type, name + " " + scope)
            : g.Attributes is not null && ResolutionKey.Within(g.Attributes) is { } within ? Ids.Entity(g.Type, name + " " + within) : Ids.Entity(g.Type, name);

    /// <summary>The canonical name across documents: each document already names an entity by its most complete form; the form most documents and mentions use wins, then the longer, then ordinal order.</summary>
    private static string CanonicalName(GlobalEntity g) =>
        g.NameVotes.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;

    public BuildStatistics Statistics => new(_documentCount, _duplicates, _droppedBySchema, _notAsserted, _belowConfidence);

    /// <summary>
    /// Builds the immutable graph: entity and document nodes, aggregated relationships, MENTIONS provenance. Builds once:
    /// the builder's own state is let go as the graph takes shape, so the two are never both whole in memory.
    /// </summary>
    public KnowledgeGraphModel Build()
    {
        if (_built) throw new InvalidOperationException("the graph was built: a GraphBuilder builds once");
        _built = true;
        JoinAcronyms();
        JoinPersonSpellings();
        JoinBareSurnames();
        JoinOperationShortForms();
        JoinCountryPrefixedBodies();
        JoinOrgansOfBodies();
        JoinNamesTypedTwoWays();
        JoinNamesTypedTwoWaysByMajority();
        JoinVowelVariants();
        var nodes = new List<GraphNode>(_documents.Count + _entities.Count);
        var edges = new List<GraphEdge>();
        var nodeOf = new Dictionary<int, GraphNode>();
        var byId = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var d in _documents)
        {
            var props = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["characters"] = d.Characters };
            if (d.Title is not null) CapIndexed(props, "title", d.Title);
            if (d.Source is not null) props["source"] = d.Source;
            if (d.Date is not null) props["date"] = d.Date;
            var node = new GraphNode(d.Id, new[] { OntologySchema.DocumentLabel }, props.ToArray());
            byId[node.Id] = node;
            nodes.Add(node);
        }
        // Each cluster's node id (clusters whose names slug alike share one node). Whether each relation fits the schema (an
        // entity that changed type when it joined another, JoinAcronyms, may no longer fit) is decided once here: no union
        // happens in between. Relation mentions are grouped by edge, groups in order of their first mention, mentions in
        // input order; an edge below the edge gate is left out, and the entities the kept edges touch are kept by the node
        // gate whatever their confidence.
        var nameOf = new Dictionary<int, (string Name, string Id)>();
        for (int i = 0; i < _entities.Count; i++)
            if (Find(i) == i)
            {
                var name = CanonicalName(_entities[i]);
                nameOf[i] = (name, NodeId(_entities[i], name));
            }
        // two towns of one name kept apart by their states (PlacesAgree): the one written with a state is named by it too
        foreach (var group in nameOf.GroupBy(kv => kv.Value.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
            foreach (var (i, (name, id)) in group.ToList())
                if (_entities[i].States is { Count: 1 } states && group.Any(o => o.Key != i && !NodesAgree(i, o.Key)))
                    nameOf[i] = (name, Ids.Entity(_entities[i].Type, name + " " + states.Min));
        // two ministries of one bare name (IsBareMinistry: two countries' "Ministry of Foreign Affairs") are two nodes: the
        // one of the most articles (then the earliest) keeps the name's id, each other is named by its first article too
        foreach (var group in nameOf.GroupBy(kv => kv.Value.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
            foreach (var (i, (name, _)) in group.OrderByDescending(kv => _entities[kv.Key].Mentions.Count)
                         .ThenBy(kv => _entities[kv.Key].Mentions[0] >> 32).Skip(1).ToList())
                if (_entities[i].Bare)
                    nameOf[i] = (name, Ids.Entity(_entities[i].Type, name + " " + _documents[(int)(_entities[i].Mentions[0] >> 32)].Id));
        var groups = new Dictionary<(string S, string Type, string O, bool Hedged), (List<int> Members, EdgeConfidence.Belief Belief)>();
        // the node confidence's relationship feature counts every extracted edge, gated or not: the node weights were
        // fitted that way, and a node's confidence must not depend on the edge gate
        var extracted = new HashSet<int>();
        for (int k = 0; k < _relations.Count; k++)
        {
            var r = _relations[k];
            int s = Find(r.Subject), o = Find(r.Object);
            if (!_schema.Allows(r.Type, _entities[s].Type, _entities[o].Type)) { _droppedBySchema++; continue; }
            if (s == o) continue; // one entity: no edge
            extracted.Add(s);
            extracted.Add(o);
            var key = (nameOf[s].Id, r.Type, nameOf[o].Id, r.Hedged);
            if (!groups.TryGetValue(key, out var group)) group = (new List<int>(), EdgeConfidence.Belief.None);
            group.Members.Add(k);
            groups[key] = (group.Members, group.Belief.Add(r.Confidence, r.Doubted));
        }
        var related = new HashSet<int>();
        var keptGroups = new List<((string S, string Type, string O, bool Hedged) Key, List<int> Members)>(groups.Count);
        foreach (var (key, group) in groups)
        {
            if (group.Belief.Confidence < MinEdgeConfidence)
            {
                if (key.S != key.O) _belowConfidence++;
                continue;
            }
            keptGroups.Add((key, group.Members));
            foreach (var k in group.Members)
            {
                related.Add(Find(_relations[k].Subject));
                related.Add(Find(_relations[k].Object));
            }
        }
        var gated = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _entities.Count; i++)
        {
            if (Find(i) != i) continue;
            var g = _entities[i];
            var (name, id) = nameOf[i];
            var labels = LabelsOf(g);
            long mentionCount = 0;
            foreach (var m in g.Mentions) mentionCount += m & 0xFFFFFFFF;
            var props = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["aliases"] = g.Aliases.ToList(),
                ["mentions"] = mentionCount,
                ["doc_count"] = (long)g.Mentions.Count,
            };
            CapIndexed(props, "name", name);
            if (g.Attributes is not null) foreach (var (k, v) in g.Attributes) props.TryAdd(k, v);
            var (features, confidence) = Confidence(g, name, labels, mentionCount, extracted.Contains(i));
            props["confidence"] = confidence;
            var node = new GraphNode(id, labels.ToArray(), props.ToArray());
            if (byId.TryGetValue(id, out var clash))
            {
                // Two clusters whose canonical names slug alike ("U.S." vs "US"): they are the same entity.
                nodeOf[i] = clash;
                continue;
            }
            if (confidence < MinConfidence && !related.Contains(i))
            {
                // left out unless a later cluster of the same id is kept: then it joins that node, whatever the order
                if (!gated.TryGetValue(id, out var same)) gated.Add(id, same = new List<int>());
                same.Add(i);
                continue;
            }
            byId[id] = node;
            nodeOf[i] = node;
            nodes.Add(node);
            OnNodeFeatures?.Invoke(node, features, g.Evidence?.Context?.Keys ?? []);
        }
        foreach (var (id, clusters) in gated)
            if (byId.TryGetValue(id, out var kept))
                foreach (var j in clusters) nodeOf[j] = kept;
        var mentionList = new List<(GraphNode Document, GraphNode Entity, long Count)>();
        foreach (var (i, target) in nodeOf)
        {
            var g = _entities[i];
            foreach (var m in g.Mentions) mentionList.Add((byId[_documents[(int)(m >> 32)].Id], target, m & 0xFFFFFFFF));
            g.Mentions = new List<long>(0);
        }
        var mentions = new MentionEdges(mentionList);
        foreach (var (key, members) in keptGroups)
            if (key.S != key.O) // two clusters of one node: no edge
                edges.Add(AggregateEdge(key.S, key.Type, key.O, key.Hedged, members));
        // what the graph needs is in it now; the builder's state goes
        _relations.Clear();
        _relations.TrimExcess();
        _entities.Clear();
        _entities.TrimExcess();
        _index.Clear();
        _index.TrimExcess();
        _strings.Clear();
        _facts.Clear();
        _documents.Clear();
        _documents.TrimExcess();
        _documentIndex.Clear();
        _documentIndex.TrimExcess();
        return new KnowledgeGraphModel(nodes, edges, mentions);
    }

    private GraphEdge AggregateEdge(string s, string type, string o, bool hedged, List<int> members)
    {
        var evidence = new List<string>();
        var offsets = new List<string>();
        var docIds = new List<string>();
        var triggers = new List<string>();
        var dates = new List<string>();
        var attributed = new List<string>();
        var modality = new List<string>();
        var cameo = new List<string>();
        var modes = new List<string>();
        var contexts = new List<string>();
        var belief = EdgeConfidence.Belief.None;
        foreach (var k in members)
        {
            var r = _relations[k];
            var docId = _documents[r.Document].Id;
            AddDistinct(evidence, r.Evidence);
            offsets.Add($"{docId}:{r.EvidenceStart}-{r.EvidenceEnd}");
            AddDistinct(docIds, docId);
            AddDistinct(triggers, r.Trigger);
            if (r.Facts is { } f)
            {
                if (f.Date is not null) AddDistinct(dates, f.Date);
                if (f.AttributedTo is not null) AddDistinct(attributed, f.AttributedTo);
                if (f.Modality is not null) AddDistinct(modality, f.Modality);
                if (f.Cameo is not null) AddDistinct(cameo, f.Cameo);
                if (f.Mode is not null) AddDistinct(modes, f.Mode);
                if (f.EventContext is not null) foreach (var c in f.EventContext.Split('|')) AddDistinct(contexts, c);
            }
            belief = belief.Add(r.Confidence, r.Doubted);
        }
        // Independent pieces of evidence: the edge is wrong only if every one of them is wrong (a doubted reading counts once).
        double confidence = belief.Confidence;
        var props = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["category"] = _schema.Type(type)!.Category,
            ["confidence"] = confidence,
            ["evidence"] = evidence,
            ["evidence_count"] = (long)members.Count,
            ["doc_ids"] = docIds,
            ["offsets"] = offsets,
            ["trigger"] = triggers,
            ["asserted"] = !hedged,
        };
        if (dates.Count > 0) { dates.Sort(StringComparer.Ordinal); props["dates"] = dates; }
        if (attributed.Count > 0) props["attributed_to"] = attributed;
        if (modality.Count > 0) props["modality"] = modality;
        // the event coding: CAMEO codes and PLOVER mode and context of the mentions, sorted (order of evidence does not matter)
        if (cameo.Count > 0) { cameo.Sort(StringComparer.Ordinal); props["cameo"] = cameo; }
        if (modes.Count > 0) { modes.Sort(StringComparer.Ordinal); props["mode"] = modes; }
        if (contexts.Count > 0) { contexts.Sort(StringComparer.Ordinal); props["context"] = contexts; }
        return new GraphEdge("r:" + Hash($"{s}|{type}|{o}|{hedged}"), type, s, o, props.ToArray());
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal)) list.Add(value);
    }

    /// <summary>
    /// Sets an indexed text property (name, title), cut to <see cref="Ids.MaxIndexedTextChars"/> so its index key fits
    /// Neo4j's limit; a cut value keeps the whole text in <c>full_KEY</c>, which is not indexed.
    /// </summary>
    private static void CapIndexed(SortedDictionary<string, object> props, string key, string value)
    {
        var cut = Ids.CutIndexedText(value);
        props[key] = cut ?? value;
        if (cut is not null) props["full_" + key] = value;
    }

    internal static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..16];
}
