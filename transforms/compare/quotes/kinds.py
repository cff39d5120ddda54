"""What a quoted stretch is: someone's speech, the title of a work or a headline, a scare-quoted term, or other words
(a hypothetical, the writer's imagined voice). Only speech goes into shared quotes and speaker counts.

Speech: a clause introduces it ('X said', 'X said: “…”'), or it is a sentence on its own (or a whole sentence after
a colon), or it is longer than a few words. Title: Title Case or capitals with no clause carrying it ('The Kid Who
Would Be King'), or named as a work ('the film “…”', 'headlined “…”', 'CNN’s “State of the Union”'); a programme or
book named where it is shown or written is a title even next to a speech verb ('asked on Fox News' “The Story”', 'the
author of “…”'). Term: a few
words inside the writer's sentence ('called it a “foolish” move'). Other: words introduced as imagined ('as if to
say “…”') or sung ('A few of the lyrics: “…”').
"""

import re

FRAGMENT_WORDS = 4  # a quoted phrase this short is a term unless a clause introduces it or it is a sentence alone
_WORKS = (r"\b(?i:film|movie|book|novel|memoir|show|series|sitcom|song|album|documentary|play|musical|episode|program|"
          r"programme|podcast|headline|headlined|titled|entitled|column|op-ed|essay|poem|hashtag|slogan|banner|exhibit|"
          r"exhibition|painting|magazine|newspaper|report|author|authored)")
_NAMED_WORK = re.compile(rf"{_WORKS}\s*(?::\s*|\s+(?:[\w’'\-]+:?\s+){{0,2}})$")  # 'His latest book is: “…”'
_WORK = re.compile(rf"(?:{_WORKS}|[A-Z][\w.&]*[’']s)\s+(?:[\w’'\-]+\s+){{0,2}}$")
# A programme named where someone appears: 'asked on Fox News' “…”', 'On “Hardball” that night', 'on CBS' “…”'.
_ON_SHOW = re.compile(r"\b(?i:on)\s+(?:[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3}[’']s?\s+)?$")
_IMAGINED = re.compile(r"\b(?i:as\s+if(?:\s+to\s+say)?|as\s+though|imagine|imagining|pretend(?:ing)?|think|thinking|"
                       r"(?:would|might|could)\s+(?:say|ask|think)|something\s+like|along\s+the\s+lines\s+of)"
                       r"\s*[,:]?\s*$")
# A name given with no one giving it: 'what is called “embodied cognition”', 'the so-called “caliphate”', 'known as'.
_NAMED_AS = re.compile(r"\b(?i:what\s+(?:is|are|was|were|has\s+been|have\s+been|some|many|others|critics)\s+"
                       r"(?:now\s+|often\s+|sometimes\s+)?(?:called|call|dubbed|dub|termed|term|labeled|labelled)|"
                       r"so-called|(?:also\s+|widely\s+)?known\s+as|referred\s+to\s+as)\s*$")
# A song's words are sung, not said: 'A few of the lyrics: “…”', 'he sang “…”'.
_SUNG = re.compile(r"\b(?i:lyrics?|sang|sings|singing|crooned|crooning|refrain|chorus)\b"
                   r"[^.!?“”\"]{0,40}[,:]?\s*$")
# A programme's or a book's role right after its title: '“Today” co-host Savannah Guthrie', '“Fear” author Bob
# Woodward'.
_ROLE_AFTER = re.compile(r"[”\"’']?\s+(?:co-)?(?:host|anchor|star|author|creator|producer|editor|columnist|"
                         r"correspondent|presenter|moderator|showrunner|writer|director)s?\b")
# A whole sentence after a colon ('told Reuters: “Everything has been lost.”') is speech, however short.
_SENTENCE_AFTER_COLON = re.compile(r":\s*[A-Z][^:]*[.!?…]$")
_SMALL = frozenset("a an the of and or to in on at for by with from as is be vs nor but".split())
_WORDS = re.compile(r"[^\W\d_][\w’'\-]*")


def is_title_case(text: str, least: int = 2) -> bool:
    """'The Kid Who Would Be King', 'STATE OF THE UNION' -> True; 'We will win.' -> False; a single capitalised word
    ('Hardball') only when `least` is 1."""
    words = _WORDS.findall(text)
    if len(words) < least or len(words) > 12 or text.rstrip()[-1:] in ".,;":
        return False
    if text.isupper():
        return True
    return words[0][0].isupper() and all(w[0].isupper() for w in words if w.casefold() not in _SMALL)


# The patterns read on the sentence before a quote end it: those but _SUNG span five of its words at most (runs of
# non-space characters: 'what has been sometimes called', 'as if to say ,'), _SUNG its word and 41 characters (8 +
# 41). A search from where they may start finds what one over the whole sentence finds, without trying every
# position of a long sentence.
_TAIL_WORDS = 5
_SUNG_REACH = 49


def _last_words(before: str) -> int:
    """Where the last _TAIL_WORDS words of the text start (0 for a text of fewer)."""
    words = before.rsplit(None, _TAIL_WORDS)
    return len(words[0]) if len(words) > _TAIL_WORDS else 0


def quote_kind(before: str, text: str, carried: bool, alone: bool, after: str = "") -> str:
    """Sentence text before a quote, its words, whether a clause introduces it, whether it is a sentence alone, the
    text after it -> 'speech', 'title', 'term' or 'other'."""
    if _ROLE_AFTER.match(after) and is_title_case(text.rstrip(".,"), 1):
        return "title"  # '“Today” co-host Savannah Guthrie asked': the programme of the role after it
    tail = _last_words(before)
    if (_NAMED_WORK.search(before, tail) or _ON_SHOW.search(before, tail)) and \
            is_title_case(text.rstrip(".").split(":")[0], 1):
        return "title"  # a work named where it is shown or written, even next to a speech verb
    if _SUNG.search(before, max(0, len(before.rstrip()) - _SUNG_REACH)):
        return "other"
    if _NAMED_AS.search(before, tail) and len(text.split()) <= FRAGMENT_WORDS + 2:
        return "term"
    if carried:
        return "speech"
    if _WORK.search(before, tail) and (is_title_case(text) or len(text.split()) <= FRAGMENT_WORDS):
        return "title"
    if is_title_case(text):
        return "title"
    if _IMAGINED.search(before, tail):
        return "other"
    if len(text.split()) <= FRAGMENT_WORDS and not alone and not _SENTENCE_AFTER_COLON.search(before + text):
        return "term"
    return "speech"
