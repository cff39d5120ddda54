import pytest

from tests.test_figures import _one
from transforms.compare.figures import find_figures


@pytest.mark.parametrize("text, what", [
    ("A 20 percent levy applies so rarely that few pay it.", "levy"),
    ("The ruling's 15 percent toll provides relief to towns.", "toll"),
    ("The $6 billion provides relief to farmers.", None),  # right after the unit: the figure's own verb
])
def test_a_word_in_s_only_ever_a_verb_ends_the_phrase(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("The state passed 12 highway safety acts which took effect in May.", "highway safety acts"),
    ("They drafted four careful dissents from the ruling.", "careful dissents"),
])
def test_a_plural_the_lexicon_knows_only_as_a_verb_still_heads_its_phrase(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("The council cut the yearly $40 million aid package to towns.", (40_000_000, "USD", "aid package", None)),
    ("She took out a second low-interest $2 million loan from the state.", (2_000_000, "USD", "loan", None)),
    ("The current 12 percent toll surcharge hurts drivers.", (12, "percent", "toll surcharge", None)),
])
def test_a_figure_after_a_determiner_and_modifiers_modifies_the_noun_after_it(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Over the past 12 months prices rose.", (12, "month", None, None)),  # a span's modifiers say when
    ("The group that spent $3 million attacking him lost.", (3_000_000, "USD", None, None)),  # a relative
    ("The extra $6 billion provides relief to farmers.", (6_000_000_000, "USD", None, None)),  # its verb
])
def test_no_noun_is_taken_after_the_modifiers_of_a_span_a_relative_or_before_a_verb(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("The town saw five days of heavy shelling, officials said.", "heavy shelling"),
    ("Farmers faced two years of falling prices.", "falling prices"),
    ("It was the end of 30 months of rising inflation in the region.", "rising inflation"),
])
def test_a_gerund_after_of_heads_or_modifies_the_counted_phrase(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("He marked 40 years of teaching at the school.", None),  # a gerund alone after 'of' is a verb's
    ("Some 7 percent of the public backing it left.", "public"),  # a clause with its object after a noun
    ("Only 9 percent of voters saying so were young.", "voters"),
])
def test_a_gerund_that_opens_a_clause_stays_out_of_the_counted_phrase(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("A majority of Canadians (61 percent) backed the deal.", "canadians"),
    ("Most small landlords (72%) raised rents.", "small landlords"),
    ("Nine in 10 nurses (90 percent) said so.", "nurses"),
    ("Rates rose among teachers (40%), farmers (35%) and Mennonites (20%).", "mennonites"),
])
def test_a_percentage_alone_in_a_parenthesis_after_a_group_is_its_share(text, what):
    assert [f for f in find_figures(text) if f.unit == "percent"][-1].what == what


@pytest.mark.parametrize("text", [
    "Voters trust the result less because of the recount (24 percent).",  # object of a preposition
    "The likeliest winners are Kansas (31%) and Ohio (22%).",  # names, not groups
    "Some prefer keeping the plan with changes (45 percent).",
    "The survey of Transport Workers (38 percent) was small.",  # a word of a name
])
def test_a_percentage_in_a_parenthesis_after_no_group_measures_nothing_named(text):
    assert [f.what for f in find_figures(text) if f.unit == "percent"][0] is None


