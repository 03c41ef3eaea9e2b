"""The `rasid` command: argument parsing only; every command calls one library function."""
from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

from rasid import __version__
from rasid.cli import blas  # noqa: F401  (first: before anything loads NumPy)
from rasid.cli.corpus import EXPORT_FORMATS
from rasid.cli.corpus import register as register_corpus_commands
from rasid.cli.options import (add_budget_args, add_db_arg, add_input_args, add_ner_model_arg, budget_of,
                               positive_int, require_db)
from rasid.config import RunConfig
from rasid.errors import InputError, RasidError
from rasid.resources.files import use_data_folder
from rasid.resources.prebuilt import use_cache_folder


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.config = _run_config(args)
        return args.handler(args) or 0
    except RasidError as exc:
        print(f"rasid: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rasid: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `rasid extract … | head`
        sys.stderr.close()
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasid",
        description="Arabic-first extraction of events and financing claims from news reports, "
                    "every item with character offsets into the text.",
        epilog="Run `rasid COMMAND --help` for the options of a command.")
    parser.add_argument("--version", action="version", version=f"rasid {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract_commands(sub)
    _add_store_commands(sub)
    _add_serve_command(sub)
    _add_reading_commands(sub)
    register_corpus_commands(sub)
    return parser


def _add_extract_commands(sub) -> None:
    """`extract` and `analyze`: read reports, print the extraction or store it."""
    p = sub.add_parser("extract", help="extract from reports and print one JSON object per document",
                       description="Read reports (.txt, .html, .jsonl, .warc[.gz], folders, - for stdin) "
                                   "and print the extraction of each as JSON (the contract of OUTPUT.md).")
    add_input_args(p)
    p.add_argument("--format", choices=("json", "jsonl"), default="json",
                   help="json: one indented object per document; jsonl: one line per document (default: json)")
    p.add_argument("--with-text", action="store_true", help="include the document text in doc.text")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (shown on a terminal's stderr while the output goes to a file or pipe)")
    add_budget_args(p)
    add_ner_model_arg(p)
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser("analyze", help="extract from reports into a store (SQLite or PostgreSQL)",
                       description="Ingest reports into a store. Documents are keyed by a hash of their "
                                   "text: re-running is a no-op, an interrupted run can simply be run again.")
    add_input_args(p)
    add_db_arg(p)
    p.add_argument("--summary", action="store_true",
                   help="print each new document's events and claims, a line each (with their amounts and source)")
    p.add_argument("--verbose", action="store_true",
                   help="with --summary: every quantity, date, mention and boilerplate region too")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT|local",
                   help="run the pipeline on the workers of this Dask cluster (this process stores); "
                        "local: a Dask cluster of --workers processes on this machine, for the run")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    add_budget_args(p)
    add_ner_model_arg(p)
    p.set_defaults(handler=cmd_analyze)


def _add_store_commands(sub) -> None:
    """`search`, `stats` and `export`: read a store."""
    p = sub.add_parser("search", help="full-text search of a store",
                       description="Search stored reports. Spelling variants (hamza, ى/ي, ة/ه, tatweel, "
                                   "diacritics) and attached clitics (و ف ب ل ك ال) match; quote a phrase.")
    p.add_argument("query", help='words that must all occur, or "a phrase" in double quotes')
    add_db_arg(p)
    p.add_argument("--limit", type=int, default=20, help="at most this many hits (default: 20)")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("stats", help="counts of what a store holds")
    add_db_arg(p)
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("export", help="export a store",
                       description="Export a store: jsonl (every document, the extract contract with text), "
                                   "ftm (FollowTheMoney entities), acled (ACLED-style CSV of events), "
                                   "geojson (events and places), claims (CSV with sources and corroboration).")
    add_db_arg(p)
    p.add_argument("--format", choices=("jsonl",) + EXPORT_FORMATS, default="jsonl",
                   help="output format (default: jsonl)")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.set_defaults(handler=cmd_export)



def _add_serve_command(sub) -> None:
    """`serve`: the analyst's desk over a store."""
    p = sub.add_parser("serve", help="the analyst's desk: a REST API and dashboard over a store",
                       description="Serve a store on this machine: the REST API under /api (OpenAPI at "
                                   "/api/openapi.json) and the dashboard. Read-only unless --allow-writes; "
                                   "nothing is fetched from the network.")
    add_db_arg(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=positive_int, default=8000, help="port (default: 8000)")
    p.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                   help="a host name clients may reach the desk by besides this machine's (repeatable; needed "
                        "with --host 0.0.0.0: requests naming any other host are refused)")
    p.add_argument("--allow-writes", action="store_true",
                   help="enable POST /api/documents (ingest a report), only with the bearer token")
    p.add_argument("--token", help="the bearer token writes need (default: RASID_TOKEN)")
    p.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                   help="let pages from ORIGIN read the API (repeatable; default: none)")
    p.set_defaults(handler=cmd_serve)


def _add_reading_commands(sub) -> None:
    """`show` and `tag`: read reports or tokens for a person."""
    p = sub.add_parser("show", help="print the events and claims of reports readably, Arabic right to left",
                       description="Print each report's events and claims with their evidence sentence, "
                                   "quantities, dates and source, for reading in a terminal.")
    add_input_args(p)
    p.add_argument("--bidi", choices=("auto", "visual", "logical"), default="auto",
                   help="visual: reorder and join Arabic for terminals that do not; logical: leave it to "
                        "the terminal (default: auto; RASID_BIDI overrides)")
    add_ner_model_arg(p)
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("tag", help="tag tokens with named-entity classes (CoNLL in, CoNLL out)",
                       description="Read `token [tag]` lines (blank line between sentences) and print "
                                   "`token predicted-tag` lines for the same tokens in the same order.")
    p.add_argument("--conll", required=True, metavar="FILE", help="CoNLL file, or - for stdin")
    add_ner_model_arg(p)
    p.set_defaults(handler=cmd_tag)


