// A county at a glance: its parks and zones, the firms in it, the chains it grows.
// params: county (e.g. 丰泽区)
MATCH (a:AdministrativeArea {name: $county})
OPTIONAL MATCH (a)<-[:LOCATED_IN*1..2]-(place) WHERE place:IndustrialPark OR place:DevelopmentZone
OPTIONAL MATCH (a)<-[:LOCATED_IN*1..3]-(firm) WHERE firm:Company OR firm:ResearchInstitute
OPTIONAL MATCH (a)<-[:LOCATED_IN*0..3]-()-[:HOSTS_CHAIN|OPERATES_IN]->(ch:IndustrialChain)
RETURN a.name AS county, a.divisionCode AS code, collect(DISTINCT place.name) AS places,
       collect(DISTINCT firm.name) AS organizations, collect(DISTINCT ch.name) AS chains
