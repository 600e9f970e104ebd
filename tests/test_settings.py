"""Settings: read from the environment at the edge only, carried to the pipeline's components, the process
pool's workers and the cache key; the user's tables of one pipeline are not another's."""
import ast
import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsscan import api, cli, tables
from newsscan.analysis import pipeline_version
from newsscan.errors import DataTableError
from newsscan.nlp import pipeline
from newsscan.quotes import find_quotes
from newsscan.settings import ENV_TABLES, Settings

SRC = Path(tables.__file__).resolve().parent

# invented sentences: a speech verb the packaged table lacks (`celetuk`), and a medium cue (`dinukil dari`)
CELETUK = '"Harga beras naik lagi," celetuk Wati Susanti di pasar.'
NUKIL = '"Harga minyak akan naik," kata Budi Santoso, dinukil dari Reuters.'
ARTICLE = (
    "Harga Minyak Diperkirakan Naik\n\n"
    "Harga minyak dunia diperkirakan naik pada tahun depan karena permintaan yang terus bertambah. "
    "Para pedagang di pasar juga mengatakan bahwa stok bahan bakar mulai menipis.\n"
    f"{NUKIL}\n"
    "Pemerintah belum mengumumkan kebijakan baru untuk menahan kenaikan harga tersebut.\n"
)


@pytest.fixture
def verb_dir(tmp_path):
    d = tmp_path / "verbs"
    d.mkdir()
    (d / "speech_verbs.tsv").write_text(
        "lemma\tforms\tkind\tslot\tclass\nceletuk\tceletuk\tdirect\tpost\tstatement\n", encoding="utf-8")
    return d


def test_from_env_reads_the_folders_and_nothing_else_does():
    assert Settings.from_env({ENV_TABLES: "/a::/b"}).tables == ("/a", "/b")
    assert Settings.from_env({}).tables == ()
    assert Settings.from_env({}, max_chars=10).max_chars == 10


def test_settings_are_frozen_hashable_and_picklable():
    s = Settings(tables=("/x",), max_chars=None)
    assert pickle.loads(pickle.dumps(s)) == s and hash(s) == hash(Settings(tables=("/x",), max_chars=None))
    with pytest.raises(AttributeError):
        s.tables = ()  # type: ignore[misc]


def _environment_reads(tree: ast.AST) -> list[int]:
    """Lines that name NEWSSCAN_TABLES as code (not in a docstring) or read `os.environ`/`getenv`."""
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value == ENV_TABLES and id(node) not in docstrings:
            lines.append(node.lineno)
        if isinstance(node, ast.Name) and node.id == "ENV_TABLES":
            lines.append(node.lineno)
    return lines


