// KnowledgeGraph: questions analysts ask, for Neo4j Browser or cypher-shell.
// Queries with parameters say so; set them in Browser first, e.g.  :param name => 'Some Entity'
// (with cypher-shell: :param {name: 'Some Entity'}). Every query is read-only.
// Relationship types and categories are those of graph-schema/schema.json.

// Q1. Who requested the withdrawal of, or expelled, whom?
// Demands for withdrawal and expulsions, best supported first, with one sentence of evidence each.
MATCH (a:Entity)-[r:REQUESTED_WITHDRAWAL_OF|EXPELLED]->(b:Entity)
RETURN a.name AS actor, type(r) AS action, b.name AS target, r.confidence AS confidence,
       r.evidence_count AS evidence_count, r.dates AS dates, r.evidence[0] AS example
ORDER BY r.evidence_count DESC, r.confidence DESC, actor, target;

// Q2. Everyone within two hops of an armed group.
// For each armed group, the entities reachable in one or two steps over extracted relationships
// (document provenance excluded), with the shortest distance.
MATCH (g:ArmedGroup)
MATCH (g)-[rels*1..2]-(x:Entity)
WHERE x <> g AND none(rel IN rels WHERE type(rel) = 'MENTIONS')
WITH g, x, min(size(rels)) AS hops
RETURN g.name AS armed_group, hops, collect(x.name) AS entities
ORDER BY armed_group, hops;

// Q3. All the evidence behind one relationship.
// Parameters: subject, object (entity names). Every supporting sentence with its document and offsets.
MATCH (a:Entity {name: $subject})-[r]->(b:Entity {name: $object})
WHERE type(r) <> 'MENTIONS'
UNWIND range(0, size(r.evidence) - 1) AS i
RETURN type(r) AS relationship, r.category AS category, r.confidence AS confidence, r.trigger AS triggers,
       r.evidence[i] AS sentence, r.doc_ids AS documents, r.offsets AS offsets
ORDER BY relationship, i;

// Q4. The most mentioned actors.
// People and organisations by number of mentions, with how many documents name them.
MATCH (e:Entity)
WHERE e:Person OR e:Organization
RETURN e.name AS actor, [l IN labels(e) WHERE l <> 'Entity'] AS kind, e.mentions AS mentions, e.doc_count AS documents
ORDER BY mentions DESC, actor
LIMIT 25;

// Q5. Events by category and date.
// Every event relationship (PLOVER categories), one row per date the text gives, undated ones last.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.category IN ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'INVESTIGATE',
                     'DEMAND', 'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'MOBILIZE', 'SANCTION', 'COERCE',
                     'ASSAULT', 'FIGHT', 'CRIME']
UNWIND CASE WHEN size(coalesce(r.dates, [])) = 0 THEN [null] ELSE r.dates END AS date
RETURN r.category AS category, date, a.name AS actor, type(r) AS action, b.name AS target
ORDER BY date IS NULL, date, category, actor;

// Q6. Number of events per category.
// How much of each kind of interaction the corpus reports, with the number of supporting sentences.
MATCH ()-[r]->()
WHERE r.category IS NOT NULL AND type(r) <> 'MENTIONS'
RETURN r.category AS category, count(r) AS relationships, sum(r.evidence_count) AS sentences
ORDER BY relationships DESC, category;

// Q7. Who attacked, fought or captured whom?
// Violent events (ASSAULT and FIGHT categories) with dates and an example sentence.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.category IN ['ASSAULT', 'FIGHT']
RETURN a.name AS attacker, type(r) AS action, b.name AS target, r.dates AS dates, r.evidence[0] AS example
ORDER BY attacker, target;

// Q8. Forces deployed in each country or place.
// DEPLOYED_IN edges by location: who has troops, missions or mercenaries where.
MATCH (a:Entity)-[r:DEPLOYED_IN]->(l:Location)
RETURN l.name AS location, collect(DISTINCT a.name) AS deployed, sum(r.evidence_count) AS sentences
ORDER BY sentences DESC, location;

