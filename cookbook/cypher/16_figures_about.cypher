// The figures reported about an entity: measure, value in base units, the words the source
// used, period, bound, the sentence and the source's title.
// params: entity (e.g. 泉州市), measure (e.g. investment_completed, or null for all)
MATCH (o:Observation)-[:REF_ENTITY]->(:Entity {name: $entity})
WHERE $measure IS NULL OR o.measure = $measure
MATCH (s:SourceDocument) WHERE s.iri IN o.sources
RETURN o.measure AS measure, o.value AS value, o.unit AS unit, o.originalValue AS original,
       o.periodStart AS periodStart, o.periodEnd AS periodEnd, o.periodLabel AS period, o.bound AS bound,
       o.evidence[0] AS sentence, s.title AS source, s.published AS published
ORDER BY periodStart, measure, original
