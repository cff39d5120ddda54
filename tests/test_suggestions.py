import re

import pyarrow as pa
import pytest

from transforms.names.mentions import parse_entities
from transforms.names.suggestions import guess_type, suggest_aliases, suggestion_id
from warehouse.contracts import CANDIDATE_MENTIONS, MENTIONS

ENTITIES = parse_entities([
    {"entity_id": "haftar", "canonical_name": "Khalifa Haftar", "entity_type": "person", "aliases": ""},
    {"entity_id": "gaddafi", "canonical_name": "Muammar Gaddafi", "entity_type": "person", "aliases": ""},
    {"entity_id": "saif", "canonical_name": "Saif al-Islam Gaddafi", "entity_type": "person", "aliases": ""},
])
BODY = ("Talks with Zelensky went on while Zelenskiy waited. Aides to Zelenskyy said Zelensky agreed with Zelenskiy "
        "and Zelenskyy, as Zelensky said. The general Heftar spoke; allies of Heftar and Heftar left. "
        "Later Kim Jong Un met Kim Jong-un aides, Kim Jong Un and Kim Jong-un. "
        "A court ruled for Court and the Court again. Qaddafi and Qaddafi stayed.")
SURFACES = ("Zelensky", "Zelenskiy", "Zelenskyy", "Heftar", "Kim Jong Un", "Kim Jong-un", "Court", "Qaddafi")


def _candidates(doc_id, body, notes):
    rows = [{"doc_id": doc_id, "surface": m.group(), "start_char": m.start(), "end_char": m.end(),
             "note": notes.get(m.group())}
            for surface in SURFACES for m in re.finditer(rf"\b{surface}\b", body)]
    return sorted(rows, key=lambda r: r["start_char"])


def _suggest(decisions=()):
    notes = {"Qaddafi": "ambiguous: gaddafi, saif"}
    candidates = pa.Table.from_pylist(_candidates("d1", BODY, notes), schema=CANDIDATE_MENTIONS)
    mentions = pa.Table.from_pylist([], schema=MENTIONS)
    articles = pa.table({"doc_id": ["d1"], "outlet_name": ["Wire"], "body": [BODY]})
    return suggest_aliases(candidates, mentions, articles, ENTITIES, decisions).to_pylist()


def test_groups_new_entities_and_new_spellings():
    found = {(r["kind"], r["entity_id"], tuple(r["spellings"])) for r in _suggest()}
    assert found == {
        ("new_entity", None, ("Zelensky", "Zelenskiy", "Zelenskyy")),
        ("new_entity", None, ("Kim Jong Un", "Kim Jong-un")),
        ("new_spelling", "haftar", ("Heftar",)),
    }


def test_suggestions_carry_evidence():
    zelensky = next(r for r in _suggest() if r["spellings"][0] == "Zelensky")
    assert zelensky["count_by_spelling"] == [3, 2, 2]
    assert zelensky["count_mentions"] == 7 and zelensky["count_articles"] == 1 and zelensky["outlets"] == ["Wire"]
    assert zelensky["examples"][0] == "Talks with Zelensky went on while Zelenskiy waited."
    assert zelensky["entity_type"] == "person" and 0.75 <= zelensky["score"] <= 1
    heftar = next(r for r in _suggest() if r["entity_id"] == "haftar")
    assert heftar["matched_variant"] == "Khalifa Haftar" and heftar["canonical_name"] == "Khalifa Haftar"


def test_decided_suggestions_are_not_proposed_again():
    first = _suggest()
    heftar = next(r for r in first if r["entity_id"] == "haftar")
    kim = next(r for r in first if r["spellings"][0] == "Kim Jong Un")
    decisions = [{"suggestion_id": heftar["suggestion_id"], "decision": "rejected", "kind": "new_spelling",
                  "entity_id": "haftar", "spellings": "Heftar"},
                 {"suggestion_id": kim["suggestion_id"], "decision": "accepted", "kind": "new_entity",
                  "entity_id": "kim-jong-un", "spellings": "Kim Jong Un|Kim Jong-un"}]
    assert [r["spellings"][0] for r in _suggest(decisions)] == ["Zelensky"]


@pytest.mark.parametrize("a, b, same", [
    (["Zelensky", "Zelenskiy"], ["zelenskiy", "ZELENSKY"], True),
    (["Zelensky", "Zelenskiy"], ["Zelensky"], False),
])
def test_suggestion_id_is_stable(a, b, same):
    assert (suggestion_id("new_entity", None, a) == suggestion_id("new_entity", None, b)) is same


@pytest.mark.parametrize("name, kind", [("Islamic Jihad Movement", "organisation"), ("Kim Jong Un", "person")])
def test_guess_type(name, kind):
    assert guess_type(name) == kind


def test_the_common_word_sample_is_the_smallest_ids_whatever_the_order(monkeypatch):
    from transforms.names import suggestions

    monkeypatch.setattr(suggestions, "MAX_WORD_BODIES", 2)
    assert suggestions.word_sample(pa.array(["c", "a", "d", "b", "a"])).to_pylist() == ["a", "b"]
    assert suggestions.word_sample(pa.chunked_array([["d", "b"], ["c", "a"]])).to_pylist() == ["a", "b"]
