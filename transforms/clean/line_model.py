"""Whole pages: a logistic line model decides which lines are body text, the longest run of them is the story.

The coefficients (line_model_coefficients.py) are fitted by benchmarks/train_line_model.py on the tuned hosts of
the labelled dev sets only. A line the model removes has the coarse reason NAVIGATION, and a detail naming the
features that pushed it out the most.
"""

import numpy as np

from transforms.clean.line_features import feature_labels, feature_names, line_features
from transforms.clean.line_model_coefficients import MODEL
from transforms.clean.page_text import body_runs, comments_start

NAVIGATION = "model: navigation-like"
# A removed line's detail names this many of the features that weighed most against it.
DETAIL_FEATURES = 2

_MEAN = np.array(MODEL["mean"])
_SCALE = np.array(MODEL["scale"])
_COEF = np.array(MODEL["coef"])
_LABELS = [feature_labels()[name] for name in MODEL["features"]]
if list(MODEL["features"]) != feature_names():
    raise ImportError("line_model_coefficients.py was fitted on other features: run benchmarks/train_line_model.py")


def content_scores(lines: list[str], rules: list[bool], site_lines: list[bool]) -> tuple[np.ndarray, np.ndarray]:
    """Lines of a page + line-rule and site-line flags -> (probability each is body text, standardised features)."""
    if not lines:
        return np.zeros(0), np.zeros((0, len(_COEF)))
    z = (line_features(lines, rules, site_lines) - _MEAN) / _SCALE
    return 1.0 / (1.0 + np.exp(-(z @ _COEF + MODEL["intercept"]))), z


def navigation_detail(z: np.ndarray) -> str | None:
    """Standardised features of one removed line -> the features that weighed most against it, e.g. 'low length,
    high link-like words' (None when none weighed against it)."""
    pull = z * _COEF
    strongest = np.argsort(pull, kind="stable")[:DETAIL_FEATURES]
    named = [f"{'high' if z[j] > 0 else 'low'} {_LABELS[j]}" for j in strongest if pull[j] < 0]
    return ", ".join(named) or None


def main_text(lines: list[str], rules: list[bool], scores: np.ndarray, threshold: float) -> list[str | None]:
    """Lines of a page + line-rule flags + body-text probabilities -> per line None (the story), 'rule', 'model'
    (not body text), 'off_main_text' (body text outside the longest run of it) or 'comments'."""
    body = [not rule and score >= threshold for rule, score in zip(rules, scores, strict=True)]
    classes = ["good" if keep else "bad" for keep in body]
    cut = comments_start(lines, classes)
    runs = body_runs(classes[:cut], [len(line.split()) for line in lines])
    first, last, _ = max(runs, key=lambda run: run[2], default=(0, -1, 0))
    out: list[str | None] = []
    for i in range(len(lines)):
        if rules[i]:
            out.append("rule")
        elif i >= cut:
            out.append("comments")
        elif not body[i]:
            out.append("model")
        else:
            out.append(None if first <= i <= last else "off_main_text")
    return out


def page_decisions(lines: list[str], reasons: dict[int, str],
                   site_lines: list[bool]) -> tuple[list[str | None], dict[int, str]]:
    """Lines of one whole page + the line rules' reasons + site-line flags -> (for each line None (the story) or why
    it is not: the rule's reason, NAVIGATION, 'off_main_text' or 'comments'; {index: detail} of the model's lines)."""
    rules = [i in reasons for i in range(len(lines))]
    scores, z = content_scores(lines, rules, site_lines)
    decided = main_text(lines, rules, scores, MODEL["threshold"])
    details = {i: detail for i, d in enumerate(decided) if d == "model" and (detail := navigation_detail(z[i]))}
    named = {"rule": lambda i: reasons[i], "model": lambda i: NAVIGATION}
    return [named[d](i) if d in named else d for i, d in enumerate(decided)], details
