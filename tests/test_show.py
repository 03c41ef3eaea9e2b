"""`rasid show`: the terminal view of a report, and the bidi reordering and shaping it relies on."""
from __future__ import annotations

import io

import pytest
from rich.console import Console

import rasid
from rasid.cli.show import resolve_mode, show_document, show_inputs
from rasid.cli.bidi import base_is_rtl, visual
from rasid.stages.claims import find_claims
from rasid.stages.events import find_events

REPORT = ("وفي 14 من كانون الأول الماضي، قتل 5 من قوات النظام وأصيب 12 آخرين نتيجة الاشتباكات بين التنظيم "
          "وقوات النظام قرب السخنة.\nوقال مسؤولو الوزارة إن التنظيم يبيع النفط المستخرج من حقل العمر.")


def render(mode: str, width: int = 100) -> str:
    doc = find_claims(find_events(rasid.extract(REPORT, published="2021-01-01", outlet="راصد", id="r1")))
    out = io.StringIO()
    show_document(doc, Console(file=out, width=width, color_system=None), mode)
    return out.getvalue()


def test_show_bidi_reverses_arabic_and_keeps_numbers_left_to_right():
    assert visual("قتل 5 عناصر", shape=False)[0] == "رصانع 5 لتق"
    assert visual("أكثر من 30 عنصرا", shape=False)[0] == "ارصنع 30 نم رثكأ"


def test_show_bidi_leaves_left_to_right_text_alone():
    assert visual("ISIS sold oil in 2015", shape=False) == ("ISIS sold oil in 2015", list(range(21)))


def test_show_bidi_embeds_latin_in_arabic_and_mirrors_brackets():
    assert visual("قال (أبو صهيب) ISIS", shape=False)[0] == "ISIS (بيهص وبأ) لاق"


def test_show_bidi_maps_every_visual_character_to_its_logical_index():
    line = "هجوم على حاجز 2021"
    shown, index = visual(line, shape=False)
    assert sorted(index) == list(range(len(line)))
    assert "".join(line[k] for k in index) == shown


def test_show_bidi_keeps_marks_after_their_letter():
    shown, _ = visual("عنصراً", shape=False)
    assert shown == "اًرصنع"


def test_show_bidi_shapes_contextual_forms_and_lam_alef():
    assert visual("بيت")[0] == "\ufe96\ufef4\ufe91"    # final ta, medial ya, initial ba
    assert visual("لا")[0] == "\ufefb"                  # lam-alef ligature
    assert visual("دار")[0] == "\ufead\ufe8d\ufea9"     # right-joining letters do not join forward


def test_show_bidi_paragraph_direction_from_first_strong_letter():
    assert base_is_rtl("2021 داعش") and not base_is_rtl("ISIS داعش")


def test_show_visual_mode_prints_reordered_arabic():
    shown = render("visual")
    assert visual("الاشتباكات")[0] in shown
    assert "clash" in shown and "2020-12-14" in shown and "killed" in shown
    assert "official" in shown and visual("مسؤولو الوزارة")[0] in shown


def test_show_logical_mode_prints_the_text_as_stored():
    shown = render("logical")
    assert "الاشتباكات" in shown and "oil" in shown and "revenue" in shown


def test_show_visual_lines_fit_the_terminal():
    assert all(len(line) <= 60 for line in render("visual", width=60).splitlines())


def test_show_resolve_mode(monkeypatch):
    pipe = Console(file=io.StringIO())
    monkeypatch.delenv("RASID_BIDI", raising=False)
    assert resolve_mode("auto", pipe) == "logical"
    assert resolve_mode("visual", pipe) == "visual"
    monkeypatch.setenv("RASID_BIDI", "visual")
    assert resolve_mode("auto", pipe) == "visual"
    with pytest.raises(ValueError):
        resolve_mode("sideways", pipe)


def test_show_inputs_reads_files_and_reports_bad_ones(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = io.StringIO()
    status = show_inputs([str(report), str(tmp_path / "missing.txt")], published="2021-01-01",
                         bidi="logical", console=Console(file=out, width=100))
    assert status == 1
    assert "الاشتباكات" in out.getvalue()
    assert "missing.txt" in capsys.readouterr().err


def _report_lines() -> list[str]:
    """Every non-empty line of the examples and of the seed and dev reports here."""
    import json

    from conftest import EXAMPLES, SEEDS_JSONL, SHARED
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for path in (SEEDS_JSONL, SHARED / "corpus" / "dev.jsonl"):
        if path.is_file():
            texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    return [line for text in texts for line in text.splitlines() if line.strip()]


def test_show_reordering_agrees_with_python_bidi():
    """Our UAX #9 reordering is python-bidi's (the Rust unicode-bidi crate) on every report line,
    but for the two rules a terminal needs and python-bidi leaves to a renderer: brackets and
    guillemets mirrored in right-to-left runs (L4) and combining marks kept after their letter."""
    import unicodedata

    import bidi  # a test dependency (pyproject: test)
    mirrors = str.maketrans({c: "|" for c in "()[]{}<>«»‹›"})

    def without_terminal_rules(line: str) -> str:
        return "".join(c for c in line if not unicodedata.combining(c)).translate(mirrors)

    lines = _report_lines() + ["سعر البرميل 45.5 دولار (نحو 3,000 ليرة) في 2020/05/01",
                               "قال: “ISIS earns $1m a day” – المصدر", "abc (داعش) def", "العدد -5 و+7%"]
    differ = [line for line in lines
              if without_terminal_rules(visual(line, shape=False)[0]) != without_terminal_rules(bidi.get_display(line))]
    assert len(lines) > 50 and differ == []
    # and the two rules do apply: python-bidi leaves «» unmirrored, we mirror them
    assert bidi.get_display("«داعش»") == "»شعاد«" and visual("«داعش»", shape=False)[0] == "«شعاد»"
