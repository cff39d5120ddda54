"""Unseen-spelling benchmark: hold out known variants of each entity, match them back, and match negatives.

A held-out variant is right when it matches its own entity; a wrong entity counts as a false positive and a miss.
Each of the 400 negatives that matches anything is a false positive.

    .venv/bin/python -m benchmarks.names_variants [../shared/names] [--share 0.3] [--seed 13] [--no-loo]
"""

import argparse
import csv
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz.distance import Indel

from transforms.names.variants import build_variant_index, match_variant, name_tokens

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "names"
BASELINE = "baseline (README): skeleton + Jaro-Winkler P 0.87 R 0.51 F1 0.65, 33/400 negatives; with aliases F1 0.82"
TARGETS = "targets: F1 >= 0.85, P >= 0.97, <= 4/400 negatives matched"


def _read(folder: Path) -> tuple[list[dict], list[dict]]:
    with open(folder / "name_variants.csv", newline="") as f:
        variants = list(csv.DictReader(f))
    with open(folder / "negatives.csv", newline="") as f:
        negatives = list(csv.DictReader(f))
    return variants, negatives


def _by_entity(variants: list[dict]) -> dict[str, list[dict]]:
    grouped = defaultdict(list)
    for row in variants:
        grouped[row["entity_id"]].append(row)
    return grouped


def _known(rows: list[dict]) -> list[tuple[str, str, str]]:
    known = [(r["entity_id"], r["variant"], r["type"]) for r in rows]
    return known + [(r["entity_id"], r["canonical"], r["type"]) for r in rows]


def _evaluate(splits, negatives: list[dict], negatives_known: list[dict]) -> dict:
    """splits: [(known rows, held-out rows)] -> counts, misses and false positives over all splits."""
    tp, wrong, misses, false_hits = 0, [], [], []
    held_total = 0
    for known_rows, held_rows in splits:
        index = build_variant_index(_known(known_rows))
        for row in held_rows:
            held_total += 1
            found = match_variant(row["variant"], index, row["type"])
            if found is None:
                misses.append(row)
            elif found.entity_id == row["entity_id"]:
                tp += 1
            else:
                wrong.append((row, found))
    index = build_variant_index(_known(negatives_known))
    for row in negatives:
        found = match_variant(row["query"], index, row["type"])
        if found is not None:
            false_hits.append((row, found))
    return {"tp": tp, "held": held_total, "wrong": wrong, "misses": misses, "false_hits": false_hits}


def _report(title: str, result: dict, n_negatives: int, seconds: float) -> None:
    tp, fp = result["tp"], len(result["wrong"]) + len(result["false_hits"])
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / result["held"]
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"\n{title}: {result['held']} held-out variants, {n_negatives} negatives, {seconds:.1f} s")
    print(f"  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
          f"negatives matched {len(result['false_hits'])}/{n_negatives}  wrong entity {len(result['wrong'])}")


def _shares_a_spelling(row: dict, variants: list[dict]) -> bool:
    """A miss that shares no token spelling with its entity's other names is another name, not a spelling."""
    mine = set(name_tokens(row["variant"]))
    others = {t for r in variants if r["entity_id"] == row["entity_id"] and r is not row
              for t in name_tokens(r["variant"]) + name_tokens(r["canonical"])}
    return any(Indel.normalized_similarity(a, b) >= 0.75 for a in mine for b in others)


def _details(result: dict, variants: list[dict], examples: int) -> None:
    kinds = Counter((r["source"].split("_")[0], "shares a token" if _shares_a_spelling(r, variants) else "other name")
                    for r in result["misses"])
    print("  missed held-out variants by source and kind:", dict(sorted(kinds.items())))
    canonical = {r["entity_id"]: r["canonical"] for r in variants}
    print("  a few misses (variant -> canonical):")
    for row in result["misses"][:examples]:
        print(f"    {row['source'][:5]} {row['type']}  {row['variant']!r} -> {row['canonical']!r}")
    print("  false positives:")
    for row, found in result["wrong"][:examples]:
        print(f"    held-out {row['variant']!r} ({row['canonical']!r}) -> {canonical[found.entity_id]!r} "
              f"via {found.matched_variant!r} {found.score:.2f}")
    for row, found in result["false_hits"][:examples]:
        print(f"    negative {row['query']!r} -> {canonical[found.entity_id]!r} "
              f"via {found.matched_variant!r} {found.score:.2f}")


def hold_out(variants: list[dict], share: float, seed: int) -> list[tuple[list[dict], list[dict]]]:
    """Variants -> one split: per entity a seeded share held out (one at least when it has two or more)."""
    rng = random.Random(seed)
    known, held = [], []
    for entity_id in sorted(_by_entity(variants)):
        rows = sorted(_by_entity(variants)[entity_id], key=lambda r: r["variant"])
        rng.shuffle(rows)
        n_held = max(1, round(share * len(rows))) if len(rows) >= 2 else 0
        held += rows[:n_held]
        known += rows[n_held:]
    return [(known, held)]


def leave_one_out(variants: list[dict]) -> list[tuple[list[dict], list[dict]]]:
    """Variants -> one split per variant: that variant held out, every other one known."""
    return [(variants[:i] + variants[i + 1:], [row]) for i, row in enumerate(variants)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-loo", action="store_true")
    parser.add_argument("--examples", type=int, default=12)
    args = parser.parse_args()
    variants, negatives = _read(args.folder)
    print(BASELINE)
    print(TARGETS)
    started = time.perf_counter()
    splits = hold_out(variants, args.share, args.seed)
    result = _evaluate(splits, negatives, splits[0][0])
    _report(f"hold-out {args.share:.0%} per entity, seed {args.seed}", result, len(negatives),
            time.perf_counter() - started)
    _details(result, variants, args.examples)
    if not args.no_loo:
        started = time.perf_counter()
        loo = _evaluate(leave_one_out(variants), negatives, variants)
        _report("leave-one-out", loo, len(negatives), time.perf_counter() - started)
        _details(loo, variants, args.examples)


if __name__ == "__main__":
    main()
