// KnowledgeGraph: constraints and indexes. Run before loading (kg load does this itself):
//   cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -f graph-schema/constraints.cypher
// Every statement is IF NOT EXISTS, so running the file again changes nothing.
// All of these work on Neo4j 5 Community (no key or existence constraints, which need Enterprise).

// Entity ids are stable (type + canonical name): the loader MERGEs on them, and the uniqueness
// constraint is also the index that makes each MERGE a lookup instead of a label scan.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Document ids are the sha256 of the normalised text: the same article loads into one node.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;

// Analysts look entities up by name (queries.cypher); a range index serves equality and prefix search.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// Most-mentioned queries sort on mentions.
CREATE INDEX entity_mentions IF NOT EXISTS FOR (n:Entity) ON (n.mentions);

// Generic actors by agent and country ("all police forces", "every Chadian actor").
CREATE INDEX agent_country IF NOT EXISTS FOR (n:Agent) ON (n.agent, n.country);

// Documents by date and by title.
CREATE INDEX document_date IF NOT EXISTS FOR (n:Document) ON (n.date);
CREATE INDEX document_title IF NOT EXISTS FOR (n:Document) ON (n.title);

// Full-text search over names and aliases, for fuzzy lookups:
//   CALL db.index.fulltext.queryNodes('entity_names', 'wagner~') YIELD node, score RETURN node.name, score
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
