"""Articles + mentions + quotes -> DESCRIPTORS: the words an outlet puts next to a name.

Kinds: 'premodifier' (the words right before a name: 'renegade General Khalifa Haftar'), 'appositive' ('Haftar, a
former army commander,' -> 'former army commander': a leading a/an/the is dropped so outlets compare on the words
that describe), 'copular' ('Haftar is a former general'), and 'role' ('the strongman', a definite noun phrase that
stands for the person last named, or for the person that role noun was attached to earlier in the article).
Everything is a regular expression over a short window around a mention: no parser.
"""

import re
from collections.abc import Iterable
from functools import cache, lru_cache, partial

import pyarrow as pa
import pyarrow.compute as pc

from transforms.compare import descriptor_words as vocab
from transforms.compare.quotes.speech import word_alternation
from transforms.lexicon import NOT_NAMES, is_demonym
from warehouse.contracts import DESCRIPTORS

# Only people are matched by a surname alone, so such a mention marks its entity as a person.
PERSON_MATCH_KINDS = frozenset({"surname", "surname_in_context"})
_WINDOW = 100  # characters left of a name: room for the six words a premodifier may have
_MAX_WORDS = 6
_ROLE_WINDOW = 400  # 'the strongman' stands for the person last named only if that name is this close
_ROLE_ALTERNATION = word_alternation(vocab.ROLE_NOUNS)  # a trie: longer nouns are tried before their prefixes
_WORD = re.compile(r"(?:[A-Z]\.){2,}(?:-[\w-]*[^\W_])?|(?:" + "|".join(vocab.TITLE_ABBREVIATIONS)
                   + r")\.|[^\W_](?:[\w'’.-]*[^\W_])?|\S")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.?)*\s+[A-Z][a-z]+")  # 'John Calhoun', 'George W. Bush'
# After an adjective alone, a verb or punctuation shows the name is its noun: 'embattled Assad said'.
_ALONE_FOLLOWERS = vocab.ROLE_FOLLOWERS - {"and", "or", "but"}
_MODIFIERS = vocab.ADJECTIVES | vocab.NOUN_MODIFIERS
_BARE_STARTS = vocab.ROLE_NOUNS | _MODIFIERS  # an appositive without a/an/the opens with one of these
_ANY_HEAD = vocab.ROLE_NOUNS | vocab.THING_NOUNS
_PERSON_ONLY = vocab.ROLE_NOUNS - vocab.THING_NOUNS
_PREPOSITIONS = frozenset({"of", "for", "to", "at", "in", "on", "from", "with", "under", "since", "turned"})
_PHRASE_GLUE = frozenset({"a", "an", "the", "and"}) | _PREPOSITIONS
_PHRASE = r"([^,;:.!?()\[\]\"“”—–]{2,120}?)"
_END = r"(?=\s*(?:[,;:!?()\[\]\"“”—–]|\.(?:\s|$)|--|$)|\s(?:who|whom|whose|which|that|and|but|when|after)\b)"
_APPOSITIVE = re.compile(r"(,|\s*--|\s*[—–])\s+(?:(a|an|the)\s+)?" + _PHRASE + _END)
_COPULAR = re.compile(r"\s+(?:is|was|remains|remained|became|has been|had been)\s+(?:a|an|the)\s+" + _PHRASE + _END)
# 'the' and 'The' as two patterns, each opening with its literal word and checking the word boundary behind it: the
# regex finds a literal opening with a fast string search, where one opening with \b or [Tt] tries far more places.
_ROLE_REST = r"\s+((?:[\w'’.-]+\s+){0,3}?)(?i:(" + _ROLE_ALTERNATION + r"))(['’]s)?\b(?![\w-])"
_ROLES = (re.compile(r"the(?<!\wthe)" + _ROLE_REST), re.compile(r"The(?<!\wThe)" + _ROLE_REST))

# 'Kalin, the foreign minister, and ...', 'Russia, the American Nazi Party, North Korea,': a list, not a description.
_LIST_GOES_ON = re.compile(r"\s*,\s*(?:and|or)\b|\s*,\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*,")
# 'Biden is the frontrunner', 'replaced Trump as the front-runner': these say what someone is and stand for no one.
_PREDICATE = re.compile(r"\b(?:is|are|was|were|be|been|being|as|become|becomes|became|remains|remained)\s+$")
_NAME_FOLLOWS = re.compile(r",\s+(?=[A-Z])")
# A role noun after a possessive and not before a name belongs to someone the text does not name.
_CLAIM = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|['’]s)\s+(?:[\w-]+\s+){0,2}?(?i:(" + _ROLE_ALTERNATION
                    + r"))\b(?![\w-])(?! [A-Z])")


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
        if _NAME_RUN.search(" ".join(words[head + 1:tail])) and words[head + 1].casefold() != "the":
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


