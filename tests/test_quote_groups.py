import pyarrow as pa
import pytest

from tests.test_quotes import ENTITIES, HURRIYET, PRESS_TV
from transforms.mentions import extract_mentions
from transforms.quote_groups import candidate_pairs, group_quotes, is_same_quote, quote_words
from transforms.quotes import extract_quotes
from warehouse.contracts import QUOTE_MATCHES, QUOTES, conform

LONG = "In Libya, we are supporting the legitimate government and the French government is supporting a warlord."


@pytest.mark.parametrize("text, expected", [
    ("In Libya, we’re “supporting” it.", ["in", "libya", "were", "supporting", "it"]),
    ("Kalın SAID don't", ["kalin", "said", "dont"]),
])
def test_quote_words(text, expected):
    assert quote_words(text) == expected


@pytest.mark.parametrize("a, b, expected", [
    (LONG, LONG.upper().replace(",", ""), True),  # case and a dropped comma
    (LONG, LONG.replace("a warlord", "an illegitimate warlord"), True),  # a few changed words
    (LONG, "we are supporting the legitimate government and the French government", True),  # one outlet's part
    ("This is the position of the GNA, and we support it because the Haftar forces are using these locations",
     "This is the position of the GNA and we support it because the Haftar forces are using locations against the"
     " legitimate government", True),
    # Sharing a common phrase is not sharing a quote.
    ("We are supporting the legitimate government of Libya in every way we can",
     "Russia said it was supporting the legitimate government too, but sent mercenaries", False),
    ("the legitimate government", LONG, False),  # too short to be matched by containment
    (LONG, "France for us is an important NATO ally. It is an important country in Europe.", False),
])
def test_is_same_quote(a, b, expected):
    assert is_same_quote(quote_words(a), quote_words(b)) is expected


def _quotes(rows: list[tuple[str, str, bool]]) -> pa.Table:
    return pa.Table.from_pylist([{
        "doc_id": qid.split(":")[0], "quote_id": qid, "text": text, "speaker_entity_id": None,
        "speaker_surface": None, "attribution": None, "start_char": 0, "end_char": len(text),
        "count_words": len(text.split()), "is_fragment": fragment,
    } for qid, text, fragment in rows], schema=QUOTES)




def test_group_quotes_links_copies_and_parts_but_not_fragments_or_other_quotes():
    quotes = _quotes([
        ("b:0", LONG.replace(",", ""), False),
        ("a:1", "“" + LONG + "”", False),
        ("c:0", "we are supporting the legitimate government and the French government", False),
        ("c:1", "France for us is an important NATO ally. It is an important country in Europe.", False),
        ("a:0", "jeopardizing", True),
    ])
    found = {r["quote_id"]: r["quote_group_id"] for r in conform(group_quotes(quotes),
                                                                 QUOTE_MATCHES).to_pylist()}
    assert found == {"b:0": "a:1", "a:1": "a:1", "c:0": "a:1", "c:1": "c:1"}


def test_blocking_compares_only_quotes_sharing_words():
    words = [quote_words(f"Speaker number {n} said something entirely their own today") for n in range(300)]
    assert candidate_pairs(words[:2]) == {(0, 1)}
    assert len(candidate_pairs(words)) < 300 * 3  # a 4-gram all of them share is compared in line, not all pairs
    assert candidate_pairs([words[0], quote_words("Nothing in common with the others at all here")]) == set()
    shared = [quote_words(LONG)] * 300
    assert len(candidate_pairs(shared)) < 300 * 10  # linear, not 300 * 299 / 2
    quotes = _quotes([(f"d{n}:0", LONG, False) for n in range(300)])
    assert {r["quote_group_id"] for r in group_quotes(quotes).to_pylist()} == {"d0:0"}


def test_seed_quotes_group_across_hurriyet_and_press_tv():
    articles = pa.table({"doc_id": ["hurriyet", "presstv"], "body": [HURRIYET, PRESS_TV]})
    mentions, _ = extract_mentions(articles, ENTITIES)
    quotes = extract_quotes(articles, mentions, ENTITIES)
    groups: dict[str, set] = {}
    for row in group_quotes(quotes).to_pylist():
        groups.setdefault(row["quote_group_id"], set()).add(row["quote_id"].split(":")[0])
    text = dict(zip(quotes["quote_id"].to_pylist(), quotes["text"].to_pylist(), strict=True))
    shared = sorted(text[g][:30] for g, docs in groups.items() if docs == {"hurriyet", "presstv"})
    assert shared == ["In Libya, we are supporting th", "This is the position of the GN"]
    assert len(groups) == len(shared) + 3  # the other quotes stay alone
