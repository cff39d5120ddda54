"""Words every stage shares: name particles, titles, capitalised words that are not names, and word folding."""

import gzip
import re
from functools import lru_cache
from importlib.resources import files
from itertools import compress, repeat
from operator import is_

from anyascii import anyascii

# Arabic article forms: 'al-Sarraj', 'el Sarraj' and 'Sarraj' are one spelling family.
ARTICLES = frozenset({"al", "el"})
# Assimilated article forms, dropped only when hyphen-joined ('ash-Sham'): alone they are English words.
HYPHEN_ARTICLES = frozenset({"ad", "ed", "as", "ash", "ar", "at", "az", "an", "ud", "ul", "ur", "adh", "ath"})
# Forms folded to one key: 'bin', 'ben', 'ibn' (son of); 'abu', 'abou' (father of).
PARTICLE_FORMS = {"ben": "bin", "ibn": "bin", "abou": "abu", "bou": "abu"}
# Words that join capitalised parts of one name ('Government of National Accord', 'Osama bin Laden').
CONNECTORS = frozenset({"of", "al", "el", "bin", "ibn", "ben", "abu", "de", "da", "du", "la", "le", "van",
                        "von", "der", "den", "del", "and", "for", "the", "on", "ad", "as", "ash", "ul", "ud"})
