"""Time and size of the corpus-wide names step (discovered entities merged and linked) on a warehouse's run.

    .venv/bin/python -m benchmarks.names_corpus --warehouse WAREHOUSE

Runs the step as the flow does, on the published run: name totals counted in DuckDB over its NAME_COUNTS parts,
names resolved from them, entity counts from the links, the name candidates counted in DuckDB over the candidate
mentions and those of unlinked names; then the merge queue. Prints the time of each part, the process's peak RSS,
and what they found: entities by type and curation, links by match kind, names left.
"""

import argparse
import resource
import time
from collections import Counter

import pyarrow.compute as pc

from flows import storage
from flows.settings import SETTINGS
from flows.storage.catalog import published_run
from transforms.names import discovery, resolution, suggestions
from transforms.names import mentions as names
from warehouse import run_wide


class Timer:
    """Seconds by part, in the order the parts ran."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def __call__(self, part: str, function, *args):
        started = time.perf_counter()
        result = function(*args)
        self.seconds[part] = self.seconds.get(part, 0.0) + time.perf_counter() - started
        return result


def run_step(warehouse: str, run_id: str, entities) -> tuple:
    """The names step on a run, timed part by part -> (timer, totals, every entity, links, name candidates, queue)."""
    timer, read = Timer(), storage.read_run_table
    ids = timer("read article ids and sample", read, warehouse, "articles", run_id, None, None, ["doc_id"])
    sample = timer("read article ids and sample", read, warehouse, "articles", run_id, "doc_id",
                   suggestions.word_sample(ids["doc_id"]), ["body", "outlet_name"])
    kinds = {"discovered": list(discovery.DISCOVERED_KINDS), "curated": list(discovery.CURATED_KINDS)}
    totals = timer("name totals (DuckDB)", storage.aggregate, warehouse, run_id, run_wide.NAME_TOTALS, None,
                   {"kinds": kinds["discovered"]})
    resolved = timer("resolve", resolution.resolve_discovered, totals, entities, sample["body"].to_pylist(), [],
                     sample["outlet_name"].to_pylist())
    counts = timer("entity counts (DuckDB)", storage.aggregate, warehouse, run_id, run_wide.ENTITY_COUNTS,
                   {"links": resolved.links}, kinds)
    every = timer("entities with counts", resolution.counted_entities, entities, resolved.entities, counts)
    left = timer("name candidates (DuckDB)", storage.aggregate, warehouse, run_id, run_wide.NAME_CANDIDATES,
                 {"links": resolved.links})
    queue = timer("merge queue", resolution.merge_proposals, every)
    return timer, totals, every, resolved.links, left, queue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--entities", default=None, help="entity table CSV (default: the project's seeds)")
    args = parser.parse_args()
    run_id = published_run(args.warehouse)
    entities = names.parse_entities(storage.read_entities(args.entities or SETTINGS.entities_file)[0])
    timer, totals, every, links, left, queue = run_step(args.warehouse, run_id, entities)
    for part, seconds in timer.seconds.items():
        print(f"  {part:<30}{seconds:>7.2f} s")
    print(f"{totals.num_rows:,} name totals; corpus-wide names step: {sum(timer.seconds.values()):.1f} s (target <= "
          f"10 s); peak RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    kinds = Counter(zip(every["entity_type"].to_pylist(), every["is_curated"].to_pylist(), strict=True))
    print("entities by type and curated:", dict(sorted(kinds.items())))
    linked = links.filter(pc.is_valid(links["entity_id"]))
    print(f"provisional ids {links.num_rows:,}, linked {linked.num_rows:,}:",
          dict(Counter(linked["match_kind"].to_pylist()).most_common()))
    print(f"name candidates {left.num_rows:,}; merge suggestions {queue.num_rows:,}")


if __name__ == "__main__":
    main()
