"""Whole-page text: whether a document reads as a whole web page (menus around the prose), lines classed by length,
stopword density and shape for that test, and the runs of body lines and the comments heading the line model uses."""

import re

# English function words: running prose is dense with them, menus and link lists are not.
STOPWORDS = frozenset("""a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other our ours out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours yourself said says says told since who's it's he's
she's they're we're i'm don't didn't isn't wasn't aren't weren't won't can't couldn't wouldn't shouldn't has been
one two three many much new last first year years week people may might must also however""".split())
SHORT_CHARS = 70
GOOD_CHARS = 200
STOP_LOW = 0.15
STOP_HIGH = 0.30
SENTENCE_WORDS = 8
# This many short lines in a row are a menu or a link list, whatever surrounds them.
MENU_RUN = 3
# Article text may hold a list; a page has menus both above its first paragraph and below it: on each side at
# least this many bare labels standing in runs of short lines.
PAGE_MENU_LINES = 3
# A menu on one side only is a page too when its labels name a site's sections or services: an article's own list
# (candidates, products, names) almost never holds this many of them.
PAGENAV_LABELS = 3
_SECTIONS = (r"home|news|sports?|weather|business|entertainment|opinions?|world|local|national|politics|technology"
             r"|tech|health|travel|lifestyle|science|education|environment|obituaries|classifieds|jobs|careers|cars"
             r"|autos|motoring|property|real estate|dating|games|videos?|photos|(?:photo )?galleries|blogs|archives?"
             r"|contact(?: us)?|about(?: us)?|site ?map|help|advertise|subscribe|log ?in|register|sign in|search"
             r"|privacy(?: policy)?|terms of (?:use|service)|rss|newsletters|letters|editorials|columnists|features"
             r"|music|movies|tv|television|arts|culture|books|food|fashion|money|markets|finance|economy"
             r"|international|cricket|football|soccer|golf|tennis|rugby|basketball|baseball|hockey|community|events"
             r"|traffic|shopping|horoscopes|comics|puzzles|forums|multimedia|celebrities|gossip|homes|rentals")
NAV_LABEL = re.compile(rf"^(?:{_SECTIONS})(?: ?(?:&|and) ?(?:{_SECTIONS}))?(?: home| main| news)?\W*$", re.I)
# The story's paragraphs may be split by this many other lines (a subhead, a photo, an inline box).
MAX_GAP = 3
# ... once the story has begun: a comment count next to the headline opens no comment section.
COMMENTS_AFTER_WORDS = 100
NO_COMMENTS = re.compile(r"\b0 comments|comments \W*0\b", re.I)
COMMENTS_HEADING = re.compile(
    r"^[\W\d]*(?:(?:post|add|leave|read|view|show|see) (?:a |your |all |the )?comments?|(?:\d+ )?(?:reader |readers' "
    r"|user |your |latest |article |most recent (?:reader )?)?comments?\b(?: \(\d+\))?(?: so far)?|have your say"
    r"|talkback\b|join the discussion|discuss this (?:article|story)|your (?:views|thoughts|comments)\b"
    r"|what you think|showing comments\b|be the first to (?:comment|post)).{0,60}$", re.I)
SEPARATORS = re.compile(r"\s[|·•»›]\s|\s[|·•»›]$|^[|·•»›]\s")
_CLOSERS = "\"'”’) "
_LIST_ITEM = re.compile(r"^\s*(?:[•*·\-–—>?]|\d+[.)]|\(\d+\))")
_STRIP = "\"'“”‘’()[].,;:!?-–—"


def stopword_density(line: str) -> float:
    """Line -> share of its words that are English function words."""
    words = [w.strip(_STRIP).casefold() for w in line.split()]
    return sum(w in STOPWORDS for w in words) / max(len(words), 1)


def ends_a_sentence(line: str) -> bool:
    """A line -> whether it ends with a full stop, '!' or '?' (closing quotes and brackets aside)."""
    return line.rstrip(_CLOSERS).endswith((".", "!", "?"))


