"""Views stable for BI tools -> their columns and DuckDB types: a dashboard may rely on these, tests hold them."""

TEXT, COUNT, WHEN = "VARCHAR", "BIGINT", "TIMESTAMP WITH TIME ZONE"
TEXTS = "VARCHAR[]"

STABLE_VIEWS: dict[str, dict[str, str]] = {
    "articles": {"doc_id": TEXT, "source_path": TEXT, "url": TEXT, "outlet": TEXT, "outlet_id": TEXT,
                 "outlet_name": TEXT, "title": TEXT, "byline": TEXT, "published_at": WHEN, "published_on": "DATE",
                 "body": TEXT},
    "stories": {"story_id": TEXT, "doc_id": TEXT, "similarity": "DOUBLE"},
    "entity_coverage": {"entity_id": TEXT, "canonical_name": TEXT, "entity_type": TEXT, "outlet_id": TEXT,
                        "outlet_name": TEXT, "count_articles": COUNT, "count_mentions": COUNT, "is_curated": "BOOLEAN"},
    "alias_usage": {"entity_id": TEXT, "canonical_name": TEXT, "outlet_id": TEXT, "outlet_name": TEXT, "spelling": TEXT,
                    "count_mentions": COUNT, "count_articles": COUNT, "surfaces": TEXTS, "is_curated": "BOOLEAN"},
    "entity_descriptors": {"entity_id": TEXT, "canonical_name": TEXT, "outlet_id": TEXT, "outlet_name": TEXT,
                           "descriptor": TEXT, "kind": TEXT, "is_quoted": "BOOLEAN", "count_descriptors": COUNT,
                           "count_articles": COUNT, "is_curated": "BOOLEAN"},
    "shared_quotes": {"quote_group_id": TEXT, "text": TEXT, "speaker_entity_id": TEXT, "speaker_name": TEXT,
                      "outlets": TEXTS, "n_outlets": COUNT, "variants": TEXTS, "count_quotes": COUNT,
                      "is_speaker_curated": "BOOLEAN"},
    "figures_across_outlets": {"what": TEXT, "unit": TEXT, "outlet_id": TEXT, "outlet_name": TEXT,
                               "n_outlets": COUNT, "count_figures": COUNT, "min_value": "DOUBLE",
                               "max_value": "DOUBLE", "figure_values": "DOUBLE[]", "examples": TEXTS,
                               "phrasings": TEXTS},
    "story_clusters": {"story_id": TEXT, "count_articles": COUNT, "n_outlets": COUNT, "outlets": TEXTS,
                       "titles": TEXTS, "doc_ids": TEXTS, "first_published_at": WHEN, "last_published_at": WHEN},
    "removed_lines_by_reason_outlet": {"reason": TEXT, "outlet_id": TEXT, "outlet_name": TEXT,
                                       "count_lines": COUNT, "count_articles": COUNT},
}
