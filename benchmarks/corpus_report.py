"""Figures on a warehouse built from a real corpus: what was loaded, removed and left unmatched.

    .venv/bin/crosswire run --input DIR --warehouse WH      # e.g. a folder holding abp-dev.jsonl.gz
    .venv/bin/python benchmarks/corpus_report.py WH
"""

import sys
from pathlib import Path

import duckdb

QUERIES = {
    "run": "select count_files, count_documents_read, count_articles, count_quarantined from runs",
    "quarantine by reason": "select reason, count(*) as n from quarantine group by 1 order by 2 desc limit 10",
    "lines removed by reason": """
        select reason, count(*) as lines, count(distinct doc_id) as articles
        from removed_lines group by 1 order by 2 desc""",
    "top 20 removed lines": """
        select text, reason, count(*) as n from removed_lines group by all order by n desc, text limit 20""",
    "top 20 name candidates": """
        select surface, n_mentions, n_articles, len(outlets) as n_outlets, note
        from name_candidates order by n_mentions desc, surface limit 20""",
    "mentions by entity type": """
        select e.entity_type, count(*) as mentions, count(distinct m.doc_id) as articles
        from mentions m join entities e using (entity_id) group by 1 order by 2 desc""",
    "outlets": """
        select count(distinct outlet) as outlets, count(*) filter (outlet = 'unknown') as unknown
        from articles""",
}


def main(warehouse: str) -> None:
    """Print each figure as a small table."""
    con = duckdb.connect(str(Path(warehouse) / "crosswire.duckdb"), read_only=True)
    for title, sql in QUERIES.items():
        result = con.execute(sql)
        columns = [d[0] for d in result.description]
        print(f"\n## {title}\n" + " | ".join(columns))
        for row in result.fetchall():
            print(" | ".join(str(v)[:100] for v in row))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data")
