// A relationship's citations as plain properties: the exact quote, its offsets into the
// source file, and the source's title and file (no RDF parser needed).
// params: subject, object (names, e.g. 南王, 惠安县)
MATCH (:Entity {name: $subject})-[r]->(:Entity {name: $object})
UNWIND range(0, size(coalesce(r.evidenceQuote, [])) - 1) AS i
MATCH (s:SourceDocument {iri: r.evidenceSource[i]})
RETURN type(r) AS relation, r.evidenceQuote[i] AS quote, r.evidenceStart[i] AS start, r.evidenceEnd[i] AS end,
       r.evidence[i] AS sentence, s.title AS source, s.fileName AS file, s.sha256 AS sha256
ORDER BY relation, start
