"""Time and size of the corpus-wide names step (discovered entities merged and linked) on a warehouse's run.

    .venv/bin/python -m benchmarks.names_corpus --warehouse WAREHOUSE

Reads the published run's mentions and candidate mentions as the flow does, then times `resolve_names` and the
merge queue, and prints what they found: entities by type and curation, links by match kind, names left.
"""

import argparse
import resource
import time
from collections import Counter

import pyarrow.compute as pc

from flows import storage
from flows.settings import SETTINGS
from flows.storage.catalog import published_run
from transforms.names import mentions as names
from transforms.names import resolution, suggestions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--entities", default=None, help="entity table CSV (default: the project's seeds)")
    args = parser.parse_args()
    run_id = published_run(args.warehouse)
    entities = names.parse_entities(storage.read_entities(args.entities or SETTINGS.entities_file)[0])
    started = time.perf_counter()
    all_mentions = storage.read_run_table(args.warehouse, "mentions", run_id, columns=[
        "doc_id", "entity_id", "surface", "match_kind", "start_char", "end_char"])
    candidates = storage.read_run_table(args.warehouse, "candidate_mentions", run_id)
    ids = storage.read_run_table(args.warehouse, "articles", run_id, columns=["doc_id"])["doc_id"]
    sample = storage.read_run_table(args.warehouse, "articles", run_id, "doc_id", suggestions.word_sample(ids),
                                    columns=["body"])["body"].to_pylist()
    read = time.perf_counter() - started
    started = time.perf_counter()
    every, links, left = resolution.resolve_names(all_mentions, candidates, entities, sample)
    queue = resolution.merge_proposals(every)
    seconds = time.perf_counter() - started
    print(f"{all_mentions.num_rows:,} mention rows, {candidates.num_rows:,} candidate rows read in {read:.1f} s")
    print(f"corpus-wide names step: {seconds:.1f} s (target <= 10 s); peak RSS of this process "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    kinds = Counter(zip(every["entity_type"].to_pylist(), every["is_curated"].to_pylist(), strict=True))
    print("entities by type and curated:", dict(sorted(kinds.items())))
    linked = links.filter(pc.is_valid(links["entity_id"]))
    print(f"provisional ids {links.num_rows:,}, linked {linked.num_rows:,}:",
          dict(Counter(linked["match_kind"].to_pylist()).most_common()))
    print(f"candidate mentions left {left.num_rows:,}; merge suggestions {queue.num_rows:,}")


if __name__ == "__main__":
    main()
