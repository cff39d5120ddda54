from pathlib import Path

import pyarrow as pa
import pytest

from transforms.compare.figure_forms import SHARE_FRACTION, fraction_matches
from transforms.compare.figures import extract_figures, find_figures
from transforms.compare.numbers import FIGURE, figure_matches, find_numbers
from warehouse.contracts import FIGURES, conform

SEEDS = Path(__file__).resolve().parents[1] / "seeds" / "articles"


def _one(text):
    figures = find_figures(text)
    assert len(figures) == 1, figures
    fig = figures[0]
    assert text[fig.start_char:fig.end_char] == fig.raw
    return fig.value, fig.unit, fig.what, fig.qualifier


@pytest.mark.parametrize("text, expected", [
    # counts: Indian grouping and scales, the counted noun, hedges
    ("The conflict has claimed more than 3,80,000 lives so far.", (380000, None, "lives", "more_than")),
    ("More than 1.7 million Syrians have moved near the border.", (1700000, None, "syrians", "more_than")),
    ("Officials said 3 lakh people were moved.", (300000, None, "people", None)),
    ("The scheme covers 2.5 crore households.", (25000000, None, "households", None)),
    ("with more than 1,000 killed in the violence", (1000, None, "killed", "more_than")),
    ("Some 1,000 Syrian refugees crossed.", (1000, None, "syrian refugees", "about")),
    ("Nearly 2,000 people fled.", (2000, None, "people", "nearly")),
    ("almost 2,000 people fled", (2000, None, "people", "nearly")),
    ("around 300 troops arrived", (300, None, "troops", "about")),
    ("at least 30 strikes overnight", (30, None, "strikes", "at_least")),
    ("up to 500 fighters were sent", (500, None, "fighters", "up_to")),
    ("as many as 500 fighters were sent", (500, None, "fighters", "up_to")),
    ("fewer than 100 people came", (100, None, "people", "less_than")),
    ("less than 100 people came", (100, None, "people", "less_than")),
    ("over 1,000 people came", (1000, None, "people", "more_than")),
    ("the 11 million undocumented people in the country", (11000000, None, "undocumented people", None)),
    ("1,000 more troops will go", (1000, None, "troops", None)),
    ("a 5,000-strong force", (5000, None, "force", None)),
    ("12 of the 15 members", (15, None, "members", None)),
    ("in March 300 people died", (300, None, "people", None)),
    ("Beijing’s 21 million residents", (21000000, None, "residents", None)),
    ("the Bay Area 25 years ago", (25, "year", None, None)),
    ("benefit the GOP. Thirty-six percent of Republicans say", (36, "percent", "republicans", None)),
    ("but 300,000 didn’t have papers", (300000, None, None, None)),
    ("nearly three-dozen actors", (36, None, "actors", "nearly")),
    ("1 soldier was killed", (1, None, "soldiers", None)),
    ("the deaths of 5 persons", (5, None, "people", None)),
    # number words
    ("two soldiers were killed", (2, None, "soldiers", None)),
    ("Twenty-five protesters were held.", (25, None, "protesters", None)),
    ("a dozen protesters were held", (12, None, "protesters", None)),
    ("half a million refugees", (500000, None, "refugees", None)),
    ("the two rival seats of power", (2, None, "rival seats", None)),
    # measurements: the parenthesised conversion is not a second figure
    ("located 450 kilometers (280 miles) east of Tripoli", (450, "km", None, None)),
    ("about 65 kilometers southeast of the capital", (65, "km", None, "about")),
    ("a 450-kilometer border", (450, "km", "border", None)),
    ("a 1,300km (800 mile) border", (1300, "km", "border", None)),
    ("within 100 miles of the U.S. border", (100, "mile", None, "at_most")),  # at most 100 miles from it
    ("a 10-day ceasefire", (10, "day", "ceasefire", None)),
    ("for more than 30 years", (30, "year", None, "more_than")),
    ("Over 20 yrs you took", (20, "year", None, "more_than")),
    ("nearly 70 years of studies", (70, "year", "studies", "nearly")),
    # ages
    ("a 76-year-old former loyalist", (76, "age", "age", None)),
    ("he is 76 years old", (76, "age", "age", None)),
    ("the man, aged 40, was held", (40, "age", "age", None)),
    ("died at the age of 102", (102, "age", "age", None)),
    ("police arrested Tyrone Melville, 41, of Manhattan", (41, "age", "age", None)),
    # percentages
    ("12 percent of voters", (12, "percent", "voters", None)),
    ("unemployment rose to 12%.", (12, "percent", "unemployment", None)),
    ("a 12 per cent increase", (12, "percent", "increase", None)),
    ("support fell 3 percentage points", (3, "percentage_point", "support", None)),
    ("Biden (62 percent) leads", (62, "percent", None, None)),
    ("47 percent gave it a negative rating", (47, "percent", None, None)),
    ("the 15 percent threshold", (15, "percent", "threshold", None)),
    # money
    ("$1.5 billion in aid", (1500000000, "USD", "aid", None)),
    ("a €200m loan", (200000000, "EUR", "loan", None)),
    ("£3bn of cuts", (3000000000, "GBP", "cuts", None)),
    ("1 billion dollars", (1000000000, "USD", None, None)),
    ("Rs 500 crore", (5000000000, "INR", None, None)),
    ("Rs. 3 lakh", (300000, "INR", None, None)),
    ("TL 5 billion", (5000000000, "TRY", None, None)),
    ("5 billion Turkish lira", (5000000000, "TRY", None, None)),
    ("US$2.5 million", (2500000, "USD", None, None)),
    ("more than $475 million to fund the plan", (475000000, "USD", None, "more_than")),
    ("settled at $25.32 per barrel", (25.32, "USD", "per barrel", None)),
    ("paying people $15 an hour", (15, "USD", "per hour", None)),
    ("seven hundred billion dollars of subsidies", (700000000000, "USD", "subsidies", None)),
])
def test_figure(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text", [
    "on June 5, 2020",                       # dates and years
    "in 2014",
    "since the 2011 uprising",
    "on 12/01 the talks resumed",
    "on 5 June the talks resumed",
    "The hearing is on Aug. 22 in Washington.",
    "2020-06-05",
    "at 12:42 local time",                   # times
    "the meeting starts at 3 p.m. sharp",
    "the 5th round of talks",                # ordinals
    "call +1 202-555-0100 today",            # phone numbers
    "call 0212 555 1234 today",
    "Section 5 of the law",                  # labels, list and section numbers
    "under article 51 of the charter",
    "No. 10 says so",
    "1. First point of the plan",
    "(2) the second point",
    "Route 6 was closed",                    # numbers inside names and ids
    "Resolution 2510 was adopted",
    "COVID-19 cases rose",
    "F-16 jets flew over",
    "the G20 summit",
    "a Boeing 737 landed",
    "since the 1990s",
    "a two-state solution",                  # compounds and bare numbers
    "the vote was 10-15",
    "one of them said",
    "the two met on Friday",
])
def test_not_a_figure(text):
    assert find_figures(text) == []


def test_figures_are_read_in_order_and_ids_are_stable():
    text = "About 300 people marched; 12 were held and $5 million was lost. In 2014 two soldiers died."
    figures = find_figures(text)
    assert [(f.value, f.unit, f.what) for f in figures] == [
        (300, None, "people"), (5000000, "USD", None), (2, None, "soldiers")]
    table = conform(extract_figures(pa.table({"doc_id": ["d1"], "body": [text]})), FIGURES)
    assert table["figure_id"].to_pylist() == ["d1:0", "d1:1", "d1:2"]
    assert table["sentence"].to_pylist() == [
        "About 300 people marched; 12 were held and $5 million was lost.",
        "About 300 people marched; 12 were held and $5 million was lost.",
        "In 2014 two soldiers died."]


def test_extract_figures_conforms_and_offsets_index_the_body():
    bodies = ["Mr. Smith said 1,800 civilians had been killed.\n\nNo numbers here.", "Nothing to count.", ""]
    table = conform(extract_figures(pa.table({"doc_id": ["a", "b", "c"], "body": bodies})), FIGURES)
    assert table.column_names == FIGURES.names
    rows = table.to_pylist()
    found = [(r["doc_id"], r["value"], r["what"], r["raw"]) for r in rows]
    assert found == [("a", 1800, "civilians", "1,800 civilians")]
    assert rows[0]["sentence"] == "Mr. Smith said 1,800 civilians had been killed."
    assert bodies[0][rows[0]["start_char"]:rows[0]["end_char"]] == rows[0]["raw"]


def test_empty_batch_has_the_contract_schema():
    table = extract_figures(pa.table({"doc_id": pa.array([], pa.string()), "body": pa.array([], pa.string())}))
    assert table.schema == FIGURES and table.num_rows == 0


def _seed(name):
    return next(SEEDS.glob(f"{name}_*.txt")).read_text()


@pytest.mark.parametrize("seed, expected", [
    ("004", (65, "km", None, "about", "about 65 kilometers")),
    ("002", (450, "km", None, None, "450 kilometers (280 miles)")),
    ("002", (76, "age", "age", None, "76-year-old")),
    ("001", (380000, None, "lives", "more_than", "more than 3,80,000 lives")),
    ("000", (1800, None, "civilians", "more_than", "more than 1,800 civilians")),
    ("000", (1700000, None, "syrians", "more_than", "More than 1.7 million Syrians")),
    ("000", (3700000, None, "migrants", "more_than", "more than 3.7 million migrants")),
])
def test_seed_articles(seed, expected):
    found = [(f.value, f.unit, f.what, f.qualifier, f.raw) for f in find_figures(_seed(seed))]
    assert expected in found


