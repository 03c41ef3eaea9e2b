"""The per-document memo that lets the events and claims stages share one View."""
from rasid.document import Document, Mention
from rasid.pipeline import extract
from rasid.stages.reading.view import view_of
from rasid.stages.reading.shared import LastDocument
from rasid.stages.attribution import attribution_of


def counting_memo():
    built = []

    def build(doc):
        built.append(doc)
        return len(built)
    return LastDocument(build, lambda doc: (doc.text, doc.mentions)), built


def test_same_document_and_inputs_build_once():
    memo, built = counting_memo()
    doc = Document(text="نص")
    assert memo(doc) == memo(doc) == 1
    assert len(built) == 1


def test_replaced_or_grown_input_rebuilds():
    memo, built = counting_memo()
    doc = Document(text="نص")
    memo(doc)
    doc.mentions = []                      # replaced by an equal but new list
    assert memo(doc) == 2
    doc.mentions.append(Mention("m1", 0, 2, "نص", "LOC"))  # grown in place
    assert memo(doc) == 3
    assert memo(doc) == 3


def test_another_document_rebuilds_even_when_equal():
    memo, built = counting_memo()
    memo(Document(text="نص"))
    memo(Document(text="نص"))
    assert len(built) == 2


def test_events_and_claims_read_one_view_and_attribution():
    doc = extract("قال مسؤول إن تنظيم داعش يجني مليون دولار يومياً من النفط في دير الزور.")
    view, attribution = view_of(doc), attribution_of(doc)
    assert view_of(doc) is view and attribution_of(doc) is attribution
    assert attribution.view is view
    doc.mentions = list(doc.mentions)
    assert view_of(doc) is not view and attribution_of(doc) is not attribution
