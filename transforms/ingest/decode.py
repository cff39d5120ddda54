"""Bytes -> normalised text: charset detection, NFC, unified newlines."""

import codecs
import unicodedata
from dataclasses import dataclass

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


def decode_bytes(data: bytes) -> Decoded:
    """Raw bytes -> Decoded(text, encoding) or Decoded(error=reason); never raises."""
    if not data or not data.strip():
        return Decoded(None, None, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalise_text(data.decode(encoding)), encoding, None)
            except UnicodeDecodeError:
                return Decoded(None, None, f"undecodable bytes after a {encoding} byte-order mark")
    sniffed = _sniff(data)
    if sniffed == "binary":
        return Decoded(None, None, "binary content, not text")
    if sniffed:
        try:
            return Decoded(normalise_text(data.decode(sniffed)), sniffed, None)
        except UnicodeDecodeError:
            return Decoded(None, None, f"undecodable bytes: looks like {sniffed} but does not decode")
    try:
        return Decoded(normalise_text(data.decode("utf-8")), "utf-8", None)
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
    return Decoded(normalise_text(text), best.encoding, None)
