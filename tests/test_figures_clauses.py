import pytest

from transforms.compare.figures import find_figures


def _one(text):
    figures = find_figures(text)
    assert len(figures) == 1, figures
    fig = figures[0]
    assert text[fig.start_char:fig.end_char] == fig.raw
    return fig.value, fig.unit, fig.what, fig.qualifier


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
