"""Fit the whole-page line model on the tuned hosts of L3S-GN1 and write transforms/clean/line_model_coefficients.py.

Lines are featured exactly as clean_document features them (line rules, site lines learned per host over the whole
set), labelled body text (L3S labels 1 and 2) or not, and weighted by the square root of their words. A logistic
regression (scikit-learn, lbfgs: deterministic) is fitted on the standardised features of the tuned hosts only;
its threshold is the one with the best word-weighted F1 after the main-run step, over 5 folds of tuned hosts.
The held-out hosts are never read here.

    .venv/bin/python -m benchmarks.train_line_model [lines-dev.jsonl.gz] [--check]   # --check: compare, not write
"""

import sys
import textwrap
from pathlib import Path

import numpy as np
import pyarrow as pa
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from benchmarks.holdout import split
from benchmarks.l3s_lines import CONTENT, DEFAULT, load_pages, prf
from transforms.clean.articles import rule_reasons
from transforms.clean.line_features import feature_names, line_features
from transforms.clean.line_model import main_text
from transforms.clean.site_lines import learn_site_lines, line_key, site_line_sets

OUT = Path(__file__).resolve().parents[1] / "transforms" / "clean" / "line_model_coefficients.py"
VERSION = 1
C = 1.0
FOLDS = 5
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(9))


def page_rows(pages: list[dict]) -> list[dict]:
    """Tuned pages -> per page: lines, rule flags, feature matrix, labels, word weights, host."""
    docs = pa.table({"outlet": [p["host"] for p in pages], "doc_id": [p["id"] for p in pages],
                     "text": [p["text"] for p in pages]})
    sites = site_line_sets(learn_site_lines(docs))
    rows = []
    for page in pages:
        lines = [text for text, _ in page["lines"] if text]
        labels = [label in CONTENT for text, label in page["lines"] if text]
        reasons, site = rule_reasons(lines), sites.get(page["host"], frozenset())
        rules = [i in reasons for i in range(len(lines))]
        features = line_features(lines, rules, [line_key(line) in site for line in lines])
        rows.append({"lines": lines, "rules": rules, "x": features, "y": np.array(labels, dtype=bool),
                     "words": np.array([len(line.split()) for line in lines], dtype=float), "host": page["host"]})
    return rows


def _fit(rows: list[dict]) -> tuple[np.ndarray, np.ndarray, LogisticRegression]:
    x = np.concatenate([r["x"] for r in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    weights = np.sqrt(np.concatenate([r["words"] for r in rows]))
    model = LogisticRegression(C=C, max_iter=5000).fit((x - mean) / scale, np.concatenate([r["y"] for r in rows]),
                                                       sample_weight=weights)
    return mean, scale, model


def _f1_by_threshold(fitted, rows: list[dict]) -> np.ndarray:
    mean, scale, model = fitted
    totals = np.zeros((len(THRESHOLDS), 3))
    for r in rows:
        scores = model.predict_proba((r["x"] - mean) / scale)[:, 1]
        for t, threshold in enumerate(THRESHOLDS):
            kept = np.array([d is None for d in main_text(r["lines"], r["rules"], scores, threshold)], dtype=bool)
            totals[t] += [(r["words"] * (kept & r["y"])).sum(), (r["words"] * (kept & ~r["y"])).sum(),
                          (r["words"] * (~kept & r["y"])).sum()]
    return np.array([prf(*t)[2] for t in totals])


def choose_threshold(rows: list[dict]) -> float:
    """Tuned rows -> the threshold with the best mean F1 over folds of hosts."""
    groups = [r["host"] for r in rows]
    scores = np.zeros(len(THRESHOLDS))
    for train, test in GroupKFold(n_splits=FOLDS).split(rows, groups=groups):
        scores += _f1_by_threshold(_fit([rows[i] for i in train]), [rows[i] for i in test])
    return THRESHOLDS[int(np.argmax(scores))]


def _wrapped(values, formatted) -> str:
    return "[\n" + textwrap.fill(", ".join(formatted(v) for v in values), 112, initial_indent=" " * 8,
                                 subsequent_indent=" " * 8) + ",\n    ]"


def render(mean, scale, model, threshold: float, n_pages: int, n_hosts: int) -> str:
    """Fitted model -> the source of line_model_coefficients.py."""
    def floats(values) -> str:
        return _wrapped(values, lambda v: f"{v:.6g}")
    return (f'"""Line model coefficients, version {VERSION}: written by benchmarks/train_line_model.py from '
            f'{n_pages} pages of\n{n_hosts} tuned L3S-GN1 hosts. Do not edit by hand."""\n\n'
            f"MODEL = {{\n    \"version\": {VERSION},\n    \"features\": {_wrapped(feature_names(), repr)},\n"
            f"    \"mean\": {floats(mean)},\n    \"scale\": {floats(scale)},\n"
            f"    \"coef\": {floats(model.coef_[0])},\n"
            f"    \"intercept\": {model.intercept_[0]:.6g},\n    \"threshold\": {threshold},\n}}\n")


def main(path: str, check: bool) -> None:
    """Fit on the tuned hosts, choose the threshold by folds, write (or compare) the coefficients file."""
    tuned = split(load_pages(path), lambda p: p["host"])["tuned"]
    rows = page_rows(tuned)
    threshold = choose_threshold(rows)
    fitted = _fit(rows)
    source = render(*fitted, threshold, len(tuned), len({r["host"] for r in rows}))
    print(f"{len(tuned)} tuned pages, {sum(len(r['lines']) for r in rows)} lines; threshold {threshold}")
    if check:
        same = OUT.read_text(encoding="utf-8") == source
        print(f"{OUT.name} {'matches' if same else 'DIFFERS from'} a fresh fit")
        sys.exit(0 if same else 1)
    OUT.write_text(source, encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(args[0] if args else str(DEFAULT), "--check" in sys.argv)
