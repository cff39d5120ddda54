from benchmarks.mention_rescore import compare


def _set(surface: str, verdict: str) -> dict:
    return {"rows": [{"surface": surface, "verdict": verdict, "error": "boundary", "context": "x" * 60 + surface}]}


def test_the_held_out_set_prints_a_count_only(capsys):
    sets = [_set("Brixley Pond", "wrong"), _set("Tarrow Heights", "wrong")]
    compare(sets, [[["="]], [["="]]], [[["Brixley"]], [["Tarrow"]]])
    out = capsys.readouterr().out
    assert "Brixley Pond" in out and "set 1 (held out): 1 of 1 read otherwise" in out
    assert "Tarrow" not in out and out.count("wrong") == 1
