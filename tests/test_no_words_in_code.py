"""No Indonesian word lists in Python (issue #22): the words rules match live in `data/` tables. Scans the
string literals of `src/newsscan/**/*.py` (docstrings and comments left out, through `ast`) that a rule
matches with: a regular expression, a member of a set/tuple/list literal, a comparison (`w == "yang"`), or
the argument of a string search (`text.split(" dan ")`)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsscan.quotes import grammar_words

SRC = Path(__file__).resolve().parent.parent / "src" / "newsscan"

# frequent Indonesian function words, speech verbs, weekdays and months (a sample: enough to find a list)
WORDS = (
    "yang", "dan", "atau", "serta", "sebagai", "menjadi", "selaku", "kata", "ujar", "tutur", "katanya",
    "ujarnya", "menurut", "bahwa", "kepada", "dengan", "untuk", "dari", "pada", "dalam", "oleh", "adalah",
    "karena", "tetapi", "namun", "hingga", "sejak", "setelah", "ketika", "agar", "supaya", "bernama",
    "berinisial", "seraya", "sambil", "tersebut", "disapa", "dipanggil", "senin", "selasa", "kamis",
    "jumat", "sabtu", "januari", "februari", "maret", "agustus", "oktober", "desember",
)
_WORD_RE = re.compile(r"(?<![A-Za-z])(?:" + "|".join(WORDS) + r")(?![A-Za-z])", re.IGNORECASE)
_REGEX_LIKE = re.compile(r"\\[sbwdS]|\(\?|\|")
_SEARCHES = frozenset(
    {"split", "rsplit", "startswith", "endswith", "find", "rfind", "index", "count", "replace"}
)

# modules that still hold such words: others' work under issue #22 (dates, entities, claims, compare, the
# loader's outlet and date readers). A module cleaned leaves the list; none may join it.
PENDING = frozenset(
    {
        "claims.py",
        "compare/align.py",
        "compare/descriptions.py",
        "compare/slots.py",
        "compare/states.py",
        "outlets.py",
    }
)


def _docstrings(tree: ast.AST) -> set[int]:
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def _matched_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of the string literals a rule matches with: in a collection literal or a comparison, or
    shaped like a regular expression."""
    docs = _docstrings(tree)
    held: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            held.update(id(e) for e in node.elts)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in _SEARCHES:
                held.update(id(e) for e in node.args)
        elif isinstance(node, ast.Compare):
            held.update(id(e) for e in [node.left, *node.comparators])
            for e in node.comparators:
                if isinstance(e, (ast.Set, ast.Tuple, ast.List)):
                    held.update(id(x) for x in e.elts)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            if id(node) in held or _REGEX_LIKE.search(node.value):
                out.append((node.lineno, node.value))
    return out


def words_in(source: str) -> list[str]:
    """`line: word` for each Indonesian word of WORDS in a matched literal of `source`."""
    tree = ast.parse(source)
    return [f"{line}: {w}" for line, text in _matched_literals(tree) for w in _WORD_RE.findall(text)]


def _modules() -> list[str]:
    return sorted(p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("module", [m for m in _modules() if m not in PENDING])
def test_no_indonesian_word_list_in_python(module):
    assert words_in((SRC / module).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("module", sorted(PENDING))
def test_a_pending_module_leaves_the_list_once_clean(module):
    assert words_in((SRC / module).read_text(encoding="utf-8")), f"{module} is clean: take it off PENDING"


@pytest.mark.parametrize(
    "source, found",
    [
        ('RX = re.compile(r"(?:sebagai|menjadi)\\s+")', ["1: sebagai", "1: menjadi"]),
        ('STOP = {"oleh", "yang"}', ["1: oleh", "1: yang"]),
        ('ok = w == "bahwa"', ["1: bahwa"]),
        ('ok = w in ("agar", "supaya")', ["1: agar", "1: supaya"]),
        ('def f():\n    """kata X, ujar Y: a docstring may name words."""\n    return 1', []),
        ('x = 1  # dan, yang: a comment may name words', []),
        ('parts = text.split(" dan ")', ["1: dan"]),
        ('LABEL = "person"', []),
    ],
)
def test_the_scan_finds_words_in_rules_only(source, found):
    assert words_in(source) == found


def test_every_kind_of_quote_words_has_words():
    for kind in grammar_words.KINDS:
        assert grammar_words.words(kind), kind
    assert "yang" in grammar_words.word_set("relative")
    assert re.fullmatch(grammar_words.alt("first_time"), "pertama  kali")