def _head_words(text: str) -> set[str]:
    """Words of a descriptor up to its head noun: 'close ally of the president' -> {'close', 'ally'}."""
    words = [w.casefold() for w in text.split()]
    return set(words[:next((n for n, w in enumerate(words) if w in _PREPOSITIONS), len(words))])


def _describe(doc_id: str, body: str, mentions: list[dict], persons: set[str], things: set[str]) -> list[dict]:
    """Premodifier, appositive and copular rows for the mentions of one article."""
    named = {m["start_char"] for m in mentions}
    rows = []
    for m in mentions:
        entity, start, end = m["entity_id"], m["start_char"], m["end_char"]
        heads = vocab.ROLE_NOUNS if entity in persons else vocab.THING_NOUNS if entity in things else _ANY_HEAD
        span = _premodifier(body, start, named)
        if span and _kept(body, span, end, entity in things):
            rows.append(_row(doc_id, entity, _premodifier_text(body, span), "premodifier", span))
        before = body[max(0, start - 8):start]
        if "of" in before and _OF_BEFORE.search(before):
            continue  # in 'the president of the United States is ...' the phrase is about the president
        follower = body[end:end + 1]  # an appositive opens with a comma or a dash, a copular verb after a space
        if not (follower.isspace() or follower in ",-—–"):
            continue
        for kind, a, b in _after(body, end, heads):
            rows.append(_row(doc_id, entity, body[a:b], kind, (a, b)))
    return rows


def _row(doc_id: str, entity_id: str, text: str, kind: str, span: tuple[int, int]) -> dict:
    text = " ".join(text.split())
    if text.isupper() and len(text) > 5:  # a transcript's 'RUSSIAN PRESIDENT' is 'Russian President'
        text = text.title()
    return {"doc_id": doc_id, "entity_id": entity_id, "descriptor": text, "kind": kind,
            "start_char": span[0], "end_char": span[1], "is_quoted": False}


def _role_span(body: str, match: re.Match) -> tuple[int, int] | None:
    """Span of 'the <modifiers> <role>' without 'the' when it stands for a person, or None ('the general public')."""
    modifiers = match.group(1).split()
    for word in modifiers:
        lower = word.casefold()
        if lower in vocab.STOPWORDS or vocab.is_possessive(word) or not (
                lower in _MODIFIERS or vocab.is_compound(word) or word[0].isupper()):
            return None
    if not match.group(3):  # 'the strongman's forces' stands for him whatever follows
        nxt = re.match(r"\s*([^\W\d_]+|\S)?", body[match.end():match.end() + 40]).group(1)
        strict = match.group(2).casefold() in vocab.NOUN_LIKE_ROLES
        if nxt and nxt[0].isalpha() and (nxt[0].isupper() or strict and nxt.casefold() not in vocab.ROLE_FOLLOWERS):
            return None  # 'the general Haftar' is a premodifier, 'the general election' no role at all
    return (match.start(1) if modifiers else match.start(2)), match.end(2)


def _qualifiers(text: str) -> set[str]:
    """Words of a role phrase that narrow who it is: 'vice', 'foreign', 'Greek' ('embattled' narrows nothing)."""
    return {w.casefold() for w in text.split()[:-1]
            if w.casefold() in vocab.RANK_WORDS or w.casefold() in vocab.NOUN_MODIFIERS or w[0].isupper()}


def _unnamed_between(body: str, a: int, b: int, named: list[tuple[int, int]]) -> bool:
    """Whether a capitalised name the entity list does not know ('John Calhoun') stands between a and b."""
    return any(not any(s <= m.start() < e for s, e in named) for m in _NAME_RUN.finditer(body, a, b))


def _referent(pos: int, text: str, head: str, doc: tuple) -> str | None:
    """Person a role phrase at pos stands for: the one it was attached to, else the one just named, else None."""
    body, people, attached, claims, named = doc
    last = {entity: (start, end) for start, end, entity in people if end <= pos}
    known: dict[str, set[str]] = {}
    for start, entity, dwords in attached:
        if start < pos:
            known.setdefault(entity, set()).update(dwords)
    words, qualifiers = set(text.casefold().split()), _qualifiers(text)
    scored = [(len(words & dwords), last.get(entity, (-1,)), entity) for entity, dwords in known.items()
              if head in dwords and qualifiers <= dwords]
    if scored:
        return max(scored)[2]
    if head not in vocab.FALLBACK_ROLES or not last or claims().get(head, pos) < pos:
        return None
    (start, end), entity = max((span, e) for e, span in last.items())
    if pos - start > _ROLE_WINDOW or not qualifiers <= known.get(entity, set()) \
            or _unnamed_between(body, end, pos, named):
        return None  # too far back, or someone the entity list does not know was named since
    return entity


def _claims(body: str) -> dict[str, int]:
    """Body -> each role noun a possessive claims ('his deputy'), at its first claim."""
    return {m.group(1).casefold(): m.start() for m in reversed(list(_CLAIM.finditer(body)))}