def test_seed_articles_hold_no_years_or_dates():
    for path in sorted(SEEDS.glob("*.txt")):
        for fig in find_figures(path.read_text()):
            assert not (1900 <= fig.value <= 2100 and fig.unit is None), (path.name, fig)
            assert "June 5" not in fig.raw and "January" not in fig.raw, (path.name, fig)


@pytest.mark.parametrize("text, expected", [
    # shares: 'N in M' and fractions are a share of what follows, not a count of it
    ("Three in four Democrats say so.", (0.75, "share", "democrats", None)),
    ("one out of five voters stayed home", (0.2, "share", "voters", None)),
    ("Two thirds of the voters agreed.", (0.6667, "share", "voters", None)),
    ("a third of voters", (0.3333, "share", "voters", None)),
    # points are a unit; 'percentage points' is another
    ("Trump leads by 5 points", (5, "point", "margin", None)),  # the gap between the sides
    ("rates rose 25 basis points", (25, "basis_point", "rates", None)),
    # ages told apart from counts
    ("a story he wrote at 15 of children", (15, "age", "age", None)),
    # 'N or less' and 'at most N'
    ("households earning 49 or less", (49, None, None, "at_most")),
    ("at most 30 people", (30, None, "people", "at_most")),
    ("those aged 65 or older", (65, "age", "age", "at_least")),
    # what a sentence counts, named before the number
    ("Protesters filled the streets on Sunday, with about 10,000 in Madrid.", (10000, None, "protesters", "about")),
    # a number that carries on a count named before it
    ("Wolf attacks had risen to about 40 by then.", (40, None, "attacks", "about")),
    # hedges before shares, speeds, 'as far as', 'of all'
    ("Nearly two-thirds of farmers agreed.", (0.6667, "share", "farmers", "nearly")),
    ("gusts of 50 mph", (50, "mph", "gusts", None)),  # the noun before "of" is what it measures
    ("a range as far as 900 miles", (900, "mile", None, "up_to")),
    ("Phones made up 40% of all online sales.", (40, "percent", "online sales", None)),
    ("The flood's death toll stood at more than 2,000 on Friday.", (2000, None, "deaths", "more_than")),
    # a quote mark does not end what is counted
    ("only a third of the “donations” went to charity", (0.3333, "share", "donations", None)),
    ("He named 12 \"experts\" on the panel.", (12, None, "experts", None)),
    # a count's rate; the base of a rate is no count; plural fractions are shares without 'of'
    ("Between them they treat 40,000 per year.", (40000, None, "per year", None)),
    ("output of 9,000 per day possible by May", (9000, None, "per day", None)),
    # a participle before 'to' is a verb ('expected to'), not what is counted
    ("Some 1.2 million expected to vote early.", (1200000, None, None, "about")),
    ("with more than 1,000 killed to date", (1000, None, "killed", "more_than")),
    ("Polls show two thirds say the tax is fair.", (0.6667, "share", None, None)),
    ("He worked there for three quarters before leaving.", (3, None, "quarters", None)),
    ("A 10 percent fee \"will hurt us,\" she said.", (10, "percent", "fee", None)),
    # two plural nouns joined by 'and'/'or' are counted together; 'of both' counts what follows
    ("The army fired some 3,000 shells and rockets into the valley.", (3000, None, "shells and rockets", "about")),
    ("If a dozen tanks or trucks can cross, the bridge holds.", (12, None, "tanks or trucks", None)),
    ("Some 300 soldiers and reporters said so.", (300, None, "soldiers and reporters", "about")),
    ("About 400 soldiers and officers' families left.", (400, None, "soldiers", "about")),
    ("Nearly 90 nurses and doctors-in-training quit.", (90, None, "nurses", "nearly")),
    ("64% of both men and women say so", (64, "percent", "men and women", None)),
    # a measure right before a plural noun measures it; 'a/an' and one adjective make money attributive
    ("Forecasters expect 45 mph gusts tonight.", (45, "mph", "gusts", None)),
    ("The ship carried 300 tons cargo.", (300, "t", None, None)),
    ("She ran an enormous $40 million advertising budget.", (40000000, "USD", "advertising budget", None)),
    ("The firm paid $3 million bonuses.", (3000000, "USD", None, None)),
    # 'over N days' naming a span of time is no hedge; before what lasted, it is 'more than'
    ("Over 12 days, prices doubled.", (12, "day", None, None)),
    ("The plan costs $2 billion over five years.", None),
    ("He has served over 10 years in prison.", (10, "year", None, "more_than")),
])
def test_figure_forms(text, expected):
    if expected is None:  # two figures: the span is the second
        assert [(f.value, f.unit, f.qualifier) for f in find_figures(text)][1] == (5, "year", None)
        return
    assert _one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Officials counted 3,100 new infections Tuesday, an increase of about 200.",
     [("3,100 new infections", "infections"), ("about 200", "infections")]),
    ("Police held 90 men, two thirds of whom were released.", [("90 men", "men"), ("two thirds of", "men")]),
    # a comparison with the count before it counts the same thing
    ("The mayor won 52,000 votes, 8,000 more than his rival.", [("52,000 votes", "votes"), ("8,000", "votes")]),
    # 'from N to M' counts the noun the clause names before 'from'
    ("Infections climbed from fewer than 20 to more than 900.",
     [("fewer than 20", "infections"), ("more than 900", "infections")]),
    ("In a week, the queues grew from about 400 to 2,600.", [("about 400", "queues"), ("2,600", "queues")]),
    ("Officials raised the flood's death toll from 1,210 to 1,485.", [("1,210", "deaths"), ("1,485", "deaths")]),
    ("The plan tripled the number of school inspectors from about 40 to an unheard-of 120.",
     [("about 40", "inspectors"), ("120", "inspectors")]),
])
def test_a_count_that_carries_on_counts_what_the_count_before_it_counts(text, expected):
    assert [(f.raw, f.what) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the two ends of one range: one figure, read as its upper end is (unit, scale, counted noun)
    ("Forecasters expect 30 to 35 mph winds.", ("30 to 35 mph winds", 30, 35, "mph", "winds", None)),
    ("Audiences have ranged from 2.5 to 3.5 million, per the ratings.", ("2.5 to 3.5 million", 2500000, 3500000,
                                                                         None, "audiences", None)),
    ("It takes three or four months.", ("three or four months", 3, 4, "month", None, None)),
    ("some 80% to 90% of the staff", ("some 80% to 90% of the staff", 80, 90, "percent", "staff", "about")),
    ("between 5 and 10 percent of voters", ("5 and 10 percent of voters", 5, 10, "percent", "voters", None)),
    ("two to three million people fled", ("two to three million people", 2000000, 3000000, None, "people", None)),
    ("The deal is worth $2 million to $3 million.", ("$2 million to $3 million", 2000000, 3000000, "USD", None,
                                                     None)),
])
def test_a_range_is_one_figure_with_both_ends(text, expected):
    (fig,) = find_figures(text)
    assert (fig.raw, fig.value, fig.value_to, fig.unit, fig.what, fig.qualifier) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Senate voted 42 to 58 on the bill.", []),                       # a vote, not a range
    ("Cases rose from 20 to 30.", [(20, None), (30, None)]),              # a change: two figures
    ("It ran from June 5 to 10.", []),                                    # dates
    ("The panel lowered it from 300 to 200 jobs.", [(300, None), (200, None)]),  # a descending pair: a change
    ("Its ratio of nurses to doctors, at 40 percent to 60 percent, is low.", [(40, None), (60, None)]),  # a ratio
])
def test_pairs_that_are_not_ranges(text, expected):
    assert [(f.value, f.value_to) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text", [
    "He appeared on 60 Minutes on Sunday.",   # numbers inside names and titles
    "It is not the Ten Commandments, they said.",
    "Groups like the Three Percenters protested.",
    "the Group of 20 met in Osaka",
    "the S&P 500 closed higher",
    "That is 100% not true.",                 # a manner of speaking
    "I am 100 percent behind him.",
    "This is 100 percent a Ryan failure.",     # 'wholly', before what it says
    "Republicans are 100% with the leadership, and 100 percent agree.",
    "They moved from the 2.0 version to the 3.0 version in July.",   # versions
    "Hide Caption 12 of 40 Photos: The rally",  # a place in a gallery
    "Slide 3 of 25 images",
    "Deaths reached 12.4 per 100,000 last year.",  # the base of a rate
    "He tried to catch forty winks on the plane.",  # set phrases
    "Here are my two cents on it.",
    "They went the whole nine yards.",
    "A picture is worth a thousand words.",
])
def test_numbers_in_names_and_idioms_are_not_figures(text):
    assert find_figures(text) == []


def test_a_whole_percentage_that_measures_something_stays_a_figure():
    found = find_figures("Turnout was 100 percent of voters, and the city runs on 100 percent renewable energy.")
    assert [(f.value, f.unit) for f in found] == [(100, "percent"), (100, "percent")]


@pytest.mark.parametrize("text", [
    "Two million people, 5 km2 and two-thirds",
    "A$5m or a million? Twenty five, atwo 2, x two",
    "5 Two 3 half a million\nthree hundred TL 40 and US$ 7bn",
    "twenty-5000 one km2 5 Eighty-two",
])
def test_figure_matches_are_the_one_patterns_matches(text):
    found = [(m.start("core"), m.end(), m["core"], m["unit"]) for m in figure_matches(text)]
    assert found == [(m.start(), m.end(), m["core"], m["unit"]) for m in FIGURE.finditer(text)]
    assert found


