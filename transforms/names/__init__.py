"""Names: ARTICLES + the entity table -> MENTIONS, CANDIDATE_MENTIONS, NAME_CANDIDATES and ALIAS_PROPOSALS.

matching (folded multi-pattern matching of known names), variants and variant_mentions (unseen spellings of
known names), reading (capitalised runs the table does not list, cut and typed as names), discovery (those names
resolved within their article), resolution (discovered names merged and linked across the corpus), gazetteer
(place, given-name and nickname data packages ship), mentions (the per-article tables), suggestions (alias groups
proposed for review), decisions (accepted and rejected suggestions and review of discovered entities -> the entity
table's next version).
"""
