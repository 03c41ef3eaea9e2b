"""Training annotations: surfaces resolved to offsets, checked against their article, loaded back."""
from __future__ import annotations

import gzip
import json

import pytest

from rasid.training.annotations import (AnnotationError, article_hash, as_gold, check_annotation,
                                        dumps_annotation, load_annotations, locate, read_articles,
                                        resolve_work)

# A report written for this test.
TEXT = ("هجوم على حاجز في الرقة\n"
        "قتل 12 جندياً أمس في هجوم شنه مسلحون على حاجز للجيش، وقال مسؤول محلي إن التنظيم "
        "يجني نحو مليون دولار شهرياً من بيع النفط. وأضاف أن الهجوم وقع فجراً.")


def work(**extra) -> dict:
    return {"hash": article_hash(TEXT), "annotator": "t", "reviewed": True,
            "events": [{"text": "هجوم", "nth": 2, "type": "attack", "killed": 12, "date": "أمس"},
                       {"text": "الهجوم", "type": "attack", "optional": True}],
            "claims": [{"text": "يجني نحو مليون دولار شهرياً من بيع النفط", "channel": "oil", "role": "revenue",
                        "source": {"kind": "official", "text": "مسؤول محلي"}}], **extra}


def test_annotations_surfaces_become_offsets_of_the_article():
    annotation = resolve_work(work(), TEXT)
    first, later = annotation["events"]
    assert TEXT[first["start"]:first["end"]] == "هجوم" and first["start"] > TEXT.index("\n")
    assert first["killed"] == [12, 12] and TEXT[first["date"]["start"]:first["date"]["end"]] == "أمس"
    assert later["optional"] and TEXT[later["start"]:later["end"]] == "الهجوم"
    claim = annotation["claims"][0]
    assert TEXT[claim["source"]["start"]:claim["source"]["end"]] == "مسؤول محلي"
    assert claim["polarity"] == "affirmed" and claim["source"]["kind"] == "official"
    assert "text" not in json.dumps(annotation)  # offsets and labels only: no article text


@pytest.mark.parametrize("item,message", [
    ({"text": "هجوم"}, "occurs 3 times: give `in` or `nth`"),
    ({"text": "هجوم", "nth": 4}, "`nth` 4 but"),
    ({"text": "هجوم", "in": "هجوم"}, "`in` snippet 'هجوم' occurs 3 times"),
    ({"text": "غارة", "in": "في هجوم"}, "not inside `in`"),
    ({"text": "غارة"}, "not found"),
    ({"text": "هجوم ", "nth": 1}, "spaces at its ends"),
])
def test_annotations_refuse_a_surface_that_is_not_one_place(item, message):
    with pytest.raises(AnnotationError, match=message):
        locate(TEXT, item, "event 1")


def test_annotations_refuse_labels_outside_the_vocabularies():
    bad = work()
    bad["events"][0]["type"] = "ambush"
    with pytest.raises(AnnotationError, match="'ambush' is not a value of event_type"):
        resolve_work(bad, TEXT)
    bad = work()
    bad["claims"][0]["role"] = "income"
    with pytest.raises(AnnotationError, match="'income' is not a value of role"):
        resolve_work(bad, TEXT)


def test_annotations_notice_an_article_that_changed():
    annotation = resolve_work(work(), TEXT)
    check_annotation(annotation, TEXT)
    with pytest.raises(AnnotationError, match="no longer matches"):
        check_annotation(annotation, "ـ" + TEXT)


def test_annotations_load_from_the_corpus_and_score_as_gold(tmp_path):
    corpus = tmp_path / "news.txt.gz"
    other = "عنوان آخر\nنص آخر لا علاقة له."
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        f.write(other + "\n\n" + TEXT + "\n\n")
    assert [h for h, _ in read_articles(corpus)] == [article_hash(other), article_hash(TEXT)]
    folder = tmp_path / "annotations"
    folder.mkdir()
    annotation = resolve_work(work(), TEXT)
    (folder / f"{annotation['hash']}.json").write_text(dumps_annotation(annotation), encoding="utf-8")
    [(text, loaded)] = load_annotations(folder, corpus)
    assert text == TEXT and loaded == annotation
    gold = as_gold("doc", text, loaded)
    assert [g["text"] for g in gold["events"]] == ["هجوم", "الهجوم"]
    assert gold["events"][0]["killed_low"] == 12 and gold["events"][1]["optional"]
    assert gold["sources"][0]["kind"] == "official" and gold["claims"][0]["channel"] == "oil"


def test_annotations_name_the_articles_the_corpus_lacks(tmp_path):
    corpus = tmp_path / "news.txt.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        f.write("عنوان\nنص قصير.\n")
    folder = tmp_path / "annotations"
    folder.mkdir()
    annotation = resolve_work(work(), TEXT)
    (folder / "a.json").write_text(dumps_annotation(annotation), encoding="utf-8")
    with pytest.raises(AnnotationError, match=f"not in .*{annotation['hash']}"):
        load_annotations(folder, corpus)
