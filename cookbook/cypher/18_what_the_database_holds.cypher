// What the database holds, by label, with chainkg's helper nodes left out. Every node chainkg
// keeps for itself rather than as data (the gap questions' entry counts and their stamp) carries
// the one label _ChainkgIndex and no other: an app that lists nodes or labels (MATCH (n),
// db.labels()) leaves out that label, and any label starting with "_".
MATCH (n) WHERE NOT n:_ChainkgIndex
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
