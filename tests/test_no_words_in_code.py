"""No Indonesian word lists in Python (issue #22): the words rules match live in `data/` tables. Scans the
string literals of `src/newsscan/**/*.py` (docstrings and comments left out, through `ast`) that a rule
matches with: a regular expression, a member of a set/tuple/list literal, a comparison (`w == "yang"`), or
the argument of a string search (`text.split(" dan ")`)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsscan import claims, outlets, pubdate, tables
from newsscan.compare import words as compare_words
from newsscan.dates import lexicon as date_lexicon
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


@pytest.mark.parametrize("module", _modules())
def test_no_indonesian_word_list_in_python(module):
    """Every module, none pending any more (issue #22)."""
    assert words_in((SRC / module).read_text(encoding="utf-8")) == []


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


@pytest.mark.parametrize(
    "kinds, words",
    [
        (compare_words.KINDS, compare_words.compare_words),
        (claims.WORD_KINDS, lambda kind: claims._claim_words()[kind]),
        (pubdate.CUE_KINDS, lambda kind: [r for r in tables.table("pubdate_cues.tsv") if r["kind"] == kind]),
        (date_lexicon.CUE_KINDS, lambda kind: date_lexicon.Lexicon.load(()).cues[kind]),
    ],
)
def test_every_kind_of_the_new_word_tables_has_words(kinds, words):
    assert [kind for kind in kinds if not words(kind)] == []


# invented sentences: a credit verb and a place preposition the packaged tables lack
CREDIT = "Menukil dari Kyodo, pemerintah setempat menutup jalan itu selama dua hari."


def test_a_user_outlets_table_adds_a_credit_verb(tmp_path):
    (tmp_path / "outlets.toml").write_text('credit_verbs = ["Menukil"]\n', encoding="utf-8")
    mine = outlets.find_credits([CREDIT], [], outlets.load_registry((str(tmp_path),)))
    assert mine == ["Kyodo"]
    assert outlets.find_credits([CREDIT], [], outlets.load_registry(())) == []


def test_a_user_claim_words_row_adds_a_place_preposition(tmp_path):
    (tmp_path / "claim_words.tsv").write_text("word\tkind\nsekitar\tplace_lead_lower\n", encoding="utf-8")
    text = "Banjir merendam rumah warga sekitar Cibeureum sejak pagi."
    with tables.using((str(tmp_path),)):
        assert "Cibeureum" in claims._places_fallback(text)
    assert "Cibeureum" not in claims._places_fallback(text)