@pytest.mark.parametrize("text, what", [
    ("Some 30% of pharmacists now work night shifts at large chain stores in the suburbs, up from 18% in 2010.",
     "pharmacists"),
    ("Only 41 percent of renters say they feel secure in the homes they rent in this city – down from 52 percent.",
     "renters"),
])
def test_the_level_a_change_started_from_measures_what_the_level_before_it_does(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text, what", [
    ("About 30% of pharmacists now work nights at large chain stores. Costs are up from 18% last year.", "costs"),
    ("Some 30% of pharmacists work nights at large chain stores and pay came down from $40 an hour.", "per hour"),
])
def test_a_change_from_a_level_in_another_sentence_or_unit_takes_its_own(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text, expected", [
    ("The vacancy rate edged up to 6.2 percent in June.", (6.2, "percent", "vacancy rate", None)),
    ("Freight costs have crept up to $1,900 a container.", (1900, "USD", "per container", None)),
])
def test_up_to_after_a_verb_of_motion_is_the_end_of_a_change_not_a_ceiling(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tenants may claim up to $1,900 a year.", (1900, "USD", "per year", "up_to")),
    ("Their tickets up to $90 sold out.", (90, "USD", None, "up_to")),  # 'tickets' is no verb of motion
    ("The toll of homes lost rose up to 370.", (370, None, "homes", "up_to")),  # a bare count keeps its hedge
])
def test_up_to_after_other_words_stays_a_ceiling(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Some 40 or so volunteers cleaned the beach.", (40, None, "volunteers", "about")),
    ("The repairs took 12 or so weeks.", (12, "week", None, "about")),
    ("It rained for three days or so.", (3, "day", None, "about")),
])
def test_or_so_is_a_hedge_of_approximation_before_or_after_what_is_counted(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("We sold 300 tickets or so they claim.", (300, None, "tickets", None)),  # 'so' opens a clause
    ("I waited for 2 hours, or so it seemed.", (2, "hour", None, None)),
])
def test_or_so_before_a_clause_is_no_hedge(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("The city runs 40 parks, a dozen or so of which are closed.", "parks"),
    ("She got a $9,000 grant, about a third of which went to rent.", "grant"),
])
def test_a_count_before_of_which_counts_what_the_figure_before_it_does(text, what):
    assert find_figures(text)[-1].what == what


def test_a_count_with_its_own_noun_before_of_which_keeps_it():
    assert find_figures("The city runs 40 parks, 12 playgrounds of which are new.")[-1].what == "playgrounds"


@pytest.mark.parametrize("text, expected", [
    ("The county spent $3.1 million on snow plows last winter.", (3_100_000, "USD", "snow plows", None)),
    ("Shoppers will save about $40 on the school tablets.", (40, "USD", "school tablets", "about")),
])
def test_money_spent_on_something_measures_that_thing(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The firm won $3.1 million on appeal.", (3_100_000, "USD", None, None)),  # no verb of spending
    ("They spent $3.1 million on Tuesday alone.", (3_100_000, "USD", None, None)),  # a day, no purchase
])
def test_money_before_on_without_spending_measures_nothing_after_it(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Core inflation remains a modest 2.1%.", (2.1, "percent", "core inflation", None)),
    ("The jobless rate hit a record 14.7 percent in April.", (14.7, "percent", "jobless rate", None)),
])
def test_an_article_and_adjective_between_the_verb_and_the_figure_keep_the_subject(text, expected):
    assert _one(text) == expected


def test_an_article_and_noun_before_a_count_that_names_its_noun_keep_it():
    assert _one("The company was a unit of 5,000 employees.") == (5000, None, "employees", None)


@pytest.mark.parametrize("text, expected", [
    ("The bill sets aside $40 million for rural clinics.", (40_000_000, "USD", "rural clinics", None)),
    ("The city may charge up to $250 for every missed pickup.", (250, "USD", "per missed pickup", "up_to")),
])
def test_money_for_something_measures_what_it_is_for(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("Benefits stop at $31,000 for a single adult.", None),  # whom a level is for
    ("Tickets cost $12 for free members and guests.", "tickets"),  # what costs it, not whom it is for
    ("The deficit will reach $900 billion for 2021.", "deficit"),  # a time
    ("It has a $90,000 median income versus $61,000 for the region.", "median income"),  # compared
])
def test_money_for_a_recipient_a_time_or_after_a_comparison_measures_no_purpose(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text, what", [
    ("The museum charged $15 for seniors.", None),  # a price for whom
    ("He paid $40 for the poster.", None),  # a price paid
    ("The singer raised $2 million for flood victims.", None),  # whom money is raised for
])
def test_money_for_something_after_a_verb_of_price_or_collecting_is_no_purpose(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text, what", [
    ("The Nasdaq 100 fell 2.4% on Tuesday.", "nasdaq 100"),
    ("Hong Kong's HSCEI 50 climbed 1.1 percent.", "hscei 50"),
])
def test_a_name_ending_in_a_number_is_the_subject_of_a_verb_of_change(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text", [
    "Prices in March 2020 rose 4%.",  # a month and year
    "Since 2015 rose 3% a year.",  # a word the lexicon knows
])
def test_a_number_after_a_month_or_a_word_is_no_name_of_a_subject(text):
    assert find_figures(text)[-1].what in (None, "per year")


