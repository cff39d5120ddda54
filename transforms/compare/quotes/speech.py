"""Word lists and patterns for speech attribution: speech verbs, speaker noun phrases, adverbs between them."""

import re

from transforms.lexicon import NOT_NAMES, TITLES, word_classes

# Finite verbs that report speech; 'read' covers "…,” read a statement by the ministry".
VERBS = """said says say told tells added adds stated noted notes warned warns stressed stresses underlined
underscored reiterated reiterates explained explains insisted insists argued argues claimed claims declared declares
announced announces asserted asserts emphasised emphasized emphasises emphasizes wrote writes tweeted tweets posted
remarked commented replied replies responded responds answered continued continues acknowledged admitted conceded
confirmed confirms urged urges recalled recalls suggested suggests predicted vowed vows promised pledged threatened
cautioned asked asks observed maintained complained complains countered lamented quipped joked testified read reads
concluded echoed disclosed revealed informed recounted demanded demands pleaded boasted bragged mused scoffed
snapped exclaimed shouted yelled screamed texted emailed e-mailed interjected retorted contended alleged objected
protested opined reasoned wondered wonders offered elaborated marveled marvelled deadpanned sighed proclaimed assured
reassured advised pressed interrupted griped fumed hinted speculated chided cracked teased gushed conceded agreed
agrees disagreed cautions recommended implored begged tells shouts chanted writes mocked mocks concludes
demands boasts brags jokes quips recounts predicts suggests acknowledges admits concedes contends laments
observes posts texts emails reiterates stresses emphasizes declares asserts maintains counters adds reported
spoke speaks write barked riffed snarked bellowed boomed roared thundered hollered muttered whispered murmured
growled sneered stammered cried retaliated sang sings affirmed affirms reacted questioned captioned captions""".split()
# Verbs that attribute a quote next to them but say too little on their own to count as someone speaking ('he
# remembers the day', 'the results reflected'): no speech event a pronoun may stand for.
QUOTE_ONLY = """remembered remembers exhorted exhorts reflected repeated repeats clarified clarifies summarized
summarizes summarised summarises reports""".split()

# Third-person forms of listed verbs that speak as they do: only verbs that report speech whatever their subject
# ('testifies', 'gushes'), not those also said of things ('the fire threatens', 'the report reveals', 'rain interrupts
# play').
INFLECTED = """testifies pleads exclaims interjects alleges opines elaborates proclaims speculates chides gushes
implores""".split()
VERBS = VERBS + INFLECTED + QUOTE_ONLY
# Verbs that take an object before the quote ('X called Y “…”', 'X cited “…”'): they introduce a quote that follows
# them, but '“…,” X called' is not an attribution.
BEFORE_ONLY = ["called", "calls", "cited", "cites"]
# Speech verbs of two words, matched with any space between.
PHRASAL = ("pointed out", "went on to say", "went on to add", "went on to write", "goes on to say", "went on",
           "shot back", "fired back", "chimed in", "put it", "puts it", "quoted as saying",
           "issued a statement", "released a statement")
# ... and in their other finite forms: the particle after the verb tells it from a noun ('points out', 'chimes in').
PHRASAL = PHRASAL + ("points out", "goes on to add", "goes on to write", "goes on", "shoots back", "fires back",
                     "chimes in")