@pytest.mark.parametrize("text, expected", [
    # A hedge keeps its sense across an article before a figure that modifies a noun ...
    ("Keep at least a six-foot distance from others.", (6, "ft", "distance", "at_least")),
    ("It took nearly a 20 percent drop in sales.", (20, "percent", "drop", "nearly")),
    ("They hold about an 8 percent share.", (8, "percent", "share", "about")),
    # ... but a preposition before 'a' says how long, not how much.
    ("Over a 10-year period, costs rose.", (10, "year", "period", None)),
    ("It is as far as a five-year term.", (5, "year", "term", None)),
    # A share of a group named by its adjective.
    ("The county is 8 percent Asian.", (8, "percent", "asian", None)),
    ("About 40 percent Republican voters backed him.", (40, "percent", "republican voters", "about")),
    ("He won 52 percent Tuesday.", (52, "percent", None, None)),
])
def test_hedges_across_an_article_and_shares_of_groups(text, expected):
    assert _one(text) == expected


def test_others_are_of_the_count_before():
    figures = find_figures("The gunman killed 12 people and wounded 53 others in the attack.")
    assert [(f.value, f.what) for f in figures] == [(12, "people"), (53, "people")]
    assert find_figures("The 53 others were safe.") == []  # nothing counted before them: no figure


@pytest.mark.parametrize("text, what", [
    # A name or a collective noun before a plural noun: the last noun is what is counted ...
    ("Two police officers were wounded.", "police officers"),
    ("About 66 percent of Sanders supporters said no.", "sanders supporters"),
    ("Eleven Hamas rockets hit the town.", "hamas rockets"),
    # ... not a verb after a common plural, nor a time or an age.
    ("The deal between two countries negates the rule.", "countries"),
    ("Some 15 people years ago left.", "people"),
    ("It was 46% of Democrats ages 18 to 29.", "democrats"),
])
def test_a_name_or_collective_before_a_plural_noun(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    # an age in months, weeks or days is an age, in years
    ("She left 6-month-old twins at home.", ("6-month-old", 0.5, "age", "age", None)),
    ("The baby is 18 months old.", ("18 months old", 1.5, "age", "age", None)),
    ("It lasted 18 months.", ("18 months", 18, "month", None, None)),
    # 'under/over N' after an age word or people, with nothing counted after it, is an age
    ("Many of them are younger, under 35.", ("under 35", 35, "age", "age", "less_than")),
    ("Adults over 65 were hit hardest.", ("over 65", 65, "age", "age", "more_than")),
    ("Projects under 30 days were cut.", ("under 30 days", 30, "day", None, "less_than")),
    ("Voters under 30 and women backed him.", ("under 30", 30, "age", "age", "less_than")),
    ("The cap is under 35 voters.", ("under 35 voters", 35, None, "voters", "less_than")),
    # a rate after a figure: 'a day', 'a year', 'per week'
    ("He patrolled the area for eight hours a day.", ("eight hours a day", 8, "hour", "per day", None)),
    ("The economy grew 3 percent a year.", ("3 percent a year", 3, "percent", "per year", None)),
    ("The clinic sees 500 a week.", ("500 a week", 500, None, "per week", None)),
    ("The lab runs 40,000 swabs a day.", ("40,000 swabs a day", 40000, None, "swabs per day", None)),  # a rate of
    ("They lost 200 jobs a year ago.", ("200 jobs", 200, None, "jobs", None)),  # the noun counted; not 'a year ago'
    ("Three buses a day leave town.", ("Three buses a day", 3, None, "buses per day", None)),  # a number word too
    ("It would cost $50 billion annually.", ("$50 billion annually", 5e10, "USD", "per year", None)),
    # a fraction of a measured figure is that much of it; of a count it stays a share
    ("a rate of less than one-half of 1 percent", ("one-half of 1 percent", 0.5, "percent", None, "less_than")),
    ("He paid over a quarter of a million dollars.", ("a quarter of a million dollars", 250000, "USD", None,
                                                      "more_than")),
    # a determiner before a range makes the whole range modify the noun after it
    ("There is a 10 percent to 14 percent chance of a quake.", ("10 percent to 14 percent chance", 10, "percent",
                                                               "chance", None)),
])
def test_ages_in_months_and_under_n_rates_and_fractions_of_figures(text, expected):
    fig = find_figures(text)[-1]
    assert (fig.raw, fig.value, fig.unit, fig.what, fig.qualifier) == expected


@pytest.mark.parametrize("text, expected", [
    ("two-thirds of 300 members", [("two-thirds of", 0.6667, "share"), ("300 members", 300, None)]),
    # a quarter may be of a year: only a fraction of one unit or one scale is taken as that much of it
    ("costs for a quarter of $12.88 billion", [("a quarter of", 0.25, "share"), ("$12.88 billion", 12.88e9, "USD")]),
])
def test_a_fraction_of_a_count_or_of_an_amount_stays_a_share(text, expected):
    assert [(f.raw, f.value, f.unit) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, what", [
    # the counted phrase reads on: a collective after a name, a hyphenated participle, a word in quote marks
    ("Police said five Dallas police officers were shot.", "dallas police officers"),
    ("It settled more than 28 civil rights-related lawsuits against the police.", "civil rights-related lawsuits"),
    ("He made 16 “outlandish” statements in a week.", "outlandish statements"),
    ("The state sold 12 state-owned firms.", "state-owned firms"),
    # a plural the lexicon knows as a noun, after a common plural and before a clause boundary, heads the phrase
    ("The House has passed 12 jobs bills since May.", "jobs bills"),
    ("It was sued by five veterans groups.", "veterans groups"),
    # a modifier the lexicon knows as an adjective (no verb) before a plural noun; an adverb before a participle
    ("They estimated that about 150 outside groups are involved.", "outside groups"),
    ("The city built two high schools last year.", "high schools"),
    ("with 507 currently hospitalized compared to 1,330 in Michigan", "hospitalized"),
    # ... and it ends: an adjective after the noun ('majority necessary to'), a contraction ('I’ve')
    ("It was the two-thirds majority necessary to override the veto.", "majority"),
    ("In my 56 years of international travel I’ve had no trouble.", "international travel"),
])
def test_the_counted_phrase_reads_on_and_ends(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("They waited, with 1,500 outside the hall.", None),   # a preposition before a determiner, not a modifier
    ("The deal between two countries negates the rule.", "countries"),
    ("Of the 1,500 left homeless, most stayed.", None),    # 'left' is a verb too: no modifier
    # before an object or 'that'/'from' the second plural is a verb; after a possessive it is owned
    ("An average of three recent polls shows that women agree.", "recent polls"),
    ("Its network of 100 stations stretches from coast to coast.", "stations"),
    ("He chose not to renew nine members’ terms, she said.", "members"),
])
def test_the_counted_phrase_does_not_take_prepositions_or_verbs(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    # a number standing alone in a list after a count counts what that count counts
    ("The virus has infected some 100,000 people and killed 3,000.", ("3,000", "people")),
    ("Ford had about 3,400 temps, and GM had 4,800, the union said.", ("4,800", "temps")),
    # ... not after 'of' nor inside a parenthesis, where it is something else
    ("It sent 500 soldiers to a country with a population of 180 million.", ("180 million", "population")),
    ("About 170,000 women left (the population is a little under 5 million).", ("a little under 5 million", None)),
])
def test_a_number_alone_in_a_list_counts_what_the_count_before_it_counts(text, expected):
    assert [(f.raw, f.what) for f in find_figures(text)][-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("It polled voters 65 or older.", ("65", 65, "age", "age", "at_least")),
    ("Half were 30 or younger.", ("30", 30, "age", "age", "at_most")),
])
def test_n_or_older_is_an_age(text, expected):
    fig = find_figures(text)[-1]
    assert (fig.raw, fig.value, fig.unit, fig.what, fig.qualifier) == expected


@pytest.mark.parametrize("text", [
    "two-thirds of the vote, two thirds say, a third of voters and three quarters of them",
    "behalf of headquarters: one-half of 1 percent, halves of, a fifth and four fifths, tenths",
    "third-party half of-it -quarter of",
])
def testfraction_matches_are_the_patterns_matches(text):
    found = [m.span() for m in fraction_matches(text)]
    assert found == [m.span() for m in SHARE_FRACTION.finditer(text)]
    assert found


def test_numbers_without_years_leave_out_only_bare_years():
    text = "In 2014, 2,014 people paid $2014 for 1999 km and 2020s, 1,000 and 2101 more."
    found = [text[n.start:n.end] for n in find_numbers(text, years=False)]
    assert found == ["2,014", "$2014", "1999 km", "1,000", "2101"]
    assert [text[n.start:n.end] for n in find_numbers(text)] == ["2014", *found[:3], "2020", *found[3:]]


