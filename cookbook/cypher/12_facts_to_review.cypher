// Facts read from implication (confidence below a threshold), with the reviewer's note.
// params: below (e.g. 1.0)
MATCH (s)-[r]->(o)
WHERE r.confidence < $below
RETURN s.name AS subject, type(r) AS relation, o.name AS object, r.confidence AS confidence, r.note AS note
ORDER BY confidence, subject, relation