@pytest.mark.parametrize("text, what", [
    ("Bonds rallied, with the benchmark yield sliding to 2.1 percent.", "benchmark yield"),
    ("It was a hard winter, with heating costs climbing 18% in a month.", "heating costs"),
])
def test_the_noun_after_with_is_the_subject_of_a_verb_of_change_in_ing(text, what):
    assert find_figures(text)[-1].what == what


def test_a_noun_after_with_before_a_finite_verb_is_no_subject():
    assert find_figures("He sided with the board members who rose 5 percent in rank.")[-1].what is None


@pytest.mark.parametrize("text, what", [
    ("The plan adds $2 billion in NATO training funds.", "nato training funds"),
    ("Lenders lost $90 million in EU farm loans.", "eu farm loans"),
])
def test_money_in_a_name_before_a_noun_measures_that_noun(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text", [
    "The agency spent $2 million in Kenya last year.",  # a place
    "The fund spent $90 million in Lagos, officials said.",
])
def test_money_in_a_place_measures_no_place(text):
    assert find_figures(text)[-1].what is None


@pytest.mark.parametrize("text", [
    "After a long night, the three drafted a joint statement.",
    "The four appealed the ruling on Monday.",
])
def test_a_verb_in_ed_with_its_object_after_a_count_is_no_counted_thing(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text, expected", [
    ("More than 2,000 displaced by the floods found shelter.", (2000, None, "displaced", "more_than")),
    ("Police said 400 detained last week were freed.", (400, None, "detained", None)),
])
def test_a_participle_alone_after_a_count_still_counts(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, whats", [
    ("Entry is $15 for adults and $8 for children.", ["entry", None]),  # a copula's subject first; whom it is for
    ("The minimum wage is $15 for workers over 18.", ["minimum wage", "age"]),
    ("The average salary is £35,000 for nurses.", ["average salary"]),
    ("Tuition is $40,000 for international students.", ["tuition"]),
    ("Tickets are €10 for members.", ["tickets"]),
    ("Profit was $3 billion for the quarter.", ["profit"]),
    ("The ransom was set at $5 million for the hostages.", [None]),
    ("Bitcoin traded near $60,000 for much of the week.", [None]),  # how much of a time
    ("Gold held at $2,000 for a third straight week.", [None]),  # an ordinal of a time
])
def test_money_for_someone_or_a_time_is_no_purpose_and_yields_to_a_subject(text, whats):
    assert [figure.what for figure in find_figures(text)] == whats


@pytest.mark.parametrize("text, raw", [
    ("Police said 12 arrested the same night were later released.", "12 arrested"),
    ("Of the 30 injured the day before, five died.", "30 injured"),
    ("The 14 killed the previous night included two children.", "14 killed"),
    ("Medics treated 40 injured the night of the blast.", "40 injured"),
    ("The 23 rescued the following morning were airlifted.", "23 rescued"),
    ("Police charged 12 accused the week before.", "12 accused"),
])
def test_a_participle_before_a_time_keeps_its_count(text, raw):
    assert raw in [figure.raw for figure in find_figures(text)]  # a time says when, it is no object


@pytest.mark.parametrize("text, expected", [
    ("The fine can go up to $10,000 for repeat offenders.", (10_000, "USD", None, "up_to")),  # after a modal
    ("Sentences for the offence can go up to 14 years.", (14, "year", None, "up_to")),
    ("Fines that go up to €1,000 apply to speeding drivers.", (1000, "EUR", None, "up_to")),  # after a relative
    ("Rents may go up to £2,000 a month in central London.", (2000, "GBP", "per month", "up_to")),
    ("Hospital admissions could climb up to 3,000 a day, modellers warned.", (3000, None, "per day", "up_to")),
    ("Waves could rise up to 6 metres off the coast.", (6, "m", "waves", "up_to")),
])
def test_up_to_after_a_modal_or_relative_and_a_verb_of_motion_is_a_ceiling(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, what", [
    ("The top tax rate rises up to 45 percent for high earners.", "top tax rate"),
    ("Shares jumped up to 12% in early trading before falling back.", "shares"),
    ("Bus fares went up 5% in May.", "bus fares"),
])
def test_a_verb_of_motion_before_up_names_its_subject(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text", [
    "Revenue for FY 2023 rose 8 percent.",  # a fiscal year
    "Growth in FY 2024 slowed to 5 percent.",
    "Cases of Covid 19 rose 12 percent in Lagos.",  # a name inside the subject, after a preposition
    "Glastonbury said prices for Glastonbury 2024 rose 10 percent.",
    "Deliveries of the Boeing 737 fell 40 percent.",
    "Orders for the Boeing 787 rose 12 percent.",
])
def test_a_name_ending_in_a_number_after_a_preposition_or_a_year_of_a_period_is_no_subject(text):
    assert find_figures(text)[-1].what is None