@pytest.mark.parametrize("text, expected", [
    # 'worth of' names what an amount is of
    ("The FHA has stuck more than $75 billion worth of similar re-estimates onto the tab.",
     (75_000_000_000, "USD", "similar re-estimates", "more_than")),
    # a hyphen between a number and its unit makes a compound modifier of the noun after it
    ("It was a lower-than-desired, six-year graduation rate,” Keating said.", (6, "year", "graduation rate", None)),
    ("Nurses preferred 12-hour rotations instead.", (12, "hour", "rotations", None)),
    # 'time' after a noun heads the phrase
    ("The NRCC has booked more than $1 million in advertising time in each of the districts.",
     (1_000_000, "USD", "advertising time", "more_than")),
    # after 'of', a plural's possessive and 'a' are determiners
    ("Rosatom sought 20 percent of the United States’ uranium assets.", (20, "percent", "uranium assets", None)),
    ("It is bigger than 1 percent of a smaller number.", (1, "percent", "smaller number", None)),
    # an adverb after the noun ends the phrase
    ("The budget promises $4.4 trillion in deficit reduction largely by raising taxes.",
     (4_400_000_000_000, "USD", "deficit reduction", None)),
])
def test_what_an_amount_is_of_and_compound_modifiers(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("Nine members’ terms ended.", "members"),             # a plural's possessive counts its owners
    ("He wants 10 percent of the time.", None),           # 'time' alone is not what is counted
])
def test_possessives_time_and_adverbs_elsewhere(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text", [
    "The media is with the establishment 100%.",        # after whom or what it backs, at a clause end
    "So I trust the American voter 100 percent, because I think so.",
    'He messaged Parnas, who responded "100%."',          # set off in quote marks by itself
    "Assange said he was ‘1000%’ confident.",
    "I’ll wait 4 ur correction & apology.",                # '4' as texted 'for'
    "thanks 2 u all",
])
def test_a_percentage_as_a_manner_of_speaking_and_texted_words_are_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Prices rose 100%.", (100, "percent", "prices", None)),
    ("It earned a “100%” rating from the group.", (100, "percent", None, None)),
    ("Only 4 US soldiers were hurt.", (4, None, "us soldiers", None)),
    # a comparative before a noun makes the amount modify it
    ("They would get $1,210 less benefit each year.", (1210, "USD", "benefit per year", None)),
    ("It is 10 percent more likely.", (10, "percent", None, None)),
    # a comparison sign is a hedge
    ("QUALIFIED All ≥5% EARLY STATE", (5, "percent", None, "at_least")),
    ("Support was ~5 percent better than expected.", (5, "percent", None, "about")),
])
def test_whole_percentages_comparatives_and_signs(text, expected):
    assert _one(text) == expected


def test_a_share_before_a_verb_and_its_object_is_of_the_group_the_clause_is_about():
    text = "Asian voters were 4 percent of the electorate and nearly four in five supported the incumbent."
    share = find_figures(text)[-1]
    assert (share.raw, share.value, share.unit, share.what, share.qualifier) == \
        ("four in five", 0.8, "share", "voters", "nearly")


@pytest.mark.parametrize("text, expected", [
    # after a percentage or money, a word only ever a noun is what it measures
    ("Models reach 97 percent accuracy on the test.", (97, "percent", "accuracy", None)),
    ("It went from shoestring operation to $25 million enterprise.", (25_000_000, "USD", "enterprise", None)),
    ("Most $1,200 stimulus checks were slow.", (1200, "USD", "stimulus checks", None)),
    ("Allowing 50 percent restaurant capacity makes more sense.", (50, "percent", "restaurant capacity", None)),
    # not a plural after money, nor a verb
    ("It beat the chunks of up to $1,200 lawmakers just approved.", (1200, "USD", "chunks", "up_to")),
    ("47 percent gave it a negative rating", (47, "percent", None, None)),
])
def test_a_noun_right_after_a_percentage_or_money(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("The 14 Republican and Democratic lawmakers said so.", "republican and democratic lawmakers"),
    ("Farrow spoke to 30 current and former employees who", "current and former employees"),
    ("Nearly three quarters of Democratic and independent left-leaning voters told a poll",
     "democratic and independent left-leaning voters"),
    ("It raised the toll to 28 dead and drew a rebuke.", "dead"),   # a verb after 'and'
])
def test_adjectives_joined_before_their_noun(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("Harvey brought an unprecedented 50 inches of rain.", (50, "inch", "rain", None)),
    ("It is allowed above the 3.4 ounce limit.", (3.4, "oz", "limit", None)),
    ("He rushed for 468 yards on the day.", (468, "yd", None, None)),
])
def test_ounces_inches_and_yards(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, raws", [
    ("a 13-point lead — 54 versus 41 percent — for Evers", ["13-point lead", "41 percent"]),  # 'versus' ends it
    ("Springfield Armory XD Mod.2 (9×19 mm)", []),                                           # a dimension
])
def test_versus_and_dimensions(text, raws):
    assert [f.raw for f in find_figures(text)] == raws


@pytest.mark.parametrize("text, what", [
    ("Trump repaid Cohen for $130,000 in hush money given to Daniels.", "hush money"),  # an irregular participle
    ("It was above the $250,000 figure sought by Obama.", "figure"),
    ("Deloitte offers 16 weeks of fully paid family leave.", "fully paid family leave"),  # after an adverb, a modifier
])
def test_irregular_participles_end_the_phrase_unless_an_adverb_leads_them(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("Anyone younger than 21 years cannot buy one.", (21, "age", "age", "less_than")),
    ("People older than 45 composed a larger share.", (45, "age", "age", "more_than")),
])
def test_younger_or_older_than_n_is_an_age(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("If you accumulate 20 years of unpaid parking tickets, a court acts.", "unpaid parking tickets"),  # -ing after
    ("She had 28 years of spending behind her.", None),                                   # an adjective goes on
    ("Trump was 13 points ahead in the poll.", None),                                     # adverbs of place end it
    ("I rushed the two miles back uptown.", None),
])
def test_gerunds_after_adjectives_and_adverbs_of_place(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("The table had some 50-year-olds and the millennials.", (50, "age", "age", "about")),
    ("It lists the 10 most admired men in the world.", (10, None, "admired men", None)),
    ("More than 100 of the most plugged-in activists met.", (100, None, "plugged-in activists", "more_than")),
    ("GM made more than 900 GM temporary hourly employees regular staff.",
     (900, None, "gm temporary hourly employees", "more_than")),
    ("It offered a path for 1.8 million young undocumented immigrants in February.",
     (1_800_000, None, "young undocumented immigrants", None)),
    ("Voters would like somebody under 60 on the ballot.", (60, "age", "age", "less_than")),
    ("The 100-mile zone encompasses his home.", (100, "mile", "zone", None)),
])
def test_ages_in_plural_superlatives_modifiers_before_plurals_and_verbs_after_nouns(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("Sheriff Honea put the number of people unaccounted for at 1,276.", "people"),
    ("The numbers of US troops in Syria increased, standing today at some 2,000.", "troops"),
    ("The number of urns added up to a death toll around 42,000 to 47,000.", None),  # a toll counts deaths
])
def test_a_bare_number_after_the_number_of_a_plural_counts_it(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("Profits were up from $21 billion a year ago.", [(21e9, "USD", "profits")]),  # says when
    ("I make $350 a month before taxes.", [(350, "USD", "per month")]),                                 # a rate
    ("Tariffs hit another $325 billion in Chinese goods.", [(325e9, "USD", "chinese goods")]),          # not a place
    ("About two-thirds of the estimated 31,000 Islamic State militants were in Iraq.",
     [(0.6667, "share", "islamic state militants"), (31000, None, "islamic state militants")]),
    ("A curfew binds those under 20 and over 65 at night.", [(20, "age", "age"), (65, "age", "age")]),
])
def test_times_ago_demonyms_after_in_shares_of_a_count_and_paired_ages(text, expected):
    assert [(f.value, f.unit, f.what) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, whats", [
    ("CNN had 6.3 percent of guest appearances, Fox 3.1 percent and MSNBC 7.3 percent.",
     ["guest appearances", "guest appearances", "guest appearances"]),
    ("Some 47 percent of those surveyed liked him and 50 percent did not.", ["surveyed", None]),  # not a participle
    ("Unemployment rose to 12%. Only 30 percent found work.", ["unemployment", None]),  # not across sentences
])
def test_a_bare_percentage_listed_after_one_of_something_is_of_it_too(text, whats):
    assert [f.what for f in find_figures(text)] == whats


@pytest.mark.parametrize("text, expected", [
    ("Prior to 2013, 1 out of every 100 aliens claimed credible fear.", (0.01, "share", "aliens", None)),
    ("They start two out of every three new businesses.", (0.6667, "share", "businesses", None)),
])
def test_n_out_of_every_m_is_a_share(text, expected):
    assert _one(text) == expected


def test_a_name_of_four_words_before_its_head_noun():
    found = find_figures("It offers a $10,000 Economic Injury Disaster Loan advance or a full loan.")
    assert found[0].what == "economic injury disaster loan advance"


