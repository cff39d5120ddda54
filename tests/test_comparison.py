"""Cross-source comparison on the seeds, through the flow: quotes, shared quotes, descriptors, figures, stories."""

import pytest

HDN, PRESS_TV, TRT, REPUBLIC = "Hürriyet Daily News", "Press TV", "TRT World", "Republic World"


def _quotes(con, where: str) -> list[tuple]:
    return con.execute(f"""
        select a.outlet_name, q.text, q.speaker_entity_id, q.attribution, q.is_fragment
        from quotes as q inner join articles as a on q.doc_id = a.doc_id
        where {where}
        order by a.outlet_name, q.start_char""").fetchall()


@pytest.mark.parametrize("opening", ["In Libya", "This is the position of the GNA"])
def test_kalin_quote_is_carried_by_hurriyet_and_press_tv(seeds_db, opening):
    rows = seeds_db.execute(
        "select outlets, n_outlets, speaker_entity_id, speaker_name, variants from shared_quotes where text like ?",
        [opening + "%"]).fetchall()
    assert len(rows) == 1
    outlets, n_outlets, speaker, speaker_name, variants = rows[0]
    assert {HDN, PRESS_TV} <= set(outlets) and n_outlets == len(outlets)
    assert speaker == "ibrahim-kalin" and speaker_name == "İbrahim Kalın"
    assert all(v.startswith(opening) for v in variants)


def test_in_libya_is_matched_despite_the_dropped_comma(seeds_db):
    (variants,) = seeds_db.execute("select variants from shared_quotes where text like 'In Libya%'").fetchone()
    assert any(v.startswith("In Libya, we") for v in variants)
    assert any(v.startswith("In Libya we") for v in variants)


def test_quote_after_he_told_reporters_goes_to_the_last_person_named(seeds_db):
    rows = _quotes(seeds_db, "q.text like 'The Turkish delegation on Monday will attend talks in Moscow%'")
    assert [(r[0], r[2], r[3]) for r in rows] == [(TRT, "mevlut-cavusoglu", "pronoun")]


def test_a_title_stands_for_the_person_it_named(seeds_db):
    rows = _quotes(seeds_db, "q.text like 'premature ceasefire will not lead%'")
    assert [(r[0], r[2], r[3]) for r in rows] == [(PRESS_TV, "ibrahim-kalin", "title")]


def test_scare_quotes_are_fragments_not_quotes(seeds_db):
    rows = _quotes(seeds_db, "lower(q.text) = 'jeopardizing'")
    assert rows and all(r[4] for r in rows)
    assert seeds_db.execute("select count(*) from shared_quotes where lower(text) = 'jeopardizing'").fetchone() == (0,)


def test_most_quotes_have_a_speaker(seeds_db):
    total, attributed = seeds_db.execute(
        "select count(*), count(speaker_surface) from quotes where not is_fragment").fetchone()
    assert total >= 10 and attributed / total >= 0.7


@pytest.mark.parametrize(("outlet", "descriptor"), [
    (TRT, "warlord"),
    (PRESS_TV, "renegade General"),
    (PRESS_TV, "strongman"),
    (REPUBLIC, "Libyan National Army general"),
])
def test_how_each_outlet_describes_haftar(seeds_db, outlet, descriptor):
    found = seeds_db.execute("""
        select descriptor from entity_descriptors
        where entity_id = 'khalifa-haftar' and outlet_name = ?""", [outlet]).fetchall()
    assert (descriptor,) in found


@pytest.mark.parametrize(("raw_start", "value", "unit", "what", "qualifier"), [
    ("3,80,000", 380000, None, "lives", "more_than"),
    ("1.7 million", 1700000, None, "syrians", "more_than"),
    ("1,000", 1000, None, "killed", "more_than"),
    ("450 kilometers", 450, "km", None, None),
    ("76-year-old", 76, "age", "age", None),
    ("1,800", 1800, None, "civilians", "more_than"),
])
def test_figures_are_normalised(seeds_db, raw_start, value, unit, what, qualifier):
    rows = seeds_db.execute("select value, unit, what, qualifier from figures where raw like ?",
                            ["%" + raw_start + "%"]).fetchall()
    assert rows, raw_start
    got_value, got_unit, got_what, got_qualifier = rows[0]
    assert got_value == value and got_unit == unit and got_qualifier == qualifier
    if what is not None:
        assert got_what == what


def test_dates_and_years_are_not_figures(seeds_db):
    raws = [r[0] for r in seeds_db.execute("select raw from figures").fetchall()]
    assert raws and not [r for r in raws if r.strip() in {"2011", "2014", "2020"} or r.startswith("June")]


def test_every_article_has_one_story(seeds_db):
    assert seeds_db.execute("select count(*), count(distinct doc_id) from stories").fetchone() == (5, 5)


def test_every_outlets_version_of_a_shared_kalin_quote_is_his(seeds_db):
    rows = seeds_db.execute("""
        select q.speaker_entity_id
        from quotes as q
        inner join quote_matches as m on q.quote_id = m.quote_id
        inner join shared_quotes as s on m.quote_group_id = s.quote_group_id""").fetchall()
    assert len(rows) >= 4 and set(rows) == {("ibrahim-kalin",)}


def test_figures_line_up_across_outlets_by_what_they_count(seeds_db):
    rows = seeds_db.execute("""
        select outlet_name, figure_values, phrasings from figures_across_outlets where what = 'seats'
        order by outlet_name""").fetchall()
    assert rows == [(PRESS_TV, [2.0], ["rival seats"]), (TRT, [2.0], ["seats"])]


def test_kalins_remarks_told_by_hurriyet_and_press_tv_are_one_story(seeds_db):
    rows = seeds_db.execute("select outlets, count_articles from story_clusters").fetchall()
    assert ([HDN, PRESS_TV], 2) in rows
