// What a place's firms, parks and projects say of each chain AS OF a date: only relations known
// then (knownSince ≤ $asOf — ISO text, so a fact dated 2024-03 counts from 2024-03-01), each a plan
// until a source reported it done (statedSince). Undated relations (no source date) count at every
// date and say so. Rules: README "Time", analyses/timeline.py.
// params: place (e.g. 惠安县), asOf (e.g. 2024-03-01)
MATCH (place:Entity {name: $place})
      (()<-[l:LOCATED_IN WHERE l.knownSince IS NULL OR l.knownSince <= $asOf]-()){0,8}
      (u:Entity)-[r:HOSTS_CHAIN|OPERATES_IN WHERE r.knownSince IS NULL OR r.knownSince <= $asOf]->(t:Entity)
OPTIONAL MATCH (t)-[:SEGMENT_OF]->(c:IndustrialChain)
WITH DISTINCT coalesce(c, t) AS chain, t, u, r
RETURN chain.name AS chain, t.name AS target, u.name AS entry,
       CASE WHEN r.modality = 'intended' OR r.statedSince > $asOf THEN 'intended' ELSE 'stated' END AS basisThen,
       r.knownSince AS knownSince, r.statedSince AS statedSince, r.knownSince IS NULL AS undated,
       r.evidence[0] AS sentence
ORDER BY chain, target, entry
