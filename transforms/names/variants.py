"""Unseen spellings of known names -> entities: skeleton keys for blocking, rarity-weighted fuzzy scoring."""

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel, JaroWinkler, Levenshtein

from transforms.lexicon import fold_word

_SPLIT = re.compile(r"[\s\-‐‑–—,./()&+:;\"“”]+")
# Arabic article forms; sun-letter forms ('ash-Sham', 'Az Zawiyah') assimilate to the next consonant.
_ARTICLES = frozenset({"al", "el", "il", "ul", "l"})
_SUN_ARTICLES = frozenset({"ad", "ed", "as", "es", "ash", "esh", "ar", "er", "at", "et", "az", "ez", "an", "en",
                           "ud", "ur", "us", "adh", "ath", "ehz", "ehl", "ehs", "ehr", "ehn", "eht", "ehd"})
_ALL_ARTICLES = _ARTICLES | _SUN_ARTICLES
# 'Abd al-Rahman', 'Abdel Rahman', 'Abdulrahman', 'Abdurrahman': one compound given name.
_ABD_FORMS = ("abdoul", "abdul", "abdel", "abdal", "abdol", "abdil", "abdu", "abdi", "abd")
# 'Nur al-Din', 'Nureddin', 'Nour Eddine': the '-din' compound.
_DIN_FORMS = ("eddine", "eddin", "uddin", "uddine", "addin", "aldin", "eldin", "ildin", "aldeen", "eldeen", "deen")
# Letter groups that transliterations of Arabic, Persian and Slavic names write differently.
_DIGRAPHS = (("x", "ks"), ("dzh", "j"), ("sch", "x"), ("sh", "x"), ("ch", "x"), ("kh", "K"), ("gh", "k"), ("dh", "d"),
             ("th", "t"), ("ph", "f"), ("ck", "k"), ("dj", "j"), ("zh", "j"), ("ou", "u"), ("oo", "u"),
             ("ee", "i"), ("ei", "i"), ("ey", "i"))
_LETTERS = str.maketrans({"q": "k", "g": "k", "c": "k", "w": "u", "v": "u", "o": "u", "e": "i", "y": "i"})
_VOWELS = re.compile(r"[aiu]")
# Voiced and voiceless pairs trade places across transliterations.
_CONSONANT_CLASSES = str.maketrans({"d": "t", "z": "s", "p": "b"})
# 'K' marks kh, read as k ('Khadafy', 'Gaddafi') or h ('Khums', 'Hums').
_AS_K, _AS_H = str.maketrans({"K": "k"}), str.maketrans({"K": "h"})
_DOUBLE = re.compile(r"(.)\1+")

TOKEN_MIN = 0.80      # two tokens count as one spelling at this similarity of skeletons and consonants
SHORT_MIN = 0.85      # ... and tokens of three letters or fewer, which must also share their consonant classes
MATCH_MIN = 0.82      # rarity-weighted share of both names that must agree
RARE_SHARE = 0.5      # some paired token must be about as rare as a token no known name has (idf share)
EXTRA_WEIGHT = 0.5    # weight of tokens only the longer name has
LONE_MIN_LETTERS = 5  # a lone word shorter than this is too often another word ('Mass', 'Ryan')
LONE_LETTERS_MIN = 0.7  # ... and must keep most of its letters to spell a known surname
AMBIGUITY_GAP = 0.04  # a runner-up entity this close to the best one makes the query ambiguous


@dataclass(frozen=True)
class Match:
    """The entity a query names, how well it agrees, and the known spelling it agreed with."""

    entity_id: str
    score: float
    matched_variant: str


@dataclass(frozen=True)
class VariantIndex:
    """Known spellings of entities: their skeleton tokens, token rarity and blocking keys."""

    variants: tuple[tuple[str, str, str, tuple[str, ...]], ...]  # (entity_id, variant, type, skeleton tokens)
    blocks: Mapping[str, tuple[int, ...]]                        # blocking key -> variant positions
    idf: Mapping[str, float]                                     # coarse key -> inverse entity frequency
    unseen_idf: float


@lru_cache(maxsize=1 << 16)
def skeleton(token: str) -> str:
    """'gadhafi' -> 'kadafi', 'Khums' -> 'Kums': one folded token in its transliteration-blind form ('K' is kh)."""
    for before, after in _DIGRAPHS:
        token = token.replace(before, after)
    token = token.translate(_LETTERS)
    if len(token) > 3 and token.endswith("h") and token[-2] in "aiu":
        token = token[:-1]  # ta marbuta: 'Misratah' / 'Misrata'
    return _DOUBLE.sub(r"\1", token)


@lru_cache(maxsize=1 << 16)
def coarse(skeleton_token: str) -> str:
    """'kadafi' -> 'ktf', 'Kums' -> 'kms': consonant classes of a skeleton, for blocking, rarity and agreement."""
    return _VOWELS.sub("", skeleton_token).translate(_CONSONANT_CLASSES).translate(_AS_K) or skeleton_token[:1]


