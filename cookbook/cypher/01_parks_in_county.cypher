// Parks in a county-level unit, directly or through a zone inside it.
// params: county (e.g. 惠安县)
MATCH (a:AdministrativeArea {name: $county})<-[:LOCATED_IN*1..2]-(p:IndustrialPark)
RETURN DISTINCT p.name AS park
ORDER BY park
