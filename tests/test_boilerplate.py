import pyarrow as pa
import pytest

from flows.storage import spill
from transforms.clean.articles import clean_articles, clean_document
from transforms.clean.line_rules import LINE_RULES, STRUCTURE_REASONS, line_reason, why
from transforms.clean.site_lines import (
    candidate_rows,
    learn_from_rows,
    learn_site_lines,
    outlet_doc_counts,
)
from warehouse.contracts import DOCUMENTS, SITE_LINES

REMOVES = [(rule.name, line) for rule in LINE_RULES for line in rule.removes]
KEEPS = [(rule.name, line) for rule in LINE_RULES for line in rule.keeps]


@pytest.mark.parametrize("name, line", REMOVES)
def test_rule_removes_its_examples(name, line):
    assert line_reason(line) == name


@pytest.mark.parametrize("name, line", KEEPS)
def test_rule_keeps_its_counter_examples(name, line):
    rule = next(r for r in LINE_RULES if r.name == name)
    assert not rule.test(line)


def test_every_reason_explains_itself():
    names = [r.name for r in LINE_RULES] + list(STRUCTURE_REASONS)
    assert len(names) == len(set(names))
    assert all(why(name) for name in names)


@pytest.mark.parametrize("line", [
    "Talks with Russia on Idlib",
    "Ankara's request for Moscow",
    "Sirte and al-Jufra ‘should be evacuated for ceasefire’",
    "“We've received instructions to work together,” Cavusoglu said.",
])
def test_body_lines_are_kept(line):
    assert line_reason(line) is None


def _reasons(text, **kwargs):
    return {(no, reason) for no, _, reason in clean_document(text, **kwargs).removed}


def test_twin_captions_with_credit_and_repeated_headline():
    caption = "A caption of the photo here."
    text = f"Title of story\n\n{caption}\nReuters\n\n{caption}\n\nBody.\nTitle of story"
    assert _reasons(text) == {(3, "twin_caption"), (4, "credit"), (6, "twin_caption"), (9, "repeated_headline")}
    assert clean_document(text).body == "Title of story\n\nBody."


def test_caption_credit_without_a_known_agency():
    caption = "People at the market in Tripoli on Friday."
    text = f"Title\n{caption}\nJane Doe\n{caption}\nBody."
    assert _reasons(text) == {(2, "twin_caption"), (3, "caption_credit"), (4, "twin_caption")}


def test_repeated_lede():
    lede = "Turkey on Saturday asked Russia to convince Haftar to accept the truce."
    text = f"Title\n{lede}\nBy Jane Doe\n{lede} More text follows here."
    cleaned = clean_document(text)
    assert (2, "repeated_lede") in _reasons(text)
    assert cleaned.body.count(lede) == 1
    assert cleaned.byline == "Jane Doe"


def test_footer_block_needs_an_anchor():
    body = "Title\nThe talks ended on Friday without a deal."
    footer = body + "\nExample News is also available at these addresses:\nwww.example.co.uk\nExample News Roku"
    assert _reasons(footer, outlet="Example News") == {(3, "footer"), (4, "bare_url"), (5, "footer")}
    assert _reasons(body + "\nSee you soon", outlet="Example News") == set()


def test_site_lines_are_removed_but_not_the_title():
    assert _reasons("Route 6\nRoute 6 is a headline here\nRoute 6", site_lines=frozenset({"route 6"})) == {
        (3, "site_line")}


def _docs(rows):
    return pa.Table.from_pylist([{"source_format": "txt", "outlet_source": "manifest", **r} for r in rows],
                                schema=DOCUMENTS)


def test_learn_site_lines_needs_two_documents_and_two_contexts():
    docs = _docs([
        {"doc_id": "a", "source_path": "a.txt", "outlet": "X", "text": "T1\nFirst story line.\nRoute 6"},
        {"doc_id": "b", "source_path": "b.txt", "outlet": "X", "text": "T2\nSecond story line.\nRoute 6"},
        # The same story filed twice: its lines recur, but always after the same neighbour.
        {"doc_id": "c", "source_path": "c.txt", "outlet": "X", "text": "T3\nSame lead.\nShared line"},
        {"doc_id": "d", "source_path": "d.txt", "outlet": "X", "text": "T3\nSame lead.\nShared line\nUpdate."},
        {"doc_id": "e", "source_path": "e.txt", "outlet": "Y", "text": "T5\nOther.\nRoute 6"},
    ])
    site = learn_site_lines(docs).to_pylist()
    assert [(r["outlet"], r["line_key"], r["count_docs"], r["count_outlet_docs"]) for r in site] == [
        ("X", "route 6", 2, 4)]


