"""Word lists the descriptor finder relies on (role nouns, the words that may modify them, where phrases stop) and
the word tests built on them."""

# Nouns that name what a person is or does: the head of a descriptor, and what 'the <noun>' refers back with.
ROLE_NOUNS = frozenset("""president vice-president premier minister secretary secretary-general spokesman spokeswoman
spokesperson ambassador envoy diplomat chancellor king queen prince princess emir amir sultan sheikh shaikh monarch
ruler leader chief head chairman chairwoman chairperson director commander general marshal field-marshal colonel
lieutenant captain admiral brigadier officer strongman warlord dictator autocrat despot tyrant putschist militant
insurgent senator congressman congresswoman lawmaker legislator parliamentarian governor mayor judge prosecutor
attorney lawyer adviser advisor aide official negotiator mediator candidate nominee challenger incumbent speaker
cleric imam ayatollah pope mufti activist journalist columnist founder tycoon billionaire businessman businesswoman
magnate ceo defector loyalist ally backer supporter rival opponent critic successor predecessor frontrunner
front-runner veteran strategist operative fighter rebel economist analyst correspondent reporter editor
commentator""".split())
# Role nouns that characterise rather than appoint: 'the strongman' may stand for the person just named, whereas
# 'the minister' or 'the official' is as often someone else the text does not name.
# ('the nominee', 'the candidate' are as often the next office-seeker as the last one named.)
FALLBACK_ROLES = frozenset("""strongman warlord dictator autocrat despot tyrant putschist leader ruler billionaire
tycoon mogul magnate businessman businesswoman defector loyalist militant insurgent rebel cleric""".split())
# Words that make a role someone else's: 'the vice president' is not the president.
RANK_WORDS = frozenset({"vice", "deputy", "assistant", "former", "ex", "acting", "interim", "late", "outgoing",
                        "incoming", "future", "then", "previous"})
# Nouns that head a description of a place or an organisation ('Sirte, a coastal city').
THING_NOUNS = frozenset("""city town village port capital country nation state region province district enclave
stronghold hub base gateway group organisation organization alliance bloc body agency militia force forces army
movement party coalition government administration authority company firm network broadcaster newspaper channel
outlet ally backer supporter rival""".split())
# Abbreviated ranks written with a full stop ('Gen. Khalifa Haftar').
TITLE_ABBREVIATIONS = ("Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Brig", "Sen", "Rep", "Gov", "Cmdr", "Cdr")
# Adjectives that describe a person or thing on their own ('renegade Haftar', 'embattled Assad').
ADJECTIVES = frozenset("""renegade rogue embattled ousted deposed disgraced exiled jailed imprisoned detained slain
assassinated fugitive retired veteran longtime long-time former late self-styled self-proclaimed self-declared
would-be unelected illegitimate legitimate authoritarian hardline hard-line populist nationalist far-right
right-wing left-wing ultranationalist notorious infamous powerful influential controversial reclusive outgoing
incoming acting interim beleaguered besieged war-torn""".split())
# Words that stand inside a role phrase but never alone before a name ('army commander', 'foreign minister').
NOUN_MODIFIERS = frozenset("""army military militia rebel opposition party government state foreign defence defense
interior finance treasury economy energy trade justice health education oil security intelligence police
presidential prime vice deputy assistant chief top senior field national campaign press communications cabinet
policy navy naval air coalition tribal religious spiritual supreme media business parliamentary union labour labor
commanding ranking eastern western northern southern new current erstwhile elected de facto
strong""".split())
# Role words a sentence opening capitalises for grammar only: 'Warlord Haftar' is 'warlord Haftar'.
DESCRIPTIVE = frozenset("""warlord strongman dictator autocrat despot tyrant putschist militant insurgent defector
loyalist rebel""".split()) | ADJECTIVES
# Honorifics carry no description: 'Mr Trump' says nothing about Trump.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs", "sir", "madam", "dame", "dr", "prof"})
# Words that end a phrase reading leftwards from a name: determiners, pronouns, prepositions, conjunctions, verbs.
STOPWORDS = frozenset("""a an the this that these those its his her their our my your he she they we i you it him
them us who whom whose which what when where why how and or but nor so yet if as at by for from in into of on onto to
with without about against over under after before since during until upon via between among among amid across
through toward towards than like is are was were be been being has have had do does did will would shall should can
could may might must said says say told tells added according also not no only just even then there here now
however meanwhile while though although because despite""".split())
# Role nouns that also modify a noun ('the general public', 'the official line', 'the rebel forces'): after one of
# these, 'the <role>' stands for a person only before a word from ROLE_FOLLOWERS or punctuation.
NOUN_LIKE_ROLES = frozenset("""general chief head official rebel militant insurgent veteran rival ally opposition
captain marshal major leader speaker""".split())
# Words that may follow 'the <role>' when it stands for a person ('the strongman said'), unlike 'the general public'.
ROLE_FOLLOWERS = frozenset("""said says told added stated noted warned insisted claimed announced argued
declared explained replied wrote tweeted has had have is was will would could can did does may might must should
who whose whom himself herself and or but also then later earlier again still recently previously reportedly
apparently in on at from during after before when while since to for as with by""".split())
# Words after a name that show the name modifies a following noun ('former Trump adviser', 'Haftar forces').
ATTRIBUTIVE_NOUNS = frozenset("""administration government forces force militia militias camp loyalists supporters
campaign regime family era years aide aides adviser advisers official officials troops fighters army allies
spokesman spokeswoman backers""".split())
# Subjects and auxiliaries: 'which I judge Trump' makes the role word before the name a verb.
SUBJECTS = frozenset("i we you they he she it will would can could should must may might did do does".split())
# Prefixes that make a hyphenated word a verb, not an adjective: 're-electing Trump'.
VERB_PREFIXES = frozenset({"re", "pre", "co", "de", "un", "non", "over", "under", "out"})


def is_possessive(word: str) -> bool:
    """"Libya's", 'Haftar’s', "rebels'" -> True."""
    return len(word) > 2 and word[-2:] in ("'s", "’s", "s'", "s’")


def is_compound(word: str) -> bool:
    """'eastern-based', 'UN-backed', '76-year-old' -> True; 'al-Sarraj' (a name), 're-electing' -> False."""
    head, _, tail = word.rpartition("-")
    return bool(head) and tail.isalpha() and tail.islower() and head not in VERB_PREFIXES


def is_role_word(word: str) -> bool:
    """'General', 'warlord', 'Gen.' -> True: a word that may head a descriptor of a person."""
    return word.casefold() in ROLE_NOUNS or word.rstrip(".") in TITLE_ABBREVIATIONS
