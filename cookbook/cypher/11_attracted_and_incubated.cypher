// 招商 and incubation: who was brought into or grown by which place or institute.
MATCH (f)-[r:ATTRACTED_TO|INCUBATED_BY]->(x)
RETURN f.name AS organization, type(r) AS how, x.name AS by
ORDER BY how, organization
