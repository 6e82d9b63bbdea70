"""Analysis results as plain data, for comparing engines."""

import dataclasses


def without_engine(results):
    """Results as plain data, minus the field that names the engine."""
    items = results if isinstance(results, list) else [results]
    plain = []
    for item in items:
        data = dataclasses.asdict(item)
        data.pop("engine")
        plain.append(data)
    return plain
