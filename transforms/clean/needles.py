"""Required words of a regex: strings one of which every match contains, read from the pattern's parse tree.

A cheap substring test on these rules a line out before the regex runs (the prefilter idea of RE2 and Hyperscan):
a line none of whose needles it contains cannot match, so skipping the regex changes no result. FirstMatch runs
named tests in order this way.
"""

import re
from collections.abc import Callable
from re import _constants as sre  # the parse tree's opcodes (stable across 3.11+)
from re import _parser

import ahocorasick

Needles = frozenset[str] | None  # None: the pattern has no required string (the regex must always run)

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def required_strings(pattern: re.Pattern) -> Needles:
    """Compiled regex -> strings one of which every match contains (lower case when it ignores case), or None."""
    caseless = bool(pattern.flags & re.IGNORECASE)
    return _sequence(list(_parser.parse(pattern.pattern, pattern.flags)), caseless)


# The only characters outside ASCII that an ignore-case regex matches to an ASCII one (Kelvin sign, long s, dotted
# and dotless i); mapped before lowering, one character for one, so that adjacent letters stay adjacent.
_TO_ASCII = {0x212A: "k", 0x17F: "s", 0x130: "i", 0x131: "i"}
_HAS_SPECIAL = re.compile("[\u212a\u017f\u0130\u0131]")


def fold(line: str) -> str:
    """A line -> its lower case form, in which an ignore-case regex's ASCII needles are found where it matches."""
    if _HAS_SPECIAL.search(line):
        line = line.translate(_TO_ASCII)
    return line.lower()


def _best(options: list[frozenset[str]]) -> Needles:
    """Alternative needle sets -> the most selective (longest shortest needle, then fewest needles)."""
    if not options:
        return None
    return max(options, key=lambda s: (min(map(len, s)), -len(s)))


def _sequence(items: list, caseless: bool) -> Needles:
    options, run = [], []

    def close_run():
        options.extend(frozenset({piece}) for piece in _pieces("".join(run), caseless))
        run.clear()

    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        close_run()
        found = _node(op, arg, caseless)
        if found:
            options.append(found)
    close_run()
    return _best(options)


def _node(op, arg, caseless: bool) -> Needles:
    if op is sre.SUBPATTERN:
        add_flags, del_flags = arg[1], arg[2]
        if (add_flags | del_flags) & re.IGNORECASE:  # (?i:...) or (?-i:...): its case rule is not the pattern's
            return None
        return _sequence(list(arg[-1]), caseless)
    if op in _REPEATS and arg[0] >= 1:
        return _sequence(list(arg[2]), caseless)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(arg), caseless)
    if op is sre.BRANCH:
        branches = [_sequence(list(branch), caseless) for branch in arg[1]]
        if any(found is None for found in branches):
            return None
        return frozenset().union(*branches)
    return None


def _pieces(run: str, caseless: bool) -> list[str]:
    """A literal run -> its needles: when caseless, lower-case stretches of ASCII and caseless symbols ('©')."""
    if not run:
        return []
    if not caseless:
        return [run]
    kept = "".join(c if c.isascii() or c.lower() == c == c.upper() else "\0" for c in run)
    return [piece.lower() for piece in kept.split("\0") if piece]


class FirstMatch:
    """Named tests in order (regex or predicate, with a word limit) -> the name of the first that a line passes.

    Every regex with needles of three or more characters runs only on lines holding one of them: all needles are
    found in one Aho-Corasick pass over the line (one pass for caseless regexes, one for the others).
    """

    def __init__(self, tests: list[tuple[str, int, re.Pattern | Callable[[str], object]]]):
        self._tests, words = [], ({}, {})
        for index, (name, max_words, test) in enumerate(tests):
            needles = required_strings(test) if isinstance(test, re.Pattern) else None
            gated = needles is not None and min(map(len, needles)) >= 3
            for needle in needles if gated else ():
                words[not test.flags & re.IGNORECASE].setdefault(needle, set()).add(index)
            self._tests.append((index, name, max_words, gated, test.search if isinstance(test, re.Pattern) else test))
        self._automata = tuple(_automaton(table) for table in words)

    def __call__(self, line: str) -> str | None:
        n_words, present = len(line.split()), None
        for index, name, max_words, gated, test in self._tests:
            if n_words > max_words:
                continue
            if gated:
                present = self._present(line) if present is None else present
                if index not in present:
                    continue
            if test(line):
                return name
        return None

    def _present(self, line: str) -> set[int]:
        """A line -> the indexes of the gated tests one of whose needles it holds."""
        present: set[int] = set()
        for automaton, text in zip(self._automata, (fold(line), line), strict=True):
            if automaton is not None:
                for _, indexes in automaton.iter(text):
                    present |= indexes
        return present


def _automaton(table: dict[str, set[int]]) -> ahocorasick.Automaton | None:
    if not table:
        return None
    automaton = ahocorasick.Automaton()
    for needle, indexes in table.items():
        automaton.add_word(needle, frozenset(indexes))
    automaton.make_automaton()
    return automaton
