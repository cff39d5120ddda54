"""The top alias suggestions of a warehouse, one line each, for judging them by eye (a figure, not a test).

    .venv/bin/python -m benchmarks.alias_suggestions WAREHOUSE [--top 30]
"""

import argparse

import duckdb

SQL = """
select kind, coalesce(entity_id, '(new ' || entity_type || ')') as entity, canonical_name,
       list_transform(list_zip(spellings, count_by_spelling), lambda x: x[1] || ' (' || x[2] || ')') as spellings,
       count_outlets, count_mentions, score, example
from alias_suggestions
order by count_mentions desc, suggestion_id
limit ?
"""


def main() -> None:
    """Print the counts by kind, then the top suggestions."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("warehouse")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    con = duckdb.connect(f"{args.warehouse}/crosswire.duckdb", read_only=True)
    for kind, n in con.execute("select kind, count(*) from alias_suggestions group by all order by 1").fetchall():
        print(f"{kind}: {n} suggestions")
    for rank, (kind, entity, name, spellings, outlets, mentions, score, example) in enumerate(
            con.execute(SQL, [args.top]).fetchall(), start=1):
        print(f"{rank:>2}. {kind:<12} {entity:<28} {' / '.join(spellings)}  [{mentions} mentions, {outlets} outlets,"
              f" score {score:.2f}]")
        print(f"    {name}: {example[:150]}")


if __name__ == "__main__":
    main()
