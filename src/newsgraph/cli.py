"""Command line: options in, core call, output out. Only this module configures logging."""
from __future__ import annotations

import contextlib
import json
import logging
import sys
import time
from typing import Optional

import click

from .version import __version__
from .cli_options import extraction_options
from .options import Options
from .records import ErrorRecord
from .store_cli import EXIT_FAILED_INPUTS, SHOWN_FAILURES, echo_failures


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
def main(verbose: bool) -> None:
    """newsgraph: who said what, about whom, and when, from raw news pages."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


@contextlib.contextmanager
def _progress(quiet: bool, label: str):
    """A progress bar on stderr with articles/s and the error count; silent with --quiet."""
    if quiet:
        yield lambda ok, err, read=None: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    start = time.perf_counter()
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=console, transient=not console.is_terminal) as bar:
        task = bar.add_task(label, total=None)

        def update(ok: int, err: int, read: Optional[int] = None) -> None:
            rate = (ok + err) / max(time.perf_counter() - start, 1e-9)
            busy = f", {read - ok - err} in progress" if read is not None and read > ok + err else ""
            bar.update(task, description=f"{label}: {ok} processed, {err} errors{busy}, {rate:.1f} articles/s")

        yield update


def run_extract(paths, out, errors_out, options: Options, quiet: bool,
                failed: Optional[list] = None, min_confidence: float | None = None) -> tuple[int, int]:
    from .ingest import read_inputs
    from .pipeline import process_items
    from .records import drop_below_confidence

    ok = err = 0
    read = [0]
    stdin = sys.stdin.buffer if "-" in paths else None
    with _progress(quiet, "extract") as update:
        def on_read(item) -> None:   # progress while a long input is still being parsed
            read[0] += 1
            update(ok, err, read[0])

        items = read_inputs(paths, max_bytes=options.max_bytes, max_line=options.max_line, stdin=stdin,
                            on_read=on_read)
        for rec in process_items(items, options):
            if isinstance(rec, ErrorRecord):
                err += 1
                if failed is not None and len(failed) < SHOWN_FAILURES:
                    failed.append((rec.id, rec.source, rec.error.code, rec.error.message))
                (errors_out or out).write(rec.to_json() + "\n")
            else:
                ok += 1
                drop_below_confidence(rec, min_confidence)
                out.write(rec.to_json() + "\n")
            update(ok, err, read[0])
    return ok, err


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(allow_dash=True), default="-", show_default=True,
              help="JSONL file of ArticleRecords ('-' for stdout); with --engine dask, a folder of Parquet tables.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), default=None,
              help="Write error records here instead of into the output.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this process (or --workers processes); dask: a Dask cluster, Parquet output.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --engine dask: a running scheduler (tcp://host:8786); default a LocalCluster "
                   "of --workers processes.")
@extraction_options
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave out quotes whose speaker confidence (0-1, calibrated) is below this; "
                   "their number is kept in metadata.quotes_below_confidence.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def extract(paths, output, errors_path, engine, scheduler, options, min_confidence, quiet):
    """Extract ArticleRecords from PATHS: text dumps, HTML pages, JSONL(.gz) feeds,
    directories (recursively) or '-' for stdin; with --engine dask also Parquet
    shards and WARC files.

    Writes one JSON object per article; an input that cannot be processed becomes
    an error record {"id", "source", "error": {"code", "message"}}, so inputs in =
    records out + error records. Every input is processed; the exit status is 1
    when any of them failed (the first few are listed on stderr), 0 otherwise. With --engine dask, -o is a folder of Parquet
    tables (articles, quotes, entities, timexes, errors; quotations and speakers
    merged across articles), and a re-run redoes only unfinished shards.
    """
    if engine == "dask":
        if output == "-":
            raise click.UsageError("--engine dask writes Parquet tables: give -o FOLDER")
        if min_confidence:
            raise click.UsageError("--min-confidence goes with --engine local (the Parquet quotes "
                                   "table has a confidence column to filter on)")
        from .distributed import run_dask

        with _progress(quiet, "extract (dask)") as update:
            try:
                summary = run_dask(list(paths), output, options.replace(workers=max(options.workers, 2)),
                                   scheduler=scheduler, progress=update)
            except ValueError as exc:
                raise click.UsageError(str(exc)) from exc
        if not quiet:
            click.echo(f"newsgraph extract: {summary['shards']} shards ({summary['skipped_done']} already done), "
                       f"{summary['articles']} processed, {summary['errors']} errors -> {output}", err=True)
        if summary["failed"]:
            raise click.ClickException(f"{len(summary['failed'])} shards failed; run again to retry them")
        if summary["errors"]:
            click.echo(f"newsgraph extract: {summary['errors']} inputs failed; why is in the errors table "
                       f"({output}/errors/*.parquet)", err=True)
            sys.exit(EXIT_FAILED_INPUTS)
        return
    if scheduler:
        raise click.UsageError("--scheduler goes with --engine dask")
    failed: list = []
    with click.open_file(output, "w", encoding="utf-8") as out, \
            (open(errors_path, "w", encoding="utf-8") if errors_path else contextlib.nullcontext()) as err_out:
        ok, err = run_extract(list(paths), out, err_out, options, quiet, failed, min_confidence)
    if not quiet:
        click.echo(f"newsgraph extract: {ok + err} inputs, {ok} processed, {err} errors", err=True)
    if err:
        echo_failures(failed, err, "extract")
        sys.exit(EXIT_FAILED_INPUTS)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Also keep the predictions as JSONL here.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON line.")
@click.option("-i", "--inputs", multiple=True,
              help="Where the annotated articles are (file, folder or JSONL; repeatable), matched by id "
                   "(a file in a sub-folder by its name). "
                   "Default: ID.txt or ID.html beside each ID.json.")
@extraction_options
def eval_cmd(gold_dir, output, as_json, inputs, options):
    """Run extraction on annotated articles (ID.json, format of the shared gold) and score it.

    Prints the misses, then quote and attribution P/R/F1, entity and
    time-expression figures and the cleaning checks.
    """
    from .evaluate import evaluate_folder, format_report

    report = evaluate_folder(gold_dir, inputs=list(inputs) or None, options=options, predictions_path=output)
    click.echo(json.dumps(report["summary"]) if as_json else format_report(report))


def _register_commands() -> None:
    from . import store_cli, web_cli

    store_cli.register(main)
    web_cli.register(main)


_register_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