def test_site_line_counts_add_up_over_batches_in_any_order():
    docs = _docs([
        {"doc_id": "a", "source_path": "a.txt", "outlet": "X", "text": "T1\nFirst story line.\nROUTE 6"},
        {"doc_id": "b", "source_path": "b.txt", "outlet": "X", "text": "T2\nSecond story line.\nRoute  6"},
        {"doc_id": "c", "source_path": "c.txt", "outlet": "X", "text": "T3\nThird story line.\nroute 6"},
        {"doc_id": "d", "source_path": "d.txt", "outlet": None, "text": "T4\nOther.\nRoute 6"},
    ])
    whole = learn_site_lines(docs)
    assert [(r["line_key"], r["line_text"], r["count_docs"], r["count_outlet_docs"]) for r in whole.to_pylist()] == [
        ("route 6", "ROUTE 6", 3, 3)]  # the text of the first document in input order; no outlet, not counted
    # candidate lines of the batches in another order, counted in buckets of whole groups: the same site lines
    with spill.spilled(3, "key_hash") as spilled:
        for part in (docs.slice(2), docs.slice(0, 2)):
            spilled.add(candidate_rows(part))
        found, held = learn_from_rows(spilled.buckets(), outlet_doc_counts(docs))
    assert found.equals(whole)
    assert sorted(held["doc_id"].to_pylist()) == ["a", "b", "c"]


def test_spill_gives_back_every_row_bucket_by_bucket_in_files_removed_after(monkeypatch):
    monkeypatch.setattr(spill, "FLUSH_ROWS", 4)  # write out every few rows
    rows = [pa.table({"h": pa.array(range(i, i + 5), pa.uint32()), "v": [f"{i}-{j}" for j in range(5)]})
            for i in range(0, 30, 5)]
    with spill.spilled(4, "h") as spilled:
        for table in rows:
            spilled.add(table)
        folder = spilled.folder
        buckets = [bucket.to_pylist() for bucket in spilled.buckets()]
        assert len(list(folder.glob("*.parquet"))) > 4
    assert not folder.exists()
    assert [sorted({r["h"] % 4 for r in bucket}) for bucket in buckets] == [[0], [1], [2], [3]]
    assert sorted(r["v"] for bucket in buckets for r in bucket) == sorted(pa.concat_tables(rows)["v"].to_pylist())
    with spill.spilled(1, "h") as spilled:  # one bucket: nothing written
        spilled.add(rows[0])
        assert spilled.folder is None and [b.num_rows for b in spilled.buckets()] == [5]


def test_clean_articles_merges_duplicate_content_and_quarantines_empty_bodies():
    docs = _docs([
        {"doc_id": "a", "source_path": "a.txt", "outlet": "X", "text": "Title\nBody line."},
        {"doc_id": "a", "source_path": "copy/a.txt", "outlet": "X", "text": "Title\nBody line."},
        {"doc_id": "b", "source_path": "b.txt", "outlet": None, "text": "Advertisement\nLoading..."},
    ])
    batch = clean_articles(docs, SITE_LINES.empty_table())
    assert batch.articles["doc_id"].to_pylist() == ["a"]
    assert batch.sources["source_path"].to_pylist() == ["a.txt", "copy/a.txt"]
    assert batch.quarantine.to_pylist() == [{"source_path": "b.txt", "record_no": None,
                                             "reason": "no article text left after removing 2 boilerplate lines"}]
    assert batch.seen == frozenset({"a"})


def test_cleaning_a_clean_body_changes_nothing():
    text = "Title\n\nADVERTISEMENT\n\nFirst paragraph.\n\nREAD MORE: elsewhere\n\nSecond paragraph."
    body = clean_document(text).body
    assert clean_document(body).body == body


def test_outlet_from_site_signature():
    from transforms.clean.site_lines import assign_signature_outlets

    docs = _docs([
        {"doc_id": "a", "source_path": "a.txt", "outlet": "TRT World", "text": "T1\nStory one.\nRoute 6"},
        {"doc_id": "b", "source_path": "b.txt", "outlet": "TRT World", "text": "T2\nStory two.\nRoute 6"},
        {"doc_id": "c", "source_path": "c.txt", "outlet": None, "outlet_source": None, "text": "T3\nThree.\nRoute 6"},
        {"doc_id": "d", "source_path": "d.txt", "outlet": None, "outlet_source": None, "text": "T4\nNo sign."},
    ])
    assigned = assign_signature_outlets(docs, learn_site_lines(docs))
    assert assigned.select(["doc_id", "outlet", "outlet_source"]).to_pylist()[2:] == [
        {"doc_id": "c", "outlet": "TRT World", "outlet_source": "signature"},
        {"doc_id": "d", "outlet": None, "outlet_source": None},
    ]


def test_repeated_block_goes_but_a_recurring_question_stays():
    text = "\n".join([
        "Headline", "What inspired you?", "The sea, and the long summers there, said Ana.",
        "What inspired you?", "My mother, who painted boats all her life, said Ben.",
        "Talks resume in Ankara on Monday.", "Both sides sent their envoys to the capital.",
        "Talks resume in Ankara on Monday.", "Both sides sent their envoys to the capital.",
    ])
    assert _reasons(text) == {(8, "repeated_line"), (9, "repeated_line")}


PARA = "The committee met on Tuesday and heard three hours of testimony from the officials involved."
PARA2 = "Members of both parties said afterwards that they expected a vote before the end of the month."


