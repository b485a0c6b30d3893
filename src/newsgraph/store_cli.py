"""Store commands for the CLI: ingest, load, quotes, speakers, entity, article, export, sources.

``register(group)`` adds them to the ``newsgraph`` click group. Options in, a call
to ``newsgraph.store``, output out: a rich table on a terminal, JSON with --json.
"""
from __future__ import annotations

import functools
import json
import sys
import time
from typing import Callable

import click

from .records import EVENT_TYPES
from .cli_options import extraction_options

DB_OPTION = click.option("--db", "db_path", default="news.db", show_default=True, envvar="NEWSGRAPH_DB",
                         type=click.Path(dir_okay=False), help="The corpus database (SQLite); env NEWSGRAPH_DB.")
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _date(ctx, param, value):
    """A --since/--until value checked as the web API checks it (E201): only real dates."""
    from .store import date_problem

    from .errors import E

    problem = date_problem(value)
    if problem:
        raise click.BadParameter(f"{E.BAD_PARAM.value} {problem}")
    return value or None


SHOWN_FAILURES = 5    # failed inputs listed on stderr; the rest are counted
EXIT_FAILED_INPUTS = 1  # some inputs became error records (the others were processed)


def echo_failures(failed: list, total: int, command: str) -> None:
    """Which inputs failed and why, on stderr: the first few, then how many more."""
    if not total:
        return
    click.echo(f"newsgraph {command}: {total} input{'s' * (total != 1)} failed:", err=True)
    for id_, source, code, message in failed[:SHOWN_FAILURES]:
        click.echo(f"  {source or id_}: {code} {message}", err=True)
    if total > SHOWN_FAILURES:
        click.echo(f"  ... and {total - SHOWN_FAILURES} more (all of them are error records in the output)", err=True)


def _ingest_summary(report, command: str) -> None:
    """The failed inputs (the first few, then a count) on stderr, and exit status 1 when there are any."""
    if report.errors:
        echo_failures([(i, s, c, m) for i, s, c, m in report.failed], report.errors, command)
        sys.exit(EXIT_FAILED_INPUTS)


