// Pairs of county-level units that grow the same chain (candidates for cooperation).
MATCH (a:AdministrativeArea {adminLevel: 'county'})<-[:LOCATED_IN*0..3]-()-[:HOSTS_CHAIN|OPERATES_IN]->(ch:IndustrialChain)
MATCH (b:AdministrativeArea {adminLevel: 'county'})<-[:LOCATED_IN*0..3]-()-[:HOSTS_CHAIN|OPERATES_IN]->(ch)
WHERE a.name < b.name
RETURN DISTINCT ch.name AS chain, a.name AS county, b.name AS other_county
ORDER BY chain, county, other_county
