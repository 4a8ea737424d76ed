// KnowledgeGraph: the constraints apoc.import.json needs, one per label of graph-schema/schema.json.
// GENERATED from schema.json by `kg schema apoc-constraints --out graph-schema/apoc-constraints.cypher`;
// a test fails when this file and schema.json disagree. Run it before the import, on Neo4j 5:
//   cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -f graph-schema/apoc-constraints.cypher
//   CALL apoc.import.json('file:///graph.jsonl', {importIdName: 'id'});
// APOC's JSON importer refuses a node unless each of its labels has a uniqueness constraint on the
// import id property, which importIdName: 'id' makes our `id`. Every statement is IF NOT EXISTS.

CREATE CONSTRAINT agent_id IF NOT EXISTS FOR (n:`Agent`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:`Agreement`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT armed_forces_id IF NOT EXISTS FOR (n:`ArmedForces`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT armed_group_id IF NOT EXISTS FOR (n:`ArmedGroup`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT attack_id IF NOT EXISTS FOR (n:`Attack`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT city_id IF NOT EXISTS FOR (n:`City`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:`Community`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:`Company`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT conflict_id IF NOT EXISTS FOR (n:`Conflict`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:`Country`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:`Document`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT educational_institution_id IF NOT EXISTS FOR (n:`EducationalInstitution`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT election_id IF NOT EXISTS FOR (n:`Election`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:`Entity`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:`Event`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT facility_id IF NOT EXISTS FOR (n:`Facility`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT government_id IF NOT EXISTS FOR (n:`Government`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT government_agency_id IF NOT EXISTS FOR (n:`GovernmentAgency`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT international_organization_id IF NOT EXISTS FOR (n:`InternationalOrganization`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT location_id IF NOT EXISTS FOR (n:`Location`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT media_organization_id IF NOT EXISTS FOR (n:`MediaOrganization`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:`Meeting`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT military_operation_id IF NOT EXISTS FOR (n:`MilitaryOperation`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT natural_feature_id IF NOT EXISTS FOR (n:`NaturalFeature`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT non_governmental_organization_id IF NOT EXISTS FOR (n:`NonGovernmentalOrganization`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:`Organization`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT peacekeeping_mission_id IF NOT EXISTS FOR (n:`PeacekeepingMission`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT political_party_id IF NOT EXISTS FOR (n:`PoliticalParty`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:`Region`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT storm_id IF NOT EXISTS FOR (n:`Storm`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT vehicle_id IF NOT EXISTS FOR (n:`Vehicle`) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT war_id IF NOT EXISTS FOR (n:`War`) REQUIRE n.id IS UNIQUE;
