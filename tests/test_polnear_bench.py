"""The PolNeAR benchmark's matching rule on literal data, and its reading of the corpus where it is present."""

from pathlib import Path

import pytest

from benchmarks.polnear_corpus import CORPUS, brat, load
from benchmarks.polnear_gold import same_speaker
from benchmarks.polnear_quotes import overlaps


@pytest.mark.parametrize("predicted, gold, same", [
    ("Obama", "Mr. Obama", True),
    ("Barack Obama", "Obama", True),
    ("Hillary Clinton", "Bill Clinton", True),   # a shared surname is one speaker to this rule
    ("Trump", "Clinton", False),
    (None, "Clinton", False),
    (None, None, True),
    ("Hope Hicks", "a spokeswoman", True),       # the article names her in that role, below
    ("Jane Roe", "a spokeswoman", False),
    ("Hope Hicks", "Trump's spokeswoman", True),  # a nominal gold opened by a possessive name
    ("Jane Roe", "Trump's spokeswoman", False),
])
def test_same_speaker(predicted, gold, same):
    text = ("Hope Hicks, a spokeswoman for the campaign, declined. Jane Roe left. "
            "Trump's spokeswoman, Hope Hicks, spoke.")
    assert same_speaker(predicted, gold, text) is same


@pytest.mark.parametrize("a, b, overlap", [((0, 10), (2, 8), True), ((0, 10), (8, 20), False), ((0, 4), (4, 9), False)])
def test_overlap_is_half_of_the_shorter_span(a, b, overlap):
    assert overlaps(a, b) is overlap


def test_brat_attributions_tie_source_cue_and_content():
    ann = "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;21 30\tthe plan is bad\nE1\tAttribution:T2 " \
          "Source:T1 Cue:T2 Content:T3\n"
    (found,) = brat(ann)
    assert (found.content, found.source, found.cue, found.direct) == ((11, 30), "Smith", "said", False)


@pytest.mark.skipif(not Path(CORPUS).exists(), reason="the PolNeAR corpus is not on this machine")
def test_dev_split_has_its_articles_and_quotes():
    articles = load(Path(CORPUS), "dev")
    assert len(articles) == 84 and sum(len(a.pieces) for a in articles) == 498
