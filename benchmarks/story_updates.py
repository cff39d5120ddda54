"""Story clustering on a warehouse's STORY_FEATURES: a full run, an update after some new articles, and copies.

Prints CPU seconds (the machine may be shared) of a full run, of an update where a fraction of the articles
(sampled over the corpus's dates) are new to the earlier run, how many articles the update clustered again and
how many end in another story than a run from scratch gives (idf moved between the runs); then, on a sample,
that copying every article k times (new doc_ids) adds the copies to the same stories, and what it costs.

    .venv/bin/python -m benchmarks.story_updates --features 'WAREHOUSE/parquet/story_features/RUN-*.parquet'
"""

import argparse
import glob
import random
import time
from collections import Counter, defaultdict

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from transforms.compare.stories import cluster_stories


def _timed(function, *args) -> tuple[pa.Table, float]:
    started = time.process_time()
    result = function(*args)
    return result, time.process_time() - started


def _partition(stories: pa.Table) -> dict[str, frozenset[str]]:
    """STORIES -> doc_id -> the doc_ids of its story."""
    members = defaultdict(set)
    for story_id, doc_id in zip(stories["story_id"].to_pylist(), stories["doc_id"].to_pylist(), strict=True):
        members[story_id].add(doc_id)
    return {doc_id: frozenset(m) for m in members.values() for doc_id in m}


def _summary(stories: pa.Table) -> str:
    sizes = Counter(Counter(stories["story_id"].to_pylist()).values())
    return f"{sum(sizes.values())} stories, {sum(n for size, n in sizes.items() if size > 1)} with 2+ articles"


def update(features: pa.Table, fraction: float) -> None:
    """Print a full run against an update where fraction of the articles are new."""
    doc_ids = features["doc_id"].to_pylist()
    new = set(random.Random(0).sample(doc_ids, int(len(doc_ids) * fraction)))
    earlier = cluster_stories(features.filter(pa.array([d not in new for d in doc_ids])))
    full, full_seconds = _timed(cluster_stories, features)
    updated, update_seconds = _timed(cluster_stories, features, earlier)
    kept = dict(zip(earlier["doc_id"].to_pylist(), zip(earlier["story_id"].to_pylist(),
                                                     earlier["similarity"].to_pylist(), strict=True), strict=True))
    again = sum(kept.get(r["doc_id"]) != (r["story_id"], r["similarity"]) for r in updated.to_pylist())
    scratch, incremental = _partition(full), _partition(updated)
    print(f"full run: {len(doc_ids)} articles, {_summary(full)}, {full_seconds:.2f} s CPU")
    print(f"update with {len(new)} new articles ({fraction:.0%}): {update_seconds:.2f} s CPU "
          f"({update_seconds / full_seconds:.0%} of the full run); rows that changed: {again}; articles in another "
          f"story than from scratch: {sum(scratch[d] != incremental[d] for d in doc_ids)}")


def copies(features: pa.Table, sample: int, k: int) -> None:
    """Print the cost and the stories of a sample and of the sample with every article copied k times."""
    features = features.take(pa.array(sorted(random.Random(0).sample(range(features.num_rows), sample))))
    copied = pa.concat_tables([features] + [
        features.set_column(0, "doc_id", pc.binary_join_element_wise(features["doc_id"], f"~{n}", "")).cast(
            features.schema)
        for n in range(1, k)])
    alone, seconds = _timed(cluster_stories, features)
    together, copied_seconds = _timed(cluster_stories, copied)
    originals = {d: frozenset(m.split("~")[0] for m in story) for d, story in _partition(together).items()}
    same = all(originals[d] == story for d, story in _partition(alone).items())
    print(f"{sample} articles: {_summary(alone)}, {seconds:.2f} s CPU; copied {k} times: {_summary(together)}, "
          f"{copied_seconds:.2f} s CPU; same stories with the copies added: {same}")


def main() -> None:
    """Parse arguments and run both measurements."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--features", required=True, help="glob of STORY_FEATURES parquet files")
    parser.add_argument("--new", type=float, default=0.01, help="fraction of the articles new to the update")
    parser.add_argument("--sample", type=int, default=2000, help="articles to copy")
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    features = ds.dataset(sorted(glob.glob(args.features))).to_table()
    update(features, args.new)
    copies(features, args.sample, args.copies)


if __name__ == "__main__":
    main()
