"""The hand-judged samples of abp-dev quotes and figures: complete, and read by the script that prints their rates."""

import csv

import pytest

from benchmarks.judged_sample import FIXTURES, rates


def _rows(name: str) -> list[dict]:
    with open(FIXTURES / name, newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_sampled_quote_and_figure_has_a_verdict():
    quotes, figures = _rows("quotes_judged.csv"), _rows("figures_judged.csv")
    assert len(quotes) == len(figures) == 100
    assert {r["is_speech"] for r in quotes} <= {"y", "n"}
    assert {r["speaker_right"] for r in quotes if r["is_speech"] == "y"} <= {"y", "n"}
    assert {r["figure_right"] for r in figures} <= {"y", "n"}
    assert all(r["error"] for r in quotes if "n" in (r["is_speech"], r["speaker_right"]))
    assert all(r["error"] for r in figures if r["figure_right"] == "n")


def test_the_rechecked_and_the_fresh_samples_have_verdicts():
    quotes, figures = _rows("quotes_judged.csv"), _rows("figures_judged.csv")
    fresh = _rows("figures_judged_seed15.csv")
    assert len(fresh) == 100 and len({r["figure_id"] for r in fresh}) == 100
    assert {r["speaker_right_now"] for r in quotes if r["is_speech"] == "y"} <= {"y", "n"}
    assert {r["speaker_right_last"] for r in quotes if r["is_speech"] == "y"} <= {"y", "n"}
    assert {r["figure_right_now"] for r in figures} <= {"y", "n", "gone"}
    assert {r["figure_right"] for r in fresh} | {r["figure_right_now"] for r in fresh} <= {"y", "n"}
    assert all(r["error"] for r in fresh if r["figure_right"] == "n")
    assert all(r["error_now"] for r in fresh if r["figure_right_now"] == "n")
    assert {r["figure_right_later"] for r in fresh} <= {"y", "n", "gone"}
    assert all(r["error_later"] for r in fresh if r["figure_right_later"] == "n")
    for name in ("figures_judged_seed16.csv", "figures_judged_seed17.csv"):
        later = _rows(name)
        assert len(later) == 100 and len({r["figure_id"] for r in later}) == 100
        assert {r["figure_right"] for r in later} <= {"y", "n"}
        assert {r["figure_right_later"] for r in later} <= {"y", "n", "gone"}
        assert all(r["error"] for r in later if r["figure_right"] == "n")
        assert all(r["error_later"] for r in later if r["figure_right_later"] == "n")


def test_the_second_quote_sample_is_judged_blind_and_complete():
    second = _rows("quotes_judged_seed18.csv")
    assert len(second) == 100 and len({r["quote_id"] for r in second}) == 100
    assert {r["is_speech"] for r in second} | {r["speaker_right"] for r in second} <= {"y", "n"}
    assert all(r["error"] for r in second if "n" in (r["is_speech"], r["speaker_right"]))
    assert {r["speaker_right_later"] for r in second} <= {"y", "n"}
    assert all(r["error_later"] for r in second if r["speaker_right_later"] == "n")
    speech = [r for r in second if r["is_speech"] == "y"]
    assert rates()["speaker_right_seed18"] == sum(r["speaker_right"] == "y" for r in speech) / len(speech)


@pytest.mark.parametrize("seed", [19, 20, 21, 22, 23, 24, 25])
def test_a_blind_pair_of_samples_is_judged_and_complete(seed):
    quotes, figures = _rows(f"quotes_judged_seed{seed}.csv"), _rows(f"figures_judged_seed{seed}.csv")
    assert len(quotes) == len({r["quote_id"] for r in quotes}) == 100
    assert len(figures) == len({r["figure_id"] for r in figures}) == 100
    assert {r["is_speech"] for r in quotes} | {r["speaker_right"] for r in quotes} <= {"y", "n"}
    assert {r["figure_right"] for r in figures} <= {"y", "n"}
    assert all(r["error"] for r in quotes if "n" in (r["is_speech"], r["speaker_right"]))
    assert all(r["error"] for r in figures if r["figure_right"] == "n")
    found, speech = rates(), [r for r in quotes if r["is_speech"] == "y"]
    assert found[f"is_speech_seed{seed}"] == len(speech) / 100
    assert found[f"speaker_right_seed{seed}"] == sum(r["speaker_right"] == "y" for r in speech) / len(speech)
    assert found[f"figure_right_seed{seed}"] == sum(r["figure_right"] == "y" for r in figures) / 100


def test_the_seed_19_and_17_figures_are_rechecked_with_later_rules():
    figures, found = _rows("figures_judged_seed19.csv"), rates()
    assert {r["figure_right_later"] for r in figures} <= {"y", "n"}
    assert all(r["error_later"] for r in figures if r["figure_right_later"] == "n")
    assert found["figure_right_seed19_later"] == sum(r["figure_right_later"] == "y" for r in figures) / 100
    fourth = [r for r in _rows("figures_judged_seed17.csv") if r["figure_right_last"] != "gone"]
    assert all(r["error_last"] for r in fourth if r["figure_right_last"] == "n")
    assert found["figure_right_seed17_last"] == sum(r["figure_right_last"] == "y" for r in fourth) / len(fourth)


def test_rates_are_the_shares_of_right_verdicts():
    found = rates()
    speech = [r for r in _rows("quotes_judged.csv") if r["is_speech"] == "y"]
    assert found["speaker_right"] == sum(r["speaker_right"] == "y" for r in speech) / len(speech)
    assert found["figure_right"] == sum(r["figure_right"] == "y" for r in _rows("figures_judged.csv")) / 100
    fresh = _rows("figures_judged_seed15.csv")
    assert found["figure_right_seed15"] == sum(r["figure_right"] == "y" for r in fresh) / 100
    kept = [r for r in fresh if r["figure_right_later"] != "gone"]
    assert found["figure_right_seed15_later"] == sum(r["figure_right_later"] == "y" for r in kept) / len(kept)
    third = _rows("figures_judged_seed16.csv")
    assert found["figure_right_seed16"] == sum(r["figure_right"] == "y" for r in third) / 100
    fourth = _rows("figures_judged_seed17.csv")
    assert found["figure_right_seed17"] == sum(r["figure_right"] == "y" for r in fourth) / 100


def test_judged_mention_sets_are_complete_and_every_wrong_mention_has_its_kind_of_error():
    import json

    sets = json.loads((FIXTURES / "mention_judgements.json").read_text())["sets"]
    assert len(sets) >= 5
    for judged in sets:
        rows = judged["rows"]
        assert len(rows) == 200 and all(r["verdict"] in ("right", "wrong") for r in rows)
        assert all(r["error"] for r in rows if r["verdict"] == "wrong")
        assert len({(r["article_id"], r["start_char"]) for r in rows}) == 200
