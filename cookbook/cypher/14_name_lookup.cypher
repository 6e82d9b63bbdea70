// Every entity that goes by a name: its name, an alias or short form, its English name.
// An index seek on Name(value), not a scan of every entity. `USING INDEX SEEK` keeps it one
// whatever the planner's statistics say: right after a bulk load they can make a scan of the
// whole index look cheaper, and a plain `USING INDEX` hint is also met by such a scan.
// params: name (e.g. 台商区, 南安, JOMOO)
MATCH (name:Name {value: $name})-[:NAMES]->(n:Entity)
USING INDEX SEEK name:Name(value)
RETURN n.name AS name, [l IN labels(n) WHERE l <> 'Entity'] AS classes, n.iri AS iri
ORDER BY name
