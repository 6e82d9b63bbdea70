"""What the extractor reads from a made-up sentence, in the shapes the round tests assert on
(names, not ids): the rounds on unseen articles test each rule on text like this."""

from chainkg.loaders.extract import extract_text


def relations(text: str) -> dict:
    """(subject name, predicate, object name) → the relation, for its modality and confidence."""
    document = extract_text(text, source="made-up")
    names = {e.id: e.name for e in document.entities}
    return {(names[r.subject], r.predicate, names[r.object]): r for r in document.relations}


def facts(text: str) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object name) of every relation."""
    return set(relations(text))


def names(text: str, kind: str | None = None) -> set[str]:
    """The names of the entities (of one type, when ``kind`` is given)."""
    return {e.name for e in extract_text(text, source="made-up").entities if kind is None or e.type == kind}
