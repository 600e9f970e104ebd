"""The `newsscan` command: a thin click layer over `newsscan.api`.

Every command: options in, one library call, `render`, exit code. Heavy modules (spaCy, pandas, the
pipeline) are imported inside the commands, so `newsscan --help` starts fast.
"""
from __future__ import annotations

import functools
import glob
import os
import sys

import click

from . import __version__

FORMATS = ("table", "json", "jsonl", "csv")
DEFAULT_MAX_CHARS = 500_000  # = loader.MAX_CHARS (tests/test_hostile.py checks); not imported: --help stays fast


class NewsscanCommand(click.Command):
    """Every newsscan command: checks the user's tables first, and turns a newsscan error into one line on
    stderr with exit code 2 (usage, bad table) or 1 (bad input, or an output that cannot be written)."""

    def invoke(self, ctx):
        import sqlite3

        from .errors import DataTableError, NewsscanError, UsageError

        try:
            _check_tables()
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
    command_class = NewsscanCommand
    group_class = type  # subgroups (`cache`) are NewsscanGroups too


def _fail(message: str, code: int):
    click.echo(f"newsscan: error: {' '.join(message.split())}", err=True)
    sys.exit(code)


def _check_tables() -> None:
    """The user's extension tables (NEWSSCAN_TABLES), validated before any work, whatever the command reads."""
    if not os.environ.get("NEWSSCAN_TABLES"):
        return
    from .tables import validate_user_tables

    for line in validate_user_tables():
        click.echo(f"newsscan: warning: {line}", err=True)


class CorpusPath(click.ParamType):
    """A file, a folder or a glob pattern; one that names nothing is a usage error (exit 2)."""

    name = "path"

    def convert(self, value, param, ctx):
        if os.path.lexists(value):
            return value
        if glob.has_magic(value) and glob.glob(value, recursive=True):
            return value
        self.fail(f"{value!r}: no such file or folder", param, ctx)


def corpus_command(fn):
    """The options every corpus command shares, spelled alike everywhere."""

    @click.argument("paths", nargs=-1, required=True, type=CorpusPath())
    @click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
                  help="Output format (default: table on a terminal, jsonl otherwise).")
    @click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
                  help="Write to FILE (atomically) instead of standard output.")
    @click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                  help="Worker processes (default: the machine's cores).")
    @click.option("--no-cache", is_flag=True, help="Recompute everything; neither read nor write the cache.")
    @click.option("--text-column", default=None, help="Column holding the article text in CSV/JSONL exports.")
    @click.option("--quiet", "-q", is_flag=True, help="No progress bar and no problem lines on stderr.")
    @click.option("--max-chars", type=click.IntRange(min=1), default=DEFAULT_MAX_CHARS, show_default=True,
                  help="Skip (and name on stderr) an article whose body is longer than this many characters; "
                       "raise it to analyze such a body.")
    @functools.wraps(fn)
    def wrapper(paths, fmt, output, jobs, no_cache, text_column, quiet, max_chars, **kwargs):
        run = _analyze(paths, jobs=jobs, use_cache=not no_cache, text_column=text_column, quiet=quiet,
                       max_chars=max_chars)
        fn(run, fmt=fmt, output=output, **kwargs)
        _exit_for(run.issues, quiet)

    return wrapper