@pytest.mark.parametrize("text, expected", [
    ("The ad will be played an estimated 28,000 times, he said.", [(28000, "times", "about")]),
    ("The Fed had raised rates four times in 2018.", [(4, "times", None)]),
    ("Costs are three times the national average.", []),            # a multiplier, not occasions
    ("It is five times as large and 2.5 times higher.", []),
])
def test_n_times_before_an_end_or_a_preposition_counts_occasions(text, expected):
    assert [(f.value, f.what, f.qualifier) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, what", [
    ("His campaign invested $2.4 million in radio and television advertising.", "radio and television advertising"),
    ("Pack at least three days of food and water.", "food and water"),
    ("They sent $1.5 billion in aid and promised more.", "aid"),
])
def test_one_noun_after_in_or_of_joined_with_another(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("Deaths fell from the 264,518 recorded at this point in 2011.", [(264518, None, None)]),
    ("One-third of those respondents under 30 cited the Internet.", [(0.3333, "share", "respondents"),
                                                                      (30, "age", "age")]),
    ("Seven reported in the past two weeks have killed people.", [(2, "week", None)]),
])
def test_telling_participles_and_ages_before_a_verb(text, expected):
    assert [(f.value, f.unit, f.what) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Bail was set at a $3,500 bond.", (3500, "USD", "bond", None)),
    ("He was freed on $1,140 bail.", (1140, "USD", "bail", None)),
    ("Some 42 percent want major changes.", (42, "percent", None, "about")),  # a verb before its object
    ("It has 15% support in polls.", (15, "percent", "support", None)),
    ("Only 15% support it.", (15, "percent", None, None)),                  # a verb before its object
    ("Some 20 percent want to leave.", (20, "percent", None, "about")),
    ("Benefits were capped at $1,104 weekly.", (1104, "USD", "per week", None)),
    ("It cost $5 billion in today’s dollars.", (5e9, "USD", "dollars", None)),
    ("About 3,000 today are homeless.", (3000, None, None, "about")),
])
def test_a_noun_that_may_be_a_verb_after_a_percentage_or_money(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("word", ["outside", "can", "must", "all", "bars", "establishment", "Hourly", "xyzzy"])
def test_word_classes_are_lemminflects(word):
    from lemminflect import getAllLemmas

    from transforms.compare.figure_words import word_classes
    assert word_classes(word) == frozenset(getAllLemmas(word))


@pytest.mark.parametrize("text, expected", [
    ("They will pay $25 billion over three years to build it.", [(25e9, "USD", None, None), (3, "year", None, None)]),
    ("If you're over 30, the guidelines differ.", [(30, "age", "age", "more_than")]),
    ("My deductible has increased nearly three times under the law.", [(3, None, None, "nearly")]),
])
def test_spans_after_amounts_ages_of_you_and_multipliers(text, expected):
    assert [(f.value, f.unit, f.what, f.qualifier) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Deaths topped 45,150 nationwide this week.", [(45150, "deaths")]),  # an adverb alone counts nothing; the
    # subject of the verb of passing does
    ("It is not among the 100 largest in the state.", []),
    ("The shooting left 12 dead and 58 wounded.", [(12, "dead"), (58, "wounded")]),  # the people in a state
    ("The page drew nearly 10,000 likes in two weeks.", [(10000, "likes"), (2, None)]),
    ("I didn't get downtown until about two o'clock.", []),                     # a time
])
def test_an_adverb_or_adjective_alone_after_a_count_and_times_in_words(text, expected):
    assert [(f.value, f.what) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, what", [
    ("His state had 474 COVID-19 deaths in the past day.", "covid-19 deaths"),
    ("Men have accounted for 71% of Covid-19 deaths in Italy.", "covid-19 deaths"),
    ("She won 48% of the under-30 vote.", "under-30 vote"),
])
def test_a_word_joined_to_digits_by_a_hyphen_is_one_word(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("They mustered 53 votes, seven short of the 60 needed to advance bills.", [(53, "votes")]),
    ("He fell short of the 71,000 needed for election.", [(71000, None)]),
])
def test_needed_after_a_number_is_no_counted_thing(text, expected):
    assert [(f.value, f.what) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("So have six of the state's seven Democratic House members.", [(7, None, "democratic house members", None)]),
    ("He was an adviser to campaigns for over two decades.", [(2, "decade", None, "more_than")]),
    ("Roughly three of every four people agree.", [(0.75, "share", "people", "about")]),
])
def test_counts_inside_a_phrase_for_over_n_and_n_of_every_m(text, expected):
    assert [(f.value, f.unit, f.what, f.qualifier) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Keep warming below 2°C of global warming.", (2, "celsius", "global warming", "less_than")),
    ("It must not rise more than 1.5 degrees Celsius by 2100.", (1.5, "celsius", None, "more_than")),
    ("His temperature was 100.3 degrees Fahrenheit (about 38 Celsius).", (100.3, "fahrenheit", "temperature", None)),
    ("He made a 180 degrees turn.", (180, None, "degrees", None)),   # degrees alone stay a count
])
def test_temperatures(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Wilson weighs about 210 pounds.", (210, "lb", None, "about")),
    ("Police seized nearly 4,000 pounds of banned fireworks.", (4000, "lb", "banned fireworks", "nearly")),
    ("The fund paid £5 million and 3 million pounds sterling.", None),
])
def test_pounds_are_weight_unless_sterling(text, expected):
    if expected is None:
        assert [f.unit for f in find_figures(text)] == ["GBP", "GBP"]
    else:
        assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("The 10-year Treasury yield fell to another low.", "treasury yield"),
    ("Only 1 percent of U.S. electricity came from solar.", "u.s. electricity"),
])
def test_an_irregular_past_tense_after_the_noun_ends_the_phrase(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("Polls show a 10% advantage statewide.", "advantage"),                      # an adverb after the noun
    ("Jill Stein received less than 1 percent of the vote overall.", "vote"),
    ("It launched a $255,000 ad buy slamming Ayotte.", "ad buy"),                # a gerund before its object
    ("It cut $85 billion in automatic spending cuts.", "automatic spending cuts"),  # a gerund in a compound
    ("It backed $165 billion in additional defense spending.", "defense spending"),
])
def test_adverbs_and_gerunds_after_the_noun(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, whats", [
    ("It holds about 70 percent of Syria and roughly 25 percent or thereabouts of Iraq.", ["syria", None]),
    ("A poll found 92 percent of voters, including 91 percent of gun-owning households, agreed.",
     ["voters", "gun-owning households"]),
    ("Some 51 percent of Americans want it, 74 percent of them watch.", ["americans", "americans"]),
])
def test_a_listed_percentage_with_its_own_of_is_not_of_the_one_before(text, whats):
    assert [f.what for f in find_figures(text)] == whats


def test_a_hyphened_gerund_after_of_modifies_the_noun():
    assert _one("He warned of four years of left-wing rule.") == (4, "year", "left-wing rule", None)


def test_a_percentage_after_of_the_n_group_is_of_the_group():
    found = find_figures("Of the 251 participants, 35.7 percent said that they did not.")
    assert [(f.value, f.unit, f.what) for f in found] == [(251, None, "participants"),
                                                          (35.7, "percent", "participants")]


@pytest.mark.parametrize("text, expected", [
    ("The leader said one or two Democratic governors could join.",
     ("one or two Democratic governors", 1, 2, None, "democratic governors", None)),
    ("Officials expect a decision within one to two months.", ("within one to two months", 1, 2, "month", None,
                                                               "at_most")),
    ("The strike could last three to four more weeks.", ("three to four more weeks", 3, 4, "week", None, None)),
    ("She stayed for two more years.", ("two more years", 2, None, "year", None, None)),
])
def test_a_range_opened_by_one_and_a_unit_after_more(text, expected):
    (fig,) = find_figures(text)
    assert (fig.raw, fig.value, fig.value_to, fig.unit, fig.what, fig.qualifier) == expected


@pytest.mark.parametrize("text, expected", [
    ("Protests are banned within 500 feet of polling places.", (500, "ft", None, "at_most")),  # from where, not what
    ("He came within 7 points of the incumbent.", (7, "point", None, "at_most")),
    ("They compared voters within three age groups.", (3, None, "age groups", None)),  # a count: no bound
    ("Tickets rose by as much as $40 apiece.", (40, "USD", "each", "up_to")),  # a price per item
    ("The donors gave $200 each, the filing shows.", (200, "USD", "each", None)),
    ("The deal is worth $4.2 billions over a decade.", (4.2e9, "USD", None, None)),  # a plural scale word
])
def test_within_a_bound_a_price_per_item_and_plural_scales(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("Lawmakers passed a $40 billion tax cut that critics oppose.", "tax cut"),  # a participle heading a compound
    ("The bill holds a $2 trillion spending cut.", "spending cut"),
    ("It had a 90-day deadline set by law.", "deadline"),                       # a participle with its agent
    ("Officials cut 7 percent of the rising budgets this year.", "rising budgets"),  # a participle after 'the'
    ("A two-year deal gets us past the vote.", "deal"),      # a verb in s before an object pronoun
    ("It ended the three months following the attack.", None),  # 'following' a preposition
    ("Voters could get four years of Smith.", None),          # a name after a span says whose time it is
    ("It ended 30 years of Republican dominance there.", "republican dominance"),  # an adjective before its noun
])
def test_compound_heads_participles_after_a_determiner_and_verbs_before_pronouns(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("The drone has a (30 mile range) battery.", "range"),                      # a singular unit modifies
    ("Nurses work 12 hour shifts there.", "shifts"),
    ("Two year deal gets us past the vote.", "deal"),
    ("The firm bought a €600 million [$650 million] share of the port.", "share"),  # a conversion in brackets
    ("She was held on $5,000 bail pending trial.", "bail"),  # after a preposition the figure is no subject
    ("with 56 percent saying it should be allowed", None),   # but a participle after it makes a clause
    ("It opened a two-day, closed-door retreat in Maine.", "closed-door retreat"),  # coordinated modifiers
])
def test_singular_units_bracketed_conversions_and_nouns_after_a_preposition(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("Gas rose 20 cents a gallon.", [("20 cents a gallon", 0.2, None, "USD", "per gallon")]),  # hundredths of $
    ("Power costs 13.6 cents per kilowatt hour here.", [("13.6 cents per kilowatt hour", 0.136, None, "USD",
                                                         "per kilowatt hour")]),  # a unit made with a time
    ("It saves 5 to 12 cents a day.", [("5 to 12 cents a day", 0.05, 0.12, "USD", "per day")]),
    ("Just 30 cents of every dollar goes to them.", [("30 cents", 0.3, None, "USD", None)]),  # a proportion's base
    ("Hourly pay rose 4 cents to $23.82 in May.", [("4 cents", 0.04, None, "USD", "hourly pay"),  # a change, a level
                                                   ("$23.82", 23.82, None, "USD", "hourly pay")]),
])
def test_cents_are_hundredths_of_a_dollar(text, expected):
    assert [(f.raw, f.value, f.value_to, f.unit, f.what) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, what", [
    ("An increase of 5 percent means higher bills.", "increase"),  # after 'of' the figure may end a subject
    ("A tax of 2 percent works out to a few dollars.", "tax"),
    ("Prices fell by 3 percent signals a slowdown.", "prices"),  # a noun-verb in s after a governed figure: a verb
    ("They borrow at 3.85 percent interest rates now.", "interest rates"),
    ("She polls at 5% support among young voters.", "support"),
])
def test_a_figure_after_of_or_before_a_verb_in_s_is_no_noun_modifier(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("The euro rose 2 cents against the dollar.", [("2 cents", 2, None, "cents")]),  # whose cents: unknown
    ("Canada's dollar fell to 74 cents on Monday.", [("74 cents", 74, None, "cents")]),
    ("He paid one euro and 20 cents for the ticket.", [("20 cents", 0.2, "EUR", None)]),  # the money before
    ("The stamp costs 50 euro cents.", [("50 euro cents", 0.5, "EUR", "stamp")]),  # what costs it
    ("Petrol rose 20 pence a litre.", [("20 pence a litre", 0.2, "GBP", "per litre")]),  # hundredths of a pound
    ("The dollar fell to 74 cents on Monday.", [("74 cents", 0.74, "USD", "dollar")]),  # no other money: a dollar's
    ("The Australian dollar fell to 70 cents.", [("70 cents", 70, None, "cents")]),  # a dollar a demonym names
    ("Another dollar bought 90 cents of goods.", [("90 cents of goods", 0.9, "USD", "goods")]),  # no name
])
def test_cents_take_the_currency_named_before_them_or_none(text, expected):
    assert [(f.raw, f.value, f.unit, f.what) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The company's two cents per share dividend was cut.", (0.02, "USD", "per share")),  # a price, no idiom
    ("Exxon's two cents a gallon increase angered drivers.", (0.02, "USD", "per gallon")),
    ("He dropped his two cents a day into a jar.", (0.02, "USD", "per day")),
])
def test_two_cents_with_a_rate_or_a_company_is_a_price(text, expected):
    (fig,) = find_figures(text)
    assert (fig.value, fig.unit, fig.what) == expected


