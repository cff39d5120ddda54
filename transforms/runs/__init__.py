"""Runs: what the flow needs around the stages: bookkeeping (the runs table, the configuration's version, which
input files to read, in which batches) and batch (one batch of documents -> every per-article table, composing the
clean, names and compare stages; the keys that decide what a re-run carries over).
"""
