from transforms.ingest.second_opinion import agreed_text, covered, readability_text, resiliparse_text, shingles

FIRST = "The storm reached the coast on Monday night and cut power to thousands of homes along the bay."
SECOND = "Crews worked through the night to clear the roads, and most schools stayed closed on Tuesday."
THIRD = "The weather service said another storm could arrive by the weekend, bringing more rain and wind."
TEASER = "Five gadgets you need for your kitchen this winter, chosen by our shopping editors."
PAGE = f"""<html><head><title>Storm</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Storm hits the coast</h1><p>{FIRST} {FIRST}</p><p>{SECOND} {SECOND}</p><p>{THIRD} {THIRD}</p></article>
<footer>Contact us</footer></body></html>"""


def test_shingles_and_cover():
    assert sum(shingles("one two three four five").values()) == 2
    assert covered(shingles(FIRST), shingles(FIRST + " " + SECOND)) == 1.0
    assert covered(shingles(SECOND), shingles(FIRST)) == 0.0


def test_other_extractors_find_the_article():
    for text in (readability_text(PAGE), resiliparse_text(PAGE)):
        assert FIRST in text and THIRD in text and "Contact us" not in text


def test_broken_input_gives_no_text():
    assert readability_text("") == "" and resiliparse_text("") == ""


def test_the_fuller_text_wins_when_both_others_agree_on_it():
    both = "\n".join([FIRST, SECOND, THIRD])
    assert agreed_text(FIRST, both, both) == both
    # Only one other extractor holding more is no agreement.
    assert agreed_text(FIRST, both, FIRST) == FIRST


def test_trafilaturas_text_stays_whole_unless_both_others_agree_it_stopped_short():
    others = "\n".join([FIRST, SECOND])
    # Lines next to the story that neither other extractor holds are left to the cleaner.
    edged = "\n".join([TEASER, FIRST, SECOND, TEASER])
    assert agreed_text(edged, others, others) == edged
    assert agreed_text(TEASER, "", "") == TEASER


FOURTH = "Insurers said the first claims were already coming in from owners of flooded shops near the harbour."
FIFTH = "The governor asked for federal help and said the state would cover the cost of the clean-up until then."


def test_the_fuller_text_wins_only_where_trafilatura_kept_under_half_of_it():
    story = "\n".join([FIRST, SECOND, THIRD, FOURTH, FIFTH])
    # Three of five paragraphs: what the others add is as likely boxes beside the story as its rest.
    three = "\n".join([FIRST, SECOND, THIRD])
    assert 0.5 <= covered(shingles(story), shingles(three)) < 0.7
    assert agreed_text(three, story, story) == three
    # Two of five: trafilatura stopped short.
    two = "\n".join([FIRST, SECOND])
    assert covered(shingles(story), shingles(two)) < 0.5
    assert agreed_text(two, story, story) == story