def _glue_compounds(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        if out and out[-1] in _ABD_FORMS:
            out[-1] = "abd" + word
        elif out and word in _DIN_FORMS + ("din",):
            out[-1] += "din"
        else:
            out.append(word)
    return out


@lru_cache(maxsize=1 << 16)  # one folded word: words repeat far more than names
def _normal_compound(word: str) -> str:
    for form in _ABD_FORMS:
        if word.startswith(form) and len(word) > len(form) + 2:
            return "abd" + word[len(form):]
    for form in _DIN_FORMS:
        if word.endswith(form) and len(word) > len(form) + 1:
            return word[:-len(form)] + "din"
    return word


@lru_cache(maxsize=1 << 18)  # names repeat across a corpus' articles
def name_tokens(name: str) -> tuple[str, ...]:
    """'Abd al-Rahman al-Faqih' -> ('abdrahman', 'fakih'): skeleton tokens of a name, Arabic articles dropped."""
    words = list(filter(None, map(fold_word, _SPLIT.split(name))))
    kept = words
    if not _ALL_ARTICLES.isdisjoint(words):  # (most names have no article to drop)
        kept = []
        for i, word in enumerate(words):
            following = words[i + 1] if i + 1 < len(words) else ""
            if following and (word in _ARTICLES or (word in _SUN_ARTICLES and following[0] == word[-1])):
                continue
            kept.append(word)
    return tuple(map(skeleton, map(_normal_compound, _glue_compounds(kept))))


@lru_cache(maxsize=1 << 16)
def _block_keys(tokens: tuple[str, ...]) -> frozenset[str]:
    keys = set()
    for token in (*tokens, "".join(tokens)):
        for key in {coarse(token), coarse(token.translate(_AS_H))}:
            keys.add(key)
            if len(key) >= 3:
                keys.update({"<" + key[:3], key[-3:] + ">"})  # tolerate a differing ending or opening
    return frozenset(keys)


def build_variant_index(rows: Iterable[tuple[str, str, str]]) -> VariantIndex:
    """(entity_id, variant, type) rows -> VariantIndex; canonical names belong in the rows too."""
    variants = []
    for entity_id, variant, kind in dict.fromkeys(rows):
        tokens = name_tokens(variant)
        if tokens:
            variants.append((entity_id, variant, kind, tokens))
    blocks: dict[str, list[int]] = defaultdict(list)
    holders: dict[str, set[str]] = defaultdict(set)
    for position, (entity_id, _, _, tokens) in enumerate(variants):
        for key in _block_keys(tokens):
            blocks[key].append(position)
        for token in tokens:
            holders[coarse(token)].add(entity_id)
    n_entities = len({v[0] for v in variants}) or 1
    idf = {key: math.log(1 + n_entities / len(ids)) for key, ids in holders.items()}
    frozen_blocks = {key: tuple(dict.fromkeys(found)) for key, found in blocks.items()}
    return VariantIndex(tuple(variants), frozen_blocks, idf, math.log(1 + n_entities))


@lru_cache(maxsize=1 << 16)  # the known names' units are asked for again with every query
def _units(tokens: tuple[str, ...]) -> tuple[tuple[str, frozenset[int]], ...]:
    """Each token, each token without a glued article, and each adjacent pair written as one word."""
    units = [(t, frozenset({i})) for i, t in enumerate(tokens)]
    units += [(t[2:], frozenset({i})) for i, t in enumerate(tokens) if t[:2] in ("al", "il") and len(t) >= 6]
    units += [(tokens[i] + tokens[i + 1], frozenset({i, i + 1})) for i in range(len(tokens) - 1)]
    return tuple(units)


# Letters one side lacks are edits: Indel similarity is at most 2 * shorter / (both lengths), the consonants' at most 1,
# so their mean reaches TOKEN_MIN only when the shorter token holds this share of both lengths (less a rounding margin).
_SHORTER_SHARE = TOKEN_MIN - 0.5 - 1e-9
_LENGTH_RATIO = _SHORTER_SHARE / (1 - _SHORTER_SHARE)  # the same bound as the shorter length over the longer


@lru_cache(maxsize=1 << 18)
def _token_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if min(len(a), len(b)) <= 3 and (coarse(a) != coarse(b) or JaroWinkler.normalized_similarity(a, b) < SHORT_MIN):
        return 0.0  # short tokens ('ali', 'ala') agree only on every consonant
    if a[:3] == b[:3] == "abd":
        a, b = a[3:], b[3:]  # 'Abd al-Malik' and 'Abd al-Khaliq' differ after the shared 'servant of'
    # Vowels drift between transliterations, consonants much less: a consonant edit costs more.
    consonants = max(Levenshtein.normalized_similarity(coarse(a.translate(_AS_H)), coarse(b.translate(_AS_H))),
                     Levenshtein.normalized_similarity(coarse(a), coarse(b)))
    return (Indel.normalized_similarity(a.translate(_AS_K), b.translate(_AS_K)) + consonants) / 2


def score_tokens(query: tuple[str, ...], known: tuple[str, ...], idf: Mapping[str, float], unseen: float,
                 surname: bool = False) -> float:
    """Two skeleton-token names (+ whether the last token is a surname) -> 0..1: rarity-weighted agreement."""
    pairs = []
    for a, used_a in _units(query):
        shortest, longest = len(a) * _LENGTH_RATIO, len(a) / _LENGTH_RATIO
        for b, used_b in _units(known):
            if not shortest <= len(b) <= longest:
                continue  # too different in length to reach TOKEN_MIN: no need to score them
            similarity = _token_similarity(a, b)
            if similarity >= TOKEN_MIN:
                pairs.append((similarity, len(used_a) + len(used_b), used_a, used_b))
    pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    weights_a = [idf.get(coarse(t), unseen) for t in query]
    weights_b = [idf.get(coarse(t), unseen) for t in known]
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    agreed = rarest = 0.0
    last_pairs = set()
    for similarity, _, used_a, used_b in pairs:
        if taken_a & used_a or taken_b & used_b:
            continue
        taken_a |= used_a
        taken_b |= used_b
        weight = sum(weights_a[i] for i in used_a) + sum(weights_b[i] for i in used_b)
        agreed += similarity * weight
        rarest = max(rarest, weight / (len(used_a) + len(used_b)))
        last_pairs.add((max(used_a), max(used_b)))
    if rarest < RARE_SHARE * unseen:
        return 0.0  # only common tokens ('Muhammad', 'Ahmed', 'Trading') agree
    left_a = sum(w for i, w in enumerate(weights_a) if i not in taken_a)
    left_b = sum(w for i, w in enumerate(weights_b) if i not in taken_b)
    if surname and (left_a or left_b) and (len(query) - 1, len(known) - 1) not in last_pairs:
        return 0.0  # a longer form of a person's name keeps the same last name
    # Longer forms of one name add middle names and lineage, so tokens only one side has weigh less;
    # tokens on both sides that pair with nothing ('Saddam' vs 'Khalifa') mean a different name.
    matched = sum(weights_a) - left_a + sum(weights_b) - left_b
    total = matched + (left_a + left_b) * (1.0 if left_a and left_b else EXTRA_WEIGHT)
    return agreed / total if total else 0.0


def _candidates(tokens: tuple[str, ...], index: VariantIndex) -> set[int]:
    found: set[int] = set()
    for key in _block_keys(tokens):
        found.update(index.blocks.get(key, ()))
    return found


def rank_entities(query: str, index: VariantIndex, kind: str | None = None) -> list[Match]:
    """A name + VariantIndex (+ PER/ORG/LOC) -> every blocked entity with its best score, best first."""
    tokens = name_tokens(query)
    best: dict[str, tuple[float, str]] = {}
    for position in _candidates(tokens, index) if tokens else ():
        entity_id, variant, variant_kind, known = index.variants[position]
        if kind is not None and variant_kind != kind:
            continue
        score = score_tokens(tokens, known, index.idf, index.unseen_idf, variant_kind == "PER")
        if score > best.get(entity_id, (0.0, ""))[0]:
            best[entity_id] = (score, variant)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
    return [Match(entity_id, round(score, 4), variant) for entity_id, (score, variant) in ranked]


def is_clear(ranked: list[Match], floor: float) -> bool:
    """Ranked matches + a score floor -> whether the best one reaches it with no runner-up close behind."""
    if not ranked or ranked[0].score < floor:
        return False
    return len(ranked) == 1 or ranked[1].score < ranked[0].score - AMBIGUITY_GAP


def match_variant(query: str, index: VariantIndex, kind: str | None = None) -> Match | None:
    """A name + VariantIndex (+ PER/ORG/LOC) -> the one entity it spells, or None when none or several fit."""
    ranked = rank_entities(query, index, kind)
    return ranked[0] if is_clear(ranked, MATCH_MIN) else None


def surname_bearers(word: str, index: VariantIndex) -> list[str]:
    """A lone word + VariantIndex -> ids of the people whose known surname it spells, letter for letter after
    transliteration and in most letters as written ('Gadhafi', 'Qaddafi' -> Gaddafi; 'Mass' is not Maas);
    looser resemblances are left to review."""
    tokens = name_tokens(word)
    if len(tokens) != 1 or len(word) < LONE_MIN_LETTERS:
        return []
    target, letters = tokens[0].translate(_AS_K), fold_word(word)
    found = set()
    for position in _candidates(tokens, index):
        entity_id, variant, kind, known = index.variants[position]
        if kind == "PER" and known[-1].translate(_AS_K) == target and \
                Indel.normalized_similarity(letters, fold_word(variant.split()[-1])) >= LONE_LETTERS_MIN:
            found.add(entity_id)
    return sorted(found)
