"""One pyarrow schema per Parquet table, and conform() to check a table against it before writing."""

import pyarrow as pa

# Parquet stores milliseconds at the coarsest; declaring them keeps file schema == contract.
UTC_MS = pa.timestamp("ms", tz="UTC")

ARTICLES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("record_no", pa.int32()),
    pa.field("source_format", pa.string(), nullable=False),
    pa.field("encoding", pa.string()),
    # What ingest repaired in the text, title or byline (mojibake, by ftfy); NULL when nothing was wrong.
    pa.field("repair", pa.string()),
    pa.field("external_id", pa.string()),
    pa.field("url", pa.string()),
    pa.field("outlet", pa.string(), nullable=False),
    pa.field("outlet_source", pa.string(), nullable=False),
    # The label as found (manifest, record, page) stays in `outlet`; the outlet table resolves it to one outlet.
    pa.field("outlet_id", pa.string(), nullable=False),
    pa.field("outlet_name", pa.string(), nullable=False),
    pa.field("title", pa.string()),
    pa.field("byline", pa.string()),
    pa.field("dateline", pa.string()),
    pa.field("published_at", UTC_MS),
    pa.field("updated_at", UTC_MS),
    pa.field("body", pa.string(), nullable=False),
    pa.field("count_lines_removed", pa.int32(), nullable=False),
])
# Documents as read and parsed, before cleaning: kept so a later run can re-clean them without reading files again.
_UNRESOLVED = {"outlet", "outlet_source"}  # filled from manifests, records or pages; may still be unknown here
DOCUMENTS = pa.schema(
    [ARTICLES.field(name).with_nullable(name in _UNRESOLVED or ARTICLES.field(name).nullable)
     for name in ("doc_id", "source_path", "record_no", "source_format", "encoding", "repair", "external_id", "url",
                  "outlet", "outlet_source", "title", "byline")]
    + [pa.field("published_raw", pa.string()), pa.field("text", pa.string(), nullable=False)]
)
# Every input path under which an article's content was found (the same content may arrive twice).
SOURCES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("record_no", pa.int32()),
])
REMOVED_LINES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("line_no", pa.int32(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
    pa.field("reason", pa.string(), nullable=False),
    pa.field("reason_detail", pa.string()),  # a model's reason: the features that weighed most against the line
])
SITE_LINES = pa.schema([
    pa.field("outlet", pa.string()),
    pa.field("line_key", pa.string(), nullable=False),
    pa.field("line_text", pa.string(), nullable=False),
    pa.field("count_docs", pa.int32(), nullable=False),
    pa.field("count_outlet_docs", pa.int32(), nullable=False),
    pa.field("count_contexts", pa.int32(), nullable=False),
])
ENTITIES = pa.schema([
    pa.field("entity_id", pa.string(), nullable=False),
    pa.field("canonical_name", pa.string(), nullable=False),
    pa.field("entity_type", pa.string(), nullable=False),
    pa.field("aliases", pa.list_(pa.string()), nullable=False),
    # From the entity table (curated), or discovered in the articles; counts are the run's mentions and articles.
    pa.field("is_curated", pa.bool_(), nullable=False),
    pa.field("count_mentions", pa.int32(), nullable=False),
    pa.field("count_articles", pa.int32(), nullable=False),
])
# Every provisional id of a discovered name ('n:barack-obama') -> the entity it names, how, or why none.
ENTITY_LINKS = pa.schema([
    pa.field("name_id", pa.string(), nullable=False),
    pa.field("entity_id", pa.string()),
    pa.field("match_kind", pa.string()),
    pa.field("note", pa.string()),
])
MENTIONS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("entity_id", pa.string(), nullable=False),
    pa.field("surface", pa.string(), nullable=False),
    pa.field("spelling", pa.string(), nullable=False),
    pa.field("start_char", pa.int32(), nullable=False),
    pa.field("end_char", pa.int32(), nullable=False),
    pa.field("match_kind", pa.string(), nullable=False),
])
# One row per article, name (provisional or entity table id), match kind and surface: its mentions counted. Each
# batch writes them, so the corpus-wide step resolving names reads counts that grow with distinct names per article.
NAME_COUNTS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("entity_id", pa.string(), nullable=False),
    pa.field("match_kind", pa.string(), nullable=False),
    pa.field("surface", pa.string(), nullable=False),
    pa.field("count_mentions", pa.int32(), nullable=False),
])
# One row per unmatched capitalised name occurrence; the name_candidates view aggregates them.
CANDIDATE_MENTIONS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("surface", pa.string(), nullable=False),
    pa.field("start_char", pa.int32(), nullable=False),
    pa.field("end_char", pa.int32(), nullable=False),
    pa.field("note", pa.string()),
])
NAME_CANDIDATES = pa.schema([
    pa.field("surface", pa.string(), nullable=False),
    pa.field("n_mentions", pa.int32(), nullable=False),
    pa.field("n_articles", pa.int32(), nullable=False),
    pa.field("outlets", pa.list_(pa.string()), nullable=False),
    pa.field("note", pa.string()),
    pa.field("example_doc_id", pa.string(), nullable=False),
])
# Proposed alias groups: a new spelling of a known entity, or a new entity with several spellings.
ALIAS_SUGGESTIONS = pa.schema([
    pa.field("suggestion_id", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("entity_id", pa.string()),
    pa.field("canonical_name", pa.string(), nullable=False),
    pa.field("entity_type", pa.string(), nullable=False),
    pa.field("spellings", pa.list_(pa.string()), nullable=False),
    pa.field("count_by_spelling", pa.list_(pa.int32()), nullable=False),
    pa.field("matched_variant", pa.string()),
    pa.field("outlets", pa.list_(pa.string()), nullable=False),
    pa.field("count_mentions", pa.int32(), nullable=False),
    pa.field("count_articles", pa.int32(), nullable=False),
    pa.field("score", pa.float64(), nullable=False),
    pa.field("examples", pa.list_(pa.string()), nullable=False),
])
# Every file found under the input folder: each must end up as a source of an article or in quarantine.
INPUT_FILES = pa.schema([
    pa.field("source_path", pa.string(), nullable=False),
    # Size and modification time tell a later run which files it has already read.
    pa.field("size_bytes", pa.int64(), nullable=False),
    pa.field("modified_at", UTC_MS, nullable=False),
])
QUARANTINE = pa.schema([
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("record_no", pa.int32()),
    pa.field("reason", pa.string(), nullable=False),
])
RUNS = pa.schema([
    pa.field("run_id", pa.string(), nullable=False),
    pa.field("started_at", UTC_MS, nullable=False),
    pa.field("finished_at", UTC_MS, nullable=False),
    pa.field("input_dir", pa.string(), nullable=False),
    pa.field("entities_version", pa.string(), nullable=False),
    pa.field("count_files", pa.int32(), nullable=False),
    pa.field("count_documents_read", pa.int32(), nullable=False),
    pa.field("count_articles", pa.int32(), nullable=False),
    pa.field("count_quarantined", pa.int32(), nullable=False),
    # Articles cleaned and analysed by this run, and those carried over unchanged from the run before it.
    pa.field("count_analysed", pa.int32(), nullable=False),
    pa.field("count_reused", pa.int32(), nullable=False),
    # Hash of what besides the input decides the tables: entity, outlet and decision tables, manifests, code.
    pa.field("config_version", pa.string(), nullable=False),
])

# Quoted stretches and reported speech in article bodies; a quote split around its attribution ("...," he said.
# "...") is one row.
QUOTES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("quote_id", pa.string(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
    pa.field("speaker_entity_id", pa.string()),
    pa.field("speaker_surface", pa.string()),
    # How the speaker was found: said_after, said_before, according_to, colon, title, pronoun, continued (a
    # paragraph that is only a quote goes on from the previous paragraph's speaker), subject (the person a sentence
    # with no speech verb names as its subject); null if unattributed.
    pa.field("attribution", pa.string()),
    pa.field("start_char", pa.int32(), nullable=False),
    pa.field("end_char", pa.int32(), nullable=False),
    pa.field("count_words", pa.int32(), nullable=False),
    # Not words someone said in quote marks: every quote_kind but speech (a scare-quoted "foolish", a title,
    # reported speech); quote groups, shared quotes and speaker counts take only speech.
    pa.field("is_fragment", pa.bool_(), nullable=False),
    # speech (a direct quote), indirect (reported speech: 'X said (that) ...'), title (of a work, or a headline),
    # term (a scare-quoted word or phrase), other (imagined or hypothetical words).
    pa.field("quote_kind", pa.string(), nullable=False),
])
# Quotes that are the same words across articles (despite punctuation, case, a few changed words or a part).
QUOTE_MATCHES = pa.schema([
    pa.field("quote_id", pa.string(), nullable=False),
    pa.field("quote_group_id", pa.string(), nullable=False),
])
# The words an outlet puts next to a name: premodifier, appositive, role (a noun phrase standing for the name).
DESCRIPTORS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("entity_id", pa.string(), nullable=False),
    pa.field("descriptor", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("start_char", pa.int32(), nullable=False),
    pa.field("end_char", pa.int32(), nullable=False),
    pa.field("is_quoted", pa.bool_(), nullable=False),
])
# Numbers with the thing they count, normalised ("3,80,000 lives" -> 380000 lives).
FIGURES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("figure_id", pa.string(), nullable=False),
    pa.field("value", pa.float64(), nullable=False),
    # the upper end when the text gives a range ('30 to 35 mph', 'three or four months'), `value` the lower end
    pa.field("value_to", pa.float64()),
    pa.field("unit", pa.string()),
    pa.field("what", pa.string()),
    # more_than, at_least, about, up_to, less_than, ... ; null when the figure is stated as exact.
    pa.field("qualifier", pa.string()),
    pa.field("raw", pa.string(), nullable=False),
    pa.field("sentence", pa.string(), nullable=False),
    pa.field("start_char", pa.int32(), nullable=False),
    pa.field("end_char", pa.int32(), nullable=False),
])
# One row per article: hashed salient terms with their counts, and the known entities it mentions.
STORY_FEATURES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("outlet_id", pa.string()),
    pa.field("published_at", UTC_MS),
    pa.field("terms", pa.list_(pa.uint32()), nullable=False),
    pa.field("counts", pa.list_(pa.uint16()), nullable=False),
    pa.field("entity_ids", pa.list_(pa.string()), nullable=False),
])
# One row per article analysed: the key of everything its tables depend on (its document, its outlet's site lines,
# the configuration). A later run whose key for the article is the same carries its rows over instead.
ANALYSED = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("analysis_key", pa.string(), nullable=False),
])
# Every article's story: articles telling the same story share a story_id (a lone article is its own story).
STORIES = pa.schema([
    pa.field("story_id", pa.string(), nullable=False),
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("similarity", pa.float64()),
])

