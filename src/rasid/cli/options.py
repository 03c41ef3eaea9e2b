"""What the `rasid` commands share: the default store and the arguments several commands take."""
from __future__ import annotations

import argparse
import datetime as dt

DEFAULT_DB = "rasid.db"


def add_input_args(p: argparse.ArgumentParser) -> None:
    from rasid.ingest import DEFAULT_MAX_BYTES
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files or folders (read recursively); - reads standard input")
    p.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                   help="publication date of every input; overrides what the inputs say")
    p.add_argument("--max-doc-mb", type=float, default=DEFAULT_MAX_BYTES / 2**20, metavar="MB",
                   help="reject a single document larger than this (default: %(default).0f)")


def add_ner_model_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ner-model", metavar="PATH",
                   help="tag named entities with the model in this folder instead of the shipped one: "
                        "a Rasid NER model, or a Hugging Face token-classification model (a CAMeLBERT NER "
                        "you downloaded, say; needs pip install 'rasid[hf]'; runs on a GPU when torch "
                        "sees one, else on the CPU; its labels are mapped to PER, LOC, ORG, MISC) "
                        "(default: the folder $RASID_NER_MODEL names, else the shipped model)")


def add_db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help=f"the store file (default: {DEFAULT_DB})")


def iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date of the form YYYY-MM-DD: {value!r}") from None
