// Firms working in each chain, by the county they sit in.
MATCH (f:Company)-[:OPERATES_IN]->(ch:IndustrialChain)
MATCH (f)-[:LOCATED_IN*1..3]->(a:AdministrativeArea {adminLevel: 'county'})
RETURN ch.name AS chain, a.name AS county, collect(DISTINCT f.name) AS firms
ORDER BY chain, county
