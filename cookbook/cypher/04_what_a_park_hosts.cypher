// What a park hosts: its chains and where it sits.
// params: park (e.g. 晋江市永佳智能装备产业园)
MATCH (p:IndustrialPark {name: $park})
OPTIONAL MATCH (p)-[:HOSTS_CHAIN]->(ch)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(place)
RETURN p.name AS park, collect(DISTINCT ch.name) AS chains, collect(DISTINCT place.name) AS located_in
