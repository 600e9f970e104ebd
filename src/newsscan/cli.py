"""The `newsscan` command: a thin click layer over `newsscan.api`.

Every command: options in, one library call, `render`, exit code. Heavy modules (spaCy, pandas, the
pipeline) are imported inside the commands, so `newsscan --help` starts fast.
"""
from __future__ import annotations

import functools
import glob
import os
import sys
from dataclasses import dataclass

import click

from . import __version__

FORMATS = ("table", "json", "jsonl", "csv")
# = loader.MAX_CHARS (tests/test_hostile.py checks); not imported: --help stays fast
DEFAULT_MAX_CHARS = 500_000
SETTINGS = "newsscan.settings"  # the command's Settings, in its click context's meta (read once, at invoke)


class NewsscanCommand(click.Command):
    """Every newsscan command: reads the settings from the environment (the edge: `Settings.from_env()`),
    checks the user's tables first and runs with them in effect, and turns a newsscan error into one line on
    stderr with exit code 2 (usage, bad table) or 1 (bad input, or an output that cannot be written)."""

    def invoke(self, ctx):
        import sqlite3

        from .errors import DataTableError, NewsscanError, UsageError
        from .settings import Settings
        from .tables import using

        try:
            settings = ctx.meta[SETTINGS] = Settings.from_env()
            _check_tables(settings)
            with using(settings.tables):
                return super().invoke(ctx)
        except NewsscanError as exc:
            _fail(str(exc), 2 if isinstance(exc, (DataTableError, UsageError)) else 1)
        except BrokenPipeError:  # `newsscan quotes … | head`: the reader left; nothing more to say
            sys.stderr.close()
            sys.exit(1)
        except OSError as exc:  # e.g. --output in a folder that does not exist, a full disk
            _fail(f"{getattr(exc, 'filename', None) or ''}: {exc.strerror or exc}".lstrip(": "), 1)
        except sqlite3.DatabaseError as exc:  # a cache file that is not (or no longer) a database
            from .cache import default_dir

            _fail(f"the result cache in {default_dir()} cannot be used ({exc}): run without it (--no-cache), "
                  "or delete that folder", 1)


class NewsscanGroup(click.Group):
    """Every command a NewsscanCommand; Ctrl-C ends any command with one line and exit 130 (the worker pool
    is terminated on the way out)."""

    command_class = NewsscanCommand
    group_class = type  # subgroups (`cache`) are NewsscanGroups too

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("newsscan: interrupted", err=True)
            ctx.exit(130)


def _fail(message: str, code: int):
    click.echo(f"newsscan: error: {' '.join(message.split())}", err=True)
    sys.exit(code)


def _check_tables(settings) -> None:
    """The user's extension tables (NEWSSCAN_TABLES), validated before any work, whatever the command
    reads."""
    if not settings.tables:
        return
    from .tables import validate_user_tables

    for line in validate_user_tables(settings.tables):
        click.echo(f"newsscan: warning: {line}", err=True)


class CorpusPath(click.ParamType):
    """A file, a folder, a glob pattern, a URL (`s3://…`), or `-` (one article on standard input); a path that
    names nothing is a usage error (exit 2)."""

    name = "path"

    def convert(self, value, param, ctx):
        if value == "-" or os.path.lexists(value) or "://" in value:  # a URL is listed by the loader (fsspec)
            return value
        if glob.has_magic(value) and glob.glob(value, recursive=True):
            return value
        self.fail(f"{value!r}: no such file or folder", param, ctx)


class OneLineUsageError(click.UsageError):
    """A usage error said in one line (`newsscan: ...`), exit 2, without the usage text."""

    def show(self, file=None) -> None:
        click.echo(f"newsscan: {self.format_message()}", err=True)


def _check_output(ctx, param, value):
    """Refuse an output path that cannot be written before anything is analyzed (spaCy is not loaded yet)."""
    from .render import output_problem

    problem = output_problem(value)
    if problem:
        raise OneLineUsageError(f"cannot write --output {value}: {problem}", ctx)
    return value


