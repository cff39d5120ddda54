"""Pure functions from raw bytes to comparison tables, one package per stage in the order data flows:

ingest -> clean -> names -> compare -> report, with `runs` (run bookkeeping and the per-batch composition of the
stages) for the flow, and `lexicon` (word lists and word folding) shared by every stage. A stage imports only
earlier stages and `lexicon`; nothing here imports Prefect or DuckDB or touches disk.
"""