# 'put it' speaks only before a colon or comma: 'As Jane Doe put it: “…”', not 'she put it away'.
_PHRASAL = re.sub(r"(puts?\\s\+it)", r"\1(?=\\s*[,:—])", "|".join(r"\s+".join(phrase.split()) for phrase in PHRASAL))
# Verbs that report speech in the writer's words ('X said (that) …'), for indirect speech.
REPORT_VERBS = frozenset("""said says say told tells added adds stated noted notes warned warns stressed
explained explains insisted insists argued argues claimed claims declared announced announces asserted acknowledged
admitted
conceded confirmed suggested suggests predicted wrote writes tweeted posted contended maintained reiterated
emphasized emphasised promised vowed complained alleged replied responded testified revealed disclosed recalled
believes thinks estimated reported reports""".split())
# The plain present of a verb that reports speech whatever its subject, after a plural subject ('critics argue',
# 'ministers insist'), never opening a sentence (an imperative: 'Tell Congress: “…”') nor after 'to', a modal or 'is'
# (an infinitive, whose subject is elsewhere). Not verbs also said of things ('banks maintain', 'the tests confirm',
# 'engineers add', 'studies suggest').
PLURAL_PRESENT = """argue insist warn tell contend allege complain concede testify predict acknowledge assert
declare""".split()
# Speech acts that name a speaker but do not introduce a quote's words ("Kalın accused France of “…”").
CRITICISM = """accused lambasted criticised criticized slammed blasted denounced condemned hailed praised
rejected""".split()
# Verbs whose next word is their object, never their speaker ('questioned Trump's logic', 'urged Obama to repeal').
NO_SPEAKER_AFTER = frozenset(CRITICISM + BEFORE_ONLY + """questioned told tells urged urges thanked assured informed
reminded briefed pressed""".split())
# Participles carry speech on from the subject of their sentence ("X warned…, saying such a “…”", "X issued the plan,
# calling it “…”").
PARTICIPLES = """saying adding noting telling warning stressing explaining insisting arguing claiming declaring
asserting emphasising emphasizing writing tweeting stating urging asking underlining reiterating recalling
suggesting vowing promising pledging cautioning continuing replying responding answering demanding boasting
complaining acknowledging admitting conceding predicting proclaiming announcing yelling shouting screaming
joking quipping calling describing dubbing labeling labelling branding""".split()
# ... these only after a comma (or opening the sentence): 'a resolution calling for “…”' is the resolution's words.
NAMING_PARTICIPLES = frozenset("calling describing dubbing labeling labelling branding".split())
PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it"})
GROUP_PRONOUNS = frozenset({"they"})
# Roles that tell a person's gender ('spokeswoman Jane Doe', 'Doe, a congressman').
FEMALE_ROLES = frozenset("""spokeswoman chairwoman congresswoman businesswoman woman wife mother daughter sister
actress queen princess girl grandmother aunt niece widow councilwoman assemblywoman anchorwoman""".split())
MALE_ROLES = frozenset("""spokesman chairman congressman businessman man husband father son brother actor king
prince boy grandfather uncle nephew widower councilman assemblyman anchorman""".split())
# Nouns that may head a speaker phrase with no name in it ("a senior official", "the ministry").
PERSON_NOUNS = frozenset("""official officials source sources spokesperson spokesman analyst analysts expert
experts witness witnesses resident residents lawyer lawyers attorney prosecutor prosecutors diplomat diplomats
negotiator aide aides adviser advisor researcher scientist economist activist activists observer observers
protester protesters supporter supporters critic critics voter voters member members staffer staffers person man
woman people student students teacher doctor officer officers worker workers owner friend relative neighbor
neighbour father mother son daughter wife husband candidate nominee hopeful contender challenger incumbent
legislator legislators strategist pollster historian professor moderator host anchor reporter columnist writer
businessman businesswoman candidate senator congressman congresswoman governor manager director chair consultant
organizer organiser volunteer veteran student leader leaders officials democrats republicans""".split()) | TITLES
# Written documents and communications, the things a quote may come from when no one is named with it. English
# has no word-class data for this in the libraries at hand, so this is a list of general nouns of the class.
DOCUMENT_NOUNS = frozenset("""statement report communique communiqué editorial letter message memo ad advertisement
release email e-mail post tweet note filing lawsuit complaint study survey poll analysis article piece ruling order
document sign book paper briefing guidance guidelines preamble presentation slide transcript bill law resolution
declaration petition assessment indictment affidavit motion proclamation directive notice manifesto charter""".split())
THING_NOUNS = frozenset("""ministry government army military police office embassy council committee court agency
group company party union campaign coalition authority authorities organisation organization network newspaper
website channel broadcaster palace presidency administration department foundation institute center centre firm bank
magazine""".split()) | DOCUMENT_NOUNS
ADJECTIVES = frozenset("""senior top former local foreign western military government high-ranking high-level
unnamed anonymous another one other independent defence defense security intelligence regional federal state
national presidential joint""".split())

_UP = "".join(ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper())
UPPER = _UP  # the capital letters a name may open with
_PARTICLE = r"(?:al|el|bin|ibn|bint|abu|de|da|di|del|der|van|von|le|la|du|ben|dos|das)"
# Abbreviated titles and initials keep their period ('Dr. Deborah Birx', 'Donald J. Trump').
# Titles written short with a full stop that ends no sentence ("Sen.", "Lt. Cmdr."), as regex alternatives.
SHORT_TITLES = "Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Prof|Rev|Jr|Sr"
_ABBREVIATED = rf"(?:{SHORT_TITLES}|St)\."
_PARTICLE_LEAD = re.compile(rf"^{_PARTICLE}-")
# A social media handle names its user as a name does: '@jane_doe wrote', '@JaneDoe: “…”'.
HANDLE = r"@[A-Za-z0-9_]{2,15}\b"
CAP = rf"(?:(?:[{_UP}]\.){{2,}}|{_ABBREVIATED}|[{_UP}]\.(?=\s+[{_UP}])|(?:{_PARTICLE}[-\s])?[{_UP}][\w’'\-]*|{HANDLE})"
# One capitalised word of a name as people are named in running text ('Mr.', 'DeMarco', 'O’Rourke').
CAP_WORD = rf"(?:{_ABBREVIATED}|[{_UP}]\.(?=\s+[{_UP}])|[{_UP}][\w’'\-&]*)"