def test_a_name_ending_in_a_number_after_a_possessive_is_the_subject():
    assert find_figures("Germany's DAX 40 rose 0.8 percent.")[-1].what == "dax 40"


@pytest.mark.parametrize("text", [
    "The richest 1 percent earn a fifth of all income.",  # a superlative picks the group the figure names
    "The wealthiest 10 percent hold most of the land.",
    "The poorest 20% spend half their income on food.",
    "The bottom 50 percent own little wealth.",
])
def test_a_superlative_or_part_word_before_a_percentage_makes_no_noun_of_the_verb_after(text):
    assert find_figures(text)[0].what is None


def test_an_adjective_after_a_determiner_still_makes_the_figure_modify_its_noun():
    assert find_figures("The latest $5 million grant went to schools.")[0].what == "grant"


@pytest.mark.parametrize("text", [
    "He spent 30 years of building bridges across Asia.",  # a gerund with its object
    "After 10 years of fighting cancer, she retired.",
    "It marked five years of teaching children in Lagos.",
    "The factory marked 40 years of making cars.",
])
def test_a_gerund_with_its_object_after_of_is_not_what_a_span_counts(text):
    assert find_figures(text)[0].what is None


@pytest.mark.parametrize("text, what", [
    ("Lenders saw four years of mounting debts.", "mounting debts"),  # a participle of change
    ("About 60% of working mothers said so.", "working mothers"),  # of state
])
def test_a_participle_that_modifies_its_noun_after_of_stays_in_the_phrase(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text", [
    "Households spent $200 on average on groceries.",  # an idiom after 'on'
    "Shoppers spent $50 on average, the survey found.",
    "The club spent £60 million on top of the transfer fee.",
    "Lawyers spent $3 million on behalf of the family.",
    "The club spent £3 million on the first day of the window.",  # a time
])
def test_money_spent_before_an_idiom_or_a_time_after_on_measures_nothing_after_it(text):
    assert find_figures(text)[0].what is None


@pytest.mark.parametrize("text, what", [
    ("Sales fell in most regions (12 percent) last quarter.", None),  # an object of 'in', no group counted
    ("Shares of the two banks (4 percent) fell.", None),  # a change of the clause's subject
    ("Many Nigerians (58 percent) distrust the police.", "nigerians"),  # the group without its quantifier
])
def test_a_percentage_in_a_parenthesis_after_an_object_or_before_a_change_is_no_group_share(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text", [
    "He paid 20 euros or so the paper reported.",  # 'or so' then a clause opened by a determiner
    "The firm made £2 million or so the accounts suggest.",
])
def test_or_so_before_a_clause_opened_by_a_determiner_is_no_hedge(text):
    assert find_figures(text)[0].qualifier is None


@pytest.mark.parametrize("text, what", [
    ("Landlords own 35% of housing stock in the city.", "housing stock"),  # a noun in -ing, then a singular
    ("The firm sold 30% of marketing space to rivals.", "marketing space"),
])
def test_a_noun_in_ing_before_a_singular_noun_after_of_is_a_compound(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, expected", [
    ("The index had been down 800 points — about 4 percent.", ("index", "index")),
    ("The fund lost $2 million -- 9 percent.", ("fund", "fund")),
    ("The index lost 800 points — 4 percent on Monday.", ("index", None)),  # the second figure's clause goes on
    ("The school raised $8 million — 30 percent from parents.", (None, None)),
    ("The index lost 800 points — 400 points more than last week.", ("index", None)),  # one unit: no restatement
])
def test_a_figure_set_off_by_a_dash_in_another_unit_restates_the_one_before(text, expected):
    assert tuple(f.what for f in find_figures(text)) == expected


