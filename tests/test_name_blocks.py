import pyarrow as pa
import pytest

from transforms.names import name_blocks
from transforms.names.resolution import resolve


def test_slices_hold_whole_blocks_sorted_by_name():
    names = pa.table({"entity_id": ["n:e", "n:a", "n:d", "n:b", "n:c"]})
    keys = pa.array(["smit", "smit", "jons", "smit", "brun"])
    slices = [part["entity_id"].to_pylist() for part in name_blocks.whole_blocks(names, keys, size=2)]
    assert slices == [["n:c", "n:d"], ["n:a", "n:b", "n:e"]]
    assert list(name_blocks.whole_blocks(names.slice(0, 0), keys.slice(0, 0))) == []


def test_joined_keys_stand_for_their_least():
    assert name_blocks.joined_keys([("i", "smit"), ("jon", "i"), ("a", "b")]) == {"smit": "i", "jon": "i", "b": "a"}


def _rows(*rows):
    return pa.Table.from_pylist([dict(zip(("doc_id", "entity_id", "surface", "match_kind"), r, strict=True))
                                 for r in rows])


# Names whose rules reach across blocks of different last words: a generation ('III') left aside, a body named both
# ways round, a nickname, a spelling, a double surname, and lone words resolved against them.
ROWS = _rows(
    ("a", "n:robert-mueller", "Robert Mueller", "discovered"),
    ("b", "n:robert-mueller-iii", "Robert S. Mueller III", "discovered"),
    ("c", "n:justice-department", "Justice Department", "discovered"),
    ("c", "n:justice-department", "Justice Department", "discovered"),
    ("d", "n:department-of-justice", "Department of Justice", "discovered"),
    ("e", "n:chuck-schumer", "Chuck Schumer", "discovered"),
    ("f", "n:charles-schumer", "Charles Schumer", "discovered"),
    ("g", "n:volodymyr-zelenskiy", "Volodymyr Zelenskiy", "discovered"),
    ("h", "n:volodymyr-zelensky", "Volodymyr Zelensky", "discovered"),
    ("i", "n:ada-ruiz-quist", "Ada Ruiz-Quist", "discovered"),
    ("j", "n:ruiz-quist", "Ruiz-Quist", "discovered"),
    ("k", "n:schumer", "Schumer", "pending_m"),
    ("l", "n:mueller", "Mueller", "pending"),
)


@pytest.mark.parametrize("size", [1, 2, 3])
def test_names_resolve_the_same_a_few_at_a_time(monkeypatch, size):
    whole = resolve(ROWS, set(), set())
    monkeypatch.setattr(name_blocks, "SLICE_NAMES", size)
    sliced = resolve(ROWS, set(), set())
    assert sliced.links.equals(whole.links) and sliced.entities.equals(whole.entities)
    links = dict(zip(whole.links["name_id"].to_pylist(), whole.links["entity_id"].to_pylist(), strict=True))
    assert links["n:robert-mueller-iii"] == links["n:robert-mueller"]
    assert links["n:department-of-justice"] == links["n:justice-department"] == "justice-department"
    assert links["n:charles-schumer"] == links["n:chuck-schumer"] == links["n:schumer"]
    assert links["n:volodymyr-zelenskiy"] == links["n:volodymyr-zelensky"]
    assert links["n:ruiz-quist"] == links["n:ada-ruiz-quist"]