@pytest.mark.parametrize("middle, expected", [
    # A credit-shaped line between two copies of a caption: the caption and its credit go.
    ("Jane Doe", {(3, "twin_caption"), (4, "caption_credit"), (5, "twin_caption")}),
    # A section head between two copies of a standfirst: a block printed twice; only the late copy goes
    # once it is long enough to say nothing new.
    ("From the Right", set()),
    ("Zoom.", set()),
])
def test_twin_caption_needs_a_credit_between_the_copies(middle, expected):
    caption = "The right sees this as a triumph for the prime minister."
    assert _reasons(f"Title\n{PARA}\n{caption}\n{middle}\n{caption}\n{PARA2}") == expected


def test_twin_caption_around_a_removed_credit_but_not_around_an_ad_slot():
    caption = "Supporters wave flags outside the court in Ankara."
    assert _reasons(f"T\n{PARA}\n{caption}\nReuters\n{caption}") == {
        (3, "twin_caption"), (4, "credit"), (5, "twin_caption")}
    # Around an ad slot it is a line printed twice: the first copy stays.
    assert _reasons(f"T\n{PARA}\n{caption}\nAdvertisement\n{caption}") == {(4, "ad_slot"), (5, "repeated_line")}


@pytest.mark.parametrize("text, expected", [
    # A caption printed twice in a row (a photo strip): the second copy goes.
    (f"T\n{PARA}\nObama meets Netanyahu at the White House in 2010.\n"
     "Obama meets Netanyahu at the White House in 2010.\n" + PARA2, {(4, "repeated_line")}),
    # A long paragraph repeated later among new neighbours says nothing new.
    (f"T\n{PARA}\nShort one.\n{PARA2}\nAnother short one.\n{PARA}", {(6, "repeated_line")}),
    # A short line said twice stays: a speaker's turn, a word repeated for effect.
    (f"T\n{PARA}\nNo, it shouldn't.\nNo, it shouldn't.\n{PARA2}", set()),
    # A line that comes back three times is the text's structure (a question put to each guest): all stay.
    (f"T\n{PARA}\n{PARA2}\nAna, the sea.\n{PARA}\n{PARA2}\nBen, the hills.\n{PARA}\n{PARA2}\nCy, the city.", set()),
    # ... and a block printed twice by the layout still loses its second copy.
    (f"T\n{PARA}\n{PARA2}\nAna, the sea.\n{PARA}\n{PARA2}", {(5, "repeated_line"), (6, "repeated_line")}),
])
def test_doubled_and_long_repeats(text, expected):
    assert _reasons(text) == expected


@pytest.mark.parametrize("line, removed", [
    ("NAVY SEAL ACCUSED OF KILLING DETAINEE WAS VICTIM OF 'TARGET FIXATION,' ATTORNEY SAYS", True),
    ("WITH YOUR SECOND CUP OF COFFEE", False),  # a capitals section head: a few words
    ("THE SENATOR SAID HE WOULD VOTE AGAINST THE BILL WHEN IT COMES TO THE FLOOR.", False),  # a sentence
    ("3. TEA PARTY STRATEGY DUE FOR ITS LAST BIG TESTS IN THE SOUTH AND WEST", False),  # a numbered head
])
def test_capitals_headline_inside_the_story(line, removed):
    assert _reasons(f"T\n{PARA}\n{line}\n{PARA2}") == ({(3, "caps_headline")} if removed else set())
    # Before the story begins, a capitals line may be the story's own headline.
    assert _reasons(f"{line}\n{PARA}\n{PARA2}") == set()


def _outlet_docs(texts):
    return _docs([{"doc_id": f"d{n}", "source_path": f"{n}.txt", "outlet": "X", "text": text}
                  for n, text in enumerate(texts)])


def _learned(texts):
    return {r["line_text"] for r in learn_site_lines(_outlet_docs(texts)).to_pylist()}


def test_site_lines_skip_speakers_verdicts_subheads_and_lead_ins():
    topics = ["taxes", "roads", "schools"]
    paragraph = "We talked for an hour about {} and what the next budget would have to do about it."
    interviews = [f"T{n}\nJane Roe\n{paragraph.format(t)}\nJohn Doe\nRight.\nJane Roe\nWhy now?\nJohn Doe\nBecause."
                  for n, t in enumerate(topics)]
    subheads = [f"T{n}\n{paragraph.format(t)}\nWhat we don't know\n{PARA}" for n, t in enumerate(topics)]
    lead_ins = [f"T{n}\n{paragraph.format(t)}\nThese are the members of the panel:\n{PARA2} {t}"
                for n, t in enumerate(topics)]
    assert _learned(interviews + subheads + lead_ins) == set()


def test_site_lines_keep_furniture_wherever_it_stands():
    topics = ["taxes", "roads", "schools"]
    paragraph = "We talked for an hour about {} and what the next budget would have to do about it."
    texts = [f"T{n}\n{paragraph.format(t)}\nGet the app\n{PARA}\nAsked about {t}, he said no.\nOpinion columnist"
             for n, t in enumerate(topics)]
    assert _learned(texts) == {"Get the app", "Opinion columnist"}
