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
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE|URL",
                   help=f"the store: a SQLite file (default: {DEFAULT_DB}) or a shared PostgreSQL database, "
                        "postgresql://USER@HOST/DBNAME")


def iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date of the form YYYY-MM-DD: {value!r}") from None


def add_budget_args(p: argparse.ArgumentParser) -> None:
    """The per-document budget and the worker processes of batch runs (rasid.workers)."""
    from rasid.workers import DEFAULT_MEMORY_MB, DEFAULT_SECONDS
    p.add_argument("--doc-timeout", type=non_negative, default=DEFAULT_SECONDS, metavar="SECONDS",
                   help="stop a document that runs longer than this, report it and go on "
                        "(default: %(default)g; 0: no limit)")
    p.add_argument("--doc-memory", type=non_negative, default=DEFAULT_MEMORY_MB, metavar="MB",
                   help="stop a document that grows its worker's memory by more than this, report it and "
                        "go on (default: %(default)g; 0: no limit)")
    p.add_argument("--workers", type=positive_int, default=1, metavar="N",
                   help="run documents in N worker processes, output still in input order (default: 1)")


def budget_of(args):
    """The per-document budget the options ask for (0 turns a limit off)."""
    from rasid.workers import Budget
    return Budget(seconds=args.doc_timeout or None, memory_mb=args.doc_memory or None)


def non_negative(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"not a number of 0 or more: {value!r}")
    return number


def positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of 1 or more: {value!r}")
    return int(value)


def require_db(db: str) -> None:
    """A SQLite store must exist already (a PostgreSQL URL is checked when it is opened)."""
    from pathlib import Path

    from rasid.errors import RasidError
    from rasid.store import is_postgres_url
    if not is_postgres_url(db) and not Path(db).is_file():
        raise RasidError(f"{db}: no such store (create one with `rasid analyze INPUT --db {db}`)")