// Q9. Leaders and what they lead.
// LEADS edges (the text's "X, leader of Y"), with the role when the text gave one.
MATCH (p:Entity)-[r:LEADS]->(o:Entity)
RETURN p.name AS leader, p.role AS role, o.name AS organisation, r.confidence AS confidence
ORDER BY organisation, leader;

// Q10. Allies and opponents of one actor.
// Parameter: name. Cooperative and hostile relationships in both directions.
MATCH (e:Entity {name: $name})-[r]-(other:Entity)
WHERE r.category IN ['ALLIED_WITH', 'COOPERATE', 'SUPPORT', 'AID', 'AGREE', 'OPPOSES', 'DISAPPROVE', 'THREATEN',
                     'SANCTION', 'COERCE', 'ASSAULT', 'FIGHT']
RETURN other.name AS other,
       CASE WHEN r.category IN ['OPPOSES', 'DISAPPROVE', 'THREATEN', 'SANCTION', 'COERCE', 'ASSAULT', 'FIGHT']
            THEN 'hostile' ELSE 'friendly' END AS stance,
       type(r) AS relationship, startNode(r) = e AS outgoing, r.evidence_count AS evidence_count
ORDER BY stance, evidence_count DESC, other;

// Q11. Which documents mention an actor?
// Parameter: name (canonical name or any alias). Sources in date order with mention counts.
MATCH (d:Document)-[m:MENTIONS]->(e:Entity)
WHERE e.name = $name OR $name IN e.aliases
RETURN e.name AS entity, d.title AS title, d.date AS date, d.source AS source, m.count AS mentions
ORDER BY date, title;

// Q12. How are two actors connected?
// Parameters: from, to (entity names). Shortest chain of extracted relationships, provenance excluded.
MATCH p = shortestPath((a:Entity {name: $from})-[*..6]-(b:Entity {name: $to}))
WHERE none(rel IN relationships(p) WHERE type(rel) = 'MENTIONS')
RETURN [n IN nodes(p) | n.name] AS chain, [rel IN relationships(p) | type(rel)] AS relationships, length(p) AS hops;

// Q13. Actors named together in the same articles.
// Pairs of people or organisations mentioned in the most documents together: who the news links.
MATCH (e1:Entity)<-[:MENTIONS]-(d:Document)-[:MENTIONS]->(e2:Entity)
WHERE e1.id < e2.id AND (e1:Person OR e1:Organization) AND (e2:Person OR e2:Organization)
RETURN e1.name AS first, e2.name AS second, count(DISTINCT d) AS documents
ORDER BY documents DESC, first, second
LIMIT 25;

// Q14. Weakly supported relationships to review.
// Edges with low confidence or a single sentence: the first place to look for extraction errors.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.confidence < 0.6 OR r.evidence_count = 1
RETURN a.name AS subject, type(r) AS relationship, b.name AS object, r.confidence AS confidence,
       r.evidence_count AS evidence_count, r.evidence[0] AS example
ORDER BY confidence, subject
LIMIT 50;

// Q15. Find an entity by name or alias, fuzzily.
// Parameter: text (Lucene syntax, e.g. a word followed by ~ for fuzzy). Uses the entity_names full-text index.
CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node, score
RETURN node.name AS name, labels(node) AS labels, node.aliases AS aliases, score
ORDER BY score DESC
LIMIT 10;

// Q16. Entities to review first.
// Entity nodes with the least evidence behind them (node confidence): likely fragments, junk or a wrong type.
MATCH (e:Entity)
WHERE e.confidence < 0.8
RETURN e.name AS name, labels(e) AS labels, e.confidence AS confidence, e.mentions AS mentions, e.aliases AS aliases
ORDER BY confidence, name
LIMIT 50;
