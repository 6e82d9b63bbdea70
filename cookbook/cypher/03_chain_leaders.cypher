// Chain leaders (链主 / 龙头) with their kind, confidence and the sentence that says so.
MATCH (c:Company)-[r:LEADS_CHAIN]->(ch:IndustrialChain)
RETURN c.name AS company, ch.name AS chain, r.leadershipKind AS kind, r.confidence AS confidence, r.evidence AS evidence
ORDER BY company
