"""Names: ARTICLES + the entity table -> MENTIONS, CANDIDATE_MENTIONS, NAME_CANDIDATES and ALIAS_PROPOSALS.

matching (folded multi-pattern matching of known names), variants and variant_mentions (unseen spellings of
known names), mentions (the per-article tables), suggestions (alias groups proposed for review), decisions
(accepted and rejected suggestions -> the entity table's next version).
"""
