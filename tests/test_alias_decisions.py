import pytest

from transforms.names.decisions import accept, reject, slug

ROWS = [{"entity_id": "haftar", "canonical_name": "Khalifa Haftar", "entity_type": "person", "aliases": "Hifter"}]
NEW = {"suggestion_id": "abc", "kind": "new_entity", "entity_id": None, "canonical_name": "Zelensky",
       "entity_type": "person", "spellings": ["Zelensky", "Zelenskiy"]}
SPELLING = {"suggestion_id": "def", "kind": "new_spelling", "entity_id": "haftar", "canonical_name": "Khalifa Haftar",
            "entity_type": "person", "spellings": ["Heftar", "hifter"]}


def test_accept_new_spelling_adds_aliases_once():
    rows, decision = accept(ROWS, SPELLING)
    assert rows[0]["aliases"] == "Hifter|Heftar"
    assert decision == {"suggestion_id": "def", "decision": "accepted", "kind": "new_spelling",
                        "entity_id": "haftar", "spellings": "Heftar|hifter"}
    assert ROWS[0]["aliases"] == "Hifter"


def test_accept_new_entity_adds_a_row():
    rows, decision = accept(ROWS + [{**ROWS[0], "entity_id": "zelensky"}], NEW, "person")
    assert rows[-1] == {"entity_id": "zelensky-2", "canonical_name": "Zelensky", "entity_type": "person",
                        "aliases": "Zelenskiy"}
    assert decision["entity_id"] == "zelensky-2"


def test_accept_unknown_entity_raises():
    with pytest.raises(ValueError, match="not in the entity table"):
        accept([], SPELLING)


def test_reject():
    assert reject(NEW) == {"suggestion_id": "abc", "decision": "rejected", "kind": "new_entity", "entity_id": "",
                           "spellings": "Zelensky|Zelenskiy"}


@pytest.mark.parametrize("name, expected", [
    ("Kim Jong-un", "kim-jong-un"), ("Hürriyet Daily News", "hurriyet-daily-news"),
])
def test_slug(name, expected):
    assert slug(name) == expected
