"""The README keeps up with the code: every `rasid` subcommand and every lexicon file is named in it
(like datasette's tests/test_docs.py). Document what is missing rather than loosening these."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from rasid.cli import build_parser

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
LEXICONS = REPO / "src" / "rasid" / "resources" / "lexicons"


def subcommands() -> list[str]:
    """The subcommands of `rasid`, as its parser knows them."""
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(name for action in actions for name in action.choices)


def lexicon_files() -> list[str]:
    """Every file under resources/lexicons/, whatever its extension (caches of Python aside)."""
    return sorted(str(p.relative_to(LEXICONS)) for p in LEXICONS.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_docs_finds_commands_and_lexicons():
    assert {"extract", "analyze", "tag"} <= set(subcommands())
    assert "numbers.tsv" in lexicon_files()


@pytest.mark.parametrize("command", subcommands())
def test_docs_subcommand_is_in_readme(readme, command):
    found = re.search(rf"(?<![\w-])rasid {re.escape(command)}(?![\w-])", readme)
    assert found, f"`rasid {command}` is not documented in README.md"


@pytest.mark.parametrize("name", lexicon_files())
def test_docs_lexicon_file_is_in_readme(readme, name):
    found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", readme)
    assert found, f"resources/lexicons/{name} is not named in README.md (what it is, its source, its licence)"