def _analyze(paths, *, jobs, use_cache, text_column, quiet, max_chars):
    from . import api

    show = not quiet and sys.stderr.isatty()
    opts = {"jobs": jobs, "use_cache": use_cache, "text_column": text_column, "max_chars": max_chars}
    if not show:
        return api.analyze(paths, **opts)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(SpinnerColumn(), TextColumn("analyzing"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("analyze", total=None, rate="-")

        def tick(n):
            bar.advance(task, n)
            t = bar.tasks[0]
            if t.elapsed:
                bar.update(task, rate=f"{t.completed / t.elapsed:.0f}")

        return api.analyze(paths, progress=tick, **opts)


def _exit_for(issues, quiet: bool) -> None:
    """One stderr line per problem input; exit 1 when there was any."""
    from .api import iter_issue_lines

    if not quiet:
        for line in iter_issue_lines(issues):
            click.echo(f"newsscan: {line}", err=True)
    if issues:
        sys.exit(1)


@click.group(cls=NewsscanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsscan")
def cli() -> None:
    """Analyze a folder of Indonesian news articles: outlets, entities, dates, quotes, claims, and where
    outlets agree or differ.

    \b
    Exit codes: 0 every input read cleanly; 1 some input was reported on stderr (the rest was analyzed), or
    the output could not be written; 2 usage error (e.g. a path that does not exist) or a bad row in a table
    of NEWSSCAN_TABLES (checked before any analysis, for every command).
    """


@cli.command()
@corpus_command
def summarize(run, fmt, output):
    """One row per article (outlet, date, title, size, top entities, quotes, claims, story) and corpus totals.

    \b
    Example:
        newsscan summarize seeds/
        newsscan summarize exports/news.jsonl --text-column isi --format csv
    """
    from . import api, render

    rows, summary = api.summary_rows(run)
    render.emit(rows, fmt, output, summary=summary, title="articles",
                table_columns=("path", "outlet", "published", "title", "words", "top_entities", "quotes",
                               "claims", "story"))


@cli.command()
@corpus_command
@click.option("--label", type=click.Choice(["PERSON", "ORG", "LOC"], case_sensitive=False), default=None,
              help="Only entities with this label.")
@click.option("--min-mentions", type=click.IntRange(min=1), default=1, help="Only entities mentioned this often.")
@click.option("--mentions", is_flag=True, help="One row per mention (path, text, canonical, label, start, end).")
def entities(run, fmt, output, label, min_mentions, mentions):
    """People, organisations and places, one canonical name each, across the corpus.

    \b
    Example:
        newsscan entities seeds/ --label PERSON --min-mentions 2
    """
    from . import api, render

    if mentions:
        render.emit(api.mention_rows(run, label=label), fmt, output, title="mentions")
    else:
        render.emit(api.entity_rows(run, label=label, min_mentions=min_mentions), fmt, output,
                    title="entities",
                    table_columns=("name", "label", "mentions", "articles", "outlets", "aliases"))


@cli.command()
@corpus_command
@click.option("--speaker", default=None, help="Only quotes whose speaker name contains this.")
@click.option("--outlet", default=None, help="Only quotes from this outlet.")
@click.option("--kind", type=click.Choice(["direct", "partial", "indirect"]), default=None,
              help="Only quotes of this kind.")
def quotes(run, fmt, output, speaker, outlet, kind):
    """Direct, partial and indirect quotes with speaker, role and medium (via).

    \b
    Example:
        newsscan quotes seeds/ --speaker Easley --format jsonl
    """
    from . import api, render

    render.emit(api.quote_rows(run, speaker=speaker, outlet=outlet, kind=kind), fmt, output, title="quotes",
                table_columns=("path", "kind", "speaker", "speaker_role", "via", "text"))


@cli.command()
@corpus_command
def sources(run, fmt, output):
    """Who is quoted: one row per source with roles, type, quote count and outlets.

    \b
    Example:
        newsscan sources seeds/
    """
    from . import api, render

    render.emit(api.source_rows(run), fmt, output, title="sources",
                table_columns=("name", "type", "roles", "quotes", "outlets", "first_quote"))


@cli.command()
@corpus_command
def dates(run, fmt, output):
    """Temporal expressions with ISO values, relative ones resolved against each article's date.

    \b
    Example:
        newsscan dates seeds/ --format csv
    """
    from . import api, render

    render.emit(api.date_rows(run), fmt, output, title="dates",
                table_columns=("path", "text", "value", "granularity", "kind"))


@cli.command()
@corpus_command
def timeline(run, fmt, output):
    """The corpus's events ordered by date, each with its sentence, outlet and entities.

    \b
    Example:
        newsscan timeline seeds/
    """
    from . import api, render

    render.emit(api.timeline_rows(run), fmt, output, title="timeline",
                table_columns=("date", "outlet", "sentence", "entities"))


@cli.command()
@corpus_command
def claims(run, fmt, output):
    """Check-worthy statements: quantities, events with place or time, attributed statements.

    \b
    Example:
        newsscan claims seeds/ --format jsonl
    """
    from . import api, render

    render.emit(api.claim_rows(run), fmt, output, title="claims",
                table_columns=("path", "speaker", "modality", "polarity", "text"))


@cli.command()
@corpus_command
def diff(run, fmt, output):
    """Stories across outlets: conflicts first, then agreements, claims only one outlet has, shared quotes.

    \b
    Example:
        newsscan diff seeds/ --format json
    """
    from . import api, render

    doc = api.diff_document(run)
    render.emit_document(doc, fmt, output, rows=api.diff_rows(doc), sections=api.diff_sections(doc))


@cli.group()
def cache() -> None:
    """The result cache (keyed by article content and pipeline version)."""


@cache.command("clear")
def cache_clear() -> None:
    """Delete every cached result."""
    from .cache import ResultCache

    c = ResultCache()
    n = c.clear()
    click.echo(f"removed {n} cached results from {c.path}")
    c.close()


@cache.command("info")
def cache_info() -> None:
    """Where the cache is and how many results it holds."""
    from .cache import ResultCache

    c = ResultCache()
    click.echo(f"{c.path}: {c.count()} results")
    c.close()


def main() -> None:  # pragma: no cover
    cli()