def _handle_errors(fn: Callable) -> Callable:
    """A StoreError becomes its message (or the JSON error shape) and exit code 1."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from .store import StoreError

        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            if kwargs.get("as_json"):
                click.echo(json.dumps(exc.to_dict(), ensure_ascii=False))
            click.echo(f"Error {exc.code.value}: {exc.message}", err=True)
            sys.exit(1)
    return wrapper


def _open(db_path: str, *, create: bool = False):
    from .store import open_store

    return open_store(db_path, create=create)


def _console():
    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console = Console(width=160, no_color=True, highlight=False)
    return console


def _table(title: str, columns: list[str], rows: list[list], caption: str | None = None):
    from rich.table import Table

    table = Table(title=title, caption=caption, show_lines=False, expand=False)
    for col in columns:
        table.add_column(col, overflow="fold", justify="right" if col in ("#", "quotes", "occ", "articles",
                                                                            "sources", "id") else "left")
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    _console().print(table)


def _echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


# ------------------------------------------------------------------ commands


@click.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@extraction_options
@click.option("--records", is_flag=True,
              help="PATHS are JSONL ArticleRecords written by `newsgraph extract` (no re-extraction).")
@click.option("--batch-size", type=click.IntRange(1), default=20, show_default=True,
              help="Articles per transaction; a killed run loses at most one uncommitted batch, redone on re-run.")
@click.option("--no-resume", is_flag=True, help="Re-extract inputs the database already holds (they update in place).")
@click.option("-q", "--quiet", is_flag=True, help="No progress line.")
@JSON_OPTION
@_handle_errors
def ingest(paths, db_path, options, records, batch_size, no_resume, quiet, as_json):
    """Extract PATHS (files, directories, JSONL feeds) and store them in the corpus.

    Re-ingesting an article (the same input again, the same text or the same
    canonical URL) updates it in place; another input claiming a stored id is
    kept beside it as ID~2 (counted as conflicting). An interrupted ingest resumes
    where it stopped. Exit status 1 when any input failed (listed on stderr).
    """
    from .corpus import ingest_paths
    from .store import ingest_records, read_record_files

    store = _open(db_path, create=True)
    live = not (quiet or as_json) and sys.stderr.isatty()
    last = [0.0]

    def progress(rep) -> None:
        if not live or time.monotonic() - last[0] < 1:
            return
        last[0] = time.monotonic()
        click.echo(f"\r\033[Kingest: {rep.stored} stored ({rep.inserted} new, {rep.updated} updated, "
                   f"{rep.conflicting} conflicting), {rep.errors} errors, {rep.rate:.1f} articles/s",
                   err=True, nl=False)

    if records:
        report = ingest_records(store, read_record_files(paths), batch_size=batch_size, progress=progress)
    else:
        report = ingest_paths(store, paths, options, batch_size=batch_size, resume=not no_resume,
                              progress=progress)
    if as_json:
        _echo_json(report.to_dict())
    elif not quiet:
        click.echo(f"{chr(13) + chr(27) + '[K' if live else ''}newsgraph ingest: {report.stored} stored "
                   f"({report.inserted} new, {report.updated} updated, {report.unchanged} unchanged, "
                   f"{report.conflicting} conflicting: id held by another input, kept as ID~N), "
                   f"{report.skipped} already stored, {report.errors} errors, {report.rate:.1f} articles/s", err=True)
    _ingest_summary(report, "ingest")


@click.command()
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@DB_OPTION
@click.option("--batch-size", type=click.IntRange(1), default=200, show_default=True,
              help="Articles per transaction.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
@JSON_OPTION
@_handle_errors
def load(out_dir, db_path, batch_size, quiet, as_json):
    """Load the Parquet output of `newsgraph extract --engine dask -o OUT_DIR` into the corpus.

    Articles already stored (same id or same text) update in place, so a load can be
    repeated; error rows are logged as errors.
    """
    from .store import ingest_records
    from .tables import read_records

    store = _open(db_path, create=True)
    report = ingest_records(store, read_records(out_dir), batch_size=batch_size)
    if as_json:
        _echo_json(report.to_dict())
    elif not quiet:
        click.echo(f"newsgraph load: {report.stored} stored ({report.inserted} new, {report.updated} updated, "
                   f"{report.unchanged} unchanged, {report.conflicting} conflicting), {report.errors} errors", err=True)
    _ingest_summary(report, "load")


@click.command()
@DB_OPTION
@click.option("-s", "--search", help='Words to find (all of them); "a phrase", word*, OR.')
@click.option("--fts", is_flag=True, help="Pass --search to SQLite FTS5 as written (NEAR, column filters...).")
@click.option("--speaker", help="Who said it (a name, alias or surname).")
@click.option("--about", help="An entity the statement mentions.")
@click.option("--speaker-type", type=click.Choice(["person", "organisation", "country", "group", "anonymous"]))
@click.option("--since", callback=_date, metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", callback=_date, metavar="DATE", help="Up to this date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--date-field", type=click.Choice(["statement", "published"]), default="statement", show_default=True,
              help="Filter on when it was said or when it was published.")
@click.option("--source", help="Outlet (site) that reported it.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]))
@click.option("--gender", type=click.Choice(["female", "male", "unknown"]), help="Speaker's gender (profile).")
@click.option("--role", help="Speaker's role (profile): government, expert, business, ... (docs/profiles.md).")
@click.option("--section", help="Section of the article (business, world, ...).")
@click.option("--order", type=click.Choice(["date", "first_seen", "occurrences", "relevance"]))
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Only quotations with an occurrence whose speaker confidence (0-1) is at least this.")
@click.option("--id", "quotation_id", type=int, help="Show one quotation with all its occurrences.")
@click.option("-n", "--limit", type=click.IntRange(0, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@JSON_OPTION
@_handle_errors
def quotes(db_path, search, fts, speaker, about, speaker_type, since, until, date_field, source, kind, gender, role,
           section, order, min_confidence, quotation_id, limit, offset, as_json):
    """Search quotations: full text and filters, merged across articles."""
    from .store import get_quotation, search_quotations

    store = _open(db_path)
    if quotation_id is not None:
        q = get_quotation(store, quotation_id)
        if as_json:
            return _echo_json(q)
        _console().print(f'[bold]#{q["id"]}[/bold] {q["speaker"]["name"] or "(unknown)"}: "{q["text"]}"',
                         markup=True, highlight=False)
        rows = [[o["article"], o["site"], o["published"], o["date"], o["match"], o["duplicate_of"], o["text"]]
                for o in q["occurrences"]]
        return _table(f'{q["n_occurrences"]} occurrences in {q["n_articles"]} articles ({q["n_sources"]} sources)',
                      ["article", "site", "published", "said", "match", "copy of", "wording"], rows)
    res = search_quotations(store, search=search, fts=fts, speaker=speaker, about=about, speaker_type=speaker_type,
                            since=since, until=until, date_field=date_field, source=source, kind=kind, order=order,
                            gender=gender, role=role, section=section, min_confidence=min_confidence,
                            limit=limit, offset=offset)
    if as_json:
        return _echo_json(res)
    rows = [[q["id"], q["first_seen"], q["speaker"]["name"], q["text"], q["n_articles"], ", ".join(q["sources"][:3])]
            for q in res["items"]]
    shown = f"{offset + 1}-{offset + len(rows)}" if rows else "none"
    _table(f'{res["total"]} quotations (showing {shown})', ["id", "first seen", "speaker", "quotation", "articles",
                                                             "sources"], rows)


@click.command()
@DB_OPTION
@click.option("--type", "speaker_type", type=click.Choice(["person", "organisation", "country", "group"]))
@click.option("-n", "--limit", type=click.IntRange(0, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@JSON_OPTION
@_handle_errors
def speakers(db_path, speaker_type, limit, offset, as_json):
    """Most quoted speakers, with counts (syndicated copies counted once)."""
    from .store import top_speakers

    res = top_speakers(_open(db_path), speaker_type=speaker_type, limit=limit, offset=offset)
    if as_json:
        return _echo_json(res)
    rows = [[s["id"], s["name"], s["type"], s["n_quotations"], s["n_occurrences"], s["n_articles"], s["first_seen"],
             s["last_seen"]] for s in res["items"]]
    _table(f'{res["total"]} speakers', ["id", "speaker", "type", "quotes", "occ", "articles", "first", "last"], rows)


@click.command()
@click.argument("name")
@DB_OPTION
@JSON_OPTION
@_handle_errors
def entity(name, db_path, as_json):
    """Corpus entities NAME may mean, their aliases, and why each mention was merged."""
    from .errors import E
    from .store import StoreError, explain_entity

    store = _open(db_path)
    res = explain_entity(store, name)
    if as_json:
        return _echo_json(res)
    if not res["items"]:
        hint = "; did you mean " + ", ".join(s["name"] for s in res["suggestions"]) if res["suggestions"] else ""
        raise StoreError(E.NO_MATCH, what="entity", name=name + hint, path=store.path)
    console = _console()
    for ent in res["items"]:
        console.print(f'[bold]{ent["name"]}[/bold] ({ent["type"]}, id {ent["id"]}): {ent["n_articles"]} articles, '
                      f'{ent["n_quotations"]} quotations as speaker, {ent["n_about"]} about it', highlight=False)
        if ent["aliases"]:
            console.print("  aliases: " + ", ".join(f'{a["alias"]} ({a["articles"]})' for a in ent["aliases"][:12]),
                          highlight=False)
        if ent["descriptors"]:
            console.print("  described as: " + ", ".join(d["text"] for d in ent["descriptors"][:8]), highlight=False)
        for m in ent["merges"]:
            console.print(f'  {m["links"]} x {m["rule"]}: {m["reason"]} (e.g. {", ".join(m["example_articles"][:3])})',
                          highlight=False)


@click.command()
@click.argument("article_id")
@DB_OPTION
@JSON_OPTION
@_handle_errors
def article(article_id, db_path, as_json):
    """An article as stored: its quotes, the quotations they joined, its entities."""
    from .store import get_article

    res = get_article(_open(db_path), article_id)
    if as_json:
        return _echo_json(res)
    rec, info = res["record"], res["store"]
    console = _console()
    console.print(f'[bold]{rec.get("title") or rec["id"]}[/bold]  {rec.get("published") or ""}  '
                  f'{info["site"] or rec["source"]}', highlight=False)
    if info["duplicate_of"]:
        console.print(f'  near-duplicate of {info["duplicate_of"]} (similarity {info["duplicate_similarity"]})')
    if info["duplicates"]:
        console.print(f'  copies: {", ".join(info["duplicates"][:10])}')
    joined = {q["idx"]: q for q in info["quotes"]}
    rows = []
    for i, q in enumerate(rec.get("quotes", [])):
        j = joined.get(i, {})
        rows.append([i, (q.get("speaker") or {}).get("name"), q["text"], j.get("quotation_id"), j.get("match"),
                     j.get("n_articles")])
    _table("quotes", ["#", "speaker", "quotation", "id", "match", "articles"], rows)
    _table("entities", ["local", "name", "corpus entity", "rule"],
           [[e["local_id"], e["name"], f'{e["entity_name"]} ({e["entity_id"]})', e["rule"]] for e in info["entities"]])


@click.command("events")
@DB_OPTION
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES, case_sensitive=False),
              help="PLOVER event type.")
@click.option("--actor", help="Who did it or had it done to them (a name, alias, surname or country).")
@click.option("--role", type=click.Choice(["any", "source", "target"]), default="any", show_default=True,
              help="With --actor: the actor as source (did it), target (it was done to them) or either.")
@click.option("--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD): the event's date.")
@click.option("--until", help="Up to this date, inclusive.")
@click.option("--negated", is_flag=True, help="Include events reported as not happening.")
@click.option("-n", "--limit", type=click.IntRange(0, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@JSON_OPTION
@_handle_errors
def events(db_path, event_type, actor, role, since, until, negated, limit, offset, as_json):
    """Coded events (PLOVER): who did what to whom, merged across articles, newest first."""
    from .events import country_code
    from .store import search_events

    res = search_events(_open(db_path), type=event_type, actor=actor, country=country_code(actor or ""),
                        role=role, since=since, until=until,
                        include_negated=negated, limit=limit, offset=offset)
    if as_json:
        return _echo_json(res)

    def who(a: dict) -> str:
        if not a["name"]:
            return ""
        return a["name"] + (f' ({a["country"]})' if a["country"] else "")

    rows = [[e["id"], e["date"], e["type"] + (f'/{e["mode"]}' if e["mode"] else ""), who(e["source"]),
             who(e["target"]), e["n_articles"], (e["reports"][0]["trigger"] if e["reports"] else "")
             + (" (if)" if e["hypothetical"] else "")] for e in res["items"]]
    shown = f"{offset + 1}-{offset + len(rows)}" if rows else "none"
    _table(f'{res["total"]} events (showing {shown})', ["id", "date", "event", "source", "target", "articles",
                                                         "reported as"], rows)


@click.command("export")
@DB_OPTION
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True)
@click.option("-t", "--table", type=click.Choice(["quotations", "occurrences", "articles", "entities", "speakers",
                                                  "events"]),
              default="quotations", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              help="Output file ('-' for stdout; Parquet needs a file).")
@_handle_errors
def export_cmd(db_path, fmt, table, output):
    """Export a table for pandas, DuckDB or a spreadsheet."""
    from .store import export

    store = _open(db_path)
    if fmt == "parquet":
        if output == "-":
            raise click.UsageError("Parquet is binary: give a file with -o/--output")
        with open(output, "wb") as out:
            n = export(store, out, format=fmt, table=table)
    else:
        with click.open_file(output, "w", encoding="utf-8") as out:
            n = export(store, out, format=fmt, table=table)
    if output != "-":
        click.echo(f"newsgraph export: {n} {table} rows to {output}", err=True)


def sources_rows(res: dict) -> tuple[list[str], list[list]]:
    """The figures of ``store.sources`` as one table: a row per group (or the corpus)."""
    from .records import ROLES

    cols = ["group", "people", "female", "male", "unknown_gender", "female_%", "male_%", "unknown_%",
            *[f"role_{r}" for r in ROLES], "quotes", "anonymous_quotes", "anonymous_%"]
    rows = []
    for f in (res["groups"] if res["by"] else [res["total"]]):
        g = f["gender"]
        rows.append([f["group"] if res["by"] else "all", f["people"], g["female"]["people"], g["male"]["people"],
                     g["unknown"]["people"], g["female"]["share"], g["male"]["share"], g["unknown"]["share"],
                     *[f["roles"].get(r, {}).get("people", 0) for r in ROLES],
                     f["quotes"], f["anonymous_quotes"], f["anonymous_share"]])
    return cols, rows


@click.command("sources")
@DB_OPTION
@click.option("--by", type=click.Choice(["outlet", "month", "section"]), help="One row per outlet, month or section.")
@click.option("--since", help="Published from this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Published up to this date, inclusive.")
@click.option("--top", type=click.IntRange(0, 50), default=5, show_default=True,
              help="Most quoted people listed per gender.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (one row per group) instead of a table.")
@JSON_OPTION
@_handle_errors
def sources_cmd(db_path, by, since, until, top, as_csv, as_json):
    """Who gets quoted: people by gender and role, anonymous quotes, top voices.

    Counts distinct people quoted (syndicated copies once) by the gender and role of
    their merged profiles; every figure states its base.
    """
    from .store import sources

    res = sources(_open(db_path), by=by, since=since, until=until, top=top)
    if as_json:
        return _echo_json(res)
    cols, rows = sources_rows(res)
    if as_csv:
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows([["" if v is None else v for v in r] for r in rows])
        return
    groups = res["groups"] if res["by"] else [res["total"]]

    def pct(x):
        return "" if x is None else f"{x:g}%"
    table = [[f["group"] if res["by"] else "all", f["people"],
              *[f'{f["gender"][g]["people"]} ({pct(f["gender"][g]["share"])})' for g in ("female", "male", "unknown")],
              ", ".join(f"{r} {v['people']}" for r, v in sorted(f["roles"].items(), key=lambda kv: -kv[1]["people"])[:4]),
              f["quotes"], pct(f["anonymous_share"])] for f in groups]
    _table(f'Sources: {res["total"]["base"]}', [res["by"] or "corpus", "people", "female", "male", "unknown",
                                                "roles (people)", "quotes", "anonymous"], table)
    if res["total"]["top"]:
        console = _console()
        for g, voices in res["total"]["top"].items():
            if voices:
                console.print(f"most quoted ({g}): " + ", ".join(f'{v["name"]} ({v["quotes"]})' for v in voices),
                              highlight=False)


COMMANDS = (ingest, load, quotes, speakers, entity, article, events, export_cmd, sources_cmd)


def register(group: click.Group) -> None:
    """Add the store commands to the ``newsgraph`` group."""
    for cmd in COMMANDS:
        group.add_command(cmd)
