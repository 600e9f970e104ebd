"""Takes site furniture out of an article body and keeps what it took, with the reason, for audit.

The rules live in `data/boilerplate.tsv` (pattern, kind, reason; see the comments there). Kept lines are
returned unchanged, so that `"\\n".join(kept non-empty lines)` is the clean body and every span of the scraped
text that is not furniture is still an exact substring of it (the gold quotes and dates are cut out of the
scraped text, scraper line breaks included). The one exception is `inline` furniture (`ADVERTISEMENT SCROLL TO
CONTINUE WITH CONTENT` flattened into a paragraph): that span, and one space beside it, is cut out of its
line.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .records import Removed
from .tables import Folders, cache_per_folders, table

TABLE = "boilerplate.tsv"
COLUMNS = ("pattern", "kind", "reason")
KINDS = ("line", "prefix", "regex", "next", "tail", "block", "inline", "end")

# A headline after a lone `Baca juga:` marker: short, no closing full stop (Liputan6's lone `Baca Juga` is
# followed by a body paragraph, which ends with one), mostly capitalised words.
_HEADLINE_MAX = 200
_SENTENCE_END = (".", ";", ",")
# Lines after an editor code (`(bel/dek)`) that are tags or promos: short, not sentences.
_TAIL_MAX = 90
_CAPTION_MAX = 160


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: str
    kind: str
    reason: str
    regex: re.Pattern[str] | None
    where: str  # file:line of the table row


@cache_per_folders
def load_rules(folders: Folders | None = None) -> tuple[Rule, ...]:
    """The boilerplate rules, compiled once (packaged table plus a user's `boilerplate.tsv`)."""
    from .errors import DataTableError

    rules = []
    for row in table(TABLE, folders):
        kind, pat = row["kind"], row["pattern"]
        regex = None
        if kind not in ("line", "prefix"):
            try:
                regex = re.compile(pat, re.MULTILINE if kind == "block" else 0)
            except re.error as exc:
                raise DataTableError(f"{row['_where']}: bad regular expression: {exc}") from exc
        rules.append(
            Rule(pat.casefold() if regex is None else pat, kind, row["reason"], regex, row["_where"])
        )
    return tuple(rules)


def _line_rule(stripped: str, rules: Sequence[Rule]) -> Rule | None:
    folded = stripped.casefold()
    for r in rules:
        if r.kind == "line":
            if folded == r.pattern:
                return r
        elif r.kind == "prefix":
            if folded.startswith(r.pattern):
                return r
        elif r.kind in ("regex", "next", "tail"):
            assert r.regex is not None
            if r.regex.fullmatch(stripped):
                return r
    return None


def looks_like_headline(line: str) -> bool:
    """A related-article headline: short, no closing full stop, mostly capitalised words."""
    s = line.strip()
    if not s or len(s) > _HEADLINE_MAX or s.endswith(_SENTENCE_END):
        return False
    words = [w for w in s.split() if w[:1].isalnum()]
    if not words:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return caps / len(words) >= 0.5


def _is_tail_line(line: str) -> bool:
    s = line.strip()
    return not s or (len(s) <= _TAIL_MAX and not s.endswith((".", "?", "!", '"', "\u201d", ":")))


def _next_nonempty(lines: Sequence[str], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j].strip():
            return j
    return None


def _cut(line: str, start: int, end: int) -> str:
    """The line without [start, end), and without one space that the cut would leave doubled."""
    before, after = line[:start], line[end:]
    if before.endswith((" ", "\t")) and (not after or after.startswith((" ", "\t"))):
        before = before[:-1]
    elif not before and after.startswith(" "):
        after = after[1:]
    return before + after


class _Stripper:
    """One pass over a body's lines: `kept[i]` is the line as it stands (None once removed), `removed[i]` what
    was taken out of it and why."""

    def __init__(self, lines: Sequence[str], first_line: int, rules: Sequence[Rule]):
        self.lines = lines
        self.first_line = first_line
        self.rules = rules
        self.kept: list[str | None] = list(lines)
        self.removed: dict[int, list[Removed]] = {}

    def drop(self, i: int, reason: str, text: str | None = None) -> None:
        """Removes line i (or records `text` cut out of it, when given)."""
        if self.kept[i] is not None:
            self.removed.setdefault(i, []).append(
                Removed(self.first_line + i, self.kept[i] if text is None else text, reason)
            )
            if text is None:
                self.kept[i] = None

    def blocks(self) -> None:
        """A block rule's match over several lines removes every line it touches."""
        lines = self.lines
        if not any(r.kind == "block" for r in self.rules):
            return
        joined = "\n".join(lines)
        starts = [0]
        for ln in lines:
            starts.append(starts[-1] + len(ln) + 1)
        for r in self.rules:
            if r.kind != "block":
                continue
            assert r.regex is not None
            for m in r.regex.finditer(joined):
                a = bisect.bisect_right(starts, m.start()) - 1
                b = bisect.bisect_right(starts, max(m.end() - 1, m.start())) - 1
                for i in range(a, min(b, len(lines) - 1) + 1):
                    self.drop(i, r.reason)

    def line_rule(self, i: int, rule: Rule) -> tuple[int, bool]:
        """Applies a whole-line rule to line i: (the last line it consumed, whether the scan stops)."""
        lines, n = self.lines, len(self.lines)
        self.drop(i, rule.reason)
        if rule.kind == "next":
            j = _next_nonempty(lines, i)
            if (
                j is not None
                and self.kept[j] is not None
                and looks_like_headline(lines[j])
                and _line_rule(lines[j].strip(), self.rules) is None
            ):
                self.drop(j, rule.reason)
                return j, False
        elif rule.kind == "tail":
            rest = range(i + 1, n)
            if all(_is_tail_line(lines[k]) for k in rest):
                for k in rest:
                    if lines[k].strip():
                        own = _line_rule(lines[k].strip(), self.rules)
                        self.drop(k, own.reason if own else "tags")
                return i, True
        return i, False

    def caption(self, i: int, line: str, stripped: str) -> int | None:
        """A photo caption given twice (seed 003): the same short, unpunctuated line twice in a row; returns
        the second line's index when removed."""
        j = _next_nonempty(self.lines, i)
        if (
            j is not None
            and self.lines[j] == line
            and len(stripped) <= _CAPTION_MAX
            and not stripped.endswith((".", '"', "\u201d", "?", "!"))
        ):
            self.drop(i, "caption")
            self.drop(j, "caption")
            return j
        return None

    def inline(self, i: int) -> None:
        """Cuts every inline rule's matches out of line i."""
        for r in self.rules:
            if r.kind != "inline":
                continue
            assert r.regex is not None
            cur = self.kept[i]
            assert cur is not None
            pieces = list(r.regex.finditer(cur))
            for m in reversed(pieces):
                self.drop(i, r.reason, m.group(0))
                cur = _cut(cur, m.start(), m.end())
            self.kept[i] = cur

    def scan(self) -> None:
        """Line rules, doubled captions and inline cuts, line by line."""
        i, n = 0, len(self.lines)
        while i < n:
            line = self.kept[i]
            if line is None or not line.strip():
                i += 1
                continue
            stripped = line.strip()
            rule = _line_rule(stripped, self.rules)
            if rule is not None:
                i, stop = self.line_rule(i, rule)
                if stop:
                    break
                i += 1
                continue
            j = self.caption(i, line, stripped)
            if j is not None:
                i = j + 1
                continue
            self.inline(i)
            i += 1

    def editor_code(self) -> None:
        """An editor code at the end of the last paragraph: `... di bagian kepala. (okz)`."""
        kept = self.kept
        filled = (k for k in range(len(kept) - 1, -1, -1) if kept[k] is not None and kept[k].strip())
        last = next(filled, None)
        if last is None:
            return
        for r in self.rules:
            if r.kind != "end":
                continue
            assert r.regex is not None
            cur = kept[last]
            assert cur is not None
            m = r.regex.search(cur)
            if m and cur[: m.start()].strip():
                self.drop(last, r.reason, m.group(0))
                kept[last] = cur[: m.start()].rstrip(" \t")

    def emptied(self) -> None:
        """An inline cut may leave nothing behind: the line goes too."""
        for k, cur in enumerate(self.kept):
            if cur is not None and k in self.removed and not cur.strip():
                self.drop(k, self.removed[k][-1].reason)


def strip_boilerplate(
    lines: Sequence[str],
    *,
    first_line: int = 0,
    folders: Folders | None = None,
) -> tuple[tuple[str, ...], tuple[Removed, ...]]:
    """(kept lines, removed lines). `lines` are the body's lines; `first_line` is the number of the first of
    them in the raw file, so that `Removed.line` points into the file. Blank lines are kept (the caller drops
    them). Never raises on odd text; the rules are linear in the length of the text.
    """
    st = _Stripper(lines, first_line, load_rules(folders))
    st.blocks()
    st.scan()
    st.editor_code()
    st.emptied()
    out_removed = tuple(r for k in sorted(st.removed) for r in st.removed[k])
    return tuple(x for x in st.kept if x is not None), out_removed