def _role_matches(body: str) -> list[re.Match]:
    """Every 'the <modifiers> <role>' in a body, as one finditer of both patterns gives them: leftmost first, none
    overlapping the one before."""
    out, found = [], [pattern.search(body) for pattern in _ROLES]
    while any(found):
        match = min((m for m in found if m), key=re.Match.start)
        out.append(match)
        found = [m if m is None or m.start() >= match.end() else pattern.search(body, match.end())
                 for m, pattern in zip(found, _ROLES, strict=True)]
    return out


def _roles(doc_id: str, body: str, mentions: list[dict], persons: set[str], described: list[dict]) -> list[dict]:
    """'the strongman' -> a role row for the person it stands for."""
    people = sorted((m["start_char"], m["end_char"], m["entity_id"]) for m in mentions if m["entity_id"] in persons)
    if not people:
        return []
    attached = [(r["start_char"], r["entity_id"], _head_words(r["descriptor"]))
                for r in described if r["entity_id"] in persons]
    named = [(m["start_char"], m["end_char"]) for m in mentions]
    named_at = {m["start_char"]: m["entity_id"] for m in mentions}
    taken = [(r["start_char"], r["end_char"]) for r in described]
    claims = cache(partial(_claims, body))  # read only when a fallback role needs it: most texts never do
    doc, rows = (body, people, attached, claims, named), []
    for match in _role_matches(body):
        span = _role_span(body, match)
        if span is None or any(a < span[1] and span[0] < b for a, b in taken) \
                or _PREDICATE.search(body, max(0, match.start() - 12), match.start()):
            continue
        text, apposed = body[span[0]:span[1]], _NAME_FOLLOWS.match(body, match.end())
        if apposed:  # 'the dictator, Bashar al-Assad,' names its person at once, or someone the list does not know
            entity = named_at.get(apposed.end())
        else:
            entity = _referent(match.start(), text, match.group(2).casefold(), doc)
        if entity:
            rows.append(_row(doc_id, entity, text, "role", span))
            attached.append((match.start(), entity, set(text.casefold().split())))
    return rows


def _by_doc(rows: Iterable[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["doc_id"], []).append(row)
    return grouped


def _types(mentions: pa.Table, entities: pa.Table | None) -> tuple[set[str], set[str]]:
    """(persons, non-persons) known from the entity table, or persons told by surname-only mentions."""
    if entities is not None:
        kinds = dict(zip(entities["entity_id"].to_pylist(), entities["entity_type"].to_pylist(), strict=True))
        return {e for e, k in kinds.items() if k == "person"}, {e for e, k in kinds.items() if k != "person"}
    kinds = zip(mentions["entity_id"].to_pylist(), mentions["match_kind"].to_pylist(), strict=True)
    return {e for e, k in kinds if k in PERSON_MATCH_KINDS}, set()


def extract_descriptors(articles: pa.Table, mentions: pa.Table, quotes: pa.Table,
                        entities: pa.Table | None = None) -> pa.Table:
    """Articles (doc_id, body) + MENTIONS + QUOTES spans (+ ENTITIES for types) -> DESCRIPTORS, in text order."""
    by_doc = _by_doc(mentions.select(["doc_id", "entity_id", "start_char", "end_char"]).to_pylist())
    if "quote_kind" in quotes.column_names:  # reported speech is the writer's words, not quoted ones
        quotes = quotes.filter(pc.fill_null(pc.not_equal(quotes["quote_kind"], "indirect"), True))
    quoted = _by_doc(quotes.select(["doc_id", "start_char", "end_char"]).to_pylist())
    persons, things = _types(mentions, entities)
    out = []
    for doc_id, body in zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True):
        doc_mentions = by_doc.get(doc_id)
        if not doc_mentions:
            continue
        described = _describe(doc_id, body, doc_mentions, persons, things)
        # A name described by a person's role noun ('warlord') is a person even when only named in full.
        people = {m["entity_id"] for m in doc_mentions if m["entity_id"] in persons} | (
            {r["entity_id"] for r in described if _head_words(r["descriptor"]) & _PERSON_ONLY} - things)
        rows = described + _roles(doc_id, body, doc_mentions, people, described)
        spans = [(q["start_char"], q["end_char"]) for q in quoted.get(doc_id, [])]
        seen = set()
        for row in sorted(rows, key=lambda r: (r["start_char"], r["end_char"], r["entity_id"], r["kind"])):
            key = (row["entity_id"], row["kind"], row["start_char"], row["end_char"])
            if key not in seen:
                seen.add(key)
                row["is_quoted"] = any(a <= row["start_char"] and row["end_char"] <= b for a, b in spans)
                out.append(row)
    return pa.Table.from_pylist(out, schema=DESCRIPTORS)
