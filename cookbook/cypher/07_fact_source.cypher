// Where a fact comes from: the relationship's sources, confidence and sentences.
// params: subject, object (names, e.g. 南王, 惠安县)
MATCH (:Entity {name: $subject})-[r]->(:Entity {name: $object})
RETURN type(r) AS relation, r.sources AS sources, r.confidence AS confidence, r.evidence AS evidence
ORDER BY relation
