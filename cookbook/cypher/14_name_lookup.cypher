// Every entity that goes by a name: its name, an alias or short form, its English name.
// An index seek on Name(value), not a scan of every entity.
// params: name (e.g. 台商区, 南安, JOMOO)
MATCH (:Name {value: $name})-[:NAMES]->(n:Entity)
RETURN n.name AS name, [l IN labels(n) WHERE l <> 'Entity'] AS classes, n.iri AS iri
ORDER BY name
