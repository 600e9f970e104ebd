"""What the CLI says about a run's inputs on stderr: one line per problem input, repetition collapsed, a
closing count, and the exit status.

Exit 1 means some input newsscan reads (a file named on the command line, or an article file inside a folder)
was not analyzed; warnings (a fallback decoding, a duplicate analyzed once, a file of another kind passed
over) leave it at 0.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence

from .api import Run, source_file
from .loader import Duplicate, PassedOver
from .records import Issue


def exit_status(issues: Iterable[Issue]) -> int:
    return 1 if any(i.severity == "error" for i in issues) else 0


def _line(issue: Issue) -> str:
    return f"{'skipped' if issue.severity == 'error' else 'warning'} {issue.path}: {issue.reason}"


def _pair(dup: Duplicate) -> tuple[str, str]:
    """The file of a duplicate and the file it repeats (a row's twin in the other format of one export)."""
    return source_file(dup.path), source_file(dup.previous or dup.kept)


def issue_lines(issues: Sequence[Issue], *, verbose: bool = False) -> list[str]:
    """One line per problem input, in order. Repetition collapses unless `verbose`: the duplicate rows of one
    file found in one other file (an export saved as both CSV and JSONL) are one line with a count, and the
    files of other kinds inside folders are one summary line."""
    if verbose:
        return [_line(i) for i in issues]
    pairs = Counter(_pair(i) for i in issues if isinstance(i, Duplicate))
    lines: list[str] = []
    said: set[tuple[str, str]] = set()
    for i in issues:
        if isinstance(i, PassedOver):
            continue
        if isinstance(i, Duplicate):
            pair = _pair(i)
            if pairs[pair] > 1:
                if pair not in said:
                    said.add(pair)
                    lines.append(
                        f"warning {pair[0]}: {pairs[pair]} rows are duplicates of rows of {pair[1]}: "
                        "analyzed once (-v lists each)"
                    )
                continue
        lines.append(_line(i))
    passed = [i for i in issues if isinstance(i, PassedOver)]
    if passed:
        kinds = Counter(os.path.splitext(i.path)[1] or "no extension" for i in passed)
        listed = ", ".join(f"{n} {ext}" for ext, n in sorted(kinds.items()))
        lines.append(f"passed over {_n(len(passed), 'file')} that are not articles ({listed}; -v lists them)")
    return lines


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def closing_line(run: Run) -> str:
    """How many articles and files were analyzed, and how many inputs were skipped or warned about."""
    analyzed = len({source_file(r.article.path) for r in run.results})
    errors = {i.path for i in run.issues if i.severity == "error"}
    duplicates = sum(isinstance(i, Duplicate) for i in run.issues)
    passed = sum(isinstance(i, PassedOver) for i in run.issues)
    warned = {
        i.path for i in run.issues if i.severity != "error" and not isinstance(i, (Duplicate, PassedOver))
    }
    parts = [
        f"{_n(len(run.results), 'article')} from {_n(analyzed, 'file')} analyzed",
        f"{len(errors)} skipped",
        f"{len(warned)} with warnings",
    ]
    if duplicates:
        parts.append(f"{_n(duplicates, 'duplicate')} analyzed once")
    if passed:
        parts.append(f"{_n(passed, 'other file')} passed over")
    return "; ".join(parts)