@pytest.mark.parametrize("text, what", [
    ("The governor carried the county by 14 points in 2012.", "margin"),
    ("The senator lost suburban women by 9 percentage points.", "margin"),
    ("The firm lost 6 percent by the close.", "firm"),  # a level lost, then when: no 'by' before the figure
    ("The mayor lost it by 7 points.", "margin"),  # a pronoun for the race
    ("The senator, who lost by 4 points, conceded.", "margin"),  # the race left out
    ("She carried Nevada in 2020 by 3 points.", "margin"),  # a name, then when
    ("The bakery lost shoppers by 9 percent in May.", None),  # a fall, not a gap between sides
    ("The chain lost market share by 3 percentage points.", None),  # no place, voters or name
    ("The peso lost ground by 2 points.", None),
    ("The ferry carried freight by 15 percent more than planned.", None),
])
def test_carrying_or_losing_a_place_or_group_by_points_is_a_margin(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("A new survey showed the vacancy rate at 7 percent.", "vacancy rate"),
    ("The audit found annual costs at $3 million.", "annual costs"),
    ("The poll showed Ramirez at 12 percent.", "support"),  # not the person: a candidate's standing
    ("Divers found the hull at 60 meters.", None),  # where it was, not a level
    ("The region grew fast, with average rents at $900.", "average rents"),
    ("A survey showed the vacancy rate holding at 7 percent.", None),  # a clause of its own, not an object
    ("The poll found Ramirez in the lead at 12 percent.", None),
    ("She travels with a guard and has cut her trips by 40 percent.", "trips"),  # the verb nearest the figure
    ("The sale found a bidder at $800,000.", None),  # a thing found, not a level of it
    ("The review found smokers at 30 percent higher risk.", None),  # a comparison after the figure
    ("The study found tenants at 12 percent.", None),  # people are at a level of something else
    ("Output rose compared with the last quarter at 3 percent.", None),  # a comparison: no level of a time
    ("Prices were in line with estimates at 4 percent.", None),
])
def test_a_report_that_shows_its_object_at_a_level_measures_that_object(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("The town signed a contract worth up to $4 million with the firm.", "contract"),
    ("She owns farmland worth only $90,000.", "farmland"),
    ("Her uncle's cottage is worth about $300,000.", "cottage"),
    ("He says he's worth $3 billion.", None),  # a pronoun names nothing
    ("Rivera, worth $3 billion, spoke first.", None),  # a person's wealth says nothing comparable
    ("A hat that looks like one worth $50 sold out.", None),
    ("The stock was at best worth $40 a year ago.", None),  # an adverb is no noun phrase
    ("Auditors said the firm lists assets worth $8 million.", "assets"),  # a verb and its object
    ("The city will mail parents school vouchers worth $400.", "school vouchers"),  # people, then the thing
    ("Exports of cars worth over $50,000 fell 3 percent.", None),  # the cars are worth it; the exports fell
])
def test_worth_measures_the_noun_phrase_before_it(text, what):
    assert all(figure.what == what for figure in find_figures(text))


