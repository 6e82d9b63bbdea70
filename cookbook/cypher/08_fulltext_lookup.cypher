// Full-text lookup over names and aliases (cjk bigram analyzer).
// params: query (e.g. 九牧, 芯谷, 台商区)
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
RETURN node.name AS name, [l IN labels(node) WHERE l <> 'Entity'] AS classes, score
ORDER BY score DESC, name
