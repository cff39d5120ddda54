import numpy as np
import pytest

from transforms.clean.line_features import feature_labels, feature_names, line_features
from transforms.clean.line_model import NAVIGATION, content_scores, main_text, navigation_detail, page_decisions
from transforms.clean.line_model_coefficients import MODEL
from transforms.clean.line_rules import MODEL_REASONS, STRUCTURE_REASONS, why

MENU = ["Home", "World", "Business", "Sport"]
BODY = [
    "The council said on Tuesday that the bridge would stay closed until the engineers had checked every cable.",
    "Drivers who use it each day were told that the detour would add about twenty minutes to their journey.",
    "The mayor said that she was sorry for the delay, and that the city would pay for extra buses in the meantime.",
]
LINKS = ["Share this article", "Read more: Bridge works", "Privacy policy | Terms of use"]


def test_features_one_row_per_line_with_neighbours():
    lines = MENU + BODY
    x = line_features(lines, [False] * len(lines), [False] * len(lines))
    names = feature_names()
    assert x.shape == (len(lines), len(names))
    log_chars, prev = names.index("log_chars"), names.index("prev_log_chars")
    assert x[0, prev] == 0 and x[1:, prev].tolist() == x[:-1, log_chars].tolist()
    assert x[:, names.index("section_name")].tolist() == [1.0] * len(MENU) + [0.0] * len(BODY)
    assert set(feature_labels()) == set(names)


def test_coefficients_fit_the_features():
    assert list(MODEL["features"]) == feature_names()
    assert len(MODEL["coef"]) == len(MODEL["mean"]) == len(MODEL["scale"]) == len(feature_names())
    assert 0 < MODEL["threshold"] < 1


def test_body_scores_above_menus_and_links():
    lines = MENU + BODY + LINKS
    scores, _ = content_scores(lines, [False] * len(lines), [False] * len(lines))
    body = scores[len(MENU):len(MENU) + len(BODY)]
    assert body.min() >= MODEL["threshold"]
    assert np.concatenate([scores[: len(MENU)], scores[-len(LINKS):]]).max() < MODEL["threshold"]


def test_a_removed_line_names_what_weighed_against_it():
    lines = MENU + BODY
    _, z = content_scores(lines, [False] * len(lines), [False] * len(lines))
    detail = navigation_detail(z[0])
    named = detail.split(", ")
    assert 1 <= len(named) <= 2
    assert all(part.split(" ", 1)[0] in ("high", "low") for part in named)
    assert all(part.split(" ", 1)[1] in feature_labels().values() for part in named)


def test_page_decisions_give_a_coarse_reason_and_the_features_apart():
    lines = MENU + BODY
    decisions, details = page_decisions(lines, {}, [False] * len(lines))
    assert decisions == [NAVIGATION] * len(MENU) + [None] * len(BODY)
    assert sorted(details) == list(range(len(MENU)))
    _, z = content_scores(lines, [False] * len(lines), [False] * len(lines))
    assert details == {i: navigation_detail(z[i]) for i in range(len(MENU))}


def test_model_reasons_are_listed_with_a_why():
    assert NAVIGATION in MODEL_REASONS
    assert all(name in STRUCTURE_REASONS and why(name) for name in MODEL_REASONS)


def test_main_text_keeps_the_longest_run_and_marks_the_rest():
    lines = ["Menu"] + BODY[:1] + ["a", "b", "c", "d"] + BODY[1:]
    scores = np.array([0.0, 0.9, 0.0, 0.0, 0.0, 0.0, 0.9, 0.9])
    rules = [False, False, True, False, False, False, False, False]
    assert main_text(lines, rules, scores, 0.5) == ["model", "off_main_text", "rule", "model", "model", "model",
                                                    None, None]


@pytest.mark.parametrize("lines", [[], ["Home"]])
def test_tiny_pages(lines):
    scores, z = content_scores(lines, [False] * len(lines), [False] * len(lines))
    assert scores.shape == (len(lines),) and z.shape[0] == len(lines)


@pytest.mark.slow
def test_shipped_coefficients_match_a_fresh_fit_on_the_tuned_hosts():
    pytest.importorskip("sklearn")
    from benchmarks.l3s_lines import DEFAULT
    from benchmarks.train_line_model import main

    if not DEFAULT.exists():
        pytest.skip(f"L3S-GN1 dev lines not present at {DEFAULT}")
    with pytest.raises(SystemExit) as done:
        main(str(DEFAULT), check=True)
    assert done.value.code == 0
