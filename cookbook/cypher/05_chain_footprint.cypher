// Which county-level units grow each chain: hosted by the county, a zone or a park in it,
// or worked in by a firm there.
MATCH (a:AdministrativeArea {adminLevel: 'county'})<-[:LOCATED_IN*0..3]-(x)-[:HOSTS_CHAIN|OPERATES_IN]->(ch:IndustrialChain)
RETURN ch.name AS chain, collect(DISTINCT a.name) AS counties
ORDER BY chain
