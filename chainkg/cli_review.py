"""``chainkg resolve`` and ``chainkg review``: which names became one node, and a person's corrections.

Both read the sources a build reads (reviewed facts, tables, articles, and any
``*.decisions.yaml`` among them) and write nothing but the decisions file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from chainkg.errors import ChainKGError

_EPILOG_RESOLVE = """examples:
  chainkg resolve loaders/data ../shared/corpus --report        # merges by rule, near-misses
  chainkg resolve loaders/data ../shared/corpus --report --json
"""

_EPILOG_REVIEW = """examples:
  chainkg review loaders/data ../shared/corpus                      # one item at a time: a(ccept) r(eject) s(kip) q(uit)
  chainkg review loaders/data ../shared/corpus --list --limit 20    # the 20 least sure, no questions
  chainkg review loaders/data ../shared/corpus --reject fact/3a2e5a56ac88 --note "省 is the firm's name, not its place"
  chainkg review loaders/data ../shared/corpus --split org/x1f2e3d4c5b6a park/x9a8b7c6d5e4f
  chainkg build loaders/data ../shared/corpus review.decisions.yaml # every later build applies them
"""


def _confidence(text: str) -> Decimal:
    """``--below``: a confidence between 0 and 1.

    >>> _confidence("0.8")
    Decimal('0.8')
    """
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"not a confidence between 0 and 1: {text!r}")
    return value


_DEFAULT_HELP = "facts, tables, articles or folders (default: the bundled seed article, its reviewed facts and places)"


def _default_sources() -> list[Path]:
    from chainkg.loaders.reviewed import DATA_DIR, PLACES_FACTS, SEED_FACTS

    return [PLACES_FACTS, SEED_FACTS, DATA_DIR / "seed_quanzhou_parks_2024q1.txt"]


def add_review_commands(commands) -> None:
    """The ``resolve`` and ``review`` sub-commands."""
    from chainkg.loaders.decisions import DEFAULT_DECISIONS
    from chainkg.loaders.review import DEFAULT_BELOW

    resolve = commands.add_parser(
        "resolve", help="entity resolution: which names became one node, by which rule; near-misses",
        description="Resolve the sources' entities as a build does (same name, declared alias, name variant, "
        "abbreviation, a guessed firm that is a park; never two credit codes, never a park and a company) and say "
        "how many nodes the mentions made before and after, with --report every merge (its rule, names, confidence "
        "and sources) and every near-miss (a rule that matched and why it was refused).",
        epilog=_EPILOG_RESOLVE, formatter_class=argparse.RawDescriptionHelpFormatter)
    resolve.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                         help=_DEFAULT_HELP)
    resolve.add_argument("--report", action="store_true", help="list every merge and near-miss")
    resolve.add_argument("--json", action="store_true", help="print the report as JSON")
    resolve.set_defaults(handler=_cmd_resolve)

    review = commands.add_parser(
        "review", help="check uncertain merges and facts, least sure first; decisions every later build applies",
        description="List the merges and extracted facts below a confidence that no decision covers yet, least sure "
        "first, each with its sentences. On a terminal it asks about each: a(ccept), r(eject), s(kip), q(uit). "
        "Accepting a merge keeps it, rejecting it keeps the two apart; accepting a fact makes it method = reviewed, "
        "rejecting it drops it from every later build (it never comes back from the same sentence). Decisions are "
        f"added to --decisions (default {DEFAULT_DECISIONS}); a build applies the file when it is among its sources.",
        epilog=_EPILOG_REVIEW, formatter_class=argparse.RawDescriptionHelpFormatter)
    review.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                        help=_DEFAULT_HELP)
    review.add_argument("--decisions", type=Path, default=DEFAULT_DECISIONS, metavar="FILE",
                        help=f"the decisions file to apply and add to (default: {DEFAULT_DECISIONS})")
    review.add_argument("--below", type=_confidence, default=DEFAULT_BELOW, metavar="C",
                        help=f"list items whose confidence is below C (default {DEFAULT_BELOW})")
    review.add_argument("--limit", type=int, default=None, metavar="N", help="at most N items")
    review.add_argument("--list", action="store_true", help="list the items and ask nothing")
    review.add_argument("--json", action="store_true", help="list the items as JSON")
    review.add_argument("--by", help="your name, recorded with each decision")
    review.add_argument("--note", help="a note recorded with the decision given by --accept/--reject/--merge/--split")
    decide = review.add_mutually_exclusive_group()
    decide.add_argument("--accept", metavar="ID", help="accept a fact (fact/…) or a merge (merge/…)")
    decide.add_argument("--reject", metavar="ID", help="reject a fact (fact/…) or a merge (merge/…)")
    decide.add_argument("--merge", nargs=2, metavar=("ID", "ID"), help="make two entities one node")
    decide.add_argument("--split", nargs=2, metavar=("ID", "ID"), help="never make two entities one node")
    review.set_defaults(handler=_cmd_review)


def _load(args: argparse.Namespace, decisions: list[Path]):
    from chainkg.graph.build import load_sources

    sources = args.sources or _default_sources()
    print(f"loading {len(sources)} source(s)…", file=sys.stderr)
    return load_sources(sources, decisions=decisions)


def _cmd_resolve(args: argparse.Namespace) -> int:
    resolution = _load(args, []).resolution
    merges = [m for m in resolution.merges if m.first != m.second or args.report]
    if args.json:
        print(json.dumps({
            "mentions": resolution.before + sum(m.first == m.second for m in resolution.merges),
            "candidates": resolution.before, "nodes": resolution.after,
            "merges": [{"id": m.id, "first": m.first, "second": m.second, "rule": m.rule, "names": list(m.names),
                        "confidence": float(m.confidence), "sources": list(m.sources)} for m in merges],
            "near_misses": [{"first": n.first, "second": n.second, "rule": n.rule, "names": list(n.names), "why": n.why}
                            for n in resolution.near_misses]}, ensure_ascii=False, indent=2))
        return 0
    repeats = sum(m.first == m.second for m in resolution.merges)
    print(f"{resolution.before} named things (after {repeats} joined by the same name across sources) → "
          f"{resolution.after} nodes; {len(resolution.merges) - repeats} merges by rule: "
          + ", ".join(f"{rule} {n}" for rule, n in Counter(m.rule for m in resolution.merges if m.first != m.second).most_common())
          + f"; {len(resolution.near_misses)} near-misses")
    if args.report:
        from chainkg.reports.tables import render_table

        print("\nmerges (second → first; the node keeps the reviewed or first-seen id)")
        print(render_table(["rule", "conf.", "first", "second", "sources", "id"],
                           [[m.rule, f"{m.confidence}", f"{m.names[0]} ({m.first})", m.names[1] if m.first == m.second
                             else f"{m.names[1]} ({m.second})", ", ".join(m.sources), m.id] for m in resolution.merges]))
        print("\nnear-misses (a rule matched; refused)")
        print(render_table(["rule", "first", "second", "why not"],
                           [[n.rule, f"{n.names[0]} ({n.first})", f"{n.names[1]} ({n.second})", n.why]
                            for n in resolution.near_misses]))
    return 0


def _cmd_review(args: argparse.Namespace) -> int:
    from chainkg.loaders.decisions import DECISIONS_SUFFIX, Decision, is_decisions_file, load_decisions, record_decision
    from chainkg.loaders.review import answer, review_items

    decisions_file: Path = args.decisions
    if not is_decisions_file(decisions_file):
        raise ChainKGError(f"--decisions {decisions_file}: name it *{DECISIONS_SUFFIX} (a build reads any other "
                           "YAML as reviewed facts)")
    given = _given_decision(args)
    load = _load(args, [decisions_file] if decisions_file.is_file() else [])
    decisions = load_decisions(decisions_file)
    items = review_items(load, decisions, args.below)
    if given is not None:
        merges = {m.id: m for m in load.resolution.merges if m.first != m.second}
        if given.action in ("accept", "reject") and given.id and given.id.startswith("merge/"):
            if given.id not in merges:
                raise ChainKGError(f"{given.id}: no such merge in these sources (chainkg resolve --report lists them)")
            merge = merges[given.id]
            given = Decision("merge" if given.action == "accept" else "split", entities=(merge.first, merge.second),
                             note=given.note, by=given.by)
        elif given.id is not None and given.id not in load.reviewable and not decisions.decided(given.id):
            raise ChainKGError(f"{given.id}: no fact of these sources has this id (chainkg review --list shows them)")
        elif given.entities is not None:
            missing = [e for e in given.entities if e not in load.resolution.ids]
            if missing:
                raise ChainKGError(f"{', '.join(missing)}: no such entity in these sources (chainkg resolve --report)")
        record_decision(decisions_file, given)
        print(f"recorded: {given.action} {given.id or ' + '.join(given.entities or ())} in {decisions_file}")
        return 0
    items = items[:args.limit] if args.limit is not None else items
    if args.json:
        print(json.dumps([item.as_json() for item in items], ensure_ascii=False, indent=2))
        return 0
    interactive = not args.list and sys.stdin.isatty()
    print(f"{len(items)} item(s) below confidence {args.below} to review" + ("" if interactive else ":"))
    for number, item in enumerate(items, 1):
        print(f"\n[{number}/{len(items)}] {item.kind} {item.id} · confidence {item.confidence} · {item.method}")
        print(f"  {item.summary}")
        for source, sentence in item.sentences:
            print(f"  「{sentence}」 ({source})")
        if not interactive:
            continue
        reply = input("  a(ccept) r(eject) s(kip) q(uit)? ").strip().lower()[:1]
        if reply == "q":
            break
        if reply in ("a", "r"):
            record_decision(decisions_file, answer(item, reply == "a", by=args.by))
            print(f"  recorded in {decisions_file}")
    return 0


def _given_decision(args: argparse.Namespace):
    from chainkg.loaders.decisions import Decision

    if args.accept or args.reject:
        return Decision("accept" if args.accept else "reject", id=args.accept or args.reject, note=args.note, by=args.by)
    if args.merge or args.split:
        return Decision("merge" if args.merge else "split", entities=tuple(args.merge or args.split), note=args.note,
                        by=args.by)
    return None