def _sentence(line: str) -> bool:
    return ends_a_sentence(line) and len(line.split()) >= SENTENCE_WORDS


def line_class(line: str) -> str:
    """Line -> 'good' (body prose), 'near' (prose-like), 'short' (undecided alone) or 'bad' (furniture)."""
    if len(SEPARATORS.findall(line)) >= 2:
        return "bad"
    if len(line) < SHORT_CHARS:
        return "near" if _sentence(line) and stopword_density(line) >= STOP_LOW else "short"
    density = stopword_density(line)
    if density >= STOP_HIGH or (density >= STOP_LOW and _sentence(line)):
        return "good" if len(line) > GOOD_CHARS or _sentence(line) else "near"
    return "near" if density >= STOP_LOW else "bad"


def _menus(classes: list[str]) -> list[str]:
    out, start = list(classes), 0
    for i in range(len(classes) + 1):
        if i < len(classes) and classes[i] in ("short", "bad"):
            continue
        if i - start >= MENU_RUN:
            out[start:i] = ["bad"] * (i - start)
        start = i + 1
    return out


def body_runs(classes: list[str], words: list[int]) -> list[tuple[int, int, int]]:
    """Line classes ('good' = body text) + words per line -> (first, last, words) of each run of body lines; body
    lines separated by at most MAX_GAP other lines belong to one run."""
    runs: list[list[int]] = []
    last = None
    for i, c in enumerate(classes):
        if c != "good":
            continue
        if last is not None and i - last - 1 <= MAX_GAP:
            runs[-1][1:] = [i, runs[-1][2] + words[i]]
        else:
            runs.append([i, i, words[i]])
        last = i
    return [(a, b, w) for a, b, w in runs]


def comments_start(lines: list[str], classes: list[str]) -> int:
    """Lines + classes -> index of a readers' comments heading once the story has run (len(lines) when none)."""
    body_words = 0
    for i, line in enumerate(lines):
        body_words += len(line.split()) if classes[i] == "good" else 0
        if body_words >= COMMENTS_AFTER_WORDS and COMMENTS_HEADING.match(line) and not NO_COMMENTS.search(line):
            return i
    return len(lines)


def _menu_item(line: str) -> bool:
    # A menu item is a bare label: no bullet or number before it, no colon or sentence end in it.
    return not _LIST_ITEM.match(line) and ":" not in line and not ends_a_sentence(line)


def _nav_labels(lines: list[str], menu: list[bool]) -> int:
    # Section names stand alone as menu items or side by side in a bar ('Home | News | Sport').
    items = [line for line, is_menu in zip(lines, menu, strict=True) if is_menu]
    for line in lines:
        if len(SEPARATORS.findall(line)) >= 2:
            items.extend(SEPARATORS.split(line))
    return sum(NAV_LABEL.match(item.strip()) is not None for item in items)


def looks_like_page(lines: list[str]) -> bool:
    """Lines -> True when they read as a whole web page (menus above and below the prose, or a site menu), not an
    article."""
    # A menu line is a short one (under SHORT_CHARS) and a bare label: without enough of them, no page.
    if sum(len(line) < SHORT_CHARS and _menu_item(line) for line in lines) < PAGE_MENU_LINES:
        return False
    raw = [line_class(line) for line in lines]
    menu = [a == "short" and b == "bad" and _menu_item(x) for a, b, x in zip(raw, _menus(raw), lines, strict=True)]
    prose = [i for i, c in enumerate(raw) if c == "good"]
    if not prose:
        return False
    before, after = sum(menu[: prose[0]]), sum(menu[prose[0]:])
    if before >= PAGE_MENU_LINES and after >= PAGE_MENU_LINES:
        return True
    return max(before, after) >= PAGE_MENU_LINES and _nav_labels(lines, menu) >= PAGENAV_LABELS