@pytest.mark.parametrize("text, expected", [
    ("He finished within two strokes of the lead.", (2, None, "strokes", "at_most")),  # a margin from the lead
    ("The party came within 10 seats of a majority.", (10, None, "seats", "at_most")),
    ("The two were within five votes of each other.", (5, None, "votes", "at_most")),
    ("Sales came within 3 percent of its target.", (3, "percent", None, "at_most")),
])
def test_within_a_count_of_something_is_a_margin(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("Romney backs a $5 trillion tax cut for the rich.", "tax cut"),  # a base-form past heads its compound
    ("The $1.5 trillion tax cut passed in December.", "tax cut"),
    ("He signed a $2 billion tax cut into law.", "tax cut"),
    ("They put a $10 million price cut in place.", "price cut"),
    ("The 3 percent budget cut the staff.", "budget"),  # with an object it is the verb
    ("The German two-year bond fell below zero.", "bond"),  # a past that is not its base form goes on as a verb
    ("He spent 20 years of New York politics in the fight.", "new york politics"),  # a name before its noun
    ("They closed five New Jersey towns.", "new jersey towns"),  # 'New' in a name is no quantity word
])
def test_compound_heads_and_names_before_their_noun(text, what):
    assert find_figures(text)[0].what == what


def test_a_range_opened_by_one_has_close_ends():
    assert [(f.value, f.value_to, f.what) for f in find_figures("He spoke one to 2,000 supporters.")] \
        == [(2000, None, "supporters")]


@pytest.mark.parametrize("text, what", [
    ("Profit was up 14% in the spring.", "profit"),  # the subject of a verb of change or level
    ("The bakery's turnover fell 6 percent.", "turnover"),  # its owner is a determiner
    ("Last winter, heating bills climbed to $310.", "heating bills"),
    ("Along the coast, August temperatures reached 98 degrees Fahrenheit.", "august temperatures"),
    ("Her approval rating stood at 38 percent in the poll.", "approval rating"),
    ("The price of copper jumped 9% overnight.", "price of copper"),  # 'of' and its noun stay
    ("Shares of the brewer dropped 4 percent.", "shares of brewer"),
    ("Ticket sales in the region rose 11 percent.", "ticket sales"),  # a prepositional phrase passed over
    ("Analysts said exports grew 3 percent.", "exports"),  # after a verb that reports a clause
    ("Figures show wages may fall 2 percent.", "wages"),  # the reporting verb ends the phrase
    ("The county's debt, which has topped $2 billion, worries voters.", "debt"),  # 'which' stands for it
    ("It rose 5 percent.", None),  # a pronoun names nothing
    ("This figure could grow to $40 million.", None),  # a demonstrative refers back
    ("Fraud and theft were down 12 percent.", None),  # one conjunct is not the subject
    ("Fares rose 3%, and the cost of parking climbed 7%.", "cost of parking"),  # ', and' opens a clause
    ("Rice was up 2% and Japan's wheat fell 5%.", "wheat"),  # a conjunct with its own owner
    ("The share of towns building any new roads fell 4 percent.", None),  # too long: its head alone says too little
    ("Sailors could see storm swells up to 9 feet.", None),  # a noun in s after an object is no verb
    ("The count of cars that went to repair shops has declined 8 percent.", None),  # a longer subject
    ("He noted 14 straight weeks of price gains above 2%.", None),  # a noun in s after a count
    ("The crew finished 40 percent of the route.", "route"),  # what follows the figure comes first
])
def test_the_subject_of_a_verb_of_change_or_level_is_what_its_figure_measures(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text, qualifier", [
    ("Donations topped $5 million last week.", "more_than"),  # passed: more than the figure
    ("Deaths have exceeded 4,000 in the region.", "more_than"),
    ("Sales will surpass 2 percent of the market.", "more_than"),
    ("Sales reached $5 million last week.", None),
    ("He never surpassed 3% in the polls.", None),  # negated: a ceiling, not a floor
])
def test_a_figure_a_verb_says_was_passed_is_a_floor(text, qualifier):
    assert find_figures(text)[0].qualifier == qualifier


@pytest.mark.parametrize("text, whats", [
    ("Median rent per household: $1,450\nAverage delay: 31 minutes", ["median rent per household",
                                                                     "average delay"]),
    ("(see table) Share of homes in Ohio: 12%", ["share of homes in ohio"]),
    ("He told them: 40 percent", [None]),  # a speaker, not a label
])
def test_a_label_before_a_colon_says_what_the_figure_after_it_measures(text, whats):
    assert [f.what for f in find_figures(text)] == whats


@pytest.mark.parametrize("text, what", [
    ("Nearly 60% of all the flights at the airport are delayed.", "flights"),  # a quantifier then an article
    ("Only 5% of both the teams qualified.", "teams"),
])
def test_a_share_of_all_the_things_is_of_those_things(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("The bakery posted third-quarter sales of $4.2 million.", "third-quarter sales"),  # the noun 'of' joins it to
    ("Ohio has a jobless rate of 4.1 percent.", "jobless rate"),
    ("The valley holds a population of 2.4 million.", "population"),  # a count too
    ("They settled in a town of 12,000 near the lake.", "residents"),  # a place counted by its people
    ("The firm is seeking damages of $3 million.", "damages"),  # a verb opening the phrase stays out
    ("A club that charges yearly dues of $900 closed.", "yearly dues"),
    ("It cost a total of $4 million.", None),  # how the figure is given, not what it measures
    ("Costs grew by a factor of 1,000 in a decade.", None),
    ("He got less than one-half of 1 percent.", None),  # a fraction of it
    ("At the end of four years, they left.", None),  # a span has no head
])
def test_the_noun_of_joins_a_figure_to_is_what_it_measures(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("The county's jobless rate was 6.1 percent in June.", "jobless rate"),  # a copula states its subject's level
    ("Agents say the average rent is now $1,900.", "average rent"),
    ("Their tax bill was only $800.", "tax bill"),
    ("Men were 12 percent more likely to leave.", None),  # a difference, not a level
    ("The wall is 40 feet tall.", None),  # a property
    ("The fire was 60% contained by Sunday.", None),
    ("That meeting was three weeks ago.", None),  # a span of time
    ("Harris was at 9 percent in the poll.", None),  # a person's level
    ("The figure was 44 percent.", None),  # it refers back
])
def test_the_subject_of_a_copula_is_what_the_level_after_it_measures(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("The council raised the parking fine to $90 last year.", "parking fine"),  # the object of a verb of change
    ("The bill cuts school funding by 8 percent.", "school funding"),
    ("The city would raise spending on parks by 5 percent.", "spending"),  # a prepositional phrase passed over
    ("Auditors put the repair bill at $3 million.", "repair bill"),  # a verb that sets a level, with 'at'
    ("The poll put Garcia at 41 percent.", "support"),  # not the person: a candidate's standing
    ("The poll put her at 41 percent.", None),  # a pronoun names nothing
    ("It kept the growth target unchanged at 5 percent.", None),  # not the verb's whole object
    ("He drove to Ohio by 5 percent.", None),  # a verb of change needs an object that is a noun
])
def test_the_object_of_a_verb_that_changes_or_sets_a_level_is_what_its_figure_measures(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("Her rating slipped from 52 to 47 percent.", [("52", 52, "percent", "rating"), ("47 percent", 47, "percent",
                                                                                    "rating")]),  # both ends
    ("Support for the plan fell from 60 percent to 45 percent.", [("60 percent", 60, "percent", "support"),
                                                                  ("45 percent", 45, "percent", "support")]),
    ("Ridership rose from 1.2 to 1.8 million riders.", [("1.2", 1_200_000, None, "riders"),
                                                        ("1.8 million riders", 1_800_000, None, "riders")]),
    ("The club grew from 400 to 650 members.", [("400", 400, None, "members"), ("650 members", 650, None, "members")]),
    ("The score went from 20 to 30.", []),  # nothing says what
    ("The law cuts the levy on boats from 12 to 9 percent.", [("12", 12, "percent", "levy"),  # the verb's object
                                                             ("9 percent", 9, "percent", "levy")]),
    ("It marks a sharp drop from 71% in March.", [("71%", 71, "percent", None)]),  # 'a sharp drop': a noun
    ("The number dropped from 40 percent.", [("40 percent", 40, "percent", None)]),  # it refers back
])
def test_a_change_from_one_figure_to_another_gives_both_ends_what_they_measure(text, expected):
    assert [(f.raw, f.value, f.unit, f.what) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, qualifiers", [
    ("Hikers may take up to two tents and four stoves.", ["up_to", "up_to"]),  # a hedge bounds both of a pair
    ("The chain has more than 80 shops and 2,000 staff.", ["more_than", "more_than"]),
    ("Nearly 30 percent of boys and 35 percent of girls agreed.", ["nearly", "nearly"]),
    ("It sold about 40 cars, and 12 trucks sold too.", ["about", None]),  # ', and' opens a clause
    ("Up to 5 boats and about 9 rafts sank.", ["up_to", "about"]),  # the second's own hedge stays
])
def test_a_hedge_before_the_first_of_two_joined_figures_bounds_both(text, qualifiers):
    assert [f.qualifier for f in find_figures(text)] == qualifiers


