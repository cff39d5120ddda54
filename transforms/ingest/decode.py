"""Bytes -> normalised text: charset detection, a check that it reads as text, NFC, unified newlines; and mojibake
repair (ftfy) for text from any source."""

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import ftfy
from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer's "chaos": the share of a decoding that reads as noise. Real text in the right
# code page scores near 0; garbage scores 0.15 and up in every code page.
MAX_CHAOS = 0.1
# Control characters other than tab/newline/carriage return: a text file has a few at most.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


# What text in any language looks like, checked on a decoding before its character set is accepted (a file of one
# byte repeated decodes "successfully" in some code page as one character thousands of times). Short texts are
# judged on the shares alone; from SHAPED characters on, on their shape too.
MIN_LETTERS = 0.5        # letters among the non-space characters (digits and punctuation are the rest)
MAX_ODD = 0.01           # control, private-use, unassigned characters and replacement marks
MAX_COMMONEST = 0.35     # the commonest non-space character (in English 'e' is about 12%)
MAX_WORD = 25.0          # mean length of a run without whitespace, in scripts that separate words
SHAPED = 16
# Scripts written without spaces between words: their texts are judged without the word-length rule.
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")
MIN_DISTINCT = 20        # distinct characters an unspaced text uses at the least (a tenth of a short one's length)
# Markup that is not text to read: scripts, styles, comments, tags, entities (an HTML page is judged on the rest).
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>|&#?\w+;", re.S | re.I)


@dataclass(frozen=True)
class Decoded:
    """The text of one input, or the reason it could not be read as text."""

    text: str | None
    encoding: str | None
    error: str | None


def normalise_text(text: str) -> str:
    """Any text -> NFC, '\\n' newlines, no NUL or stray control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\x00", "").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def _sniff(data: bytes) -> str | None:
    """'binary', a BOM-less UTF-16 variant, or None for 'ordinary text bytes'."""
    sample = data[:8192]
    half = max(len(sample) // 2, 1)
    if b"\x00" in sample:
        # UTF-16 without a BOM has a NUL in every other byte (ASCII range); binary formats have them anywhere.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > 0.4 * half and even < 0.05 * half:
            return "utf-16-le"
        if even > 0.4 * half and odd < 0.05 * half:
            return "utf-16-be"
    # A few stray NULs or control bytes in text are dropped by normalise_text; many mean a binary format.
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)  # NUL included
    return "binary" if controls > 0.02 * max(len(sample), 1) else None


def _unspaced(letters: list[str]) -> bool:
    """Most letters are of scripts written without spaces between words."""
    sample = letters[:: max(1, len(letters) // 200)]
    return sum(unicodedata.name(c, "").startswith(_UNSPACED) for c in sample) > len(sample) / 2


def text_problem(text: str) -> str | None:
    """Decoded text -> None if it reads as text in some language, else why not (letters too few, odd characters,
    one character repeated, no words)."""
    solid = [c for c in text if not c.isspace()]
    if not solid:
        return None
    # C1 controls (U+0080-U+009F) are left out: in text they are mojibake, which ingest repairs
    odd = sum((unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs") and not "\x80" <= c <= "\x9f") or c == "\ufffd"
              for c in solid)
    if odd > MAX_ODD * len(solid):
        return "control or private-use characters"
    letters = [c for c in solid if c.isalpha()]
    if len(letters) < MIN_LETTERS * len(solid):
        return "too few letters"
    if len(solid) < SHAPED:
        return None
    counts = Counter(solid)
    if counts.most_common(1)[0][1] > MAX_COMMONEST * len(solid):
        return "one character repeated"
    if not _unspaced(letters):
        return "no words: too little whitespace" if len(solid) / max(1, len(text.split())) > MAX_WORD else None
    # without spaces there are no words to count: a text uses many distinct characters instead
    return "a few characters repeated" if len(counts) < min(MIN_DISTINCT, len(solid) / 10) else None


def _accepted(text: str, encoding: str, html: bool) -> "Decoded":
    """A decoding, if it reads as text (an HTML page: the text between its tags); else binary content."""
    text = normalise_text(text)
    if not text.strip():  # byte-order marks or spaces alone; in a code page, a byte that reads as a space repeated
        return Decoded(None, None, "empty file" if encoding.startswith("utf") else
                       f"binary content, not text (only whitespace as {encoding})")
    problem = text_problem(_MARKUP.sub(" ", text) if html else text)
    if problem:
        return Decoded(None, None, f"binary content, not text ({problem} as {encoding})")
    return Decoded(text, encoding, None)


# Detectors cannot tell the Western single-byte code pages apart on short texts (equal scores);
# for news in Latin script cp1252 is by far the likeliest of a tie, then latin-1.
_TIE_PREFERENCE = ("cp1252", "latin_1", "iso8859_15")


def _best_match(data: bytes):
    matches = list(from_bytes(data))
    if not matches:
        return None
    ties = [m for m in matches if m.chaos <= matches[0].chaos + 1e-9]
    for wanted in _TIE_PREFERENCE:
        for match in ties:
            if match.encoding == wanted:
                return match
    return matches[0]


def decode_bytes(data: bytes, html: bool = False) -> Decoded:
    """Raw bytes (of an HTML page if html) -> Decoded(text, encoding) or Decoded(error=reason); never raises."""
    if not data or not data.strip():
        return Decoded(None, None, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _accepted(data.decode(encoding), encoding, html)
            except UnicodeDecodeError:
                return Decoded(None, None, f"undecodable bytes after a {encoding} byte-order mark")
    sniffed = _sniff(data)
    if sniffed == "binary":
        return Decoded(None, None, "binary content, not text")
    if sniffed:
        try:
            return _accepted(data.decode(sniffed), sniffed, html)
        except UnicodeDecodeError:
            return Decoded(None, None, f"undecodable bytes: looks like {sniffed} but does not decode")
    try:
        return _accepted(data.decode("utf-8"), "utf-8", html)
    except UnicodeDecodeError:
        pass
    best = _best_match(data)
    if best is None:
        return Decoded(None, None, "undecodable bytes: no character set fits")
    if best.chaos > MAX_CHAOS:
        return Decoded(None, None, f"undecodable bytes: no character set fits (best guess {best.encoding} "
                                   f"reads as {best.chaos:.0%} noise)")
    text = str(best)
    if text.count("\ufffd") > 0.01 * len(text):
        return Decoded(None, None, f"undecodable bytes: best guess {best.encoding} yields replacement characters")
    return _accepted(text, best.encoding, html)


# Mojibake of UTF-8 read as cp1252 or latin-1 ('â€œ', 'Ã©') puts a lead-byte letter before a continuation-byte
# character, and stray C1 controls stand for cp1252 punctuation: only a text with one of these is given to ftfy,
# which decides (its own checks take seconds on long texts; this look costs microseconds).
_SUSPECT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                      "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\u0080-\u009f]")


def repair_text(text: str | None) -> tuple[str | None, str | None]:
    """Text -> (text with mojibake repaired, how: 'windows-1252 -> utf-8' or None if nothing was wrong).

    Only the encoding is repaired (ftfy's fix_encoding): quotes, dashes and everything else stay as written."""
    if not text or text.isascii() or not _SUSPECT.search(text):
        return text, None
    fixed = ftfy.fix_encoding_and_explain(text)
    if fixed.text == text:
        return text, None
    steps = [name.removeprefix("sloppy-") if kind in ("encode", "decode") else name.replace("_", " ")
             for kind, name in fixed.explanation or [] if kind in ("encode", "decode", "transcode")]
    return fixed.text, " -> ".join(dict.fromkeys(steps)) or "mojibake"