CONTRACTS = {
    "articles": ARTICLES,
    "sources": SOURCES,
    "removed_lines": REMOVED_LINES,
    "site_lines": SITE_LINES,
    "entities": ENTITIES,
    "entity_links": ENTITY_LINKS,
    "mentions": MENTIONS,
    "name_counts": NAME_COUNTS,
    "name_candidates": NAME_CANDIDATES,
    "candidate_mentions": CANDIDATE_MENTIONS,
    "alias_proposals": ALIAS_SUGGESTIONS,
    "quarantine": QUARANTINE,
    "input_files": INPUT_FILES,
    "runs": RUNS,
    "quotes": QUOTES,
    "quote_matches": QUOTE_MATCHES,
    "descriptors": DESCRIPTORS,
    "figures": FIGURES,
    "stories": STORIES,
    "documents": DOCUMENTS,
    "story_features": STORY_FEATURES,
    "analysed": ANALYSED,
}


def conform(table: pa.Table, contract: pa.Schema) -> pa.Table:
    """Contract columns in contract order and types; raises ValueError on nulls in non-nullable ones."""
    missing = [name for name in contract.names if name not in table.column_names]
    if missing:
        raise ValueError(f"table lacks contract columns {missing}")
    selected = table.select(contract.names)
    for field in contract:
        if not field.nullable and selected[field.name].null_count:
            raise ValueError(f"column {field.name!r} has {selected[field.name].null_count} nulls")
    return selected.cast(contract)