@pytest.mark.parametrize("text, what", [
    ("The new stadium would cost $900 million.", "new stadium"),
    ("A single dose costs about $40.", "single dose"),
    ("The startup was valued at $2 billion in May.", "startup"),
    ("The late fees amounted to $3,400.", "late fees"),
    ("The plan cannot cost more than $1 trillion.", "plan"),  # 'cannot', an auxiliary
    ("It would cost $900 million.", None),
    ("Okafor was valued at $90 million in June.", None),  # a person's value says nothing comparable
    ("The striker Okafor costs $40 million.", None),
    ("The paint can costs $12.", None),  # 'can' a noun: a modal takes no verb in -s
    ("The mill cut costs 8 percent in June.", None),  # 'costs' the object of a verb, not a verb of value
    ("Repairs can cost $5,000.", "repairs"),
])
def test_a_verb_of_value_measures_its_subject(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("Traders worried about a drop in the rand, which fell 2 percent.", "rand"),  # a noun of change
    ("Voters backed a grant for rural clinics, which would cost $40 million.", "grant"),  # the grant costs
    ("She rented a cabin by the lake that cost $2,500.", "cabin"),  # not the object of the preposition
    ("A pass to the festival, which cost $120, sold out.", "pass"),
    ("The league paid a bonus to the coach, which amounted to $4 million.", "bonus"),
    ("The firm will put 9 million pesos into the plant, which amounts to $500,000.", None),  # a figure restated
    ("They sought an increase in the debt limit, which stands at $2 trillion.", "debt limit"),
    ("The board held a banquet in Denver that cost $90,000.", "banquet"),  # a name: passed over
    ("Analysts cited sales in the region, which rose 4 percent.", "sales"),  # no noun of change: passed over
    ("He filed a bill last month that would cost $2 billion.", None),  # a time is no antecedent
    ("Firms are facing fees that can climb to 40 percent.", "fees"),  # the participle before its object
])
def test_a_relative_stands_for_the_phrase_right_before_it_after_a_noun_of_change_or_before_a_verb_of_value(
        text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text, what", [
    ("The survey has a margin of error of 3.2 percentage points.", "margin of error"),
    ("The poll's margin of error of plus or minus 4 points is wide.", "margin of error"),
    ("Pilots cited a number of delays of 40 percent.", None),  # an amount of something: no head
    ("He was an heir of Rome's empire of 5 million people.", "people"),  # an owner inside: no compound
])
def test_a_noun_of_noun_compound_before_of_heads_the_figure(text, what):
    assert find_figures(text)[-1].what == what


@pytest.mark.parametrize("text, expected", [
    ("Exports rose 8 percent from a year earlier to $40 billion.", ("exports", "exports")),
    ("The index fell 2 points on Friday to 1,250.", ("index", "index")),
    ("Prices rose 3 percent and wages climbed to $20.", ("prices", None)),  # another clause
    ("Rents fell 4 percent despite a jump in demand to $900.", ("rents", None)),  # another noun's level
    ("Fares rose 6 percent after a new route to $80.", ("fares", None)),  # no word of when or against what
    ("Sales rose 3 percent, from 50 units to 200 units.", ("sales", "units", "units")),  # a change of its own
])
def test_the_level_a_change_reaches_after_words_of_when_measures_what_the_change_does(text, expected):
    assert tuple(f.what for f in find_figures(text)) == expected


@pytest.mark.parametrize("text, what", [
    ("The vacancy rate was 6.2% - the lowest in years.", "vacancy rate"),
    ("The vacancy rate was 6.2% -- the lowest in years.", "vacancy rate"),
    ("The vacancy rate was 6.2%-plus, brokers said.", None),  # a hyphen joined to the figure ends no predicate
])
def test_a_dash_set_off_by_spaces_ends_the_predicate_of_a_copula(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("The clinic gets $9 million a year in state grants.", "state grants per year"),
    ("The county collects $2 million annually in fees.", "fees per year"),
    ("She receives $300 a week in addition to her wages.", "per week"),  # an idiom, not what the money is in
    ("He earns $50,000 a year in Denver.", "per year"),  # a place
    ("Milk costs $4 a gallon in small towns.", "per gallon"),  # where the price holds, not what it is in
    ("The port ships $90 million a month in grain and arms.", "grain and arms per month"),  # goods traded
    ("Cooks make $25 an hour in large kitchens.", "per hour"),
])
def test_money_and_its_rate_measure_what_the_money_is_in(text, what):
    assert find_figures(text)[0].what == what


@pytest.mark.parametrize("text, what", [
    ("Rents, a big share of household costs, rose 6 percent.", "rents"),  # an appositive
    ("Imports, meanwhile, fell 2 percent.", "imports"),  # a sentence adverb
    ("Bookings, according to the airline, jumped 9 percent.", "bookings"),  # a source
    ("The vacancy rate, however, was 5 percent in June.", "vacancy rate"),
    ("Okafor, the mayor, is up 5 points.", None),  # a person's level
    ("The finance minister, a former banker, fell 4 points in the polls.", None),  # a person by office
    ("The party's chief, a trained lawyer, rose to 30 percent.", None),
    ("She sold bonds, the broker said, for 3 percent less.", None),  # no verb of change after the commas
    ("Rents, wages, prices rose 6 percent.", "prices"),  # a list: the last noun before the verb only
])
def test_a_subject_parted_from_its_verb_of_change_by_commas_is_what_it_measures(text, what):
    assert find_figures(text)[0].what == what
