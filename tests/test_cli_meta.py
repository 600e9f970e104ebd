"""Every command has help text, answers --help, and is in the README; --help loads neither spaCy nor
pandas."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsscan.cli import cli

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert cli.commands[name].help and len(cli.commands[name].help) > 20


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name):
    assert f"newsscan {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_help_imports_neither_spacy_nor_pandas():
    code = (
        "import sys\nfrom newsscan.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('spacy', 'pandas', 'sklearn', 'thinc') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_missing_path_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["summarize", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
