// Every entity that goes by a name: its name, an alias or short form, its English name.
// An index seek on Name(value), not a scan of every entity. The hint keeps it one whatever
// the planner's statistics say (right after a bulk load they can make a scan look cheaper).
// params: name (e.g. 台商区, 南安, JOMOO)
MATCH (name:Name {value: $name})-[:NAMES]->(n:Entity)
USING INDEX name:Name(value)
RETURN n.name AS name, [l IN labels(n) WHERE l <> 'Entity'] AS classes, n.iri AS iri
ORDER BY name
