// What changed after $since (up to $until, or null for no end): relations first stated in the
// window (entered) and plans a source reported done in it (now_operating), with the sentence.
// Undated relations fall in no window; nothing is listed as left (no source states it).
// The same rules as `chainkg changes` (analyses/changes.py).
// params: since (e.g. 2024-01-01), until (e.g. null)
MATCH (s:Entity)-[r]->(o:Entity)
WHERE size(coalesce(r.sources, [])) > 0 AND r.knownSince IS NOT NULL
WITH s, r, o,
     CASE WHEN r.knownSince > $since AND ($until IS NULL OR r.knownSince <= $until) THEN 'entered'
          WHEN r.knownSince <= $since AND coalesce(r.modality, '') <> 'intended' AND r.statedSince > $since
               AND ($until IS NULL OR r.statedSince <= $until) THEN 'now_operating' END AS change
WHERE change IS NOT NULL
RETURN change, CASE change WHEN 'entered' THEN r.knownSince ELSE r.statedSince END AS date,
       s.name AS subject, type(r) AS relation, o.name AS object,
       CASE WHEN r.modality = 'intended' THEN 'intended' ELSE 'stated' END AS basis,
       r.evidence[0] AS sentence, r.sources AS sources
ORDER BY date, subject, relation, object
