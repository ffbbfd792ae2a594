"""The core must stay usable without Textual, and the CLI must start light.

The modules are found by walking the package, not listed by hand, so a new core module
is checked the day it is added. Imports run in a fresh interpreter: the test process
itself has imported everything already. `lint-imports` (tests/test_checks.py) checks the
same rule statically, including imports inside functions; this checks what really loads.
"""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import tui_reader

PACKAGE = Path(tui_reader.__file__).resolve().parent
REPO = PACKAGE.parent

UI_AND_ENTRY = {"tui_reader.app", "tui_reader.cli", "tui_reader.__main__"}
"""Top-level parts that are not the core: the Textual UI and the command line."""

TEXTUAL_FREE_UI = ["tui_reader.app.data"]
"""UI modules that are plain Python on purpose (the data layer the screens ask)."""

HEAVY = {"yfinance", "pandas"}


def _module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def _top_level(name: str) -> str:
    return ".".join(name.split(".")[:2])


CORE_MODULES = [n for n in _module_names() if n != "tui_reader" and _top_level(n) not in UI_AND_ENTRY]


def _imported_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def _culprits(modules: list[str], unwanted: set[str]) -> list[str]:
    """Only on failure: which of `modules`, imported alone, loads something unwanted."""
    return [m for m in modules if unwanted & _imported_after(f"import {m}")]


def test_the_walk_finds_the_core() -> None:
    for expected in ("tui_reader.model", "tui_reader.extract.figures", "tui_reader.store.writes",
                     "tui_reader.sources.poll", "tui_reader.prices.service", "tui_reader.config"):
        assert expected in CORE_MODULES
    assert not [m for m in CORE_MODULES if m.startswith(("tui_reader.app", "tui_reader.cli"))]


def test_no_core_module_imports_textual_or_pandas() -> None:
    """All core modules in one interpreter: imports only add modules, so if together
    they load neither Textual nor pandas, none of them does alone."""
    loaded = _imported_after("\n".join(f"import {m}" for m in CORE_MODULES + TEXTUAL_FREE_UI))
    # Not "rich": httpx loads it for its own command line whenever it is installed. That
    # the core itself never imports Rich, lint-imports checks.
    unwanted = {"textual"} | HEAVY
    found = unwanted & loaded
    assert not found, f"{sorted(found)} loaded by {_culprits(CORE_MODULES + TEXTUAL_FREE_UI, found)}"


def test_the_import_contracts_name_every_core_package() -> None:
    """.importlinter lists the core by name; a new top-level module must join it."""
    contracts = configparser.ConfigParser()
    contracts.read(REPO / ".importlinter")
    listed = set(contracts["importlinter:contract:core-without-ui"]["source_modules"].split())
    top_level = {_top_level(m) for m in CORE_MODULES}
    assert top_level == listed, f"missing from .importlinter: {sorted(top_level - listed)}; " \
                                f"not in the package: {sorted(listed - top_level)}"


def test_cli_entry_point_imports_nothing_heavy() -> None:
    loaded = _imported_after("import tui_reader.cli")
    heavy = {"textual", "feedparser", "httpx", "plotext"} | HEAVY
    assert not heavy & loaded, f"tui_reader.cli imports {sorted(heavy & loaded)} at start-up"