def word_alternation(words) -> str:
    """Words -> one regex alternation as a trie: ['said', 'says'] -> 'sa(?:id|ys)'.

    The regex engine then tries a handful of branches per position instead of every word; longer words are tried
    before their prefixes, as a longest-first alternation would."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        branches.append("")  # the word may end here, once every longer word has failed
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


_NOUN = rf"(?:{word_alternation(PERSON_NOUNS | THING_NOUNS)})\b"
_WORD = rf"(?:{CAP}|{_NOUN}|(?:{word_alternation(ADJECTIVES)})\b)"
# A speaker phrase: 'Kalın', 'Turkish Foreign Minister Mevlut Cavusoglu', 'the Turkish presidential spokesman'.
NP = rf"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:{_WORD}\s+){{0,5}}(?:{CAP}|{_NOUN})"
PRONOUN = r"(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)"
# A statement stands for who issued it: 'a statement issued by the Russian Foreign Ministry'.
ISSUED_BY = r"(?:(?:a|the|an)\s+(?:joint\s+|written\s+)?(?:statement|report|communiqu[eé]|tweet|post|message)\s+" \
            r"(?:issued\s+|released\s+|published\s+|posted\s+|sent\s+)?(?:by|from)\s+)"
APPOSITIVE = r"(?:(?:,\s[^,“”\"\n]{1,160}){1,3},)"  # a relative clause may run long
# A party and state after a legislator's name: 'Sen. Chuck Schumer (D-N.Y.)', 'state Sen. Jason Holsman (D)',
# 'Rep. Jo Lee (R., Ohio)'.
PARTY = r"(?:\s+\([A-Z][\w.\-]{0,12}(?:,\s?[A-Z][\w.\-]{0,12})?\))"
# 'JoEllen Smith of the corrections department told CNN': the speaker is the phrase before 'of'.
# ... or a source's tie to what they speak of: 'a source familiar with the talks said', 'an aide close to him'.
AFFILIATION = r"(?:\s+(?:of|at|from|for|with|familiar\s+with|close\s+to|knowledgeable\s+about|briefed\s+on)\s+" \
              r"(?:[^,.;:“”\"\n]|(?<=\b[A-Z])\.){1,80}?)"  # an abbreviation keeps its points: 'lawyers for the U.K.'
# A source's tie to whom or what they speak of: the speaker is the phrase before it ('a source close to Pence').
TIE = r"\s+(?:familiar\s+with|close\s+to|knowledgeable\s+about|briefed\s+on|with\s+knowledge\s+of)\s+"
# Words between a speaker and the verb: 'X also said', 'X later Thursday told', 'X himself said', 'X is quoted as
# saying'.
ADVERB = r"(?:also|later|then|further|again|once(?:\s+again)?|had|has|have|would|will|previously|earlier|recently|" \
         r"himself|herself|themselves|itself|" \
         rf"separately|reportedly|on\s+[{_UP}]\w+|last\s+\w+|in\s+a\s+statement|[a-z]{{3,}}ly|" \
         r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight|this\s+(?:week|month|year|morning|" \
         r"afternoon|evening)|(?:is|was)(?=\s+quoted\s+as))"
# Every finite form that attributes a quote: the listed forms and the plain present checked for its subject.
_FINITE = VERBS + PLURAL_PRESENT
VERB = rf"(?:{word_alternation(_FINITE)}|{_PHRASAL})\b"
EVENT_VERB = rf"(?:{word_alternation(_FINITE + CRITICISM)}|{_PHRASAL})\b"
# Every verb a document is scanned for once: speech verbs, criticism and reporting verbs.
SCAN_WORDS = sorted(set(_FINITE + CRITICISM + BEFORE_ONLY) | REPORT_VERBS)
SCAN_VERB = rf"(?:{word_alternation(SCAN_WORDS)}|{_PHRASAL})\b"
# The inflected forms attribute the quote next to them but are no speech event a later pronoun may stand for: 'The
# stance threatens …', 'Readers respond' (a headline) are more often no one speaking.
EVENT_WORDS = frozenset(VERBS + CRITICISM + BEFORE_ONLY + list(PHRASAL)) - frozenset(QUOTE_ONLY + INFLECTED)
ANY_VERB = rf"(?:{word_alternation(_FINITE + PARTICIPLES + BEFORE_ONLY)}|{_PHRASAL}|according\s+to)\b"
_BASE_FORMS = frozenset(PLURAL_PRESENT)
_INFINITIVE_BEFORE = re.compile(r"(?:\b(?:to|will|would|can|could|should|shall|may|might|must|do|does|did|not|never|is|"
                                r"was|be|please)"
                                r"|n[’']t)\s+$", re.IGNORECASE)


def has_no_own_subject(body: str, verb: re.Match) -> bool:
    """Whether a plain present form found in body is an infinitive ('wants to argue', 'will explain', 'did not
    respond') or an imperative ('Tell Congress: “…”', 'Please explain'), or follows no plural subject ('doctors in
    Lagos warn': a place is no one speaking), not a finite verb with a subject of its own."""
    if verb.group("verb") not in _BASE_FORMS:
        return False
    at = verb.start("verb")
    before = body[max(0, at - 12):at]
    if bool(_INFINITIVE_BEFORE.search(before)) or not before.strip() or before.rstrip()[-1:] in ".!?\n“":
        return True
    subject = _WORD_BEFORE.search(body, max(0, at - 40), at)
    return not subject or not is_plural(subject["word"])


# The word before a verb, past one adverb: 'critics often argue'.
_WORD_BEFORE = re.compile(r"(?<![\w’'])(?P<word>[A-Za-z]+)\s+(?:(?:also|still|often|now|all|both|[a-z]{3,}ly)\s+)?$")
_PLURAL_WORDS = frozenset("we they you i people police children staff men women".split())


def is_plural(word: str) -> bool:
    """'critics', 'they' -> True: a plural pronoun or a common noun in the plural, not a name ('Lagos')."""
    word = word.casefold()
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]  # 'parties' -> 'party', 'critics' -> 'critic'
    return word in _PLURAL_WORDS or (word.endswith("s") and not word.endswith(("ss", "us", "is"))
                                     and "NOUN" in word_classes(word) and "NOUN" in word_classes(singular))


