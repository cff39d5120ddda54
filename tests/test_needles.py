"""Required strings of a regex, and the first-match engine the line rules run in: same answers as trying each rule."""

import re
import string
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.clean import line_rules
from transforms.clean.needles import _TO_ASCII, FirstMatch, fold, required_strings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_required_strings_of_literals_branches_and_repeats():
    assert required_strings(re.compile(r"^write to\b.*@")) == {"write to"}
    # the parser factors out the branches' common "s"; the longer of the two required sets serves
    assert required_strings(re.compile(r"(?:sign up|subscribe) now", re.I)) == {"ign up", "ubscribe"}
    assert required_strings(re.compile(r"\b(?:hide|show) caption \d", re.I)) == {" caption "}
    assert required_strings(re.compile(r"(?:photo|image)s?: \w+", re.I)) == {"photo", "image"}
    assert required_strings(re.compile(r"(?:ab)+cd?", re.I)) == {"ab"}


def test_no_required_string_when_a_branch_or_repeat_may_be_empty_or_the_case_rule_changes():
    assert required_strings(re.compile(r"(?i:by) \d")) == {" "}
    assert required_strings(re.compile(r"(?i:by)\d")) is None
    assert required_strings(re.compile(r"(?-i:By)\d", re.I)) is None
    assert required_strings(re.compile(r"^[\W_]+$")) is None
    assert required_strings(re.compile(r"(?:read more)?\d+")) is None
    assert required_strings(re.compile(r"foo|\d+")) is None


def test_caseless_needles_are_lower_case_and_keep_no_cased_non_ascii_letter():
    # each ASCII stretch is required: the longest serves
    assert required_strings(re.compile(r"Çavuşoğlu said", re.I)) == {"lu said"}
    assert required_strings(re.compile(r"^(?:©|copyright)", re.I)) == {"©", "copyright"}
    assert required_strings(re.compile(r"Çavuşoğlu")) == {"Çavuşoğlu"}


def test_fold_maps_every_character_an_ignore_case_regex_matches_to_ascii():
    # Every non-ASCII character that an ignore-case regex matches to an ASCII one is mapped by fold, one for one.
    text = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    found = {ord(c) for a in string.printable for c in re.findall(re.escape(a), text, re.I)}
    assert found == set(_TO_ASCII)
    assert fold("KELVIN \u212a, \u017fign, \u0130stanbul, \u0131") == "kelvin k, sign, istanbul, i"
    # '©' is matched by itself alone, so it can be a needle as it is.
    assert re.findall("©", text, re.I) == ["©"]


def test_first_match_keeps_order_word_limits_and_predicates():
    engine = FirstMatch([
        ("ad", 3, re.compile(r"^advertisement$", re.I)),
        ("short", 2, lambda line: line.islower()),
        ("photo", 40, re.compile(r"\bphoto by \w+", re.I)),
        ("any_photo", 40, re.compile(r"photo", re.I)),
    ])
    assert engine("ADVERTISEMENT") == "ad"
    assert engine("two words") == "short"
    assert engine("a Photo by Jane Doe in Ankara") == "photo"
    assert engine("a photograph of three words and more") == "any_photo"
    assert engine("nothing to remove in this line at all") is None
    assert engine("PHO\u0130TO by ſomeone") is None  # 'İ' breaks the needle 'photo', as it breaks the regex


def _one_by_one(line: str) -> str | None:
    return next((rule.name for rule in line_rules.LINE_RULES if rule.test(line)), None)


def _lines() -> list[str]:
    examples = [e for rule in line_rules.LINE_RULES for e in rule.removes + rule.keeps]
    seeds = [line.strip() for path in sorted(SEEDS.glob("articles/*.txt")) for line in path.read_text().splitlines()]
    return examples + [line for line in seeds if line]


def test_line_reason_equals_trying_every_rule_in_turn_on_examples_and_seeds():
    lines = _lines()
    assert len(lines) > 150
    assert [line_rules.line_reason(line) for line in lines] == [_one_by_one(line) for line in lines]
    assert sum(line_rules.line_reason(line) is not None for line in lines) > 80


_PIECES = st.sampled_from([w for rule in line_rules.LINE_RULES for e in rule.removes for w in e.split()]
                          + ["\u0130", "\u0131", "\u017f", "\u212a", "©", "|", "/", "-", "2020", "of", ":"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=14), st.sampled_from(["", "SHARE ", "Photo: ", "Read more: "]))
def test_line_reason_equals_trying_every_rule_in_turn_on_generated_lines(words, head):
    line = head + " ".join(words)
    assert line_rules.line_reason(line) == _one_by_one(line)
