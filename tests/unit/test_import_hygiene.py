"""The core must stay usable without Textual, and the CLI must start light.

Run in a fresh interpreter: the test process itself has imported everything already.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "tui_reader.model",
    "tui_reader.locations",
    "tui_reader.sources.decode",
    "tui_reader.sources.seeds",
    "tui_reader.extract",
    "tui_reader.extract.figures",
    "tui_reader.extract.instruments",
    "tui_reader.extract.directory",
    "tui_reader.store",
    "tui_reader.config",
    "tui_reader.prices.service",
    "tui_reader.prices.window",
    "tui_reader.prices.csvfiles",
    "tui_reader.sources.poll",
    "tui_reader.cli",
]


def _imported_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    loaded = _imported_after(f"import {module}")
    assert "textual" not in loaded, f"{module} pulls in Textual"
    assert "yfinance" not in loaded and "pandas" not in loaded, f"{module} imports yfinance/pandas eagerly"


def test_cli_entry_point_imports_nothing_heavy() -> None:
    loaded = _imported_after("import tui_reader.cli")
    heavy = {"textual", "feedparser", "httpx", "yfinance", "pandas", "plotext"}
    assert not heavy & loaded, f"tui_reader.cli imports {sorted(heavy & loaded)} at start-up"
