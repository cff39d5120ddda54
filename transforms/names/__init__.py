"""Names: ARTICLES + the entity table -> MENTIONS, CANDIDATE_MENTIONS, NAME_CANDIDATES and ALIAS_PROPOSALS.

matching (folded multi-pattern matching of known names; with tokens, which splits and folds a text's words,
capitalised, which reads the capitalised names left, and title_case, which finds headline lines), variants and
variant_mentions (unseen spellings of known names), reading (capitalised runs the table does not list, read as
names; with titles, which reads the title or role before a name, tidying, which cuts a run to its name, pairs, which
reads apart two names a joiner links, spans, which stretches it to its whole span, and name_words, which folds and
types it), discovery (those names resolved within their article; with acronyms, the acronyms an article spells out),
resolution (discovered names merged and linked across the corpus; with person_clusters, which merges a person's
names, lone_names, which links lone words and acronyms, and name_ids, which reads ids and their totals), gazetteer
(place, given-name and nickname data packages ship), mentions (the per-article tables), suggestions (alias groups
proposed for review), decisions (accepted and rejected suggestions and review of discovered entities -> the entity
table's next version).
"""
