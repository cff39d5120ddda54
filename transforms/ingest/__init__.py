"""Ingest: raw input files (bytes, with their paths and manifest rows) -> DOCUMENTS, one per article, or a
quarantine row with the reason.

decode (bytes -> text), html (page -> article text and metadata), metadata (timestamps, bylines, datelines),
documents (files and JSONL records -> document rows), outlets (outlet labels and URLs -> one outlet each).
"""