@dataclass(frozen=True)
class Out:
    """Where and how a command's rows go (the output options)."""

    fmt: str | None
    output: str | None
    headers: bool

    def emit(self, rows, **kwargs) -> None:
        from . import render

        render.emit(rows, self.fmt, self.output, headers=self.headers, **kwargs)


scheduler_option = click.option(
    "--scheduler", metavar="ADDRESS", envvar="NEWSSCAN_SCHEDULER", default=None,
    help="Run the per-article work on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N to "
         "start N worker processes here (instead of --jobs). Default: $NEWSSCAN_SCHEDULER; see docs/dask.md.")


_ANALYSIS_OPTIONS = (  # the options of every command that analyses a corpus, spelled alike everywhere
    click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                 help="Worker processes (default: the machine's cores)."),
    scheduler_option,
    click.option("--no-cache", is_flag=True, help="Recompute everything; neither read nor write the cache."),
    click.option("--text-column", default=None, help="Column holding the article text in CSV/JSONL exports."),
    click.option("--quiet", "-q", is_flag=True,
                 help="No progress bar, no problem lines and no closing line on stderr."),
    click.option("--verbose", "-v", is_flag=True,
                 help="List every problem input (each duplicate row, each file passed over)."),
    click.option("--max-chars", type=click.IntRange(min=1), default=DEFAULT_MAX_CHARS, show_default=True,
                 help="Skip (and name on stderr) an article whose body is longer than this many characters; "
                      "raise it to analyze such a body."),
)


def analysis_options(fn):
    for option in reversed(_ANALYSIS_OPTIONS):
        fn = option(fn)
    return fn
def corpus_command(fn):
    """The options every corpus command shares, spelled alike everywhere."""

    @click.argument("paths", nargs=-1, required=True, type=CorpusPath())
    @click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
                  help="Output format (default: from the --output file's extension, .csv .json .jsonl; else "
                       "a table on a terminal, JSON lines otherwise).")
    @click.option("--output", "-o", metavar="FILE", default=None, callback=_check_output,
                  help="Write to FILE (atomically) instead of standard output.")
    @click.option("--no-headers", is_flag=True, help="Leave out the header row of a CSV or a table.")
    @analysis_options
    @functools.wraps(fn)
    def wrapper(paths, fmt, output, no_headers, jobs, scheduler, no_cache, text_column, quiet, verbose,
                max_chars, **kwargs):
        run = _analyze(paths, _analysis(jobs, scheduler, no_cache, text_column, max_chars), quiet=quiet)
        fn(run, Out(fmt, output, not no_headers), **kwargs)
        _finish(run, quiet=quiet, verbose=verbose)

    return wrapper


def _analysis(jobs, scheduler, no_cache, text_column, max_chars) -> dict:
    """`api.analyze`'s keyword arguments from the options every analysing command shares (the settings: the
    environment's tables, the --max-chars limit)."""
    from dataclasses import replace

    settings = replace(click.get_current_context().meta[SETTINGS], max_chars=max_chars)
    return {"jobs": jobs, "use_cache": not no_cache, "text_column": text_column, "settings": settings,
            "scheduler": scheduler or None}


def _analyze(paths, analysis: dict, *, quiet: bool):
    """`api.analyze` with a progress bar on a terminal (a library error becomes one line: NewsscanCommand)."""
    from . import api

    if quiet or not sys.stderr.isatty():
        run = api.analyze(paths, **analysis)
    else:
        from .progress import ProgressBar

        with ProgressBar() as bar:
            run = api.analyze(paths, progress=bar, **analysis)
    if not quiet:
        for notice in run.notices:
            click.echo(f"newsscan: warning: {notice}", err=True)
    return run


def _finish(run, *, quiet: bool, verbose: bool) -> None:
    """One stderr line per problem input (repetition collapsed unless -v), the closing line; exit 1 when an
    input was not analyzed."""
    from .problems import closing_line, exit_status, issue_lines

    if not quiet:
        for line in issue_lines(run.issues, verbose=verbose):
            click.echo(f"newsscan: {line}", err=True)
        click.echo(f"newsscan: {closing_line(run)}", err=True)
    sys.exit(exit_status(run.issues))


