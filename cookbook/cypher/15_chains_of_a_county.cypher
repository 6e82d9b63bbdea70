// Which chains a county-level unit grows — hosted by it, a zone or park in it, or worked in
// by a firm there — with a segment counted under its chain (HOSTS_CHAIN and OPERATES_IN
// point at a chain or at one of its segments).
// params: county (e.g. 永春县)
MATCH (a:AdministrativeArea {name: $county})<-[:LOCATED_IN*0..3]-(x)-[:HOSTS_CHAIN|OPERATES_IN]->(t)
MATCH (t)-[:SEGMENT_OF*0..1]->(ch:IndustrialChain)
WITH ch, x, t ORDER BY t.name  // segments listed in name order, whatever order the store gives
RETURN ch.name AS chain, count(DISTINCT x) AS entries,
       [s IN collect(DISTINCT t) WHERE s:ChainSegment | s.name] AS segments
ORDER BY chain
