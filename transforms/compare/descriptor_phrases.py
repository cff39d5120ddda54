"""A name's mention in its text -> the descriptors written around it: the words right before it ('renegade General
Khalifa Haftar': 'premodifier'), an appositive after it ('Haftar, a former army commander,' -> 'former army
commander') and a copular phrase ('Haftar is a former general'). Each is a regular expression over a short window
around the mention: no parser.
"""

import re
from functools import lru_cache

from transforms.compare import descriptor_words as vocab
from transforms.lexicon import NOT_NAMES, is_demonym

_WINDOW = 100  # characters left of a name: room for the six words a premodifier may have
_MAX_WORDS = 6
_WORD = re.compile(r"(?:[A-Z]\.){2,}(?:-[\w-]*[^\W_])?|(?:" + "|".join(vocab.TITLE_ABBREVIATIONS)
                   + r")\.|[^\W_](?:[\w'’.-]*[^\W_])?|\S")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.?)*\s+[A-Z][a-z]+")  # 'John Calhoun', 'George W. Bush'
# After an adjective alone, a verb or punctuation shows the name is its noun: 'embattled Assad said'.
_ALONE_FOLLOWERS = vocab.ROLE_FOLLOWERS - {"and", "or", "but"}
MODIFIERS = vocab.ADJECTIVES | vocab.NOUN_MODIFIERS
_BARE_STARTS = vocab.ROLE_NOUNS | MODIFIERS  # an appositive without a/an/the opens with one of these
_ANY_HEAD = vocab.ROLE_NOUNS | vocab.THING_NOUNS
_PREPOSITIONS = frozenset({"of", "for", "to", "at", "in", "on", "from", "with", "under", "since", "turned"})
_PHRASE_GLUE = frozenset({"a", "an", "the", "and"}) | _PREPOSITIONS
_PHRASE = r"([^,;:.!?()\[\]\"“”—–]{2,120}?)"
_END = r"(?=\s*(?:[,;:!?()\[\]\"“”—–]|\.(?:\s|$)|--|$)|\s(?:who|whom|whose|which|that|and|but|when|after)\b)"
_APPOSITIVE = re.compile(r"(,|\s*--|\s*[—–])\s+(?:(a|an|the)\s+)?" + _PHRASE + _END)
_COPULAR = re.compile(r"\s+(?:is|was|remains|remained|became|has been|had been)\s+(?:a|an|the)\s+" + _PHRASE + _END)
# 'Kalin, the foreign minister, and ...', 'Russia, the American Nazi Party, North Korea,': a list, not a description.
_LIST_GOES_ON = re.compile(r"\s*,\s*(?:and|or)\b|\s*,\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*,")


def _sentence_start(body: str, pos: int) -> bool:
    before = body[max(0, pos - 40):pos].rstrip(" \t\u00a0")  # a slice, not the whole body: this runs per word
    return not before or before[-1] in ".!?\n\"“”:;"


def _title_case(body: str, pos: int) -> bool:
    """Whether the line around pos is a headline in Title Case, where capitals say nothing about names."""
    return _title_case_line(body[body.rfind("\n", 0, pos) + 1:body.find("\n", pos) % (len(body) + 1)])