@pytest.mark.parametrize("text, what", [
    ("Among renters, 38 percent say costs rose.", "renters"),  # 'Among X,' opening the clause names the group
    ("Among Democrats in Iowa, 52% back the plan.", "democrats"),
    ("Among drivers under 25, 17 percent crashed.", "drivers"),
    ("The gap among them, 5 percent, is small.", None),  # 'among' not opening the clause
])
def test_a_group_named_by_among_before_a_percentage_is_what_it_counts(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text, what", [
    ("Public debt was 61 percent of GDP in 2019.", "public debt"),  # a share of the economy measures the subject
    ("Exports climbed to 30 percent of gross domestic product.", "exports"),
    ("Italy ran a budget deficit of 2.4 percent of GDP.", "budget deficit"),  # or the noun 'of' joins it to
    ("The plan trims outlays to 19 percent of the economy.", "outlays"),  # or the object of a verb of change
    ("They spend 2% of GDP on roads.", "gdp"),  # else the base stays
])
def test_a_percentage_of_gdp_measures_what_its_clause_names(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, raws", [
    ("Copper sank to a 40-week low on Friday.", []),  # the window of a record, no span anything took
    ("Rents reached a two-decade high in May.", []),
    ("Gas is near 8-year lows.", []),
    ("She ran a 10-year high school program.", ["10-year"]),  # 'high school' is no record
    ("He served a 10-year term.", ["10-year term"]),
])
def test_the_window_of_a_record_high_or_low_is_no_figure(text, raws):
    assert [f.raw for f in find_figures(text)] == raws


@pytest.mark.parametrize("text, expected", [
    ("The victims were mostly over 70.", (70, "age", "age", "more_than")),  # spread over the members: an age
    ("Its fans, largely under 25, cheered.", (25, "age", "age", "less_than")),
    ("Prices were mostly over 70 dollars.", (70, "USD", None, "more_than")),  # a unit: no age
])
def test_over_or_under_n_after_an_adverb_spreading_it_over_a_group_is_an_age(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("She spent $40,000 of her savings on it.", "savings"),  # money after 'of' and a determiner is part of it
    ("About $2 million of the grant went to roads.", "grant"),
    ("He raised $3 million in the first week.", None),  # 'in the' says when
    ("They walked 20 miles of the route.", None),  # a length 'of the' says where
])
def test_money_of_a_determined_noun_is_part_of_it(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("Imports are expected to rise 4 percent this year.", "imports"),  # the subject of a raising verb
    ("Forecasters expect rainfall to reach 9 inches.", "rainfall"),  # an object is the infinitive's subject
    ("The storm caused river levels to climb 12 feet.", "river levels"),
    ("A bidder needs to hit $5 million by noon.", None),  # a phrase opening its clause is no object
    ("Traders think oil will drop 3% by June.", "oil"),  # after a verb of thinking a clause opens
    ("Factory output slowed to 1.2% in May.", "factory output"),  # more verbs of change
    ("Car sales were off 6 percent.", "car sales"),
])
def test_subjects_of_infinitives_and_more_verbs_of_change(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, whats", [
    ("The fund set aside 3,000 beds for adults, 1,200 for teens and 2,500 for infants.", ["beds", "beds", "beds"]),
    ("Police counted 45,000 marchers in Paris and 12,000 in Lyon.", ["marchers", "marchers"]),  # a count listed
    ("It charged $90 for adults and $40 for kids.", [None, None]),  # amounts in a row are often of other things
    ("Tolls rose to $5 a trip, and $7,000 went to repairs.", ["per trip", None]),  # not a rate
])
def test_a_bare_count_listed_after_a_count_counts_the_same(text, whats):
    assert [f.what for f in find_figures(text)] == whats


def test_a_percentage_listed_inside_a_parenthesis_is_of_the_same_thing():
    text = "Some 41% of renters agree (up from 37% in May)."
    assert [f.what for f in find_figures(text)] == ["renters", "renters"]


@pytest.mark.parametrize("text, what", [
    ("Analysts expected profit of $2.10 a share.", "profit per share"),  # a rate after a figure 'of' a noun
    ("It set a toll of $4 a trip.", "toll per trip"),
    ("The firm cut prices after posting losses of $3 a share.", "losses per share"),  # a verb opening it stays out
    ("Voters got a rebate of only $60.", "rebate"),  # 'only' between 'of' and the figure
    ("Gas rose 20 cents a gallon.", "per gallon"),
])
def test_a_rate_after_a_figure_of_a_noun_is_that_noun_per_unit(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("She has 41 percent support among older voters.", "support"),  # a noun before 'among', no verb
    ("The mayor won 38 percent backing nationwide.", "backing"),
    ("Only 40 percent support the bill.", None),  # a verb with its object
    ("Some 20 percent work from home.", None),
])
def test_a_noun_that_may_be_a_verb_after_a_percentage_before_among_is_the_noun(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, whats", [
    ("A shortfall of $80 million would shrink to $50 million.", ["shortfall", "shortfall"]),  # a subject ending
    # in a figure: the figure after measures what it does
    ("It has 13 million members, down from the 15 million projected.", ["members", "members"]),  # a participle
    # of foreseeing says how a count is known
    ("Stocks bounced back 20% in a month.", ["stocks"]),  # more verbs of change
])
def test_figures_after_a_subject_ending_in_a_figure_and_after_foreseen_counts(text, whats):
    assert [f.what for f in find_figures(text)] == whats


@pytest.mark.parametrize("text, what", [
    ("Median rent in this city has climbed by $300.", "median rent"),  # a demonstrative inside a passed-over phrase
    ("The navy budget would be cut by $2 billion.", "navy budget"),  # a passive verb of change
    ("Inflation ticked higher to 3.1% in May.", "inflation"),
    ("The bill raises spending in 2025 to $8 billion.", "spending"),  # a year after the object says when
    ("Lopez won the district by 9 points.", "margin"),  # a figure after winning, leading or trailing by
    ("She trails him by 4 percentage points.", "margin"),
    ("He was ahead by 52% to 48% on Tuesday.", None),  # a split, not a margin
])
def test_subjects_through_demonstratives_passives_objects_before_a_year_and_margins(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, whats", [
    ("Oil fell 12 dollars, or 9%, on Monday.", ["oil", "oil"]),  # ', or' restates the figure before
    ("Of 4,000 wells, 3,000 -- or 75 percent -- were dry.", ["wells", "wells", "wells"]),
    ("The typical monthly rent of the old flats was $900.", ["typical monthly rent"]),  # a long subject's head
    ("Her approval rating among Latinos was 61 percent in May.", ["approval rating"]),  # a name inside the phrase
    ("The rate was 6.1 percent the week he left.", ["rate"]),  # a level before 'the'
])
def test_restated_figures_and_more_subjects_of_a_copula(text, whats):
    assert [f.what for f in find_figures(text)] == whats


@pytest.mark.parametrize("text, what", [
    ("About 800,000 permits were filed and 62% of those were approved.", "permits"),  # 'of those': the count before
    ("They hired 3,000 guards; 20 percent of them left.", "guards"),
    ("Some 9,000 voted, and 30 percent of those who voted early chose him.", None),  # 'those who': its own group
])
def test_a_percentage_of_those_counts_what_the_count_before_it_counts(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text, what", [
    ("Forecasters expect the jobless rate to stay at 4.2%.", "jobless rate"),  # more verbs of level and change
    ("Youth unemployment peaked at 18 percent in 2010.", "youth unemployment"),
    ("Its balance sheet has ballooned to $4 trillion.", "balance sheet"),
    ("Black unemployment shot above 16 percent.", "black unemployment"),
    ("Inflation remained at 2 percent.", "inflation"),  # a copula with 'at'
    ("Mr. Lopez is at 24 percent.", None),  # a person's level, after a title
    ("It may not be possible to stay 6 feet away.", None),  # an adjective before 'to' is no object
])
def test_more_verbs_of_level_and_change_and_names_after_a_title(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, whats", [
    ("The town has a $71,000 median income versus $52,000 statewide.", ["median income", "median income"]),
    ("She raised $2.1 million in cash, compared with $480,000 for him.", ["cash", "cash"]),  # compared money
    ("It spent $2 million in ads and $900,000 on staff.", ["ads", "staff"]),  # money merely listed stays apart
    # (and what money was spent on is its own)
])
def test_money_compared_with_money_before_it_measures_the_same(text, whats):
    assert [f.what for f in find_figures(text)] == whats