SPEAKER = rf"(?:{PRONOUN}|{NP})"


def is_participle(verb: str) -> bool:
    """'saying' -> True: a verb whose speaker is the subject of its sentence, not a word next to it."""
    return verb.endswith("ing")


# Words that open a noun phrase: 'one commenter', 'another child', 'his colleague' name someone unnamed.
DETERMINERS = frozenset("the a an one another this that his her their its".split())
_HANDLE = re.compile(HANDLE)
_COUNTED_GROUP = re.compile(r"^(?i:dozens|hundreds|thousands|scores)\s+of\s+")
INDEFINITES = frozenset("a an another one".split())


def head_kind(phrase: str) -> str | None:
    """'a senior official' -> 'person', 'the ministry' -> 'thing', 'Erdogan' -> 'name', 'The' -> None; 'the
    moderator' -> 'person' (a lower-case noun after a determiner names someone)."""
    phrase = _COUNTED_GROUP.sub("the ", phrase)  # 'dozens of prominent evangelicals' is some evangelicals
    words = [w for w in phrase.split() if w.casefold() not in DETERMINERS]
    if words and len(words) < len(phrase.split()) and words[-1].replace("-", "").isalpha() \
            and not is_capitalised(words[-1]) \
            and words[-1] not in THING_NOUNS and words[-1] not in NOT_NAMES:
        return "person"
    if words and phrase.split()[0] in INDEFINITES and words[-1].isalpha() and words[-1][0].isupper() \
            and words[-1].casefold() not in NOT_NAMES:
        return "person"  # 'another top Democrat': an indefinite article opens no one's name
    if not words:
        return None
    if _HANDLE.fullmatch(words[-1]):
        return "name"
    head = words[-1].casefold()
    # A lone singular common noun cannot be a subject ("are member states"): "the member", "officials" can.
    if len(phrase.split()) == 1 and phrase.islower() and head in PERSON_NOUNS | THING_NOUNS and head[-1] != "s":
        return None
    if head in THING_NOUNS:
        return "thing"
    if head in PERSON_NOUNS:
        return "person"
    if words[-1][:1].isupper() and all(w.casefold() in NOT_NAMES for w in words):
        return None
    return "name" if is_capitalised(words[-1]) else None


def is_capitalised(word: str) -> bool:
    """'Kalin', 'al-Awlaki', 'bin Laden' -> True: a name's word, after any particle."""
    return _PARTICLE_LEAD.sub("", word)[:1].isupper()