def _run_config(args) -> RunConfig:
    """The run's configuration from its options and the RASID_* variables (read here, once); the
    NER model of the commands that tag entities is checked before any input is read."""
    config = RunConfig.from_environment(ner_model=getattr(args, "ner_model", None))
    use_data_folder(config.data_dir)
    use_cache_folder(config.cache_dir)
    if hasattr(args, "ner_model"):
        from rasid.ner.choice import check_model
        check_model(config)
    return config


def cmd_extract(args) -> int:
    from rasid.batch import extract_inputs
    from rasid.cli.view import RunProgress
    failed = 0
    indent = 2 if args.format == "json" else None
    # A bar only while the results go to a file or a pipe: on a terminal they would interleave.
    show_bar = not args.no_progress and not sys.stdout.isatty()
    with RunProgress(enabled=show_bar, label="extracting", show_added=False) as progress:
        for item in extract_inputs(args.inputs, published=args.published,
                                   max_bytes=int(args.max_doc_mb * 2**20), stdin=sys.stdin.buffer,
                                   config=args.config, budget=budget_of(args), workers=args.workers,
                                   finish=partial(_json_text, with_text=args.with_text, indent=indent)):
            if isinstance(item, InputError):
                progress.error(str(item))
                failed += 1
                continue
            print(item, flush=True)
            progress.advance(False)
    return 1 if failed else 0


def _json_text(doc, with_text: bool, indent: int | None) -> str:
    """A document as `extract` prints it (made in the worker that extracted it)."""
    return json.dumps(doc.to_dict(with_text=with_text), ensure_ascii=False, indent=indent)


def cmd_analyze(args) -> int:
    from rasid.batch import analyze
    from rasid.cli.view import RunProgress, print_corpus_summary, print_document_summary
    from rasid.store import display_name, open_store

    with open_store(args.db) as store, RunProgress(enabled=not args.no_progress) as progress:
        def on_item(item, added):
            if isinstance(item, InputError):
                progress.error(str(item))
            else:
                progress.advance(added)
                if added and args.summary:
                    progress.print(lambda console: print_document_summary(item, console, args.verbose))

        report = analyze(args.inputs, store, published=args.published,
                         max_bytes=int(args.max_doc_mb * 2**20), stdin=sys.stdin.buffer, on_item=on_item,
                         config=args.config, budget=budget_of(args), workers=args.workers,
                         scheduler=args.scheduler)
    print(f"{report.added} added, {report.already_stored} already stored, {len(report.errors)} failed"
          f" — store: {display_name(args.db)}", file=sys.stderr)
    if args.summary:
        print_corpus_summary(args.db, progress.out)
    return 0 if report.ok else 1


def cmd_search(args) -> int:
    from rasid.store import open_store
    require_db(args.db)
    with open_store(args.db) as store:
        hits = store.search(args.query, limit=args.limit)
    if not hits:
        print(f"no documents match {args.query!r}", file=sys.stderr)
        return 1
    for hit in hits:
        print(f"{hit.doc_id}  {hit.published or '----------'}  {hit.title or ''}".rstrip())
        print(f"    {hit.snippet}")
    return 0


def cmd_stats(args) -> int:
    from rasid.cli.view import print_stats
    from rasid.store import open_store
    require_db(args.db)
    with open_store(args.db) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print_stats(stats)
    return 0


def cmd_export(args) -> int:
    from rasid.store import open_store
    if args.format != "jsonl":
        from rasid.cli.corpus import cmd_export as export_corpus
        return export_corpus(args)
    require_db(args.db)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        with open_store(args.db) as store:
            for doc in store.iter_documents():
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    return 0


def cmd_serve(args) -> int:
    import os

    import uvicorn

    from rasid.serve import Settings, create_app
    from rasid.store import display_name, is_postgres_url
    from rasid.serve.app import LOCAL_HOSTS
    require_db(args.db)
    hosts = tuple(dict.fromkeys([*LOCAL_HOSTS, *([args.host] if args.host not in ("0.0.0.0", "::") else []),
                                 *args.allowed_host]))
    settings = Settings(db=args.db if is_postgres_url(args.db) else Path(args.db), allowed_hosts=hosts, allow_writes=args.allow_writes,
                        token=args.token or os.environ.get("RASID_TOKEN"), cors_origins=tuple(args.cors))
    print(f"rasid: serving {display_name(args.db)} on http://{args.host}:{args.port}/ "
          f"({'writes need the token' if args.allow_writes else 'read-only'}; Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_show(args) -> int:
    from rasid.cli.show import show_inputs
    return show_inputs(args.inputs, published=args.published, bidi=args.bidi,
                       max_bytes=int(args.max_doc_mb * 2**20), stdin=sys.stdin.buffer, config=args.config)


def cmd_tag(args) -> int:
    from rasid.batch import tag_conll
    if args.conll == "-":
        lines = sys.stdin
    else:
        path = Path(args.conll)
        if not path.is_file():
            raise RasidError(f"{args.conll}: no such file")
        lines = path.open(encoding="utf-8-sig")
    for line in tag_conll(lines, args.config):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
