from itertools import product

import pytest

from transforms.names.variants import (
    _LENGTH_RATIO,
    _SHORTER_SHARE,
    TOKEN_MIN,
    _token_similarity,
    build_variant_index,
    coarse,
    match_variant,
    name_tokens,
)

KNOWN = [
    ("gaddafi", "Muammar Gaddafi", "PER"), ("gaddafi", "Moamer Kadhafi", "PER"),
    ("saif", "Saif al-Islam Gaddafi", "PER"),
    ("haftar", "Khalifa Haftar", "PER"), ("haftar", "Khalifa Hifter", "PER"),
    ("saddam", "Saddam Haftar", "PER"),
    ("zelensky", "Volodymyr Zelensky", "PER"),
    ("ali", "Muhammad Ali", "PER"), ("ahmed", "Ahmed Hassan", "PER"), ("omar", "Omar Muhammad", "PER"),
    ("qaida", "al-Qaida", "ORG"), ("misrata", "Misratah", "LOC"), ("khums", "Al Khums", "LOC"),
]
INDEX = build_variant_index(KNOWN)


def _key(name):
    return " ".join(coarse(t) for t in name_tokens(name))


@pytest.mark.parametrize("names", [
    ["Gaddafi", "Gadhafi", "Qaddafi", "Kadhafi", "Qadhafi", "Khadafy"],
    ["Haftar", "Hifter", "Hafter"],
    ["Zelensky", "Zelenskiy", "Zelenskyy"],
    ["al-Qaida", "Al Qaeda", "al Qaeda"],
    ["Abd al-Rahman", "Abdel Rahman", "Abdulrahman", "Abdurrahman"],
    ["Nur al-Din", "Nureddin", "Nour Eddine"],
])
def test_spellings_share_a_key(names):
    assert len({_key(name) for name in names}) == 1


@pytest.mark.parametrize("name, tokens", [
    ("Fayez al-Sarraj", ("faiz", "saraj")),
    ("Az Zawiyah", ("zauia",)),
    ("Abu Bakr ibn Umar", ("abu", "bakr", "bin", "umar")),
    ("Ada Quist", ("ada", "kuist")), ("Abdel Rahman al-Quist", ("abdrahman", "kuist")), ("an", ("an",)), ("", ()),
])
def test_name_tokens(name, tokens):
    assert name_tokens(name) == tokens


@pytest.mark.parametrize("query, kind, entity_id", [
    ("Muammar Qadhafi", "PER", "gaddafi"),
    ("Moammar Khadafy", "PER", "gaddafi"),
    ("Muammar al-Gaddafi", "PER", "gaddafi"),
    ("Khalifa Belqasim Haftar", "PER", "haftar"),
    ("Saif al-Islam el-Qaddafi", "PER", "saif"),
    ("Khalifa Hafter", "PER", "haftar"),
    ("Saddam Hafter", "PER", "saddam"),
    ("Volodymyr Zelenskyy", "PER", "zelensky"),
    ("Al Qaeda", "ORG", "qaida"),
    ("Misrata", "LOC", "misrata"),
    ("Al Hums", "LOC", "khums"),
    ("Khoms", None, "khums"),
])
def test_spelling_variants_match(query, kind, entity_id):
    found = match_variant(query, INDEX, kind)
    assert found is not None and found.entity_id == entity_id


@pytest.mark.parametrize("query, kind", [
    ("Hannibal Gaddafi", "PER"),
    ("Mohammed Hassan", "PER"),
    ("Muhammad Hussein", "PER"),
    ("Ahmed Omar", "PER"),
    ("Misratah", "PER"),
    ("Al Qaeda", "LOC"),
    ("Medina", "LOC"),
])
def test_other_names_do_not_match(query, kind):
    assert match_variant(query, INDEX, kind) is None


def test_relatives_stay_apart():
    saif = match_variant("Saif al-Islam Gaddafi", INDEX, "PER")
    assert saif is not None and saif.entity_id == "saif"
    assert match_variant("Saddam Haftar", INDEX, "PER").entity_id == "saddam"
    only_muammar = build_variant_index([("gaddafi", "Muammar Gaddafi", "PER"), ("haftar", "Khalifa Haftar", "PER")])
    assert match_variant("Saif al-Islam Gaddafi", only_muammar, "PER") is None
    assert match_variant("Saddam Haftar", only_muammar, "PER") is None


def test_a_shared_given_name_alone_does_not_match():
    index = build_variant_index([("ali", "Muhammad Ali", "PER"), ("x", "Ahmed Mansour", "PER")])
    assert match_variant("Muhammad Hassan", index, "PER") is None
    assert match_variant("Mohamed Ali", index, "PER").entity_id == "ali"


def test_match_reports_the_known_spelling():
    found = match_variant("Khalifa Heftar", INDEX, "PER")
    assert (found.entity_id, found.matched_variant) == ("haftar", "Khalifa Haftar")
    assert 0.8 <= found.score <= 1.0


def test_two_entities_with_one_spelling_are_ambiguous():
    index = build_variant_index([("tripoli_ly", "Tripoli", "LOC"), ("tripoli_lb", "Tripoli", "LOC")])
    assert match_variant("Tripoly", index, "LOC") is None


def test_tokens_far_apart_in_length_never_reach_the_token_floor():
    """The length bound score_tokens checks before scoring a pair only skips pairs that could not have counted."""
    def words(n: int, letters: str = "akt") -> list[str]:
        return ["".join(p) for p in product(letters, repeat=n)]
    pairs = [(a, b) for short, long in ((words(2), words(5)), (words(3), words(8, "ak"))) for a in short for b in long]
    pairs += [("abdrahman", "abdu"), ("kadafi", "kadafiabdrahman"), ("ali", "alitrumb"), ("mu", "mukamad")]
    skipped = [(a, b) for a, b in pairs if not len(a) * _LENGTH_RATIO <= len(b) <= len(a) / _LENGTH_RATIO]
    assert skipped and all(_token_similarity(a, b) < TOKEN_MIN for a, b in skipped)
    assert 3 < _SHORTER_SHARE * 11 and not 3 < _SHORTER_SHARE * 10  # 3 letters of 10 in all: the bound's edge
    assert all((min(a, b) >= _SHORTER_SHARE * (a + b)) == (a * _LENGTH_RATIO <= b <= a / _LENGTH_RATIO)
               for a in range(1, 40) for b in range(1, 40))
