import pytest

from transforms.compare.figures import find_figures


@pytest.mark.parametrize("text, expected", [
    ("In the new poll, Okafor leads with 38 percent.", ("support",)),
    ("A state poll shows Okafor leading Lindqvist 41 percent to 36 percent.", ("support", "support")),
    ("The poll of voters has Okafor at 30 percent, followed by Lindqvist at 22 percent.", ("support", "support")),
    ("In the primary, Walker came in third with 12 percent.", ("support",)),  # a name the lexicon knows as a noun
])
def test_a_named_candidates_standing_in_a_poll_is_support(text, expected):
    assert tuple(f.what for f in find_figures(text)) == expected


@pytest.mark.parametrize("text", [
    "Among rich nations the next highest is Norway at 31 percent.",  # no word of polls: a place at a rate
    "In the poll, natives were at 60 percent and Koreans at 2 percent.",  # a group by its demonym
    "In the poll, Okafor is at 40% unfavorable.",  # a rating
    "Support is low in the poll. He's at 5 percent.",  # a contraction
    "In the poll, Okafor leads 38 percent.",  # no 'with', no split
    "A survey of shoppers put Orvana at 30 percent and Kestrel at 24 percent.",  # no word of elections: brands
    "In the race for sales, Orvana is at 18 percent.",
    "In the poll, Spain was at 40 percent.",  # a country
])
def test_other_levels_after_a_name_are_no_standing(text):
    assert all(f.what != "support" for f in find_figures(text))


def test_a_name_opening_a_line_of_a_poll_list_is_a_standing():
    text = "The polling average:\n• Ann Okafor, 26 percent\n• Lee Lindqvist, 20 percent\n"
    assert [f.what for f in find_figures(text)] == ["support", "support"]


@pytest.mark.parametrize("text", [
    "Jobless rates by state:\nNevada, 6 percent\nOhio, 4 percent\n",
    "Poll of shoppers by brand:\n• Orvana: 30%\n• Kestrel: 25%\n",  # one word: a brand, a place or a department
])
def test_a_place_or_one_word_opening_a_line_is_no_standing(text):
    assert all(f.what != "support" for f in find_figures(text))
