"""Who said a quote: attribution forms read from the sentence's grammar and the article's discourse."""

from tests.test_quotes import _speech_speakers


def test_as_x_puts_it_in_the_present():
    body = "As the Daily Ledger puts it, “the budget is a promise nobody intends to keep.”"
    assert _speech_speakers(body) == ["Daily Ledger"]