@pytest.mark.parametrize("text, expected", [
    ("The flu's death toll had surpassed 2,300 by March.", (2300, "deaths", "more_than")),  # a count passed
    ("Cases in the region topped 14,000 on Friday.", (14000, "cases", "more_than")),
])
def test_a_count_a_verb_of_passing_goes_on_from_counts_what_its_subject_counts(text, expected):
    (fig,) = find_figures(text)
    assert (fig.value, fig.what, fig.qualifier) == expected


@pytest.mark.parametrize("text, whats", [
    ("Average hourly earnings were up 5 cents to $27.10.", ["average hourly earnings", "average hourly earnings"]),
    ("Exports rose 4% to $2.1 billion in May.", ["exports", "exports"]),  # the level a change reaches
    ("She gave $50 to 3,000 families.", [None, "families"]),  # a count of its own
])
def test_the_level_a_change_goes_to_measures_what_the_change_does(text, whats):
    assert [f.what for f in find_figures(text)] == whats


@pytest.mark.parametrize("text, what", [
    ("The bank sells three kinds of bonds.", "kinds of bonds"),  # a count of kinds says of what
    ("It would create two kinds of citizenship.", "kinds of citizenship"),
    ("They laid 40 miles of various types of pipe.", "pipe"),  # a measure of kinds measures what they are of
])
def test_kinds_of_things_say_what_they_are_kinds_of(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("The ward is nearly 40 percent Latino.", "latino"),  # a group adjective the demonym lexicon lacks
    ("The town is 55 percent Black.", "black"),
])
def test_a_percentage_of_a_group_named_by_a_capitalised_adjective(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, whats", [
    ("The law raises the exemption sharply, from $5,000 to $9,000.", ["exemption", "exemption"]),  # an adverb
    # and a comma between the object and 'from'
    ("It cut the fee quickly to $40.", ["fee"]),
])
def test_an_adverb_after_the_object_of_a_verb_of_change_is_passed_over(text, whats):
    assert [f.what for f in find_figures(text)] == whats


@pytest.mark.parametrize("text, what", [
    ("About 40 percent of EU wheat and barley exports go east.", "eu wheat and barley exports"),  # joined
    # modifiers before a shared plural head
    ("They use 25% of city water and power supplies.", "city water and power supplies"),
    ("It took 10% of state income or sales taxes.", "state income"),  # a first plural would end the phrase
    ("It is 25% of fuel use and greenhouse gas emissions.", "fuel use"),  # no plural right after the next word
])
def test_two_modifiers_joined_before_a_plural_head_after_of(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, whats", [
    ("The typical renter has a net worth of $6,000.", ["net worth"]),  # 'worth' heads a phrase of its own
    ("The firm expects revenue of $4 billion to $5 billion.", ["revenue"]),  # a range 'of' a noun
    ("BOSTON – The city's debt surpassed $2 billion on Monday.", ["debt"]),  # a dash opens the clause
    ("The average gift to the fund is about $40.", ["average gift"]),  # 'to' opens a phrase passed over
    ("It would raise the fee to $30 from $20 next year.", ["fee", "fee"]),  # 'to N from M': both ends
])
def test_net_worth_ranges_of_a_noun_dashes_to_phrases_and_to_from_changes(text, whats):
    assert [f.what for f in find_figures(text)] == whats


@pytest.mark.parametrize("text, what", [
    ("Rates rise on income above $400,000.", "income"),  # a noun before a bound names what it bounds
    ("It covers household income up to $80,000.", "income"),
    ("The law pays teachers about 7 percent more.", None),  # an object's amount
    ("It would save taxpayers more than $2 billion.", None),
])
def test_a_noun_before_a_bound_names_what_it_bounds(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, whats", [
    ("Its rating had risen to 52 percent.", ["rating"]),  # 'risen', 'contract', 'nudged' are verbs of change
    ("The economy could contract by 3 percent.", ["economy"]),
    ("It nudged the jobless rate to 4.1% from 4%.", ["jobless rate", "jobless rate"]),
    ("Exports fell from March's 9.1 percent to 8.4 percent.", ["exports", "exports"]),  # an owner after 'from'
    ("The firm sold 420 trucks, up 12% on last year.", ["trucks", "trucks"]),  # ', up N%': the change of it
])
def test_more_verbs_of_change_an_owner_after_from_and_up_after_a_count(text, whats):
    assert [f.what for f in find_figures(text)] == whats


def test_a_verb_after_a_modal_opening_the_phrase_before_of_stays_out():
    assert find_figures("Owners could face fines of up to $9,000.")[0].what == "fines"


@pytest.mark.parametrize("text, what", [
    ("Analysts put the fund in the region of £70 million.", None),  # a hedge of approximation, not a head
    ("The repairs will cost in the order of $3 billion.", None),
    ("Offers arrived in the neighbourhood of $2 million.", None),
    ("The payout is in the range of $15 million.", None),
    ("They insured it to the value of £4 million.", None),
    ("She sang in front of 20,000 in Lisbon.", None),  # a position, not a head
    ("Workers won a rise in pay of 4 percent.", "pay"),  # after a noun of change the bare noun heads it
    ("The council approved an increase in spending of $9 million.", "spending"),
    ("They moved to a region of 80,000 near the coast.", "residents"),  # a place counted by its people
    ("Officials said the region of £30 million was cut.", "region"),  # money measures no people
])
def test_idioms_of_approximation_and_position_before_of_are_no_heads(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("The city funds a 5-year low-cost housing scheme.", [(5, "low-cost housing scheme")]),  # a compound modifier
    ("He swam a 40-minute high-intensity session.", [(40, "high-intensity session")]),
    ("They opened a 3-day high-speed trial.", [(3, "high-speed trial")]),
    ("Copper fell to a 12-month low on Friday.", []),  # the window of a record, no figure
    ("The gauge sank to a 26-week low of 1,850.", [(1850, None)]),  # a record names no measure
])
def test_a_record_window_is_not_a_compound_modifier_and_low_or_high_heads_nothing(text, expected):
    assert [(f.value, f.what) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text, what", [
    ("Leading analysts forecast growth by 3 percent.", None),  # '-ing' as an adjective: no race
    ("The trailing party's vote fell by 2 points.", None),
    ("Winning teams in the league raised prices by 5 percent.", "prices"),  # the object of the change
    ("Senior figures in the union backed the deal by 70 percent.", None),  # no verb of winning at all
    ("Garcia won the county by 11 points.", "margin"),  # a finite verb, its object, 'by'
    ("The mayor is trailing her by 6 points.", "margin"),  # '-ing' after an auxiliary
    ("Ortiz defeated Kemp by 3 points.", "margin"),
    ("She was behind by 4 points.", "margin"),
])
def test_a_margin_needs_a_verb_of_winning_with_its_object_before_by(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("The farm is 200 metres from the lake.", None),  # a distance from a place, not the farm's level
    ("The school was 4 miles from the nearest town.", None),
    ("The hotel is 2 km to the north.", None),
    ("The unemployment rate was 5 percent in June.", "unemployment rate"),  # a level still ends its predicate
    ("Growth was 2.3 percent, from 1.9 percent a year before.", "growth"),
])
def test_a_copula_with_from_or_to_after_the_figure_states_no_level(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("Divers brought the wreck up from 40 metres down.", None),  # a verb of motion moves its object
    ("Crews dragged the lorry from 15 metres below the road.", None),
    ("The drought pushed food inflation to 12 percent.", "food inflation"),  # it changes a level of a percentage
    ("Demand drove the average fare to $310.", "average fare"),  # or of money
    ("Ministers raised the speed limit to 80 miles per hour.", "speed limit"),  # a verb of change takes any unit
    ("Storms pushed the lake to 4.1 metres on Sunday.", "lake"),  # a length it is sent to is a level
    ("The slump pushed the rate from 3 percent to 5 percent.", "rate"),
])
def test_a_verb_of_motion_changes_a_level_from_a_figure_only_of_money_or_a_percentage(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("Four types of virus account for 70 percent of infections.", ("Four types of virus", "types of virus")),  # a
    # bare verb agreeing with 'types' ends the phrase when its object follows
    ("Two kinds of fungus cause most of the damage.", ("Two kinds of fungus", "kinds of fungus")),
    ("They offer three kinds of bank account.", ("three kinds of bank account", "kinds of bank account")),
    ("Two kinds of tax cut were proposed.", ("Two kinds of tax cut", "kinds of tax cut")),  # a noun, no object
])
def test_a_verb_after_kinds_of_a_noun_stays_out_of_what_they_count(text, expected):
    figure = find_figures(text)[0]
    assert (figure.raw, figure.what) == expected


@pytest.mark.parametrize("text, what", [
    ("Among the causes, 25 percent involved speed.", None),  # a share among things counts no group
    ("Among the routes, 60 percent run late.", None),
    ("Among investors, 55 percent sold shares.", "investors"),  # people, by an agent noun's ending
    ("Among families in the city, 20 percent said no.", "families"),
    ("Among Republicans, 70% disagree.", "republicans"),  # a capitalised group
])
def test_among_names_the_group_a_share_counts_only_for_people(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("Bonuses for executives above £90,000 will be cut.", None),  # after 'for' the bound is the head's before it
    ("Relief for managers above $120,000 ends.", None),
    ("A levy on savings above $1 million was passed.", "savings"),  # after 'on' the noun is what it bounds
])
def test_a_noun_after_for_before_a_bound_is_not_what_it_bounds(text, what):
    assert find_figures(text)[0].what == what


def test_a_peak_of_an_amount_still_heads_it():
    assert find_figures("Spending will pass its prior peak of $4.1 trillion.")[0].what == "prior peak"
