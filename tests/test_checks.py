"""The architecture's rules and the code's hygiene as checks, run by the one test command
CI runs (README, `.ci/run`): ruff and mypy as configured in pyproject.toml, and the
import contracts in .importlinter. Each must pass with zero findings; the failure
message is the tool's own report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

CHECKS = {
    "ruff": [sys.executable, "-m", "ruff", "check", "--no-fix", "--output-format", "concise", "."],
    "mypy": [sys.executable, "-m", "mypy"],
    # import-linter has no `python -m` entry; its console script is this click command.
    # No cache: it would write .import_linter_cache into the tree.
    "import-linter": [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
                      "--no-cache"],
}


@pytest.mark.parametrize("name", CHECKS)
def test_check_passes(name: str) -> None:
    result = subprocess.run(CHECKS[name], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{name} found problems:\n{result.stdout}\n{result.stderr}"
