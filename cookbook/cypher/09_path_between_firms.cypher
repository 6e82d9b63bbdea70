// How two firms are connected through chains and places (shortest path, any direction).
// params: from, to (e.g. 南王, 九牧)
MATCH (a:Entity {name: $from}), (b:Entity {name: $to})
MATCH p = shortestPath((a)-[*..8]-(b))
RETURN [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | type(r)] AS relations