def test_only_settings_reads_the_tables_variable():
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        lines = _environment_reads(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[str(path.relative_to(SRC))] = lines
    assert list(found) == ["settings.py"], found


def test_two_pipelines_with_different_tables_in_one_process(verb_dir):
    mine = pipeline(("quotes",), Settings(tables=(str(verb_dir),)))
    default = pipeline(("quotes",))
    assert mine is not default
    assert [(q.speaker, q.cue) for q in mine(CELETUK)._.quotes] == [("Wati Susanti", "celetuk")]
    assert all(q.cue != "celetuk" for q in default(CELETUK)._.quotes)
    # the default pipeline is unchanged after the other was used
    assert all(q.cue != "celetuk" for q in pipeline(("quotes",))(CELETUK)._.quotes)


def test_the_folders_are_the_components_config(verb_dir):
    nlp = pipeline(("quotes",), Settings(tables=(str(verb_dir),)))
    assert nlp.config["components"]["newsscan_quotes"]["tables"] == [str(verb_dir)]
    assert pipeline(("quotes",)).config["components"]["newsscan_quotes"]["tables"] == []


def test_a_user_gazetteer_changes_a_label(tmp_path):
    d = tmp_path / "g"
    d.mkdir()
    (d / "gazetteer.jsonl").write_text('{"label": "ORG", "pattern": "Rusia"}\n'
                                       '{"label": "LOC", "pattern": "Wakanda"}\n', encoding="utf-8")
    text = "Presiden Rusia tiba di Wakanda."
    default = [(e.text, e.label_) for e in pipeline(("gazetteer",))(text).ents]
    mine = [(e.text, e.label_) for e in pipeline(("gazetteer",), Settings(tables=(str(d),)))(text).ents]
    assert default == [("Rusia", "LOC")]
    assert mine == [("Rusia", "ORG"), ("Wakanda", "LOC")]


def test_the_cache_key_holds_the_user_tables(verb_dir):
    plain = pipeline_version(Settings())
    with_verbs = pipeline_version(Settings(tables=(str(verb_dir),)))
    assert plain != with_verbs and with_verbs.startswith(plain)


def test_the_pool_workers_get_the_settings(verb_dir, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(2):  # one article per task (batch_articles=1): two tasks for two workers
        text = ARTICLE.replace(NUKIL, CELETUK) + f"Catatan {i}.\n"
        (corpus / f"a{i}.txt").write_text(text, encoding="utf-8")
    settings = Settings(tables=(str(verb_dir),), batch_articles=1)
    run = api.analyze([str(corpus)], jobs=2, use_cache=False, settings=settings)
    assert run.settings == settings
    assert len(run.results) == 2 and all("celetuk" in [q.cue for q in r.quotes] for r in run.results)


def test_analyze_checks_the_settings_tables(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "gazetteer.jsonl").write_text('{"label": "LOC", "pattern": "Wakanda"}\n{"label": 3}\n',
                                       encoding="utf-8")
    with pytest.raises(DataTableError, match=r"gazetteer.jsonl:2: a row needs a string label"):
        api.analyze([str(tmp_path)], use_cache=False, settings=Settings(tables=(str(d),)))


def test_an_old_attribution_table_is_read_with_one_warning(tmp_path):
    d = tmp_path / "t"
    d.mkdir()
    (d / "attribution.tsv").write_text("cue\tkind\ndinukil dari\tvia_before\n", encoding="utf-8")
    art = tmp_path / "berita.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    args = ["quotes", str(art), "--format", "jsonl", "--no-cache", "--jobs", "1"]
    result = CliRunner().invoke(cli.cli, args, env={ENV_TABLES: str(d)}, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "attribution.tsv" in line]
    assert len(warned) == 1 and all(name in warned[0] for name in tables.ATTRIBUTION_SPLIT)
    quotes = [json.loads(line) for line in result.stdout.splitlines()]
    assert ("Budi Santoso", "Reuters") in [(q["speaker"], q["via"]) for q in quotes]
    # without the folder, the cue is unknown
    assert [q.via for q in find_quotes(NUKIL, folders=())] == [None]


def test_a_bad_user_gazetteer_line_is_one_line_and_exit_2(tmp_path):
    d = tmp_path / "t"
    d.mkdir()
    (d / "gazetteer.jsonl").write_text('{"label": "LOC", "pattern": "Wakanda"}\n{"pattern": "X"\n',
                                       encoding="utf-8")
    result = CliRunner().invoke(cli.cli, ["cache", "info"], env={ENV_TABLES: str(d)}, catch_exceptions=False)
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and f"{d / 'gazetteer.jsonl'}:2:" in lines[0]


# invented: a nickname cue the packaged table lacks (`dijuluki`), and an article that uses it
JULUK = ("Kepala desa Hendra Wijaya, yang dijuluki Ompong, meresmikan jembatan baru di desanya. "
         "Ompong berharap jembatan itu dirawat warga.")
ENTITIES = ("paragraphs", "ner", "hyphen_names", "gazetteer", "entities")


def _nickname_holders(nlp) -> set[str | None]:
    return {m.canonical for m in nlp(JULUK)._.mentions if m.text == "Ompong"}


def test_two_pipelines_with_different_entity_tables_in_one_process(tmp_path):
    d = tmp_path / "nick"
    d.mkdir()
    (d / "nickname_cues.tsv").write_text("cue\tkind\tend\ndijuluki\tafter\n", encoding="utf-8")
    before = _nickname_holders(pipeline(ENTITIES))
    mine = _nickname_holders(pipeline(ENTITIES, Settings(tables=(str(d),))))
    assert mine == {"Hendra Wijaya"}
    assert "Hendra Wijaya" not in before
    # the default pipeline is unaffected after the other was used (its cached tables are its own)
    assert _nickname_holders(pipeline(ENTITIES)) == before