@lru_cache(maxsize=1 << 12)  # the words of one paragraph are asked about again and again
def _title_case_line(line: str) -> bool:
    """A line -> whether most of its words of four letters or more are capitalised (three such words at least)."""
    long = [w for w in _LETTER_WORD.findall(line) if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _proper(body: str, tok: re.Match, named: set[int]) -> bool:
    """A capitalised word that may modify a role ('Libyan National Army general'), not a sentence opener."""
    word = tok.group()
    if not word[0].isupper() or word.casefold() in NOT_NAMES or word.casefold() in vocab.HONORIFICS:
        return False
    if tok.start() in named or is_demonym(word):
        return True
    return not _sentence_start(body, tok.start()) and not _title_case(body, tok.start())


def _step(word: str, phase: str | None, proper: bool) -> str | None:
    """Phase after taking a word leftwards into a premodifier ('head' nouns, then 'adjective's), or None to stop."""
    lower = word.casefold()
    if vocab.is_possessive(word) or lower in vocab.STOPWORDS or lower in vocab.HONORIFICS or not word[0].isalnum():
        return None
    if lower in vocab.ADJECTIVES or vocab.is_compound(word):
        return "adjective"
    if phase is None:  # the word next to the name must be a role or an adjective
        return "head" if vocab.is_role_word(word) else None
    if phase == "head" and (vocab.is_role_word(word) or lower in vocab.NOUN_MODIFIERS):
        return "head"
    return phase if proper else None


def _may_premodify(body: str, start: int) -> bool:
    """Whether the word right before a name can open a premodifier: a role or an adjective after a space. Most words
    before a name cannot, so this short look saves tokenising the whole window for them."""
    left = body[max(0, start - 120):start]
    stripped = left.rstrip(" \u00a0")
    spaces = len(left) - len(stripped)
    if spaces == 0 or spaces >= 40:
        return spaces != 0  # no space before the name; or a long run of them, left to the full reading
    floor = max(0, len(stripped) - 40)
    space = max(stripped.rfind(" ", floor), stripped.rfind("\u00a0", floor))
    if space < 0 and start - spaces > 40:
        return True  # a word too long to look at cheaply: the full reading decides
    return _opens_premodifier(stripped[space + 1:])


@lru_cache(maxsize=1 << 14)  # the word before a name is most often one of a few hundred ('the', 'said', 'President')
def _opens_premodifier(chunk: str) -> bool:
    """The last run of non-space characters before a name -> whether it ends in a word that may open a premodifier."""
    if chunk.isalpha():
        return _step(chunk, None, False) is not None
    word = next(reversed(list(_WORD.finditer(chunk))), None)
    return word is not None and word.end() == len(chunk) and _step(word.group(), None, False) is not None


def _premodifier(body: str, start: int, named: set[int]) -> tuple[int, int] | None:
    """Span of the words right before a name that describe it ('renegade General'), or None."""
    if not _may_premodify(body, start):
        return None
    toks = list(_WORD.finditer(body, max(0, start - _WINDOW), start))
    kept, phase, right = [], None, start
    for i in range(len(toks) - 1, -1, -1):
        tok, gap = toks[i], body[toks[i].end():right]
        if not gap or gap.strip(" \u00a0") or len(kept) == _MAX_WORDS:
            break
        word = tok.group()
        if word == "and" and kept and i and phase == "head" and _titled(toks[i - 1].group()) \
                and _titled(toks[kept[-1]].group()):
            kept.append(i)  # 'Treasury and Finance Minister' is one title
            right = tok.start()
            continue
        phase = _step(word, phase, _proper(body, tok, named))
        if phase is None:
            if kept and word.casefold() in vocab.SUBJECTS and toks[kept[-1]].group().islower():
                return None  # 'which I judge Trump', 'they head Hamas': the role word is a verb
            break
        kept.append(i)
        right = tok.start()
        if _sentence_start(body, tok.start()):
            break
    return (toks[kept[-1]].start(), toks[kept[0]].end()) if kept else None


def _titled(word: str) -> bool:
    return word[:1].isupper() and (word.casefold() in vocab.NOUN_MODIFIERS or vocab.is_role_word(word))


def _premodifier_text(body: str, span: tuple[int, int]) -> str:
    """The words as written, but a sentence opening's grammatical capital dropped ('Warlord' -> 'warlord')."""
    text = body[span[0]:span[1]]
    first, _, rest = text.partition(" ")
    if _sentence_start(body, span[0]) and (first.casefold() in vocab.DESCRIPTIVE or vocab.is_compound(first)) \
            and (not rest or rest[:1].islower()):
        return first[:1].lower() + text[1:]
    return text


def _noun_phrase(phrase: str, heads: frozenset[str], has_article: bool) -> int:
    """Length of the part of a phrase after a name that describes it ('former army commander'), 0 if none.

    A second prepositional phrase is cut off: 'ally of the Syrian regime of President Assad' -> 'ally of the Syrian
    regime'."""
    words = phrase.split()
    if not words or len(words) > 12 or any(w.casefold() in vocab.STOPWORDS - _PHRASE_GLUE for w in words):
        return 0
    first = words[0]
    if not has_article and not (first.casefold() in _BARE_STARTS or vocab.is_compound(first) or is_demonym(first)):
        return 0  # 'Russia, Egypt' is a list, 'Haftar, 76,' an age
    cuts = [n for n, w in enumerate(words) if w.casefold() in _PREPOSITIONS] + [len(words), len(words)]
    head, tail = cuts[0], cuts[1]  # the head noun ends words[:head]; one prepositional phrase runs to tail
    if not 0 < head <= 6 or words[head - 1].casefold() not in heads:
        return 0
    if head < len(words):
        if not 1 < tail - head <= 6:
            return 0  # 'a nation in' was cut short, or the phrase runs on
        if NAME_RUN.search(" ".join(words[head + 1:tail])) and words[head + 1].casefold() != "the":
            return 0  # 'Trump, Secretary of State Mike Pompeo' names a second person
    return [m.end() for m in re.finditer(r"\S+", phrase)][tail - 1]


def _after(body: str, end: int, heads: frozenset[str]) -> list[tuple[str, int, int]]:
    """Appositive and copular descriptors right after a name: (kind, start, end)."""
    found = []
    apposed = _APPOSITIVE.match(body, end)
    size = apposed and _noun_phrase(apposed.group(3), heads, bool(apposed.group(2)))
    # 'Kalin, the foreign minister, and the intelligence chief' is a list of people, not a description of Kalin.
    if size and not _LIST_GOES_ON.match(body, apposed.end()):
        found.append(("appositive", apposed.start(3), apposed.start(3) + size))
    copular = _COPULAR.match(body, end)
    size = copular and _noun_phrase(copular.group(1), heads, True)
    if size:
        found.append(("copular", copular.start(1), copular.start(1) + size))
    return found


def _kept(body: str, span: tuple[int, int], end: int, is_thing: bool) -> bool:
    """Whether the words before a name describe it rather than a noun after it ('former U.S. envoy')."""
    follower = re.match(r"(\s*)([^\W\d_]+|\S)?", body[end:end + 40])
    gap, nxt = follower.group(1), follower.group(2) or ""
    if vocab.is_role_word(body[span[0]:span[1]].split()[-1]):
        return not is_thing and not (gap and nxt.casefold() in vocab.ATTRIBUTIVE_NOUNS | vocab.ROLE_NOUNS)
    # An adjective alone must be followed by no noun: 'war-torn Libya.', 'embattled Assad said'.
    return nxt != "-" and (not nxt[:1].isalpha() or nxt in _ALONE_FOLLOWERS)


def head_words(text: str) -> set[str]:
    """Words of a descriptor up to its head noun: 'close ally of the president' -> {'close', 'ally'}."""
    words = [w.casefold() for w in text.split()]
    return set(words[:next((n for n, w in enumerate(words) if w in _PREPOSITIONS), len(words))])


def describe(doc_id: str, body: str, mentions: list[dict], persons: set[str], things: set[str]) -> list[dict]:
    """Premodifier, appositive and copular rows for the mentions of one article."""
    named = {m["start_char"] for m in mentions}
    rows = []
    for m in mentions:
        entity, start, end = m["entity_id"], m["start_char"], m["end_char"]
        heads = vocab.ROLE_NOUNS if entity in persons else vocab.THING_NOUNS if entity in things else _ANY_HEAD
        span = _premodifier(body, start, named)
        if span and _kept(body, span, end, entity in things):
            rows.append(row(doc_id, entity, _premodifier_text(body, span), "premodifier", span))
        before = body[max(0, start - 8):start]
        if "of" in before and _OF_BEFORE.search(before):
            continue  # in 'the president of the United States is ...' the phrase is about the president
        follower = body[end:end + 1]  # an appositive opens with a comma or a dash, a copular verb after a space
        if not (follower.isspace() or follower in ",-—–"):
            continue
        for kind, a, b in _after(body, end, heads):
            rows.append(row(doc_id, entity, body[a:b], kind, (a, b)))
    return rows


def row(doc_id: str, entity_id: str, text: str, kind: str, span: tuple[int, int]) -> dict:
    """A descriptor's words, kind and span -> its DESCRIPTORS row (spaces collapsed, a shouted phrase in title case)."""
    text = " ".join(text.split())
    if text.isupper() and len(text) > 5:  # a transcript's 'RUSSIAN PRESIDENT' is 'Russian President'
        text = text.title()
    return {"doc_id": doc_id, "entity_id": entity_id, "descriptor": text, "kind": kind,
            "start_char": span[0], "end_char": span[1], "is_quoted": False}
