import re
from pathlib import Path

import pyarrow as pa
import pytest

from transforms.compare.descriptor_words import STOPWORDS
from transforms.compare.descriptors import extract_descriptors
from transforms.lexicon import NOT_NAMES
from warehouse.contracts import DESCRIPTORS, MENTIONS, QUOTES, conform

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# Names the literal texts use: surname-only matches mark people, as the name matcher's do.
NAMES = {
    "Khalifa Haftar": ("khalifa-haftar", "alias"), "Haftar": ("khalifa-haftar", "surname_in_context"),
    "Ibrahim Kalin": ("ibrahim-kalin", "alias"), "Kalin": ("ibrahim-kalin", "surname_in_context"),
    "Erdogan": ("erdogan", "surname_in_context"), "Donald Trump": ("donald-trump", "alias"),
    "Trump": ("donald-trump", "surname_in_context"), "Fayez al-Sarraj": ("fayez-al-sarraj", "alias"),
    "Mevlut Cavusoglu": ("mevlut-cavusoglu", "alias"), "Heiko Maas": ("heiko-maas", "alias"),
    "Bashar al-Assad": ("bashar-al-assad", "alias"), "Berat Albayrak": ("berat-albayrak", "alias"),
    "Government of National Accord": ("gna", "alias"), "Libya": ("libya", "alias"), "Egypt": ("egypt", "alias"),
    "Sirte": ("sirte", "alias"), "United States": ("united-states", "alias"), "U.S.": ("united-states", "alias"),
}
_NAME = re.compile("|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)))


def _mentions(doc_id: str, body: str) -> list[dict]:
    return [{"doc_id": doc_id, "entity_id": NAMES[m.group()][0], "surface": m.group(), "spelling": m.group(),
             "start_char": m.start(), "end_char": m.end(), "match_kind": NAMES[m.group()][1]}
            for m in _NAME.finditer(body) if not body[m.end():m.end() + 1].isalpha()]


def _quotes(doc_id: str, body: str) -> pa.Table:
    """Every "..." span of a text as a QUOTES row."""
    rows = [{"doc_id": doc_id, "quote_id": f"{doc_id}:{n}", "text": m.group(1), "speaker_entity_id": None,
             "speaker_surface": None, "attribution": None, "start_char": m.start(1), "end_char": m.end(1),
             "count_words": len(m.group(1).split()), "is_fragment": False}
            for n, m in enumerate(re.finditer(r'"([^"]+)"', body))]
    return pa.Table.from_pylist(rows, schema=QUOTES)


def _describe(body: str) -> list[dict]:
    articles = pa.table({"doc_id": ["d1"], "body": [body]})
    mentions = pa.Table.from_pylist(_mentions("d1", body), schema=MENTIONS)
    return extract_descriptors(articles, mentions, _quotes("d1", body)).to_pylist()


def _found(body: str, kind: str) -> list[tuple[str, str]]:
    return [(r["entity_id"], r["descriptor"]) for r in _describe(body) if r["kind"] == kind]


@pytest.mark.parametrize("body, expected", [
    ("Turkey accused Libyan warlord Khalifa Haftar of breaking the truce.", [("khalifa-haftar", "Libyan warlord")]),
    ("Forces loyal to Libya's renegade General Khalifa Haftar withdrew.", [("khalifa-haftar", "renegade General")]),
    ("Russia should convince Libyan National Army general Khalifa Haftar to sign.",
     [("khalifa-haftar", "Libyan National Army general")]),
    ("Fighting resumed after eastern-based commander Haftar moved west.",
     [("khalifa-haftar", "eastern-based commander")]),
    ("Talks stalled. Warlord Haftar left Moscow.", [("khalifa-haftar", "warlord")]),  # a sentence's capital dropped
    ("Presidential Spokesman Ibrahim Kalin spoke.", [("ibrahim-kalin", "Presidential Spokesman")]),
    ("Treasury and Finance Minister Berat Albayrak went.", [("berat-albayrak", "Treasury and Finance Minister")]),
    ("Ankara backs the UN-backed Government of National Accord (GNA).", [("gna", "UN-backed")]),
    ("the government of Syrian President Bashar al-Assad fell", [("bashar-al-assad", "Syrian President")]),
    ("Since Haftar attacked, Tripoli has held.", []),  # a sentence opener describes nothing
    ("The talks failed and Haftar left.", []),
    ("He met Libya's Haftar on Monday.", []),  # the possessor is not a descriptor
    ("It is the metric by which I judge Donald Trump.", []),  # 'judge' is a verb here
    ("He hired former Trump adviser Steve Bannon.", []),  # 'former' describes the adviser
    ("It hosted former U.S. envoy Kurt Volker.", []),
    ("He blamed general Haftar-backed militias.", [("khalifa-haftar", "general")]),
])
def test_premodifier(body, expected):
    assert _found(body, "premodifier") == expected


def test_a_possessor_does_not_take_the_role_of_the_person_it_owns():
    body = "President Erdogan's spokesman Ibrahim Kalin said so. The spokesman added that talks would go on."
    rows = [(r["entity_id"], r["descriptor"], r["kind"]) for r in _describe(body)]
    assert rows == [("erdogan", "President", "premodifier"), ("ibrahim-kalin", "spokesman", "premodifier"),
                    ("ibrahim-kalin", "spokesman", "role")]


@pytest.mark.parametrize("body, expected", [
    ("Haftar, a former Kadhafi army commander who is backed by Egypt, attacked.",
     [("khalifa-haftar", "former Kadhafi army commander")]),
    ("Fayez al-Sarraj, the head of the Presidential Council, said so.",
     [("fayez-al-sarraj", "head of the Presidential Council")]),
    ("Sirte, a coastal city and a gateway to oil fields, fell.", [("sirte", "coastal city")]),
    ("Egypt, a key supporter of Haftar.", [("egypt", "key supporter of Haftar")]),
    ("Assad is an ally of Russia, the main backer of Bashar al-Assad.", []),  # 'of X, ...' is about the head noun
    ("Officials from Kalin, the foreign minister, and the army chief met.", []),  # a list of people
    ("Haftar, 76, said he would fight on.", []),
    ("Donald Trump, Secretary of State Mike Pompeo and others met.", []),
    ("Haftar — a former army commander — attacked.", [("khalifa-haftar", "former army commander")]),  # a dash opens it
])
def test_appositive(body, expected):
    assert _found(body, "appositive") == expected


@pytest.mark.parametrize("body, expected", [
    ("Haftar is a former general who defected.", [("khalifa-haftar", "former general")]),
    ("Trump was the leader of the party, they said.", [("donald-trump", "leader of the party")]),
    ("Haftar is a problem.", []),
])
def test_copular(body, expected):
    assert _found(body, "copular") == expected


@pytest.mark.parametrize("body, expected", [
    ("France backs Haftar. The strongman, supported by Egypt, attacked Tripoli.", [("khalifa-haftar", "strongman")]),
    ("Egypt hosted Haftar. The strongman's forces advanced.", [("khalifa-haftar", "strongman")]),
    # attached earlier: the qualifiers pick the Turkish minister although the German one was named last
    ("Turkish Foreign Minister Mevlut Cavusoglu met German Foreign Minister Heiko Maas. "
     "The Turkish foreign minister said talks went well.", [("mevlut-cavusoglu", "Turkish foreign minister")]),
    ("Libyan warlord Khalifa Haftar met envoys. " + "Talks went on for hours. " * 30 + "The warlord left.",
     [("khalifa-haftar", "warlord")]),  # far back, but the role was attached to him
    ("President Erdogan's spokesman spoke. The spokesman said Haftar must go.", []),  # someone unnamed
    ("Erdogan met Haftar. The general public was not told.", []),
    ("Erdogan backs Haftar against the warlord, Fayez al-Sarraj, in Tripoli.", [("fayez-al-sarraj", "warlord")]),
    ("Erdogan backs Haftar against the warlord, Ali Hamza, in Tripoli.", []),  # named, but not a known entity
    ("Erdogan met Trump. The minister said nothing.", []),  # an office is not guessed from the last name
    ("Trump won Iowa. Cruz then replaced Trump as the leader in the polls.", []),  # a predicate, not a reference
    ("President Donald Trump spoke. The vice president said nothing.", []),  # 'vice' narrows it to someone else
    ("Haftar spoke. Then John Calhoun, a senator, arrived. The leader waved.", []),  # an unknown name came between
    ("Egypt hosted Haftar.\nThe strongman waved.", [("khalifa-haftar", "strongman")]),  # 'The' opening a line
    ("Egypt hosted Haftar. A blithe strongman waved.", []),  # 'the' inside a word opens no role phrase
])
def test_role(body, expected):
    assert _found(body, "role") == expected


def test_entity_types_when_given_decide_who_is_a_person():
    body = "France backs Khalifa Haftar. The strongman attacked. In official Libya, nobody spoke."
    articles = pa.table({"doc_id": ["d1"], "body": [body]})
    mentions = pa.Table.from_pylist(_mentions("d1", body), schema=MENTIONS)
    entities = pa.table({"entity_id": ["khalifa-haftar", "libya"], "entity_type": ["person", "place"]})
    untyped = extract_descriptors(articles, mentions, QUOTES.empty_table()).to_pylist()
    typed = extract_descriptors(articles, mentions, QUOTES.empty_table(), entities).to_pylist()
    assert [(r["entity_id"], r["descriptor"]) for r in untyped] == [("libya", "official")]
    assert [(r["entity_id"], r["descriptor"]) for r in typed] == [("khalifa-haftar", "strongman")]


def test_descriptors_inside_quotes_are_flagged():
    body = '"The putschist warlord Haftar must be stopped," he said of warlord Khalifa Haftar.'
    rows = [(r["descriptor"], r["is_quoted"]) for r in _describe(body)]
    assert rows == [("putschist warlord", True), ("warlord", False)]


def test_output_conforms_to_the_contract_and_offsets_point_into_the_body():
    body = "Turkey accused Libyan warlord Khalifa Haftar. Haftar, a former army commander, refused."
    articles = pa.table({"doc_id": ["d1", "d2"], "body": [body, "No names here."]})
    mentions = pa.Table.from_pylist(_mentions("d1", body), schema=MENTIONS)
    out = extract_descriptors(articles, mentions, QUOTES.empty_table())
    assert out.schema == DESCRIPTORS and conform(out, DESCRIPTORS).num_rows == 2
    assert [body[r["start_char"]:r["end_char"]] for r in out.to_pylist()] == ["Libyan warlord", "former army commander"]
    assert extract_descriptors(articles, mentions.slice(0, 0), QUOTES.empty_table()).num_rows == 0


@pytest.fixture(scope="module")
def seeds_descriptors() -> list[dict]:
    """The seed articles as the flow cleans them, with their mentions, -> descriptors with outlet names."""
    from flows import storage
    from transforms.clean import articles
    from transforms.clean import site_lines as sitelines
    from transforms.ingest import documents as ingest
    from transforms.ingest import outlets
    from transforms.names import mentions

    folder = str(SEEDS / "articles")
    files = storage.read_files(folder, storage.list_inputs(folder))
    docs, _ = ingest.parse_inputs(files, storage.read_manifests(folder, None)).tables()
    site_lines = sitelines.learn_site_lines(docs)
    docs = sitelines.assign_signature_outlets(docs, site_lines)
    docs = outlets.normalise_outlets(docs, outlets.build_outlet_index(storage.read_outlets(str(SEEDS / "outlets.csv"))))
    cleaned = articles.clean_articles(docs, site_lines, frozenset()).articles
    entity_rows, _ = storage.read_entities(str(SEEDS / "entities.csv"))
    found, _ = mentions.extract_mentions(cleaned, mentions.parse_entities(entity_rows))
    outlet_of = dict(zip(cleaned["doc_id"].to_pylist(), cleaned["outlet_name"].to_pylist(), strict=True))
    out = extract_descriptors(cleaned, found, QUOTES.empty_table())
    return [{**r, "outlet": outlet_of[r["doc_id"]]} for r in conform(out, DESCRIPTORS).to_pylist()]


@pytest.mark.parametrize("outlet, descriptor", [
    ("TRT World", "warlord"), ("Press TV", "renegade General"), ("Press TV", "strongman"),
    ("Republic World", "Libyan National Army general"),
])
def test_seeds_describe_haftar_as_each_outlet_does(seeds_descriptors, outlet, descriptor):
    assert descriptor in {r["descriptor"] for r in seeds_descriptors
                          if r["entity_id"] == "khalifa-haftar" and r["outlet"] == outlet}


def test_seed_descriptors_are_never_stopwords_or_sentence_openers(seeds_descriptors):
    assert len(seeds_descriptors) > 30
    for row in seeds_descriptors:
        first = row["descriptor"].split()[0].casefold()
        assert first not in STOPWORDS and first not in NOT_NAMES - {"former", "eastern"}, row
        assert row["descriptor"].casefold() not in STOPWORDS | NOT_NAMES, row
