using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Core;
using QuikGraph;

namespace KnowledgeGraph.Graph;

/// <summary>Counts a build reports besides the graph itself.</summary>
public sealed record BuildStatistics(int Documents, int DuplicateDocuments, int RelationsDroppedBySchema, int RelationsNotAsserted);

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
    private readonly Dictionary<string, DocumentInfo> _documents = new(StringComparer.Ordinal);
    private readonly List<RelationRecord> _relations = new();
    private int _duplicates, _droppedBySchema, _notAsserted;

    public GraphBuilder(OntologySchema schema) { _schema = schema; }

    private sealed class GlobalEntity
    {
        public int Parent;
        public EntityType Type;
        public readonly Dictionary<string, int> NameVotes = new(StringComparer.Ordinal);
        public readonly SortedSet<string> Aliases = new(StringComparer.Ordinal);
        public readonly SortedSet<string> FineTypes = new(StringComparer.Ordinal);
        public readonly SortedDictionary<string, string> Attributes = new(StringComparer.Ordinal);
        public readonly SortedSet<string> Documents = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> MentionsPerDocument = new(StringComparer.Ordinal);
    }

    /// <summary>What a Document node needs: not the text, so memory does not grow with the input until Build().</summary>
    private sealed record DocumentInfo(string Id, string? Title, string? Source, string? Date, long Characters, int Order);

    private sealed record RelationRecord(int Subject, int Object, GraphDocumentRelation Mention, string DocId, int Order);

    /// <summary>Adds one document's analysis. A document whose id was already added (same text) is skipped and counted.</summary>
    public void Add(DocumentAnalysis analysis) => Add(GraphDocument.From(analysis));

    /// <summary>
    /// Adds what the graph needs of one document's analysis (a single build and a merge of shards both come here, so
    /// they give the same graph). A document whose id was already added (same text) is skipped and counted.
    /// </summary>
    public void Add(GraphDocument doc)
    {
        if (_documents.ContainsKey(doc.Id)) { _duplicates++; return; }
        _documents[doc.Id] = new DocumentInfo(doc.Id, doc.Title, doc.Source, doc.Date, doc.Characters, _documents.Count);

        var global = new int[doc.Entities.Count];
        for (int i = 0; i < doc.Entities.Count; i++)
            global[i] = Resolve(doc.Entities[i], doc.Id);
        foreach (var r in doc.Relations)
        {
            if (r.Negated) { _notAsserted++; continue; }
            var s = doc.Entities[r.Subject];
            var o = doc.Entities[r.Object];
            if (!_schema.Allows(r.Type, s.Type, o.Type) || _schema.Type(r.Type)!.Category != r.Category) { _droppedBySchema++; continue; }
            if (Find(global[r.Subject]) == Find(global[r.Object])) continue;
            _relations.Add(new RelationRecord(global[r.Subject], global[r.Object], r, doc.Id, _relations.Count));
        }
    }

    /// <summary>
    /// Names identify across documents; a bare surname does not, nor does a description ("the junta", "the group"),
    /// which starts in lower case and names whatever the article is about.
    /// </summary>
    private static bool IsCrossDocumentKey(string alias, EntityType type) =>
        alias.Length > 0 && !char.IsLower(alias[0]) && (type != EntityType.Person || alias.Contains(' ', StringComparison.Ordinal));

    private int Resolve(GraphDocumentEntity e, string docId)
    {
        int found = -1;
        var keys = new List<string>();
        bool scoped = ResolutionKey.IsDocumentScoped(e.Attributes);
        if (scoped) keys.Add(ResolutionKey.OfScopedAgent(e.Attributes, e.Name, docId));
        else
        {
            keys.Add(ResolutionKey.Of(e.Name));
            keys.AddRange(e.Aliases.Where(a => IsCrossDocumentKey(a, e.Type)).Select(ResolutionKey.Of));
            if (ResolutionKey.OfAgent(e.Attributes) is { } agent) keys.Add(agent);
        }
        foreach (var k in keys)
            if (k.Length > 0 && _index.TryGetValue((e.Type, k), out var idx)) { found = Find(idx); break; }
        if (found < 0)
        {
            found = _entities.Count;
            _entities.Add(new GlobalEntity { Parent = found, Type = e.Type });
        }
        var g = _entities[found];
        g.NameVotes[e.Name] = g.NameVotes.GetValueOrDefault(e.Name) + e.Mentions;
        foreach (var a in e.Aliases) g.Aliases.Add(a);
        g.Aliases.Add(e.Name);
        foreach (var f in e.FineTypes) if (_schema.HasLabel(f) && _schema.Refines(f, e.Type)) g.FineTypes.Add(f);
        foreach (var (k, v) in e.Attributes) g.Attributes.TryAdd(k, v);
        if (scoped) g.Attributes.TryAdd(ResolutionKey.DocumentAttribute, docId);
        g.Documents.Add(docId);
        g.MentionsPerDocument[docId] = g.MentionsPerDocument.GetValueOrDefault(docId) + e.Mentions;
        foreach (var k in keys)
        {
            if (k.Length == 0) continue;
            if (_index.TryGetValue((e.Type, k), out var other) && Find(other) != found) Union(found, Find(other));
            else _index.TryAdd((e.Type, k), found);
        }
        return found;
    }

    private int Find(int i)
    {
        while (_entities[i].Parent != i) { _entities[i].Parent = _entities[_entities[i].Parent].Parent; i = _entities[i].Parent; }
        return i;
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
        ga.FineTypes.UnionWith(gb.FineTypes);
        foreach (var (k, v) in gb.Attributes) ga.Attributes.TryAdd(k, v);
        ga.Documents.UnionWith(gb.Documents);
        foreach (var (d, c) in gb.MentionsPerDocument) ga.MentionsPerDocument[d] = ga.MentionsPerDocument.GetValueOrDefault(d) + c;
    }

    /// <summary>The canonical name across documents: each document already names an entity by its most complete form; the form most documents and mentions use wins, then the longer, then ordinal order.</summary>
    private static string CanonicalName(GlobalEntity g) =>
        g.NameVotes.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;

    public BuildStatistics Statistics => new(_documents.Count, _duplicates, _droppedBySchema, _notAsserted);

    /// <summary>Builds the immutable graph: entity and document nodes, aggregated relationships, MENTIONS provenance.</summary>
    public KnowledgeGraphModel Build()
    {
        var graph = new BidirectionalGraph<GraphNode, TaggedEdge<GraphNode, GraphEdge>>(allowParallelEdges: true);
        var nodeOf = new Dictionary<int, GraphNode>();
        var byId = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var d in _documents.Values.OrderBy(d => d.Order))
        {
            var props = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["characters"] = d.Characters };
            if (d.Title is not null) CapIndexed(props, "title", d.Title);
            if (d.Source is not null) props["source"] = d.Source;
            if (d.Date is not null) props["date"] = d.Date;
            var node = new GraphNode(d.Id, new[] { OntologySchema.DocumentLabel }, props.ToList());
            byId[node.Id] = node;
            graph.AddVertex(node);
        }
        for (int i = 0; i < _entities.Count; i++)
        {
            if (Find(i) != i) continue;
            var g = _entities[i];
            var name = CanonicalName(g);
            // a generic actor of one document only: its id names the document, so it never meets another article's
            var id = g.Attributes.TryGetValue(ResolutionKey.DocumentAttribute, out var scope) && ResolutionKey.IsDocumentScoped(g.Attributes)
                ? Ids.Entity(g.Type, name + " " + scope) : Ids.Entity(g.Type, name);
            var labels = new List<string> { OntologySchema.EntityLabel, g.Type.ToString() };
            labels.AddRange(g.FineTypes);
            var props = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["aliases"] = g.Aliases.ToList(),
                ["mentions"] = g.MentionsPerDocument.Values.Sum(),
                ["doc_count"] = (long)g.Documents.Count,
            };
            CapIndexed(props, "name", name);
            foreach (var (k, v) in g.Attributes) props.TryAdd(k, v);
            var node = new GraphNode(id, labels, props.ToList());
            if (byId.TryGetValue(id, out var clash))
            {
                // Two clusters whose canonical names slug alike ("U.S." vs "US"): they are the same entity.
                nodeOf[i] = clash;
                continue;
            }
            byId[id] = node;
            nodeOf[i] = node;
            graph.AddVertex(node);
        }
        foreach (var i in nodeOf.Keys.ToList())
            foreach (var (doc, count) in _entities[i].MentionsPerDocument.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var target = nodeOf[i];
                var props = new List<KeyValuePair<string, object>> { new("count", count) };
                var e = new GraphEdge("m:" + Hash(doc + "|" + target.Id), OntologySchema.MentionsType, doc, target.Id, props);
                graph.AddEdge(new TaggedEdge<GraphNode, GraphEdge>(byId[doc], target, e));
            }
        foreach (var group in _relations.GroupBy(r => (S: nodeOf[Find(r.Subject)].Id, r.Mention.Type, O: nodeOf[Find(r.Object)].Id, Hedged: r.Mention.Modality is not null)))
        {
            if (group.Key.S == group.Key.O) continue;
            var edge = AggregateEdge(group.Key.S, group.Key.Type, group.Key.O, group.Key.Hedged, group.OrderBy(r => r.Order).ToList());
            graph.AddEdge(new TaggedEdge<GraphNode, GraphEdge>(byId[edge.StartId], byId[edge.EndId], edge));
        }
        return new KnowledgeGraphModel(graph);
    }

    private GraphEdge AggregateEdge(string s, string type, string o, bool hedged, List<RelationRecord> records)
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
        double disbelief = 1;
        foreach (var r in records)
        {
            var m = r.Mention;
            AddDistinct(evidence, m.Evidence);
            offsets.Add($"{r.DocId}:{m.EvidenceStart}-{m.EvidenceEnd}");
            AddDistinct(docIds, r.DocId);
            AddDistinct(triggers, m.Trigger);
            if (m.Date is not null) AddDistinct(dates, m.Date);
            if (m.AttributedTo is not null) AddDistinct(attributed, m.AttributedTo);
            if (m.Modality is not null) AddDistinct(modality, m.Modality);
            if (m.Cameo is not null) AddDistinct(cameo, m.Cameo);
            if (m.Mode is not null) AddDistinct(modes, m.Mode);
            if (m.EventContext is not null) foreach (var c in m.EventContext.Split('|')) AddDistinct(contexts, c);
            disbelief *= 1 - Math.Clamp(m.Confidence, 0, 1);
        }
        // Independent pieces of evidence: the edge is wrong only if every one of them is wrong.
        double confidence = Math.Round(1 - disbelief, 4);
        var props = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["category"] = _schema.Type(type)!.Category,
            ["confidence"] = confidence,
            ["evidence"] = evidence,
            ["evidence_count"] = (long)records.Count,
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
        return new GraphEdge("r:" + Hash($"{s}|{type}|{o}|{hedged}"), type, s, o, props.ToList());
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

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..16];
}
