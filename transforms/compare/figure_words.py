"""Word lists of the figures stage: what ends, opens or blocks the counted phrase after a number, and the parts of
speech of a word from the lexicon lemminflect ships (`transforms.lexicon.word_classes`)."""

from transforms.lexicon import NOT_NAMES, word_classes

# Units of measure whose number, right before a plural noun, measures it ('45 mph gusts', '20-ton trucks').
MEASURES = frozenset("mph kmh km km2 mile mile2 m ft cm mm kg t ha acre l gallon oz inch yd lb".split())
TIMES = frozenset("second minute hour day week month year decade".split())
# Words before a number that make it a label or an ordinal rank, not a quantity ('section 5', 'No. 10').
LABELS = frozenset("""section article chapter paragraph page no no. nos number item clause rule resolution route
flight room level phase grade class episode season vol vol. volume part step platform gate lane highway term game
top ranked rank seed mission photo photos caption figure table verse version edition""".split())
# Nouns after a number that make it a name or a version, not a count ('the 3.0 version', 'the 2020 edition').
NAMING_NOUNS = frozenset("version versions edition editions release update generation".split())
# Words ending in s that are not plurals, so a counted phrase does not end at them ('200 alternative news outlets').
NOT_PLURALS = frozenset("news series species means politics economics physics mathematics".split())
# Capitalised words that may stand right before a quantity (sentence openers); other capitalised words make the
# number part of a name ('Route 6', 'Boeing 737', 'Resolution 2510').
OPENERS = NOT_NAMES | {"only", "just", "nearly", "another", "including", "killing", "with", "among", "over", "than"}
# Words that end the noun phrase after a number.
STOP = frozenset("""a an the this that these those it its he she they them we i you his her their our my your and
but or nor so yet if when while unless because although though whether as at by for from in into of on onto to with
without within about against over under between among through across after before since until during per than via
each apiece who whom whose which what where why how there here then now ago already also still too just only far
less more most all both is are was were be been being am have has had having will would shall should can could may
might must do does did said says say told according near away long wide high deep tall old times time alone
remaining left apart straight running earlier later prior north south east west northeast northwest southeast
southwest northern southern eastern western central inside outside up down off out back ahead behind percent monday
tuesday wednesday thursday friday saturday sunday january february march april june july august september october
november december last next others versus vs today tonight yesterday tomorrow pending following including excluding
regarding concerning""".split())  # the last six as prepositions ('on $5,000 bail pending trial')
# Days told from now: they end a phrase ('3,000 today') but their possessive is a determiner ('in today’s dollars').
NEAR_DAYS = frozenset({"today", "tonight", "yesterday", "tomorrow"})
PARTICIPLES = frozenset("""set held made led put cut hit sent built run won lost paid given taken shown known seen done
written driven chosen spent sold found kept brought bought caught sought drawn grown thrown stolen came became went fell
rose grew gave took began ran got drew wrote broke chose flew stood""".split())  # and irregular past tenses
# Of those, the verbs whose past is their base form: as nouns they head compounds ('tax cut', 'price hit', 'data set').
BASE_PASTS = frozenset("set put cut hit run".split())
DETERMINERS = frozenset("the a an these those its their his her our this that all both".split())
LEADING = frozenset("more other additional extra new further total estimated fewer less most".split())
COMPARATIVES = frozenset("more fewer less".split())
IRREGULAR_PLURALS = frozenset("people children men women police personnel staff troops cattle sheep fish aircraft "
                              "militia clergy".split())
SAME_AS = {"persons": "people"}
PLURAL_OF = {"person": "people", "persons": "people", "child": "children", "man": "men", "woman": "women",
             "life": "lives", "wife": "wives", "knife": "knives"}
# Nouns after 'N of M' that make M the size of a gallery, not a count ('46 of 132 Photos').
GALLERY = frozenset("photos images pictures slides photographs".split())
# Participles that take 'to' and a verb ('2.5 million expected to lose power'): then they say what happens, not what
# is counted.
RAISING = frozenset("""expected projected scheduled slated set poised forecast predicted estimated believed thought
said reported known likely due""".split())
# Participles of telling, counting, foreseeing or needing: after a number alone they say how it is known or why it
# matters, not what it counts ('the 94 reported on Wednesday', 'the 60 needed to pass', unlike '1,000 killed').
REPORTED = frozenset("""reported recorded announced registered counted listed cited mentioned logged tallied needed
required projected expected estimated forecast predicted""".split())  # 'the 21 million projected a year ago'
# Adjectives that stand for the people in a state after a count ('12 dead and 58 wounded', 'the 130 missing').
STATES = frozenset("dead missing homeless poor elderly sick living dying young injured wounded".split())
# What a share of the whole economy is taken of: a percentage of it measures something else, the subject or the head
# of its clause ('Federal debt was 98 percent of GDP' measures debt).
BASES = frozenset({"gdp", "gross domestic product", "economy", "economic output", "gnp", "gross national product",
                   "national income"})
# Nouns a span modifies as the window of a record: 'a 52-week low', 'a 20-year high'.
EXTREMES = frozenset("low lows high highs peak peaks".split())
# Capitalised adjectives of a group of people that the demonym lexicon lacks: '30 percent Latino', '60 percent Black'.
GROUPS = frozenset("latino latina latinx black white indigenous native".split())
# Collective nouns that name a body by its members and may stand before them: 'police officers', 'staff members'.
COLLECTIVES = frozenset("police staff personnel corps clergy".split())


def is_modifier(word: str) -> bool:
    """'outside', 'high', 'southern' -> True: a word that may modify a noun and is no verb ('left', 'over' are)."""
    classes = word_classes(word)
    return "ADJ" in classes and "VERB" not in classes and ("NOUN" in classes or classes == {"ADJ"})


def not_a_noun(word: str) -> bool:
    """'worldwide', 'false', 'largest' -> True: a word the lexicon knows, never as a noun, that cannot stand for
    people either: not a plural or a participle (the lexicon lacks many plural nouns: 'acts', 'likes'), nor 'dead',
    'missing' ('12 dead')."""
    if word in STATES or word.endswith("ed") or is_plural_form(word):
        return False
    classes = word_classes(word)
    return bool(classes) and "NOUN" not in classes


def is_plural_form(word: str) -> bool:
    """'acts', 'likes' -> True: a word ending in s as plurals do (not 'ss', 'us', 'is')."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def is_adverb(word: str) -> bool:
    """'currently', 'reportedly' -> True: a word the lexicon knows only as an adverb."""
    return word_classes(word) == {"ADV"}
