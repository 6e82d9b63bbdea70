// Development zones, the body that runs each, and the county-level units they lie in.
MATCH (z:DevelopmentZone)
OPTIONAL MATCH (z)-[:MANAGED_BY]->(g:GovernmentBody)
OPTIONAL MATCH (z)-[:LOCATED_IN]->(a:AdministrativeArea)
RETURN z.name AS zone, g.name AS managed_by, collect(a.name) AS located_in
ORDER BY zone