@click.group(cls=NewsscanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsscan")
def cli() -> None:
    """Analyze a folder of Indonesian news articles: outlets, entities, dates, quotes, claims, and where
    outlets agree or differ.

    \b
    Inputs: files, folders (recursive), glob patterns, or - (one article on
    standard input). Files of other kinds inside a folder are passed over.

    \b
    Output: --format, else the --output file's extension (.csv, .json,
    .jsonl), else a table on a terminal and JSON lines in a pipe. A table
    fits the terminal ($COLUMNS; 160 columns in a file or a pipe). JSON is
    one object, {"rows": [...]}, the rows JSON lines and CSV print, plus
    "summary" (summarize) or "stories" (diff).

    \b
    Exit codes:
      0    every input was analyzed (warnings or not)
      1    an input newsscan reads was not analyzed (a file named on the
           command line; a .txt .jsonl .csv .json .html file in a folder),
           or the output could not be written
      2    usage error (no such path, an --output that cannot be written,
           a bad row in a table of NEWSSCAN_TABLES: checked first)
      130  interrupted (Ctrl-C)
    """


@cli.command()
@corpus_command
def summarize(run, out):
    """One row per article (outlet, date, title, size, top entities, quotes, claims, story) and corpus totals.

    \b
    JSON: {"rows": [article rows], "summary": {corpus totals}}.
    Example:
        newsscan summarize seeds/
        newsscan summarize exports/news.jsonl --text-column isi -o articles.csv
    """
    from . import api, views

    rows, summary = api.summary_rows(run)
    totals = [f"{k.replace('_', ' ')}: {v if not isinstance(v, list) else ', '.join(v)}"
              for k, v in summary.items()]
    out.emit(rows, title="articles", table_columns=views.SUMMARIZE, extra={"summary": summary},
             footer=totals)


@cli.command()
@corpus_command
@click.option("--label", type=click.Choice(["PERSON", "ORG", "LOC"], case_sensitive=False), default=None,
              help="Only entities with this label.")
@click.option(
    "--min-mentions", type=click.IntRange(min=1), default=1, help="Only entities mentioned this often."
)
@click.option(
    "--mentions", is_flag=True, help="One row per mention (path, text, canonical, label, start, end)."
)
def entities(run, out, label, min_mentions, mentions):
    """People, organisations and places, one canonical name each, across the corpus.

    \b
    JSON: {"rows": [entity rows]} (with --mentions, mention rows).
    Example:
        newsscan entities seeds/ --label PERSON --min-mentions 2
    """
    from . import api, views

    if mentions:
        out.emit(api.mention_rows(run, label=label), title="mentions", table_columns=views.MENTIONS)
    else:
        out.emit(api.entity_rows(run, label=label, min_mentions=min_mentions), title="entities",
                 table_columns=views.ENTITIES)


@cli.command()
@corpus_command
@click.option("--speaker", default=None, help="Only quotes whose speaker name contains this.")
@click.option("--outlet", default=None, help="Only quotes from this outlet.")
@click.option("--kind", type=click.Choice(["direct", "partial", "indirect"]), default=None,
              help="Only quotes of this kind.")
def quotes(run, out, speaker, outlet, kind):
    """Direct, partial and indirect quotes with speaker, role and medium (via).

    \b
    JSON: {"rows": [quote rows]}.
    Example:
        newsscan quotes seeds/ --speaker Easley --format jsonl
    """
    from . import api, views

    out.emit(api.quote_rows(run, speaker=speaker, outlet=outlet, kind=kind), title="quotes",
             table_columns=views.QUOTES)


@cli.command()
@corpus_command
def sources(run, out):
    """Who is quoted: one row per source with roles, type, quote count, outlets and the last quote.

    \b
    JSON: {"rows": [source rows]}.
    Example:
        newsscan sources seeds/
    """
    from . import api, views

    out.emit(api.source_rows(run), title="sources", table_columns=views.SOURCES)


@cli.command()
@corpus_command
def dates(run, out):
    """Temporal expressions with ISO values, relative ones resolved against each article's date.

    \b
    JSON: {"rows": [date rows]}.
    Example:
        newsscan dates seeds/ --format csv
    """
    from . import api, views

    out.emit(api.date_rows(run), title="dates", table_columns=views.DATES)


@cli.command()
@corpus_command
def timeline(run, out):
    """The corpus's events in date order (weeks and months at their first day), each with its sentence,
    outlet and entities.

    \b
    JSON: {"rows": [timeline rows]}.
    Example:
        newsscan timeline seeds/
    """
    from . import api, views

    out.emit(api.timeline_rows(run), title="timeline", table_columns=views.TIMELINE)


@cli.command()
@corpus_command
def claims(run, out):
    """Check-worthy statements: quantities, events with place or time, attributed statements.

    \b
    JSON: {"rows": [claim rows]}.
    Example:
        newsscan claims seeds/ --format jsonl
    """
    from . import api, views

    out.emit(api.claim_rows(run), title="claims", table_columns=views.CLAIMS)


DIFF_ONLY = {"conflicts": "conflicts", "updates": "updates", "agreements": "agreements", "only": "only",
             "shared": "shared_quotes"}


@cli.command()
@corpus_command
@click.option("--only", "only", type=click.Choice(list(DIFF_ONLY)), multiple=True,
              help="Show only these items (repeatable): conflicts, updates (a later report), agreements, "
                   "only (one outlet), shared (quotes).")
def diff(run, out, only):
    """Stories across outlets: conflicts first (the slot, each side's value, outlet and speaker), then
    updates, agreements, claims only one outlet has, shared quotes.

    \b
    JSON: {"rows": [one row per item, both sides],
           "stories": [stories with their item lists]}.
    Example:
        newsscan diff seeds/
        newsscan diff seeds/ --only conflicts --format json
    """
    from . import api, views

    kinds = [k for k in api.DIFF_KINDS if not only or k in {DIFF_ONLY[o] for o in only}]
    doc = api.diff_only(api.diff_document(run), kinds)
    out.emit(api.diff_rows(doc), extra={"stories": doc["stories"]}, sections=views.diff_sections(doc, kinds))


def _check_db(ctx, param, value):
    """Refuse a database that cannot be written, or another program's, before anything is analyzed."""
    from .exportdb import db_problem

    problem = db_problem(value) if value else None
    if problem:
        raise OneLineUsageError(f"cannot write --db {value}: {problem}", ctx)
    return value


@cli.command("export")
@click.argument("paths", nargs=-1, required=True, type=CorpusPath())
@click.option("--db", metavar="FILE", default=None, callback=_check_db,
              help="SQLite database to write (for Datasette); an earlier export there is updated.")
@click.option("--metadata", metavar="FILE", default=None,
              help="Datasette metadata file (default: beside the database, corpus.metadata.json).")
@click.option("--parquet", metavar="DIR", default=None,
              help="Folder for one Parquet dataset per table (DIR/<table>/part-*.parquet); with --scheduler "
                   "and no --db, the workers write one part per partition.")
@analysis_options
def export_cmd(paths, db, metadata, parquet, jobs, scheduler, no_cache, text_column, quiet, verbose,
               max_chars):
    """Every layer of the analysis as linked tables: an SQLite database for Datasette (with full-text search
    and canned queries) and/or Parquet files. Exporting again into the same database adds new and changed
    articles and leaves the others alone; the other commands read the database back as input.

    \b
    Example:
        newsscan export seeds/ --db corpus.db
        datasette corpus.db -m corpus.metadata.json
        newsscan summarize corpus.db
    """
    from . import export as ex
    from .errors import NewsscanError
    from .render import output_problem

    if not db and not parquet:
        raise OneLineUsageError("export needs --db FILE or --parquet DIR")
    if metadata and not db:
        raise OneLineUsageError("--metadata goes with --db")
    if output_problem(metadata):
        raise OneLineUsageError(f"cannot write --metadata {metadata}: {output_problem(metadata)}")
    if parquet and os.path.exists(parquet) and not os.path.isdir(parquet):
        raise OneLineUsageError(f"cannot write --parquet {parquet}: it is not a folder")
    if parquet and not db and (scheduler := scheduler or None):  # the workers write the parts
        return _parquet_from_workers(paths, parquet, scheduler, text_column, max_chars, quiet=quiet,
                                     verbose=verbose)
    run = _analyze(paths, _analysis(jobs, scheduler, no_cache, text_column, max_chars), quiet=quiet)
    try:
        done = ex.export(run, db=db, metadata=metadata, parquet=parquet)
    except (NewsscanError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        for line in ex.written_lines(done):
            click.echo(f"newsscan: {line}", err=True)
    _finish(done.run, quiet=quiet, verbose=verbose)


def _parquet_from_workers(paths, folder, scheduler, text_column, max_chars, *, quiet, verbose) -> None:
    """`export --parquet DIR --scheduler ADDRESS`: each partition's parts written by its worker
    (`dask_export`); the problems and the closing line as the other commands print them."""
    from dataclasses import replace

    from .dask_export import export_parquet, finished_run

    settings = replace(click.get_current_context().meta[SETTINGS], max_chars=max_chars)
    done = export_parquet(paths, folder, scheduler=scheduler, text_column=text_column, settings=settings)
    if not quiet:
        click.echo(f"newsscan: wrote {len(done.files)} Parquet tables into {folder} "
                   f"({sum(done.rows.values())} rows, written by the workers)", err=True)
    _finish(finished_run(done), quiet=quiet, verbose=verbose)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=CorpusPath())
@click.option("--output", "-o", metavar="FILE", default="report.html", show_default=True,
              callback=_check_output, help="Write the report to FILE (atomically); - for standard output.")
@click.option("--title", default=None, help="The report's title (default: newsscan report: N articles).")
@click.option("--open", "open_browser", is_flag=True, help="Open the report in the web browser once written.")
@analysis_options
def report(paths, output, title, open_browser, jobs, scheduler, no_cache, text_column, quiet, verbose,
           max_chars):
    """One self-contained HTML file (no network needed): overview, timeline, stories with their conflicts,
    sources, and every article with its entities, quotes and dates marked.

    \b
    Example:
        newsscan report seeds/ -o report.html --open
    """
    from .report import write_report

    run = _analyze(paths, _analysis(jobs, scheduler, no_cache, text_column, max_chars), quiet=quiet)
    size = write_report(run, output, title=title)
    if output != "-" and not quiet:
        click.echo(f"newsscan: wrote {output} ({size // 1024 + 1} kB)", err=True)
    if open_browser and output != "-":
        import pathlib
        import webbrowser

        webbrowser.open(pathlib.Path(output).resolve().as_uri())
    _finish(run, quiet=quiet, verbose=verbose)


@cli.group()
def cache() -> None:
    """The result cache (keyed by article content and pipeline version)."""


@cache.command("clear")
def cache_clear() -> None:
    """Delete every cached result (exit 1 when the cache cannot be opened or written)."""
    import sqlite3

    from .cache import open_cache

    c, why = open_cache()
    if c is None:
        raise click.ClickException(why)
    try:
        n = c.clear()
    except sqlite3.Error as exc:
        raise click.ClickException(f"cache at {c.path} not cleared ({exc})") from exc
    finally:
        c.close()
    click.echo(f"removed {n} cached results from {c.path}")


@cache.command("info")
def cache_info() -> None:
    """Where the cache is and how many results it holds (a cache that cannot be used is a warning)."""
    from .cache import default_dir, open_cache

    c, why = open_cache()
    if c is None:
        click.echo(f"newsscan: warning: {why}", err=True)
        click.echo(f"{default_dir()}: not usable, 0 results")
        return
    click.echo(f"{c.path}: {c.count()} results")
    c.close()


def main() -> None:  # pragma: no cover
    cli()