# Titles and roles that may stand before a name without being part of it.
TITLES = frozenset("""president presidential prime minister ministers foreign defence defense interior finance
treasury economy energy trade secretary general gen gen. marshal field commander colonel col lieutenant lt major
maj captain capt sergeant sgt admiral brigadier spokesman spokeswoman spokesperson chief head king queen prince
princess crown sheikh shaikh emir amir sultan ambassador envoy special senator sen rep representative congressman
congresswoman governor mayor mr mrs ms miss dr sir lord lady pope ayatollah imam cleric supreme leader vice deputy
chancellor warlord strongman former late officer judge justice premier fm dictator chairman chairwoman chair
director ceo counsel counterpart speaker lawmaker minister's top diplomat advisor adviser aide
colonel-general elect pastor mp candidate ag""".split())
# English month names, written out here: calendar.month_name follows the process locale.
MONTHS = frozenset("january february march april may june july august september october november december".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Capitalised words that open sentences or name days and months: never a given name or a candidate.
NOT_NAMES = frozenset("""a an the this that these those it its he she they we i you his her their our my your
and but or so yet if when while after before since as at by for from in into of on to with without about against
however meanwhile moreover although though because despite during until unless also then there here where what
who whom whose which why how yes no not all any both each every some many most more much other another such
today yesterday tomorrow mr mrs ms dr news read more advertisement photo
according earlier later last next first second third northern southern eastern western central upper
lower across under over through throughout inside outside behind beyond between besides amid amidst among amongst
around near
toward towards upon via like unlike can could should would must might shall whether once even just only still now
tonight feb apr jun jul aug sep sept oct nov dec""".split()) | WEEKDAYS | MONTHS
# Closed-class words that open a sentence before a name ('Either McCarthy is'): never the name's first word.
SENTENCE_OPENERS = frozenset("""either neither nor whereas whilst thus hence therefore nevertheless nonetheless
otherwise perhaps""".split())
# Adjectives of nationality end this way; as a lone capitalised word they are not names.
DEMONYM_ENDINGS = ("ian", "ians", "ish", "ese", "ean", "eans", "can", "cans", "ic")
# ('polish': a nationality English also has as a verb, which is_demonym would otherwise refuse)
DEMONYMS = frozenset("""arab arabs french german greek dutch swiss thai iraqi saudi israeli pakistani afghan kurdish
kurd kurds yemeni emirati qatari kuwaiti omani bahraini turkish turk turks libyan libyans american americans
european western eastern islamic muslim muslims christian jewish sunni shia shiite alawite polish""".split())

# Words that make a name an organisation's: general English, not fitted to any corpus.
ORGANISATION_WORDS = frozenset("""party army group council ministry agency organization organisation front
movement brigade brigades union committee commission court bank company corporation corp inc llc ltd co institute
university college school academy foundation association federation league news times post journal tribune herald
gazette telegraph guardian review magazine press network radio television tv channel media studios airlines
airways administration department dept office bureau service services authority board senate congress parliament
assembly house caucus coalition alliance club team fund reserve trust holdings partners church hospital police
center centre society forces force guard guards navy command campaign foundation exchange association system
systems international industries laboratory laboratories lab labs technologies enterprises associates motors
electric dynamics patrol institution chamber globe beacon observer inquirer chronicle dispatch monitor examiner
transit""".split())


# A ruler is named by title and given name ('King Salman', 'Pope Francis'): that given name is no one's surname.
ROYAL_TITLES = frozenset({"king", "queen", "prince", "princess", "pope", "emperor", "empress", "sultan", "emir"})
# Last words of names of laws, events and built things: such a name is no person's, whatever its first word
# ('Fair Housing Act', 'Rose Garden', 'Hope Street').
THING_WORDS = frozenset("""act acts bill amendment law laws treaty accord accords agreement doctrine plan program
programme protocol resolution award awards prize medal cup bowl series war day street avenue road highway route
bridge park garden gardens tower building library museum airport station square plaza mall stadium arena
hall convention christmas easter thanksgiving hanukkah halloween ramadan passover ban""".split())


# Last words of the names of places too small or too many for a gazetteer: counties, parishes, islands, streets
# ('Teton County', 'Schnell Drive'); the first word of a fort or a mountain ('Ft. Devens', 'Mount Hood'). The
# second set are surnames too ('Nathan Lane', 'Michael Bay'): they make a place only after no given name.
PLACE_WORDS = frozenset("""county counties parish province township borough peninsula avenue boulevard""".split())
PLACE_WORDS_AFTER_NO_GIVEN_NAME = frozenset("""island islands isles valley gulf strait canyon desert mountains coast
sea ocean drive street road bridge tower towers building square plaza mall stadium arena airport station hotel
palace cathedral bay strip area capitol city town village""".split())
# (not 'lake', 'lane' or 'river': surnames too often, 'Ms. Lake' for Celinda Lake; nor 'route' or 'highway', named
# with their number: 'State Route 322')
# Words before a place's name that name a part of it ('Central America', 'Southern California', 'West Africa').
COMPASS_WORDS = frozenset("""north south east west northern southern eastern western northeast northwest southeast
southwest northeastern northwestern southeastern southwestern central upper lower latin""".split())
PLACE_OPENERS = frozenset({"fort", "ft", "mount", "mt", "lake", "port"})


@lru_cache(maxsize=1 << 16)
def is_demonym(word: str) -> bool:
    """'Turkish', 'Libyan', 'Syrian' -> True: a nationality adjective, not a name; a word ending like one that English
    knows as a verb is none ('Means' of 'Committee on Roads and Means', 'Finish', 'Publish')."""
    lower = word.casefold()
    return lower in DEMONYMS or (len(lower) > 4 and lower.endswith(DEMONYM_ENDINGS) and
                                 "VERB" not in word_classes(lower))


@lru_cache(maxsize=1 << 18)  # news vocabulary repeats: most words are folded once per run
def fold_word(word: str) -> str:
    """'Çavuşoğlu' -> 'cavusoglu', 'U.N.' -> 'un': transliterated, case-folded, letters and digits only."""
    folded = (word if word.isascii() else anyascii(word)).casefold()
    if not folded.isalnum():
        folded = "".join(ch for ch in folded if ch.isalnum())
    return PARTICLE_FORMS.get(folded, folded)


_FOLDED: dict[str, str] = {}  # word -> fold_word(word): a plain table, read with C-level maps


def fold_words(words: list[str]) -> list[str]:
    """Words -> their fold_word keys; words folded before are looked up, not folded again (texts repeat them)."""
    keys = list(map(_FOLDED.get, words))
    if None in keys:
        if len(_FOLDED) > 1 << 18:
            _FOLDED.clear()  # bounded, like fold_word's cache
        for i in list(compress(range(len(keys)), map(is_, keys, repeat(None)))):
            keys[i] = _FOLDED[words[i]] = fold_word(words[i])
    return keys



@lru_cache(maxsize=16384)
def word_classes(word: str) -> frozenset[str]:
    """A word -> the parts of speech lemminflect's English lexicon gives it, as its getAllLemmas does ('outside' ->
    ADJ, ADV, NOUN); empty for a word it does not know."""
    return frozenset(_lemma_table().get(word.lower(), "").split())


_LEMMA_LINE = re.compile(r"^([^,\n]*),([^,\n]*),", re.MULTILINE)


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    """lemminflect's shipped lemma table and overrides -> word: its parts of speech, space-separated ('NOUN VERB').

    Read in one pass for the classes alone: lemminflect's own loader parses every lemma of its 80,000 lines, and that
    load was a tenth of the figures stage's time."""
    resources = files("lemminflect") / "resources"
    table: dict[str, str] = {}
    text = gzip.decompress((resources / "lemma_lu.csv.gz").read_bytes()).decode()
    for word, category in _LEMMA_LINE.findall(text):
        table[word] = f"{table.get(word, '')} {'AUX' if category.upper() == 'MODAL' else category.upper()}"
    for line in (resources / "lemma_overrides.csv").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            word, upos, _ = line.strip().split(",")
            table[word] = f"{table.get(word, '')} {upos}"
    return table


def english_word(word: str) -> bool:
    """'Banishing', 'Apparently' -> True, 'Kellyanne', 'Reince' -> False: whether lemminflect's English lexicon
    knows the word (in lower case), so a capital at a sentence's start may be only that."""
    return bool(word_classes(word))
